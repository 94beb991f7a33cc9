package site

import (
	"fmt"
	"path"
	"testing"
)

// span is the rows one planned page was asked for.
type span struct {
	path     string
	from, to int
	pager    *Pager
}

func TestPaged(t *testing.T) {
	for _, c := range []struct {
		n     int
		pages []string
	}{
		{0, []string{"x/index.html"}},
		{1, []string{"x/index.html"}},
		{maxRows, []string{"x/index.html"}},
		{maxRows + 1, []string{"x/index.html", "x/page/2/index.html"}},
		{2 * maxRows, []string{"x/index.html", "x/page/2/index.html"}},
		{2*maxRows + 1, []string{"x/index.html", "x/page/2/index.html", "x/page/3/index.html"}},
	} {
		t.Run(fmt.Sprint(c.n), func(t *testing.T) {
			var got []span
			entries := paged("x/", "l", c.n, func(p string, from, to int, pager *Pager) (*Page, error) {
				got = append(got, span{p, from, to, pager})
				return &Page{}, nil
			})
			if len(entries) != len(c.pages) {
				t.Fatalf("%d pages, want %d", len(entries), len(c.pages))
			}
			for i, e := range entries {
				if e.path != c.pages[i] {
					t.Errorf("page %d at %s, want %s", i+1, e.path, c.pages[i])
				}
				if _, err := e.build(); err != nil {
					t.Fatal(err)
				}
			}
			next := 0
			for i, s := range got {
				if s.from != next || s.to < s.from || s.to-s.from > maxRows {
					t.Errorf("%s holds rows [%d, %d), want from %d, at most %d", s.path, s.from, s.to, next, maxRows)
				}
				next = s.to
				if len(got) == 1 {
					if s.pager != nil {
						t.Errorf("%s: a pager on a single page", s.path)
					}
					continue
				}
				if s.pager == nil || len(s.pager.Pages) != len(got) {
					t.Fatalf("%s: pager %+v, want %d pages", s.path, s.pager, len(got))
				}
				for j, l := range s.pager.Pages {
					if l.Current != (j == i) {
						t.Errorf("%s: page link %d current = %v", s.path, j+1, l.Current)
					}
					if dest := path.Join(path.Dir(s.path), l.Href); dest != c.pages[j] {
						t.Errorf("%s: link to page %d goes to %s, want %s", s.path, j+1, dest, c.pages[j])
					}
				}
				if (s.pager.Prev == "") != (i == 0) || (s.pager.Next == "") != (i == len(got)-1) {
					t.Errorf("%s: prev %q next %q", s.path, s.pager.Prev, s.pager.Next)
				}
			}
			if next != c.n {
				t.Errorf("rows up to %d listed, want %d", next, c.n)
			}
		})
	}
}

func TestListing(t *testing.T) {
	groupsOf := func(ns ...int) []group {
		var gs []group
		for i, n := range ns {
			id := fmt.Sprintf("T%d", i+1)
			gs = append(gs, group{id: id, name: id, n: n, rows: func(p string, from, to int) any { return [2]int{from, to} }})
		}
		return gs
	}
	type pageView struct {
		path     string
		lv       ListView
		township string
	}
	run := func(gs []group) ([]string, []pageView) {
		var views []pageView
		var paths []string
		for _, e := range listing("r/", "l", gs, func(p string, lv ListView, township string) (*Page, error) {
			views = append(views, pageView{p, lv, township})
			return &Page{}, nil
		}) {
			paths = append(paths, e.path)
			if _, err := e.build(); err != nil {
				t.Fatal(err)
			}
		}
		return paths, views
	}

	t.Run("fits on one page", func(t *testing.T) {
		paths, views := run(groupsOf(200, 0, maxRows-200))
		if len(paths) != 1 || paths[0] != "r/index.html" {
			t.Fatalf("pages %v, want r/index.html only", paths)
		}
		lv := views[0].lv
		if lv.Split || len(lv.Groups) != 2 {
			t.Fatalf("split %v, %d groups; want all rows, empty township left out", lv.Split, len(lv.Groups))
		}
		for _, g := range lv.Groups {
			if g.Href != "" || g.Rows != [2]int{0, g.Count} {
				t.Errorf("group %s: href %q rows %v, want all %d rows here", g.Name, g.Href, g.Rows, g.Count)
			}
		}
	})

	t.Run("split by township", func(t *testing.T) {
		paths, views := run(groupsOf(300, 0, 300))
		want := []string{"r/index.html", "r/T1/index.html", "r/T3/index.html"}
		if fmt.Sprint(paths) != fmt.Sprint(want) {
			t.Fatalf("pages %v, want %v", paths, want)
		}
		idx := views[0].lv
		if !idx.Split || len(idx.Groups) != 2 {
			t.Fatalf("index: split %v, %d groups", idx.Split, len(idx.Groups))
		}
		for i, g := range idx.Groups {
			if g.Rows != nil || path.Join("r", g.Href) != want[i+1] {
				t.Errorf("index group %s: rows %v, href %q; want a link to %s", g.Name, g.Rows, g.Href, want[i+1])
			}
		}
		for _, v := range views[1:] {
			if v.township == "" || len(v.lv.Groups) != 1 || v.lv.Groups[0].Rows != [2]int{0, 300} || v.lv.Pager != nil {
				t.Errorf("%s: %+v", v.path, v)
			}
		}
	})

	t.Run("one township paged", func(t *testing.T) {
		paths, views := run(groupsOf(2*maxRows + 10))
		want := []string{"r/index.html", "r/T1/index.html", "r/T1/page/2/index.html", "r/T1/page/3/index.html"}
		if fmt.Sprint(paths) != fmt.Sprint(want) {
			t.Fatalf("pages %v, want %v", paths, want)
		}
		var rows [][2]int
		for _, v := range views[1:] {
			rows = append(rows, v.lv.Groups[0].Rows.([2]int))
		}
		if fmt.Sprint(rows) != fmt.Sprint([][2]int{{0, maxRows}, {maxRows, 2 * maxRows}, {2 * maxRows, 2*maxRows + 10}}) {
			t.Errorf("rows per page %v", rows)
		}
	})
}
