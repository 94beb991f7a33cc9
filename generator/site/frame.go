package site

import (
	"strings"

	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// frame returns the Page frame for the output file path, with breadcrumbs (site root first), the canonical URL, the
// publisher's details for the footer and a meta description that a page
// builder may replace with a better one (every page has one: search
// engines show it under the title).
func (s *Site) frame(path, title, section string, crumbs ...Link) *Page {
	d := s.D
	p := &Page{
		Lang: d.Site.Language, SiteTitle: d.Site.Title, County: d.Site.County,
		Title: title, Path: path, Root: route.Root(path), Section: section,
		AsOf:      s.asOf,
		CSS:       route.Rel(path, route.StylePath),
		Home:      route.Rel(path, route.HomePath),
		FeedHref:  route.Rel(path, route.FeedPath),
		Favicon:   route.Rel(path, route.Path(route.FaviconFile)),
		Publisher: s.publisher,
		c:         s.C,
	}
	p.Description = s.C.Tf("frame.description", "title", title, "county", d.Site.County)
	if path == route.File(route.HomePath) {
		p.Description = s.C.Tf("frame.home_description", "county", d.Site.County)
	}
	if d.Site.AbsoluteURL() {
		p.Canonical = d.Site.BaseURL + strings.TrimSuffix(path, "index.html")
	}
	if path != route.File(route.HomePath) {
		p.Crumbs = append([]Link{{Label: s.T("nav_home"), Href: route.Rel(path, route.HomePath)}}, crumbs...)
	}
	return p
}

// links fills the page's navigation (route.Nav, its section marked) and
// footer links. Only a header or footer being rendered needs them, and most
// pages reuse one rendered for a page like them (frameParts), so they are
// made then rather than for every page.
func (s *Site) links(p *Page) {
	if p.bare || p.Nav != nil {
		return
	}
	for _, n := range route.Nav {
		p.Nav = append(p.Nav, Link{Label: s.T(n.Key), Href: route.Rel(p.Path, route.Path(n.Kind)), Current: route.Section(n.Kind) == p.Section})
	}
	for _, f := range []struct{ key, to string }{
		{"nav_data", route.Path(route.DataPage)}, {"nav_rules", route.Path(route.RulesPage)}, {"about", route.Path(route.AboutPage)},
		{"feed", route.FeedPath}, {"sitemap", route.SitemapPath},
	} {
		p.Footer = append(p.Footer, Link{Label: s.T(f.key), Href: route.Rel(p.Path, f.to)})
	}
}

// badge returns the badge of an enum value.
func (s *Site) badge(e schema.EnumSet, zh string) Badge {
	return Badge{Text: s.C.Enum(e, zh), Class: "badge-" + e.English(zh)}
}

// yesNo shows a boolean in words.
func (s *Site) yesNo(b bool) string {
	if b {
		return s.T("enum.yes")
	}
	return s.T("enum.no")
}

// stars renders n filled of all stars as text, e.g. ★★★☆☆.
func stars(n, all int) string {
	n = max(0, min(all, n))
	return strings.Repeat("★", n) + strings.Repeat("☆", all-n)
}
