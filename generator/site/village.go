package site

import (
	"gongshi/generator/route"
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

// PledgeGroup is the pledges of one kind.
type PledgeGroup struct {
	Kind    string
	Pledges []PledgeRow
}

func (s *Site) village(path string, vi int) (*Page, error) {
	d := s.D
	v := &d.Villages[vi]
	p := s.frame(path, v.Name, route.Section(route.VillagePage), s.villageCrumbs(path, v, false)...)
	p.Description = s.C.Tf("village_description", "village", v.Name)
	view := &VillageView{Name: v.Name}
	if t := s.townshipOf(v); t != nil {
		view.Township = Link{Label: t.Name, Href: route.Rel(path, route.Township(t.ID))}
	}
	if v.Population != nil {
		view.Figures = append(view.Figures, Fact{Label: s.T("population"), Value: s.C.Int(*v.Population)})
	}
	if v.Households != nil {
		view.Figures = append(view.Figures, Fact{Label: s.T("households"), Value: s.C.Int(*v.Households)})
	}
	if v.PartyMembers != nil {
		view.Figures = append(view.Figures, Fact{Label: s.T("party_members"), Value: s.C.Int(*v.PartyMembers)})
	}
	if v.CollectiveIncome != nil {
		view.Figures = append(view.Figures, Fact{Label: s.T("collective_income"), Value: s.C.Yuan(*v.CollectiveIncome)})
	}
	f := d.Facts.Village[vi]
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
	if len(view.Serving) == 2 && view.Serving[0].role != schema.RoleSecretary {
		view.Serving[0], view.Serving[1] = view.Serving[1], view.Serving[0]
	}
	view.PledgeFacts = s.pledgeFacts(f)
	byKind := map[string][]PledgeRow{}
	for _, pi := range d.PledgesOf[v.ID] {
		k := d.Pledges[pi].Kind
		byKind[k] = append(byKind[k], s.pledgeRow(path, pi, false))
	}
	for _, k := range schema.PledgeKinds {
		if rows := byKind[k.Zh]; len(rows) > 0 {
			sortPledges(rows)
			view.PledgeGroups = append(view.PledgeGroups, PledgeGroup{Kind: s.C.Enum(schema.PledgeKinds, k.Zh), Pledges: rows})
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
		view.QR = qrSVG(p.Canonical, s.T("qr_title"))
	}
	cs, files, err := s.Charts.Village(v.ID)
	if err == nil && len(cs) > 0 {
		set := newChartSet(path, nil)
		for _, c := range cs {
			set.add(c)
			p.Files = append(p.Files, OutFile{Path: c.CSV, Data: files[c.CSV]})
		}
		view.Charts = set.views
		withScripts(p, true)
	}
	p.Main = view
	return p, nil
}
