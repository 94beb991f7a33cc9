package site

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode"

	"github.com/a-h/templ"

	"gongshi/generator/i18n"
	"gongshi/generator/problem"
	"gongshi/generator/safefs"
	"gongshi/themes"
)

// Theme is what a site's look is made of: the default theme's static files
// (CSS, scripts, vendored ECharts, favicon) with the site's own files of the
// same name replacing them one by one, and the partials a site may write
// itself. The page layouts are compiled Go (the *.templ files of this
// package, made into *_templ.go by `go generate`): a layout is a function,
// not a file read at build time, which renders a page in a fraction of the
// time html/template takes.
//
// A site customises its pages with:
//   - layouts/partials/head.html, header.html, footer.html (html/template,
//     {{define "head"}} … {{end}}): its own markup in <head> (extra
//     stylesheets, meta tags), its own header and footer, given the Page;
//     {{T "key"}} gives words from the catalogue;
//   - static/: any file, published at the same path (static/css/site.css
//     replaces the theme's stylesheet; static/css/extra.css, when there, is
//     linked after it on every page);
//   - i18n/<lang>.toml: any word (package i18n).
type Theme struct {
	static   map[string][]byte             // output path ("css/site.css") → bytes
	partials map[string]*template.Template // the site's own head/header/footer
	c        *i18n.Catalogue
}

// overridable are the partials a site may replace with its own.
var overridable = []string{"head", "header", "footer"}

// themeFS returns the default theme as a file system rooted at its folder.
func themeFS() fs.FS {
	sub, err := fs.Sub(themes.FS, "default")
	if err != nil {
		panic(err) // the embedded tree is fixed at compile time
	}
	return sub
}

// CodeFileName is the problem of a file of the site's static/ folder
// whose name cannot be published.
const CodeFileName = "file-name"

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
		if strings.ContainsFunc(rel, unicode.IsControl) {
			probs.Add(problem.Problem{Code: CodeFileName, File: rel, // printed quoted: "static/a\nb.css"
				Zh: "文件名含有换行等控制字符，无法发布（网站的文件清单和上传工具都按行处理文件名）；请改名",
				En: "the name holds a line break or another control character and cannot be published (the site's list of files and upload tools take one name a line); rename the file"})
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

// LoadTheme reads the theme for a site, its words from c: the static files
// and the site's own partials (layouts/partials/head.html, header.html,
// footer.html). Problems: a partial that does not parse, and any other file
// in layouts/, which gongshi no longer reads (say so rather than ignore it).
func LoadTheme(siteDir string, c *i18n.Catalogue) (*Theme, *problem.List, error) {
	probs := &problem.List{}
	t := &Theme{partials: map[string]*template.Template{}, c: c}
	var err error
	t.static, err = readLayered(siteDir, "static", safefs.MaxAsset, probs)
	if err != nil {
		return nil, nil, err
	}
	files, lp, err := safefs.List(siteDir, "layouts")
	probs.Merge(*lp)
	if err != nil {
		return nil, nil, err
	}
	for _, rel := range files {
		if strings.HasPrefix(path.Base(rel), ".") {
			continue
		}
		name := strings.TrimSuffix(strings.TrimPrefix(rel, "layouts/partials/"), ".html")
		if !isOverridable(name) || !strings.HasPrefix(rel, "layouts/partials/") {
			probs.Add(problem.Problem{Code: "layout-unknown", File: rel, Severity: problem.Warning,
				Zh: "gongshi 只读取 layouts/partials/head.html、header.html、footer.html；此文件不起作用",
				En: "gongshi reads only layouts/partials/head.html, header.html and footer.html: this file has no effect"})
			continue
		}
		b, err := safefs.Read(siteDir, rel, safefs.MaxText)
		if p, ok := safefs.AsProblem(err); ok {
			probs.Add(p)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		tpl, err := template.New(name).Funcs(template.FuncMap{"T": c.T}).Parse(string(b))
		if err == nil && tpl.Lookup(name) == nil {
			err = fmt.Errorf("no {{define %q}} in the file", name)
		}
		if err != nil {
			probs.Add(problem.Problem{Code: "layout", File: rel, Zh: "模板错误", En: err.Error()})
			continue
		}
		t.partials[name] = tpl
	}
	return t, probs, nil
}

func isOverridable(name string) bool {
	for _, n := range overridable {
		if n == name {
			return true
		}
	}
	return false
}

// part renders the partial name for a page: the site's own when it has one,
// else the theme's (def).
func (t *Theme) part(name string, p *Page, def templ.Component) (HTML, error) {
	var buf bytes.Buffer
	if tpl, ok := t.partials[name]; ok {
		if err := tpl.ExecuteTemplate(&buf, name, p); err != nil {
			return "", err
		}
		return HTML(buf.String()), nil
	}
	if def == nil {
		return "", nil
	}
	if err := def.Render(context.Background(), &buf); err != nil {
		return "", err
	}
	return HTML(buf.String()), nil
}

// toHTML renders a component to a string, for markup embedded in other markup
// (charts inside Markdown).
func toHTML(c templ.Component) (HTML, error) {
	var buf bytes.Buffer
	if err := c.Render(context.Background(), &buf); err != nil {
		return "", err
	}
	return HTML(buf.String()), nil
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

// hasStatic reports whether the site publishes a static file at path.
func (t *Theme) hasStatic(path string) bool {
	_, ok := t.static[path]
	return ok
}
