package site

import (
	"strconv"

	"gongshi/generator/i18n"
	"gongshi/generator/route"
)

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
	Data      []Link // the year's rows to download (data/<year>/appraisals.csv)
}

// GradeCount is how many secretaries got a grade.
type GradeCount struct {
	Grade       string
	Class       string
	Count       int
	Pct         int
	Consequence string
}

// ratingsCharts are the county charts of a year's ratings page.
func (s *Site) ratingsCharts() []countyChart {
	var out []countyChart
	for _, y := range s.D.Facts.AppraisalYears {
		out = append(out, s.ratingsChartsOf(y)...)
	}
	return out
}

func (s *Site) ratingsChartsOf(y int) []countyChart {
	return []countyChart{{"grades", 0}, {"stars", 0}, {"training", y}}
}

func itoa(i int) string { return strconv.Itoa(i) }

// ratingPages plans the index of years and each year's ratings (split by
// township when long).
func (s *Site) ratingPages() []entry {
	d := s.D
	section := route.Section(route.RatingsPage)
	byYear := map[int][]int{}
	for i, a := range d.Appraisals {
		byYear[a.Year] = append(byYear[a.Year], i)
	}
	years := d.Facts.AppraisalYears
	out := []entry{s.yearsPage(section, route.RatingsPath, "ratings", "ratings_intro", years, route.Ratings, func(y int) int { return len(byYear[y]) }, "")}
	for _, y := range years {
		rows := byYear[y]
		groups := townshipGroups(s, func(vid string) []int {
			var list []int
			for _, ai := range d.AppraisalsOf.Of(vid) {
				if d.Appraisals[ai].Year == y {
					list = append(list, int(ai))
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
		out = append(out, listing(route.Ratings(y), "ratings", groups, func(path string, lv ListView, township string) (*Page, error) {
			p := s.frame(path, itoa(y)+" "+s.T("ratings_year"), section, Link{Label: s.T("ratings"), Href: route.Rel(path, route.RatingsPath)})
			if township != "" {
				p.Title = township + " " + p.Title
				p.Crumbs = append(p.Crumbs, Link{Label: itoa(y), Href: route.Rel(path, route.Ratings(y))})
			}
			v := &RatingsView{Year: y, List: lv, Township: township, RulesHref: route.Rel(path, route.Path(route.RulesPage))}
			if township == "" {
				v.Facts = []Fact{
					{Label: s.C.Tn("appraised", float64(len(rows))), Value: s.C.Int(len(rows))},
					{Label: s.C.Tn("five_star_teams", float64(fiveStar)), Value: s.C.Int(fiveStar), Tone: "good"},
				}
				if starN > 0 {
					v.Facts = append(v.Facts, Fact{Label: s.T("avg_team_stars"), Value: i18n.Fixed(float64(starSum)/float64(starN), 1)})
				}
				v.Facts = append(v.Facts, Fact{Label: s.T("needs_adjust"), Value: s.C.Int(len(adjust)), Tone: toneIf(len(adjust) > 0, "bad")})
				for _, g := range d.Rules.Appraisal.Grades {
					v.Grades = append(v.Grades, GradeCount{Grade: s.C.Grade(g.Grade), Class: s.gradeClass(g.Grade), Count: counts[g.Grade],
						Pct: i18n.Pct(counts[g.Grade], len(rows)), Consequence: s.consequence(g.Grade, d.Rules.Appraisal.Consequences[g.Grade])})
				}
				for _, ai := range adjust {
					v.Adjust = append(v.Adjust, s.appraisalRow(path, ai, true))
				}
				v.Years = s.yearLinks(path, years, y, route.Ratings)
				v.Data = s.yearData(path, y, "appraisals")
				cs := newChartSet(path, nil)
				s.countyCharts(cs, s.ratingsChartsOf(y))
				v.Charts = cs.views
				withScripts(p, true)
			}
			p.Main = v
			return p, nil
		})...)
	}
	return out
}
