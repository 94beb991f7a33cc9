package site

import (
	"strconv"

	"gongshi/generator/charts"
	"gongshi/generator/i18n"
	"gongshi/generator/route"
)

// ChartView is one chart on a page: a chart of package charts with its
// element ID made unique on the page and its CSV linked from the page.
type ChartView struct {
	charts.Chart
	CSVHref string // link to a CSV of the chart's numbers
}

// TableView is a small computed table (reports, shortcodes).
type TableView = charts.Table

// chartSet collects the charts of one page, giving each an element ID the
// page does not use yet (the same chart may appear in a page's Markdown and
// among its own charts).
type chartSet struct {
	path  string
	used  map[string]bool
	views []ChartView
}

func newChartSet(path string, used map[string]bool) *chartSet {
	u := map[string]bool{}
	for id := range used {
		u[id] = true
	}
	return &chartSet{path: path, used: u}
}

// add appends a chart, linking its CSV from the page.
func (cs *chartSet) add(c charts.Chart) {
	id := c.ID
	for n := 2; cs.used[id]; n++ {
		id = c.ID + "_" + strconv.Itoa(n)
	}
	cs.used[id] = true
	c.ID = id
	cs.views = append(cs.views, ChartView{Chart: c, CSVHref: route.Rel(cs.path, c.CSV)})
}

// county adds the county charts named (year 0 where none), skipping any
// that cannot be drawn.
func (s *Site) countyCharts(cs *chartSet, list []countyChart) {
	for _, c := range list {
		if v, err := s.Charts.County(c.name, c.year); err == nil {
			cs.add(v)
		}
	}
}

// fact turns a computed figure into a card.
func fact(f charts.Figure) Fact {
	return Fact{Label: f.Label, Value: f.Value, Note: f.Note, Tone: f.Tone}
}

// withScripts makes a page that shows charts load js/charts.js, which loads
// ECharts itself when the first chart comes into view.
func withScripts(p *Page, has bool) {
	if !has {
		return
	}
	p.ChartScript = route.Rel(p.Path, charts.Script)
	p.ChartLib = route.Rel(p.Path, charts.Library)
}

// ChartsHTML renders charts as pages show them (for tools and tests).
func ChartsHTML(c *i18n.Catalogue, cs []ChartView) (HTML, error) { return toHTML(chartList(c, cs)) }
