package site

import (
	"sort"
	"strconv"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// The rows that several kinds of page show: a secretary's term, a pledge,
// an appraisal, a hearing, a year of training, a township, a village.

// PersonView is one term of a secretary.
type PersonView struct {
	Name      string
	Href      string
	Role      string
	Term      string // "2021年1月15日 至今" or "… – …"
	Serving   bool
	Source    string
	Gender    string
	BirthYear string
	Education string
	DualRole  string // "是", "否" or ""
	// LeaveReason is why the term ended, in words ("" while serving or when not given).
	LeaveReason string

	role string // the canonical role
}

// person returns the view of one secretary term.
func (s *Site) person(path string, si int) PersonView {
	sec := &s.D.Secretaries[si]
	pv := PersonView{
		Name: sec.Name, Href: route.Rel(path, route.Secretary(sec.ID)), Role: s.C.Enum(schema.Roles, sec.Role),
		Serving: sec.ServingOn(s.D.Site.AsOf), Source: s.C.Enum(schema.Sources, sec.Source),
		Gender: s.C.Enum(schema.Genders, sec.Gender), Education: s.C.Enum(schema.Educations, sec.Education), role: sec.Role,
	}
	if sec.TermEnd == "" {
		pv.Term = s.date(sec.TermStart) + " " + s.T("until_now")
	} else {
		pv.Term = s.date(sec.TermStart) + " – " + s.date(sec.TermEnd)
	}
	if sec.BirthYear != nil {
		pv.BirthYear = strconv.Itoa(*sec.BirthYear)
	}
	if sec.DualRole != nil {
		pv.DualRole = s.yesNo(*sec.DualRole)
	}
	if sec.TermEnd != "" {
		pv.LeaveReason = s.C.Enum(schema.LeaveReasons, sec.LeaveReason)
	}
	return pv
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
	// OverdueLabel is the overdue badge's words with the days overdue on
	// as_of ("已逾期 1,461 天"); set with Overdue.
	OverdueLabel string
	MadeOn       string
	UpdatedOn    string
	Secretary    string
	// CarriedOver marks an open pledge whose secretary has left office: it
	// stays with the office (dataset.Pledge.CarriedOver).
	CarriedOver bool
	// Holder is, with CarriedOver, who holds the office now (the vacancy
	// in words while none does); HolderHref links to their page.
	Holder     string
	HolderHref string

	dueKey string // the normalised due date, for sorting
	status string // the canonical status, for sorting
}

// pledgeRow returns one pledge for a list; withVillage adds the village name.
func (s *Site) pledgeRow(path string, pi int, withVillage bool) PledgeRow {
	d := s.D
	p := &d.Pledges[pi]
	r := PledgeRow{
		ID: p.ID, Title: p.Title, Href: route.Rel(path, route.Pledge(p.ID)),
		Kind: s.C.Enum(schema.PledgeKinds, p.Kind), Category: s.C.Enum(schema.PledgeCategories, p.Category),
		Status: s.badge(schema.PledgeStatuses, p.Status), Due: s.date(p.Due), Overdue: p.Overdue,
		MadeOn: s.date(p.MadeOn), UpdatedOn: s.date(p.UpdatedOn), CarriedOver: p.CarriedOver, dueKey: p.Due, status: p.Status,
	}
	if p.Overdue {
		r.OverdueLabel = s.C.Tn("overdue_days", float64(p.DaysOverdue), "n", s.C.Int(p.DaysOverdue))
	}
	if p.CarriedOver {
		r.Holder = s.T("accountability.holder_vacant")
		if l := s.secretaryLink(path, p.Holder); l.Label != "" {
			r.Holder, r.HolderHref = l.Label, l.Href
		}
	}
	if p.Progress != nil {
		r.Progress, r.HasProgress = *p.Progress, true
	} else if p.Status == schema.StatusDone {
		r.Progress, r.HasProgress = 100, true
	}
	if si, ok := d.SecretaryByID[p.SecretaryID]; ok {
		r.Secretary = d.Secretaries[si].Name
	}
	if withVillage {
		r.Village, r.VillageHref = s.villageRef(path, p.VillageID)
	}
	return r
}

// sortPledges puts what a villager should look at first: overdue pledges,
// then those still being worked on, then the settled ones; each by due date
// (none last), then by ID, so the order never changes between builds.
func sortPledges(rows []PledgeRow) {
	rank := func(r PledgeRow) int {
		switch {
		case r.Overdue:
			return 0
		case dataset.Open(r.status):
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

// consequence returns what follows from grade under the rules, given the
// rules' text for it: the built-in rules' words in the site's language, a
// county's own as written.
func (s *Site) consequence(grade, text string) string {
	return s.C.Consequence(grade, text, s.D.Rules.Appraisal.BuiltInConsequences)
}

// gradeClass ranks a grade for colouring: grade-1 is the best.
func (s *Site) gradeClass(g string) string {
	for i, x := range s.D.Rules.Appraisal.Grades {
		if x.Grade == g {
			return "grade-" + strconv.Itoa(i+1)
		}
	}
	return ""
}

func optNum(p *float64) string {
	if p == nil {
		return ""
	}
	return i18n.Num(*p)
}

func (s *Site) appraisalRow(path string, ai int, withVillage bool) AppraisalRow {
	d := s.D
	a := &d.Appraisals[ai]
	r := AppraisalRow{
		Year: a.Year, Masses: optNum(a.MassesScore), Members: optNum(a.MembersScore), Org: optNum(a.OrgScore),
		TotalComputed: a.TotalComputed, Grade: s.C.Grade(a.Grade), GradeClass: s.gradeClass(a.Grade),
		Consequence: s.consequence(a.Grade, a.Consequence), NeedsAdjust: a.NeedsAdjust, Streak: a.LowestStreak, Note: a.Note,
	}
	if a.TotalScore != nil {
		r.Total = i18n.Fixed(*a.TotalScore, 2)
	}
	if a.SecretaryStars != nil {
		r.SecStars, r.SecStarsN = stars(*a.SecretaryStars, 10), strconv.Itoa(*a.SecretaryStars)
	}
	if a.TeamStars != nil {
		r.TeamStars, r.TeamStarsN = stars(*a.TeamStars, 5), strconv.Itoa(*a.TeamStars)
	}
	if si, ok := d.SecretaryByID[a.SecretaryID]; ok {
		r.Secretary, r.SecretaryHref = d.Secretaries[si].Name, route.Rel(path, route.Secretary(a.SecretaryID))
	}
	if withVillage {
		r.Village, r.VillageHref = s.villageRef(path, a.VillageID)
	}
	return r
}

// HearingRow is one hearing in a list.
type HearingRow struct {
	Date        string
	Topic       string
	Href        string
	Village     string
	VillageHref string
	Outcome     Badge
	Votes       string // "赞成 35 / 反对 3 / 弃权 2"
	// Scheduled marks a hearing announced but not held (待召开): its badge
	// says so, and it is never counted as held.
	Scheduled bool
}

func (s *Site) hearingRow(path string, hi int, withVillage bool) HearingRow {
	d := s.D
	h := &d.Hearings[hi]
	r := HearingRow{Date: s.date(h.Date), Topic: h.Topic, Href: route.Rel(path, route.Hearing(h.ID)),
		Outcome: s.badge(schema.Outcomes, h.Outcome), Votes: s.votes(h), Scheduled: h.Outcome == schema.OutcomeScheduled}
	if withVillage {
		r.Village, r.VillageHref = s.villageRef(path, h.VillageID)
	}
	return r
}

// votes summarises a hearing's votes, or "" if none were recorded.
func (s *Site) votes(h *dataset.Hearing) string {
	if h.VotesFor == nil && h.VotesAgainst == nil && h.VotesAbstain == nil {
		return ""
	}
	// Each count names its kind in the singular at 1 ("Abstention 1"), as
	// the hearing page's vote cards do.
	n := func(key string, p *int) string {
		v := 0
		if p != nil {
			v = *p
		}
		return s.C.Tn(key, float64(v)) + " " + strconv.Itoa(v)
	}
	return strings.Join([]string{n("votes_for", h.VotesFor), n("votes_against", h.VotesAgainst), n("votes_abstain", h.VotesAbstain)}, " / ")
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

func (s *Site) trainingRow(ty *dataset.TrainingYear, name string) TrainingRow {
	return TrainingRow{Year: ty.Year, Secretary: name, Points: i18n.Num(ty.Points), PointsOK: ty.PointsOK,
		Excellent: ty.Excellent, Days: i18n.Num(ty.Days), DaysOK: ty.DaysOK, Sessions: ty.Sessions}
}

// trainingNote says the training thresholds in words.
func (s *Site) trainingNote() string {
	t := s.D.Rules.Training
	return s.C.Tn("training_note", t.MinDays, "min", i18n.Num(t.MinPoints), "excellent", i18n.Num(t.ExcellencePoints),
		"top", s.C.Grade(s.D.Rules.TopGrade()), "days", i18n.Num(t.MinDays))
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

func (s *Site) townshipRow(path string, ti int) TownshipRow {
	d := s.D
	t := &d.Townships[ti]
	r := TownshipRow{Name: t.Name, Href: route.Rel(path, route.Township(t.ID))}
	starSum, starN := 0, 0
	for _, vi := range d.Facts.VillageOrder[t.ID] {
		f := d.Facts.Village[vi]
		r.Villages++
		r.Pledges += f.Pledges
		r.Done += f.Done
		r.Overdue += f.Overdue
		if f.Latest >= 0 {
			if a := &d.Appraisals[f.Latest]; a.TeamStars != nil && a.Year == d.Facts.LatestAppraisalYear {
				starSum += *a.TeamStars
				starN++
			}
		}
	}
	r.DonePct = i18n.Pct(r.Done, r.Pledges)
	if starN > 0 {
		r.AvgStars = i18n.Fixed(float64(starSum)/float64(starN), 1)
	}
	return r
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

func (s *Site) villageRow(path string, vi int) VillageRow {
	d := s.D
	vl := &d.Villages[vi]
	f := d.Facts.Village[vi]
	r := VillageRow{Name: vl.Name, Href: route.Rel(path, route.Village(vl.ID)), Pledges: f.Pledges, Done: f.Done,
		DonePct: i18n.Pct(f.Done, f.Pledges), Overdue: f.Overdue}
	if f.Secretary >= 0 {
		sec := &d.Secretaries[f.Secretary]
		r.Secretary, r.SecHref = sec.Name, route.Rel(path, route.Secretary(sec.ID))
	}
	if f.First >= 0 {
		r.First = d.Secretaries[f.First].Name
	}
	if f.Latest >= 0 {
		a := &d.Appraisals[f.Latest]
		r.Year, r.Grade, r.GradeClass = a.Year, s.C.Grade(a.Grade), s.gradeClass(a.Grade)
		if a.TeamStars != nil {
			r.TeamStars, r.TeamN = stars(*a.TeamStars, 5), strconv.Itoa(*a.TeamStars)
		}
	}
	return r
}

func reverse(list []int32) []int32 {
	out := make([]int32, len(list))
	for i, x := range list {
		out[len(list)-1-i] = x
	}
	return out
}

// ActionRow is one decision about a secretary: a commendation or reward, or
// a sanction (诫勉, 警告, 组织调整 …), with the appraisal year it follows
// from, its reason and the body that decided it.
type ActionRow struct {
	Date          string
	Year          string // the appraisal year it follows from ("" if not given)
	Kind          Badge
	Sanction      bool // holds the secretary to account, rather than commending
	Reason        string
	By            string
	Secretary     string // set on lists that span secretaries
	SecretaryHref string
}

// actionRow returns one action; withSecretary adds the secretary's name.
func (s *Site) actionRow(path string, ai int, withSecretary bool) ActionRow {
	d := s.D
	a := &d.Actions[ai]
	r := ActionRow{Date: s.date(a.Date), Kind: s.badge(schema.ActionKinds, a.Kind), Sanction: dataset.IsSanction(a.Kind), Reason: a.Reason, By: a.By}
	if a.Year != nil {
		r.Year = strconv.Itoa(*a.Year)
	}
	if si, ok := d.SecretaryByID[a.SecretaryID]; ok && withSecretary {
		r.Secretary, r.SecretaryHref = d.Secretaries[si].Name, route.Rel(path, route.Secretary(a.SecretaryID))
	}
	return r
}

// cellLabel is a column's heading as a cell of a "cards" table names its
// value on a phone, where each row reads as a card and the header row is
// out of sight: "村：", "Village: " (its data-label, shown by the CSS).
func cellLabel(c *i18n.Catalogue, key string) string { return c.LabelOf(key) }
