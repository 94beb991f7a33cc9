package site

import (
	"gongshi/generator/i18n"
	"gongshi/generator/route"
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
	v := &d.Villages[d.VillageByID[sec.VillageID]]
	title := s.C.Tf("secretary_title", "name", sec.Name, "village", v.Name, "role", s.C.Enum(schema.Roles, sec.Role))
	p := s.frame(path, title, route.Section(route.SecretaryPage), s.villageCrumbs(path, v, true)...)
	view := &SecretaryView{Person: s.person(path, si), Village: Link{Label: v.Name, Href: route.Rel(path, route.Village(v.ID))}}
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
		item := TrainingItem{Date: s.date(t.Date), Kind: s.C.Enum(schema.TrainingKinds, t.Kind), Title: t.Title, Points: i18n.Num(t.Points)}
		if t.Days != nil {
			item.Days = i18n.Num(*t.Days)
		}
		view.Trainings = append(view.Trainings, item)
	}
	view.TrainingNote = s.trainingNote()
	p.Main = view
	return p, nil
}
