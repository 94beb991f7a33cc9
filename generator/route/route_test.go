package route

import (
	"strings"
	"testing"
)

func TestCollision(t *testing.T) {
	for _, c := range []struct{ table, id, want string }{
		{"pledges", "overdue", "pledges/overdue/"},
		{"pledges", "Overdue", "pledges/overdue/"},
		{"pledges", "page", "pledges/page/"},
		{"pledges", "by-status", "pledges/by-status/"},
		{"pledges", "BY-KIND", "pledges/by-kind/"},
		{"pledges", "by-category", "pledges/by-category/"},
		{"pledges", "by-township", ""},
		{"pledges", "P1", ""},
		{"hearings", "2024", "hearings/2024/"},
		{"hearings", "H2024", ""},
		{"hearings", "20245", ""},
		{"townships", "page", "townships/page/"},
		{"townships", "PAGE", "townships/page/"},
		{"townships", "T1", ""},
		{"villages", "V1", ""},
		{"villages", "page", ""},
		{"secretaries", "S1", ""},
	} {
		if got := Collision(c.table, c.id); got != c.want {
			t.Errorf("Collision(%s, %s) = %q, want %q", c.table, c.id, got, c.want)
		}
	}
}

func TestReserved(t *testing.T) {
	for seg, want := range map[string]bool{
		"villages": true, "Pledges": true, "data": true, "css": true, "feed.xml": true, "sitemap.xml": true,
		"sitemap-3.xml": true, "robots.txt": true, "404.html": true, "favicon.ico": true, "index": true,
		"search": true, "charts": true, "about": true, "reports": true, "attention": true, "Attention": true, "notes": false, "2024": false, "sitemap-x.xml": false,
	} {
		if got := Reserved(seg); got != want {
			t.Errorf("Reserved(%q) = %v, want %v", seg, got, want)
		}
	}
}

func TestRel(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"index.html", "", "index.html"},
		{"villages/V1/index.html", "", "../../index.html"},
		{"villages/V1/index.html", "css/site.css", "../../css/site.css"},
		{"pledges/overdue/T1/page/2/index.html", "pledges/P1/", "../../../../../pledges/P1/index.html"},
		{"a/b/c/d/e/f/g/index.html", "x", "../../../../../../../x"},                  // the deepest kept
		{"a/b/c/d/e/f/g/h/index.html", "x/", "../../../../../../../../x/index.html"}, // deeper: made
		{"a/b/c/d/e/f/g/h/i/j/index.html", "", strings.Repeat("../", 10) + "index.html"},
	} {
		if got := Rel(c.from, c.to); got != c.want {
			t.Errorf("Rel(%s, %s) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}

// TestFixedPathsInTable: every fixed path constant is a pattern of the table.
func TestFixedPathsInTable(t *testing.T) {
	for _, p := range []string{HomePath, TownshipsPath, BoardPath, OverduePath, AttentionPath, RatingsPath, HearingsPath, CalendarPath,
		ReportsPath, FeedPath, SitemapPath, RobotsPath, NotFoundPath} {
		found := false
		for _, r := range Table {
			found = found || r.Pattern == p
		}
		if !found {
			t.Errorf("%q is not in the route table", p)
		}
	}
}

// TestCollisionAsWholePaths: Collision, which compares only the ID's
// segment against rules whose prefix always matches, finds what comparing
// whole paths finds, for every placeholder and IDs that hit and miss.
func TestCollisionAsWholePaths(t *testing.T) {
	whole := func(table, id string) string {
		if id == "" {
			return ""
		}
		id = strings.ToLower(id)
		for _, r := range collisionRules()["{"+table+"}"] {
			cand := append(append([]string(nil), r.prefix...), id)
			if overlaps(cand, r.other) {
				return strings.Join(cand, "/") + "/"
			}
		}
		return ""
	}
	ids := []string{"V1", "overdue", "Overdue", "page", "PAGE", "2024", "20245", "24", "0", "12", "by-status", "by-kind",
		"by-category", "index.html", "feed.xml", "calendar.ics", "sitemap-1.xml", "sitemap-x.xml", "done", "t01", "p000001", "data", "zh"}
	for _, r := range Table {
		for _, seg := range strings.Split(r.Pattern, "/") {
			if !strings.ContainsAny(seg, "{}") { // an ID never holds a brace (load.ValidID)
				ids = append(ids, seg, strings.ToUpper(seg))
			}
		}
	}
	hits := 0
	for ph := range collisionRules() {
		table := strings.Trim(ph, "{}")
		for _, id := range ids {
			want := whole(table, id)
			if got := Collision(table, id); got != want {
				t.Errorf("Collision(%q, %q) = %q, comparing whole paths gives %q", table, id, got, want)
			}
			if want != "" {
				hits++
			}
		}
	}
	if hits < 10 {
		t.Fatalf("only %d collisions among the IDs tried: the test does not exercise the rules", hits)
	}
}
