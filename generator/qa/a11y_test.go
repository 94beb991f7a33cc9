package qa

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestAccessibility runs axe-core's WCAG 2.1 A and AA rules (colour
// contrast included) in Chromium on one page of each kind, served over
// HTTP, after its charts drew: zero violations. On pages with charts it
// also checks each chart's text alternatives (see ChartAlternatives): the
// chart box has role=img and keeps the aria-label written in the HTML, and
// its <figure> holds the numbers as a <table>.
func TestAccessibility(t *testing.T) {
	axeTool := AxeJS(repoRoot)
	needTool(t, axeTool)
	needTool(t, CJKFonts())
	b := browser(t)
	axe, err := Axe(axeTool.Path)
	if err != nil {
		t.Fatal(err)
	}
	root := demoSite(t)
	srv := siteServer(t)
	for _, k := range pageKinds(t, root) {
		html := readPage(t, root, k.path)
		t.Run(k.kind, func(t *testing.T) {
			p, err := b.Open(srv.URL+"/"+k.path, UnderOrigin(srv.URL))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if hasCharts(html) {
				for _, s := range ChartAlternatives(checkChartsDrawn(t, p), html) {
					t.Errorf("%s: %s", k.path, s)
				}
			}
			res, err := p.RunAxe(axe)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range res.Violations {
				t.Errorf("%s: axe violation %s", k.path, v.Format())
			}
			if len(res.Incomplete) > 0 {
				t.Logf("for review (axe could not decide, not a failure): %s", incompleteText(res.Incomplete))
			}
		})
	}
}

func incompleteText(m map[string]int) string {
	var parts []string
	for id, n := range m {
		parts = append(parts, fmt.Sprintf("%s ×%d", id, n))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}
