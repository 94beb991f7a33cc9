package site

import "gongshi/generator/route"

// SearchView is the search page: a form whose results the small script
// js/search.js fills in from the index shards (package search); without
// JavaScript it points to the list of townships instead.
type SearchView struct {
	Townships string // link to the townships list, the way without JavaScript
}

func (s *Site) searchPage(path string) (*Page, error) {
	p := s.frame(path, s.T("search"), route.Section(route.SearchPage))
	p.Scripts = []string{route.Rel(path, "js/search.js")}
	p.Main = &SearchView{Townships: route.Rel(path, route.TownshipsPath)}
	return p, nil
}
