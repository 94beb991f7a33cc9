package site

import (
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// frame returns the Page frame for the output file path, with navigation,
// breadcrumbs (site root first) and the canonical URL.
func (s *Site) frame(path, title, section string, crumbs ...Link) *Page {
	d := s.D
	p := &Page{
		Lang: d.Site.Language, SiteTitle: d.Site.Title, County: d.Site.County,
		Title: title, Path: path, Root: rootOf(path), Section: section,
		AsOf:     fmtDate(d.Site.AsOf, s.lang),
		CSS:      rel(path, "css/site.css"),
		Home:     rel(path, ""),
		FeedHref: rel(path, "feed.xml"),
	}
	for _, f := range []struct{ key, dir string }{{"nav_data", "data/"}, {"nav_rules", "rules/"}, {"about", "about/"}, {"feed", "feed.xml"}, {"sitemap", "sitemap.xml"}} {
		p.Footer = append(p.Footer, Link{Label: s.Theme.T(f.key), Href: rel(path, f.dir)})
	}
	if strings.HasPrefix(d.Site.BaseURL, "http") {
		p.Canonical = d.Site.BaseURL + strings.TrimSuffix(path, "index.html")
	}
	for _, n := range []struct{ key, dir, section string }{
		{"nav_home", "", "home"}, {"nav_pledges", "pledges/", "pledges"}, {"nav_ratings", "ratings/", "ratings"},
		{"nav_hearings", "hearings/", "hearings"}, {"nav_reports", "reports/", "reports"},
		{"nav_data", "data/", "data"}, {"nav_rules", "rules/", "rules"}, {"search", "search/", "search"},
	} {
		p.Nav = append(p.Nav, Link{Label: s.Theme.T(n.key), Href: rel(path, n.dir), Current: n.section == section})
	}
	if path != "index.html" {
		p.Crumbs = append([]Link{{Label: s.Theme.T("nav_home"), Href: rel(path, "")}}, crumbs...)
	}
	return p
}

// badge returns the status badge of an enum value.
func badge(e schema.EnumSet, zh string) Badge {
	return Badge{Text: zh, Class: "badge-" + e.English(zh)}
}

// townshipOf returns the township of a village, or nil.
func (s *Site) townshipOf(v *dataset.Village) *dataset.Township {
	if i, ok := s.D.TownshipByID[v.TownshipID]; ok {
		return &s.D.Townships[i]
	}
	return nil
}

// villageCrumbs returns township → village crumbs for pages under a village.
func (s *Site) villageCrumbs(path string, v *dataset.Village, withVillage bool) []Link {
	var c []Link
	if t := s.townshipOf(v); t != nil {
		c = append(c, Link{Label: t.Name, Href: rel(path, townshipPath(t.ID))})
	}
	if withVillage {
		c = append(c, Link{Label: v.Name, Href: rel(path, villagePath(v.ID))})
	}
	return c
}

func (s *Site) date(d string) string { return fmtDate(d, s.lang) }

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return fmtInt(*p)
}

func optNum(p *float64) string {
	if p == nil {
		return ""
	}
	return fmtNum(*p)
}

var (
	statusSet  = schema.PledgeStatuses
	outcomeSet = schema.Outcomes
)
