package site

import "gongshi/generator/schema"

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
	d := s.D
	T := s.Theme.T
	r := d.Rules
	p := s.frame(path, T("rules"), "rules")
	w := r.Appraisal.Weights
	v := &RulesView{
		Weights: []Fact{
			{Label: T("masses_score"), Value: fmtNum(w.Masses*100) + "%"},
			{Label: T("members_score"), Value: fmtNum(w.Members*100) + "%"},
			{Label: T("org_score"), Value: fmtNum(w.Org*100) + "%"},
		},
		PoorYears: r.Appraisal.ConsecutivePoorYears, Lowest: r.LowestGrade(), Top: r.TopGrade(),
		MinPoints: fmtNum(r.Training.MinPoints), ExcPoints: fmtNum(r.Training.ExcellencePoints), MinDays: fmtNum(r.Training.MinDays),
		OpenStatuses: s.Theme.T("open_statuses"),
	}
	for i, g := range r.Appraisal.Grades {
		rng := fmtNum(g.Min) + " " + T("points_and_above")
		if i > 0 {
			rng = fmtNum(g.Min) + "–" + fmtNum(r.Appraisal.Grades[i-1].Min) + " " + T("points_below_upper")
		}
		v.Grades = append(v.Grades, GradeRule{Grade: g.Grade, Class: s.gradeClass(g.Grade), Range: rng, Consequence: r.Appraisal.Consequences[g.Grade]})
	}
	for _, st := range schema.PledgeStatuses {
		v.Statuses = append(v.Statuses, badge(schema.PledgeStatuses, st.Zh))
	}
	for _, o := range schema.Outcomes {
		v.Outcomes = append(v.Outcomes, badge(schema.Outcomes, o.Zh))
	}
	p.Main = v
	return p, nil
}

// NotFoundView is the 404 page.
type NotFoundView struct {
	Home string
}

// notFound is the one page whose links start from base_url rather than from
// the page: a web server shows 404.html at whatever address was missing, at
// any depth, where relative links could not work. (Opened from disk it is
// never shown.) Set base_url to the folder the site is published in.
func (s *Site) notFound(path string) (*Page, error) {
	p := s.frame(path, s.Theme.T("not_found"), "")
	p.Canonical = "" // shown at any missing URL: it is nobody's canonical page
	base := s.D.Site.BaseURL
	p.Home = base
	p.CSS = base + "css/site.css"
	p.FeedHref = base + "feed.xml"
	for i := range p.Nav {
		p.Nav[i].Href = base + p.Nav[i].Href
	}
	for i := range p.Footer {
		p.Footer[i].Href = base + p.Footer[i].Href
	}
	p.Crumbs = nil
	p.Main = &NotFoundView{Home: base}
	return p, nil
}
