package site

import (
	"sort"

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
	Jump     []Link // on a page that holds several townships: links to each
	Township string
	Years    []Link
	Charts   []ChartView
	Data     []Link // the year's rows to download (data/<year>/hearings.csv)
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

// hearingsCharts are the county charts of the years' hearings pages: the
// outcomes of each year in which a hearing was held (a year of hearings
// only announced has no outcome to chart).
func (s *Site) hearingsCharts() []countyChart {
	var out []countyChart
	for _, y := range sortedYears(s.heldYears) {
		out = append(out, countyChart{"hearing-outcomes", y})
	}
	return out
}

// heldYears returns the years in which a hearing was held by as_of.
func heldYears(d *dataset.Dataset) map[int]bool {
	out := map[int]bool{}
	for i := range d.Hearings {
		if h := &d.Hearings[i]; h.Held(d.Site.AsOf) {
			out[dataset.Year(h.Date)] = true
		}
	}
	return out
}

// hearingsPages plans the index of years and each year's hearings (split
// by township when long).
func (s *Site) hearingsPages() []entry {
	d := s.D
	section := route.Section(route.HearingsPage)
	byYear, years := s.hearingYears()
	index := s.yearsPage(section, route.HearingsPath, "hearings", "hearings_intro", years, route.Hearings,
		func(y int) int { return len(byYear[y]) }, route.CalendarPath)
	plain := index.build
	index.build = func() (*Page, error) { // the index leads with the hearings still to be held
		p, err := plain()
		if err != nil {
			return nil, err
		}
		up := s.upcoming(p.Path, 0)
		p.Main.(*YearsView).Upcoming = &up
		return p, nil
	}
	out := []entry{index}
	for _, y := range years {
		rows := byYear[y]
		groups := s.hearingGroups(rows)
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
			v := &HearingsView{Year: y, List: lv, Township: township, Jump: jumpLinks(lv)}
			withSort(p, lv)
			if township == "" {
				v.Facts = []Fact{{Label: s.C.Tn("hearings_held", float64(held)), Value: s.C.Int(held)}}
				if scheduled > 0 {
					v.Facts = append(v.Facts, Fact{Label: s.C.Tn("accountability.hearings_scheduled", float64(scheduled)), Value: s.C.Int(scheduled)})
				}
				for _, o := range schema.Outcomes {
					if o.Zh != schema.OutcomeScheduled && held > 0 {
						v.Outcomes = append(v.Outcomes, StatusCount{Status: s.badge(schema.Outcomes, o.Zh), Count: counts[o.Zh], Pct: i18n.Pct(counts[o.Zh], held)})
					}
				}
				v.Years = s.yearLinks(path, years, y, route.Hearings)
				v.Data = s.yearData(path, y, "hearings")
				if held > 0 {
					cs := newChartSet(path, nil)
					s.countyCharts(cs, []countyChart{{"hearing-outcomes", y}})
					v.Charts = cs.views
					withScripts(p, true)
				}
			}
			p.Main = v
			return p, nil
		})...)
	}
	return out
}

// HearingLine is one hearing in a table that js/sort.js can sort.
type HearingLine struct {
	HearingRow
	DateSort    string // the normalised date
	OutcomeSort int    // the outcome's place in schema.Outcomes
}

// hearingGroups groups a year's hearings (positions in Hearings) by
// township, each township's by date (then village ID, then input order).
func (s *Site) hearingGroups(year []int) []group {
	d := s.D
	byTownship := map[string][]int{}
	for _, hi := range year {
		if v := d.VillageOf(d.Hearings[hi].VillageID); v != nil {
			byTownship[v.TownshipID] = append(byTownship[v.TownshipID], hi)
		}
	}
	var groups []group
	for _, ti := range d.Facts.TownshipOrder {
		t := &d.Townships[ti]
		list := byTownship[t.ID]
		sort.SliceStable(list, func(i, j int) bool {
			a, b := &d.Hearings[list[i]], &d.Hearings[list[j]]
			if a.Date != b.Date {
				return a.Date < b.Date
			}
			return a.VillageID < b.VillageID
		})
		groups = append(groups, group{id: t.ID, name: t.Name, n: len(list), rows: func(path string, from, to int) any {
			rows := make([]HearingLine, 0, to-from)
			for _, hi := range list[from:to] {
				h := &d.Hearings[hi]
				l := HearingLine{HearingRow: s.hearingRow(path, hi, true), DateSort: h.Date}
				for i, o := range schema.Outcomes {
					if o.Zh == h.Outcome {
						l.OutcomeSort = i
					}
				}
				rows = append(rows, l)
			}
			return rows
		}})
	}
	return groups
}
