package site

import (
	"regexp"
	"strings"

	"gongshi/generator/route"
)

// NotFoundView is the 404 page.
type NotFoundView struct {
	Home string // link to the home page; "" when base_url is not a whole address
}

// notFound is the page a web server shows at whatever address was missing,
// at any depth, so nothing on it may depend on where it is served from:
//
//   - its stylesheet is inlined (no link to css/site.css to resolve);
//   - with a whole base_url (https://…/cwgk/) its links start from it and
//     work from any depth;
//   - with any other base_url (the default "/", which is right only for a
//     site at the root of its domain) it has no navigation or links at all
//     rather than links that break when the site sits in a sub-folder; it
//     says so, and check warns about such a base_url. It links no favicon
//     either (the browser may ask the domain's root for one).
//
// Opened from disk it is never shown.
func (s *Site) notFound(path string) (*Page, error) {
	p := s.frame(path, s.T("not_found"), "")
	p.Canonical = "" // shown at any missing URL: it is nobody's canonical page
	p.Crumbs = nil
	p.Description = s.T("not_found_text")
	p.Style = s.Theme.inlineStyle()
	p.CSS = ""
	if !s.D.Site.AbsoluteURL() {
		p.Home, p.FeedHref, p.Favicon = "", "", ""
		p.bare = true // no navigation or footer links
		p.Main = &NotFoundView{}
		return p, nil
	}
	base := s.D.Site.BaseURL
	abs := func(rel string) string { return base + strings.TrimPrefix(rel, p.Root) }
	s.links(p)
	p.Home, p.FeedHref, p.Favicon = abs(p.Home), abs(p.FeedHref), abs(p.Favicon)
	for i := range p.Nav {
		p.Nav[i].Href = abs(p.Nav[i].Href)
	}
	for i := range p.Footer {
		p.Footer[i].Href = abs(p.Footer[i].Href)
	}
	p.Main = &NotFoundView{Home: p.Home}
	return p, nil
}

// inlineStyle returns the site's stylesheet and its extra.css, for a
// <style> element, without their comments (words for the theme's readers,
// not the page's): "</" is written "<\/", which CSS reads the same (an
// escaped "/") and which cannot end the element.
func (t *Theme) inlineStyle() HTML {
	css := string(t.static[route.StylePath])
	if extra, ok := t.static[route.ExtraStylePath]; ok {
		css += "\n" + string(extra)
	}
	return HTML(strings.ReplaceAll(cssComment.ReplaceAllString(css, ""), "</", `<\/`))
}

// cssComment matches a CSS comment. (A "/*" inside a CSS string would be
// taken for one: the theme's stylesheet has none, and a site's own would
// lose part of a string on its 404 page only.)
var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
