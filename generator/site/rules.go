package site

import (
	"gongshi/generator/i18n"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// RulesView explains, in plain language, how everything on the site is
// judged, from rules.toml.
type RulesView struct {
	Weights      []Fact // 群众测评 40% …
	Grades       []GradeRule
	PoorYears    int
	Lowest       string
	Top          string
	MinPoints    string
	ExcPoints    string
	MinDays      string
	Statuses     []Badge
	OpenStatuses string
	Outcomes     []Badge
}

// GradeRule is one step of the grade ladder, in words.
type GradeRule struct {
	Grade       string
	Class       string
	Range       string // "90 分及以上", "75–90 分"
	Consequence string
}

func (s *Site) rules(path string) (*Page, error) {
	r := s.D.Rules
	p := s.frame(path, s.T("rules"), route.Section(route.RulesPage))
	w := r.Appraisal.Weights
	v := &RulesView{
		Weights: []Fact{
			{Label: s.T("masses_score"), Value: i18n.Num(w.Masses*100) + "%"},
			{Label: s.T("members_score"), Value: i18n.Num(w.Members*100) + "%"},
			{Label: s.T("org_score"), Value: i18n.Num(w.Org*100) + "%"},
		},
		PoorYears: r.Appraisal.ConsecutivePoorYears, Lowest: s.C.Grade(r.LowestGrade()), Top: s.C.Grade(r.TopGrade()),
		MinPoints: i18n.Num(r.Training.MinPoints), ExcPoints: i18n.Num(r.Training.ExcellencePoints), MinDays: i18n.Num(r.Training.MinDays),
		OpenStatuses: s.openStatuses(),
	}
	for i, g := range r.Appraisal.Grades {
		rng := i18n.Num(g.Min) + " " + s.T("points_and_above")
		if i > 0 {
			rng = i18n.Num(g.Min) + "–" + i18n.Num(r.Appraisal.Grades[i-1].Min) + " " + s.T("points_below_upper")
		}
		v.Grades = append(v.Grades, GradeRule{Grade: s.C.Grade(g.Grade), Class: s.gradeClass(g.Grade), Range: rng, Consequence: s.consequence(g.Grade, r.Appraisal.Consequences[g.Grade])})
	}
	for _, st := range schema.PledgeStatuses {
		v.Statuses = append(v.Statuses, s.badge(schema.PledgeStatuses, st.Zh))
	}
	for _, o := range schema.Outcomes {
		v.Outcomes = append(v.Outcomes, s.badge(schema.Outcomes, o.Zh))
	}
	p.Main = v
	return p, nil
}
