// Package search writes the index behind /search/: every village, township
// and secretary by name, split into one small script per first character
// (search/s-<hex>.js), so that a phone loads only what it needs even for a
// province, and script tags (unlike fetch) also work opened from disk.
package search

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/output"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// Entry is one name that can be found: [name, kind, context, link], the link
// relative to the search page.
type Entry [4]string

// Shard names the index file of the names starting with r.
func Shard(r rune) string { return fmt.Sprintf("search/s-%x.js", r) }

// Write writes the shards of the index and returns how many it wrote.
func Write(w *output.Writer, d *dataset.Dataset, c *i18n.Catalogue) (int, error) {
	from := route.File(route.Path(route.SearchPage))
	shards := map[rune][]Entry{}
	add := func(name, kind, context, href string) {
		name = strings.TrimSpace(name)
		if name == "" {
			return
		}
		r, _ := utf8.DecodeRuneInString(strings.ToLower(name))
		shards[r] = append(shards[r], Entry{name, kind, context, route.Rel(from, href)})
	}
	// Villages first (what most people look for), then townships, then
	// secretaries; each in input order, so the index is the same every build.
	for _, v := range d.Villages {
		town := ""
		if i, ok := d.TownshipByID[v.TownshipID]; ok {
			town = d.Townships[i].Name
		}
		add(v.Name, c.T("village"), town, route.Village(v.ID))
	}
	for _, t := range d.Townships {
		add(t.Name, c.T("township"), "", route.Township(t.ID))
	}
	for _, sec := range d.Secretaries {
		village := ""
		if vi, ok := d.VillageByID[sec.VillageID]; ok {
			village = d.Villages[vi].Name
		}
		context := village + " " + c.Enum(schema.Roles, sec.Role)
		if !sec.ServingOn(d.Site.AsOf) {
			context += c.Paren(c.T("former"))
		}
		add(sec.Name, c.T("secretary"), context, route.Secretary(sec.ID))
	}
	keys := make([]rune, 0, len(shards))
	for r := range shards {
		keys = append(keys, r)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, r := range keys {
		// encoding/json escapes <, > and & as \u003c…, so no name can end the
		// script or start markup; the page inserts results as text only.
		b, err := json.Marshal(shards[r])
		if err != nil {
			return 0, err
		}
		if err := w.Write(Shard(r), []byte("gongshiSearch("+string(b)+");\n")); err != nil {
			return 0, err
		}
	}
	return len(keys), nil
}
