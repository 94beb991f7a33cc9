package qa

import (
	"errors"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// Chart is the state of one chart box (an element with data-chart) on a page.
type Chart struct {
	ID     string `json:"id"`     // the data-chart value
	SVG    bool   `json:"svg"`    // ECharts drew an <svg> into it
	Shapes int    `json:"shapes"` // <path> and <rect> elements in that svg
	Role   string `json:"role"`   // role attribute of the box (want "img")
	Label  string `json:"label"`  // aria-label of the box (the text alternative)
	Figure bool   `json:"figure"` // the box sits in a <figure>
	Table  bool   `json:"table"`  // that figure holds the chart's numbers as a <table>
}

// minShapes is how many <path>/<rect> elements make a drawn chart rather
// than an empty frame: axes, bars, legend marks and the background.
const minShapes = 5

// Drawn reports whether ECharts has drawn the chart.
func (c Chart) Drawn() bool { return c.SVG && c.Shapes >= minShapes }

// ChartAlternatives returns what is wrong with the text alternatives of a
// page's charts, as found in the browser after they drew: each chart box
// needs role=img and an aria-label, must keep the aria-label written in the
// page's HTML (drawing must not replace it), and must sit in a <figure>
// that holds the chart's numbers as a <table>.
func ChartAlternatives(charts []Chart, page []byte) []string {
	written := chartLabels(page)
	var out []string
	for _, c := range charts {
		if c.Role != "img" {
			out = append(out, fmt.Sprintf("chart %q: role=%q, want role=\"img\"", c.ID, c.Role))
		}
		switch w, ok := written[c.ID]; {
		case c.Label == "":
			out = append(out, fmt.Sprintf("chart %q: no aria-label", c.ID))
		case ok && c.Label != w:
			out = append(out, fmt.Sprintf("chart %q: drawing replaced the aria-label written in the HTML\n\twritten: %s\n\tnow:     %s",
				c.ID, clip(w, 200), clip(c.Label, 200)))
		}
		if !c.Figure {
			out = append(out, fmt.Sprintf("chart %q: not inside a <figure>", c.ID))
		} else if !c.Table {
			out = append(out, fmt.Sprintf("chart %q: its figure has no data <table>", c.ID))
		}
	}
	return out
}

var (
	chartTagRE  = regexp.MustCompile(`<[a-z]+\s[^>]*\bdata-chart="([^"]*)"[^>]*>`)
	ariaLabelRE = regexp.MustCompile(`\baria-label="([^"]*)"`)
)

// chartLabels returns the aria-label of each chart box as the HTML file
// has it, before any script ran: data-chart value → label.
func chartLabels(page []byte) map[string]string {
	out := map[string]string{}
	for _, m := range chartTagRE.FindAllSubmatch(page, -1) {
		if l := ariaLabelRE.FindSubmatch(m[0]); l != nil {
			out[html.UnescapeString(string(m[1]))] = strings.TrimSpace(html.UnescapeString(string(l[1])))
		}
	}
	return out
}

const chartsJS = `[...document.querySelectorAll("[data-chart]")].map(b => {
  const svg = b.querySelector("svg:not(.chart-space)"), fig = b.closest("figure");
  return {
    id: b.getAttribute("data-chart") || "",
    svg: !!svg,
    shapes: svg ? svg.querySelectorAll("path, rect").length : 0,
    role: b.getAttribute("role") || "",
    label: (b.getAttribute("aria-label") || "").trim(),
    figure: !!fig,
    table: !!(fig && fig.querySelector("table")),
  };
})`

var chartsDrawnJS = `(() => {
  const boxes = [...document.querySelectorAll("[data-chart]")];
  return boxes.every(b => { const s = b.querySelector("svg:not(.chart-space)"); return s && s.querySelectorAll("path, rect").length >= ` + strconv.Itoa(minShapes) + `; });
})()`

// Charts returns the state of every chart box on the page.
func (p *Page) Charts() ([]Chart, error) {
	return Eval[[]Chart](p, chartsJS)
}

// scrollChartsJS brings each chart into view in turn, as a reader scrolling
// down the page does: js/charts.js draws a chart only when it comes into
// view (loading ECharts for the first).
const scrollChartsJS = `(async () => {
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  for (const b of document.querySelectorAll("[data-chart]")) {
    (b.closest("figure") || b).scrollIntoView({block: "center"});
    await frame(); await frame();
  }
  window.scrollTo(0, 0);
  return true;
})()`

// WaitCharts scrolls every chart box on the page into view, waits up to
// timeout for all of them to be drawn, and returns their states. A chart
// still not drawn then is not an error here: the caller checks Drawn.
func (p *Page) WaitCharts(timeout time.Duration) ([]Chart, error) {
	if _, err := Eval[bool](p, scrollChartsJS); err != nil {
		return nil, fmt.Errorf("scrolling to the charts: %w", err)
	}
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](chartsDrawnJS,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	if err != nil && !errors.Is(err, chromedp.ErrPollingTimeout) {
		return nil, fmt.Errorf("waiting for charts: %w", err)
	}
	return p.Charts()
}
