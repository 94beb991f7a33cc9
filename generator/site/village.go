package site

import (
	"slices"
	"sort"
	"strconv"

	"gongshi/generator/charts"
	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// VillageView is the village notice page (公开栏). Its first screen on a
// phone answers what a villager comes for (Glance): who the secretary is,
// what was promised and how much is done or overdue, the latest grade
// against the county's average, and what the last hearing decided; then
// each in detail, reached by jump links. It runs no script: its charts are
// drawn at build time (charts.Bars).
//
// Printed, the page is the A4 notice for the village board (Notice): the
// rows marked Print, chosen here so that the fullest village still fits one
// sheet and the sitting secretary's records come first; the full record is
// a QR scan away.
type VillageView struct {
	Name         string
	Township     Link
	Glance       Glance
	Jump         []Link        // the sections below, as #links
	Serving      []PersonView  // the secretary, then the first secretary, in office on as_of
	Figures      []Fact        // population, households, party members, collective income
	PledgeGroups []PledgeGroup // by kind, in schema order
	PledgesMore  string        // print: how many pledges the sheet leaves out ("" for none)
	Bars         []BarsView    // scores and stars over the years
	Appraisals   []VillageAppraisal
	Hearings     []VillageHearing // scheduled ones first (soonest first), then those held, newest first
	HearingsMore string
	Training     []TrainingGroup // by term, the sitting secretary's first
	TrainingNote string          // the thresholds, in words
	Actions      []VillageAction // newest first
	Former       []PersonView    // earlier terms, newest first
	Follow       []Link          // the village's Atom feed and hearing calendar
	Notice       NoticeView
}

// Glance is the first screen of the village page.
type Glance struct {
	Secretary   *GlancePerson // nil when the office is vacant
	First       *GlancePerson // the first secretary, if the village has one
	Pledges     []Fact        // total, done, open, overdue (and carried over, when any)
	Stack       []Segment     // the same as one stacked bar
	Grade       *GradeGlance  // the latest appraisal, nil before the first
	LastHearing *VillageHearing
	NextHearing *VillageHearing // the next one announced (待召开)
	Supervision Tel             // [publisher] supervision_phone
}

// GlancePerson is who holds an office, since when.
type GlancePerson struct {
	Role  string
	Name  string
	Href  string
	Since string
}

// Segment is one part of a stacked bar: its CSS class (seg-done …), its
// start and width in percent (SVG attributes, so no inline style).
type Segment struct {
	Class string
	X     string
	Width string
	Label string
}

// GradeGlance is the latest appraisal against its benchmark.
type GradeGlance struct {
	Title       string // "2024年度评议"
	Grade       string
	GradeClass  string
	Secretary   string // the appraised secretary, when not the one in office now
	Total       string // "82.5"
	TotalNote   string // county average and township rank, in words
	SecStars    string // ★★★★★★☆☆☆☆
	SecN        string // "6/10"
	SecAvg      string // county average, in words
	TeamStars   string
	TeamN       string
	TeamAvg     string
	NeedsAdjust bool
}

// PledgeGroup is the pledges of one kind.
type PledgeGroup struct {
	Kind    string
	Pledges []VillagePledge
	Print   bool // some of its pledges are on the printed sheet
}

// VillagePledge is a pledge on the village page.
type VillagePledge struct {
	PledgeRow
	// CarriedNote says, for an open pledge of a secretary who has left,
	// whose it was and who holds the office now.
	CarriedNote string
	// ReplacedBy links a revised (已调整) pledge to the pledge that
	// replaced it, on screen (nil when there is none).
	ReplacedBy *Link
	Print      bool
	// Former names, on the printed notice, the former secretary whose
	// pledge this is ("" for the sitting secretary's): the sheet has no
	// room for the web page's line of who made each pledge.
	Former string
}

// BarsView is a chart drawn at build time, with its CSV linked.
type BarsView struct {
	charts.Bars
	CSVHref string
}

// VillageAppraisal is one year's appraisal: the judgement (the numbers are
// in the charts above it).
type VillageAppraisal struct {
	AppraisalRow
	Print bool
}

// VillageHearing is one hearing with what it decided and what followed;
// for one not held (HearingRow.Scheduled), its summary is the notice of
// what it will discuss, not a decision.
type VillageHearing struct {
	HearingRow
	Summary  string
	FollowUp string
	Upcoming bool // announced (待召开) for as_of or later: still to be held (Hearing.Awaited)
	Print    bool
}

// TrainingGroup is one term's training, year by year.
type TrainingGroup struct {
	Name      string
	Href      string
	Role      string
	Serving   bool
	PrintName bool // the printed notice shows whose record this is
	Rows      []VillageTraining
}

// VillageTraining is one year of a term's training.
type VillageTraining struct {
	TrainingRow
	Print bool
}

// VillageAction is one decision about a secretary of the village, with
// the appraisal it follows from in words.
type VillageAction struct {
	ActionRow
	Basis string // "依据2024年度评议", "" when no year is given
	Print bool
}

// NoticeView is what only the printed notice shows: a 公示 title, the
// display period, the approving office with room for its stamp, the
// supervision phone, the page's address and its QR code.
type NoticeView struct {
	Title       string
	Intro       string
	Period      string
	Approver    string // the township's Party committee
	Publisher   string // [publisher] organiser
	Supervision Tel
	PublicURL   string // "" when base_url is relative
	QR          HTML   // SVG QR code of PublicURL; "" when base_url is relative
}

// How much of each list the printed notice holds: enough for the board,
// few enough that the fullest village fits one A4 sheet at 10.5 pt.
const (
	printPledges    = 10
	printHearings   = 4 // held; those announced are all printed
	printAppraisals = 2 // the latest is in the glance too, against the county
	printTraining   = 2 // years of the sitting secretary's training
	printActions    = 2
)

func (s *Site) village(path string, vi int) (*Page, error) {
	d := s.D
	v := &d.Villages[vi]
	f := d.Facts.Village[vi]
	p := s.frame(path, v.Name, route.Section(route.VillagePage), s.villageCrumbs(path, v, false)...)
	p.OwnFeed = Link{Label: v.Name + " " + s.T("village_page.feed"), Href: route.Rel(path, route.VillageFeedPath(v.ID))}
	p.Description = s.C.Tf("village_description", "village", v.Name)
	view := &VillageView{Name: v.Name}
	t := s.townshipOf(v)
	if t != nil {
		view.Township = Link{Label: t.Name, Href: route.Rel(path, route.Township(t.ID))}
	}
	view.Figures = s.villageFigures(v)

	// The village's terms in the order the page shows them: the sitting
	// secretary, the sitting first secretary, then the others newest first.
	var terms []int
	for _, si := range []int{f.Secretary, f.First} {
		if si >= 0 {
			terms = append(terms, si)
		}
	}
	serving := len(terms)
	for _, si := range slices.Backward(d.SecretariesOf.Of(v.ID)) {
		if int(si) != f.Secretary && int(si) != f.First {
			terms = append(terms, int(si))
		}
	}
	for k, si := range terms {
		if k < serving {
			view.Serving = append(view.Serving, s.person(path, si))
		} else {
			view.Former = append(view.Former, s.person(path, si))
		}
	}

	view.PledgeGroups, view.PledgesMore = s.villagePledges(path, v.ID, f)
	bars, files := s.Charts.VillageBars(v.ID)
	for _, b := range bars {
		view.Bars = append(view.Bars, BarsView{Bars: b, CSVHref: route.Rel(path, b.CSV)})
		p.Files = append(p.Files, OutFile{Path: b.CSV, Data: files[b.CSV]})
	}
	as := d.AppraisalsOf.Of(v.ID)
	for k := len(as) - 1; k >= 0; k-- {
		view.Appraisals = append(view.Appraisals, VillageAppraisal{AppraisalRow: s.appraisalRow(path, int(as[k]), false),
			Print: len(as)-1-k < printAppraisals})
	}
	view.Hearings, view.HearingsMore = s.villageHearings(path, v.ID)
	for k, si := range terms {
		sec := &d.Secretaries[si]
		g := TrainingGroup{Name: sec.Name, Href: route.Rel(path, route.Secretary(sec.ID)), Role: s.C.Enum(schema.Roles, sec.Role),
			Serving: k < serving}
		for n, ti := range reverse(d.TrainingYearOf.Of(sec.ID)) {
			g.Rows = append(g.Rows, VillageTraining{TrainingRow: s.trainingRow(&d.TrainingYears[ti], sec.Name), Print: g.Serving && n < printTraining})
		}
		if len(g.Rows) > 0 {
			view.Training = append(view.Training, g)
		}
	}
	// In the order of terms: the sitting secretary's record first. The
	// printed notice names whose record it is only when two are printed.
	if len(view.Training) > 1 && view.Training[1].Serving {
		view.Training[0].PrintName, view.Training[1].PrintName = true, true
	}
	view.TrainingNote = s.trainingRule
	acts := d.ActionsOf.Of(v.ID)
	for k := len(acts) - 1; k >= 0; k-- {
		view.Actions = append(view.Actions, s.villageAction(path, int(acts[k]), len(acts)-1-k < printActions))
	}
	view.Follow = []Link{
		{Label: s.T("village_page.feed"), Href: route.Rel(path, route.VillageFeedPath(v.ID))},
		{Label: s.T("village_page.calendar"), Href: route.Rel(path, route.VillageICSPath(v.ID))},
	}
	view.Glance = s.glance(path, v, f, view)
	view.Jump = s.villageJump(view)
	view.Notice = s.notice(v, t, p.Canonical)
	p.Main = view
	return p, nil
}

// villageFigures are a village's own numbers.
func (s *Site) villageFigures(v *dataset.Village) []Fact {
	var out []Fact
	if v.Population != nil {
		out = append(out, Fact{Label: s.T("population"), Value: s.C.Int(*v.Population)})
	}
	if v.Households != nil {
		out = append(out, Fact{Label: s.C.Tn("households", float64(*v.Households)), Value: s.C.Int(*v.Households)})
	}
	if v.PartyMembers != nil {
		out = append(out, Fact{Label: s.C.Tn("party_members", float64(*v.PartyMembers)), Value: s.C.Int(*v.PartyMembers)})
	}
	if v.CollectiveIncome != nil {
		out = append(out, Fact{Label: s.T("collective_income"), Value: s.C.Yuan(*v.CollectiveIncome)})
	}
	return out
}

// villagePledges groups a village's pledges by kind, each group in the order
// a villager should read (sortPledges), and marks those the printed notice
// holds: the overdue and the failed (未完成) ones first, every one of them
// even past printPledges, since the notice's glance counts them (whoever
// made them: they are the office's business now); then, up to
// printPledges, the other open pledges, the settled pledges of the
// secretary in office, and the rest. It returns the groups and, when some
// are left off the sheet, a line saying how many.
func (s *Site) villagePledges(path, villageID string, f dataset.VillageFacts) ([]PledgeGroup, string) {
	d := s.D
	byKind := map[string][]PledgeRow{}
	carried := map[string]string{}
	replaced := map[string]*Link{}
	for _, pi := range d.PledgesOf.Of(villageID) {
		pl := &d.Pledges[pi]
		byKind[pl.Kind] = append(byKind[pl.Kind], s.pledgeRow(path, int(pi), false))
		if pl.CarriedOver {
			carried[pl.ID] = s.carriedOver(pl)
		}
		if l := s.replacement(path, pl); l != nil {
			replaced[pl.ID] = l
		}
	}
	var groups []PledgeGroup
	for _, k := range schema.PledgeKinds {
		rows := byKind[k.Zh]
		if len(rows) == 0 {
			continue
		}
		sortPledges(rows)
		g := PledgeGroup{Kind: s.C.Enum(schema.PledgeKinds, k.Zh)}
		for _, r := range rows {
			g.Pledges = append(g.Pledges, VillagePledge{PledgeRow: r, CarriedNote: carried[r.ID], ReplacedBy: replaced[r.ID]})
		}
		groups = append(groups, g)
	}
	// The sitting secretary and first secretary: their pledges are not
	// marked as a former secretary's on the printed notice.
	sitting := func(id string) bool {
		for _, si := range []int{f.Secretary, f.First} {
			if si >= 0 && d.Secretaries[si].ID == id {
				return true
			}
		}
		return false
	}
	type ref struct{ g, i int }
	var all []ref
	for g := range groups {
		for i := range groups[g].Pledges {
			all = append(all, ref{g, i})
		}
	}
	rank := func(r ref) int {
		vp := groups[r.g].Pledges[r.i]
		pl := &d.Pledges[d.PledgeByID[vp.ID]]
		switch {
		case vp.Overdue:
			return 0
		case pl.Status == schema.StatusFailed:
			return 1
		case pl.Open():
			return 2
		case sitting(pl.SecretaryID):
			return 3
		}
		return 4
	}
	const counted = 1 // ranks up to this one are counted in the glance: all print
	sort.SliceStable(all, func(a, b int) bool { return rank(all[a]) < rank(all[b]) })
	printed := 0
	for n, r := range all {
		if n < printPledges || rank(r) <= counted {
			printed++
			vp := &groups[r.g].Pledges[r.i]
			vp.Print = true
			groups[r.g].Print = true
			if pl := &d.Pledges[d.PledgeByID[vp.ID]]; !sitting(pl.SecretaryID) {
				if si, ok := d.SecretaryByID[pl.SecretaryID]; ok {
					vp.Former = s.C.Tf("village_page.by_former", "name", d.Secretaries[si].Name)
				}
			}
		}
	}
	return groups, s.more(len(all) - printed)
}

// carriedOver says whose an open pledge of a departed secretary was and
// who answers for it now.
func (s *Site) carriedOver(pl *dataset.Pledge) string {
	d := s.D
	name := ""
	if si, ok := d.SecretaryByID[pl.SecretaryID]; ok {
		name = d.Secretaries[si].Name
	}
	if hi, ok := d.SecretaryByID[pl.Holder]; ok && pl.Holder != "" {
		return s.C.Tf("village_page.carried_over", "name", name, "holder", d.Secretaries[hi].Name)
	}
	return s.C.Tf("village_page.carried_over_vacant", "name", name)
}

// villageHearings lists a village's hearings: those announced (待召开, after
// as_of) first, the soonest first, then those held, newest first. The
// printed notice holds every announced one and the latest printHearings held.
func (s *Site) villageHearings(path, villageID string) ([]VillageHearing, string) {
	d := s.D
	asOf := d.Site.AsOf
	var upcoming, held []VillageHearing
	hs := d.HearingsOf.Of(villageID)
	for _, hi := range hs {
		if h := &d.Hearings[hi]; h.Awaited(asOf) {
			upcoming = append(upcoming, s.villageHearing(path, int(hi)))
		}
	}
	for k := len(hs) - 1; k >= 0; k-- {
		if h := &d.Hearings[hs[k]]; !h.Awaited(asOf) {
			vh := s.villageHearing(path, int(hs[k]))
			vh.Print = len(held) < printHearings
			held = append(held, vh)
		}
	}
	for i := range upcoming {
		upcoming[i].Print = true
	}
	return append(upcoming, held...), s.more(len(held) - printHearings)
}

func (s *Site) villageHearing(path string, hi int) VillageHearing {
	h := &s.D.Hearings[hi]
	return VillageHearing{HearingRow: s.hearingRow(path, hi, false), Summary: h.Summary, FollowUp: h.FollowUp,
		Upcoming: h.Awaited(s.D.Site.AsOf)}
}

func (s *Site) villageAction(path string, ai int, print bool) VillageAction {
	r := VillageAction{ActionRow: s.actionRow(path, ai, true), Print: print}
	if r.Year != "" {
		r.Basis = s.C.Tf("village_page.action_basis", "year", r.Year)
	}
	return r
}

// more is the printed line for n rows left off the sheet, or "".
func (s *Site) more(n int) string {
	if n <= 0 {
		return ""
	}
	return s.C.Tf("village_page.print_more", "n", strconv.Itoa(n))
}

// glance prepares the first screen from the facts and the lists already
// made for the page.
func (s *Site) glance(path string, v *dataset.Village, f dataset.VillageFacts, view *VillageView) Glance {
	d := s.D
	g := Glance{Supervision: s.publisher.Supervision}
	holder := func(si int) *GlancePerson {
		if si < 0 {
			return nil
		}
		sec := &d.Secretaries[si]
		return &GlancePerson{Role: s.C.Enum(schema.Roles, sec.Role), Name: sec.Name, Href: route.Rel(path, route.Secretary(sec.ID)),
			Since: s.C.Tf("village_page.since", "date", s.date(sec.TermStart))}
	}
	g.Secretary, g.First = holder(f.Secretary), holder(f.First)

	g.Pledges = s.tallyChips(f.PledgeTally)
	if f.CarriedOver > 0 {
		g.Pledges[0].Note = s.C.Tf("village_page.carried_over_note", "n", s.C.Int(f.CarriedOver))
	}
	g.Stack = pledgeStack(f, []string{s.T("pledges_done"), s.T("pledges_open"), s.T("pledges_overdue")})

	if f.Latest >= 0 {
		g.Grade = s.gradeGlance(f)
	}
	for i := range view.Hearings {
		h := &view.Hearings[i]
		if h.Upcoming && g.NextHearing == nil {
			g.NextHearing = h
		}
		// The last one held: a hearing whose day passed with no outcome
		// recorded (still 待召开) was not held, as far as the data say.
		if !h.Upcoming && !h.Scheduled && g.LastHearing == nil {
			g.LastHearing = h
		}
	}
	return g
}

// pledgeStack draws a village's pledges as one bar: done, open, overdue and
// the settled rest (未完成, 已调整), each as wide as its share.
func pledgeStack(f dataset.VillageFacts, labels []string) []Segment {
	if f.Pledges == 0 {
		return nil
	}
	parts := []struct {
		class, label string
		n            int
	}{
		{"seg-done", labels[0], f.Done},
		{"seg-open", labels[1], f.Open - f.Overdue},
		{"seg-overdue", labels[2], f.Overdue},
		{"seg-other", "", f.Pledges - f.Done - f.Open},
	}
	var out []Segment
	x := 0.0
	for _, p := range parts {
		if p.n <= 0 {
			continue
		}
		w := 100 * float64(p.n) / float64(f.Pledges)
		out = append(out, Segment{Class: p.class, X: i18n.Fixed(x, 2), Width: i18n.Fixed(w, 2), Label: p.label})
		x += w
	}
	return out
}

// gradeGlance is the village's latest appraisal with the county's average
// of that year and the village's rank in its township.
func (s *Site) gradeGlance(f dataset.VillageFacts) *GradeGlance {
	d := s.D
	a := &d.Appraisals[f.Latest]
	avg := d.Facts.Averages[a.Year]
	g := &GradeGlance{Title: s.C.Tf("village_page.latest_appraisal", "year", strconv.Itoa(a.Year)),
		Grade: s.C.Grade(a.Grade), GradeClass: s.gradeClass(a.Grade), NeedsAdjust: a.NeedsAdjust}
	if f.Secretary < 0 || d.Secretaries[f.Secretary].ID != a.SecretaryID {
		if si, ok := d.SecretaryByID[a.SecretaryID]; ok {
			g.Secretary = s.C.Tf("village_page.appraised", "name", d.Secretaries[si].Name)
		}
	}
	if a.TotalScore != nil {
		g.Total = i18n.Fixed(*a.TotalScore, 2)
		var notes []string
		if avg.NTotal > 1 {
			notes = append(notes, s.C.Tf("village_page.county_avg", "avg", i18n.Fixed(avg.Total, 1)))
		}
		if st := d.Facts.Standing[f.Latest]; st.Of > 1 {
			notes = append(notes, s.C.Tf("village_page.rank", "rank", strconv.Itoa(st.Rank), "of", strconv.Itoa(st.Of)))
		}
		g.TotalNote = s.C.List(notes)
	}
	if a.SecretaryStars != nil {
		g.SecStars, g.SecN = stars(*a.SecretaryStars, 10), strconv.Itoa(*a.SecretaryStars)+"/10"
		if avg.NSecretaryStars > 1 {
			g.SecAvg = s.C.Tf("village_page.county_avg", "avg", i18n.Fixed(avg.SecretaryStars, 1))
		}
	}
	if a.TeamStars != nil {
		g.TeamStars, g.TeamN = stars(*a.TeamStars, 5), strconv.Itoa(*a.TeamStars)+"/5"
		if avg.NTeamStars > 1 {
			g.TeamAvg = s.C.Tf("village_page.county_avg", "avg", i18n.Fixed(avg.TeamStars, 1))
		}
	}
	return g
}

// villageJump links the sections the page has, in order.
func (s *Site) villageJump(v *VillageView) []Link {
	var out []Link
	add := func(has bool, key, id string) {
		if has {
			out = append(out, Link{Label: s.T(key), Href: "#" + id})
		}
	}
	add(true, "pledges", "h-pledges")
	add(true, "appraisals", "h-appraisals")
	add(true, "hearings", "h-hearings")
	add(true, "training", "h-training")
	add(len(v.Actions) > 0, "village_page.actions", "h-actions")
	add(len(v.Former) > 0, "former_terms", "h-former")
	add(true, "village_page.follow", "h-follow")
	return out
}

// notice prepares what only the printed notice shows.
func (s *Site) notice(v *dataset.Village, t *dataset.Township, canonical string) NoticeView {
	site := s.D.Site
	days := site.Notice.Days
	if days <= 0 {
		days = dataset.DefaultNoticeDays
	}
	n := NoticeView{
		Title:       s.C.Tf("notice.title", "village", v.Name),
		Intro:       s.T("notice.intro"),
		Period:      s.C.Tn("notice.period", float64(days), "days", strconv.Itoa(days)),
		Publisher:   site.Publisher.Organiser,
		Supervision: s.publisher.Supervision,
	}
	if t != nil {
		n.Approver = s.C.Tf("notice.approver", "township", t.Name)
	}
	if canonical != "" {
		n.PublicURL = canonical
		n.QR = qrSVG(canonical, s.T("qr_title"))
	}
	return n
}

// pct writes a share from 0 to 1 as a percentage for an SVG width.
func pct(share float64) string { return i18n.Fixed(100*share, 1) }

// tallyChips are the counts of a tally of pledges as chips, adding up to
// the total: done, open, overdue, then each settled status (未完成, 已调整)
// that it has. Carried-over pledges are among the open and overdue ones.
func (s *Site) tallyChips(t dataset.PledgeTally) []Fact {
	fs := []Fact{
		{Label: s.C.Tn("pledges_total", float64(t.Pledges)), Value: s.C.Int(t.Pledges)},
		{Label: s.T("pledges_done"), Value: s.C.Int(t.Done), Note: strconv.Itoa(i18n.Pct(t.Done, t.Pledges)) + "%", Tone: "good"},
		{Label: s.T("pledges_open"), Value: s.C.Int(t.Open - t.Overdue)},
		{Label: s.T("pledges_overdue"), Value: s.C.Int(t.Overdue)},
	}
	if t.Overdue > 0 {
		fs[3].Tone = "bad"
	}
	for _, c := range []struct {
		status string
		n      int
	}{{schema.StatusFailed, t.Failed}, {schema.StatusRevised, t.Revised}} {
		if c.n > 0 {
			fs = append(fs, Fact{Label: s.C.Enum(schema.PledgeStatuses, c.status), Value: s.C.Int(c.n)})
		}
	}
	return fs
}
