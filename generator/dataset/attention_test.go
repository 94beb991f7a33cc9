package dataset

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// accountabilityFixture is a small county with every kind of attention item
// and every case of a carried-over pledge. Townships are listed T2 before
// T1, so that the order by input position differs from the order by ID.
func accountabilityFixture() *Dataset {
	iptr := func(x int) *int { return &x }
	f := func(x float64) *float64 { return &x }
	d := &Dataset{
		Site:      Site{AsOf: "2025-12-31"},
		Rules:     DefaultRules(),
		Townships: []Township{{ID: "T2", Name: "西乡"}, {ID: "T1", Name: "东乡"}},
		Villages:  []Village{{ID: "V1", TownshipID: "T1"}, {ID: "V2", TownshipID: "T2"}, {ID: "V3", TownshipID: "T1"}},
		Secretaries: []Secretary{
			{ID: "S1", VillageID: "V1", Role: "书记", TermStart: "2021-01-15", TermEnd: "2023-06-30", LeaveReason: "调任"},
			{ID: "S2", VillageID: "V1", Role: "书记", TermStart: "2023-07-01"},
			{ID: "S3", VillageID: "V2", Role: "书记", TermStart: "2021-01-15"},
			{ID: "S4", VillageID: "V2", Role: "第一书记", TermStart: "2022-03-01", TermEnd: "2024-02-28"},
			{ID: "S5", VillageID: "V3", Role: "书记", TermStart: "2021-01-15", TermEnd: "2025-12-31", LeaveReason: "免职"},
			{ID: "S6", VillageID: "V3", Role: "书记", TermStart: "2025-12-31"}, // handover on as_of
		},
		Pledges: []Pledge{
			{ID: "P1", VillageID: "V1", SecretaryID: "S1", Status: "推进中", MadeOn: "2021-03-01", Due: "2023-12-31"},
			{ID: "P2", VillageID: "V1", SecretaryID: "S1", Status: "已完成", MadeOn: "2021-03-01", Due: "2022-12-31"},
			{ID: "P3", VillageID: "V1", SecretaryID: "S2", Status: "部分完成", MadeOn: "2024-02-01", Due: "2025-06-30"},
			{ID: "P4", VillageID: "V2", SecretaryID: "S4", Status: "未启动", MadeOn: "2022-04-01"},
			{ID: "P5", VillageID: "V2", SecretaryID: "S3", Status: "已调整", MadeOn: "2022-02-01", Due: "2022-12-31"},
			{ID: "P6", VillageID: "V2", SecretaryID: "S3", Status: "已调整", MadeOn: "2022-02-01", ReplacedBy: "P7"},
			{ID: "P7", VillageID: "V2", SecretaryID: "S3", Status: "推进中", MadeOn: "2023-02-01", Due: "2026-06-30"},
			{ID: "P8", VillageID: "V3", SecretaryID: "S5", Status: "推进中", MadeOn: "2025-02-01", Due: "2025-12-30"},
			{ID: "P9", VillageID: "V1", SecretaryID: "S2", Status: "已调整", MadeOn: "2024-01-01"},
			{ID: "P10", VillageID: "V1", SecretaryID: "S2", Status: "已调整", MadeOn: "2023-08-01"},
		},
		Appraisals: []Appraisal{
			{Year: 2021, VillageID: "V1", SecretaryID: "S1", Grade: "不称职"},
			{Year: 2022, VillageID: "V1", SecretaryID: "S1", Grade: "不称职"}, // 须调整, answered: 组织调整 in 2023
			{Year: 2024, VillageID: "V1", SecretaryID: "S2", Grade: "不称职"},
			{Year: 2025, VillageID: "V1", SecretaryID: "S2", Grade: "不称职"}, // 须调整, not answered: the 诫勉 names 2024
			{Year: 2023, VillageID: "V2", SecretaryID: "S3", Grade: "不称职"},
			{Year: 2024, VillageID: "V2", SecretaryID: "S3", Grade: "不称职"}, // 须调整, not answered
			{Year: 2025, VillageID: "V2", SecretaryID: "S3", TotalScore: f(80)},
			{Year: 2023, VillageID: "V3", SecretaryID: "S5", Grade: "不称职"},
			{Year: 2024, VillageID: "V3", SecretaryID: "S5", Grade: "不称职"}, // 须调整, answered: left 免职 in 2025
			{Year: 2025, VillageID: "V3", SecretaryID: "S5", Grade: "不称职"}, // 须调整, answered the same way
		},
		Hearings: []Hearing{
			{ID: "H1", VillageID: "V1", Date: "2024-01-01", Outcome: "通过"},
			{ID: "H2", VillageID: "V2", Date: "2023-12-31", Outcome: "通过"}, // exactly two years before: too old
			{ID: "H3", VillageID: "V2", Date: "2026-03-01", Outcome: "待召开"},
			{ID: "H4", VillageID: "V3", Date: "2025-11-01", Outcome: "待召开"}, // never held
		},
		Actions: []Action{
			{ID: "A1", SecretaryID: "S1", Date: "2023-03-01", Kind: "组织调整"},
			{ID: "A2", SecretaryID: "S2", Date: "2025-03-01", Kind: "谈话诫勉", Year: iptr(2024)},
			{ID: "A3", SecretaryID: "S3", Date: "2025-03-01", Kind: "表彰", Year: iptr(2024)}, // a commendation answers nothing
			{ID: "A4", SecretaryID: "S3", Date: "2024-06-01", Kind: "警告"},                   // the year before, not after
		},
	}
	// Training: enough every year, but for the shortfalls the test expects.
	good := func(id string, years ...int) {
		for _, y := range years {
			d.Trainings = append(d.Trainings, Training{ID: fmt.Sprint(id, y), SecretaryID: id,
				Date: fmt.Sprintf("%d-04-01", y), Kind: "集中培训", Points: 70, Days: f(7)})
		}
	}
	good("S3", 2021, 2022, 2023, 2024, 2025)
	good("S4", 2022, 2023)
	good("S5", 2021, 2022, 2023, 2024, 2025)
	good("S1", 2022)
	good("S2", 2024)
	d.Trainings = append(d.Trainings,
		Training{ID: "S1-2021", SecretaryID: "S1", Date: "2021-05-01", Kind: "集中培训", Points: 70, Days: f(5)}, // days short
		Training{ID: "S2-2025", SecretaryID: "S2", Date: "2025-05-01", Kind: "异地培训", Points: 50, Days: f(8)}, // points short
		// S2 has no record in 2023 (served Jul–Dec: half the year); S1 none in 2023 (left in June).
	)
	return d
}

// describe renders attention items as short strings for exact comparison.
func describe(d *Dataset, a Attention) map[string][]string {
	out := map[string][]string{}
	add := func(kind string, p Place, s string) {
		out[kind] = append(out[kind], p.TownshipID+"/"+p.VillageID+" "+s)
	}
	for _, it := range a.Overdue {
		add("overdue", it.Place, fmt.Sprintf("%s %d", d.Pledges[it.Pledge].ID, it.Days))
	}
	for _, it := range a.NoAction {
		ap := d.Appraisals[it.Appraisal]
		add("no-action", it.Place, fmt.Sprintf("%s %d", ap.SecretaryID, ap.Year))
	}
	for _, it := range a.Quiet {
		last, next := "-", "-"
		if it.LastHeld >= 0 {
			last = d.Hearings[it.LastHeld].ID
		}
		if it.Next >= 0 {
			next = d.Hearings[it.Next].ID
		}
		add("quiet", it.Place, fmt.Sprintf("%s since %s last %s next %s", d.Villages[it.Village].ID, it.Since, last, next))
	}
	for _, it := range a.Training {
		rec := "no record"
		if it.TrainingYear >= 0 {
			rec = fmt.Sprintf("%g points %g days", it.Points, it.Days)
		}
		add("training", it.Place, fmt.Sprintf("%s %d %s points-short=%v days-short=%v",
			d.Secretaries[it.Secretary].ID, it.Year, rec, it.PointsShort, it.DaysShort))
	}
	for _, it := range a.NoReplacement {
		add("no-replacement", it.Place, d.Pledges[it.Pledge].ID)
	}
	return out
}

func TestAttention(t *testing.T) {
	d := accountabilityFixture()
	d.Derive()
	want := map[string][]string{
		"overdue": {"T1/V1 P1 731", "T1/V1 P3 184", "T1/V3 P8 1"},
		"no-action": {
			"T2/V2 S3 2024",
			"T1/V1 S2 2025",
		},
		"quiet": {
			"T2/V2 V2 since 2023-12-31 last H2 next H3",
			"T1/V3 V3 since 2023-12-31 last - next -",
		},
		"training": {
			"T1/V1 S1 2021 70 points 5 days points-short=false days-short=true",
			"T1/V1 S2 2023 no record points-short=true days-short=true",
			"T1/V1 S2 2025 50 points 8 days points-short=true days-short=false",
		},
		"no-replacement": {"T2/V2 P5", "T1/V1 P10", "T1/V1 P9"},
	}
	got := describe(d, d.Attention)
	for _, kind := range []string{"overdue", "no-action", "quiet", "training", "no-replacement"} {
		if !slices.Equal(got[kind], want[kind]) {
			t.Errorf("%s:\n got %s\nwant %s", kind, strings.Join(got[kind], "; "), strings.Join(want[kind], "; "))
		}
	}
	if n := d.Attention.Len(); n != 13 {
		t.Errorf("Len = %d, want 13", n)
	}
	// H3, announced for 2026, makes no year of records.
	if want := []int{2021, 2022, 2023, 2024, 2025}; !slices.Equal(d.Years, want) {
		t.Errorf("Years = %v, want %v", d.Years, want)
	}

	// Each township gets its own run of the same items.
	wantT2 := map[string][]string{
		"no-action": {"T2/V2 S3 2024"}, "quiet": {"T2/V2 V2 since 2023-12-31 last H2 next H3"}, "no-replacement": {"T2/V2 P5"},
	}
	t2 := d.AttentionOf["T2"]
	gotT2 := describe(d, t2)
	for _, kind := range []string{"overdue", "no-action", "quiet", "training", "no-replacement"} {
		if !slices.Equal(gotT2[kind], wantT2[kind]) {
			t.Errorf("T2 %s:\n got %s\nwant %s", kind, strings.Join(gotT2[kind], "; "), strings.Join(wantT2[kind], "; "))
		}
	}
	if t2.Overdue != nil || t2.Training != nil {
		t.Errorf("T2 has overdue %v, training %v; want none", t2.Overdue, t2.Training)
	}
	t1 := d.AttentionOf["T1"]
	if t1.Len()+t2.Len() != d.Attention.Len() {
		t.Errorf("townships hold %d + %d items, the county %d", t1.Len(), t2.Len(), d.Attention.Len())
	}
	// A township's run is capped: appending to it cannot overwrite the next township's items.
	_ = append(t2.NoReplacement, UnreplacedPledge{})
	if d.Attention.NoReplacement[1].Pledge != 9 {
		t.Error("appending to a township's list changed the county's")
	}
}

func TestAttentionQuietOff(t *testing.T) {
	d := accountabilityFixture()
	d.Rules.Hearings.MaxQuietYears = 0
	d.Derive()
	if d.Attention.Quiet != nil {
		t.Errorf("max_quiet_years = 0 still flags %d villages", len(d.Attention.Quiet))
	}
	d = accountabilityFixture()
	d.Rules.Hearings.MaxQuietYears = 3 // since 2022-12-31: H2 (2023-12-31) counts
	d.Derive()
	if got := describe(d, d.Attention)["quiet"]; !slices.Equal(got, []string{"T1/V3 V3 since 2022-12-31 last - next -"}) {
		t.Errorf("quiet with 3 years: %q", got)
	}
}

func TestAttentionWithoutTrainings(t *testing.T) {
	// A county that keeps no training records is not told every secretary is short.
	d := accountabilityFixture()
	d.Trainings = nil
	d.Derive()
	if n := len(d.Attention.Training); n != 0 {
		t.Errorf("%d training shortfalls without a trainings table", n)
	}
}

func TestCarriedOver(t *testing.T) {
	d := accountabilityFixture()
	d.Derive()
	var got []string
	for _, p := range d.Pledges {
		if p.CarriedOver {
			got = append(got, p.ID+"→"+p.Holder)
		} else if p.Holder != "" {
			t.Errorf("%s: holder %s but not carried over", p.ID, p.Holder)
		}
	}
	// P1: S1 left, S2 holds the office; P4: the first secretary left and none
	// followed; P8: handed over on as_of itself. P2 is done, P3 and P7 belong to
	// serving secretaries, P5, P6, P9 and P10 are revised.
	if want := []string{"P1→S2", "P4→", "P8→S6"}; !slices.Equal(got, want) {
		t.Errorf("carried over %q, want %q", got, want)
	}
	// Derive again (as a rebuild does): the same facts, not accumulated.
	d.Derive()
	if len(d.Attention.Overdue) != 3 || !d.Pledges[0].CarriedOver {
		t.Error("a second Derive changed the facts")
	}
}

func TestAccountabilityIndexes(t *testing.T) {
	d := accountabilityFixture()
	d.Actions = append(d.Actions, Action{ID: "A5", SecretaryID: "S9", Date: "2024-01-01", Kind: "表彰"}) // unknown secretary
	d.Index()
	ids := func(list []int32) []string {
		var out []string
		for _, i := range list {
			out = append(out, d.Actions[i].ID)
		}
		return out
	}
	for _, c := range []struct {
		name string
		got  []string
		want []string
	}{
		{"actions for S3, by date", ids(d.ActionsFor.Of("S3")), []string{"A4", "A3"}},
		{"actions of V1, by date", ids(d.ActionsOf.Of("V1")), []string{"A1", "A2"}},
		{"actions of V2", ids(d.ActionsOf.Of("V2")), []string{"A4", "A3"}},
		{"actions for an unknown secretary", ids(d.ActionsFor.Of("S9")), []string{"A5"}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
	if i, ok := d.ActionByID["A3"]; !ok || i != 2 {
		t.Errorf("ActionByID[A3] = %d, %v", i, ok)
	}
	if got := d.Replaces.Of("P7"); !slices.Equal(got, []int32{5}) {
		t.Errorf("Replaces[P7] = %v, want [5] (P6)", got)
	}
	if len(d.Replaces.Keys()) != 1 {
		t.Errorf("Replaces has %d entries, want 1", len(d.Replaces.Keys()))
	}
}

func TestHolderOn(t *testing.T) {
	d := accountabilityFixture()
	d.Index()
	for _, c := range []struct {
		village, role, date string
		want                string
	}{
		{"V1", "书记", "2023-06-29", "S1"},
		{"V1", "书记", "2023-06-30", ""}, // S1's last day is its term_end: not serving, S2 not yet
		{"V1", "书记", "2023-07-01", "S2"},
		{"V3", "书记", "2025-12-31", "S6"}, // handover day goes to the new secretary
		{"V2", "第一书记", "2025-12-31", ""},
		{"V9", "书记", "2025-12-31", ""},
	} {
		got := ""
		if i := d.HolderOn(c.village, c.role, c.date); i >= 0 {
			got = d.Secretaries[i].ID
		}
		if got != c.want {
			t.Errorf("HolderOn(%s, %s, %s) = %q, want %q", c.village, c.role, c.date, got, c.want)
		}
	}
}

func TestHeldAndUpcoming(t *testing.T) {
	const asOf = "2025-12-31"
	for _, c := range []struct {
		h              Hearing
		held, upcoming bool
	}{
		{Hearing{Date: "2025-12-31", Outcome: "通过"}, true, false},
		{Hearing{Date: "2025-06-01", Outcome: "撤回"}, true, false},
		{Hearing{Date: "2025-06-01", Outcome: "待召开"}, false, false}, // outcome not recorded
		{Hearing{Date: "2026-01-01", Outcome: "待召开"}, false, true},
		{Hearing{Date: "2026-01-01", Outcome: "通过"}, false, false}, // invalid, but not held by as_of
		{Hearing{Date: "", Outcome: "通过"}, false, false},
	} {
		if got := c.h.Held(asOf); got != c.held {
			t.Errorf("%+v Held = %v", c.h, got)
		}
		if got := c.h.Upcoming(asOf); got != c.upcoming {
			t.Errorf("%+v Upcoming = %v", c.h, got)
		}
	}
}

// TestAwaitedAndEventDate: a hearing announced for the as_of day is
// awaited (held today) though not Upcoming; one whose day has passed
// unrecorded is neither. An announcement is news on its notice day.
func TestAwaitedAndEventDate(t *testing.T) {
	const asOf = "2025-12-31"
	for _, c := range []struct {
		h       Hearing
		awaited bool
		date    string
	}{
		{Hearing{Date: "2025-12-31", Outcome: "待召开", NoticeDate: "2025-12-20"}, true, "2025-12-20"},
		{Hearing{Date: "2026-01-09", Outcome: "待召开", NoticeDate: "2025-12-23"}, true, "2025-12-23"},
		{Hearing{Date: "2026-01-09", Outcome: "待召开", NoticeDate: "2026-01-02"}, true, asOf}, // noticed after as_of: known by as_of
		{Hearing{Date: "2026-01-09", Outcome: "待召开"}, true, asOf},
		{Hearing{Date: "2025-06-01", Outcome: "待召开"}, false, "2025-06-01"}, // passed unrecorded
		{Hearing{Date: "2025-06-01", Outcome: "通过", NoticeDate: "2025-05-20"}, false, "2025-06-01"},
		{Hearing{Date: "2026-01-01", Outcome: "通过"}, false, ""},
		{Hearing{Date: "", Outcome: "待召开"}, false, ""},
	} {
		if got := c.h.Awaited(asOf); got != c.awaited {
			t.Errorf("%+v Awaited = %v", c.h, got)
		}
		date, ok := c.h.EventDate(asOf)
		if date != c.date || ok != (c.date != "") {
			t.Errorf("%+v EventDate = %q, %v; want %q", c.h, date, ok, c.date)
		}
	}
}

func TestDates(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"2025-06-30", "2025-12-31", 184},
		{"2023-12-31", "2025-12-31", 731}, // across the leap day 2024-02-29
		{"2025-12-31", "2025-12-30", -1},
		{"", "2025-12-31", 0},
		{"2025-02-30", "2025-12-31", 0},
	} {
		if got := DaysBetween(c.a, c.b); got != c.want {
			t.Errorf("DaysBetween(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	for _, c := range []struct {
		date string
		n    int
		want string
	}{
		{"2025-12-31", 2, "2023-12-31"},
		{"2024-02-29", 1, "2023-02-28"},
		{"2024-02-29", 4, "2020-02-29"},
		{"", 2, ""},
	} {
		if got := YearsBefore(c.date, c.n); got != c.want {
			t.Errorf("YearsBefore(%q, %d) = %q, want %q", c.date, c.n, got, c.want)
		}
	}
	for _, c := range []struct {
		s    Secretary
		year int
		want int
	}{
		{Secretary{TermStart: "2023-07-01"}, 2023, 184},
		{Secretary{TermStart: "2021-01-15", TermEnd: "2023-06-30"}, 2023, 180}, // up to, not including, term_end
		{Secretary{TermStart: "2021-01-15", TermEnd: "2023-06-30"}, 2021, 351},
		{Secretary{TermStart: "2020-01-01"}, 2024, 366},
		{Secretary{TermStart: "2025-12-31"}, 2024, 0},
	} {
		if got := daysServed(&c.s, c.year); got != c.want {
			t.Errorf("daysServed(%+v, %d) = %d, want %d", c.s, c.year, got, c.want)
		}
	}
}
