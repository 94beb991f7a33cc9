package validate

import (
	"strconv"
	"strings"
	"testing"

	"gongshi/generator/dataset"
)

// codes indexes d and returns its problems as "line code severity", sorted,
// so that a test pins the rule each problem names as well as its place.
func codes(d *dataset.Dataset) string {
	if d.Rules.Appraisal.Grades == nil {
		d.Rules = dataset.DefaultRules()
	}
	if d.Site.AsOf == "" {
		d.Site.AsOf = "2025-12-31"
	}
	d.Index()
	var out []string
	for _, p := range Check(d).Sorted() {
		out = append(out, p.File+":"+strconv.Itoa(p.Line)+" "+p.Code+" "+p.Severity.String())
	}
	return strings.Join(out, "\n")
}

func TestLeaveReason(t *testing.T) {
	for _, c := range []struct {
		name string
		s    dataset.Secretary
		want string
	}{
		{"ended with a reason", dataset.Secretary{Src: at(2), ID: "S1", TermStart: "2021-01-15", TermEnd: "2023-06-30", LeaveReason: "调任"}, ""},
		{"ended without a reason", dataset.Secretary{Src: at(2), ID: "S1", TermStart: "2021-01-15", TermEnd: "2023-06-30"}, ""},
		{"serving with a reason", dataset.Secretary{Src: at(2), ID: "S1", TermStart: "2021-01-15", LeaveReason: "退休"},
			"data/t.csv:2 leave-reason-serving error"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := codes(&dataset.Dataset{Secretaries: []dataset.Secretary{c.s}}); got != c.want {
				t.Errorf("problems:\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestReplacements(t *testing.T) {
	p := func(line int, id, village, status, made, by string) dataset.Pledge {
		return dataset.Pledge{Src: at(line), ID: id, VillageID: village, Status: status, MadeOn: made, ReplacedBy: by}
	}
	const rev = "已调整"
	for _, c := range []struct {
		name    string
		pledges []dataset.Pledge
		want    string
	}{
		{"revised and replaced", []dataset.Pledge{p(2, "P1", "V1", rev, "2022-01-01", "P2"), p(3, "P2", "V1", "推进中", "2023-01-01", "")}, ""},
		{"revised without a replacement is not a problem here", []dataset.Pledge{p(2, "P1", "V1", rev, "2022-01-01", "")}, ""},
		{"two revised pledges merged into one", []dataset.Pledge{
			p(2, "P1", "V1", rev, "2022-01-01", "P3"), p(3, "P2", "V1", rev, "2022-01-01", "P3"), p(4, "P3", "V1", "推进中", "2023-01-01", "")}, ""},
		{"a chain of revisions", []dataset.Pledge{
			p(2, "P1", "V1", rev, "2022-01-01", "P2"), p(3, "P2", "V1", rev, "2023-01-01", "P3"), p(4, "P3", "V1", "已完成", "2024-01-01", "")}, ""},
		{"not revised", []dataset.Pledge{p(2, "P1", "V1", "推进中", "2022-01-01", "P2"), p(3, "P2", "V1", "推进中", "2023-01-01", "")},
			"data/t.csv:2 replaced-by-status error"},
		{"itself", []dataset.Pledge{p(2, "P1", "V1", rev, "2022-01-01", "P1")}, "data/t.csv:2 replaced-by-self error"},
		{"missing is the loader's", []dataset.Pledge{p(2, "P1", "V1", rev, "2022-01-01", "P9")}, ""},
		{"another village", []dataset.Pledge{p(2, "P1", "V1", rev, "2022-01-01", "P2"), p(3, "P2", "V2", "推进中", "2023-01-01", "")},
			"data/t.csv:2 replaced-by-village error"},
		{"made earlier", []dataset.Pledge{p(2, "P1", "V1", rev, "2022-01-01", "P2"), p(3, "P2", "V1", "推进中", "2021-01-01", "")},
			"data/t.csv:2 replaced-by-date warning"},
		{"two-pledge cycle, reported once at the first row", []dataset.Pledge{
			p(2, "P1", "V1", rev, "2022-01-01", "P2"), p(3, "P2", "V1", rev, "2022-01-01", "P1")},
			"data/t.csv:2 replaced-by-cycle error"},
		{"cycle entered from outside, first row of the cycle reported", []dataset.Pledge{
			p(2, "P0", "V1", rev, "2022-01-01", "P2"), p(3, "P1", "V1", rev, "2022-01-01", "P2"),
			p(4, "P2", "V1", rev, "2022-01-01", "P3"), p(5, "P3", "V1", rev, "2022-01-01", "P1")},
			"data/t.csv:3 replaced-by-cycle error"},
		{"two separate cycles", []dataset.Pledge{
			p(2, "P1", "V1", rev, "2022-01-01", "P2"), p(3, "P2", "V1", rev, "2022-01-01", "P1"),
			p(4, "P3", "V1", rev, "2022-01-01", "P4"), p(5, "P4", "V1", rev, "2022-01-01", "P3")},
			"data/t.csv:2 replaced-by-cycle error\ndata/t.csv:4 replaced-by-cycle error"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := codes(&dataset.Dataset{Pledges: c.pledges}); got != c.want {
				t.Errorf("problems:\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestCycleMessageNamesTheLoop(t *testing.T) {
	d := &dataset.Dataset{Pledges: []dataset.Pledge{
		{Src: at(2), ID: "P0", Status: "已调整", ReplacedBy: "P2"},
		{Src: at(3), ID: "P2", Status: "已调整", ReplacedBy: "P1"},
		{Src: at(4), ID: "P1", Status: "已调整", ReplacedBy: "P2"},
	}}
	want := `data/t.csv:3: replaced_by "P1": 调整后承诺形成循环：P2 → P1 → P2 (replacements go round in a circle: P2 → P1 → P2)`
	if got := run(d); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestActions(t *testing.T) {
	secs := []dataset.Secretary{
		{Src: at(2), ID: "S1", VillageID: "V1", Role: "书记", TermStart: "2021-01-15", TermEnd: "2023-06-30", LeaveReason: "免职"},
		{Src: at(3), ID: "S2", VillageID: "V1", Role: "书记", TermStart: "2023-07-01"},
	}
	apps := []dataset.Appraisal{
		{Src: at(2), Year: 2022, VillageID: "V1", SecretaryID: "S1", TotalScore: fptr(50)}, // 不称职, computed later
		{Src: at(3), Year: 2024, VillageID: "V1", SecretaryID: "S2", Grade: "优秀"},
		{Src: at(4), Year: 2025, VillageID: "V1", SecretaryID: "S2", MassesScore: fptr(80), MembersScore: fptr(80), OrgScore: fptr(80)},
	}
	// Enough points in 2024 for 优秀 to stand.
	trainings := []dataset.Training{{Src: at(2), ID: "T1", SecretaryID: "S2", Date: "2024-03-01", Kind: "集中培训", Points: 95}}
	a := func(line int, sec, date, kind string, year *int) dataset.Action {
		return dataset.Action{Src: at(line), ID: "A" + strconv.Itoa(line), SecretaryID: sec, Date: date, Kind: kind, Year: year}
	}
	for _, c := range []struct {
		name    string
		actions []dataset.Action
		want    string
	}{
		{"commendation after a top year", []dataset.Action{a(2, "S2", "2025-03-01", "表彰", iptr(2024))}, ""},
		{"dismissal within the term", []dataset.Action{a(2, "S1", "2023-06-30", "免职", iptr(2022))}, ""},
		{"sanction after a middling year", []dataset.Action{a(2, "S2", "2025-12-01", "书面诫勉", iptr(2025))}, ""},
		{"no year", []dataset.Action{a(2, "S2", "2024-05-01", "奖励", nil)}, ""},
		{"after as_of", []dataset.Action{a(2, "S2", "2026-01-02", "表彰", nil)}, "data/t.csv:2 action-after-as-of error"},
		{"before the term", []dataset.Action{a(2, "S2", "2023-06-30", "表彰", nil)}, "data/t.csv:2 action-before-term error"},
		{"year after the date", []dataset.Action{a(2, "S2", "2024-12-01", "表彰", iptr(2025))}, "data/t.csv:2 action-year-after-date error"},
		{"year without appraisal", []dataset.Action{a(2, "S2", "2024-02-01", "表彰", iptr(2023))}, "data/t.csv:2 action-year-no-appraisal warning"},
		{"reward after the lowest grade (computed from the total)", []dataset.Action{a(2, "S1", "2023-02-01", "奖励", iptr(2022))},
			"data/t.csv:2 action-grade warning"},
		{"sanction after the top grade", []dataset.Action{a(2, "S2", "2025-02-01", "警告", iptr(2024))}, "data/t.csv:2 action-grade warning"},
		{"removal while still serving", []dataset.Action{a(2, "S2", "2025-06-01", "撤职", nil)}, "data/t.csv:2 action-still-serving warning"},
		{"removal after the term ended", []dataset.Action{a(2, "S1", "2023-07-15", "责令辞职", nil)}, "data/t.csv:2 action-after-term warning"},
		{"warning is no removal", []dataset.Action{a(2, "S2", "2025-06-01", "警告", nil)}, ""},
		{"reward in the year of an admonition", []dataset.Action{
			a(2, "S2", "2025-01-10", "谈话诫勉", nil), a(3, "S2", "2025-11-01", "奖励", nil)},
			"data/t.csv:3 reward-while-admonished warning"},
		{"commendation before an admonition of the same year", []dataset.Action{
			a(2, "S2", "2025-03-01", "表彰", nil), a(3, "S2", "2025-11-01", "书面诫勉", nil)},
			"data/t.csv:2 reward-while-admonished warning"},
		{"admonition and reward in different years", []dataset.Action{
			a(2, "S2", "2024-01-10", "谈话诫勉", nil), a(3, "S2", "2025-11-01", "奖励", nil)}, ""},
		{"unknown secretary is the loader's", []dataset.Action{a(2, "S9", "2025-01-10", "表彰", nil)}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &dataset.Dataset{Secretaries: secs, Appraisals: apps, Actions: c.actions, Trainings: trainings}
			if got := codes(d); got != c.want {
				t.Errorf("problems:\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestScheduledHearings(t *testing.T) {
	h := func(date, outcome string, votes *int) dataset.Hearing {
		return dataset.Hearing{Src: at(2), ID: "H1", VillageID: "V1", Date: date, Outcome: outcome, VotesFor: votes}
	}
	for _, c := range []struct {
		name      string
		h         dataset.Hearing
		questions bool
		want      string
	}{
		{"held", h("2025-05-01", "通过", iptr(20)), true, ""},
		{"announced", h("2026-02-01", "待召开", nil), false, ""},
		{"on as_of, held", h("2025-12-31", "暂缓", nil), false, ""},
		{"after as_of with an outcome", h("2026-02-01", "通过", nil), false, "data/t.csv:2 hearing-future-outcome error"},
		{"passed and still scheduled", h("2025-12-31", "待召开", nil), false, "data/t.csv:2 hearing-outcome-missing warning"},
		{"scheduled with votes", h("2026-02-01", "待召开", iptr(3)), false, "data/t.csv:2 scheduled-votes error"},
		{"scheduled with questions", h("2026-02-01", "待召开", nil), true, "data/q.csv:2 scheduled-questions error"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &dataset.Dataset{Hearings: []dataset.Hearing{c.h}}
			if c.questions {
				d.HearingQuestions = []dataset.HearingQuestion{{Src: dataset.Src{In: &dataset.SrcFile{File: "data/q.csv"}, Line: 2}, HearingID: "H1", Seq: 1, Question: "?", Answer: "!"}}
			}
			if got := codes(d); got != c.want {
				t.Errorf("problems:\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}
