package charts

import (
	"strconv"

	"gongshi/generator/i18n"
	"gongshi/generator/schema"
)

// tableHead returns a table's header from catalogue keys column.<key>.
func (m *Maker) tableHead(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = m.c.T("column." + k)
	}
	return out
}

// townshipOf returns the name of the township of the village id.
func (m *Maker) townshipOf(village string) string {
	if v := m.d.VillageOf(village); v != nil {
		return m.d.TownshipName(v.TownshipID)
	}
	return ""
}

// villageName returns the name of the village id, or the ID itself.
func (m *Maker) villageName(id string) string {
	if v := m.d.VillageOf(id); v != nil {
		return v.Name
	}
	return id
}

func (m *Maker) secretaryName(id string) string {
	if i, ok := m.d.SecretaryByID[id]; ok {
		return m.d.Secretaries[i].Name
	}
	return id
}

// limitRows keeps the first limit rows and says so in the title.
func (m *Maker) limitRows(t Table, limit int) Table {
	if len(t.Rows) > limit {
		t.Title += m.c.Tf("table_note.limited", "n", strconv.Itoa(len(t.Rows)), "limit", strconv.Itoa(limit))
		t.Rows = t.Rows[:limit]
	}
	return t
}

func (m *Maker) tabOverdue(year, limit int) Table {
	// The ID and township make each row traceable: village names repeat
	// across a county's townships.
	t := Table{Title: m.c.YearTitle(year, m.c.T("table.overdue-pledges")), Head: m.tableHead("id", "township", "village", "pledge", "due", "status", "progress")}
	for _, p := range m.d.Pledges {
		if !p.Overdue || !inYear(p.Due, year) {
			continue
		}
		prog := ""
		if p.Progress != nil {
			prog = strconv.Itoa(*p.Progress) + "%"
		}
		t.Rows = append(t.Rows, []string{p.ID, m.townshipOf(p.VillageID), m.villageName(p.VillageID), p.Title, p.Due, m.c.Enum(schema.PledgeStatuses, p.Status), prog})
	}
	return m.limitRows(t, limit)
}

func (m *Maker) tabGrades(year, limit int) Table {
	year = m.latestYear(year)
	counts := map[string]int{}
	all := 0
	for _, a := range m.d.Appraisals {
		if a.Year == year {
			counts[a.Grade]++
			all++
		}
	}
	t := Table{Title: m.c.YearTitle(year, m.c.T("table.grades")), Head: m.tableHead("grade", "people", "share", "consequence")}
	for _, g := range m.d.Rules.GradeNames() {
		t.Rows = append(t.Rows, []string{m.c.Grade(g), strconv.Itoa(counts[g]), i18n.Percent(counts[g], all), m.c.Consequence(g, m.d.Rules.Appraisal.Consequences[g], m.d.Rules.Appraisal.BuiltInConsequences)})
	}
	return m.limitRows(t, limit)
}

func (m *Maker) tabTownships(year, limit int) Table {
	d := m.pledgeStatus(year)
	t := Table{Title: d.Title, Head: m.tableHead("township", "pledges", "done", "done_share")}
	done := indexOf(schema.PledgeStatuses.Values(), schema.StatusDone)
	for i, c := range d.Categories {
		total := 0.0
		for _, s := range d.Series {
			total += s.Values[i]
		}
		dn := d.Series[done].Values[i]
		t.Rows = append(t.Rows, []string{c, fmtValue(total), fmtValue(dn), i18n.Percent(int(dn), int(total))})
	}
	return m.limitRows(t, limit)
}

func (m *Maker) tabNeedsAdjust(year, limit int) Table {
	year = m.latestYear(year)
	t := Table{Title: m.c.YearTitle(year, m.c.T("table.needs-adjust")), Head: m.tableHead("village", "secretary", "grade", "years_in_row")}
	for _, a := range m.d.Appraisals {
		if a.Year == year && a.NeedsAdjust {
			t.Rows = append(t.Rows, []string{m.villageName(a.VillageID), m.secretaryName(a.SecretaryID), m.c.Grade(a.Grade), strconv.Itoa(a.LowestStreak)})
		}
	}
	return m.limitRows(t, limit)
}

func (m *Maker) tabTrainingBad(year, limit int) Table {
	year = latestTrainingYear(m.d, year)
	t := Table{Title: m.c.YearTitle(year, m.c.T("table.training-unqualified")), Head: m.tableHead("village", "secretary", "points", "training_days")}
	for _, ty := range m.d.TrainingYears {
		if ty.Year != year || ty.PointsOK {
			continue
		}
		vid := ""
		if i, ok := m.d.SecretaryByID[ty.SecretaryID]; ok {
			vid = m.d.Secretaries[i].VillageID
		}
		t.Rows = append(t.Rows, []string{m.villageName(vid), m.secretaryName(ty.SecretaryID), fmtValue(ty.Points), fmtValue(ty.Days)})
	}
	return m.limitRows(t, limit)
}
