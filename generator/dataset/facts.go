package dataset

import (
	"sort"

	"gongshi/generator/schema"
)

// Facts are figures that many pages, charts and downloads show, derived once
// by Derive so that every page tells the same story: who serves on as_of,
// each village's pledge counts and latest appraisal, and the year the
// county's latest ratings refer to.
type Facts struct {
	// Village holds each village's figures, by position in Villages.
	Village []VillageFacts
	// Serving lists the terms of role 书记 in office on as_of, in input order.
	Serving []int
	// LatestAppraisalYear is the latest year with appraisals (0: none).
	LatestAppraisalYear int
	// AppraisalYears lists the years with appraisals, ascending.
	AppraisalYears []int
	// TownshipOrder lists the townships by ID; VillageOrder maps a township
	// ID to its villages by ID: the order of every list on the site.
	TownshipOrder []int
	VillageOrder  map[string][]int
	// Averages are the county's averages of each appraisal year, and
	// Standing each appraisal's rank in its township (by position in
	// Appraisals): what a village's grade and stars are read against.
	Averages map[int]YearAverages
	Standing []Standing
}

// VillageFacts are one village's figures.
type VillageFacts struct {
	PledgeTally // the village's pledges
	// Latest is the village's latest appraisal (position in Appraisals), -1 if none.
	Latest int
	// Secretary and First are the terms (positions in Secretaries) of the
	// 书记 and the 第一书记 serving on as_of, -1 if none.
	Secretary, First int
}

// PledgeTally counts pledges by how far they have got.
type PledgeTally struct {
	Pledges, Done, Overdue, Open int
	// Failed and Revised count the pledges settled as 未完成 and 已调整
	// (with Done and Open they make up Pledges); CarriedOver the open ones
	// of a secretary who has left.
	Failed, Revised, CarriedOver int
}

// Add counts p, whose Overdue must be derived.
func (t *PledgeTally) Add(p *Pledge) {
	t.Pledges++
	switch {
	case p.Status == schema.StatusDone:
		t.Done++
	case p.Status == schema.StatusFailed:
		t.Failed++
	case p.Status == schema.StatusRevised:
		t.Revised++
	case p.Overdue:
		t.Overdue++
	}
	if Open(p.Status) {
		t.Open++
	}
	if p.CarriedOver {
		t.CarriedOver++
	}
}

// Open reports whether a pledge in this status is still being worked on:
// 未启动, 推进中 or 部分完成. An open pledge past its due date is overdue;
// 已完成, 未完成 and 已调整 are settled.
func Open(status string) bool {
	switch status {
	case schema.StatusNotStarted, schema.StatusInProgress, schema.StatusPartly:
		return true
	}
	return false
}

// deriveFacts fills d.Facts; pledges' Overdue must be derived first.
func (d *Dataset) deriveFacts() {
	f := &d.Facts
	asOf := d.Site.AsOf
	f.Village = make([]VillageFacts, len(d.Villages))
	years := map[int]bool{}
	for _, a := range d.Appraisals {
		years[a.Year] = true
		f.LatestAppraisalYear = max(f.LatestAppraisalYear, a.Year)
	}
	f.AppraisalYears = f.AppraisalYears[:0]
	for y := range years {
		f.AppraisalYears = append(f.AppraisalYears, y)
	}
	sort.Ints(f.AppraisalYears)
	for i, v := range d.Villages {
		vf := &f.Village[i]
		vf.Latest, vf.Secretary, vf.First = -1, -1, -1
		for _, pi := range d.PledgesOf.Of(v.ID) {
			vf.Add(&d.Pledges[pi])
		}
		if as := d.AppraisalsOf.Of(v.ID); len(as) > 0 {
			vf.Latest = int(as[len(as)-1])
		}
		for _, si := range d.SecretariesOf.Of(v.ID) {
			sec := &d.Secretaries[si]
			if !sec.ServingOn(asOf) {
				continue
			}
			if sec.Role == schema.RoleSecretary {
				vf.Secretary = int(si)
			} else {
				vf.First = int(si)
			}
		}
	}
	f.Serving = f.Serving[:0]
	for i := range d.Secretaries {
		if s := &d.Secretaries[i]; s.Role == schema.RoleSecretary && s.ServingOn(asOf) {
			f.Serving = append(f.Serving, i)
		}
	}
	f.TownshipOrder = make([]int, len(d.Townships))
	for i := range d.Townships {
		f.TownshipOrder[i] = i
	}
	sort.SliceStable(f.TownshipOrder, func(a, b int) bool {
		return d.Townships[f.TownshipOrder[a]].ID < d.Townships[f.TownshipOrder[b]].ID
	})
	keys := d.VillagesOf.Keys()
	f.VillageOrder = make(map[string][]int, len(keys))
	for _, t := range keys {
		list := d.VillagesOf.Of(t)
		l := make([]int, len(list))
		for i, vi := range list {
			l[i] = int(vi)
		}
		sort.SliceStable(l, func(a, b int) bool { return d.Villages[l[a]].ID < d.Villages[l[b]].ID })
		f.VillageOrder[t] = l
	}
	d.deriveBenchmarks()
}
