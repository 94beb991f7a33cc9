package site

import (
	"html/template"
	"strings"

	"gongshi/generator/content"
	"gongshi/generator/problem"
	"gongshi/generator/route"
)

// ContentView is a Markdown page (about, a report, any other page).
type ContentView struct {
	Body      HTML
	Headings  []content.Heading
	Year      int         // reports
	Facts     []Fact      // reports: big numbers of the year
	Years     []Link      // reports: other years
	Charts    []ChartView // generated reports
	Generated bool        // a report generated for lack of a Markdown file
	Tables    []TableView // generated reports
	// TitleInBody: the Markdown starts with the page's own # heading; the
	// layout prints no <h1> of its own.
	TitleInBody bool
}

// contentPath returns the output file of a content page: "_index" is the
// home page's introduction, "reports/<year>" the year's report, any other
// slug a page of its own ("notes/a" → notes/a/index.html).
func (s *Site) contentPath(slug string, c *content.Page) string {
	switch {
	case slug == "_index":
		return route.File(route.HomePath)
	case strings.HasPrefix(slug, "reports/"):
		return route.File(route.Report(c.Year))
	}
	return route.File(strings.TrimSuffix(slug, "/_index") + "/")
}

// renderMarkdown renders every Markdown page once, with its shortcodes,
// before the pages are planned, and returns the problems: a bad shortcode,
// or a file that would take a path of gongshi's own pages.
func (s *Site) renderMarkdown() *problem.List {
	probs := &problem.List{}
	s.md = map[string]markdown{}
	taken := map[string]string{} // output path → the file that makes it
	for _, slug := range sortedSlugs(s.Content) {
		c := s.Content[slug]
		first := strings.SplitN(slug, "/", 2)[0]
		switch {
		case slug == "reports" || slug == "reports/_index":
			probs.Error("content-path", c.File, 0, "", "", "会覆盖系统生成的年度报告目录页 reports/，请改名",
				"would overwrite gongshi's own index of reports: rename the file")
			continue
		case strings.HasPrefix(slug, "reports/"):
			if c.Year == 0 {
				probs.Error("content-report-year", c.File, 0, "", "", "年度报告的文件名应为 reports/<年份>.md，或在 front matter 写 year",
					"a report must be named reports/<year>.md or set year in front matter")
				continue
			}
		case slug == "about" || slug == "_index":
		case slug == "about/_index":
			probs.Error("content-path", c.File, 0, "", "", "会覆盖系统生成的页面 about/index.html，请改名（关于本站请写在 content/about.md）",
				"would overwrite gongshi's own page about/index.html (the about page is content/about.md): rename the file")
			continue
		case first != "about" && route.Reserved(first):
			probs.Error("content-path", c.File, 0, "", "", "此路径已被系统页面使用（"+first+"/），请改名",
				"this path is used by gongshi's own pages ("+first+"/): rename the file")
			continue
		}
		path := s.contentPath(slug, c)
		if other, dup := taken[path]; dup {
			probs.Error("content-duplicate", c.File, 0, "", "", "与 "+other+" 生成同一个页面 "+path+"，请删除或改名其中一个",
				"makes the same page "+path+" as "+other+": remove or rename one")
			continue
		}
		taken[path] = c.File
		md := markdown{path: path, chartIDs: map[string]bool{}}
		cs := newChartSet(path, nil)
		r, pp := c.Render(s.D.Site.UnsafeHTML, path, func(sc *content.Shortcode, _ string) (template.HTML, *problem.Problem) {
			return s.shortcode(sc, cs, &md)
		})
		probs.Merge(*pp)
		md.Rendered = r
		for id := range cs.used {
			md.chartIDs[id] = true
		}
		s.md[slug] = md
	}
	return probs
}

// shortcode renders what a shortcode stands for (package charts resolves
// it) with the theme's partial of its kind.
func (s *Site) shortcode(sc *content.Shortcode, cs *chartSet, md *markdown) (template.HTML, *problem.Problem) {
	e, pr := s.Charts.Resolve(sc)
	if pr != nil {
		return "", pr
	}
	var h template.HTML
	var err error
	switch {
	case e.Chart != nil:
		cs.add(*e.Chart)
		md.csvs = append(md.csvs, countyChart{e.ChartName, e.ChartYear})
		h, err = toHTML(chartList(s.C, cs.views[len(cs.views)-1:]))
	case e.Figure != nil:
		h, err = toHTML(figure(fact(*e.Figure)))
	default:
		h, err = toHTML(table(s.C, *e.Table))
	}
	if err != nil {
		return "", &problem.Problem{Code: "shortcode-template", Key: sc.Kind, Value: sc.Name, Zh: "模板错误", En: err.Error()}
	}
	return h, nil
}

// hasCharts reports whether a Markdown page draws charts.
func (s *Site) hasCharts(slug string) bool { return len(s.md[slug].chartIDs) > 0 }

func (s *Site) about(path string) (*Page, error) { return s.contentPage(path, "about") }

// contentPage renders a Markdown page that is not a report.
func (s *Site) contentPage(path, slug string) (*Page, error) {
	c, ok := s.Content[slug]
	title := s.T("about")
	if ok && c.Title != "" {
		title = c.Title
	}
	p := s.frame(path, title, "")
	v := &ContentView{}
	if ok {
		r := s.md[slug]
		v.Body, v.Headings, v.TitleInBody = r.HTML, r.Headings, c.TitleInBody
	} else {
		v.Body = HTML("<p>" + template.HTMLEscapeString(s.T("about_missing")) + "</p>")
	}
	withScripts(p, s.hasCharts(slug))
	p.Main = v
	return p, nil
}

// otherContent plans the Markdown pages that are neither the home intro,
// about, nor a report.
func (s *Site) otherContent() []entry {
	var out []entry
	for _, slug := range sortedSlugs(s.md) {
		if slug == "_index" || slug == "about" || strings.HasPrefix(slug, "reports/") {
			continue
		}
		path := s.md[slug].path
		out = append(out, entry{path: path, layout: "page", build: func() (*Page, error) { return s.contentPage(path, slug) }})
	}
	return out
}
