package qa

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gongshi/generator/internal/searchread"
)

// opened opens a page of the demo site over http or from disk.
func opened(t *testing.T, via, rel string) *Page {
	t.Helper()
	root := demoSite(t)
	start, inSite := siteServer(t).URL+"/"+rel, UnderOrigin(siteServer(t).URL)
	if via == "sub-folder" { // as a county's site under www.example.gov.cn/cwgk/
		mux := http.NewServeMux()
		mux.Handle("/cwgk/", http.StripPrefix("/cwgk", Handler(root)))
		mux.Handle("/favicon.ico", Handler(root)) // what a browser asks the host for, whatever the page
		srv := httptest.NewServer(mux)
		t.Cleanup(srv.Close)
		start, inSite = srv.URL+"/cwgk/"+rel, UnderOrigin(srv.URL)
	}
	if via == "file" {
		name, query, _ := strings.Cut(rel, "?")
		u, err := FileURL(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if query != "" {
			u += "?" + query
		}
		start, inSite = u, UnderDir(root)
	}
	p, err := browser(t).Open(start, inSite)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// shown is what the search page shows: each group's kind, count and links.
type shown struct {
	Kind  string   `json:"kind"`
	Count string   `json:"count"`
	Links []string `json:"links"`
}

// results waits until the search page has finished a search and returns
// what it shows, and the status line.
func results(t *testing.T, p *Page) ([]shown, string) {
	t.Helper()
	const read = `(function(){var st=document.getElementById("search-status");
		if (!st) return null; // the search page is still loading
		if (st.textContent === st.getAttribute("data-loading")) return null;
		var out=[], gs=document.querySelectorAll(".search-group");
		for (var i=0;i<gs.length;i++){var g=gs[i], ls=[], as=g.querySelectorAll("li > a");
			for (var j=0;j<as.length;j++) ls.push(as[j].getAttribute("href"));
			out.push({kind: g.className.replace("search-group search-",""), count: g.querySelector("h2 small").textContent, links: ls});}
		if (!out.length && !st.textContent) return null;
		return JSON.stringify({groups: out, status: st.textContent});})()`
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		s, err := Eval[*string](p, read)
		if err != nil {
			t.Fatal(err)
		}
		if s != nil {
			var v struct {
				Groups []shown
				Status string
			}
			if err := json.Unmarshal([]byte(*s), &v); err != nil {
				t.Fatal(err)
			}
			return v.Groups, v.Status
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the search did not finish in 15 s")
	return nil, ""
}

// submit types q into the page's search box and submits the form.
func submit(t *testing.T, p *Page, q string) {
	t.Helper()
	if _, err := Eval[bool](p, `(function(){var i=document.getElementById("q"); i.value=`+strconv.Quote(q)+`; i.form.requestSubmit ? i.form.requestSubmit() : i.form.submit(); return true})()`); err != nil {
		t.Fatal(err)
	}
}

// TestSearchFindsWordsInside, over http (at the root and under a
// sub-folder) and from disk: a word from inside a pledge title and one from
// inside a hearing topic, typed into the home page's search box, are found;
// the first result leads to a page about it.
func TestSearchFindsWordsInside(t *testing.T) {
	for _, via := range []string{"http", "sub-folder", "file"} {
		for _, c := range []struct{ word, kind string }{
			{"光伏", "pledges"},    // 建成村级光伏电站
			{"建房秩序", "hearings"}, // 宅基地审批和建房秩序管理办法
		} {
			t.Run(via+"/"+c.word, func(t *testing.T) {
				p := opened(t, via, "index.html")
				// The home page's form submits to the search page, as a villager would.
				if _, err := Eval[bool](p, `(function(){var i=document.getElementById("q"); i.value=`+strconv.Quote(c.word)+`; i.form.submit(); return true})()`); err != nil {
					t.Fatal(err)
				}
				time.Sleep(200 * time.Millisecond)
				groups, status := results(t, p)
				if len(groups) == 0 || groups[0].Kind != c.kind || len(groups[0].Links) == 0 {
					t.Fatalf("%q: %+v (status %q); want %s first", c.word, groups, status, c.kind)
				}
				marks, _ := Eval[string](p, `document.querySelector(".search-group li > a mark").textContent`)
				if marks != c.word {
					t.Errorf("%q: the first result marks %q", c.word, marks)
				}
				if err := p.Click(".search-group li > a"); err != nil {
					t.Fatal(err)
				}
				h1, err := Eval[string](p, `document.querySelector("h1").textContent`)
				if err != nil || !strings.Contains(h1, c.word) {
					t.Errorf("after the click the page's <h1> is %q, want it to hold %q (%v)", h1, c.word, err)
				}
				loc, _ := Eval[string](p, `location.href`)
				if !strings.Contains(loc, "/"+c.kind+"/") || !strings.HasSuffix(loc, "/index.html") {
					t.Errorf("landed on %s", loc)
				}
				for _, s := range p.Report().Problems() {
					t.Errorf("search: %s", s)
				}
			})
		}
	}
}

// TestSearchAgreesWithReader: js/search.js shows, for each query, the same
// groups, counts and results in the same order as the reference reader of
// the index (package searchread), so that the index tests hold for the
// page too.
func TestSearchAgreesWithReader(t *testing.T) {
	root := demoSite(t)
	p := opened(t, "file", "search/index.html")
	for _, q := range []string{"光伏", "电商服务站", "土地流转", "宅基地", "波亮", "V0032", "ｖ００３２", "松坪镇长垟村",
		"长垟村 光伏", "李", "村民代表会议", "2024", "不存在的词", "道路 硬化 村民"} {
		x, err := searchread.Open(root)
		if err != nil {
			t.Fatal(err)
		}
		r, err := x.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		var want []shown
		for _, g := range r.Groups {
			s := shown{Kind: g.Kind, Count: fmt.Sprintf("%d 条", g.Count)} // the demo's words: find.count, find.about
			if !g.Exact {
				s.Count = "约 " + s.Count
			}
			href := ""
			for _, k := range x.M.Kinds {
				if k.Key == g.Kind {
					href = k.Href
				}
			}
			for _, h := range g.Hits {
				s.Links = append(s.Links, strings.ReplaceAll(href, "{id}", h.ID))
			}
			want = append(want, s)
		}
		submit(t, p, q)
		got, status := results(t, p)
		if len(got) != len(want) {
			t.Errorf("%q: the page shows %d groups %+v, the reader %d %+v (status %q)", q, len(got), got, len(want), want, status)
			continue
		}
		for i := range want {
			if got[i].Kind != want[i].Kind || got[i].Count != want[i].Count || strings.Join(got[i].Links, " ") != strings.Join(want[i].Links, " ") {
				t.Errorf("%q group %d: page %+v, reader %+v", q, i, got[i], want[i])
			}
		}
		if len(want) == 0 && status != "没有找到。换一个词试试，或按下面的列表查看。" {
			t.Errorf("%q: nothing found, but the status says %q", q, status)
		}
	}
	for _, s := range p.Report().Problems() {
		t.Errorf("search: %s", s)
	}
}

// TestSearchShowMore: "show more" adds the next results of its group and
// moves the focus to the first of them.
func TestSearchShowMore(t *testing.T) {
	p := opened(t, "http", "search/index.html?q="+"%E7%A7%AF%E5%88%86") // 积分
	groups, _ := results(t, p)
	if len(groups) == 0 || len(groups[0].Links) != 5 {
		t.Fatalf("积分: %+v; want a first group of 5", groups)
	}
	n, err := Eval[int](p, `(function(){var b=document.querySelector(".search-group .search-more"); b.click(); return 1})()`)
	if err != nil || n != 1 {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if groups, _ = results(t, p); len(groups[0].Links) > 5 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if len(groups[0].Links) != 15 {
		t.Errorf("after show more the first group has %d results, want 15", len(groups[0].Links))
	}
	focused, _ := Eval[string](p, `document.activeElement.getAttribute("href")`)
	if focused != groups[0].Links[5] {
		t.Errorf("focus on %q, want the sixth result %q", focused, groups[0].Links[5])
	}
	for _, s := range p.Report().Problems() {
		t.Errorf("search: %s", s)
	}
}

// TestTableSort: js/sort.js sorts the overdue list by a column on a click
// of its header, ascending then descending, and says so in aria-sort; the
// page comes most overdue first without it.
func TestTableSort(t *testing.T) {
	p := opened(t, "file", "pledges/overdue/index.html")
	days := func() []int {
		s, err := Eval[[]string](p, `Array.prototype.map.call(document.querySelectorAll("table.sortable")[0].tBodies[0].rows, function(r){return r.cells[1].getAttribute("data-sort")})`)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]int, len(s))
		for i, v := range s {
			out[i], _ = strconv.Atoi(v)
		}
		return out
	}
	sorted := func(xs []int, desc bool) bool {
		for i := 1; i < len(xs); i++ {
			if desc && xs[i] > xs[i-1] || !desc && xs[i] < xs[i-1] {
				return false
			}
		}
		return len(xs) > 1
	}
	if d := days(); !sorted(d, true) {
		t.Errorf("as served, days overdue %v are not most first", d)
	}
	for _, want := range []string{"ascending", "descending"} {
		got, err := Eval[string](p, `(function(){var th=document.querySelectorAll("table.sortable")[0].tHead.rows[0].cells[1]; th.querySelector("button.sort").click(); return th.getAttribute("aria-sort")})()`)
		if err != nil || got != want {
			t.Errorf("after a click aria-sort is %q, want %q (%v)", got, want, err)
		}
		if d := days(); !sorted(d, want == "descending") {
			t.Errorf("%s: days %v", want, d)
		}
	}
	// Text columns sort too: the village column, ascending, keeps every row.
	n, _ := Eval[int](p, `document.querySelectorAll("table.sortable")[0].tBodies[0].rows.length`)
	if _, err := Eval[bool](p, `(function(){document.querySelectorAll("table.sortable")[0].tHead.rows[0].cells[2].querySelector("button").click(); return true})()`); err != nil {
		t.Fatal(err)
	}
	if m, _ := Eval[int](p, `document.querySelectorAll("table.sortable")[0].tBodies[0].rows.length`); m != n || n == 0 {
		t.Errorf("%d rows after sorting by village, %d before", m, n)
	}
	for _, s := range p.Report().Problems() {
		t.Errorf("sort: %s", s)
	}
}

// TestSearchResultsAccessible runs axe-core (WCAG 2.1 A and AA) on the
// search page once it shows results: groups, marked words, snippets and the
// "show more" buttons that js/search.js builds.
func TestSearchResultsAccessible(t *testing.T) {
	axeTool := AxeJS(repoRoot)
	needTool(t, axeTool)
	needTool(t, CJKFonts())
	axe, err := Axe(axeTool.Path)
	if err != nil {
		t.Fatal(err)
	}
	p := opened(t, "http", "search/index.html?q=%E5%9C%9F%E5%9C%B0%E6%B5%81%E8%BD%AC") // 土地流转
	if groups, _ := results(t, p); len(groups) < 2 {
		t.Fatalf("土地流转: %+v; want results of two kinds", groups)
	}
	if n, _ := Eval[int](p, `document.querySelectorAll(".search-results mark").length + document.querySelectorAll(".search-results .snippet").length`); n == 0 {
		t.Fatal("no marked words or snippets to check")
	}
	res, err := p.RunAxe(axe)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range res.Violations {
		t.Errorf("search results: axe violation %s", v.Format())
	}
}

// TestSearchResultsMarkChinese: on an English site the results that
// js/search.js builds say lang="zh-CN" on the county's Chinese text (the
// titles, places and snippets), as every page of the site does (package
// langpart); the English words beside them (a status, a role) are not.
func TestSearchResultsMarkChinese(t *testing.T) {
	root := demoEnSite(t)
	u, err := FileURL(filepath.Join(root, "search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := browser(t).Open(u+"?q=%E5%9C%9F%E5%9C%B0%E6%B5%81%E8%BD%AC", UnderDir(root)) // 土地流转
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	if groups, _ := results(t, p); len(groups) < 2 {
		t.Fatalf("土地流转: %+v; want results of two kinds", groups)
	}
	const count = `(function(){var n={chinese:0, unmarked:[], englishMarked:[]};
		var es=document.querySelectorAll(".search-results li > a, .search-results .place, .search-results .note, .search-results .snippet");
		for (var i=0;i<es.length;i++){var e=es[i], zh=!!e.closest('[lang^="zh"]');
			if (/[\u4e00-\u9fff]/.test(e.textContent)) { n.chinese++; if (!zh) n.unmarked.push(e.textContent); }
			else if (zh) n.englishMarked.push(e.textContent);}
		return JSON.stringify(n);})()`
	s, err := Eval[string](p, count)
	if err != nil {
		t.Fatal(err)
	}
	var n struct {
		Chinese                 int
		Unmarked, EnglishMarked []string
	}
	if err := json.Unmarshal([]byte(s), &n); err != nil {
		t.Fatal(err)
	}
	if n.Chinese < 5 {
		t.Fatalf("only %d Chinese parts in the results", n.Chinese)
	}
	for _, u := range n.Unmarked {
		t.Errorf("Chinese result text not marked lang=\"zh-CN\": %q", u)
	}
	for _, e := range n.EnglishMarked {
		t.Errorf("English result text marked Chinese: %q", e)
	}
}
