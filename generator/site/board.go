package site

import (
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
	List        ListView // on the overdue pages
	Township    string   // the overdue list is limited to this township
}

// StatusCount is the number of pledges (or hearings) in one status.
type StatusCount struct {
	Status Badge
	Count  int
	Pct    int
}

// boardCharts are the county charts on the first page of the pledge board.
var boardCharts = []countyChart{{"pledge-status", 0}, {"pledge-categories", 0}}

// boardPages plans the pledge board (paged by township) and the overdue
// list (split by township when long).
func (s *Site) boardPages() []entry {
	d := s.D
	section := route.Section(route.BoardPage)
	counts := map[string]int{}
	overdue := 0
	for _, pl := range d.Pledges {
		counts[pl.Status]++
		if pl.Overdue {
			overdue++
		}
	}
	order := d.Facts.TownshipOrder
	out := paged(route.BoardPath, "pledges", len(order), func(path string, from, to int, pager *Pager) (*Page, error) {
		p := s.frame(path, s.T("pledge_board"), section)
		v := &BoardView{Pager: pager, OverdueHref: route.Rel(path, route.OverduePath), OverdueN: overdue}
		v.Facts = s.countyFacts(path)[2:5]
		for _, st := range schema.PledgeStatuses {
			v.ByStatus = append(v.ByStatus, StatusCount{Status: s.badge(schema.PledgeStatuses, st.Zh), Count: counts[st.Zh], Pct: i18n.Pct(counts[st.Zh], len(d.Pledges))})
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
		p.Main = v
		return p, nil
	})
	groups := townshipGroups(s, func(vid string) []int {
		var list []int
		for _, pi := range d.PledgesOf[vid] {
			if d.Pledges[pi].Overdue {
				list = append(list, pi)
			}
		}
		return list
	}, func(path string, pi int) PledgeRow { return s.pledgeRow(path, pi, true) })
	out = append(out, listing(route.OverduePath, "overdue", groups, func(path string, lv ListView, township string) (*Page, error) {
		p := s.frame(path, s.T("overdue_list"), section, Link{Label: s.T("pledge_board"), Href: route.Rel(path, route.BoardPath)})
		if township != "" {
			p.Title = township + " " + p.Title
			p.Crumbs = append(p.Crumbs, Link{Label: s.T("overdue_list"), Href: route.Rel(path, route.OverduePath)})
		}
		p.Main = &BoardView{List: lv, OverdueN: overdue, Township: township}
		return p, nil
	})...)
	return out
}
