package qa

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// villageBudget is the most a village notice page may weigh: its HTML plus
// site.css, each gzipped at the default level (what a web server sends on
// a first visit, over a village's mobile connection).
const villageBudget = 30 * 1024

// TestPageWeight holds every village page of the demo, with the
// stylesheet, to the budget.
func TestPageWeight(t *testing.T) {
	root := demoSite(t)
	css, err := GzipSize(readPage(t, root, "css/site.css"))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := HTMLPages(root)
	if err != nil {
		t.Fatal(err)
	}
	var n, max int
	var heaviest string
	for _, rel := range pages {
		if !strings.HasPrefix(rel, "villages/") || !strings.HasSuffix(rel, "/index.html") || rel == "villages/index.html" {
			continue
		}
		n++
		html, err := GzipSize(readPage(t, root, rel))
		if err != nil {
			t.Fatal(err)
		}
		if html+css > max {
			max, heaviest = html+css, rel
		}
		if html+css > villageBudget {
			t.Errorf("%s: %d B gzipped HTML + %d B gzipped site.css = %d B, over the %d B budget", rel, html, css, html+css, villageBudget)
		}
	}
	if n == 0 {
		t.Fatal("no village pages in the demo build")
	}
	t.Logf("%d village pages; heaviest %s: %d B of %d B (site.css %d B gzipped)", n, heaviest, max, villageBudget, css)
}

// TestNoScriptWithoutCharts checks that pages without charts (but for the
// search page, and the table sorter on lists with sortable tables) load no
// JavaScript at all: every pledge, hearing and secretary page, the rules,
// about and 404 pages — and, beyond those, any page with no chart box.
func TestNoScriptWithoutCharts(t *testing.T) {
	root := demoSite(t)
	pages, err := HTMLPages(root)
	if err != nil {
		t.Fatal(err)
	}
	mustBeBare := map[string]int{}
	for _, rel := range pages {
		html := readPage(t, root, rel)
		kind := bareKind(rel)
		if kind != "" {
			mustBeBare[kind]++
		}
		switch {
		case kind != "" && hasCharts(html):
			t.Errorf("%s: a %s page has charts; it should have none (and no script)", rel, kind)
		case rel == "search/index.html":
			// The one page whose script is its purpose (it also works without: see its noscript).
		case kind != "" && bytes.Contains(bytes.ToLower(html), []byte("<script")):
			t.Errorf("%s: a %s page has a <script> element", rel, kind)
		case !hasCharts(html) && bytes.Contains(bytes.ToLower(withoutSorter(html)), []byte("<script")):
			t.Errorf("%s: has no charts but has a <script> element", rel)
		}
	}
	for _, k := range []string{"pledge", "hearing", "secretary", "rules", "about", "404"} {
		if mustBeBare[k] == 0 {
			t.Errorf("no %s page found in the demo build", k)
		}
	}
	t.Logf("script-free pages by kind: %v", mustBeBare)
}

// sorterRE is the table sorter's script element, which a list whose tables
// sort by a column loads (the page reads the same without it).
var sorterRE = regexp.MustCompile(`<script src="(\.\./)*js/sort\.js" defer></script>`)

// withoutSorter returns a page without the table sorter's script, if it has
// a sortable table.
func withoutSorter(html []byte) []byte {
	if !bytes.Contains(html, []byte(`class="sortable`)) {
		return html
	}
	return sorterRE.ReplaceAll(html, nil)
}

// bareKind returns the kind of a page that must have no charts and no
// script, or "" for other pages.
func bareKind(rel string) string {
	parts := strings.Split(rel, "/")
	switch {
	case rel == "404.html":
		return "404"
	case rel == "rules/index.html":
		return "rules"
	case rel == "about/index.html":
		return "about"
	case len(parts) != 3 || parts[2] != "index.html" || !isID(parts[1]):
		return ""
	case parts[0] == "pledges":
		return "pledge"
	case parts[0] == "hearings":
		return "hearing"
	case parts[0] == "secretaries":
		return "secretary"
	}
	return ""
}
