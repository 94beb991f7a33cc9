package site

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// SearchView is the search page: a form whose results the small script
// js/search.js fills in from the index shards; without JavaScript it
// points to the list of townships instead.
type SearchView struct {
	Townships string // link to the townships list, the way without JavaScript
}

// searchEntry is one name that can be found: [name, kind, context, link],
// the link relative to the search page.
type searchEntry [4]string

// searchShard names the index file of the names starting with r: one small
// script per first character, so a phone loads only what it needs even for
// a province, and script tags (unlike fetch) also work opened from disk.
func searchShard(r rune) string { return fmt.Sprintf("search/s-%x.js", r) }

func (s *Site) searchPage(path string) (*Page, error) {
	p := s.frame(path, s.Theme.T("search"), "search")
	p.Scripts = []string{rel(path, "js/search.js")}
	p.Main = &SearchView{Townships: rel(path, "townships/")}
	return p, nil
}

// writeSearchIndex writes the shards of the search index: every village,
// township and secretary by name, grouped by the name's first character.
func (s *Site) writeSearchIndex(w *writer) (int, error) {
	d := s.D
	const from = "search/index.html"
	shards := map[rune][]searchEntry{}
	add := func(name, kind, context, href string) {
		name = strings.TrimSpace(name)
		if name == "" {
			return
		}
		r, _ := utf8.DecodeRuneInString(strings.ToLower(name))
		shards[r] = append(shards[r], searchEntry{name, kind, context, rel(from, href)})
	}
	T := s.Theme.T
	// Villages first (what most people look for), then townships, then
	// secretaries; each in input order, so the index is the same every build.
	for _, v := range d.Villages {
		town := ""
		if t := s.townshipOf(&v); t != nil {
			town = t.Name
		}
		add(v.Name, T("village"), town, villagePath(v.ID))
	}
	for _, t := range d.Townships {
		add(t.Name, T("township"), "", townshipPath(t.ID))
	}
	for _, sec := range d.Secretaries {
		village := ""
		if vi, ok := d.VillageByID[sec.VillageID]; ok {
			village = d.Villages[vi].Name
		}
		context := village + " " + sec.Role
		if !sec.ServingOn(d.Site.AsOf) {
			context += "（" + T("former") + "）"
		}
		add(sec.Name, T("secretary"), context, secretaryPath(sec.ID))
	}
	keys := make([]rune, 0, len(shards))
	for r := range shards {
		keys = append(keys, r)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, r := range keys {
		list := shards[r]
		// encoding/json escapes <, > and & as \u003c…, so no name can end the
		// script or start markup; the page inserts results as text only.
		b, err := json.Marshal(list)
		if err != nil {
			return 0, err
		}
		if err := w.write(searchShard(r), []byte("gongshiSearch("+string(b)+");\n")); err != nil {
			return 0, err
		}
	}
	return len(keys), nil
}
