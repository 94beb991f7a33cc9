package qa

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// chartWait bounds the wait for ECharts to draw a page's charts.
const chartWait = 10 * time.Second

// TestPagesInBrowser loads one page of each kind in headless Chromium,
// served over HTTP on 127.0.0.1 and opened from disk (file://): no console
// error, uncaught exception or browser log error; no failed request or
// HTTP status ≥ 400; no request outside the site; and every chart drawn.
func TestPagesInBrowser(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	for _, k := range pageKinds(t, root) {
		html := readPage(t, root, k.path)
		for _, via := range []string{"http", "file"} {
			t.Run(k.kind+"/"+via, func(t *testing.T) {
				if k.kind == "404" && via == "file" {
					t.Skip("404.html is only ever shown by a web server; its links start from base_url on purpose")
				}
				url, inSite := srv.URL+"/"+k.path, UnderOrigin(srv.URL)
				if via == "file" {
					u, err := FileURL(filepath.Join(root, filepath.FromSlash(k.path)))
					if err != nil {
						t.Fatal(err)
					}
					url, inSite = u, UnderDir(root)
				}
				p, err := b.Open(url, inSite)
				if err != nil {
					t.Fatal(err)
				}
				defer p.Close()
				if hasCharts(html) {
					checkChartsDrawn(t, p)
				}
				for _, s := range p.Report().Problems() {
					t.Errorf("%s: %s", k.path, s)
				}
			})
		}
	}
}

// TestNotFoundAtDepth loads a missing address deep in the site, which the
// server answers with 404.html: its stylesheet and links (from base_url)
// must still load, unlike relative ones would.
func TestNotFoundAtDepth(t *testing.T) {
	b := browser(t)
	srv := siteServer(t)
	missing := srv.URL + "/villages/no-such-village/index.html"
	p, err := b.Open(missing, UnderOrigin(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for _, s := range p.Report().Problems() {
		if strings.Contains(s, missing) {
			continue // the 404 status of the page itself; its stylesheet would be …/no-such-village/css/…
		}
		t.Errorf("404 at depth: %s", s)
	}
}

// checkChartsDrawn waits for the page's charts and fails for each one
// ECharts did not draw (no <svg>, or fewer than minShapes shapes in it).
func checkChartsDrawn(t *testing.T, p *Page) []Chart {
	t.Helper()
	start := time.Now()
	cs, err := p.WaitCharts(chartWait)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) == 0 {
		t.Errorf("the HTML has data-chart boxes but the page has none")
	}
	var drawn int
	for _, c := range cs {
		if c.Drawn() {
			drawn++
			continue
		}
		t.Errorf("chart %q not drawn within %s: svg=%v, %d path/rect elements (want ≥ %d)", c.ID, chartWait, c.SVG, c.Shapes, minShapes)
	}
	t.Logf("%d/%d charts drawn in %s", drawn, len(cs), time.Since(start).Round(time.Millisecond))
	return cs
}

// TestClickThrough follows links from the home page as a reader would,
// from disk (file://): a township in the township table, a village there,
// one of its pledges, then back to the village and one of its hearings.
// Every page must load from file://…/index.html with its own <h1>.
func TestClickThrough(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	home, err := FileURL(filepath.Join(root, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Open(home, UnderDir(root))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	defer func() {
		for _, s := range p.Report().Problems() {
			t.Errorf("during the click-through: %s", s)
		}
	}()

	prev := currentPage(t, p, home)
	step := func(scope, section string, accept func(abs string) bool) pageState {
		t.Helper()
		l := findRecordLink(t, p, scope, section, accept)
		if l.Raw == "" {
			t.Fatalf("on %s: no link to a page under %s/", prev.url, section)
		}
		if err := p.Click(scope + ` a[href="` + l.Raw + `"]`); err != nil {
			t.Fatalf("on %s: %v", prev.url, err)
		}
		now := currentPage(t, p, l.Abs)
		if now.h1 == prev.h1 {
			t.Errorf("after clicking %s the <h1> is still %q", l.Raw, now.h1)
		}
		t.Logf("clicked %s → %q", l.Raw, now.h1)
		prev = now
		return now
	}
	step("main table", "townships", nil) // the township table of the home page
	// A village whose page links to at least one pledge and one hearing.
	village := step("main table", "villages", func(abs string) bool {
		html := readFileURL(t, abs)
		return hasRecordLink(html, "pledges") && hasRecordLink(html, "hearings")
	})
	step("main", "pledges", nil)
	if err := p.Back(); err != nil {
		t.Fatalf("going back to the village: %v", err)
	}
	prev = currentPage(t, p, village.url)
	if prev.h1 != village.h1 {
		t.Errorf("back on the village page the <h1> is %q, want %q", prev.h1, village.h1)
	}
	step("main", "hearings", nil)
}

// recordHref matches the href of a link to one record's page, e.g.
// ../../pledges/P000001/index.html; the ID is checked with isID so that
// lists (a year, the overdue list) do not count.
var recordHref = regexp.MustCompile(`href="((?:[^"]*/)?(townships|villages|pledges|hearings|secretaries)/([^/"]+)/index\.html)"`)

// hasRecordLink reports whether the HTML links to a record's page in section.
func hasRecordLink(html []byte, section string) bool {
	for _, m := range recordHref.FindAllSubmatch(html, -1) {
		if string(m[2]) == section && isID(string(m[3])) {
			return true
		}
	}
	return false
}

// readFileURL reads the file a file:// URL names.
func readFileURL(t *testing.T, raw string) []byte {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "file" {
		t.Fatalf("not a file URL: %s", raw)
	}
	b, err := os.ReadFile(filepath.FromSlash(u.Path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type pageState struct{ url, h1 string }

// currentPage returns the tab's URL and <h1>, checking that the URL is
// want, a file:// URL of an index.html (or 404.html).
func currentPage(t *testing.T, p *Page, want string) pageState {
	t.Helper()
	st, err := Eval[struct {
		URL string `json:"url"`
		H1  string `json:"h1"`
	}](p, `({url: location.href, h1: (document.querySelector("h1") || {textContent: ""}).textContent.trim()})`)
	if err != nil {
		t.Fatal(err)
	}
	if st.URL != want {
		t.Errorf("the tab is at %s, want %s", st.URL, want)
	}
	if !strings.HasPrefix(st.URL, "file://") || !strings.HasSuffix(st.URL, "/index.html") {
		t.Errorf("the tab is at %s, want a file://…/index.html URL", st.URL)
	}
	if st.H1 == "" {
		t.Errorf("%s has no <h1> text", st.URL)
	}
	return pageState{st.URL, st.H1}
}

type link struct {
	Raw string `json:"raw"` // the href attribute as written
	Abs string `json:"abs"` // the URL it resolves to
}

// findRecordLink returns the first link inside scope (a CSS selector) to a
// record's page in section (as hasRecordLink means it) that accept, if not
// nil, accepts.
func findRecordLink(t *testing.T, p *Page, scope, section string, accept func(abs string) bool) link {
	t.Helper()
	links, err := Eval[[]link](p, `[...document.querySelectorAll(`+strconv.Quote(scope+" a[href]")+`)]
		.map(a => ({raw: a.getAttribute("href"), abs: a.href}))`)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		if !hasRecordLink([]byte(`href="`+l.Raw+`"`), section) {
			continue
		}
		if accept == nil || accept(l.Abs) {
			return l
		}
	}
	return link{}
}
