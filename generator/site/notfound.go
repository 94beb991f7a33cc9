package site

// NotFoundView is the 404 page.
type NotFoundView struct {
	Home string
}

// notFound is the one page whose links start from base_url rather than from
// the page: a web server shows 404.html at whatever address was missing, at
// any depth, where relative links could not work. (Opened from disk it is
// never shown.) Set base_url to the folder the site is published in.
func (s *Site) notFound(path string) (*Page, error) {
	p := s.frame(path, s.T("not_found"), "")
	p.Canonical = "" // shown at any missing URL: it is nobody's canonical page
	base := s.D.Site.BaseURL
	p.Home = base
	p.CSS = base + "css/site.css"
	p.FeedHref = base + "feed.xml"
	for i := range p.Nav {
		p.Nav[i].Href = base + p.Nav[i].Href
	}
	for i := range p.Footer {
		p.Footer[i].Href = base + p.Footer[i].Href
	}
	p.Crumbs = nil
	p.Main = &NotFoundView{Home: base}
	return p, nil
}
