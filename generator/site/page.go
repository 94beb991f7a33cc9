package site

import (
	"html/template"

	"gongshi/generator/i18n"
)

// Page is what every template receives: the frame shared by all pages and,
// in Main, the view of the page's own kind. All links in it are relative to
// the page (route.Rel), prepared in Go; templates only lay out.
type Page struct {
	Lang        string // "zh-CN" or "en", for <html lang>
	SiteTitle   string // site.toml title
	County      string // site.toml county
	Title       string // the page's title (the site title is appended in <title>)
	Description string // meta description
	Path        string // output file, e.g. "villages/V1/index.html"
	Root        string // relative path to the site root, e.g. "../../"
	Canonical   string // absolute URL when base_url is absolute, else ""
	AsOf        string // "data as of" date, formatted
	Nav         []Link // main navigation; Current marks this page's section (made with the header: see links)
	Crumbs      []Link // breadcrumb trail, site root first, this page excluded
	CSS         string // link to the stylesheet
	FeedHref    string // link to feed.xml, for <link rel="alternate">
	OwnFeed     Link   // the page's own feed beside the county's (a village's), for feed readers
	Home        string // link to the home page
	Footer      []Link // footer links: data, rules, about
	// Head, Header and FooterHTML are the partials "head" (markup a site
	// adds to <head>), "header" and "footer" rendered for this page. Most
	// pages share them (same depth, same section), so Render executes each
	// distinct one once and reuses it.
	Head       HTML
	Header     HTML
	FooterHTML HTML
	Scripts    []string // scripts to load, only on the search page
	// ChartScript is js/charts.js on a page that shows ECharts charts, and
	// ChartLib the vendored ECharts, which that script loads only when a
	// chart scrolls into view ("" on pages without charts).
	ChartScript string
	ChartLib    string
	Favicon     string        // link to favicon.ico ("data:," where no link can work: see notFound)
	Publisher   PublisherView // who publishes the site: every page's footer
	// Style is the stylesheet itself, inlined on 404.html: a server shows that
	// page at any depth, where no relative link to css/site.css works.
	Style   HTML
	Main    any       // the view of this page's kind (HomeView, VillageView, …)
	Files   []OutFile // extra files that belong to this page only (its charts' CSVs), written with it
	Section string    // nav section this page belongs to

	c    *i18n.Catalogue // the words layouts ask for (T)
	bare bool            // no navigation or footer links (404.html without a whole base_url)
}

// T returns the words for key in the site's language, for layouts.
func (p *Page) T(key string) string { return p.c.T(key) }

// OutFile is a file written beside the pages, by site path.
type OutFile struct {
	Path string
	Data []byte
}

// Link is a labelled relative link.
type Link struct {
	Label   string
	Href    string
	Current bool
}

// Fact is a labelled figure for a "big number" card or a definition list.
type Fact struct {
	Label string
	Value string
	Note  string // small print under the value
	Href  string // optional link
	Tone  string // "", "good", "warn" or "bad": colours the card
}

// Badge is an enum value shown as a coloured label: Text is its display
// name in the site's language, Class the CSS class from its English key
// (badge-done), so colours never depend on the language.
type Badge struct {
	Text  string
	Class string
}

// Pager links the pages of a list longer than one page holds.
type Pager struct {
	Pages []Link // one per page; Current marks this one
	Prev  string
	Next  string
}

// HTML is trusted markup produced by gongshi itself (Markdown rendered by
// goldmark, SVG QR codes), never data.
type HTML = template.HTML
