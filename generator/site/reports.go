package site

import (
	"strings"

	"gongshi/generator/route"
)

// reportFigures, reportCharts and reportTables fill a generated report, for
// a year with data but no Markdown: big numbers, charts and tables of the
// year (year 0: the chart covers every year).
var (
	reportFigures = []string{"pledges-total", "pledges-done-share", "pledges-overdue", "hearings-held", "five-star-teams", "training-qualified-share"}
	reportTables  = []string{"grades", "overdue-pledges", "needs-adjust"}
)

// reportChartsOf returns a generated report's charts of year y; the
// hearing outcomes only for a year in which a hearing was held (as on the
// year's hearings page).
func (s *Site) reportChartsOf(y int) []countyChart {
	out := []countyChart{{"pledge-status", y}, {"pledge-categories", y}, {"grades", 0}}
	if s.heldYears[y] {
		out = append(out, countyChart{"hearing-outcomes", y})
	}
	return append(out, countyChart{"training", y}, countyChart{"channels", 0}, countyChart{"ages", 0}, countyChart{"education", 0})
}

// reportYears returns the slug of each year's report ("" for a generated
// one), and the years ascending: every year with data, and every year with
// a Markdown report.
func (s *Site) reportYears() (map[int]string, []int) {
	byYear := map[int]string{}
	for _, y := range s.D.Years {
		byYear[y] = ""
	}
	for _, slug := range sortedSlugs(s.md) {
		if c := s.Content[slug]; strings.HasPrefix(slug, "reports/") && c.Year > 0 {
			byYear[c.Year] = slug // renderMarkdown refused a second report of the same year
		}
	}
	return byYear, sortedYears(byYear)
}

// reportCharts are the county charts of the generated reports. Every year
// with data gets them, also a year whose report is written in Markdown (and
// shows others): charts/<name>-<year>.csv is there for each year, so that
// a reader who finds one year's file finds the others at the same address.
func (s *Site) reportCharts() []countyChart {
	var out []countyChart
	for _, y := range s.D.Years {
		out = append(out, s.reportChartsOf(y)...)
	}
	return out
}

// reportPages plans the index of reports and each year's report.
func (s *Site) reportPages() []entry {
	section := route.Section(route.ReportPage)
	byYear, years := s.reportYears()
	out := []entry{s.yearsPage(section, route.ReportsPath, "reports", "reports_intro", years, route.Report, func(int) int { return 0 }, "")}
	for _, y := range years {
		slug := byYear[y]
		path := route.File(route.Report(y))
		out = append(out, entry{path: path, layout: "report", build: func() (*Page, error) {
			title := itoa(y) + " " + s.T("report_year")
			if c := s.Content[slug]; c != nil && c.Title != "" {
				title = c.Title
			}
			p := s.frame(path, title, section, Link{Label: s.T("reports"), Href: route.Rel(path, route.ReportsPath)})
			v := &ContentView{Year: y}
			if slug != "" {
				r := s.md[slug]
				v.Body, v.Headings = r.HTML, r.Headings
				v.TitleInBody = s.Content[slug].TitleInBody
				withScripts(p, s.hasCharts(slug))
			} else {
				v.Generated = true
				for _, n := range reportFigures {
					v.Facts = append(v.Facts, fact(s.Charts.Figure(n, y)))
				}
				cs := newChartSet(path, nil)
				s.countyCharts(cs, s.reportChartsOf(y))
				v.Charts = cs.views
				for _, n := range reportTables {
					v.Tables = append(v.Tables, s.Charts.Table(n, y, 50))
				}
				withScripts(p, len(v.Charts) > 0)
			}
			v.Years = s.yearLinks(path, years, y, route.Report)
			p.Main = v
			return p, nil
		}})
	}
	return out
}
