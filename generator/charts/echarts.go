package charts

import (
	"encoding/json"
	"fmt"
	"gongshi/generator/formula"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// palette is colour-blind-safe-ish and distinguishable in grey print; the
// table under each chart carries the numbers anyway.
var palette = []string{"#1a7f37", "#0b5cad", "#9a6700", "#b42318", "#6639ba", "#57606a", "#0e8a8a"}

// keyColours keep an enum value the same colour on every chart as its
// badge, keyed by the value's English alias (the badges' CSS classes use the
// same keys), so a chart is coloured alike in every language.
var keyColours = map[string]string{
	"done": "#1a7f37", "in-progress": "#0b5cad", "not-started": "#8c959f", "partly-done": "#d4a72c", "failed": "#b42318", "revised": "#6639ba",
	"passed": "#1a7f37", "passed-amended": "#0b5cad", "rejected": "#b42318", "deferred": "#8c959f", "withdrawn": "#57606a",
}

// chartID returns a deterministic element ID from [A-Za-z0-9_] (a "-" would
// be a syntax error where go-echarts uses the ID as a JavaScript name).
func chartID(parts ...string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('_')
		}
		for _, r := range p {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' {
				b.WriteRune(r)
			} else {
				b.WriteByte('_')
			}
		}
	}
	return b.String()
}

func height(d *Data) int {
	if d.Kind == "hbar" {
		if h := 60 + 28*len(d.Categories); h > 320 {
			return h
		}
	}
	return 320
}

// option builds the chart with go-echarts and returns its option JSON.
// Only plain values go in: no formatter functions (types.FuncStr), which
// go-echarts would turn into executable script.
func option(d *Data, id string) (json.RawMessage, error) {
	init := opts.Initialization{ChartID: id, Renderer: "svg", AssetsHost: "./"}
	title := charts.WithTitleOpts(opts.Title{Show: opts.Bool(false)})
	// No ECharts legend: on a phone it pages ("1/2") or runs into the plot.
	// The page lays out the legend itself (Chart.Legend), wrapping as text does.
	legend := charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)})
	tooltip := charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"})
	anim := charts.WithAnimation(false)
	// No ECharts aria: it would replace the chart's own label (title and
	// description, written by us) with a machine reading of every series.
	grid := charts.WithGridOpts(opts.Grid{Left: "3%", Right: "10%", Top: "10%", Bottom: "4%", ContainLabel: opts.Bool(true)})
	var chart interface {
		Validate()
		JSON() map[string]interface{}
	}
	colour := seriesColour
	switch d.Kind {
	case "pie":
		pie := charts.NewPie()
		pie.SetGlobalOptions(charts.WithInitializationOpts(init), title, legend, anim,
			charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}))
		var items []opts.PieData
		for i, c := range d.Categories {
			items = append(items, opts.PieData{Name: c, Value: d.Series[0].Values[i], ItemStyle: &opts.ItemStyle{Color: palette[i%len(palette)]}})
		}
		pie.AddSeries(d.Series[0].Name, items, charts.WithPieChartOpts(opts.PieChart{Radius: []string{"35%", "65%"}}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
		chart = pie
	case "line":
		line := charts.NewLine()
		line.SetGlobalOptions(charts.WithInitializationOpts(init), title, legend, tooltip, anim, grid,
			charts.WithYAxisOpts(opts.YAxis{Name: d.Unit, Min: 0}))
		line.SetXAxis(d.Categories)
		for i, s := range d.Series {
			var pts []opts.LineData
			for _, v := range s.Values {
				pts = append(pts, opts.LineData{Value: v})
			}
			line.AddSeries(s.Name, pts, charts.WithItemStyleOpts(opts.ItemStyle{Color: colour(s.Key, i)}),
				charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(true)}))
		}
		chart = line
	default: // bar, groupbar, hbar
		bar := charts.NewBar()
		bar.SetGlobalOptions(charts.WithInitializationOpts(init), title, legend, tooltip, anim, grid,
			charts.WithYAxisOpts(opts.YAxis{Name: d.Unit}))
		bar.SetXAxis(d.Categories)
		stack := ""
		if len(d.Series) > 1 && d.Kind != "groupbar" {
			stack = "total"
		}
		for i, s := range d.Series {
			var bars []opts.BarData
			for _, v := range s.Values {
				bars = append(bars, opts.BarData{Value: v})
			}
			bar.AddSeries(s.Name, bars, charts.WithBarChartOpts(opts.BarChart{Stack: stack}),
				charts.WithItemStyleOpts(opts.ItemStyle{Color: colour(s.Key, i)}))
		}
		if d.Kind == "hbar" {
			bar.XYReversal()
			bar.SetGlobalOptions(charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
				charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: d.Unit}))
		}
		chart = bar
	}
	chart.Validate()
	m := chart.JSON()
	// The option carries no page-level settings: drop what go-echarts adds for
	// its own HTML pages (asset host, chart ID, page title).
	for _, k := range []string{"assets", "ChartID", "PageTitle", "initialization"} {
		delete(m, k)
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("charts: %s: %w", d.Name, err)
	}
	b, err = readable(b)
	if err != nil {
		return nil, fmt.Errorf("charts: %s: %w", d.Name, err)
	}
	return b, nil
}

// textSize is the size of every text a chart draws: axis labels, axis
// names, pie labels and tooltips. ECharts' default of 12 px is too small
// to read on a phone held at arm's length (WCAG asks for text that can be
// read; the site's own text is at least 14 px).
const textSize = 14

// readable sets textSize on every text of an option. go-echarts has no one
// switch for it, and its axis options replace one another, so the option
// JSON is set after it is built (json.Marshal sorts the keys: the bytes
// stay the same from build to build).
func readable(option []byte) ([]byte, error) {
	var m map[string]any
	if err := json.Unmarshal(option, &m); err != nil {
		return nil, err
	}
	size := func(obj map[string]any, key string) {
		st, _ := obj[key].(map[string]any)
		if st == nil {
			st = map[string]any{}
		}
		st["fontSize"] = textSize
		obj[key] = st
	}
	size(m, "textStyle")
	for _, axis := range []string{"xAxis", "yAxis"} {
		list, _ := m[axis].([]any)
		for _, a := range list {
			if a, ok := a.(map[string]any); ok {
				size(a, "axisLabel")
				size(a, "nameTextStyle")
			}
		}
	}
	if t, ok := m["tooltip"].(map[string]any); ok {
		size(t, "textStyle")
	}
	if list, ok := m["series"].([]any); ok {
		for _, sr := range list {
			if sr, ok := sr.(map[string]any); ok && sr["type"] == "pie" {
				size(sr, "label")
			}
		}
	}
	return json.Marshal(m)
}

// seriesColour is the colour of series i, or of the enum value key: the
// same on the chart and in the legend the page lays out.
func seriesColour(key string, i int) string {
	if c, ok := keyColours[key]; ok {
		return c
	}
	return palette[i%len(palette)]
}

// legend returns the entries of a chart's legend: one per series when there
// are several, one per slice of a pie, none otherwise.
func legend(d *Data) []LegendItem {
	var out []LegendItem
	switch {
	case d.Kind == "pie":
		for i, c := range d.Categories {
			out = append(out, LegendItem{Name: c, Colour: palette[i%len(palette)]})
		}
	case len(d.Series) > 1:
		for i, s := range d.Series {
			out = append(out, LegendItem{Name: s.Name, Colour: seriesColour(s.Key, i)})
		}
	}
	return out
}

// table returns the chart's numbers as a header and rows.
func table(d *Data) ([]string, [][]string) {
	head := []string{d.XLabel}
	for _, s := range d.Series {
		head = append(head, s.Name)
	}
	var rows [][]string
	for i, c := range d.Categories {
		row := []string{c}
		for _, s := range d.Series {
			if s.empty(i) {
				row = append(row, "")
			} else {
				row = append(row, fmtValue(s.Values[i]))
			}
		}
		rows = append(rows, row)
	}
	return head, rows
}

// fmtValue prints a chart value with at most two decimals, so sums of
// decimals never show floating-point noise (1279.8999999999999).
func fmtValue(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }

// countText formats a value as a count in running text: a whole number with
// the language's thousands separator (1,558), else as fmtValue does.
func (m *Maker) countText(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return m.c.Int(int(v))
	}
	return fmtValue(v)
}

// describe writes a one-sentence summary for screen readers: what is shown,
// the total, and the largest category (words from the catalogue's desc.*).
func (m *Maker) describe(d *Data) string {
	c := m.c
	if len(d.Categories) == 0 {
		return c.T("chart_desc.none")
	}
	best, bestV := -1, 0.0
	for i := range d.Categories {
		v := 0.0
		for _, s := range d.Series {
			v += s.Values[i]
		}
		if d.Kind == "line" || d.Kind == "groupbar" {
			v = d.Series[0].Values[i]
		}
		if best < 0 || v > bestV {
			best, bestV = i, v
		}
	}
	summed := d.Kind == "bar" || d.Kind == "hbar" || d.Kind == "pie"
	var b strings.Builder
	b.WriteString(c.Tn("chart_desc.by", float64(len(d.Categories)), "x", strings.ToLower(d.XLabel), "n", strconv.Itoa(len(d.Categories))))
	if len(d.Series) > 1 {
		names := make([]string, len(d.Series))
		for i, s := range d.Series {
			names[i] = s.Name
		}
		last := len(names) - 1
		b.WriteString(c.Tf("chart_desc.series", "names", c.List(names[:last])+c.T("chart_desc.and")+names[last]))
	}
	// {total} and {v} as the table shows them (1558), {total_n} and {v_n}
	// as running text writes a count (1,558): each language picks.
	switch {
	case best < 0 || !summed:
	case d.Unit == "%": // shares do not add up
		b.WriteString(c.Tf("chart_desc.highest_share", "cat", d.Categories[best], "v", fmtValue(bestV)))
	default:
		b.WriteString(c.Tf("chart_desc.total", "total", fmtValue(d.Total()), "total_n", m.countText(d.Total()), "unit", d.Unit,
			"cat", d.Categories[best], "v", fmtValue(bestV), "v_n", m.countText(bestV)))
	}
	if d.Note != "" { // the cap of maxCategories: say that the chart leaves some out
		b.WriteString(c.Tf("chart_desc.note", "note", d.Note))
	}
	b.WriteString(c.T("chart_desc.end"))
	return b.String()
}

// CSV returns the chart's numbers as CSV (UTF-8 with BOM so Excel opens it).
func CSV(d *Data) []byte {
	head, rows := table(d)
	var b strings.Builder
	b.WriteString("\uFEFF")
	writeRow := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(c, ",\"\n\r") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	for i := range head {
		head[i] = formula.Guard(head[i])
	}
	writeRow(head)
	for _, r := range rows {
		r[0] = formula.Guard(r[0]) // the category: a name from the data; the rest are numbers
		writeRow(r)
	}
	return []byte(b.String())
}
