package site

import (
	"sort"
)

// HomeView is the county overview.
type HomeView struct {
	SearchAction string // the search page, where the home page's form goes
	Intro        HTML   // content/_index.md
	Facts        []Fact // big-number cards
	Townships    []TownshipRow
	AllTowns     string // link to the full township list when it is too long for this page
	TownCount    int
	Updates      []UpdateRow // latest pledge updates and hearings
	Charts       []ChartView
	LatestYear   int
	ReportHref   string
	RatingsHref  string
}

// TownshipRow is one township in a list, with its pledge progress.
type TownshipRow struct {
	Name     string
	Href     string
	Villages int
	Pledges  int
	Done     int
	DonePct  int
	Overdue  int
	AvgStars string // average team stars in the latest year
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

func (s *Site) home(path string) (*Page, error) {
	d := s.D
	p := s.frame(path, s.Theme.T("nav_home"), "home")
	p.Title = d.Site.Title
	view := &HomeView{TownCount: len(d.Townships), SearchAction: rel(path, "search/")}
	if r, ok := s.rendered["_index"]; ok {
		view.Intro = r.HTML
	}
	view.Facts = s.countyFacts(path)
	if len(d.Townships) <= maxRows {
		for _, ti := range s.townships {
			view.Townships = append(view.Townships, s.townshipRow(path, ti))
		}
	} else {
		view.AllTowns = rel(path, "townships/")
	}
	view.Updates = s.latestUpdates(path, 12)
	if y := s.latestAppraisal; y > 0 {
		view.LatestYear = y
		view.ReportHref = rel(path, reportPath(y))
		view.RatingsHref = rel(path, ratingsPath(y))
	}
	p.Main = view
	return p, nil
}

// countyFacts are the big numbers of the county.
func (s *Site) countyFacts(path string) []Fact {
	d := s.D
	T := s.Theme.T
	serving := 0
	done, overdue := 0, 0
	for vi, v := range d.Villages {
		if cur := s.serving[v.ID]; cur[0] >= 0 {
			serving++
		}
		done += s.vfacts[vi].done
		overdue += s.vfacts[vi].overdue
	}
	facts := []Fact{
		{Label: T("townships"), Value: fmtInt(len(d.Townships))},
		{Label: T("villages"), Value: fmtInt(len(d.Villages)), Note: T("secretaries_serving") + " " + fmtInt(serving)},
		{Label: T("pledges_total"), Value: fmtInt(len(d.Pledges)), Href: rel(path, "pledges/")},
		{Label: T("pledges_done"), Value: itoa(percent(done, len(d.Pledges))) + "%", Note: fmtInt(done) + " " + T("items"), Tone: "good"},
		{Label: T("pledges_overdue"), Value: fmtInt(overdue), Href: rel(path, "pledges/overdue/"), Tone: toneIf(overdue > 0, "bad")},
		{Label: T("hearings_held"), Value: fmtInt(len(d.Hearings)), Href: rel(path, "hearings/")},
	}
	return facts
}

func toneIf(c bool, tone string) string {
	if c {
		return tone
	}
	return ""
}

func (s *Site) townshipRow(path string, ti int) TownshipRow {
	d := s.D
	t := &d.Townships[ti]
	r := TownshipRow{Name: t.Name, Href: rel(path, townshipPath(t.ID))}
	starSum, starN := 0, 0
	for _, vi := range s.villages[t.ID] {
		f := s.vfacts[vi]
		r.Villages++
		r.Pledges += f.pledges
		r.Done += f.done
		r.Overdue += f.overdue
		if f.latest >= 0 && d.Appraisals[f.latest].TeamStars != nil && d.Appraisals[f.latest].Year == s.latestAppraisal {
			starSum += *d.Appraisals[f.latest].TeamStars
			starN++
		}
	}
	r.DonePct = percent(r.Done, r.Pledges)
	if starN > 0 {
		r.AvgStars = fmtFixed(float64(starSum)/float64(starN), 1)
	}
	return r
}

// latestUpdates returns the n most recent pledge updates and hearings, newest
// first; ties are broken by ID so the order never changes between builds.
func (s *Site) latestUpdates(path string, n int) []UpdateRow {
	d := s.D
	type ev struct {
		date, id string
		upd      int
		hearing  int
	}
	var evs []ev
	for i, u := range d.PledgeUpdates {
		if u.Date <= d.Site.AsOf {
			evs = append(evs, ev{date: u.Date, id: "p" + u.PledgeID, upd: i, hearing: -1})
		}
	}
	for i, h := range d.Hearings {
		if h.Date <= d.Site.AsOf {
			evs = append(evs, ev{date: h.Date, id: "h" + h.ID, upd: -1, hearing: i})
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
			pi := d.PledgeByID[u.PledgeID]
			pl := &d.Pledges[pi]
			vid = pl.VillageID
			r = UpdateRow{Date: s.date(u.Date), Text: pl.Title, Href: rel(path, pledgePath(pl.ID)), Badge: badge(statusSet, u.Status)}
		} else {
			h := &d.Hearings[e.hearing]
			vid = h.VillageID
			r = UpdateRow{Date: s.date(h.Date), Text: s.Theme.T("hearing") + "：" + h.Topic, Href: rel(path, hearingPath(h.ID)), Badge: badge(outcomeSet, h.Outcome)}
		}
		if vi, ok := d.VillageByID[vid]; ok {
			r.Village, r.VillageHref = d.Villages[vi].Name, rel(path, villagePath(vid))
		}
		out = append(out, r)
	}
	return out
}

// TownshipView is a township's page: its villages.
type TownshipView struct {
	Name     string
	Facts    []Fact
	Villages []VillageRow
	Pager    *Pager
	Charts   []ChartView
}

// VillageRow is one village in a township's list.
type VillageRow struct {
	Name       string
	Href       string
	Secretary  string
	SecHref    string
	First      string // first secretary, if any
	Pledges    int
	Done       int
	DonePct    int
	Overdue    int
	Grade      string
	GradeClass string
	TeamStars  string
	TeamN      string
	Year       int
}

// TownshipsView is the list of all townships.
type TownshipsView struct {
	Townships []TownshipRow
	Pager     *Pager
}

func (s *Site) townshipPages() []entry {
	d := s.D
	out := paged("townships/", "townships", len(s.townships), func(path string, from, to int, pager *Pager) (*Page, error) {
		p := s.frame(path, s.Theme.T("townships"), "home")
		v := &TownshipsView{Pager: pager}
		for _, ti := range s.townships[from:to] {
			v.Townships = append(v.Townships, s.townshipRow(path, ti))
		}
		p.Main = v
		return p, nil
	})
	for _, ti := range s.townships {
		ti := ti
		t := &d.Townships[ti]
		vs := s.villages[t.ID]
		out = append(out, paged(townshipPath(t.ID), "township", len(vs), func(path string, from, to int, pager *Pager) (*Page, error) {
			p := s.frame(path, t.Name, "home", Link{Label: s.Theme.T("townships"), Href: rel(path, "townships/")})
			row := s.townshipRow(path, ti)
			T := s.Theme.T
			v := &TownshipView{Name: t.Name, Pager: pager, Facts: []Fact{
				{Label: T("villages"), Value: fmtInt(row.Villages)},
				{Label: T("pledges_total"), Value: fmtInt(row.Pledges)},
				{Label: T("pledges_done"), Value: itoa(row.DonePct) + "%", Note: fmtInt(row.Done) + " " + T("items"), Tone: "good"},
				{Label: T("pledges_overdue"), Value: fmtInt(row.Overdue), Tone: toneIf(row.Overdue > 0, "bad")},
			}}
			for _, vi := range vs[from:to] {
				v.Villages = append(v.Villages, s.villageRow(path, vi))
			}
			p.Main = v
			return p, nil
		})...)
	}
	return out
}

func (s *Site) villageRow(path string, vi int) VillageRow {
	d := s.D
	vl := &d.Villages[vi]
	f := s.vfacts[vi]
	r := VillageRow{Name: vl.Name, Href: rel(path, villagePath(vl.ID)), Pledges: f.pledges, Done: f.done,
		DonePct: percent(f.done, f.pledges), Overdue: f.overdue}
	cur := s.serving[vl.ID]
	if cur[0] >= 0 {
		r.Secretary, r.SecHref = d.Secretaries[cur[0]].Name, rel(path, secretaryPath(d.Secretaries[cur[0]].ID))
	}
	if cur[1] >= 0 {
		r.First = d.Secretaries[cur[1]].Name
	}
	if f.latest >= 0 {
		a := &d.Appraisals[f.latest]
		r.Year, r.Grade, r.GradeClass = a.Year, a.Grade, s.gradeClass(a.Grade)
		if a.TeamStars != nil {
			r.TeamStars, r.TeamN = stars(*a.TeamStars, 5), itoa(*a.TeamStars)
		}
	}
	return r
}
