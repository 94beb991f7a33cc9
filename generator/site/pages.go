package site

import (
	"gongshi/generator/dataset"
	"sort"
	"strings"

	"gongshi/generator/content"
	"gongshi/generator/problem"
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

// TableView is a small computed table on a report.
type TableView struct {
	Title string
	Head  []string
	Rows  [][]string
}

// reserved are the first path segments gongshi's own pages use: a content
// page may not take them.
var reserved = map[string]bool{
	"villages": true, "townships": true, "secretaries": true, "pledges": true, "ratings": true,
	"hearings": true, "data": true, "rules": true, "search": true, "css": true, "js": true,
	"vendor": true, "charts": true, "404": true, "index": true, "feed.xml": true, "sitemap.xml": true,
}

// contentPath returns the output file of a content page, or "" for the home
// page's introduction.
func contentPath(slug string) string {
	switch {
	case slug == "_index":
		return ""
	case strings.HasPrefix(slug, "reports/"):
		return file(slug + "/")
	}
	return file(strings.TrimSuffix(slug, "/_index") + "/")
}

// Prepare renders the Markdown pages (with their shortcodes) once, before the
// pages are planned, and returns their problems: a bad shortcode stops the
// build like bad data does.
func (s *Site) Prepare() *problem.List {
	probs := &problem.List{}
	s.rendered = map[string]content.Rendered{}
	slugs := make([]string, 0, len(s.Content))
	for slug := range s.Content {
		slugs = append(slugs, slug)
	}
	sort.Strings(slugs)
	taken := map[string]string{} // output path → the file that makes it
	// about.md makes the about page; about/_index.md would too (a clash
	// below). No file may make a section index gongshi writes itself.
	taken["about/index.html"] = ""
	for _, slug := range slugs {
		c := s.Content[slug]
		first := strings.SplitN(slug, "/", 2)[0]
		if reserved[first] {
			probs.Error("reserved-path", c.File, 0, "", "", "此路径已被系统页面使用（"+first+"/），请改名", "this path is used by gongshi's own pages ("+first+"/): rename the file")
			continue
		}
		if strings.HasPrefix(slug, "reports/") && c.Year == 0 {
			probs.Error("report-name", c.File, 0, "", "", "年度报告的文件名应为 reports/<年份>.md，或在 front matter 写 year", "a report must be named reports/<year>.md or set year in front matter")
			continue
		}
		path := contentPath(slug)
		if strings.HasPrefix(slug, "reports/") {
			path = file(reportPath(c.Year))
		}
		if path == "" {
			path = "index.html"
		}
		if slug == "about" {
			delete(taken, "about/index.html")
		}
		if slug == "reports" || slug == "reports/_index" {
			probs.Error("reserved-path", c.File, 0, "", "", "会覆盖系统生成的年度报告目录页 reports/，请改名",
				"would overwrite gongshi's own index of reports: rename the file")
			continue
		}
		if other, dup := taken[path]; dup && other == "" {
			probs.Error("reserved-path", c.File, 0, "", "", "会覆盖系统生成的页面 "+path+"，请改名（关于本站请写在 content/about.md）",
				"would overwrite gongshi's own page "+path+" (the about page is content/about.md): rename the file")
			continue
		} else if dup {
			probs.Error("path-clash", c.File, 0, "", "", "与 "+other+" 生成同一个页面 "+path+"，请删除或改名其中一个",
				"makes the same page "+path+" as "+other+": remove or rename one")
			continue
		}
		taken[path] = c.File
		r, pp := c.Render(s.D.Site.UnsafeHTML, path, s.Shortcodes)
		probs.Merge(*pp)
		s.rendered[slug] = r
	}
	return probs
}

func (s *Site) about(path string) (*Page, error) {
	return s.contentPage(path, "about")
}

// contentPage renders a Markdown page that is not a report.
func (s *Site) contentPage(path, slug string) (*Page, error) {
	c, ok := s.Content[slug]
	title := s.Theme.T("about")
	if ok && c.Title != "" {
		title = c.Title
	}
	p := s.frame(path, title, "")
	v := &ContentView{}
	if ok {
		r := s.rendered[slug]
		v.Body, v.Headings, v.TitleInBody = r.HTML, r.Headings, c.TitleInBody
	} else {
		v.Body = HTML("<p>" + s.Theme.T("about_missing") + "</p>")
	}
	p.Main = v
	return p, nil
}

// otherContent plans the Markdown pages that are neither the home intro,
// about, nor a report.
func (s *Site) otherContent() []entry {
	var out []entry
	var slugs []string
	for slug := range s.Content {
		if slug != "_index" && slug != "about" && !strings.HasPrefix(slug, "reports/") && !reserved[strings.SplitN(slug, "/", 2)[0]] {
			slugs = append(slugs, slug)
		}
	}
	sort.Strings(slugs)
	for _, slug := range slugs {
		slug := slug
		path := contentPath(slug)
		out = append(out, entry{path: path, layout: "page", build: func() (*Page, error) { return s.contentPage(path, slug) }})
	}
	return out
}

// reportPages plans the yearly reports: every year with a Markdown report,
// and every year with data, which gets a generated one.
func (s *Site) reportPages() []entry {
	T := s.Theme.T
	byYear := map[int]string{} // year → slug ("" = generated)
	for _, y := range s.D.Years {
		byYear[y] = ""
	}
	for slug, c := range s.Content {
		if _, ok := s.rendered[slug]; ok && strings.HasPrefix(slug, "reports/") && c.Year > 0 {
			byYear[c.Year] = slug // Prepare refused a second report of the same year
		}
	}
	years := sortedYears(byYear)
	out := []entry{s.yearsPage("reports", "reports", "reports_intro", years, reportPath, func(int) int { return 0 })}
	for _, y := range years {
		y := y
		slug := byYear[y]
		path := file(reportPath(y))
		out = append(out, entry{path: path, layout: "report", build: func() (*Page, error) {
			title := itoa(y) + " " + T("report_year")
			if c := s.Content[slug]; c != nil && c.Title != "" {
				title = c.Title
			}
			p := s.frame(path, title, "reports", Link{Label: T("reports"), Href: rel(path, "reports/")})
			v := &ContentView{Year: y}
			if slug != "" {
				r := s.rendered[slug]
				v.Body, v.Headings = r.HTML, r.Headings
				v.TitleInBody = s.Content[slug].TitleInBody
			} else {
				v.Generated = true
				s.generatedReport(path, y, v)
			}
			for _, yy := range years {
				v.Years = append(v.Years, Link{Label: itoa(yy), Href: rel(path, reportPath(yy)), Current: yy == y})
			}
			p.Main = v
			return p, nil
		}})
	}
	return out
}

// generatedReport fills a report for a year that has data but no Markdown.
// Charts and tables come from the report builder hook when present.
func (s *Site) generatedReport(path string, y int, v *ContentView) {
	if s.ReportHook != nil {
		s.ReportHook(path, y, v)
		return
	}
	v.Facts = s.yearFacts(y)
}

// yearFacts are the big numbers of one year.
func (s *Site) yearFacts(y int) []Fact {
	d := s.D
	T := s.Theme.T
	made, done, hearings, fiveStar := 0, 0, 0, 0
	for _, p := range d.Pledges {
		if dataset.Year(p.MadeOn) == y {
			made++
			if p.Status == "已完成" {
				done++
			}
		}
	}
	for _, h := range d.Hearings {
		if dataset.Year(h.Date) == y {
			hearings++
		}
	}
	for _, a := range d.Appraisals {
		if a.Year == y && a.TeamStars != nil && *a.TeamStars == 5 {
			fiveStar++
		}
	}
	return []Fact{
		{Label: T("pledges_made_year"), Value: fmtInt(made)},
		{Label: T("pledges_done"), Value: itoa(percent(done, made)) + "%", Note: fmtInt(done) + " " + T("items"), Tone: "good"},
		{Label: T("hearings_held"), Value: fmtInt(hearings)},
		{Label: T("five_star_teams"), Value: fmtInt(fiveStar), Tone: "good"},
	}
}
