package dataset

import (
	"fmt"
	"reflect"
	"testing"
)

func f64(x float64) *float64 { return &x }

func TestIsOverdue(t *testing.T) {
	const asOf = "2025-06-30"
	statuses := map[string]bool{ // status → overdue when past due
		"未启动": true, "推进中": true, "部分完成": true,
		"已完成": false, "未完成": false, "已调整": false,
	}
	for status, open := range statuses {
		for _, c := range []struct {
			due, asOf string
			want      bool
		}{
			{"2025-06-29", asOf, open},          // a day past due
			{"2020-01-01", asOf, open},          // long past
			{"2025-06-30", asOf, false},         // due today is not late
			{"2025-07-01", asOf, false},         // not yet due
			{"", asOf, false},                   // no due date
			{"2025-06-29", "", false},           // no as_of: nothing is judged
			{"2025-06-29", "2025-06-28", false}, // judged against as_of, not the clock
		} {
			p := &Pledge{Status: status, Due: c.due}
			if got := IsOverdue(p, c.asOf); got != c.want {
				t.Errorf("IsOverdue(status %s, due %q, as_of %q) = %v, want %v", status, c.due, c.asOf, got, c.want)
			}
		}
	}
}

func TestGradeFor(t *testing.T) {
	def := DefaultRules()
	custom := DefaultRules()
	custom.Appraisal.Grades = []GradeRule{{85, "实绩突出"}, {70, "实绩较突出"}, {50, "实绩一般"}, {0, "实绩差"}}
	empty := DefaultRules()
	empty.Appraisal.Grades = nil
	for _, c := range []struct {
		rules *Rules
		total float64
		want  string
	}{
		{&def, 100, "优秀"},
		{&def, 90, "优秀"},
		{&def, 89.99, "称职"},
		{&def, 75, "称职"},
		{&def, 74.999, "基本称职"},
		{&def, 60, "基本称职"},
		{&def, 59.99, "不称职"},
		{&def, 0, "不称职"},
		{&def, -5, "不称职"}, // below every step: the lowest grade
		{&custom, 85, "实绩突出"},
		{&custom, 84, "实绩较突出"},
		{&custom, 50, "实绩一般"},
		{&custom, 49.5, "实绩差"},
		{&empty, 80, ""},
	} {
		if got := c.rules.GradeFor(c.total); got != c.want {
			t.Errorf("GradeFor(%g) with %v = %q, want %q", c.total, c.rules.GradeNames(), got, c.want)
		}
	}
	if def.TopGrade() != "优秀" || def.LowestGrade() != "不称职" || custom.TopGrade() != "实绩突出" ||
		custom.LowestGrade() != "实绩差" || empty.TopGrade() != "" || empty.LowestGrade() != "" {
		t.Error("TopGrade/LowestGrade wrong")
	}
	if !custom.HasGrade("实绩一般") || custom.HasGrade("优秀") || def.HasGrade("") {
		t.Error("HasGrade wrong")
	}
}

func TestComputeTotal(t *testing.T) {
	r := DefaultRules()
	for _, c := range []struct {
		m, p, o *float64
		want    float64
		ok      bool
	}{
		{f64(80), f64(78), f64(85), 80.9, true},           // 32 + 23.4 + 25.5
		{f64(92), f64(95), f64(90), 92.3, true},           // 36.8 + 28.5 + 27
		{f64(100), f64(100), f64(100), 100, true},         //
		{f64(0), f64(0), f64(0), 0, true},                 //
		{f64(33.33), f64(66.67), f64(50.01), 48.34, true}, // 13.332 + 20.001 + 15.003 = 48.336
		{nil, f64(1), f64(1), 0, false},
		{f64(1), nil, f64(1), 0, false},
		{f64(1), f64(1), nil, 0, false},
	} {
		a := &Appraisal{MassesScore: c.m, MembersScore: c.p, OrgScore: c.o}
		got, ok := r.ComputeTotal(a)
		if got != c.want || ok != c.ok {
			t.Errorf("ComputeTotal(%v, %v, %v) = %v, %v; want %v, %v", deref(c.m), deref(c.p), deref(c.o), got, ok, c.want, c.ok)
		}
	}
	r.Appraisal.Weights = Weights{Masses: 0.5, Members: 0.25, Org: 0.25}
	if got, _ := r.ComputeTotal(&Appraisal{MassesScore: f64(80), MembersScore: f64(60), OrgScore: f64(100)}); got != 80 {
		t.Errorf("custom weights: total %v, want 80", got)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// derived returns a derived dataset of the given appraisals and trainings.
func derived(site Site, rules Rules, apps []Appraisal, trainings []Training) *Dataset {
	d := &Dataset{Site: site, Rules: rules, Appraisals: apps, Trainings: trainings}
	d.Derive()
	return d
}

func TestDeriveAppraisals(t *testing.T) {
	d := derived(Site{AsOf: "2025-12-31"}, DefaultRules(), []Appraisal{
		// given total and grade: kept as given, even when they disagree with the rules
		{Year: 2024, SecretaryID: "S1", MassesScore: f64(92), MembersScore: f64(95), OrgScore: f64(90), TotalScore: f64(70), Grade: "优秀"},
		// computed total and grade
		{Year: 2024, SecretaryID: "S2", MassesScore: f64(80), MembersScore: f64(78), OrgScore: f64(85)},
		// given total, computed grade
		{Year: 2024, SecretaryID: "S3", TotalScore: f64(60)},
		// given grade, computed total
		{Year: 2024, SecretaryID: "S4", MassesScore: f64(50), MembersScore: f64(50), OrgScore: f64(50), Grade: "不称职"},
		// nothing to compute from
		{Year: 2024, SecretaryID: "S5", MassesScore: f64(50)},
	}, nil)
	type out struct {
		total          any
		grade          string
		totalC, gradeC bool
		consequence    string
	}
	want := []out{
		{70.0, "优秀", false, false, "按不低于当年报酬财政补贴的10%给予奖励"},
		{80.9, "称职", true, true, ""},
		{60.0, "基本称职", false, true, "书面诫勉，诫勉期限6个月"},
		{50.0, "不称职", true, false, "不计算当年任职年限，酌情降低当年报酬补贴"},
		{nil, "", false, false, ""},
	}
	for i, a := range d.Appraisals {
		got := out{deref(a.TotalScore), a.Grade, a.TotalComputed, a.GradeComputed, a.Consequence}
		if got != want[i] {
			t.Errorf("appraisal %s: got %+v, want %+v", a.SecretaryID, got, want[i])
		}
	}
}

func TestDeriveConsequencesFollowRules(t *testing.T) {
	r := DefaultRules()
	r.Appraisal.Grades = []GradeRule{{85, "实绩突出"}, {0, "实绩差"}}
	r.Appraisal.Consequences = map[string]string{"实绩差": "调整"}
	d := derived(Site{}, r, []Appraisal{
		{Year: 2024, SecretaryID: "S1", TotalScore: f64(90)},
		{Year: 2024, SecretaryID: "S2", TotalScore: f64(10)},
	}, nil)
	if a := d.Appraisals[0]; a.Grade != "实绩突出" || a.Consequence != "" {
		t.Errorf("S1: grade %q consequence %q", a.Grade, a.Consequence)
	}
	if a := d.Appraisals[1]; a.Grade != "实绩差" || a.Consequence != "调整" {
		t.Errorf("S2: grade %q consequence %q", a.Grade, a.Consequence)
	}
}

func TestLowestStreak(t *testing.T) {
	const low, ok = "不称职", "称职"
	for _, c := range []struct {
		name   string
		need   int
		years  []int    // in input order
		grades []string // per input row
		streak []int    // per input row
		adjust []bool   // per input row
	}{
		{"consecutive", 2, []int{2021, 2022, 2023}, []string{low, low, low}, []int{1, 2, 3}, []bool{false, true, true}},
		{"gap year", 2, []int{2021, 2023}, []string{low, low}, []int{1, 1}, []bool{false, false}},
		{"broken by a better year", 2, []int{2021, 2022, 2023, 2024}, []string{low, ok, low, low}, []int{1, 0, 1, 2}, []bool{false, false, false, true}},
		{"input out of order", 2, []int{2023, 2021, 2022}, []string{low, ok, low}, []int{2, 0, 1}, []bool{true, false, false}},
		{"three needed", 3, []int{2021, 2022, 2023}, []string{low, low, low}, []int{1, 2, 3}, []bool{false, false, true}},
		{"zero disables", 0, []int{2021, 2022}, []string{low, low}, []int{1, 2}, []bool{false, false}},
		{"never lowest", 2, []int{2021, 2022}, []string{ok, "优秀"}, []int{0, 0}, []bool{false, false}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := DefaultRules()
			r.Appraisal.ConsecutivePoorYears = c.need
			var apps []Appraisal
			for i, y := range c.years {
				apps = append(apps, Appraisal{Year: y, SecretaryID: "S1", Grade: c.grades[i]},
					Appraisal{Year: y, SecretaryID: "S2", Grade: low}) // another secretary does not interfere
			}
			d := derived(Site{}, r, apps, nil)
			for i := range c.years {
				a := d.Appraisals[2*i]
				if a.LowestStreak != c.streak[i] || a.NeedsAdjust != c.adjust[i] {
					t.Errorf("%d %s: streak %d adjust %v, want %d %v", a.Year, a.Grade, a.LowestStreak, a.NeedsAdjust, c.streak[i], c.adjust[i])
				}
			}
		})
	}
}

func TestTrainingYears(t *testing.T) {
	days := f64
	d := derived(Site{}, DefaultRules(), []Appraisal{
		{Year: 2024, SecretaryID: "S1", Grade: "优秀"}, // 90 points: may be rated top
		{Year: 2024, SecretaryID: "S2", Grade: "优秀"}, // 89.99: top without the points
		{Year: 2023, SecretaryID: "S3", Grade: "优秀"}, // no training at all
		{Year: 2024, SecretaryID: "S3", Grade: "称职"},
	}, []Training{
		{SecretaryID: "S1", Date: "2024-03-01", Kind: "集中培训", Points: 40, Days: days(5)},
		{SecretaryID: "S1", Date: "2024-05-01", Kind: "异地培训", Points: 20, Days: days(2)},
		{SecretaryID: "S1", Date: "2024-06-01", Kind: "集体学习", Points: 30, Days: days(3)}, // days not counted
		{SecretaryID: "S1", Date: "2025-01-01", Kind: "远程教育", Points: 0.1},
		{SecretaryID: "S1", Date: "2025-02-01", Kind: "心得体会", Points: 0.2},
		{SecretaryID: "S2", Date: "2024-01-10", Kind: "集中培训", Points: 59.99, Days: days(6.5)},
		{SecretaryID: "S2", Date: "2024-12-31", Kind: "其他", Points: 30},
		{SecretaryID: "S0", Date: "2024-07-01", Kind: "集中培训", Points: 60, Days: days(7)},
	})
	want := []TrainingYear{
		{SecretaryID: "S0", Year: 2024, Points: 60, Days: 7, PointsOK: true, DaysOK: true, Sessions: 1},
		{SecretaryID: "S1", Year: 2024, Points: 90, Days: 7, PointsOK: true, Excellent: true, DaysOK: true, Sessions: 3},
		{SecretaryID: "S1", Year: 2025, Points: 0.3, Sessions: 2},
		{SecretaryID: "S2", Year: 2024, Points: 89.99, Days: 6.5, PointsOK: true, Sessions: 2},
	}
	if !reflect.DeepEqual(d.TrainingYears, want) {
		t.Errorf("TrainingYears:\n got %+v\nwant %+v", d.TrainingYears, want)
	}
	// S3 was rated the top grade with no training at all: that is the
	// validator's warning, not a training year of zero points.
	wantOf := map[string][]int32{"S0": {0}, "S1": {1, 2}, "S2": {3}}
	gotOf := map[string][]int32{}
	for _, id := range d.TrainingYearOf.Keys() {
		gotOf[id] = d.TrainingYearOf.Of(id)
	}
	if !reflect.DeepEqual(gotOf, wantOf) {
		t.Errorf("TrainingYearOf = %v, want %v", gotOf, wantOf)
	}
	if fmt.Sprint(d.Years) != "[2023 2024 2025]" {
		t.Errorf("Years = %v", d.Years)
	}
}

func TestTrainingThresholdsFromRules(t *testing.T) {
	r := DefaultRules()
	r.Training = TrainingRules{MinPoints: 10, ExcellencePoints: 20, MinDays: 1}
	d := derived(Site{}, r, nil, []Training{
		{SecretaryID: "S1", Date: "2024-03-01", Kind: "集中培训", Points: 20, Days: f64(1)},
		{SecretaryID: "S2", Date: "2024-03-01", Kind: "集中培训", Points: 9.99, Days: f64(0.5)},
	})
	got := fmt.Sprintf("%v %v %v / %v %v %v",
		d.TrainingYears[0].PointsOK, d.TrainingYears[0].Excellent, d.TrainingYears[0].DaysOK,
		d.TrainingYears[1].PointsOK, d.TrainingYears[1].Excellent, d.TrainingYears[1].DaysOK)
	if got != "true true true / false false false" {
		t.Errorf("thresholds: %s", got)
	}
}

func TestDeriveOverdueAndYears(t *testing.T) {
	d := &Dataset{
		Site: Site{AsOf: "2025-06-30"},
		Pledges: []Pledge{
			{ID: "P1", MadeOn: "2023-01-01", Due: "2024-12-31", Status: "推进中"},
			{ID: "P2", MadeOn: "2024-01-01", Due: "2024-12-31", Status: "已完成", UpdatedOn: "2025-01-07"},
			{ID: "P3", MadeOn: "2025-01-01", Due: "2025-07-01", Status: "未启动"},
			{ID: "P4", MadeOn: "2022-01-01", Due: "2025-06-29", Status: "部分完成"},
			{ID: "P5", MadeOn: "2022-01-01", Due: "2024-12-31", Status: "已完成", UpdatedOn: "2024-12-31"},
			{ID: "P6", MadeOn: "2022-01-01", Status: "已完成", UpdatedOn: "2024-12-31"},
			{ID: "P7", MadeOn: "2022-01-01", Due: "2024-12-31", Status: "未完成", UpdatedOn: "2025-03-01"},
		},
		Hearings: []Hearing{{ID: "H1", Date: "2021-05-01"}, {ID: "H2"}},
	}
	d.Derive()
	var got []bool
	for _, p := range d.Pledges {
		got = append(got, p.Overdue)
	}
	if fmt.Sprint(got) != "[true false false true false false false]" {
		t.Errorf("overdue = %v, want [true false false true false false false]", got)
	}
	// Days overdue count to as_of; days late only for a pledge done
	// (已完成) after its due date, judged by its updated_on.
	var days []string
	for _, p := range d.Pledges {
		days = append(days, fmt.Sprintf("%d/%d", p.DaysOverdue, p.DaysLate))
	}
	if want := "[181/0 0/7 0/0 1/0 0/0 0/0 0/0]"; fmt.Sprint(days) != want {
		t.Errorf("days overdue/late = %v, want %s", days, want)
	}
	if fmt.Sprint(d.Years) != "[2021 2022 2023 2024 2025]" {
		t.Errorf("Years = %v", d.Years) // an empty date has no year
	}
	d.Derive() // idempotent
	if fmt.Sprint(d.Years) != "[2021 2022 2023 2024 2025]" {
		t.Errorf("Years after a second Derive = %v", d.Years)
	}
}

func TestYear(t *testing.T) {
	for in, want := range map[string]int{"2024-05-01": 2024, "1999": 1999, "": 0, "202": 0, "20x4-01-01": 0, "２０２４": 0} {
		if got := Year(in); got != want {
			t.Errorf("Year(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestIndex(t *testing.T) {
	d := &Dataset{
		Townships: []Township{{ID: "T1"}, {ID: "T1"}},
		Villages:  []Village{{ID: "V1", TownshipID: "T1"}, {ID: "V2", TownshipID: "T1"}},
		Secretaries: []Secretary{
			{ID: "S2", VillageID: "V1", TermStart: "2023-07-01"},
			{ID: "S1", VillageID: "V1", TermStart: "2021-01-15"},
		},
		Appraisals:       []Appraisal{{Year: 2025, VillageID: "V1", SecretaryID: "S2"}, {Year: 2024, VillageID: "V1", SecretaryID: "S2"}},
		PledgeUpdates:    []PledgeUpdate{{PledgeID: "P1", Date: "2024-10-01"}, {PledgeID: "P1", Date: "2024-03-01"}},
		HearingQuestions: []HearingQuestion{{HearingID: "H1", Seq: 2}, {HearingID: "H1", Seq: 1}},
	}
	d.Index()
	for name, c := range map[string][2]any{
		"TownshipByID (first wins)": {d.TownshipByID["T1"], 0},
		"VillagesOf":                {d.VillagesOf.Of("T1"), []int32{0, 1}},
		"SecretariesOf by start":    {d.SecretariesOf.Of("V1"), []int32{1, 0}},
		"AppraisalsBy by year":      {d.AppraisalsBy.Of("S2"), []int32{1, 0}},
		"AppraisalsOf by year":      {d.AppraisalsOf.Of("V1"), []int32{1, 0}},
		"UpdatesOf by date":         {d.UpdatesOf.Of("P1"), []int32{1, 0}},
		"QuestionsOf by seq":        {d.QuestionsOf.Of("H1"), []int32{1, 0}},
	} {
		if !reflect.DeepEqual(c[0], c[1]) {
			t.Errorf("%s = %v, want %v", name, c[0], c[1])
		}
	}
}
