package site

import (
	"sort"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// VillageView is the village notice page (公开栏): who the secretary is, what
// was promised and how it stands, how the secretary was rated, what each
// hearing decided, and the training record.
type VillageView struct {
	Name         string
	Township     Link
	Figures      []Fact        // population, households, party members, collective income
	Serving      []PersonView  // current secretary and first secretary
	Former       []PersonView  // earlier terms, newest first
	PledgeFacts  []Fact        // total, done, in progress, overdue
	PledgeGroups []PledgeGroup // by kind, in schema order
	Appraisals   []AppraisalRow
	Hearings     []HearingRow
	Training     []TrainingRow
	TrainingNote string // the thresholds, in words
	QR           HTML   // SVG QR code of the page's public URL; empty when base_url is relative
	PublicURL    string
	Charts       []ChartView
}

// PersonView is one term of a secretary.
type PersonView struct {
	Name      string
	Href      string
	Role      string
	Term      string // "2021年1月15日 至今" or "… 至 …"
	Serving   bool
	Source    string
	Gender    string
	BirthYear string
	Education string
	DualRole  string // "是", "否" or ""
}

// PledgeGroup is the pledges of one kind.
type PledgeGroup struct {
	Kind    string
	Pledges []PledgeRow
}

// PledgeRow is one pledge in a list.
type PledgeRow struct {
	ID          string
	Title       string
	Href        string
	Village     string // set on lists that span villages
	VillageHref string
	Kind        string
	Category    string
	Status      Badge
	Progress    int
	HasProgress bool
	Due         string
	Overdue     bool
	MadeOn      string
	UpdatedOn   string
	Secretary   string

	dueKey string // the normalised due date, for sorting
}

// AppraisalRow is one year's appraisal.
type AppraisalRow struct {
	Year          int
	Village       string
	VillageHref   string
	Secretary     string
	SecretaryHref string
	Masses        string
	Members       string
	Org           string
	Total         string
	TotalComputed bool
	Grade         string
	GradeClass    string // CSS class: grade-1 (best) … grade-n
	SecStars      string // ★★★★★★★☆☆☆
	SecStarsN     string // "7"
	TeamStars     string
	TeamStarsN    string
	Consequence   string
	NeedsAdjust   bool // consecutive years at the lowest grade
	Streak        int
	Note          string
}

// HearingRow is one hearing in a list.
type HearingRow struct {
	Date        string
	Topic       string
	Href        string
	Village     string
	VillageHref string
	Outcome     Badge
	Votes       string // "35 赞成 / 3 反对 / 2 弃权"
}

// TrainingRow is one secretary's training in one year.
type TrainingRow struct {
	Year      int
	Secretary string
	Points    string
	PointsOK  bool
	Excellent bool
	Days      string
	DaysOK    bool
	Sessions  int
}

func (s *Site) village(path string, vi int) (*Page, error) {
	d := s.D
	v := &d.Villages[vi]
	p := s.frame(path, v.Name, "", s.villageCrumbs(path, v, false)...)
	p.Description = s.Theme.Tf("village_description", "village", v.Name)
	view := &VillageView{Name: v.Name}
	if t := s.townshipOf(v); t != nil {
		view.Township = Link{Label: t.Name, Href: rel(path, townshipPath(t.ID))}
	}
	T := s.Theme.T
	if v.Population != nil {
		view.Figures = append(view.Figures, Fact{Label: T("population"), Value: fmtInt(*v.Population)})
	}
	if v.Households != nil {
		view.Figures = append(view.Figures, Fact{Label: T("households"), Value: fmtInt(*v.Households)})
	}
	if v.PartyMembers != nil {
		view.Figures = append(view.Figures, Fact{Label: T("party_members"), Value: fmtInt(*v.PartyMembers)})
	}
	if v.CollectiveIncome != nil {
		view.Figures = append(view.Figures, Fact{Label: T("collective_income"), Value: fmtYuan(*v.CollectiveIncome, s.lang)})
	}
	terms := d.SecretariesOf[v.ID]
	for k := len(terms) - 1; k >= 0; k-- {
		pv := s.person(path, terms[k])
		if pv.Serving {
			view.Serving = append(view.Serving, pv)
		} else {
			view.Former = append(view.Former, pv)
		}
	}
	// The secretary before the first secretary.
	if len(view.Serving) == 2 && view.Serving[0].Role != "书记" {
		view.Serving[0], view.Serving[1] = view.Serving[1], view.Serving[0]
	}
	f := s.vfacts[vi]
	view.PledgeFacts = s.pledgeFacts(f)
	byKind := map[string][]PledgeRow{}
	for _, pi := range d.PledgesOf[v.ID] {
		r := s.pledgeRow(path, pi, false)
		byKind[r.Kind] = append(byKind[r.Kind], r)
	}
	for _, k := range schema.PledgeKinds {
		if rows := byKind[k.Zh]; len(rows) > 0 {
			sortPledges(rows)
			view.PledgeGroups = append(view.PledgeGroups, PledgeGroup{Kind: k.Zh, Pledges: rows})
		}
	}
	as := d.AppraisalsOf[v.ID]
	for k := len(as) - 1; k >= 0; k-- {
		view.Appraisals = append(view.Appraisals, s.appraisalRow(path, as[k], false))
	}
	hs := d.HearingsOf[v.ID]
	for k := len(hs) - 1; k >= 0; k-- {
		view.Hearings = append(view.Hearings, s.hearingRow(path, hs[k], false))
	}
	for k := len(terms) - 1; k >= 0; k-- {
		sec := &d.Secretaries[terms[k]]
		for _, ti := range reverse(d.TrainingYearOf[sec.ID]) {
			view.Training = append(view.Training, s.trainingRow(&d.TrainingYears[ti], sec.Name))
		}
	}
	view.TrainingNote = s.trainingNote()
	if p.Canonical != "" {
		view.PublicURL = p.Canonical
		view.QR = qrSVG(p.Canonical, s.Theme.T("qr_title"))
	}
	p.Main = view
	return p, nil
}

// sortPledges puts what a villager should look at first: overdue pledges,
// then those still being worked on, then the settled ones; each by due date
// (none last), then by ID, so the order never changes between builds.
func sortPledges(rows []PledgeRow) {
	rank := func(r PledgeRow) int {
		switch {
		case r.Overdue:
			return 0
		case r.Status.Text == "未启动" || r.Status.Text == "推进中" || r.Status.Text == "部分完成":
			return 1
		}
		return 2
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra < rb
		}
		if a.dueKey != b.dueKey {
			if a.dueKey == "" || b.dueKey == "" {
				return b.dueKey == ""
			}
			return a.dueKey < b.dueKey
		}
		return a.ID < b.ID
	})
}

func reverse(list []int) []int {
	out := make([]int, len(list))
	for i, x := range list {
		out[len(list)-1-i] = x
	}
	return out
}

// person returns the view of one secretary term.
func (s *Site) person(path string, si int) PersonView {
	sec := &s.D.Secretaries[si]
	serving := sec.ServingOn(s.D.Site.AsOf)
	pv := PersonView{
		Name: sec.Name, Href: rel(path, secretaryPath(sec.ID)), Role: sec.Role, Serving: serving,
		Source: sec.Source, Gender: sec.Gender, Education: sec.Education,
	}
	if sec.TermEnd == "" {
		pv.Term = s.date(sec.TermStart) + " " + s.Theme.T("until_now")
	} else {
		pv.Term = s.date(sec.TermStart) + " – " + s.date(sec.TermEnd)
	}
	if sec.BirthYear != nil {
		pv.BirthYear = itoa(*sec.BirthYear)
	}
	if sec.DualRole != nil {
		pv.DualRole = map[bool]string{true: "是", false: "否"}[*sec.DualRole]
	}
	return pv
}

func (s *Site) pledgeFacts(f villageFacts) []Fact {
	T := s.Theme.T
	facts := []Fact{
		{Label: T("pledges_total"), Value: fmtInt(f.pledges)},
		{Label: T("pledges_done"), Value: fmtInt(f.done), Note: itoa(percent(f.done, f.pledges)) + "%", Tone: "good"},
		{Label: T("pledges_open"), Value: fmtInt(f.open), Note: T("open_statuses")},
		{Label: T("pledges_overdue"), Value: fmtInt(f.overdue)},
	}
	if f.overdue > 0 {
		facts[3].Tone = "bad"
	}
	return facts
}

// pledgeRow returns one pledge for a list; withVillage adds the village name.
func (s *Site) pledgeRow(path string, pi int, withVillage bool) PledgeRow {
	d := s.D
	p := &d.Pledges[pi]
	r := PledgeRow{
		ID: p.ID, Title: p.Title, Href: rel(path, pledgePath(p.ID)), Kind: p.Kind, Category: p.Category,
		Status: badge(schema.PledgeStatuses, p.Status), Due: s.date(p.Due), Overdue: p.Overdue,
		MadeOn: s.date(p.MadeOn), UpdatedOn: s.date(p.UpdatedOn), dueKey: p.Due,
	}
	if p.Progress != nil {
		r.Progress, r.HasProgress = *p.Progress, true
	} else if p.Status == "已完成" {
		r.Progress, r.HasProgress = 100, true
	}
	if si, ok := d.SecretaryByID[p.SecretaryID]; ok {
		r.Secretary = d.Secretaries[si].Name
	}
	if withVillage {
		if vi, ok := d.VillageByID[p.VillageID]; ok {
			r.Village, r.VillageHref = d.Villages[vi].Name, rel(path, villagePath(p.VillageID))
		}
	}
	return r
}

// gradeClass ranks a grade for colouring: grade-1 is the best.
func (s *Site) gradeClass(g string) string {
	for i, x := range s.D.Rules.Appraisal.Grades {
		if x.Grade == g {
			return "grade-" + itoa(i+1)
		}
	}
	return ""
}

func (s *Site) appraisalRow(path string, ai int, withVillage bool) AppraisalRow {
	d := s.D
	a := &d.Appraisals[ai]
	r := AppraisalRow{
		Year: a.Year, Masses: optNum(a.MassesScore), Members: optNum(a.MembersScore), Org: optNum(a.OrgScore),
		TotalComputed: a.TotalComputed, Grade: a.Grade, GradeClass: s.gradeClass(a.Grade),
		Consequence: a.Consequence, NeedsAdjust: a.NeedsAdjust, Streak: a.LowestStreak, Note: a.Note,
	}
	if a.TotalScore != nil {
		r.Total = fmtFixed(*a.TotalScore, 2)
	}
	if a.SecretaryStars != nil {
		r.SecStars, r.SecStarsN = stars(*a.SecretaryStars, 10), itoa(*a.SecretaryStars)
	}
	if a.TeamStars != nil {
		r.TeamStars, r.TeamStarsN = stars(*a.TeamStars, 5), itoa(*a.TeamStars)
	}
	if si, ok := d.SecretaryByID[a.SecretaryID]; ok {
		r.Secretary, r.SecretaryHref = d.Secretaries[si].Name, rel(path, secretaryPath(a.SecretaryID))
	}
	if withVillage {
		if vi, ok := d.VillageByID[a.VillageID]; ok {
			r.Village, r.VillageHref = d.Villages[vi].Name, rel(path, villagePath(a.VillageID))
		}
	}
	return r
}

func (s *Site) hearingRow(path string, hi int, withVillage bool) HearingRow {
	d := s.D
	h := &d.Hearings[hi]
	r := HearingRow{Date: s.date(h.Date), Topic: h.Topic, Href: rel(path, hearingPath(h.ID)),
		Outcome: badge(schema.Outcomes, h.Outcome), Votes: s.votes(h)}
	if withVillage {
		if vi, ok := d.VillageByID[h.VillageID]; ok {
			r.Village, r.VillageHref = d.Villages[vi].Name, rel(path, villagePath(h.VillageID))
		}
	}
	return r
}

// votes summarises a hearing's votes, or "" if none were recorded.
func (s *Site) votes(h *dataset.Hearing) string {
	if h.VotesFor == nil && h.VotesAgainst == nil && h.VotesAbstain == nil {
		return ""
	}
	n := func(p *int) string {
		if p == nil {
			return "0"
		}
		return itoa(*p)
	}
	T := s.Theme.T
	return strings.Join([]string{
		T("votes_for") + " " + n(h.VotesFor), T("votes_against") + " " + n(h.VotesAgainst), T("votes_abstain") + " " + n(h.VotesAbstain),
	}, " / ")
}

func (s *Site) trainingRow(ty *dataset.TrainingYear, name string) TrainingRow {
	return TrainingRow{Year: ty.Year, Secretary: name, Points: fmtNum(ty.Points), PointsOK: ty.PointsOK,
		Excellent: ty.Excellent, Days: fmtNum(ty.Days), DaysOK: ty.DaysOK, Sessions: ty.Sessions}
}

func (s *Site) trainingNote() string {
	t := s.D.Rules.Training
	return s.Theme.Tf("training_note", "min", fmtNum(t.MinPoints), "excellent", fmtNum(t.ExcellencePoints),
		"top", s.D.Rules.TopGrade(), "days", fmtNum(t.MinDays))
}
