package build

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// maxRows is DESIGN.md's limit of rows on one listing page.
const maxRows = 500

// syntheticSite writes a site source of towns townships with villages
// villages each. Every village has one serving secretary, one 2024
// appraisal, one overdue pledge and one 2024 hearing, so every listing
// (ratings, hearings, overdue pledges, a township's villages) holds
// towns×villages rows.
func syntheticSite(t testing.TB, towns, villages int) string {
	t.Helper()
	var tw, vl, sc, ap, pl, he strings.Builder
	tw.WriteString("id,name\n")
	vl.WriteString("id,name,township_id,population\n")
	sc.WriteString("id,name,village_id,role,term_start\n")
	ap.WriteString("year,village_id,secretary_id,masses_score,members_score,org_score,team_stars\n")
	pl.WriteString("id,village_id,secretary_id,kind,category,title,made_on,status,due\n")
	he.WriteString("id,village_id,date,topic,outcome\n")
	for i := 1; i <= towns; i++ {
		fmt.Fprintf(&tw, "T%d,第%d乡\n", i, i)
		for j := 1; j <= villages; j++ {
			v := fmt.Sprintf("T%d-V%03d", i, j)
			fmt.Fprintf(&vl, "%s,第%d乡%d村,T%d,%d\n", v, i, j, i, 500+j)
			fmt.Fprintf(&sc, "S-%s,书记%d-%d,%s,书记,2021-01-15\n", v, i, j, v)
			fmt.Fprintf(&ap, "2024,%s,S-%s,%d,80,80,%d\n", v, v, 70+j%20, j%6)
			fmt.Fprintf(&pl, "P-%s,%s,S-%s,年度实事,公益事业,修建%s文化广场,2024-01-10,推进中,2024-12-31\n", v, v, v, v)
			fmt.Fprintf(&he, "H-%s,%s,2024-05-%02d,%s道路改造,通过\n", v, v, 1+j%28, v)
		}
	}
	dir := filepath.Join(t.TempDir(), "src")
	writeFiles(t, dir, map[string]string{
		"site.toml":            syntheticSiteTOML,
		"data/townships.csv":   tw.String(),
		"data/villages.csv":    vl.String(),
		"data/secretaries.csv": sc.String(),
		"data/appraisals.csv":  ap.String(),
		"data/pledges.csv":     pl.String(),
		"data/hearings.csv":    he.String(),
	})
	return dir
}

// listCounts are the rows of the lists on one page.
type listCounts struct {
	tbody   []int // <tr> in each <tbody>
	pledges []int // <li class="pledge"> in each <ul class="pledges">
	others  []int // <li> in each <ul class="hearings"> or <ul class="updates">
}

func countLists(doc *html.Node) listCounts {
	var c listCounts
	for _, tb := range elems(doc, "tbody", "") {
		c.tbody = append(c.tbody, len(children(tb, "tr")))
	}
	for _, ul := range elems(doc, "ul", "pledges") {
		n := 0
		for _, li := range children(ul, "li") {
			if hasToken(li, "class", "pledge") {
				n++
			}
		}
		c.pledges = append(c.pledges, n)
	}
	for _, cls := range []string{"hearings", "updates"} {
		for _, ul := range elems(doc, "ul", cls) {
			c.others = append(c.others, len(children(ul, "li")))
		}
	}
	return c
}

// assertPageLimits fails for every page of the output with a list longer than maxRows.
func assertPageLimits(t *testing.T, root string) {
	t.Helper()
	for _, p := range htmlFiles(t, root) {
		c := countLists(parseHTML(t, root, p))
		for _, l := range []struct {
			what string
			ns   []int
		}{{"<tr> in a <tbody>", c.tbody}, {`<li class="pledge">`, c.pledges}, {"<li> in a list", c.others}} {
			for _, n := range l.ns {
				if n > maxRows {
					t.Errorf("%s: %d %s, more than %d", p, n, l.what, maxRows)
				}
			}
		}
	}
}

// links returns the site paths (relative to the root, fragment dropped) that
// the page at p links to, in document order.
func links(t testing.TB, root, p string) []string {
	t.Helper()
	var out []string
	walk(parseHTML(t, root, p), func(n *html.Node) {
		if !isElem(n, "a") {
			return
		}
		if h, ok := attr(n, "href"); ok && !strings.Contains(h, ":") && !strings.HasPrefix(h, "#") {
			h, _, _ = strings.Cut(h, "#")
			out = append(out, path.Join(path.Dir(p), h))
		}
	})
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// appraisalRows returns the village links of the rows of the appraisal
// tables of the page at p.
func appraisalRows(t testing.TB, root, p string) []string {
	t.Helper()
	var out []string
	for _, tbl := range elems(parseHTML(t, root, p), "table", "appraisals") {
		for _, tb := range children(tbl, "tbody") {
			for _, tr := range children(tb, "tr") {
				for _, a := range elems(tr, "a", "") {
					if h, _ := attr(a, "href"); strings.Contains(h, "villages/") {
						out = append(out, path.Join(path.Dir(p), h))
						break
					}
				}
			}
		}
	}
	return out
}

// TestListingSplitByTownship: 600 appraisals in 2024 do not fit on one page,
// so ratings/2024/ becomes an index of townships, each township's 300 rows
// on ratings/2024/<township>/, unpaged; nothing is lost or shown twice.
func TestListingSplitByTownship(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 600 villages")
	}
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, syntheticSite(t, 2, 300), dest, "")
	assertPageLimits(t, dest)

	index := "ratings/2024/index.html"
	if n := len(appraisalRows(t, dest, index)); n != 0 {
		t.Errorf("%s: %d appraisal rows; want an index of townships only", index, n)
	}
	l := links(t, dest, index)
	seen := map[string]bool{}
	for _, town := range []string{"T1", "T2"} {
		p := "ratings/2024/" + town + "/index.html"
		if !contains(l, p) {
			t.Errorf("%s does not link to %s; links: %v", index, p, l)
		}
		rows := appraisalRows(t, dest, p)
		if len(rows) != 300 {
			t.Errorf("%s: %d rows, want 300", p, len(rows))
		}
		for _, v := range rows {
			if !strings.HasPrefix(v, "villages/"+town+"-") {
				t.Errorf("%s: row of %s, another township", p, v)
			}
			if seen[v] {
				t.Errorf("%s: %s listed twice", p, v)
			}
			seen[v] = true
		}
		if fileExists(dest, "ratings/2024/"+town+"/page/2/index.html") {
			t.Errorf("ratings/2024/%s/page/2/ exists for 300 rows", town)
		}
	}
	if len(seen) != 600 {
		t.Errorf("%d villages listed over the township pages, want 600", len(seen))
	}
	// The other listings of 600 rows split the same way.
	for _, p := range []string{"hearings/2024/T1/index.html", "hearings/2024/T2/index.html", "pledges/overdue/T1/index.html", "pledges/overdue/T2/index.html",
		"attention/T1/index.html", "attention/T2/index.html"} {
		base := strings.TrimSuffix(path.Dir(p), "/T1")
		base = strings.TrimSuffix(base, "/T2") + "/index.html"
		if !contains(links(t, dest, base), p) {
			t.Errorf("%s does not link to %s", base, p)
		}
	}
	// What needs attention (an overdue pledge in each village): 300 items
	// on each township's part of /attention/, and the same 300 on the
	// township's own page, where they fit.
	for _, town := range []string{"T1", "T2"} {
		for _, p := range []string{"attention/" + town + "/index.html", "townships/" + town + "/index.html"} {
			rows := attentionRows(parseHTML(t, dest, p), p)
			if len(rows) != 300 {
				t.Errorf("%s: %d items needing attention, want 300", p, len(rows))
			}
			for _, r := range rows {
				if !strings.HasPrefix(r.item, "pledges/P-"+town+"-") {
					t.Errorf("%s: item %s of another township", p, r.item)
					break
				}
			}
		}
	}
	if n := len(attentionRows(parseHTML(t, dest, "attention/index.html"), "attention/index.html")); n != 0 {
		t.Errorf("attention/index.html lists %d items; want an index of townships only", n)
	}
	reportLinks(t, checkLinks(t, dest, "/"))
}

// TestListingPaged: one township with 600 rows is split into numbered pages
// of at most 500: <township>/ and <township>/page/2/, linked both ways.
func TestListingPaged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 600 villages")
	}
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, syntheticSite(t, 1, 600), dest, "")
	assertPageLimits(t, dest)

	if !contains(links(t, dest, "ratings/2024/index.html"), "ratings/2024/T1/index.html") {
		t.Errorf("ratings/2024/index.html does not link to ratings/2024/T1/index.html")
	}
	for _, dir := range []string{"ratings/2024/T1/", "hearings/2024/T1/", "pledges/overdue/T1/", "townships/T1/", "attention/T1/"} {
		p1, p2 := dir+"index.html", dir+"page/2/index.html"
		if !contains(links(t, dest, p1), p2) {
			t.Errorf("%s does not link to %s", p1, p2)
		}
		if !contains(links(t, dest, p2), p1) {
			t.Errorf("%s does not link back to %s", p2, p1)
		}
		if fileExists(dest, dir+"page/3/index.html") {
			t.Errorf("%spage/3/ exists for 600 rows", dir)
		}
	}
	r1 := appraisalRows(t, dest, "ratings/2024/T1/index.html")
	r2 := appraisalRows(t, dest, "ratings/2024/T1/page/2/index.html")
	if len(r1) != 500 || len(r2) != 100 {
		t.Errorf("ratings pages hold %d and %d rows, want 500 and 100", len(r1), len(r2))
	}
	seen := map[string]bool{}
	for _, v := range append(r1, r2...) {
		if seen[v] {
			t.Errorf("%s listed twice", v)
		}
		seen[v] = true
	}
	if len(seen) != 600 {
		t.Errorf("%d villages over the two pages, want 600", len(seen))
	}
	// 600 items needing attention: 500 and 100 on the township's part of
	// /attention/; the township's own page links there instead of listing them.
	a1 := attentionRows(parseHTML(t, dest, "attention/T1/index.html"), "attention/T1/index.html")
	a2 := attentionRows(parseHTML(t, dest, "attention/T1/page/2/index.html"), "attention/T1/page/2/index.html")
	if len(a1) != 500 || len(a2) != 100 {
		t.Errorf("attention pages hold %d and %d items, want 500 and 100", len(a1), len(a2))
	}
	if n := len(attentionRows(parseHTML(t, dest, "townships/T1/index.html"), "townships/T1/index.html")); n != 0 {
		t.Errorf("townships/T1/index.html lists %d items needing attention, more than a page holds", n)
	}
	if !contains(links(t, dest, "townships/T1/index.html"), "attention/T1/index.html") {
		t.Errorf("townships/T1/index.html does not link to attention/T1/index.html")
	}
	reportLinks(t, checkLinks(t, dest, "/"))
}

// syntheticSiteTOML is the site.toml of the many-village counties these tests
// make up.
const syntheticSiteTOML = `title = "合成县村党组织书记履职公开"
county = "合成县"
base_url = "/"
language = "zh-CN"
as_of = 2025-12-31
license = "CC-BY-4.0"
`
