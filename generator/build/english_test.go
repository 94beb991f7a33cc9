package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"gongshi/generator/check"
	"gongshi/generator/schema"
)

// englishSite is the base county as a site in English: English title and
// content (with charts, figures and tables), Chinese data as any county has.
func englishSite(t *testing.T) string {
	t.Helper()
	src := baseSite(t)
	b, err := os.ReadFile(filepath.Join(src, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	conf := strings.NewReplacer(`title    = "测试县村党组织书记履职公开"`, `title    = "Test County: village Party secretaries"`,
		`language = "zh-CN"`, `language = "en"`).Replace(string(b))
	os.RemoveAll(filepath.Join(src, "content"))
	writeFiles(t, src, map[string]string{
		"site.toml":         conf,
		"content/_index.md": "Every village's pledges, ratings and hearings.\n\n{{< figure \"pledges-total\" >}}\n\n{{< chart \"pledge-status\" >}}\n",
		"content/about.md":  "# About this site\n\nPublished by the county's organisation department.\n",
		"content/reports/2024.md": "+++\ntitle = \"Report 2024\"\n+++\n\n{{< figure \"pledges-done-share\" year=2024 >}}\n\n" +
			"{{< chart \"training\" year=2024 >}}\n\n{{< table \"grades\" year=2024 >}}\n\n{{< table \"training-unqualified\" >}}\n",
	})
	return src
}

// isCJK reports whether r is a Chinese character or CJK punctuation
// (full-width brackets, colon, ideographic comma and full stop).
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// dataStrings returns every text of the county's own data: each string
// field of each row, the names and consequences of rules.toml and the
// county's name, longest first.
func dataStrings(t *testing.T, src string) []string {
	d, probs, err := check.Source(src)
	if err != nil || probs.Errors() > 0 {
		t.Fatalf("check: %v %s", err, probs.String())
	}
	seen := map[string]bool{d.Site.County: true}
	v := reflect.ValueOf(d).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if f.Kind() != reflect.Slice || f.Type().Elem().Kind() != reflect.Struct {
			continue
		}
		for j := 0; j < f.Len(); j++ {
			row := f.Index(j)
			for k := 0; k < row.NumField(); k++ {
				if c := row.Field(k); c.Kind() == reflect.String && c.String() != "" {
					seen[c.String()] = true
				}
			}
		}
	}
	// Enum values are gongshi's words, not the county's: an English page
	// must show them in English (grades too, the default ones here).
	for _, tb := range schema.Tables {
		for _, f := range tb.Fields {
			for _, c := range f.Enum {
				delete(seen, c.Zh)
			}
		}
	}
	for _, c := range schema.DefaultGrades {
		delete(seen, c.Zh)
	}
	// A county's own consequences (rules.toml) are its words; the
	// built-in ones are gongshi's and must show in English.
	if !d.Rules.Appraisal.BuiltInConsequences {
		for _, c := range d.Rules.Appraisal.Consequences {
			seen[c] = true
		}
	}
	var out []string
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// TestEnglishSiteHasNoChinese builds the county in English and finds no
// Chinese character or full-width punctuation on any page, in text,
// attributes or chart options, outside the county's own data and outside
// what a page marks as Chinese (lang="zh-CN"); and every Chinese text on a
// page is inside an element marked lang="zh-CN" (WCAG 3.1.2, language of
// parts), but for a <title>.
func TestEnglishSiteHasNoChinese(t *testing.T) {
	src := englishSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	data := dataStrings(t, src)
	strip := func(s string) string {
		for _, d := range data {
			if strings.Contains(s, d) {
				s = strings.ReplaceAll(s, d, " ")
			}
		}
		return s
	}
	pages := 0
	err := filepath.WalkDir(dest, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		rel, _ := filepath.Rel(dest, p)
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		doc, err := html.Parse(f)
		if err != nil {
			return err
		}
		found, unmarked := map[string]bool{}, map[string]bool{}
		check := func(where, s string) {
			rest := strip(s)
			if strings.IndexFunc(rest, isCJK) >= 0 && !found[where+s] {
				found[where+s] = true
				t.Errorf("%s: %s %q", rel, where, strings.TrimSpace(rest))
			}
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					if a.Key == "lang" && strings.HasPrefix(a.Val, "zh") {
						return // marked as Chinese
					}
				}
				for _, a := range n.Attr {
					switch a.Key {
					case "alt", "title", "aria-label", "content", "placeholder", "data-none":
						check("<"+n.Data+" "+a.Key+">", a.Val)
					}
				}
				if n.Data == "script" && n.FirstChild != nil {
					var opt any
					if json.Unmarshal([]byte(n.FirstChild.Data), &opt) == nil {
						walkStrings(opt, func(s string) { check("chart option", s) })
					}
					return
				}
			}
			if n.Type == html.TextNode {
				check("text", n.Data)
				// The county's data is Chinese: it is marked so (langpart),
				// unless the element cannot hold a span.
				if p := n.Parent; p != nil && p.Data != "title" && p.Data != "option" && p.Data != "textarea" &&
					strings.IndexFunc(n.Data, isCJK) >= 0 && !unmarked[rel+n.Data] {
					unmarked[rel+n.Data] = true
					t.Errorf("%s: Chinese text not marked lang=\"zh-CN\": %q", rel, strings.TrimSpace(n.Data))
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 30 {
		t.Errorf("only %d pages checked", pages)
	}
}

// walkStrings calls f with every string in a decoded JSON value.
func walkStrings(v any, f func(string)) {
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			walkStrings(e, f)
		}
	case []any:
		for _, e := range x {
			walkStrings(e, f)
		}
	case string:
		f(x)
	}
}

// TestEnglishCountsOfOne builds the county in English with counts of one
// wherever the pages count something (a village with one pledge, a pledge
// one day overdue, rules asking for one day of training and flagging one
// quiet year) and finds each count's noun in the singular.
func TestEnglishCountsOfOne(t *testing.T) {
	src := englishSite(t)
	edit := func(file string, pairs ...string) {
		t.Helper()
		p := filepath.Join(src, file)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for i := 0; i < len(pairs); i += 2 {
			if !strings.Contains(s, pairs[i]) {
				t.Fatalf("%s has no %q", file, pairs[i])
			}
			s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// V2 keeps one pledge (P3), due the day before as_of.
	edit("data/pledges.csv", "P8,V2,S3,年度实事,热点难点,整治村口积水,2024-03-01,已调整,,,2024-10-31,,2024-06-01,,\n", "",
		"解决饮水难,2021-01-10,部分完成,,,2022-12-31", "解决饮水难,2021-01-10,部分完成,,,2025-12-30")
	writeFiles(t, src, map[string]string{
		"data/rules.toml": "[training]\nmin_days = 1\n[hearings]\nmax_quiet_years = 1\n",
	})
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")

	// Plural nouns after a count of 1, as a reader sees the text.
	// (A heading or a table cell is a text of its own, marked ‖: "1" in
	// a table's last cell does not count the heading after it.)
	plural := regexp.MustCompile(`(^|[^0-9.,])1[ ¦]+(Pledges|pledges|days|years|items|groups|people|points|Hearings|Items|Secretaries|Villages|Overdue pledges|Five-star teams|Serving secretaries|Townships)\b`)
	want := map[string][]string{
		"villages/V2/index.html":     {"1 Pledge ", "concentrated training at least 1 day a year"},
		"attention/index.html":       {"1 day overdue", "(1 year).", "less than 1 day of concentrated training"},
		"pledges/overdue/index.html": {"1 day "},
		"rules/index.html":           {"Concentrated training: at least 1 day a year."},
	}
	pages := 0
	err := filepath.WalkDir(dest, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		rel, _ := filepath.Rel(dest, p)
		text := pageText(t, p)
		for _, m := range plural.FindAllStringIndex(text, -1) {
			t.Errorf("%s: %q", rel, text[max(0, m[0]-40):min(len(text), m[1]+20)])
		}
		text = plainText(t, p)
		for _, w := range want[filepath.ToSlash(rel)] {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q in %q", rel, w, text)
			}
		}
		delete(want, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for rel := range want {
		t.Errorf("no page %s", rel)
	}
	if pages < 30 {
		t.Errorf("only %d pages checked", pages)
	}
}

// pageText returns the text of an HTML page as a reader sees it: text
// nodes, elements apart (¦), headings, captions and table cells each a text
// of their own (‖), spaces collapsed.
func pageText(t *testing.T, file string) string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		sep := " ¦ "
		if n.Type == html.ElementNode {
			switch n.Data {
			case "h1", "h2", "h3", "h4", "h5", "h6", "caption", "td", "th", "title":
				sep = " ‖ "
			}
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode {
			b.WriteString(sep)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteString(sep)
		}
	}
	walk(doc)
	return strings.Join(strings.Fields(b.String()), " ")
}

// plainText is pageText without the element marks.
func plainText(t *testing.T, file string) string {
	t.Helper()
	return strings.Join(strings.Fields(strings.NewReplacer("¦", " ", "‖", " ").Replace(pageText(t, file))), " ")
}

// TestEnglishFactNotes: the notes under the home and township fact cards
// read in English word order ("3 serving secretaries", "1 of 8 pledges"),
// not the Chinese order of a label then a number.
func TestEnglishFactNotes(t *testing.T) {
	src := englishSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	for file, want := range map[string][]string{
		"index.html":              {"3 Villages 3 serving secretaries", "13% Done 1 of 8 pledges"},
		"townships/T1/index.html": {"20% Done 1 of 5 pledges"},
	} {
		text := plainText(t, filepath.Join(dest, file))
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q in %q", file, w, text)
			}
		}
		if m := regexp.MustCompile(`Serving secretaries \d|Done \d[\d,]* items?\b`).FindString(text); m != "" {
			t.Errorf("%s: %q", file, m)
		}
	}
}

// TestEnglishCarriedOverNote: a former secretary's page says in one
// English sentence where their open pledges went, the serving secretary's
// name (a link) inside it, the role in lower case, the count singular.
func TestEnglishCarriedOverNote(t *testing.T) {
	src := englishSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	b, err := os.ReadFile(filepath.Join(dest, "secretaries", "S1", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`<p class="carried-note"><span lang="zh-CN">张三</span> left office on 2023-06-30\. Their 1 open pledge \(marked below\) stays with the office ` +
		`and is now the responsibility of the serving secretary, <a href="[^"]+"><span lang="zh-CN">李四</span></a>\.</p>`)
	if !want.Match(b) {
		t.Errorf("no %s in\n%s", want, regexp.MustCompile(`<p class="carried-note">.*?</p>`).Find(b))
	}
	// The printed notice marks a predecessor's pledge (the progress after
	// it is kept apart by the print stylesheet).
	b, err = os.ReadFile(filepath.Join(dest, "villages", "V1", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if s := `<span class="print-inline"> (former)</span>`; !strings.Contains(string(b), s) {
		t.Errorf("villages/V1: no %s", s)
	}
}
