package site

import (
	"gongshi/generator/schema"
)

// SecretaryView is one secretary's term: pledges, appraisals and training.
type SecretaryView struct {
	Person       PersonView
	Village      Link
	OtherTerms   []PersonView // other terms in the same village under the same name
	Pledges      []PledgeRow
	Appraisals   []AppraisalRow
	Training     []TrainingRow
	Trainings    []TrainingItem
	TrainingNote string
	Charts       []ChartView
}

// TrainingItem is one training record.
type TrainingItem struct {
	Date   string
	Kind   string
	Title  string
	Points string
	Days   string
}

func (s *Site) secretary(path string, si int) (*Page, error) {
	d := s.D
	sec := &d.Secretaries[si]
	vi := d.VillageByID[sec.VillageID]
	v := &d.Villages[vi]
	p := s.frame(path, sec.Name+"（"+v.Name+sec.Role+"）", "", s.villageCrumbs(path, v, true)...)
	view := &SecretaryView{Person: s.person(path, si), Village: Link{Label: v.Name, Href: rel(path, villagePath(v.ID))}}
	for _, o := range d.SecretariesOf[v.ID] {
		if o != si && d.Secretaries[o].Name == sec.Name {
			view.OtherTerms = append(view.OtherTerms, s.person(path, o))
		}
	}
	for _, pi := range d.PledgesBy[sec.ID] {
		view.Pledges = append(view.Pledges, s.pledgeRow(path, pi, false))
	}
	for _, ai := range reverse(d.AppraisalsBy[sec.ID]) {
		view.Appraisals = append(view.Appraisals, s.appraisalRow(path, ai, false))
	}
	for _, ti := range reverse(d.TrainingYearOf[sec.ID]) {
		view.Training = append(view.Training, s.trainingRow(&d.TrainingYears[ti], sec.Name))
	}
	for _, ti := range reverse(d.TrainingsOf[sec.ID]) {
		t := &d.Trainings[ti]
		item := TrainingItem{Date: s.date(t.Date), Kind: t.Kind, Title: t.Title, Points: fmtNum(t.Points)}
		if t.Days != nil {
			item.Days = fmtNum(*t.Days)
		}
		view.Trainings = append(view.Trainings, item)
	}
	view.TrainingNote = s.trainingNote()
	p.Main = view
	return p, nil
}

// PledgeView is one pledge with its timeline.
type PledgeView struct {
	Row          PledgeRow
	Village      Link
	Secretary    Link
	Detail       string
	Target       string
	Evidence     string
	EvidenceHref string // set when the evidence is an http(s) link
	Timeline     []UpdateItem
	OverdueNote  string
}

// UpdateItem is one entry of a pledge's timeline.
type UpdateItem struct {
	Date        string
	Status      Badge
	Progress    int
	HasProgress bool
	Note        string
}

func (s *Site) pledge(path string, pi int) (*Page, error) {
	d := s.D
	pl := &d.Pledges[pi]
	v := &d.Villages[d.VillageByID[pl.VillageID]]
	p := s.frame(path, pl.Title, "pledges", s.villageCrumbs(path, v, true)...)
	view := &PledgeView{Row: s.pledgeRow(path, pi, false), Village: Link{Label: v.Name, Href: rel(path, villagePath(v.ID))},
		Detail: pl.Detail, Target: pl.Target, Evidence: pl.Evidence}
	if isHTTP(pl.Evidence) {
		view.EvidenceHref = pl.Evidence
	}
	if si, ok := d.SecretaryByID[pl.SecretaryID]; ok {
		view.Secretary = Link{Label: d.Secretaries[si].Name, Href: rel(path, secretaryPath(pl.SecretaryID))}
	}
	for _, ui := range d.UpdatesOf[pl.ID] {
		u := &d.PledgeUpdates[ui]
		it := UpdateItem{Date: s.date(u.Date), Status: badge(schema.PledgeStatuses, u.Status), Note: u.Note}
		if u.Progress != nil {
			it.Progress, it.HasProgress = *u.Progress, true
		}
		view.Timeline = append(view.Timeline, it)
	}
	if pl.Overdue {
		view.OverdueNote = s.Theme.Tf("overdue_note", "due", s.date(pl.Due), "as_of", s.date(d.Site.AsOf))
	}
	p.Main = view
	return p, nil
}

// isHTTP reports whether s is a plain http(s) URL, the only kind of evidence
// link gongshi makes clickable.
func isHTTP(s string) bool {
	return (len(s) > 8 && s[:8] == "https://" || len(s) > 7 && s[:7] == "http://") && !containsSpace(s)
}

func containsSpace(s string) bool {
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			return true
		}
	}
	return false
}

// BoardView is the pledge board: totals by status, by township, and the overdue list.
type BoardView struct {
	Facts       []Fact
	ByStatus    []StatusCount
	Townships   []TownshipRow
	OverdueHref string
	OverdueN    int
	Pager       *Pager
	Charts      []ChartView
	List        ListView // on the overdue pages
	Township    string   // the overdue list is limited to this township
}

// StatusCount is the number of pledges in one status.
type StatusCount struct {
	Status Badge
	Count  int
	Pct    int
}

func (s *Site) pledgeBoard() []entry {
	d := s.D
	T := s.Theme.T
	counts := map[string]int{}
	overdue := 0
	for _, pl := range d.Pledges {
		counts[pl.Status]++
		if pl.Overdue {
			overdue++
		}
	}
	out := paged("pledges/", "pledges", len(s.townships), func(path string, from, to int, pager *Pager) (*Page, error) {
		p := s.frame(path, T("pledge_board"), "pledges")
		v := &BoardView{Pager: pager, OverdueHref: rel(path, "pledges/overdue/"), OverdueN: overdue}
		v.Facts = s.countyFacts(path)[2:5]
		for _, st := range schema.PledgeStatuses {
			v.ByStatus = append(v.ByStatus, StatusCount{Status: badge(schema.PledgeStatuses, st.Zh), Count: counts[st.Zh], Pct: percent(counts[st.Zh], len(d.Pledges))})
		}
		for _, ti := range s.townships[from:to] {
			v.Townships = append(v.Townships, s.townshipRow(path, ti))
		}
		p.Main = v
		return p, nil
	})
	groups := townshipGroups(s, func(vid string) []int {
		var list []int
		for _, pi := range d.PledgesOf[vid] {
			if d.Pledges[pi].Overdue {
				list = append(list, pi)
			}
		}
		return list
	}, func(path string, pi int) PledgeRow { return s.pledgeRow(path, pi, true) })
	out = append(out, listing("pledges/overdue/", "overdue", groups, func(path string, lv ListView, township string) (*Page, error) {
		p := s.frame(path, T("overdue_list"), "pledges", Link{Label: T("pledge_board"), Href: rel(path, "pledges/")})
		if township != "" {
			p.Title = township + " " + p.Title
			p.Crumbs = append(p.Crumbs, Link{Label: T("overdue_list"), Href: rel(path, "pledges/overdue/")})
		}
		p.Main = &BoardView{List: lv, OverdueN: overdue, Township: township}
		return p, nil
	})...)
	return out
}
