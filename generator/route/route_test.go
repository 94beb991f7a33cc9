package route

import "testing"

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
