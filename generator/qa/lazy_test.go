package qa

import (
	"testing"
)

// lazyJS reports which charts are drawn and whether ECharts was requested.
const lazyJS = `({
  drawn: [...document.querySelectorAll("[data-chart]")].filter(b => b.querySelector("svg:not(.chart-space)")).length,
  charts: document.querySelectorAll("[data-chart]").length,
  echarts: performance.getEntriesByType("resource").filter(e => e.name.includes("echarts")).length,
  inView: [...document.querySelectorAll("figure.chart")].filter(f => f.getBoundingClientRect().top < innerHeight + 200).length,
})`

type lazyState struct {
	Drawn   int `json:"drawn"`
	Charts  int `json:"charts"`
	ECharts int `json:"echarts"` // requests for the ECharts script
	InView  int `json:"inView"`  // charts within 200 px of the first screen
}

// TestChartsDrawnWhenSeen: on a page with charts, ECharts is not loaded,
// and no chart drawn, until a chart comes into view (within 200 px of the
// screen); scrolling to a chart loads ECharts once and draws it. Checked on
// a phone (where the home page's charts are below the first screen) for
// every page kind with charts.
func TestChartsDrawnWhenSeen(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	checked := 0
	for _, k := range pageKinds(t, root) {
		if !hasCharts(readPage(t, root, k.path)) {
			continue
		}
		t.Run(k.kind, func(t *testing.T) {
			p := openPhone(t, b, "about:blank", UnderOrigin(srv.URL))
			if err := p.Navigate(srv.URL + "/" + k.path); err != nil {
				t.Fatal(err)
			}
			// Let the page settle: deferred scripts ran at load; give an
			// observer a frame to report.
			if _, err := Eval[bool](p, `new Promise(r => setTimeout(() => r(true), 300))`); err != nil {
				t.Fatal(err)
			}
			st, err := Eval[lazyState](p, lazyJS)
			if err != nil {
				t.Fatal(err)
			}
			if st.InView == 0 {
				checked++
				if st.ECharts != 0 || st.Drawn != 0 {
					t.Errorf("%s: no chart in view, yet ECharts requested %d× and %d of %d charts drawn", k.path, st.ECharts, st.Drawn, st.Charts)
				}
			}
			cs := checkChartsDrawn(t, p)
			st, err = Eval[lazyState](p, lazyJS)
			if err != nil {
				t.Fatal(err)
			}
			// The legend the page lays out shows under each drawn chart of
			// several series, wrapping as text does: never paged.
			legends, err := Eval[[]struct {
				Shown bool `json:"shown"`
				Fits  bool `json:"fits"`
			}](p, `[...document.querySelectorAll("figure.chart .legend")].map(l => ({shown: l.getClientRects().length > 0, fits: l.scrollWidth <= l.clientWidth + 1}))`)
			if err != nil {
				t.Fatal(err)
			}
			for i, l := range legends {
				if !l.Shown || !l.Fits {
					t.Errorf("%s: legend %d: shown %v, within its width %v", k.path, i, l.Shown, l.Fits)
				}
			}
			if st.ECharts != 1 {
				t.Errorf("%s: ECharts requested %d× after scrolling to every chart, want once", k.path, st.ECharts)
			}
			t.Logf("%s: %d charts, %d in the first screen", k.path, len(cs), st.InView)
		})
	}
	if checked == 0 {
		t.Error("no page with charts had all of them below the first screen: the lazy loading was not tested")
	}
}
