package build

import (
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/content"
)

// TestShortcodesEverywhere: the charts registry renders the shortcodes of
// every Markdown page, the home page's introduction (content/_index.md)
// included, and a chart drawn by a shortcode and by the page itself gets
// two element IDs.
func TestShortcodesEverywhere(t *testing.T) {
	src := baseSite(t)
	writeFiles(t, src, map[string]string{
		"content/_index.md":       "首页介绍。\n\n{{< chart \"pledge-status\" >}}\n\n结尾。\n",
		"content/about.md":        "+++\ntitle = \"关于\"\n+++\n\n{{< figure \"villages\" >}}\n",
		"content/reports/2023.md": "+++\ntitle = \"2023 年度报告\"\n+++\n\n{{< table \"grades\" year=2023 >}}\n",
	})
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	for _, c := range []struct{ page, want string }{
		{"index.html", `<figure class="chart" id="fig-pledge_status">`},
		{"index.html", `<figure class="chart" id="fig-pledge_status_2">`},
		{"about/index.html", `<span class="fact-label">行政村</span>`},
		{"reports/2023/index.html", `<caption>2023年评议等次</caption>`},
	} {
		if got := readFile(t, dest, c.page); !strings.Contains(got, c.want) {
			t.Errorf("%s: shortcode not rendered; want %s", c.page, c.want)
		}
	}
	if got := readFile(t, dest, "about/index.html"); strings.Contains(got, "<script") {
		t.Errorf("about/index.html: a page without charts loads a script")
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
	for _, loc := range []string{"guide/", "help/", "help/faq/"} { // relative to sitemap.xml: base_url is "/"
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

// TestSampleContentLeft: a site whose title is no longer the example's but
// whose pages still say they are fictional example text (gongshi new's) is
// warned about each such page; the example site itself is not.
func TestSampleContentLeft(t *testing.T) {
	src := baseSite(t)
	writeFiles(t, src, map[string]string{"content/about.md": "# 关于本站\n\n> 本站数据均为" + content.SampleMarker + "。\n"})
	probs, err := Check(Options{Source: src})
	if err != nil {
		t.Fatal(err)
	}
	if got := probs.String(); !strings.Contains(got, "content/about.md: 警告 warning: 仍是 gongshi new 写入的虚构示例内容") || strings.Count(got, "虚构示例内容") != 1 {
		t.Errorf("problems:\n%s\nwant one warning about content/about.md", got)
	}
	toml := readFile(t, src, "site.toml")
	writeFiles(t, src, map[string]string{"site.toml": strings.Replace(toml, `公开"`, `公开（`+content.SampleMarker+`）"`, 1)})
	probs, err = Check(Options{Source: src})
	if err != nil || probs.Errors() > 0 || strings.Contains(probs.String(), "虚构示例内容") {
		t.Errorf("the example site itself (%v) is warned about:\n%s", err, probs.String())
	}
}

// TestContentProblemsAtOnce: a page with a personal number and a bad
// shortcode gets both problems in one run (the shortcodes are checked even
// when another problem was found first).
func TestContentProblemsAtOnce(t *testing.T) {
	src := baseSite(t)
	writeFiles(t, src, map[string]string{"content/about.md": "# 关于本站\n\n电话 13812345678\n\n{{< chart \"pledge-stat\" >}}\n"})
	probs, err := Check(Options{Source: src})
	if err != nil {
		t.Fatal(err)
	}
	got := probs.String()
	for _, want := range []string{`content/about.md:3:4: "13812345678": 含有手机号码`, `content/about.md:5: chart "pledge-stat": 未知的图表名称`} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}
