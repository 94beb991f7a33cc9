package dataset

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
)

// Dataset is a county's whole data: the site settings, the rules, every
// table's rows in input order, and after Index and Derive the indexes and
// derived facts. Rendering reads it and never changes it.
type Dataset struct {
	Site  Site
	Rules Rules

	Townships        []Township
	Villages         []Village
	Secretaries      []Secretary
	Pledges          []Pledge
	PledgeUpdates    []PledgeUpdate
	Appraisals       []Appraisal
	Hearings         []Hearing
	HearingQuestions []HearingQuestion
	Trainings        []Training
	Actions          []Action // optional table: empty when the county keeps none

	// Indexes, filled by Index. Values are positions in the slices above,
	// in input order unless a comment says otherwise.
	TownshipByID  map[string]int
	VillageByID   map[string]int
	SecretaryByID map[string]int
	PledgeByID    map[string]int
	HearingByID   map[string]int
	ActionByID    map[string]int

	VillagesOf    Groups // township ID → villages
	SecretariesOf Groups // village ID → secretary terms, by term_start
	PledgesOf     Groups // village ID → pledges
	AppraisalsOf  Groups // village ID → appraisals, by year
	HearingsOf    Groups // village ID → hearings, by date
	UpdatesOf     Groups // pledge ID → updates, by date
	QuestionsOf   Groups // hearing ID → questions, by seq
	TrainingsOf   Groups // secretary ID → trainings, by date
	PledgesBy     Groups // secretary ID → pledges
	AppraisalsBy  Groups // secretary ID → appraisals, by year
	ActionsFor    Groups // secretary ID → actions about that term, by date
	ActionsOf     Groups // village ID → actions about its secretaries, by date
	Replaces      Groups // pledge ID → the pledges whose replaced_by names it, in input order

	// TrainingYears holds each secretary's yearly training totals (filled by Derive),
	// ordered by secretary ID then year.
	TrainingYears []TrainingYear
	// TrainingYearOf maps secretary ID → positions in TrainingYears.
	TrainingYearOf Groups
	// Attention is what needs attention on as_of (filled by Derive), and
	// AttentionOf the same items by township ID.
	Attention   Attention
	AttentionOf map[string]Attention
	// Years lists every year that has appraisals, pledges, hearings or trainings, ascending.
	Years []int
	// Facts are figures shared by many pages (filled by Derive).
	Facts Facts

	// Headers records, for each CSV file and workbook sheet read (filled by
	// the loader), where each column is and how its header is written, so
	// that a problem about a row can name the cell and the header a clerk
	// sees (承诺!K4, 任职开始) rather than only the row and the key.
	Headers map[SrcFile]map[string]Header
}

// SrcFile is one input file, or one sheet of a workbook.
type SrcFile struct{ File, Sheet string }

// Header is where a column is in a file and how the file writes its header.
type Header struct {
	Column int    // 1-based column number
	Name   string // the header as written: "任职开始" or "term_start"
}

// TrainingYear is one secretary's training in one year, judged against the rules.
type TrainingYear struct {
	SecretaryID string
	Year        int
	Points      float64
	Days        float64 // days of concentrated (集中培训) and off-site (异地培训) training
	PointsOK    bool    // Points ≥ min_points (合格)
	Excellent   bool    // Points ≥ excellence_points: may be rated the top grade
	DaysOK      bool    // Days ≥ min_days
	Sessions    int
}

// Index builds the maps from IDs to rows. Duplicate IDs keep the first row;
// references to missing rows are simply absent (validation reports both).
func (d *Dataset) Index() {
	d.TownshipByID = make(map[string]int, len(d.Townships))
	for i, t := range d.Townships {
		setFirst(d.TownshipByID, t.ID, i)
	}
	d.VillageByID = make(map[string]int, len(d.Villages))
	for i, v := range d.Villages {
		setFirst(d.VillageByID, v.ID, i)
	}
	d.SecretaryByID = make(map[string]int, len(d.Secretaries))
	for i, s := range d.Secretaries {
		setFirst(d.SecretaryByID, s.ID, i)
	}
	d.PledgeByID = make(map[string]int, len(d.Pledges))
	for i, p := range d.Pledges {
		setFirst(d.PledgeByID, p.ID, i)
	}
	d.HearingByID = make(map[string]int, len(d.Hearings))
	for i, h := range d.Hearings {
		setFirst(d.HearingByID, h.ID, i)
	}

	d.VillagesOf = groupBy(len(d.Villages), d.TownshipByID, len(d.Townships), func(i int) string { return d.Villages[i].TownshipID })
	d.SecretariesOf = groupBy(len(d.Secretaries), d.VillageByID, len(d.Villages), func(i int) string { return d.Secretaries[i].VillageID })
	d.SecretariesOf.sortEach(byString(func(i int32) string { return d.Secretaries[i].TermStart }))
	d.PledgesOf = groupBy(len(d.Pledges), d.VillageByID, len(d.Villages), func(i int) string { return d.Pledges[i].VillageID })
	d.PledgesBy = groupBy(len(d.Pledges), d.SecretaryByID, len(d.Secretaries), func(i int) string { return d.Pledges[i].SecretaryID })
	d.UpdatesOf = groupBy(len(d.PledgeUpdates), d.PledgeByID, len(d.Pledges), func(i int) string { return d.PledgeUpdates[i].PledgeID })
	d.UpdatesOf.sortEach(byString(func(i int32) string { return d.PledgeUpdates[i].Date }))
	d.AppraisalsOf = groupBy(len(d.Appraisals), d.VillageByID, len(d.Villages), func(i int) string { return d.Appraisals[i].VillageID })
	d.AppraisalsBy = groupBy(len(d.Appraisals), d.SecretaryByID, len(d.Secretaries), func(i int) string { return d.Appraisals[i].SecretaryID })
	byYear := func(a, b int32) int { return cmp.Compare(d.Appraisals[a].Year, d.Appraisals[b].Year) }
	d.AppraisalsOf.sortEach(byYear)
	d.AppraisalsBy.sortEach(byYear)
	d.HearingsOf = groupBy(len(d.Hearings), d.VillageByID, len(d.Villages), func(i int) string { return d.Hearings[i].VillageID })
	d.HearingsOf.sortEach(byString(func(i int32) string { return d.Hearings[i].Date }))
	d.QuestionsOf = groupBy(len(d.HearingQuestions), d.HearingByID, len(d.Hearings), func(i int) string { return d.HearingQuestions[i].HearingID })
	d.QuestionsOf.sortEach(func(a, b int32) int { return cmp.Compare(d.HearingQuestions[a].Seq, d.HearingQuestions[b].Seq) })
	d.TrainingsOf = groupBy(len(d.Trainings), d.SecretaryByID, len(d.Secretaries), func(i int) string { return d.Trainings[i].SecretaryID })
	d.TrainingsOf.sortEach(byString(func(i int32) string { return d.Trainings[i].Date }))
	d.indexAccountability()
}

func setFirst(m map[string]int, k string, i int) {
	if _, ok := m[k]; !ok {
		m[k] = i
	}
}

// round2 rounds to two decimals, the precision totals are published with.
func round2(x float64) float64 { return math.Round(x*100) / 100 }

// ComputeTotal returns the weighted total of an appraisal's three scores, or
// false when a score is missing.
func (r *Rules) ComputeTotal(a *Appraisal) (float64, bool) {
	if a.MassesScore == nil || a.MembersScore == nil || a.OrgScore == nil {
		return 0, false
	}
	w := r.Appraisal.Weights
	return round2(w.Masses**a.MassesScore + w.Members**a.MembersScore + w.Org**a.OrgScore), true
}

// Rows returns a pointer to the slice of rows of the table named name
// (e.g. *[]Pledge for "pledges"), or nil for a name it does not hold.
func (d *Dataset) Rows(name string) any {
	switch name {
	case "townships":
		return &d.Townships
	case "villages":
		return &d.Villages
	case "secretaries":
		return &d.Secretaries
	case "pledges":
		return &d.Pledges
	case "pledge_updates":
		return &d.PledgeUpdates
	case "appraisals":
		return &d.Appraisals
	case "hearings":
		return &d.Hearings
	case "hearing_questions":
		return &d.HearingQuestions
	case "trainings":
		return &d.Trainings
	case "actions":
		return &d.Actions
	}
	return nil
}

// Columns returns the slice of rows of the table named name, as the
// reflect value of a pointer to it, and for each column key the index of
// the row struct's field whose `col` tag names it. The tags are the one tie
// between the schema and the row types; the loader, the downloads and the
// template all read rows through it.
func (d *Dataset) Columns(name string) (reflect.Value, map[string]int, error) {
	p := d.Rows(name)
	if p == nil {
		return reflect.Value{}, nil, fmt.Errorf("dataset: table %s has no row type", name)
	}
	rv := reflect.ValueOf(p)
	et := rv.Elem().Type().Elem()
	index := make(map[string]int, et.NumField())
	for i := 0; i < et.NumField(); i++ {
		if k := et.Field(i).Tag.Get("col"); k != "" {
			index[k] = i
		}
	}
	return rv, index, nil
}

// VillageOf returns the village whose ID is id, or nil.
func (d *Dataset) VillageOf(id string) *Village {
	if i, ok := d.VillageByID[id]; ok {
		return &d.Villages[i]
	}
	return nil
}

// TownshipOf returns the township whose ID is id, or nil.
func (d *Dataset) TownshipOf(id string) *Township {
	if i, ok := d.TownshipByID[id]; ok {
		return &d.Townships[i]
	}
	return nil
}

// VillageName returns the name of the village id, or "".
func (d *Dataset) VillageName(id string) string {
	if v := d.VillageOf(id); v != nil {
		return v.Name
	}
	return ""
}

// TownshipName returns the name of the township id, or "".
func (d *Dataset) TownshipName(id string) string {
	if t := d.TownshipOf(id); t != nil {
		return t.Name
	}
	return ""
}
