package site

import (
	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

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

// hearingYears returns the hearings of each year, and the years ascending.
func (s *Site) hearingYears() (map[int][]int, []int) {
	byYear := map[int][]int{}
	for i, h := range s.D.Hearings {
		y := dataset.Year(h.Date)
		byYear[y] = append(byYear[y], i)
	}
	return byYear, sortedYears(byYear)
}

// hearingsCharts are the county charts of the years' hearings pages.
func (s *Site) hearingsCharts() []countyChart {
	_, years := s.hearingYears()
	var out []countyChart
	for _, y := range years {
		out = append(out, countyChart{"hearing-outcomes", y})
	}
	return out
}

// hearingsPages plans the index of years and each year's hearings (split
// by township when long).
func (s *Site) hearingsPages() []entry {
	d := s.D
	section := route.Section(route.HearingsPage)
	byYear, years := s.hearingYears()
	out := []entry{s.yearsPage(section, route.HearingsPath, "hearings", "hearings_intro", years, route.Hearings,
		func(y int) int { return len(byYear[y]) }, route.CalendarPath)}
	for _, y := range years {
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
		// Outcomes are counted over the hearings held: one announced (待召开)
		// has no outcome yet and is counted apart.
		counts, held, scheduled := map[string]int{}, 0, 0
		for _, hi := range rows {
			if h := &d.Hearings[hi]; h.Held(d.Site.AsOf) {
				counts[h.Outcome]++
				held++
			} else if h.Outcome == schema.OutcomeScheduled {
				scheduled++
			}
		}
		out = append(out, listing(route.Hearings(y), "hearings", groups, func(path string, lv ListView, township string) (*Page, error) {
			p := s.frame(path, itoa(y)+" "+s.T("hearings_year"), section, Link{Label: s.T("hearings"), Href: route.Rel(path, route.HearingsPath)})
			if township != "" {
				p.Title = township + " " + p.Title
				p.Crumbs = append(p.Crumbs, Link{Label: itoa(y), Href: route.Rel(path, route.Hearings(y))})
			}
			v := &HearingsView{Year: y, List: lv, Township: township}
			if township == "" {
				v.Facts = []Fact{{Label: s.T("hearings_held"), Value: s.C.Int(held)}}
				if scheduled > 0 {
					v.Facts = append(v.Facts, Fact{Label: s.T("accountability.hearings_scheduled"), Value: s.C.Int(scheduled)})
				}
				for _, o := range schema.Outcomes {
					if o.Zh != schema.OutcomeScheduled {
						v.Outcomes = append(v.Outcomes, StatusCount{Status: s.badge(schema.Outcomes, o.Zh), Count: counts[o.Zh], Pct: i18n.Pct(counts[o.Zh], held)})
					}
				}
				v.Years = s.yearLinks(path, years, y, route.Hearings)
				cs := newChartSet(path, nil)
				s.countyCharts(cs, []countyChart{{"hearing-outcomes", y}})
				v.Charts = cs.views
				withScripts(p, true)
			}
			p.Main = v
			return p, nil
		})...)
	}
	return out
}
