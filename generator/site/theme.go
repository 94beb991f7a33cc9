package site

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"gongshi/generator/limits"
	"gongshi/generator/problem"
	"gongshi/generator/safefs"
	"gongshi/themes"
)

// Theme is the parsed default theme with the site's own overrides: a file in
// the site's layouts/, static/ or i18n/ replaces the theme file of the same
// name, one by one, as in Hugo. Templates are parsed once per build.
type Theme struct {
	base    *template.Template            // base layout and partials, for Partial
	pages   map[string]*template.Template // layout name ("village") → base + partials + page
	static  map[string][]byte             // output path ("css/site.css") → bytes
	strs    map[string]string             // UI strings of the site's language
	missing sync.Map                      // keys asked for that no i18n file has (reported by Render)
}

// themeFS returns the default theme as a file system rooted at its folder.
func themeFS() fs.FS {
	sub, err := fs.Sub(themes.FS, "default")
	if err != nil {
		panic(err) // the embedded tree is fixed at compile time
	}
	return sub
}

// readLayered returns the files under dir of the theme, replaced by the
// site's files of the same name, keyed by path relative to dir. The site's
// files are read through package safefs: a symbolic link or a file over
// limit is a problem, and is not read.
func readLayered(siteDir, dir string, limit int64, probs *problem.List) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := fs.WalkDir(themeFS(), dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(themeFS(), p)
		out[strings.TrimPrefix(p, dir+"/")] = b
		return err
	})
	if err != nil {
		return nil, err
	}
	files, lp, err := safefs.List(siteDir, dir)
	probs.Merge(*lp)
	if err != nil {
		return nil, err
	}
	for _, rel := range files {
		if strings.HasPrefix(path.Base(rel), ".") {
			continue
		}
		b, err := safefs.Read(siteDir, rel, limit)
		if p, ok := safefs.AsProblem(err); ok {
			probs.Add(p)
			continue
		}
		if err != nil {
			return nil, err
		}
		out[strings.TrimPrefix(rel, dir+"/")] = b
	}
	return out, nil
}

// LoadTheme parses the theme for a site in lang ("zh-CN" or "en").
func LoadTheme(siteDir, lang string) (*Theme, *problem.List, error) {
	probs := &problem.List{}
	t := &Theme{pages: map[string]*template.Template{}, strs: map[string]string{}}
	// UI strings merge key by key: Chinese first (the fallback), then the
	// site's language; the theme's file, then the site's own over it.
	langs := []string{"zh-CN.toml"}
	if lang != "zh-CN" {
		langs = append(langs, lang+".toml") // zh-CN once: its problems are reported once
	}
	for _, name := range langs {
		for _, src := range []struct {
			file string
			read func() ([]byte, error)
		}{
			{"themes/default/i18n/" + name, func() ([]byte, error) { return fs.ReadFile(themeFS(), "i18n/"+name) }},
			{"i18n/" + name, func() ([]byte, error) { return safefs.Read(siteDir, "i18n/"+name, safefs.MaxText) }},
		} {
			b, err := src.read()
			if p, ok := safefs.AsProblem(err); ok {
				probs.Add(p)
				continue
			}
			if err != nil {
				continue // a language or an override the site does not have
			}
			if p := limits.TOMLProblem(src.file, 1, string(b)); p != nil {
				probs.Add(*p)
				continue
			}
			if _, err := toml.Decode(string(b), &t.strs); err != nil {
				probs.Errorf(src.file, 0, "", "", "界面文字文件格式错误", err.Error())
			}
		}
	}
	var err error
	t.static, err = readLayered(siteDir, "static", safefs.MaxAsset, probs)
	if err != nil {
		return nil, nil, err
	}
	layouts, err := readLayered(siteDir, "layouts", safefs.MaxText, probs)
	if err != nil {
		return nil, nil, err
	}
	// The root must not share a name with a file: html/template.New with an
	// existing name resets that template, funcs and all.
	for name, b := range layouts {
		layouts[name] = t.inlineStrings(b)
	}
	base := template.New("gongshi").Funcs(t.funcs())
	var names []string
	for name := range layouts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if name == "_base.html" || strings.HasPrefix(name, "partials/") {
			if _, err := base.New(name).Parse(string(layouts[name])); err != nil {
				probs.Add(problem.Problem{File: "layouts/" + name, Zh: "模板错误", En: err.Error()})
			}
		}
	}
	t.base = base
	for _, name := range names {
		if name == "_base.html" || strings.HasPrefix(name, "partials/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		pt, err := base.Clone()
		if err == nil {
			_, err = pt.New(name).Parse(string(layouts[name]))
		}
		if err != nil {
			probs.Add(problem.Problem{File: "layouts/" + name, Zh: "模板错误", En: err.Error()})
			continue
		}
		t.pages[strings.TrimSuffix(name, ".html")] = pt
	}
	return t, probs, nil
}

func (t *Theme) funcs() template.FuncMap {
	return template.FuncMap{
		// dict builds a map from key, value pairs, to pass several values to a partial.
		"dict": func(kv ...any) map[string]any {
			m := make(map[string]any, len(kv)/2)
			for i := 0; i+1 < len(kv); i += 2 {
				k, _ := kv[i].(string)
				m[k] = kv[i+1]
			}
			return m
		},
		// T returns the UI string for key in the site's language.
		"T": t.T,
	}
}

// execute renders a page with its layout's base template.
func (t *Theme) execute(layout string, p *Page, buf *bytes.Buffer) error {
	tpl, ok := t.pages[layout]
	if !ok {
		return fmt.Errorf("site: no layout %q in the theme", layout)
	}
	return tpl.ExecuteTemplate(buf, "_base.html", p)
}

// reUIString matches {{T "key"}} with a literal key.
var reUIString = regexp.MustCompile(`\{\{-?\s*T\s+"([A-Za-z0-9_.-]+)"\s*-?\}\}`)

// inlineStrings replaces {{T "key"}} with the UI string itself, HTML-escaped,
// once when the theme is parsed: a template function call costs a reflective
// call per use, and the village page alone makes a hundred of them. The
// strings come from the theme's own i18n files, and escaping makes them safe
// in text and in quoted attributes, the only places layouts use them.
func (t *Theme) inlineStrings(src []byte) []byte {
	return reUIString.ReplaceAllFunc(src, func(m []byte) []byte {
		key := string(reUIString.FindSubmatch(m)[1])
		return []byte(html.EscapeString(t.T(key)))
	})
}

// Partial renders a partial template (a {{define}} in layouts/partials/) with
// data, for markup that Go code embeds, such as charts inside Markdown.
func (t *Theme) Partial(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := t.base.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// T returns a UI string (for Go code that prepares views).
func (t *Theme) T(key string) string {
	if s, ok := t.strs[key]; ok {
		return s
	}
	t.missing.Store(key, true)
	return key
}

// Tf returns a UI string with {name} placeholders filled from name, value pairs.
func (t *Theme) Tf(key string, pairs ...string) string {
	s := t.T(key)
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// Missing returns the UI keys that were asked for but are in no i18n file,
// sorted: a page would show the bare key.
func (t *Theme) Missing() []string {
	var keys []string
	t.missing.Range(func(k, _ any) bool {
		keys = append(keys, k.(string))
		return true
	})
	sort.Strings(keys)
	return keys
}

// staticFiles returns the theme's static files, sorted by path.
func (t *Theme) staticFiles() []string {
	var out []string
	for p := range t.static {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
