package site

import (
	"gongshi/generator/dataset"
	"sort"
	"strconv"

	"gongshi/generator/i18n"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// HomeView is the county overview.
type HomeView struct {
	SearchAction string // the search page, where the home page's form goes
	Intro        HTML   // content/_index.md
	Facts        []Fact // big-number cards
	Townships    []TownshipRow
	AllTowns     string // link to the full township list when it is too long for this page
	TownCount    int
	Updates      []UpdateRow  // latest pledge updates and hearings (held, or announced)
	Upcoming     UpcomingView // the nearest hearings still to be held
	Charts       []ChartView
	LatestYear   int
	ReportHref   string
	RatingsHref  string
}

// UpdateRow is one recent event: a pledge update or a hearing.
type UpdateRow struct {
	Date        string
	Village     string
	VillageHref string
	Text        string
	Href        string
	Badge       Badge
}

// homeCharts are the county charts of the home page.
var homeCharts = []countyChart{{"pledge-status", 0}, {"grades", 0}, {"stars", 0}, {"channels", 0}, {"ages", 0}, {"education", 0}}

// homeUpdates is how many of the latest events the home page lists.
const homeUpdates = 12

func (s *Site) home(path string) (*Page, error) {
	d := s.D
	p := s.frame(path, s.T("nav_home"), route.Section(route.HomePage))
	p.Title = d.Site.Title
	view := &HomeView{TownCount: len(d.Townships), SearchAction: route.Rel(path, route.Path(route.SearchPage))}
	intro := s.md["_index"]
	view.Intro = intro.HTML
	view.Facts = s.countyFacts(path)
	if len(d.Townships) <= maxRows {
		for _, ti := range d.Facts.TownshipOrder {
			view.Townships = append(view.Townships, s.townshipRow(path, ti))
		}
	} else {
		view.AllTowns = route.Rel(path, route.TownshipsPath)
	}
	view.Updates = s.latestUpdates(path, homeUpdates)
	view.Upcoming = s.upcoming(path, homeUpcoming)
	view.Upcoming.All = route.Rel(path, route.HearingsPath) + "#" + upcomingAnchor
	if y := d.Facts.LatestAppraisalYear; y > 0 {
		view.LatestYear = y
		view.ReportHref = route.Rel(path, route.Report(y))
		view.RatingsHref = route.Rel(path, route.Ratings(y))
	}
	cs := newChartSet(path, intro.chartIDs)
	s.countyCharts(cs, homeCharts)
	view.Charts = cs.views
	withScripts(p, true)
	p.Main = view
	return p, nil
}

// countyFacts are the big numbers of the county.
func (s *Site) countyFacts(path string) []Fact {
	d := s.D
	serving, done, overdue, held := 0, 0, 0, 0
	for i := range d.Hearings {
		if d.Hearings[i].Held(d.Site.AsOf) {
			held++
		}
	}
	for _, f := range d.Facts.Village {
		if f.Secretary >= 0 {
			serving++
		}
		done += f.Done
		overdue += f.Overdue
	}
	return []Fact{
		{Label: s.C.Tn("townships", float64(len(d.Townships))), Value: s.C.Int(len(d.Townships))},
		{Label: s.C.Tn("villages", float64(len(d.Villages))), Value: s.C.Int(len(d.Villages)), Note: s.C.Tn("fact_note.serving", float64(serving), "n", s.C.Int(serving))},
		{Label: s.C.Tn("pledges_total", float64(len(d.Pledges))), Value: s.C.Int(len(d.Pledges)), Href: route.Rel(path, route.BoardPath)},
		{Label: s.T("pledges_done"), Value: strconv.Itoa(i18n.Pct(done, len(d.Pledges))) + "%", Note: s.C.Tn("fact_note.done", float64(len(d.Pledges)), "done", s.C.Int(done), "n", s.C.Int(len(d.Pledges))), Tone: "good"},
		{Label: s.T("pledges_overdue"), Value: s.C.Int(overdue), Href: route.Rel(path, route.OverduePath), Tone: toneIf(overdue > 0, "bad")},
		{Label: s.C.Tn("hearings_held", float64(held)), Value: s.C.Int(held), Href: route.Rel(path, route.HearingsPath)},
		{Label: s.C.Tn("attention.total", float64(d.Attention.Len())), Value: s.C.Int(d.Attention.Len()), Href: route.Rel(path, route.AttentionPath), Tone: toneIf(d.Attention.Len() > 0, "bad")},
	}
}

func toneIf(c bool, tone string) string {
	if c {
		return tone
	}
	return ""
}

// latestUpdates returns the n most recent pledge updates and hearings, newest
// first; ties are broken by ID so the order never changes between builds.
// A hearing is news when it is held, and before that when it is announced
// (待召开, on its notice day): dated as feed.xml dates it
// (Hearing.EventDate), so the home page and the feed agree on what is new.
func (s *Site) latestUpdates(path string, n int) []UpdateRow {
	d := s.D
	type ev struct {
		date, id string
		upd      int
		hearing  int
	}
	// Only events on or after the n-th newest day can be among the n
	// newest: find that day first, so that a province's million updates
	// are looked at, not gathered.
	var top dataset.Newest
	top.N = n
	for i := range d.PledgeUpdates {
		if u := &d.PledgeUpdates[i]; u.Date <= d.Site.AsOf {
			top.Add(u.Date)
		}
	}
	for i := range d.Hearings {
		if date, ok := d.Hearings[i].EventDate(d.Site.AsOf); ok {
			top.Add(date)
		}
	}
	cutoff := top.Cutoff()
	var evs []ev
	for i, u := range d.PledgeUpdates {
		if u.Date <= d.Site.AsOf && u.Date >= cutoff {
			evs = append(evs, ev{date: u.Date, id: "p" + u.PledgeID, upd: i, hearing: -1})
		}
	}
	for i := range d.Hearings {
		h := &d.Hearings[i]
		if date, ok := h.EventDate(d.Site.AsOf); ok && date >= cutoff {
			evs = append(evs, ev{date: date, id: "h" + h.ID, upd: -1, hearing: i})
		}
	}
	sort.Slice(evs, func(a, b int) bool {
		if evs[a].date != evs[b].date {
			return evs[a].date > evs[b].date
		}
		return evs[a].id < evs[b].id
	})
	if len(evs) > n {
		evs = evs[:n]
	}
	var out []UpdateRow
	for _, e := range evs {
		var r UpdateRow
		var vid string
		if e.upd >= 0 {
			u := &d.PledgeUpdates[e.upd]
			pl := &d.Pledges[d.PledgeByID[u.PledgeID]]
			vid = pl.VillageID
			r = UpdateRow{Date: s.date(u.Date), Text: pl.Title, Href: route.Rel(path, route.Pledge(pl.ID)), Badge: s.badge(schema.PledgeStatuses, u.Status)}
		} else {
			h := &d.Hearings[e.hearing]
			vid = h.VillageID
			label := s.T("hearing")
			if !h.Held(d.Site.AsOf) {
				label = s.T("feeds.hearing_announced") // 听证公告, as the feed titles it
			}
			r = UpdateRow{Date: s.date(e.date), Text: s.C.Label(label, h.Topic), Href: route.Rel(path, route.Hearing(h.ID)), Badge: s.badge(schema.Outcomes, h.Outcome)}
		}
		r.Village, r.VillageHref = s.villageRef(path, vid)
		out = append(out, r)
	}
	return out
}
