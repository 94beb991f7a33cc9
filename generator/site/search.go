package site

import (
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// SearchView is the search page: a form whose results js/search.js finds
// in the index (package search) and lays out, and, for everyone and for
// browsers without JavaScript, links to the lists to browse instead.
type SearchView struct {
	Index  string // the folder of the index, relative to the page
	Browse []Link // the browsable lists
}

func (s *Site) searchPage(path string) (*Page, error) {
	p := s.frame(path, s.T("search"), route.Section(route.SearchPage))
	p.Scripts = []string{route.Rel(path, route.SearchScript)}
	// The index lives in the search page's own folder (package search).
	v := &SearchView{Index: route.Root(path) + route.Path(route.SearchPage)}
	link := func(label, to string) { v.Browse = append(v.Browse, Link{Label: label, Href: route.Rel(path, to)}) }
	link(s.T("all_townships"), route.TownshipsPath)
	link(s.T("pledge_board"), route.BoardPath)
	status := pledgeFacets[0]
	counts := s.facetCounts(status)
	for _, c := range schema.PledgeStatuses {
		if counts[c.Zh] > 0 {
			link(s.C.Tf(status.title, "value", s.C.Enum(status.enum, c.Zh)), status.path(c.En))
		}
	}
	link(s.T("overdue_list"), route.OverduePath)
	link(s.T("hearings"), route.HearingsPath)
	link(s.T("ratings"), route.RatingsPath)
	p.Main = v
	return p, nil
}
