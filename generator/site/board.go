package site

import (
	"sort"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// BoardView is the pledge board: totals by status, by township, and the overdue list.
type BoardView struct {
	Facts       []Fact
	ByStatus    []StatusCount
	Townships   []TownshipRow
	OverdueHref string
	OverdueN    int
	Pager       *Pager
	Charts      []ChartView
	Facets      []FacetLinks // the browsable lists by kind and by category
	List        ListView     // on the overdue pages
	Jump        []Link       // on an overdue page that holds several townships: links to each
	Township    string       // the overdue list is limited to this township
}

// FacetLinks links the lists of pledges by each value of one column.
type FacetLinks struct {
	By    string // "By kind"
	Links []Link
}

// StatusCount is the number of pledges (or hearings) in one status.
type StatusCount struct {
	Status Badge
	Count  int
	Pct    int
	Href   string // the list of pledges in this status, if any
}

// boardCharts are the county charts on the first page of the pledge board.
var boardCharts = []countyChart{{"pledge-status", 0}, {"pledge-categories", 0}}

// boardPages plans the pledge board (paged by township) and the overdue
// list (split by township when long).
func (s *Site) boardPages() []entry {
	d := s.D
	section := route.Section(route.BoardPage)
	// Counts by each facet, once for every page of the board.
	facets := make([]map[string]int, len(pledgeFacets))
	for i, f := range pledgeFacets {
		facets[i] = s.facetCounts(f)
	}
	counts := facets[0] // by status
	overdue := 0
	for i := range d.Pledges {
		if d.Pledges[i].Overdue {
			overdue++
		}
	}
	order := d.Facts.TownshipOrder
	out := paged(route.BoardPath, "pledges", len(order), func(path string, from, to int, pager *Pager) (*Page, error) {
		p := s.frame(path, s.T("pledge_board"), section)
		v := &BoardView{Pager: pager, OverdueHref: route.Rel(path, route.OverduePath), OverdueN: overdue}
		v.Facts = s.countyFacts(path)[2:5]
		for _, st := range schema.PledgeStatuses {
			sc := StatusCount{Status: s.badge(schema.PledgeStatuses, st.Zh), Count: counts[st.Zh], Pct: i18n.Pct(counts[st.Zh], len(d.Pledges))}
			if sc.Count > 0 {
				sc.Href = route.Rel(path, route.PledgesByStatus(st.En))
			}
			v.ByStatus = append(v.ByStatus, sc)
		}
		for i, f := range pledgeFacets[1:] {
			v.Facets = append(v.Facets, FacetLinks{By: s.T(f.by), Links: s.facetLinks(path, f, facets[i+1], "")})
		}
		for _, ti := range order[from:to] {
			v.Townships = append(v.Townships, s.townshipRow(path, ti))
		}
		if pager == nil || pager.Prev == "" {
			cs := newChartSet(path, nil)
			s.countyCharts(cs, boardCharts)
			v.Charts = cs.views
			withScripts(p, true)
		}
		p.Scripts = append(p.Scripts, route.Rel(path, route.SortScript))
		p.Main = v
		return p, nil
	})
	out = append(out, listing(route.OverduePath, "overdue", s.overdueGroups(), func(path string, lv ListView, township string) (*Page, error) {
		p := s.frame(path, s.T("overdue_list"), section, Link{Label: s.T("pledge_board"), Href: route.Rel(path, route.BoardPath)})
		if township != "" {
			p.Title = township + " " + p.Title
			p.Crumbs = append(p.Crumbs, Link{Label: s.T("overdue_list"), Href: route.Rel(path, route.OverduePath)})
		}
		p.Main = &BoardView{List: lv, OverdueN: overdue, Township: township, Jump: jumpLinks(lv)}
		withSort(p, lv)
		return p, nil
	})...)
	return out
}

// overdueGroups are the overdue pledges of each township, the most overdue
// first (then by village ID, then in input order), with their days overdue.
func (s *Site) overdueGroups() []group {
	var groups []group
	for _, ti := range s.D.Facts.TownshipOrder {
		t := &s.D.Townships[ti]
		list := append([]dataset.OverduePledge(nil), s.D.AttentionOf[t.ID].Overdue...)
		sort.SliceStable(list, func(i, j int) bool {
			if list[i].Days != list[j].Days {
				return list[i].Days > list[j].Days
			}
			return list[i].VillageID < list[j].VillageID
		})
		groups = append(groups, group{id: t.ID, name: t.Name, n: len(list), rows: func(path string, from, to int) any {
			rows := make([]PledgeLine, 0, to-from)
			for _, o := range list[from:to] {
				l := s.pledgeLine(path, o.Pledge)
				l.Days = o.Days
				rows = append(rows, l)
			}
			return rows
		}})
	}
	return groups
}
