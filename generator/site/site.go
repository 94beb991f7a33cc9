package site

import (
	"sync"

	"gongshi/generator/charts"
	"gongshi/generator/content"
	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/route"
)

// Site is what every page builder reads: the derived dataset, the theme,
// the catalogue of words, the charts of the dataset and the Markdown pages
// rendered once. Nothing in it changes while pages render, except the memo
// of rendered headers and footers.
type Site struct {
	D      *dataset.Dataset
	Theme  *Theme
	C      *i18n.Catalogue
	Charts *charts.Maker
	// Content holds the Markdown pages by slug ("about", "reports/2024", "_index").
	Content map[string]*content.Page

	md     map[string]markdown // Markdown pages rendered with their shortcodes, by slug
	frames sync.Map            // header/footer HTML by what they show (see frameParts)
	// publisher is site.toml's [publisher] as every page's footer shows it,
	// made once for the site.
	publisher PublisherView
	// heldYears are the years in which a hearing was held by as_of: only
	// they have hearing outcomes to chart (on the hearings and report pages).
	heldYears map[int]bool
	// awaited are the hearings announced and still to be held, nearest
	// first (awaitedHearings): the upcoming lists of /hearings/ and the
	// home page.
	awaited []int
	// trainingRule is the training rule as village and secretary pages
	// state it (trainingNote), made once.
	trainingRule string
	// asOf is as_of in words, as every page's footer shows it.
	asOf string
}

// markdown is a Markdown page turned into HTML.
type markdown struct {
	content.Rendered
	path     string          // output file of the page
	chartIDs map[string]bool // element IDs of the charts its shortcodes drew
	csvs     []countyChart   // county charts it shows, whose CSVs the plan writes
}

// countyChart names a county-level chart: its CSV is written once for
// every page that shows it (route.ChartCSV).
type countyChart struct {
	name string
	year int
}

// T is a shorthand for the catalogue's words.
func (s *Site) T(key string) string { return s.C.T(key) }

// date formats a normalised date in the site's language.
func (s *Site) date(d string) string { return s.C.Date(d) }

// townshipOf returns the township of a village, or nil.
func (s *Site) townshipOf(v *dataset.Village) *dataset.Township { return s.D.TownshipOf(v.TownshipID) }

// villageRef returns the name of the village id and the link to its page
// from the page at path, or two empty strings for no such village.
func (s *Site) villageRef(path, id string) (name, href string) {
	if v := s.D.VillageOf(id); v != nil {
		return v.Name, route.Rel(path, route.Village(id))
	}
	return "", ""
}

// villageCrumbs returns township → village crumbs for pages under a village.
func (s *Site) villageCrumbs(path string, v *dataset.Village, withVillage bool) []Link {
	var c []Link
	if t := s.townshipOf(v); t != nil {
		c = append(c, Link{Label: t.Name, Href: route.Rel(path, route.Township(t.ID))})
	}
	if withVillage {
		c = append(c, Link{Label: v.Name, Href: route.Rel(path, route.Village(v.ID))})
	}
	return c
}
