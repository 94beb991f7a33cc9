package site

import "encoding/json"

// ChartView is one chart on a page: the chart's options as JSON for the
// vendored script to draw, and its numbers as a table for readers without
// JavaScript, screen readers and print.
type ChartView struct {
	ID      string          // element id, from [A-Za-z0-9_] only
	Title   string          // shown above the chart
	Desc    string          // text description for screen readers
	JSON    json.RawMessage // ECharts option JSON; html/template emits it in <script type="application/json"> with < escaped
	Head    []string        // table header
	Rows    [][]string      // table rows
	CSVHref string          // link to a CSV of the chart's numbers
	Height  int             // drawing height in pixels (more categories, taller chart)
	Note    string          // shown under the chart, e.g. that only the largest 30 townships are drawn
}
