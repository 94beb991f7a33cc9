package dataset

import (
	"sort"

	"gongshi/generator/schema"
)

// Derive computes, once, the facts pages and downloads show: overdue pledges
// (judged against Site.AsOf), appraisal totals and grades where the input left
// them empty, the consequence of each grade, years in a row at the lowest
// grade, each secretary's yearly training against the thresholds, and the
// Facts many pages share. It calls Index first if needed.
func (d *Dataset) Derive() {
	if d.VillageByID == nil {
		d.Index()
	}
	asOf := d.Site.AsOf
	years := map[int]bool{}
	for i := range d.Pledges {
		p := &d.Pledges[i]
		p.Overdue = IsOverdue(p, asOf)
		p.DaysOverdue, p.DaysLate = 0, 0
		if p.Overdue {
			p.DaysOverdue = DaysBetween(p.Due, asOf)
		}
		if p.Status == schema.StatusDone && p.Due != "" && p.UpdatedOn > p.Due {
			p.DaysLate = DaysBetween(p.Due, p.UpdatedOn)
		}
		years[Year(p.MadeOn)] = true
	}
	for i := range d.Appraisals {
		a := &d.Appraisals[i]
		years[a.Year] = true
		if a.TotalScore == nil {
			if t, ok := d.Rules.ComputeTotal(a); ok {
				a.TotalScore = &t
				a.TotalComputed = true
			}
		}
		if a.Grade == "" && a.TotalScore != nil {
			a.Grade = d.Rules.GradeFor(*a.TotalScore)
			a.GradeComputed = true
		}
		a.Consequence = d.Rules.Appraisal.Consequences[a.Grade]
	}
	d.deriveStreaks()
	for _, h := range d.Hearings {
		if !h.Upcoming(asOf) { // a hearing announced for after as_of is no year's record yet
			years[Year(h.Date)] = true
		}
	}
	d.deriveTraining(years)
	d.deriveCarriedOver()
	d.deriveAttention()
	d.Years = d.Years[:0]
	for y := range years {
		if y > 0 {
			d.Years = append(d.Years, y)
		}
	}
	sort.Ints(d.Years)
	d.deriveFacts()
}

// IsOverdue reports whether a pledge is past its due date on asOf and still
// open (see Open).
func IsOverdue(p *Pledge, asOf string) bool {
	return p.Due != "" && asOf != "" && p.Due < asOf && Open(p.Status)
}

// deriveStreaks counts, for each secretary, consecutive years at the lowest grade.
func (d *Dataset) deriveStreaks() {
	lowest := d.Rules.LowestGrade()
	need := d.Rules.Appraisal.ConsecutivePoorYears
	for _, id := range d.AppraisalsBy.Keys() {
		streak, last := 0, 0
		for _, i := range d.AppraisalsBy.Of(id) {
			a := &d.Appraisals[i]
			switch {
			case a.Grade != lowest:
				streak = 0
			case streak > 0 && a.Year == last+1:
				streak++
			default:
				streak = 1
			}
			last = a.Year
			a.LowestStreak = streak
			a.NeedsAdjust = need > 0 && streak >= need
		}
	}
}

// deriveTraining sums each secretary's training per year.
func (d *Dataset) deriveTraining(years map[int]bool) {
	t := d.Rules.Training
	type key struct {
		id   string
		year int
	}
	sums := map[key]*TrainingYear{}
	for _, tr := range d.Trainings {
		y := Year(tr.Date)
		years[y] = true
		k := key{tr.SecretaryID, y}
		ty := sums[k]
		if ty == nil {
			ty = &TrainingYear{SecretaryID: tr.SecretaryID, Year: y}
			sums[k] = ty
		}
		ty.Points += tr.Points
		ty.Sessions++
		if tr.Days != nil && (tr.Kind == schema.TrainingConcentrated || tr.Kind == schema.TrainingOffSite) {
			ty.Days += *tr.Days
		}
	}
	keys := make([]key, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].id != keys[j].id {
			return keys[i].id < keys[j].id
		}
		return keys[i].year < keys[j].year
	})
	d.TrainingYears = make([]TrainingYear, 0, len(keys))
	for _, k := range keys {
		ty := sums[k]
		ty.Points = round2(ty.Points)
		ty.Days = round2(ty.Days)
		ty.PointsOK = ty.Points >= t.MinPoints
		ty.Excellent = ty.Points >= t.ExcellencePoints
		ty.DaysOK = ty.Days >= t.MinDays
		d.TrainingYears = append(d.TrainingYears, *ty)
	}
	d.TrainingYearOf = groupBy(len(d.TrainingYears), d.SecretaryByID, len(d.Secretaries), func(i int) string { return d.TrainingYears[i].SecretaryID })
}
