package build

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"gongshi/generator/schema"
)

// browseSite writes a county of towns townships with villages villages
// each, every village with perVillage pledges that cycle through the
// statuses, kinds and categories with due dates spread over two years, and
// three 2024 hearings on scattered dates. It returns the source and, by
// pledge ID, its status, kind, category and due date.
func browseSite(t testing.TB, towns, villages, perVillage int) (string, map[string][4]string) {
	t.Helper()
	var tw, vl, sc, pl, he strings.Builder
	tw.WriteString("id,name\n")
	vl.WriteString("id,name,township_id\n")
	sc.WriteString("id,name,village_id,role,term_start\n")
	pl.WriteString("id,village_id,secretary_id,kind,category,title,made_on,status,due\n")
	he.WriteString("id,village_id,date,topic,outcome\n")
	pledges := map[string][4]string{}
	n := 0
	for i := 1; i <= towns; i++ {
		fmt.Fprintf(&tw, "T%d,第%d乡\n", i, i)
		for j := 1; j <= villages; j++ {
			v := fmt.Sprintf("T%d-V%02d", i, j)
			fmt.Fprintf(&vl, "%s,第%d乡%d村,T%d\n", v, i, j, i)
			fmt.Fprintf(&sc, "S-%s,书记%d-%d,%s,书记,2021-01-15\n", v, i, j, v)
			for k := 0; k < perVillage; k++ {
				id := fmt.Sprintf("P-%s-%03d", v, k)
				st := schema.PledgeStatuses[n%len(schema.PledgeStatuses)].Zh
				kind := schema.PledgeKinds[n%len(schema.PledgeKinds)].Zh
				cat := schema.PledgeCategories[n%len(schema.PledgeCategories)].Zh
				due := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (n*37)%700).Format("2006-01-02")
				fmt.Fprintf(&pl, "%s,%s,S-%s,%s,%s,承诺%s,2023-06-01,%s,%s\n", id, v, v, kind, cat, id, st, due)
				pledges[id] = [4]string{st, kind, cat, due}
				n++
			}
			for k := 0; k < 3; k++ {
				fmt.Fprintf(&he, "H-%s-%d,%s,2024-%02d-%02d,%s议题%d,通过\n", v, k, v, 1+(j*5+k*4)%12, 1+(j*7+k)%28, v, k)
			}
		}
	}
	dir := filepath.Join(t.TempDir(), "src")
	writeFiles(t, dir, map[string]string{
		"site.toml":            syntheticSiteTOML,
		"data/townships.csv":   tw.String(),
		"data/villages.csv":    vl.String(),
		"data/secretaries.csv": sc.String(),
		"data/pledges.csv":     pl.String(),
		"data/hearings.csv":    he.String(),
	})
	return dir, pledges
}

// tables returns the sortable tables of the page at p, by the id of the
// section (township) each is in.
func tables(t testing.TB, root, p string) map[string]*html.Node {
	out := map[string]*html.Node{}
	for _, sec := range elems(parseHTML(t, root, p), "section", "group") {
		id, _ := attr(sec, "id")
		for _, tbl := range elems(sec, "table", "sortable") {
			out[id] = tbl
		}
	}
	return out
}

// column returns, for each row of a table, the data-sort (or text) and text
// of the cells in column col, and the link of the first cell.
func column(tbl *html.Node, col int) (keys, texts, hrefs []string) {
	for _, tb := range children(tbl, "tbody") {
		for _, tr := range children(tb, "tr") {
			cells := children(tr, "td")
			k, ok := attr(cells[col], "data-sort")
			if !ok {
				k = text(cells[col])
			}
			keys, texts = append(keys, k), append(texts, strings.TrimSpace(text(cells[col])))
			if as := elems(cells[0], "a", ""); len(as) > 0 {
				h, _ := attr(as[0], "href")
				hrefs = append(hrefs, h)
			}
		}
	}
	return keys, texts, hrefs
}

// TestOverdueList: the overdue list is by township, each township's most
// overdue first with its days overdue shown, and jumps to each township.
func TestOverdueList(t *testing.T) {
	src, pledges := browseSite(t, 2, 6, 6)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	page := "pledges/overdue/index.html"
	doc := parseHTML(t, dest, page)
	var jumps []string
	for _, nav := range elems(doc, "nav", "jump") {
		for _, a := range elems(nav, "a", "") {
			h, _ := attr(a, "href")
			jumps = append(jumps, h)
		}
	}
	if strings.Join(jumps, " ") != "#t-T1 #t-T2" {
		t.Errorf("jump links %q, want #t-T1 #t-T2", jumps)
	}
	byTown := tables(t, dest, page)
	want := map[string]int{}
	asOf := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	for id, p := range pledges {
		due, _ := time.Parse("2006-01-02", p[3])
		open := p[0] == "未启动" || p[0] == "推进中" || p[0] == "部分完成"
		if open && due.Before(asOf) {
			want[strings.SplitN(strings.TrimPrefix(id, "P-"), "-", 2)[0]]++
		}
	}
	for _, town := range []string{"T1", "T2"} {
		tbl := byTown["t-"+town]
		if tbl == nil {
			t.Fatalf("%s: no table in section t-%s", page, town)
		}
		keys, texts, hrefs := column(tbl, 1)
		if len(keys) != want[town] || want[town] == 0 {
			t.Errorf("%s: %d rows, want %d", town, len(keys), want[town])
		}
		last := 1 << 30
		for i, k := range keys {
			days, err := strconv.Atoi(k)
			if err != nil || days > last {
				t.Errorf("%s row %d: days %q after %d: not most overdue first", town, i, k, last)
			}
			last = days
			id := path.Base(path.Dir(hrefs[i]))
			due, _ := time.Parse("2006-01-02", pledges[id][3])
			if wantDays := int(asOf.Sub(due).Hours() / 24); days != wantDays || texts[i] != strconv.Itoa(wantDays)+" 天" {
				t.Errorf("%s: %s shows %q (sorts by %d), want %d 天", town, id, texts[i], days, wantDays)
			}
		}
	}
	if !strings.Contains(readFile(t, dest, page), `src="../../js/sort.js"`) {
		t.Errorf("%s does not load js/sort.js", page)
	}
}

// TestHearingsByDate: a year's hearings are listed by date in each township.
func TestHearingsByDate(t *testing.T) {
	src, _ := browseSite(t, 2, 6, 1)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	byTown := tables(t, dest, "hearings/2024/index.html")
	for _, town := range []string{"T1", "T2"} {
		dates, _, _ := column(byTown["t-"+town], 0)
		if len(dates) != 18 {
			t.Errorf("%s: %d hearings, want 18", town, len(dates))
		}
		if !sort.StringsAreSorted(dates) {
			t.Errorf("%s: hearings not by date: %v", town, dates)
		}
	}
}

// TestPledgeLists: each status, kind and category that some pledge has gets
// a list of exactly its pledges, linked from the pledge board; a list longer
// than 500 rows is split by township.
func TestPledgeLists(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 3,600 pledges")
	}
	src, pledges := browseSite(t, 2, 30, 60) // 3,600 pledges: 600 of each status
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	assertPageLimits(t, dest)
	board := links(t, dest, "pledges/index.html")
	for col, facet := range []struct {
		dir  string
		enum schema.EnumSet
	}{{"by-status", schema.PledgeStatuses}, {"by-kind", schema.PledgeKinds}, {"by-category", schema.PledgeCategories}} {
		for _, c := range facet.enum {
			want := map[string]bool{}
			for id, p := range pledges {
				if p[col] == c.Zh {
					want[id] = true
				}
			}
			base := "pledges/" + facet.dir + "/" + c.En + "/"
			if !contains(board, base+"index.html") {
				t.Errorf("the pledge board does not link to %s", base)
			}
			got := map[string]bool{}
			pages := []string{base + "index.html"}
			if len(want) > maxRows {
				pages = []string{base + "T1/index.html", base + "T2/index.html"}
				idx := links(t, dest, base+"index.html")
				for _, p := range pages {
					if !contains(idx, p) {
						t.Errorf("%s: %d rows, but the index does not link to %s", base, len(want), p)
					}
				}
			}
			for _, p := range pages { // and their numbered pages
				for k := 2; fileExists(dest, path.Dir(p)+"/page/"+strconv.Itoa(k)+"/index.html"); k++ {
					pages = append(pages, path.Dir(p)+"/page/"+strconv.Itoa(k)+"/index.html")
				}
			}
			for _, p := range pages {
				for _, tbl := range tables(t, dest, p) {
					_, _, hrefs := column(tbl, 0)
					for _, h := range hrefs {
						id := path.Base(path.Dir(path.Join(path.Dir(p), h)))
						if got[id] {
							t.Errorf("%s: %s listed twice", base, id)
						}
						got[id] = true
					}
				}
			}
			if len(got) != len(want) {
				t.Errorf("%s: %d pledges listed, want %d", base, len(got), len(want))
			}
			for id := range got {
				if !want[id] {
					t.Errorf("%s lists %s, which is not %s", base, id, c.Zh)
				}
			}
		}
	}
	reportLinks(t, checkLinks(t, dest, "/"))
}
