package site

import (
	"strconv"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// RulesView explains, in plain language, how everything on the site is
// judged, from rules.toml.
type RulesView struct {
	Weights   []Fact // 群众测评 40% …
	Grades    []GradeRule
	PoorYears string // who is replaced, in a sentence; "" when no rule says
	Statuses  []Badge
	Overdue   string // which pledges are overdue, in a sentence
	Training  string // the training thresholds, in a sentence
	Outcomes  []Badge
}

// rulesSentences says the rules in whole sentences of the catalogue's
// language, each from one message so that each language keeps its own
// word order: who is replaced ("" when consecutive_poor_years is 0), which
// pledges are overdue, and the training thresholds.
func rulesSentences(c *i18n.Catalogue, r *dataset.Rules) (poor, overdue, training string) {
	if n := r.Appraisal.ConsecutivePoorYears; n > 0 {
		poor = c.Tn("rules_page.poor_years", float64(n), "grade", c.Grade(r.LowestGrade()), "n", strconv.Itoa(n))
	}
	overdue = c.Tf("rules_page.overdue", "statuses", openStatuses(c))
	t := r.Training
	training = c.Tn("rules_page.training", t.MinDays, "min", i18n.Num(t.MinPoints), "excellent", i18n.Num(t.ExcellencePoints),
		"top", c.Grade(r.TopGrade()), "days", i18n.Num(t.MinDays))
	return poor, overdue, training
}

// openStatuses names the statuses of open pledges (dataset.Open) as
// alternatives: "Not started, In progress or Partly done".
func openStatuses(c *i18n.Catalogue) string {
	var names []string
	for _, st := range schema.PledgeStatuses {
		if dataset.Open(st.Zh) {
			names = append(names, c.Enum(schema.PledgeStatuses, st.Zh))
		}
	}
	return c.Or(names)
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
	}
	v.PoorYears, v.Overdue, v.Training = rulesSentences(s.C, &r)
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
