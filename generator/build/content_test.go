package build

import (
	"html/template"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/content"
	"gongshi/generator/problem"
	"gongshi/generator/site"
)

// TestShortcodesEverywhere: a resolver installed through Extend (as package
// charts does) renders the shortcodes of every Markdown page, the home
// page's introduction (content/_index.md) included, for the page it is on.
func TestShortcodesEverywhere(t *testing.T) {
	src := baseSite(t)
	writeFiles(t, src, map[string]string{
		"content/_index.md":       "首页介绍。\n\n{{< chart \"pledge-status\" >}}\n\n结尾。\n",
		"content/about.md":        "+++\ntitle = \"关于\"\n+++\n\n{{< figure \"villages\" >}}\n",
		"content/reports/2023.md": "+++\ntitle = \"2023 年度报告\"\n+++\n\n{{< table \"grades\" year=2023 >}}\n",
	})
	resolve := func(sc *content.Shortcode, page string) (template.HTML, *problem.Problem) {
		return template.HTML(`<p class="sc">` + sc.Kind + ":" + sc.Name + " @" + page + `</p>`), nil
	}
	dest := filepath.Join(t.TempDir(), "public")
	_, probs, err := Run(Options{Source: src, Dest: dest, Extend: func(s *site.Site, staging string) (*problem.List, error) {
		s.Shortcodes = resolve
		return nil, nil
	}})
	if err != nil {
		t.Fatalf("%v\n%s", err, problems(probs))
	}
	for _, c := range []struct{ page, want string }{
		{"index.html", `<p class="sc">chart:pledge-status @index.html</p>`},
		{"about/index.html", `<p class="sc">figure:villages @about/index.html</p>`},
		{"reports/2023/index.html", `<p class="sc">table:grades @reports/2023/index.html</p>`},
	} {
		if got := readFile(t, dest, c.page); !strings.Contains(got, c.want) {
			t.Errorf("%s: shortcode not rendered; want %s", c.page, c.want)
		}
	}
}

// TestContentPages: any other Markdown page is published under its own
// path and listed in the sitemap; drafts are not; a title taken from the
// page's first heading is shown once, not twice.
func TestContentPages(t *testing.T) {
	src := baseSite(t)
	writeFiles(t, src, map[string]string{
		"content/about.md":        "# 关于本站\n\n正文。\n",
		"content/reports/2023.md": "# 2023 年工作报告\n\n正文。\n",
		"content/guide.md":        "+++\ntitle = \"使用说明\"\n+++\n\n说明。\n",
		"content/help/_index.md":  "+++\ntitle = \"帮助\"\n+++\n\n帮助。\n",
		"content/help/faq.md":     "+++\ntitle = \"常见问题\"\n+++\n\n问答。\n",
		"content/notes.md":        "+++\ntitle = \"草稿\"\ndraft = true\n+++\n\n未完成。\n",
	})
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	for _, p := range []string{"guide/index.html", "help/index.html", "help/faq/index.html"} {
		if !fileExists(dest, p) {
			t.Errorf("%s not written", p)
		}
	}
	if fileExists(dest, "notes/index.html") {
		t.Error("draft notes.md was published")
	}
	sitemap := readFile(t, dest, "sitemap.xml")
	for _, loc := range []string{"/guide/", "/help/", "/help/faq/"} {
		if !strings.Contains(sitemap, "<loc>"+loc+"</loc>") {
			t.Errorf("sitemap.xml lacks %s", loc)
		}
	}
	if strings.Contains(sitemap, "notes") {
		t.Error("sitemap.xml lists the draft")
	}
	for _, c := range []struct{ page, title string }{
		{"about/index.html", "关于本站"},
		{"reports/2023/index.html", "2023 年工作报告"},
	} {
		h1s := elems(parseHTML(t, dest, c.page), "h1", "")
		if len(h1s) != 1 || text(h1s[0]) != c.title {
			var got []string
			for _, h := range h1s {
				got = append(got, text(h))
			}
			t.Errorf("%s: <h1>s %q, want one, %q", c.page, got, c.title)
		}
	}
}
