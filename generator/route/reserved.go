package route

import (
	"strings"
	"sync"
)

// Reserved reports whether a content page may not start with the first
// path segment seg (case-insensitively: on Windows and macOS "Pledges" and
// "pledges" are one folder): gongshi's own pages and files use it.
func Reserved(seg string) bool {
	seg = strings.ToLower(seg)
	for _, r := range Table {
		first, _, _ := strings.Cut(r.Pattern, "/")
		if first != "" && match(first, seg) {
			return true
		}
	}
	return seg == "index" || seg == "index.html"
}

// Collision returns the folder a row of table (a schema table name:
// "pledges", "hearings", …) with this ID would get when that folder is, or
// holds, one of gongshi's own pages; "" if none: a pledge "overdue" would be pledges/overdue/, the
// overdue list; a hearing "2024" the year page hearings/2024/; a township
// "page" the second page of a split list. The comparison ignores case, as
// the file systems of Windows, macOS and USB sticks do.
//
// The ID is a valid one (load.ValidID): it holds no placeholder braces.
func Collision(table, id string) string {
	if id == "" {
		return ""
	}
	id = strings.ToLower(id)
	for _, r := range idRules()[table] {
		if y := r.other[len(r.prefix)]; isPlaceholder(y) && match(y, id) || !isPlaceholder(y) && y == id {
			return strings.Join(append(r.prefix[:len(r.prefix):len(r.prefix)], id), "/") + "/"
		}
	}
	return ""
}

// idRules returns, for each table, the collision rules whose prefix can
// match the other pattern whatever the ID: only the segment at the ID's
// place is left to compare for each ID. (A build checks every row's ID:
// comparing whole paths was 63 ms for 5,000 villages.)
var idRules = sync.OnceValue(func() map[string][]collisionRule {
	out := map[string][]collisionRule{}
	for ph, rules := range collisionRules() {
		table := strings.TrimSuffix(strings.TrimPrefix(ph, "{"), "}")
		for _, r := range rules {
			if overlaps(r.prefix, r.other[:len(r.prefix)]) {
				out[table] = append(out[table], r)
			}
		}
	}
	return out
})

// A collisionRule says that an ID at the end of prefix (a folder of one kind
// of page) must not make a path that other (another kind's pattern, cut to
// the same length) matches.
type collisionRule struct {
	prefix, other []string
}

// collisionRules returns the rules of every placeholder, worked out once
// from the table: every build checks every ID.
var collisionRules = sync.OnceValue(func() map[string][]collisionRule {
	out := map[string][]collisionRule{}
	routes := expanded()
	for _, r := range routes {
		segs := strings.Split(r.Pattern, "/")
		for i, ph := range segs {
			if !isPlaceholder(ph) {
				continue
			}
			for _, q := range routes {
				qs := strings.Split(q.Pattern, "/")
				if len(qs) < i+1 || q.Kind == r.Kind || qs[i] == ph {
					continue
				}
				out[ph] = append(out[ph], collisionRule{prefix: segs[:i], other: qs[:i+1]})
			}
		}
	}
	return out
})

// expanded returns the table with the pages of split lists spelled out.
func expanded() []Route {
	var out []Route
	for _, r := range Table {
		out = append(out, r)
		if r.Paged {
			out = append(out, Route{Kind: r.Kind + "-page", Pattern: r.Pattern + "page/{n}/"})
		}
		if r.ByTownship {
			out = append(out,
				Route{Kind: r.Kind + "-part", Pattern: r.Pattern + "{townships}/"},
				Route{Kind: r.Kind + "-part-page", Pattern: r.Pattern + "{townships}/page/{n}/"})
		}
	}
	return out
}

// overlaps reports whether the path segments a (literal, or placeholders
// standing for any value) could equal b segment by segment.
func overlaps(a, b []string) bool {
	for i := range a {
		x, y := a[i], b[i]
		switch {
		case isPlaceholder(x) || isPlaceholder(y):
			if !isPlaceholder(x) && !match(y, x) || !isPlaceholder(y) && !match(x, y) {
				return false
			}
		case x != y:
			return false
		}
	}
	return true
}

func isPlaceholder(s string) bool { return strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") }

// match reports whether a literal path segment fits a pattern segment.
func match(pattern, seg string) bool {
	switch {
	case pattern == "{year}":
		return len(seg) == 4 && digits(seg)
	case pattern == "{n}":
		return seg != "" && digits(seg)
	case isPlaceholder(pattern):
		return seg != ""
	case strings.Contains(pattern, "{n}"): // sitemap-{n}.xml
		pre, post, _ := strings.Cut(pattern, "{n}")
		return strings.HasPrefix(seg, pre) && strings.HasSuffix(seg, post) &&
			len(seg) > len(pre)+len(post) && digits(seg[len(pre):len(seg)-len(post)])
	}
	return pattern == seg
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
