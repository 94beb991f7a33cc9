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
	s      *Site
	parts  []part
	pages  int
	charts []countyChart // sorted by CSV path, each once
}

// part is one planned page, or the pages of every record of one kind (a
// village's, a pledge's …), which are made as they are rendered: a
// province has a million of them, and a path and two closures each, kept
// from the plan to the end of the render, cost over a hundred megabytes.
type part struct {
	one entry    // when rec is nil
	rec *records // else
}

// records is the pages of one kind of record, one per row.
type records struct {
	layout string
	n      int
	dir    func(i int) string // the page's folder (route.Village(id))
	build  func(path string, i int) (*Page, error)
}

// entry returns the page of row i.
func (r *records) entry(i int) entry {
	path := route.File(r.dir(i))
	return entry{path: path, layout: r.layout, build: func() (*Page, error) { return r.build(path, i) }}
}

// all yields every page of the plan, in order.
func (p *Plan) all(yield func(entry) bool) {
	for _, pt := range p.parts {
		if pt.rec == nil {
			if !yield(pt.one) {
				return
			}
			continue
		}
		for i := 0; i < pt.rec.n; i++ {
			if !yield(pt.rec.entry(i)) {
				return
			}
		}
	}
}

// NewPlan prepares the render of a derived dataset: the Markdown pages are
// rendered once with their shortcodes (from the charts registry), and every
// page of the site is listed. Problems: a bad shortcode, or a content file
// that would take one of gongshi's own paths, stops the build like bad data.
func NewPlan(d *dataset.Dataset, theme *Theme, c *i18n.Catalogue, pages []*content.Page) (*Plan, *problem.List) {
	s := &Site{D: d, Theme: theme, C: c, Charts: charts.New(d, c), Content: map[string]*content.Page{}, publisher: publisherView(d.Site.Publisher),
		heldYears: heldYears(d), awaited: awaitedHearings(d)}
	s.trainingRule, s.asOf = s.trainingNote(), s.date(d.Site.AsOf)
	for _, p := range pages {
		s.Content[p.Slug] = p
	}
	probs := s.renderMarkdown()
	p := &Plan{s: s}
	many := func(es []entry) {
		for _, e := range es {
			p.parts = append(p.parts, part{one: e})
		}
		p.pages += len(es)
	}
	add := func(dir, layout string, build func(path string) (*Page, error)) {
		f := route.File(dir)
		many([]entry{{path: f, layout: layout, build: func() (*Page, error) { return build(f) }}})
	}
	rows := func(layout string, n int, dir func(i int) string, build func(path string, i int) (*Page, error)) {
		p.parts = append(p.parts, part{rec: &records{layout: layout, n: n, dir: dir, build: build}})
		p.pages += n
	}
	add(route.HomePath, "home", s.home)
	many(s.townshipPages())
	rows("village", len(d.Villages), func(i int) string { return route.Village(d.Villages[i].ID) }, s.village)
	rows("secretary", len(d.Secretaries), func(i int) string { return route.Secretary(d.Secretaries[i].ID) }, s.secretary)
	many(s.boardPages())
	many(s.pledgeListPages())
	rows("pledge", len(d.Pledges), func(i int) string { return route.Pledge(d.Pledges[i].ID) }, s.pledge)
	many(s.attentionPages())
	many(s.ratingPages())
	many(s.hearingsPages())
	rows("hearing", len(d.Hearings), func(i int) string { return route.Hearing(d.Hearings[i].ID) }, s.hearing)
	many(s.reportPages())
	add(route.Path(route.AboutPage), "page", s.about)
	many(s.otherContent())
	add(route.Path(route.RulesPage), "rules", s.rules)
	add(route.Path(route.DataPage), "data", s.dataPage)
	add(route.Path(route.SearchPage), "search", s.searchPage)
	many([]entry{{path: route.NotFoundPath, layout: "404", build: func() (*Page, error) { return s.notFound(route.NotFoundPath) }}})

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
	out := make([]string, 0, p.pages)
	for e := range p.all {
		out = append(out, e.path)
	}
	return out
}

// check refuses a plan with two pages at one path: two workers writing one
// file would interleave its bytes. Content files that would do this are
// reported as problems when the plan is made; this guards the rest.
func (p *Plan) check() error {
	seen := make(map[string]bool, p.pages)
	for e := range p.all {
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
