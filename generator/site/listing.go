package site

import (
	"strconv"

	"gongshi/generator/route"
)

// maxRows is the most rows a listing page holds (DESIGN.md): longer lists
// are split by township, then into numbered pages.
const maxRows = 500

// group is the rows of one township in a listing.
type group struct {
	id, name string
	n        int                                 // number of rows
	rows     func(path string, from, to int) any // rows [from, to) for the page at path
	summary  func(path string) any               // optional: a summary of the whole group
}

// GroupView is one township's part of a listing page: its rows, or, on an
// index of a split listing, a link to the page that holds them.
type GroupView struct {
	ID      string // the township's ID
	Name    string
	Href    string // set when Rows are on another page
	Count   int
	Rows    any // the rows, of the listing's row type; nil on an index
	Summary any
}

// ListView is the listing part of a page's view.
type ListView struct {
	Groups []GroupView
	Pager  *Pager
	Split  bool // the listing is split: this page is an index or one township's part
}

// listing plans the pages of a list grouped by township. When all rows fit
// on one page, base holds them all; otherwise base is an index of townships
// (itself paged when there are many) and each township's rows live under
// base/<township id>/, paged by maxRows. page builds the frame and view of
// each page, given its listing part and the township it is limited to ("").
func listing(base, layout string, groups []group, page func(path string, lv ListView, township string) (*Page, error)) []entry {
	total := 0
	for _, g := range groups {
		total += g.n
	}
	var out []entry
	if total <= maxRows {
		p := route.File(base)
		out = append(out, entry{path: p, layout: layout, build: func() (*Page, error) {
			lv := ListView{}
			for _, g := range groups {
				if g.n == 0 {
					continue
				}
				gv := GroupView{ID: g.id, Name: g.name, Count: g.n, Rows: g.rows(p, 0, g.n)}
				if g.summary != nil {
					gv.Summary = g.summary(p)
				}
				lv.Groups = append(lv.Groups, gv)
			}
			return page(p, lv, "")
		}})
		return out
	}
	var nonEmpty []group
	for _, g := range groups {
		if g.n > 0 {
			nonEmpty = append(nonEmpty, g)
		}
	}
	out = append(out, paged(base, layout, len(nonEmpty), func(path string, from, to int, pager *Pager) (*Page, error) {
		lv := ListView{Pager: pager, Split: true}
		for _, g := range nonEmpty[from:to] {
			gv := GroupView{ID: g.id, Name: g.name, Count: g.n, Href: route.Rel(path, route.Part(base, g.id))}
			if g.summary != nil {
				gv.Summary = g.summary(path)
			}
			lv.Groups = append(lv.Groups, gv)
		}
		return page(path, lv, "")
	})...)
	for _, g := range nonEmpty {
		g := g
		out = append(out, paged(route.Part(base, g.id), layout, g.n, func(path string, from, to int, pager *Pager) (*Page, error) {
			lv := ListView{Pager: pager, Split: true,
				Groups: []GroupView{{ID: g.id, Name: g.name, Count: g.n, Rows: g.rows(path, from, to)}}}
			return page(path, lv, g.name)
		})...)
	}
	return out
}

// paged plans the pages of n items, maxRows to a page: dir, dir/page/2/, …
func paged(dir, layout string, n int, page func(path string, from, to int, pager *Pager) (*Page, error)) []entry {
	pages := (n + maxRows - 1) / maxRows
	if pages == 0 {
		pages = 1
	}
	var out []entry
	for k := 1; k <= pages; k++ {
		k := k
		p := route.File(route.Page(dir, k))
		out = append(out, entry{path: p, layout: layout, build: func() (*Page, error) {
			var pager *Pager
			if pages > 1 {
				pager = &Pager{}
				for j := 1; j <= pages; j++ {
					pager.Pages = append(pager.Pages, Link{Label: strconv.Itoa(j), Href: route.Rel(p, route.Page(dir, j)), Current: j == k})
				}
				if k > 1 {
					pager.Prev = route.Rel(p, route.Page(dir, k-1))
				}
				if k < pages {
					pager.Next = route.Rel(p, route.Page(dir, k+1))
				}
			}
			from, to := (k-1)*maxRows, k*maxRows
			if to > n {
				to = n
			}
			return page(p, from, to, pager)
		}})
	}
	return out
}

// townshipGroups groups the items of every village township by township
// (townships and villages in ID order), for a listing. items returns a
// village's items, already filtered; row renders one item for a page.
func townshipGroups[R any](s *Site, items func(villageID string) []int, row func(path string, i int) R) []group {
	var groups []group
	for _, ti := range s.D.Facts.TownshipOrder {
		t := &s.D.Townships[ti]
		var list []int
		for _, vi := range s.D.Facts.VillageOrder[t.ID] {
			list = append(list, items(s.D.Villages[vi].ID)...)
		}
		groups = append(groups, group{id: t.ID, name: t.Name, n: len(list), rows: func(path string, from, to int) any {
			rows := make([]R, 0, to-from)
			for _, i := range list[from:to] {
				rows = append(rows, row(path, i))
			}
			return rows
		}})
	}
	return groups
}
