package site

import (
	"sort"

	"gongshi/generator/opendata"
	"gongshi/generator/route"
)

// YearsView lists the years of a section (ratings, hearings, reports).
type YearsView struct {
	Years    []YearLink
	Intro    string
	Calendar string // hearings: link to the calendar of every hearing
	// Upcoming is, on the hearings index, the hearings announced and still
	// to be held, nearest first; nil on the other sections' indexes.
	Upcoming *UpcomingView
}

// YearLink is one year with a count.
type YearLink struct {
	Year  int
	Href  string
	Count int
}

// yearsPage plans a section's index of years (ratings/, hearings/,
// reports/), newest first, each linking to dir(year) with its count (0: not
// shown).
func (s *Site) yearsPage(kind string, dirPath, titleKey, introKey string, years []int, dir func(int) string, count func(int) int, calendar string) entry {
	path := route.File(dirPath)
	return entry{path: path, layout: "years", build: func() (*Page, error) {
		p := s.frame(path, s.T(titleKey), kind)
		v := &YearsView{Intro: s.T(introKey)}
		if calendar != "" {
			v.Calendar = route.Rel(path, calendar)
		}
		for k := len(years) - 1; k >= 0; k-- {
			v.Years = append(v.Years, YearLink{Year: years[k], Href: route.Rel(path, dir(years[k])), Count: count(years[k])})
		}
		p.Main = v
		return p, nil
	}}
}

// yearLinks links every year of a section, marking the current one.
func (s *Site) yearLinks(path string, years []int, current int, dir func(int) string) []Link {
	out := make([]Link, 0, len(years))
	for _, y := range years {
		out = append(out, Link{Label: itoa(y), Href: route.Rel(path, dir(y)), Current: y == current})
	}
	return out
}

func sortedYears[V any](m map[int]V) []int {
	var ys []int
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// yearData links, from the page at path, the downloads of the tables' rows
// of one year (data/<year>/<table>.csv), which the year's page is a view of.
func (s *Site) yearData(path string, year int, tables ...string) []Link {
	var out []Link
	for _, t := range tables {
		out = append(out, Link{Label: t + ".csv", Href: route.Rel(path, opendata.YearCSVPath(year, t))})
	}
	return out
}
