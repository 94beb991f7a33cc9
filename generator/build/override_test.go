package build

import (
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/problem"
)

// TestSiteOverridesTheme: a site's own footer and head partials, static
// files and words replace the theme's, one by one (static/css/extra.css is
// linked on every page); the rest of the theme is still used; any other file
// in layouts/ is said to have no effect.
func TestSiteOverridesTheme(t *testing.T) {
	src := baseSite(t)
	writeFiles(t, src, map[string]string{
		"layouts/partials/footer.html": `{{define "footer"}}<footer class="county-footer">{{T "footer_note"}}</footer>{{end}}`,
		"static/css/site.css":          "/* the county's own stylesheet */ body { color: #000; }\n",
		"static/img/logo.svg":          `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"static/css/extra.css":         "body { background: #fff; }\n",
		"layouts/partials/head.html":   `{{define "head"}}<meta name="author" content="{{.County}}">{{end}}`,
		"layouts/village.html":         `{{define "main"}}x{{end}}`,
		"i18n/zh-CN.toml":              "footer_note = \"本县自定义的页脚说明\"\n",
	})
	dest := filepath.Join(t.TempDir(), "public")
	_, probs, err := Run(Options{Source: src, Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	var ps []problem.Problem
	for _, p := range probs.Sorted() {
		if p.Code != "base-url-relative" { // the base county's base_url is "/"
			ps = append(ps, p)
		}
	}
	if len(ps) != 1 || ps[0].File != "layouts/village.html" || ps[0].Code != "layout-unknown" {
		t.Errorf("problems %v, want one warning about layouts/village.html", ps)
	}
	home := readFile(t, dest, "index.html")
	if v := readFile(t, dest, "villages/V1/index.html"); !strings.Contains(v, `<meta name="author" content="测试县">`) || strings.Contains(v, `href="../../css/extra.css"`) {
		t.Error("a site's head partial replaces the theme's (which links extra.css)")
	}
	for _, want := range []string{`<footer class="county-footer">本县自定义的页脚说明</footer>`, `<nav class="site-nav"`} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %q", want)
		}
	}
	if strings.Contains(home, `class="site-footer"`) {
		t.Error("the theme's footer is still used")
	}
	src2 := baseSite(t)
	writeFiles(t, src2, map[string]string{"static/css/extra.css": "body { background: #fff; }\n"})
	dest2 := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src2, dest2, "")
	if v := readFile(t, dest2, "villages/V1/index.html"); !strings.Contains(v, `<link rel="stylesheet" href="../../css/extra.css">`) {
		t.Error("static/css/extra.css is not linked")
	}
	if got := readFile(t, dest, "css/site.css"); !strings.HasPrefix(got, "/* the county's own stylesheet */") {
		t.Errorf("css/site.css is not the site's: %.60q", got)
	}
	readFile(t, dest, "img/logo.svg")
	if got := readFile(t, dest, "js/charts.js"); !strings.Contains(got, "echarts") {
		t.Error("theme files that are not overridden must still be published")
	}
	// A string the site does not override keeps the theme's text.
	if !strings.Contains(readFile(t, dest, "rules/index.html"), "评定规则") {
		t.Error("theme UI strings not overridden by the site are lost")
	}
}

// TestSiteHeaderShowsEachPage: a site's own header may show anything of
// the page it is on (its title, its first breadcrumb, its nav), and each page
// gets its own, not one rendered for another page at the same depth.
func TestSiteHeaderShowsEachPage(t *testing.T) {
	src := baseSite(t)
	writeFiles(t, src, map[string]string{
		"layouts/partials/header.html": `{{define "header"}}<header class="county-header"><p class="now">{{.Title}}</p>` +
			`{{range .Nav}}<a href="{{.Href}}">{{.Label}}</a>{{end}}</header>{{end}}`,
	})
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	seen := map[string]string{}
	for _, pg := range []string{"villages/V1/index.html", "villages/V2/index.html", "pledges/P1/index.html", "pledges/P2/index.html"} {
		got := readFile(t, dest, pg)
		i := strings.Index(got, `<p class="now">`)
		if i < 0 {
			t.Fatalf("%s: the site's header is not used", pg)
		}
		title := got[i : i+strings.Index(got[i:], "</p>")]
		if other, ok := seen[title]; ok {
			t.Errorf("%s shows the header of %s (%s)", pg, other, title)
		}
		seen[title] = pg
		if !strings.Contains(got, `<a href="../../pledges/index.html">`) {
			t.Errorf("%s: the header's nav is missing or not relative to the page", pg)
		}
	}
}

// TestEnglishSite: language = "en" builds with English UI strings (a
// missing one fails the build) and marks pages as English.
func TestEnglishSite(t *testing.T) {
	src := baseSite(t)
	toml := readFile(t, src, "site.toml")
	writeFiles(t, src, map[string]string{"site.toml": strings.Replace(toml, `"zh-CN"`, `"en"`, 1)})
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	v := readFile(t, dest, "villages/V1/index.html")
	for _, want := range []string{`<html lang="en">`, `>Pledges</h2>`, "At least 60 training points a year is a pass", "<strong>Appraisal scores by year</strong>"} {
		if !strings.Contains(v, want) {
			t.Errorf("English village page lacks %q", want)
		}
	}
	if home := readFile(t, dest, "index.html"); !strings.Contains(home, "<strong>Pledges by township</strong>") || strings.Contains(home, "各乡镇承诺完成情况") {
		t.Error("the English home page's charts are not in English")
	}
}
