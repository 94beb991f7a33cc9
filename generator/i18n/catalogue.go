// Package i18n is gongshi's one catalogue of visible words: UI strings,
// chart titles, axes, legends, notes and descriptions, figure and table
// labels, data-dictionary words, enum display names, punctuation, and the
// formats of dates, numbers and money, in Chinese (zh-CN) and English (en).
//
// The words live in the theme's i18n/<lang>.toml files (embedded in the
// binary); a site's own i18n/<lang>.toml overrides them key by key. Nested
// TOML tables flatten to dotted keys: [enum] done = "Done" is "enum.done".
// Both languages must name the same keys, so a site in English never shows
// a Chinese word by accident: a key missing from either stops the build.
//
// A message about a count may have a singular form, used when the count is
// 1 (see Tn): the key under the table [one], so that "one.attention.overdue_days"
// = "{n} day overdue" goes with attention.overdue_days = "{n} days overdue".
// Singular forms are optional and need not agree between languages: English
// has them, Chinese does not.
package i18n

import (
	"io/fs"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"

	"gongshi/generator/limits"
	"gongshi/generator/problem"
	"gongshi/generator/safefs"
	"gongshi/themes"
)

// Languages are the UI languages gongshi ships, the first the fallback.
var Languages = []string{"zh-CN", "en"}

// Catalogue holds the words of one language, ready for use by every stage
// that shows text. It is safe for concurrent use.
type Catalogue struct {
	lang    string
	strs    map[string]string
	missing sync.Map // keys asked for that no file has (see Missing)
	dates   sync.Map // YYYY-MM-DD → the date as written (see Date), for days outside days
	labels  sync.Map // key → its words and the colon (see LabelOf)
	// days holds the dates of 1900–2099 as written, by day (see dayIndex),
	// each made on first use: a look-up without a lock or a hash, as every
	// page shows dates and the map cost 2% of a build's time.
	days [dayYears * 12 * 31]atomic.Pointer[string]
}

// dayYears is how many years from 1900 Catalogue.days holds.
const dayYears = 200

// themeFile reads a file of the default theme's i18n folder.
func themeFile(name string) ([]byte, error) { return fs.ReadFile(themes.FS, "default/i18n/"+name) }

// Load returns the catalogue of lang ("zh-CN" or "en") for the site in
// siteDir: the theme's words with the site's overrides. Problems: a file
// that does not parse, keys that one language has and the other lacks, and
// override keys the theme does not know (a typo would silently do nothing).
func Load(siteDir, lang string) (*Catalogue, *problem.List) {
	probs := &problem.List{}
	theme := map[string]map[string]string{}
	for _, l := range Languages {
		file := "themes/default/i18n/" + l + ".toml"
		b, err := themeFile(l + ".toml")
		if err != nil {
			probs.Error("i18n-file", file, 0, "", "", "缺少界面文字文件", "the theme's words for this language are missing")
			continue
		}
		m, err := parse(b)
		if err != nil {
			probs.Error("i18n-syntax", file, 0, "", "", "界面文字文件格式错误", err.Error())
			continue
		}
		theme[l] = m
	}
	// Keys one language has and another lacks; a singular form of a key
	// its own file lacks.
	for _, l := range Languages {
		for _, k := range sortedKeys(theme[l]) {
			if base, ok := strings.CutPrefix(k, singular); ok {
				if _, ok := theme[l][base]; !ok {
					probs.Error("i18n-singular", "themes/default/i18n/"+l+".toml", 0, k, "",
						"这个单数形式没有对应的界面文字", "a singular form of a key this file does not have")
				}
			}
		}
		for _, other := range Languages {
			if other == l {
				continue
			}
			for _, k := range sortedKeys(theme[l]) {
				if strings.HasPrefix(k, singular) {
					continue // optional: Chinese has none
				}
				if _, ok := theme[other][k]; !ok && theme[other] != nil {
					probs.Error("i18n-missing", "themes/default/i18n/"+other+".toml", 0, k, "",
						"缺少这条界面文字（"+l+".toml 中有）", "this key is missing (it is in "+l+".toml)")
				}
			}
		}
	}
	c := &Catalogue{lang: lang, strs: map[string]string{}}
	for k, v := range theme[lang] {
		c.strs[k] = v
	}
	file := "i18n/" + lang + ".toml"
	b, err := safefs.Read(siteDir, file, safefs.MaxText)
	if p, ok := safefs.AsProblem(err); ok {
		probs.Add(p)
		err = p
	}
	if err == nil {
		if p := limits.TOMLProblem(file, 1, string(b)); p != nil {
			probs.Add(*p)
			return c, probs
		}
		m, err := parse(b)
		if err != nil {
			probs.Error("i18n-syntax", file, 0, "", "", "界面文字文件格式错误", err.Error())
		}
		for _, k := range sortedKeys(m) {
			base, isSingular := strings.CutPrefix(k, singular)
			if _, ok := c.strs[k]; !ok && !(isSingular && c.Has(base)) {
				probs.Warn("i18n-unknown-key", file, 0, k, "", "主题中没有这条界面文字，此项不起作用", "the theme has no such key: this line has no effect")
				continue
			}
			c.strs[k] = m[k]
			// The site's words replace the theme's for every count: the
			// theme's singular form was written for the theme's words.
			if _, own := m[singular+k]; !isSingular && !own {
				delete(c.strs, singular+k)
			}
		}
	}
	return c, probs
}

// singular prefixes the key of a message's singular form (see Tn).
const singular = "one."

// New returns a catalogue of lang holding exactly words (for tests).
func New(lang string, words map[string]string) *Catalogue {
	return &Catalogue{lang: lang, strs: words}
}

// parse decodes an i18n file into dotted keys.
func parse(b []byte) (map[string]string, error) {
	var raw map[string]any
	if _, err := toml.Decode(string(b), &raw); err != nil {
		return nil, err
	}
	out := map[string]string{}
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		for k, v := range m {
			switch v := v.(type) {
			case string:
				out[prefix+k] = v
			case map[string]any:
				walk(prefix+k+".", v)
			}
		}
	}
	walk("", raw)
	return out, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Lang returns the catalogue's language: "zh-CN" or "en".
func (c *Catalogue) Lang() string { return c.lang }

// English reports whether the catalogue is English.
func (c *Catalogue) English() bool { return c.lang == "en" }

// T returns the words for key. A key no file has is recorded (Missing) and
// returned as is, so that the build can refuse to publish it.
func (c *Catalogue) T(key string) string {
	if s, ok := c.strs[key]; ok {
		return s
	}
	c.missing.Store(key, true)
	return key
}

// Has reports whether the catalogue has key, without recording it as missing.
func (c *Catalogue) Has(key string) bool {
	_, ok := c.strs[key]
	return ok
}

// Tf returns the words for key with {name} placeholders filled from name,
// value pairs: Tf("overdue_note", "due", "2024年3月1日", …). The words are
// read once: a value is put in as it is, so a pledge titled "{county}" stays
// so, and a placeholder no pair names is left as written.
func (c *Catalogue) Tf(key string, pairs ...string) string { return fill(c.T(key), pairs) }

// Tn is Tf for words about a count of n: their singular form (one.<key>)
// when n is 1 and the catalogue has one, else the words for key. The caller
// still fills every placeholder, {n} too, as it formats n: Tn("attention.overdue_days",
// 1, "n", "1") is "1 day overdue", and Tn("pledges_total", 1) is "Pledge".
// A count may be a decimal (1.5 days): only exactly 1 is singular.
func (c *Catalogue) Tn(key string, n float64, pairs ...string) string {
	s := c.T(key) // a key no file has is missing, whatever its singular
	if n == 1 {
		if one, ok := c.strs[singular+key]; ok {
			s = one
		}
	}
	return fill(s, pairs)
}

// Fill is Tf for words already looked up (Tf or Tn without pairs gives
// them): for a caller that cuts the words at a placeholder of its own, such
// as a link, before filling the rest.
func Fill(words string, pairs ...string) string { return fill(words, pairs) }

// fill puts the values of name, value pairs in place of their {name}
// placeholders in s (see Tf).
func fill(s string, pairs []string) string {
	if !strings.Contains(s, "{") || len(pairs) < 2 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			break
		}
		name, filled := s[open+1:open+end], false
		for i := 0; i+1 < len(pairs); i += 2 {
			if pairs[i] == name {
				b.WriteString(s[:open])
				b.WriteString(pairs[i+1])
				filled = true
				break
			}
		}
		if !filled { // not a placeholder: keep the brace, read on after it
			b.WriteString(s[:open+1])
			s = s[open+1:]
			continue
		}
		s = s[open+end+1:]
	}
	b.WriteString(s)
	return b.String()
}

// Missing returns the keys that were asked for but are in no file, sorted:
// a page would show the bare key.
func (c *Catalogue) Missing() []string {
	var keys []string
	c.missing.Range(func(k, _ any) bool {
		keys = append(keys, k.(string))
		return true
	})
	sort.Strings(keys)
	return keys
}

// Keys returns every key of the catalogue, sorted.
func (c *Catalogue) Keys() []string { return sortedKeys(c.strs) }
