package site

import (
	"gongshi/generator/dataset"
	"sort"

	"gongshi/generator/schema"
)

// YearsView lists the years of a section (ratings, hearings, reports).
type YearsView struct {
	Years    []YearLink
	Intro    string
	Calendar string // hearings: link to the calendar of every hearing
}

// YearLink is one year with a count.
type YearLink struct {
	Year  int
	Href  string
	Count int
}

// RatingsView is one year's appraisals.
type RatingsView struct {
	Year      int
	Facts     []Fact
	Grades    []GradeCount
	Adjust    []AppraisalRow // secretaries at the lowest grade for consecutive_poor_years
	List      ListView
	Township  string
	Years     []Link
	Charts    []ChartView
	RulesHref string
}

// GradeCount is how many secretaries got a grade.
type GradeCount struct {
	Grade       string
	Class       string
	Count       int
	Pct         int
	Consequence string
}

func (s *Site) appraisalYears() map[int][]int {
	byYear := map[int][]int{}
	for i, a := range s.D.Appraisals {
		byYear[a.Year] = append(byYear[a.Year], i)
	}
	return byYear
}

func sortedYears[V any](m map[int]V) []int {
	var ys []int
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

func (s *Site) ratingPages() []entry {
	d := s.D
	T := s.Theme.T
	byYear := s.appraisalYears()
	years := sortedYears(byYear)
	out := []entry{s.yearsPage("ratings", "ratings", "ratings_intro", years, ratingsPath, func(y int) int { return len(byYear[y]) })}
	for _, y := range years {
		y := y
		rows := byYear[y]
		groups := townshipGroups(s, func(vid string) []int {
			var list []int
			for _, ai := range d.AppraisalsOf[vid] {
				if d.Appraisals[ai].Year == y {
					list = append(list, ai)
				}
			}
			return list
		}, func(path string, ai int) AppraisalRow { return s.appraisalRow(path, ai, true) })
		counts := map[string]int{}
		fiveStar, starSum, starN := 0, 0, 0
		var adjust []int
		for _, ai := range rows {
			a := &d.Appraisals[ai]
			counts[a.Grade]++
			if a.TeamStars != nil {
				starSum += *a.TeamStars
				starN++
				if *a.TeamStars == 5 {
					fiveStar++
				}
			}
			if a.NeedsAdjust {
				adjust = append(adjust, ai)
			}
		}
		out = append(out, listing(ratingsPath(y), "ratings", groups, func(path string, lv ListView, township string) (*Page, error) {
			p := s.frame(path, itoa(y)+" "+T("ratings_year"), "ratings", Link{Label: T("ratings"), Href: rel(path, "ratings/")})
			if township != "" {
				p.Title = township + " " + p.Title
				p.Crumbs = append(p.Crumbs, Link{Label: itoa(y), Href: rel(path, ratingsPath(y))})
			}
			v := &RatingsView{Year: y, List: lv, Township: township, RulesHref: rel(path, "rules/")}
			if township == "" {
				v.Facts = []Fact{
					{Label: T("appraised"), Value: fmtInt(len(rows))},
					{Label: T("five_star_teams"), Value: fmtInt(fiveStar), Tone: "good"},
				}
				if starN > 0 {
					v.Facts = append(v.Facts, Fact{Label: T("avg_team_stars"), Value: fmtFixed(float64(starSum)/float64(starN), 1)})
				}
				v.Facts = append(v.Facts, Fact{Label: T("needs_adjust"), Value: fmtInt(len(adjust)), Tone: toneIf(len(adjust) > 0, "bad")})
				for _, g := range d.Rules.Appraisal.Grades {
					v.Grades = append(v.Grades, GradeCount{Grade: g.Grade, Class: s.gradeClass(g.Grade), Count: counts[g.Grade],
						Pct: percent(counts[g.Grade], len(rows)), Consequence: d.Rules.Appraisal.Consequences[g.Grade]})
				}
				for _, ai := range adjust {
					v.Adjust = append(v.Adjust, s.appraisalRow(path, ai, true))
				}
				for _, yy := range years {
					v.Years = append(v.Years, Link{Label: itoa(yy), Href: rel(path, ratingsPath(yy)), Current: yy == y})
				}
			}
			p.Main = v
			return p, nil
		})...)
	}
	return out
}

// HearingsView is one year's hearings.
type HearingsView struct {
	Year     int
	Facts    []Fact
	Outcomes []StatusCount
	List     ListView
	Township string
	Years    []Link
	Charts   []ChartView
}

// HearingView is one hearing: who came, how they voted, what was asked.
type HearingView struct {
	Row        HearingRow
	Village    Link
	Category   string
	NoticeDate string
	Attendance []Fact
	VoteFacts  []Fact
	Summary    string
	FollowUp   string
	Questions  []QuestionView
}

// QuestionView is one question and answer (roles, never names).
type QuestionView struct {
	Seq        int
	Question   string
	Answer     string
	AskedBy    string
	AnsweredBy string
}

func (s *Site) hearingPages() []entry {
	d := s.D
	T := s.Theme.T
	byYear := map[int][]int{}
	for i, h := range d.Hearings {
		byYear[dataset.Year(h.Date)] = append(byYear[dataset.Year(h.Date)], i)
	}
	years := sortedYears(byYear)
	out := []entry{s.yearsPage("hearings", "hearings", "hearings_intro", years, hearingsPath, func(y int) int { return len(byYear[y]) })}
	for _, y := range years {
		y := y
		rows := byYear[y]
		groups := townshipGroups(s, func(vid string) []int {
			var list []int
			for _, hi := range d.HearingsOf[vid] {
				if dataset.Year(d.Hearings[hi].Date) == y {
					list = append(list, hi)
				}
			}
			return list
		}, func(path string, hi int) HearingRow { return s.hearingRow(path, hi, true) })
		counts := map[string]int{}
		for _, hi := range rows {
			counts[d.Hearings[hi].Outcome]++
		}
		out = append(out, listing(hearingsPath(y), "hearings", groups, func(path string, lv ListView, township string) (*Page, error) {
			p := s.frame(path, itoa(y)+" "+T("hearings_year"), "hearings", Link{Label: T("hearings"), Href: rel(path, "hearings/")})
			if township != "" {
				p.Title = township + " " + p.Title
				p.Crumbs = append(p.Crumbs, Link{Label: itoa(y), Href: rel(path, hearingsPath(y))})
			}
			v := &HearingsView{Year: y, List: lv, Township: township}
			if township == "" {
				v.Facts = []Fact{{Label: T("hearings_held"), Value: fmtInt(len(rows))}}
				for _, o := range schema.Outcomes {
					v.Outcomes = append(v.Outcomes, StatusCount{Status: badge(schema.Outcomes, o.Zh), Count: counts[o.Zh], Pct: percent(counts[o.Zh], len(rows))})
				}
				for _, yy := range years {
					v.Years = append(v.Years, Link{Label: itoa(yy), Href: rel(path, hearingsPath(yy)), Current: yy == y})
				}
			}
			p.Main = v
			return p, nil
		})...)
	}
	return out
}

func (s *Site) hearing(path string, hi int) (*Page, error) {
	d := s.D
	h := &d.Hearings[hi]
	v := &d.Villages[d.VillageByID[h.VillageID]]
	p := s.frame(path, h.Topic, "hearings", s.villageCrumbs(path, v, true)...)
	T := s.Theme.T
	view := &HearingView{Row: s.hearingRow(path, hi, false), Village: Link{Label: v.Name, Href: rel(path, villagePath(v.ID))},
		Category: h.Category, NoticeDate: s.date(h.NoticeDate), Summary: h.Summary, FollowUp: h.FollowUp}
	for _, f := range []struct {
		key string
		v   *int
	}{{"attendees", h.Attendees}, {"party_members", h.PartyMembers}, {"villager_reps", h.VillagerReps}, {"experts", h.Experts}} {
		if f.v != nil {
			view.Attendance = append(view.Attendance, Fact{Label: T(f.key), Value: fmtInt(*f.v)})
		}
	}
	for _, f := range []struct {
		key, tone string
		v         *int
	}{{"votes_for", "good", h.VotesFor}, {"votes_against", "bad", h.VotesAgainst}, {"votes_abstain", "", h.VotesAbstain}} {
		if f.v != nil {
			view.VoteFacts = append(view.VoteFacts, Fact{Label: T(f.key), Value: fmtInt(*f.v), Tone: f.tone})
		}
	}
	for _, qi := range d.QuestionsOf[h.ID] {
		q := &d.HearingQuestions[qi]
		view.Questions = append(view.Questions, QuestionView{Seq: q.Seq, Question: q.Question, Answer: q.Answer, AskedBy: q.AskedBy, AnsweredBy: q.AnsweredBy})
	}
	p.Main = view
	return p, nil
}
