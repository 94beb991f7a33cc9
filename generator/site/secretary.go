package site

import (
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// SecretaryView is one secretary's term: pledges, appraisals and training.
type SecretaryView struct {
	Person     PersonView
	Village    Link
	OtherTerms []PersonView // other terms in the same village under the same name
	Pledges    []PledgeRow
	// Tally counts the pledges the secretary made, as the village page's
	// chips count the village's (none when there are none).
	Tally      []Fact
	Appraisals []AppraisalRow
	// Hearings are the village's hearings in this term (Dataset.HearingsInTerm),
	// newest first (one still to be held, Upcoming, leads); HearingsNote
	// counts them in a sentence, or says there were none.
	Hearings     []TermHearing
	HearingsNote string
	Training     []TrainingRow
	Trainings    []TrainingItem
	TrainingNote string
	Charts       []ChartView
	// Actions are the commendations and sanctions of this term, newest
	// first; KeepsActions says whether the county publishes them at all
	// (the actions table is optional), so that "none recorded" means none.
	Actions      []ActionRow
	KeepsActions bool
	// Carried is set when the term ended with open pledges: they stay with
	// the office (marked in Pledges), and this says who holds it now.
	Carried *CarriedView
	// Inherited are open pledges of earlier terms that this term now holds.
	Inherited []PledgeRow
}

// CarriedView says that a former secretary's open pledges stay with the
// office, and who holds the office on as_of (Holder.Label "" while vacant).
type CarriedView struct {
	Note   string // the words before the holder's name
	Holder Link
	After  string // the words after it: "." in English
}

// TermHearing is one hearing of a term, as the village page lists it
// (VillageHearing), and for one still to be held how soon ("还有 44 天").
type TermHearing struct {
	VillageHearing
	When string // for Upcoming: "今日召开", "明天召开", "还有 44 天"
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
	v := d.VillageOf(sec.VillageID) // there is one: the reference was checked
	title := s.C.Tf("secretary_title", "name", sec.Name, "village", v.Name, "role", s.C.Enum(schema.Roles, sec.Role))
	p := s.frame(path, title, route.Section(route.SecretaryPage), s.villageCrumbs(path, v, true)...)
	view := &SecretaryView{Person: s.person(path, si), Village: Link{Label: v.Name, Href: route.Rel(path, route.Village(v.ID))}}
	for _, o := range d.SecretariesOf.Of(v.ID) {
		if int(o) != si && d.Secretaries[o].Name == sec.Name {
			view.OtherTerms = append(view.OtherTerms, s.person(path, int(o)))
		}
	}
	var tally dataset.PledgeTally
	for _, pi := range d.PledgesBy.Of(sec.ID) {
		view.Pledges = append(view.Pledges, s.pledgeRow(path, int(pi), false))
		tally.Add(&d.Pledges[pi])
	}
	if tally.Pledges > 0 {
		view.Tally = s.tallyChips(tally)
	}
	for _, ai := range reverse(d.AppraisalsBy.Of(sec.ID)) {
		view.Appraisals = append(view.Appraisals, s.appraisalRow(path, int(ai), false))
	}
	view.Hearings, view.HearingsNote = s.termHearings(path, si, v.Name)
	for _, ti := range reverse(d.TrainingYearOf.Of(sec.ID)) {
		view.Training = append(view.Training, s.trainingRow(&d.TrainingYears[ti], sec.Name))
	}
	for _, ti := range reverse(d.TrainingsOf.Of(sec.ID)) {
		t := &d.Trainings[ti]
		item := TrainingItem{Date: s.date(t.Date), Kind: s.C.Enum(schema.TrainingKinds, t.Kind), Title: t.Title, Points: i18n.Num(t.Points)}
		if t.Days != nil {
			item.Days = i18n.Num(*t.Days)
		}
		view.Trainings = append(view.Trainings, item)
	}
	view.TrainingNote = s.trainingRule
	view.KeepsActions = len(d.Actions) > 0
	for _, ai := range reverse(d.ActionsFor.Of(sec.ID)) {
		view.Actions = append(view.Actions, s.actionRow(path, int(ai), false))
	}
	view.Carried = s.carried(path, si)
	for _, pi := range d.PledgesOf.Of(v.ID) {
		if pl := &d.Pledges[pi]; pl.CarriedOver && pl.Holder == sec.ID {
			view.Inherited = append(view.Inherited, s.pledgeRow(path, int(pi), false))
		}
	}
	sortPledges(view.Inherited)
	p.Main = view
	return p, nil
}

// termHearings lists the hearings of a term's village in the term
// (Dataset.HearingsInTerm), newest first, and says in a sentence how many
// were held there and how many are still to be held, or that none were.
func (s *Site) termHearings(path string, si int, village string) ([]TermHearing, string) {
	d := s.D
	asOf := d.Site.AsOf
	list := d.HearingsInTerm(si)
	rows := make([]TermHearing, 0, len(list))
	held, awaited := 0, 0
	// As the village page lists them: those still to be held first, the
	// soonest first, then the others, newest first.
	for _, hi := range list {
		if h := &d.Hearings[hi]; h.Awaited(asOf) {
			rows = append(rows, TermHearing{VillageHearing: s.villageHearing(path, hi), When: s.untilHearing(h)})
			awaited++
		}
	}
	for k := len(list) - 1; k >= 0; k-- {
		if h := &d.Hearings[list[k]]; !h.Awaited(asOf) {
			rows = append(rows, TermHearing{VillageHearing: s.villageHearing(path, list[k])})
			if h.Held(asOf) {
				held++
			}
		}
	}
	note := s.C.Tn("term_hearings.held", float64(held), "n", s.C.Int(held), "village", village)
	if held == 0 {
		note = s.C.Tf("term_hearings.none", "village", village)
	}
	if awaited > 0 {
		note += s.C.Tn("term_hearings.awaited", float64(awaited), "n", s.C.Int(awaited))
	}
	return rows, note
}

// carried says where a former secretary's open pledges went, or nil when
// the term has none carried over.
func (s *Site) carried(path string, si int) *CarriedView {
	d := s.D
	sec := &d.Secretaries[si]
	n, holder := 0, ""
	for _, pi := range d.PledgesBy.Of(sec.ID) {
		if pl := &d.Pledges[pi]; pl.CarriedOver {
			n, holder = n+1, pl.Holder
		}
	}
	if n == 0 {
		return nil
	}
	// The role is mid-sentence ("the serving first secretary"); Chinese
	// has no case, so lowering it changes only English.
	args := []string{"name", sec.Name, "date", s.date(sec.TermEnd), "n", s.C.Int(n), "role", strings.ToLower(s.C.Enum(schema.Roles, sec.Role))}
	hi, ok := d.SecretaryByID[holder]
	if !ok {
		return &CarriedView{Note: s.C.Tn("accountability.carried_over_vacant", float64(n), args...)}
	}
	// The holder's name is a link at {holder}, or after the words when
	// they have no such placeholder (a site's own words may not). The
	// words are cut before they are filled, so a name cannot cut them.
	before, after, _ := strings.Cut(s.C.Tn("accountability.carried_over_note", float64(n)), "{holder}")
	return &CarriedView{Note: i18n.Fill(before, args...), After: i18n.Fill(after, args...),
		Holder: Link{Label: d.Secretaries[hi].Name, Href: route.Rel(path, route.Secretary(holder))}}
}
