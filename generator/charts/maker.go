// Package charts computes the charts, figures and tables that pages show,
// from the dataset and in the site's language: the numbers of each chart
// (Data), its ECharts option built with go-echarts and emitted as escaped
// JSON, a description for screen readers, a table of its numbers and a CSV.
// It knows nothing of pages: each page builder (package site) asks for the
// charts it shows, and Markdown shortcodes ({{< chart "NAME" >}}) are
// resolved through the registry here (Resolve).
package charts

import (
	"encoding/json"
	"strconv"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/route"
)

// Script is the theme's script that draws a page's charts, and Library the
// vendored ECharts it loads when the first chart comes into view: a page
// loads only Script (2 KB), and none of ECharts unless a reader scrolls to
// a chart.
const (
	Script  = "js/charts.js"
	Library = "vendor/echarts/echarts.common.min.js"
)

// Maker computes charts, figures and tables of one dataset in one language.
// It holds no state beyond its inputs and is safe for concurrent use.
type Maker struct {
	d *dataset.Dataset
	c *i18n.Catalogue
}

// New returns a Maker for a derived dataset, worded from c.
func New(d *dataset.Dataset, c *i18n.Catalogue) *Maker { return &Maker{d: d, c: c} }

// Chart is one chart ready to be laid out: the option JSON for the vendored
// script to draw, and its numbers as a table for readers without
// JavaScript, screen readers and print.
type Chart struct {
	ID     string          // element ID from [A-Za-z0-9_]; a page that shows two charts of one ID suffixes the second
	Title  string          // shown above the chart
	Desc   string          // one-sentence description for screen readers
	JSON   json.RawMessage // ECharts option; emitted through html/template, which escapes "<"
	Head   []string        // table header
	Rows   [][]string      // table rows
	CSV    string          // site path of the CSV of its numbers
	Height int             // drawing height in pixels (more categories, taller chart)
	Note   string          // shown under the chart, e.g. that only the largest 30 townships are drawn
	Legend []LegendItem    // what each colour stands for; laid out by the page, as wrapping text
}

// LegendItem is one entry of a chart's legend.
type LegendItem struct {
	Name   string
	Colour string // "#1a7f37"
}

// Figure is one computed number for a "big number" card.
type Figure struct {
	Label string
	Value string
	Note  string // small print under the value
	Tone  string // "", "good", "warn" or "bad"
}

// Table is a small computed table.
type Table struct {
	Title string
	Head  []string
	Rows  [][]string
}

// County returns a chart of the whole county by name (see Names) and year
// (0: every year, or the latest where the chart says so). Its CSV, shared by
// every page that shows it, is at route.ChartCSV(name, year): CountyCSV.
func (m *Maker) County(name string, year int) (Chart, error) {
	id := name
	if year > 0 {
		id += "-" + strconv.Itoa(year)
	}
	return m.view(chartDefs[name].data(m, year), chartID(id), route.ChartCSV(name, year))
}

// CountyCSV returns the CSV of a county chart.
func (m *Maker) CountyCSV(name string, year int) []byte { return CSV(chartDefs[name].data(m, year)) }

// Township returns the chart of a township's page (share of pledges done in
// each village) and its CSV.
func (m *Maker) Township(id string) (Chart, []byte, error) {
	d := m.townshipCompletion(id)
	v, err := m.view(d, chartID("township-"+id), route.TownshipChartCSV(id))
	return v, CSV(d), err
}

// view turns chart data into a Chart.
func (m *Maker) view(d *Data, id, csvPath string) (Chart, error) {
	option, err := option(d, id)
	if err != nil {
		return Chart{}, err
	}
	v := Chart{ID: id, Title: d.Title, Desc: m.describe(d), JSON: option, CSV: csvPath, Height: height(d), Note: d.Note, Legend: legend(d)}
	v.Head, v.Rows = table(d)
	return v, nil
}
