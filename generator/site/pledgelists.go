package site

import (
	"strconv"

	"gongshi/generator/dataset"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// PledgeListView is a list of the pledges with one status, kind or category
// (pledges/by-status/done/ …), by township: the way to browse pledges
// without searching, and the way search points to without JavaScript.
type PledgeListView struct {
	Values   []Link // every value of the column, this one Current
	ValuesBy string // what the values are ("By status")
	List     ListView
	Jump     []Link // links to each township's part of this page, when it holds several
	Township string // the list is limited to this township
}

// PledgeLine is one pledge in a table that js/sort.js can sort: the row,
// and the keys its columns sort by.
type PledgeLine struct {
	PledgeRow
	StatusSort  int    // the status's place in schema.PledgeStatuses
	DueSort     string // the normalised due date ("" when none)
	UpdatedSort string
	Days        int // on the overdue list: days past due on as_of
}

// pledgeLine returns one pledge for a browsable table.
func (s *Site) pledgeLine(path string, pi int) PledgeLine {
	p := &s.D.Pledges[pi]
	l := PledgeLine{PledgeRow: s.pledgeRow(path, pi, true), DueSort: p.Due, UpdatedSort: p.UpdatedOn}
	for i, c := range schema.PledgeStatuses {
		if c.Zh == p.Status {
			l.StatusSort = i
		}
	}
	return l
}

// A pledgeFacet is a column pledges are listed by.
type pledgeFacet struct {
	title string // i18n key of a list's title, with {value}
	by    string // i18n key of the column's heading on the pledge board
	enum  schema.EnumSet
	path  func(key string) string
	value func(p *dataset.Pledge) string
}

var pledgeFacets = []pledgeFacet{
	{"browse.status_title", "by_status", schema.PledgeStatuses, route.PledgesByStatus, func(p *dataset.Pledge) string { return p.Status }},
	{"browse.kind_title", "browse.by_kind", schema.PledgeKinds, route.PledgesByKind, func(p *dataset.Pledge) string { return p.Kind }},
	{"browse.category_title", "browse.by_category", schema.PledgeCategories, route.PledgesByCategory, func(p *dataset.Pledge) string { return p.Category }},
}

// facetCounts returns how many pledges have each value of the facet.
func (s *Site) facetCounts(f pledgeFacet) map[string]int {
	counts := map[string]int{}
	for i := range s.D.Pledges {
		counts[f.value(&s.D.Pledges[i])]++
	}
	return counts
}

// facetLinks links the values of a facet that some pledge has, with their
// counts, from the page at path; current marks one.
func (s *Site) facetLinks(path string, f pledgeFacet, counts map[string]int, current string) []Link {
	var out []Link
	for _, c := range f.enum {
		if counts[c.Zh] > 0 {
			out = append(out, Link{Label: s.C.Enum(f.enum, c.Zh) + s.C.Paren(strconv.Itoa(counts[c.Zh])),
				Href: route.Rel(path, f.path(c.En)), Current: c.Zh == current})
		}
	}
	return out
}

// pledgeListPages plans the list of each value of each facet that some
// pledge has, split by township when long (DESIGN.md's 500 rows).
func (s *Site) pledgeListPages() []entry {
	d := s.D
	section := route.Section(route.BoardPage)
	var out []entry
	for _, f := range pledgeFacets {
		counts := s.facetCounts(f)
		for _, c := range f.enum {
			if counts[c.Zh] == 0 {
				continue
			}
			base := f.path(c.En)
			groups := townshipGroups(s, func(vid string) []int {
				var list []int
				for _, pi := range d.PledgesOf.Of(vid) {
					if f.value(&d.Pledges[pi]) == c.Zh {
						list = append(list, int(pi))
					}
				}
				return list
			}, s.pledgeLine)
			title := s.C.Tf(f.title, "value", s.C.Enum(f.enum, c.Zh))
			out = append(out, listing(base, "pledge-list", groups, func(path string, lv ListView, township string) (*Page, error) {
				p := s.frame(path, title, section, Link{Label: s.T("pledge_board"), Href: route.Rel(path, route.BoardPath)})
				if township != "" {
					p.Title = township + " " + title
					p.Crumbs = append(p.Crumbs, Link{Label: title, Href: route.Rel(path, base)})
				}
				p.Main = &PledgeListView{Values: s.facetLinks(path, f, counts, c.Zh), ValuesBy: s.T(f.by),
					List: lv, Jump: jumpLinks(lv), Township: township}
				withSort(p, lv)
				return p, nil
			})...)
		}
	}
	return out
}

// townshipAnchor is the id of a township's part of a listing page.
func townshipAnchor(id string) string { return "t-" + id }

// jumpLinks links to each township's part of a listing page that holds the
// rows of several.
func jumpLinks(lv ListView) []Link {
	if lv.Split || len(lv.Groups) < 2 {
		return nil
	}
	var out []Link
	for _, g := range lv.Groups {
		out = append(out, Link{Label: g.Name, Href: "#" + townshipAnchor(g.ID)})
	}
	return out
}

// withSort adds js/sort.js to a page whose listing shows rows: it makes
// their tables sort by a column (the page is sorted already without it).
func withSort(p *Page, lv ListView) {
	for _, g := range lv.Groups {
		if g.Rows != nil {
			p.Scripts = append(p.Scripts, route.Rel(p.Path, route.SortScript))
			return
		}
	}
}

// progressKey is what the progress column sorts by: -1 when none is known.
func progressKey(r PledgeRow) string {
	if !r.HasProgress {
		return "-1"
	}
	return strconv.Itoa(r.Progress)
}
