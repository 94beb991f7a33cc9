package site

import (
	"sort"
	"sync"
	"sync/atomic"

	"gongshi/generator/content"
	"gongshi/generator/dataset"
	"gongshi/generator/privacy"
)

// An entry of the page plan: the output file, its layout, and a function
// that prepares its view. Views are built when the page is rendered, on the
// worker that renders it, so a province's million pages never sit in memory
// at once.
type entry struct {
	path   string
	layout string
	build  func() (*Page, error)
}

// Site is everything the render stage needs, prepared once: the dataset,
// the content pages, the theme, and per-village facts that many pages share.
type Site struct {
	D       *dataset.Dataset
	Theme   *Theme
	Content map[string]*content.Page // by slug ("about", "reports/2024", "_index")
	// Staging is the folder the site is written to ("" when only checking).
	Staging string
	// Guard scans every file written for personal numbers (nil: none).
	Guard *privacy.Guard
	// Interrupt, when closed, stops Render before its next page (nil: never).
	Interrupt <-chan struct{}
	// Shortcodes renders {{< chart/figure/table … >}} in Markdown (package charts).
	Shortcodes content.Resolver
	// ReportHook fills a generated yearly report (package charts); nil: big numbers only.
	ReportHook func(path string, year int, v *ContentView)
	// Hook lets later stages add charts to a page's view before it is rendered.
	Hook func(p *Page)
	// AfterRender, if set, writes files gathered while rendering (chart CSVs).
	AfterRender func(write func(path string, b []byte) error) error

	rendered map[string]content.Rendered // Markdown pages by slug, filled by Prepare
	extra    Stats                       // files written by other stages, for the summary
	frames   sync.Map                    // header/footer HTML by what they show (see frameParts)
	waits    []func() error              // work started by other stages, finished before Render returns
	goFailed atomic.Bool                 // work started with Go failed: Render stops early

	lang      string
	townships []int             // townships sorted by ID
	villages  map[string][]int  // township ID → villages sorted by ID
	vfacts    []villageFacts    // by village index
	serving   map[string][2]int // village ID → current 书记 and 第一书记 (-1 if none)
	// latestAppraisal is the latest year with appraisals (0: none): the year
	// the home page's ratings link and average stars refer to.
	latestAppraisal int
}

// villageFacts are the figures of one village used on many pages.
type villageFacts struct {
	pledges, done, overdue, open int
	latest                       int // index of the latest appraisal, -1 if none
}

// NewSite prepares the shared facts of a derived dataset.
func NewSite(d *dataset.Dataset, theme *Theme, pages []*content.Page) *Site {
	s := &Site{D: d, Theme: theme, lang: d.Site.Language, Content: map[string]*content.Page{}}
	for _, p := range pages {
		s.Content[p.Slug] = p
	}
	s.townships = make([]int, len(d.Townships))
	for i := range d.Townships {
		s.townships[i] = i
	}
	sort.Slice(s.townships, func(a, b int) bool {
		return d.Townships[s.townships[a]].ID < d.Townships[s.townships[b]].ID
	})
	s.villages = map[string][]int{}
	for t, list := range d.VillagesOf {
		l := append([]int(nil), list...)
		sort.Slice(l, func(a, b int) bool { return d.Villages[l[a]].ID < d.Villages[l[b]].ID })
		s.villages[t] = l
	}
	for _, a := range d.Appraisals {
		s.latestAppraisal = max(s.latestAppraisal, a.Year)
	}
	s.vfacts = make([]villageFacts, len(d.Villages))
	s.serving = map[string][2]int{}
	for i, v := range d.Villages {
		f := &s.vfacts[i]
		f.latest = -1
		for _, pi := range d.PledgesOf[v.ID] {
			p := &d.Pledges[pi]
			f.pledges++
			switch {
			case p.Status == "已完成":
				f.done++
			case p.Overdue:
				f.overdue++
			}
			if p.Status == "推进中" || p.Status == "未启动" || p.Status == "部分完成" {
				f.open++
			}
		}
		if as := d.AppraisalsOf[v.ID]; len(as) > 0 {
			f.latest = as[len(as)-1]
		}
		cur := [2]int{-1, -1}
		for _, si := range d.SecretariesOf[v.ID] {
			sec := &d.Secretaries[si]
			if !sec.ServingOn(d.Site.AsOf) {
				continue
			}
			if sec.Role == "书记" {
				cur[0] = si
			} else {
				cur[1] = si
			}
		}
		s.serving[v.ID] = cur
	}
	return s
}

// Go runs work of another stage (the downloads) alongside rendering; Render
// (or Wait) waits for it.
func (s *Site) Go(work func() error) {
	done := make(chan error, 1)
	go func() {
		err := work()
		if err != nil {
			s.goFailed.Store(true)
		}
		done <- err
	}()
	var once sync.Once
	var err error
	s.waits = append(s.waits, func() error {
		once.Do(func() { err = <-done })
		return err
	})
}

// Wait waits for the work started with Go and returns its first error. It
// may be called any number of times; a build that stops early calls it so
// that nothing still writes into the staging folder it removes.
func (s *Site) Wait() error {
	var first error
	for _, w := range s.waits {
		if err := w(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// AddStats counts files that another stage (downloads) wrote into the
// staging folder, so the build summary covers everything published.
func (s *Site) AddStats(files int, bytes int64) {
	s.extra.Files += files
	s.extra.Bytes += bytes
}

// plan lists every page of the site in a fixed order.
func (s *Site) plan() []entry {
	d := s.D
	var out []entry
	add := func(dir, layout string, build func(path string) (*Page, error)) {
		p := file(dir)
		out = append(out, entry{path: p, layout: layout, build: func() (*Page, error) { return build(p) }})
	}
	add("", "home", s.home)
	out = append(out, s.townshipPages()...)
	for i := range d.Villages {
		i := i
		add(villagePath(d.Villages[i].ID), "village", func(p string) (*Page, error) { return s.village(p, i) })
	}
	for i := range d.Secretaries {
		i := i
		add(secretaryPath(d.Secretaries[i].ID), "secretary", func(p string) (*Page, error) { return s.secretary(p, i) })
	}
	out = append(out, s.pledgeBoard()...)
	for i := range d.Pledges {
		i := i
		add(pledgePath(d.Pledges[i].ID), "pledge", func(p string) (*Page, error) { return s.pledge(p, i) })
	}
	out = append(out, s.ratingPages()...)
	out = append(out, s.hearingPages()...)
	for i := range d.Hearings {
		i := i
		add(hearingPath(d.Hearings[i].ID), "hearing", func(p string) (*Page, error) { return s.hearing(p, i) })
	}
	out = append(out, s.reportPages()...)
	add("about/", "page", s.about)
	out = append(out, s.otherContent()...)
	add("rules/", "rules", s.rules)
	add("data/", "data", s.dataPage)
	add("search/", "search", s.searchPage)
	out = append(out, entry{path: "404.html", layout: "404", build: func() (*Page, error) { return s.notFound("404.html") }})
	return out
}
