package site

import (
	"fmt"
	"sort"

	"gongshi/generator/charts"
	"gongshi/generator/content"
	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/problem"
	"gongshi/generator/route"
)

// An entry of the page plan: the output file, its layout, and a function
// that prepares its view. Views are built when the page is rendered, on the
// worker that renders it, so a province's million pages never sit in memory
// at once.
type entry struct {
	path   string
	layout string
	build  func() (*Page, error)
}

// Plan is every page of the site in a fixed order, and the county charts
// whose CSVs the pages link to.
type Plan struct {
	s       *Site
	entries []entry
	charts  []countyChart // sorted by CSV path, each once
}

// NewPlan prepares the render of a derived dataset: the Markdown pages are
// rendered once with their shortcodes (from the charts registry), and every
// page of the site is listed. Problems: a bad shortcode, or a content file
// that would take one of gongshi's own paths, stops the build like bad data.
func NewPlan(d *dataset.Dataset, theme *Theme, c *i18n.Catalogue, pages []*content.Page) (*Plan, *problem.List) {
	s := &Site{D: d, Theme: theme, C: c, Charts: charts.New(d, c), Content: map[string]*content.Page{}}
	for _, p := range pages {
		s.Content[p.Slug] = p
	}
	probs := s.renderMarkdown()
	p := &Plan{s: s}
	add := func(dir, layout string, build func(path string) (*Page, error)) {
		f := route.File(dir)
		p.entries = append(p.entries, entry{path: f, layout: layout, build: func() (*Page, error) { return build(f) }})
	}
	add(route.HomePath, "home", s.home)
	p.entries = append(p.entries, s.townshipPages()...)
	for i := range d.Villages {
		add(route.Village(d.Villages[i].ID), "village", func(path string) (*Page, error) { return s.village(path, i) })
	}
	for i := range d.Secretaries {
		add(route.Secretary(d.Secretaries[i].ID), "secretary", func(path string) (*Page, error) { return s.secretary(path, i) })
	}
	p.entries = append(p.entries, s.boardPages()...)
	p.entries = append(p.entries, s.pledgeListPages()...)
	for i := range d.Pledges {
		add(route.Pledge(d.Pledges[i].ID), "pledge", func(path string) (*Page, error) { return s.pledge(path, i) })
	}
	p.entries = append(p.entries, s.attentionPages()...)
	p.entries = append(p.entries, s.ratingPages()...)
	p.entries = append(p.entries, s.hearingsPages()...)
	for i := range d.Hearings {
		add(route.Hearing(d.Hearings[i].ID), "hearing", func(path string) (*Page, error) { return s.hearing(path, i) })
	}
	p.entries = append(p.entries, s.reportPages()...)
	add(route.Path(route.AboutPage), "page", s.about)
	p.entries = append(p.entries, s.otherContent()...)
	add(route.Path(route.RulesPage), "rules", s.rules)
	add(route.Path(route.DataPage), "data", s.dataPage)
	add(route.Path(route.SearchPage), "search", s.searchPage)
	p.entries = append(p.entries, entry{path: route.NotFoundPath, layout: "404", build: func() (*Page, error) { return s.notFound(route.NotFoundPath) }})

	// The county charts any page shows: each page kind names its own.
	seen := map[countyChart]bool{}
	for _, list := range [][]countyChart{homeCharts, boardCharts, s.ratingsCharts(), s.hearingsCharts(), s.reportCharts(), s.markdownCharts()} {
		for _, c := range list {
			if !seen[c] {
				seen[c] = true
				p.charts = append(p.charts, c)
			}
		}
	}
	sort.Slice(p.charts, func(i, j int) bool {
		return route.ChartCSV(p.charts[i].name, p.charts[i].year) < route.ChartCSV(p.charts[j].name, p.charts[j].year)
	})
	return p, probs
}

// Paths returns the output file of every page, in plan order.
func (p *Plan) Paths() []string {
	out := make([]string, len(p.entries))
	for i, e := range p.entries {
		out[i] = e.path
	}
	return out
}

// check refuses a plan with two pages at one path: two workers writing one
// file would interleave its bytes. Content files that would do this are
// reported as problems when the plan is made; this guards the rest.
func (p *Plan) check() error {
	seen := make(map[string]bool, len(p.entries))
	for _, e := range p.entries {
		if seen[e.path] {
			return fmt.Errorf("site: two pages planned at %s", e.path)
		}
		seen[e.path] = true
	}
	return nil
}

// markdownCharts lists the county charts drawn by shortcodes in Markdown.
func (s *Site) markdownCharts() []countyChart {
	var out []countyChart
	for _, slug := range sortedSlugs(s.md) {
		out = append(out, s.md[slug].csvs...)
	}
	return out
}

func sortedSlugs[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
