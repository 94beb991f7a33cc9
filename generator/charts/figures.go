package charts

import (
	"strconv"

	"gongshi/generator/i18n"
	"gongshi/generator/schema"
)

// latestYear returns year, or the latest appraisal year when 0.
func (m *Maker) latestYear(year int) int {
	if year != 0 {
		return year
	}
	return m.d.Facts.LatestAppraisalYear
}

// figLabel is a figure's label for a year: figure.<name>.
func (m *Maker) figLabel(name string, year int) string {
	return m.c.YearTitle(year, m.c.T("figure."+name))
}

// countLabel is the label of a figure that counts n things, in the
// singular when n is 1 ("1 Overdue pledge"): figure.<name> and its
// singular form.
func (m *Maker) countLabel(name string, year, n int) string {
	return m.c.YearTitle(year, m.c.Tn("figure."+name, float64(n)))
}

// count formats n with the unit of count.<unit> ("4 项" in Chinese).
func (m *Maker) count(unit string, n int) string {
	return m.c.Tf("count_of."+unit, "n", strconv.Itoa(n))
}

func tone(c bool, t string) string {
	if c {
		return t
	}
	return ""
}

func (m *Maker) figPledgesTotal(year int) Figure {
	n := 0
	for _, p := range m.d.Pledges {
		if inYear(p.MadeOn, year) {
			n++
		}
	}
	return Figure{Label: m.countLabel("pledges-total", year, n), Value: m.count("pledges", n)}
}

func (m *Maker) figPledgesDone(year int) Figure {
	n, done := 0, 0
	for _, p := range m.d.Pledges {
		if inYear(p.MadeOn, year) {
			n++
			if p.Status == schema.StatusDone {
				done++
			}
		}
	}
	return Figure{Label: m.figLabel("pledges-done-share", year), Value: i18n.Percent(done, n),
		Note: m.c.Tf("figure_note.done_of", "done", strconv.Itoa(done), "n", strconv.Itoa(n)), Tone: "good"}
}

func (m *Maker) asOf() string { return m.c.Tf("figure_note.as_of", "date", m.c.Date(m.d.Site.AsOf)) }

func (m *Maker) figPledgesOverdue(year int) Figure {
	n := 0
	for _, p := range m.d.Pledges {
		if p.Overdue && inYear(p.Due, year) {
			n++
		}
	}
	return Figure{Label: m.countLabel("pledges-overdue", year, n), Value: strconv.Itoa(n), Note: m.asOf(), Tone: tone(n > 0, "bad")}
}

func (m *Maker) figHearings(year int) Figure {
	n := 0
	for _, h := range m.d.Hearings {
		if h.Held(m.d.Site.AsOf) && inYear(h.Date, year) {
			n++
		}
	}
	return Figure{Label: m.countLabel("hearings-held", year, n), Value: m.count("hearings", n)}
}

func (m *Maker) figHearingsPassed(year int) Figure {
	n, ok := 0, 0
	for _, h := range m.d.Hearings {
		if h.Held(m.d.Site.AsOf) && inYear(h.Date, year) {
			n++
			if h.Outcome == schema.OutcomePassed || h.Outcome == schema.OutcomePassedAmended {
				ok++
			}
		}
	}
	return Figure{Label: m.figLabel("hearings-passed-share", year), Value: i18n.Percent(ok, n),
		Note: m.c.Tf("figure_note.hearings_of", "k", strconv.Itoa(ok), "n", strconv.Itoa(n))}
}

func (m *Maker) figFiveStar(year int) Figure {
	year = m.latestYear(year)
	n, all := 0, 0
	for _, a := range m.d.Appraisals {
		if a.Year == year {
			all++
			if a.TeamStars != nil && *a.TeamStars == 5 {
				n++
			}
		}
	}
	return Figure{Label: m.countLabel("five-star-teams", year, n), Value: strconv.Itoa(n),
		Note: m.c.Tf("figure_note.share_appraised", "pct", i18n.Percent(n, all)), Tone: "good"}
}

func (m *Maker) figTopGrade(year int) Figure {
	year = m.latestYear(year)
	top := m.d.Rules.TopGrade()
	n := 0
	for _, a := range m.d.Appraisals {
		if a.Year == year && a.Grade == top {
			n++
		}
	}
	label := m.c.YearTitle(year, m.c.Tn("figure.top-grade-secretaries", float64(n), "grade", m.c.Grade(top)))
	return Figure{Label: label, Value: m.count("people", n), Tone: "good"}
}

func (m *Maker) figAvgStars(year int) Figure {
	year = m.latestYear(year)
	sum, n := 0.0, 0.0
	for _, a := range m.d.Appraisals {
		if a.Year == year && a.TeamStars != nil {
			sum += float64(*a.TeamStars)
			n++
		}
	}
	return Figure{Label: m.figLabel("avg-team-stars", year), Value: strconv.FormatFloat(avg(sum, n), 'f', 1, 64), Note: m.c.T("figure_note.of_five_stars")}
}

func (m *Maker) figTrainingOK(year int) Figure {
	year = latestTrainingYear(m.d, year)
	v := m.training(year).Series[0].Values
	ok := int(v[1] + v[2])
	all := ok + int(v[0])
	return Figure{Label: m.figLabel("training-qualified-share", year), Value: i18n.Percent(ok, all),
		Note: m.c.Tn("figure_note.people_of", float64(all), "k", strconv.Itoa(ok), "n", strconv.Itoa(all))}
}

func (m *Maker) figNeedsAdjust(year int) Figure {
	year = m.latestYear(year)
	n := 0
	for _, a := range m.d.Appraisals {
		if a.Year == year && a.NeedsAdjust {
			n++
		}
	}
	return Figure{Label: m.countLabel("needs-adjust", year, n), Value: m.count("people", n), Tone: tone(n > 0, "bad")}
}

func (m *Maker) figVillages(_ int) Figure {
	return Figure{Label: m.countLabel("villages", 0, len(m.d.Villages)), Value: m.count("villages", len(m.d.Villages))}
}

func (m *Maker) figServing(_ int) Figure {
	return Figure{Label: m.countLabel("secretaries-serving", 0, len(m.d.Facts.Serving)), Value: m.count("people", len(m.d.Facts.Serving)), Note: m.asOf()}
}
