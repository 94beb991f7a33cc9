package validate

import (
	"strings"
	"testing"

	"gongshi/generator/dataset"
)

func at(line int) dataset.Src {
	return dataset.Src{In: &dataset.SrcFile{File: "data/t.csv"}, Line: int32(line)}
}

func iptr(x int) *int { return &x }

func fptr(x float64) *float64 { return &x }

// run indexes d and returns its problems, one per line, sorted.
func run(d *dataset.Dataset) string {
	if d.Rules.Appraisal.Grades == nil {
		d.Rules = dataset.DefaultRules()
	}
	d.Index()
	var out []string
	for _, p := range Check(d).Sorted() {
		out = append(out, p.String())
	}
	return strings.Join(out, "\n")
}

func TestSecretaryTerms(t *testing.T) {
	sec := func(line int, id, role, start, end string) dataset.Secretary {
		return dataset.Secretary{Src: at(line), ID: id, Name: "名" + id, VillageID: "V1", Role: role, TermStart: start, TermEnd: end}
	}
	for _, c := range []struct {
		name string
		secs []dataset.Secretary
		want string
	}{
		{"consecutive terms", []dataset.Secretary{
			sec(2, "S1", "书记", "2021-01-15", "2023-06-30"), sec(3, "S2", "书记", "2023-07-01", "")}, ""},
		{"secretary and first secretary at once", []dataset.Secretary{
			sec(2, "S1", "书记", "2021-01-15", ""), sec(3, "S2", "第一书记", "2022-01-01", "")}, ""},
		{"handover on the same day is no overlap", []dataset.Secretary{
			sec(2, "S1", "书记", "2021-01-15", "2023-07-01"), sec(3, "S2", "书记", "2023-07-01", "")}, ""},
		{"one day of overlap", []dataset.Secretary{
			sec(2, "S1", "书记", "2021-01-15", "2023-07-02"), sec(3, "S2", "书记", "2023-07-01", "")},
			"data/t.csv:3: term_start \"2023-07-01\": 与 名S1（data/t.csv:2）的书记任期重叠 (overlaps the secretary term of S1 (data/t.csv:2))"},
		{"still serving when the next starts, input out of order", []dataset.Secretary{
			sec(2, "S2", "书记", "2023-07-01", ""), sec(3, "S1", "书记", "2021-01-15", "")},
			"data/t.csv:2: term_start \"2023-07-01\": 与 名S1（data/t.csv:3）的书记任期重叠 (overlaps the secretary term of S1 (data/t.csv:3))"},
		{"ends before it starts", []dataset.Secretary{sec(2, "S1", "书记", "2023-01-01", "2022-12-31")},
			"data/t.csv:2: term_end \"2022-12-31\": 任职结束日期早于开始日期 2023-01-01 (term ends before it starts (2023-01-01))"},
		{"other villages do not overlap", []dataset.Secretary{
			sec(2, "S1", "书记", "2021-01-15", ""), {Src: at(3), ID: "S2", VillageID: "V2", Role: "书记", TermStart: "2021-01-15"}}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := run(&dataset.Dataset{Secretaries: c.secs}); got != c.want {
				t.Errorf("problems:\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestHearings(t *testing.T) {
	h := func(outcome string, attendees, yes, no, abstain *int) dataset.Hearing {
		return dataset.Hearing{Src: at(2), ID: "H1", Date: "2024-04-12", NoticeDate: "2024-04-05", Outcome: outcome,
			Attendees: attendees, VotesFor: yes, VotesAgainst: no, VotesAbstain: abstain}
	}
	for _, c := range []struct {
		name string
		h    dataset.Hearing
		want string
	}{
		{"clear majority", h("通过", iptr(40), iptr(35), iptr(3), iptr(2)), ""},
		{"every attendee votes", h("通过", iptr(40), iptr(40), iptr(0), iptr(0)), ""},
		{"no votes recorded", h("暂缓", iptr(30), nil, nil, nil), ""},
		{"votes exceed attendees", h("通过", iptr(10), iptr(9), iptr(1), iptr(1)),
			"data/t.csv:2: votes_for \"11\": 票数合计 11 超过参会人数 10 (11 votes cast but only 10 attended)"},
		{"passed on exactly half", h("通过", iptr(10), iptr(5), iptr(5), nil),
			"data/t.csv:2: 警告 warning: votes_for \"5\": 结果为通过，但赞成票未超过所投 10 票的半数 (passed, but votes for are not more than half of the 10 cast)"},
		{"rejected on half is fine", h("未通过", iptr(10), iptr(5), iptr(5), nil), ""},
		{"passed by one more than half", h("通过", nil, iptr(6), iptr(5), nil), ""},
		{"notice after the hearing", dataset.Hearing{Src: at(2), ID: "H1", Date: "2024-04-12", NoticeDate: "2024-04-13", Outcome: "通过"},
			"data/t.csv:2: notice_date \"2024-04-13\": 公告日期晚于听证日期 2024-04-12 (notice given after the hearing (2024-04-12))"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := run(&dataset.Dataset{Hearings: []dataset.Hearing{c.h}}); got != c.want {
				t.Errorf("problems:\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestAppraisals(t *testing.T) {
	secs := []dataset.Secretary{{Src: at(2), ID: "S1", VillageID: "V1", Role: "书记", TermStart: "2021-01-15", TermEnd: "2024-06-30"}}
	train := []dataset.Training{{SecretaryID: "S1", Date: "2024-03-01", Points: 60}, {SecretaryID: "S1", Date: "2024-09-01", Points: 30}}
	a := func(year int, m, p, o, total *float64, grade string) dataset.Appraisal {
		return dataset.Appraisal{Src: at(5), Year: year, VillageID: "V1", SecretaryID: "S1",
			MassesScore: m, MembersScore: p, OrgScore: o, TotalScore: total, Grade: grade}
	}
	s := fptr
	for _, c := range []struct {
		name string
		a    dataset.Appraisal
		want string
	}{
		{"computed later", a(2024, s(80), s(78), s(85), nil, ""), ""},
		{"given and consistent", a(2024, s(92), s(95), s(90), s(92.3), "优秀"), ""},
		{"rounding tolerance", a(2024, s(80), s(78), s(85), s(80.904), "称职"), ""},
		{"total disagrees", a(2024, s(80), s(78), s(85), s(81), ""),
			"data/t.csv:5: 警告 warning: total_score \"81\": 与按权重计算的 80.90 不一致 (differs from 80.90 computed with the weights in rules.toml)"},
		{"grade disagrees with total", a(2024, nil, nil, nil, s(74.99), "称职"),
			"data/t.csv:5: 警告 warning: grade \"称职\": 综合得分 74.99 对应的等次应为 基本称职 (a total of 74.99 gives the grade 基本称职)"},
		{"nothing to grade", a(2024, s(80), nil, nil, nil, ""),
			"data/t.csv:5: 警告 warning: total_score: 缺少得分，无法计算综合得分和等次 (scores are missing: no total or grade can be computed)"},
		{"outside the term", a(2025, nil, nil, nil, s(80), ""),
			"data/t.csv:5: 警告 warning: year \"2025\": 该年度不在书记任期内 (the year is outside the secretary's term)"},
		{"top grade with 90 points", a(2024, nil, nil, nil, s(95), ""), ""},
		{"top grade computed without the points", a(2023, nil, nil, nil, s(95), ""),
			"data/t.csv:5: 警告 warning: grade: 按得分计算的等次为优秀，但当年培训积分 0 分，未达到 90 分，不应评为优秀：请核对得分或培训记录 (the scores give the grade 优秀, but training points 0 are below 90: cannot be rated 优秀; check the scores or the training records)"},
		{"top grade given without the points", a(2023, nil, nil, nil, s(95), "优秀"),
			"data/t.csv:5: 警告 warning: grade \"优秀\": 当年培训积分 0 分，未达到 90 分，不应评为优秀 (training points 0 are below 90: cannot be rated 优秀)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &dataset.Dataset{Secretaries: secs, Trainings: train, Appraisals: []dataset.Appraisal{c.a}}
			if got := run(d); got != c.want {
				t.Errorf("problems:\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestPledgesAndUpdates(t *testing.T) {
	secs := []dataset.Secretary{
		{ID: "S1", VillageID: "V1", Role: "书记", TermStart: "2023-07-01"},
		{ID: "S9", VillageID: "V9", Role: "书记", TermStart: "2021-01-01"},
	}
	p := func(id, sec, kind, made, due, status string, progress *int) dataset.Pledge {
		return dataset.Pledge{Src: at(3), ID: id, VillageID: "V1", SecretaryID: sec, Kind: kind, MadeOn: made, Due: due, Status: status, Progress: progress}
	}
	for _, c := range []struct {
		name    string
		p       dataset.Pledge
		updates []dataset.PledgeUpdate
		want    string
	}{
		{"fine", p("P1", "S1", "年度实事", "2024-03-01", "2024-12-31", "推进中", iptr(50)), nil, ""},
		{"due before made", p("P1", "S1", "年度实事", "2024-03-01", "2024-02-28", "推进中", nil), nil,
			"data/t.csv:3: due \"2024-02-28\": 完成时限早于承诺日期 2024-03-01 (due before the pledge was made (2024-03-01))"},
		{"campaign pledge before the term", p("P1", "S1", "选前承诺", "2023-06-01", "", "推进中", nil), nil, ""},
		{"annual task before the term", p("P1", "S1", "年度实事", "2023-06-01", "", "推进中", nil), nil,
			"data/t.csv:3: 警告 warning: made_on \"2023-06-01\": 承诺日期不在该书记任期内 (made outside the secretary's term)"},
		{"secretary elsewhere", p("P1", "S9", "年度实事", "2024-03-01", "", "推进中", nil), nil,
			"data/t.csv:3: 警告 warning: secretary_id \"S9\": 该书记不在本村（V9）任职 (this secretary serves in another village (V9))"},
		{"done below 100", p("P1", "S1", "年度实事", "2024-03-01", "", "已完成", iptr(99)), nil,
			"data/t.csv:3: 警告 warning: progress \"99\": 状态为已完成但进度不足 100 (status is done but progress is below 100)"},
		{"latest update disagrees", p("P1", "S1", "年度实事", "2024-03-01", "", "推进中", nil), []dataset.PledgeUpdate{
			{Src: at(8), PledgeID: "P1", Date: "2024-10-01", Status: "已完成"},
			{Src: at(7), PledgeID: "P1", Date: "2024-05-01", Status: "推进中"},
		}, "data/t.csv:8: 警告 warning: status \"已完成\": 最新进展的状态与承诺表中的状态（推进中）不一致 (the latest update's status differs from the pledge's (推进中))"},
		{"update after as_of", p("P1", "S1", "年度实事", "2024-03-01", "", "推进中", nil), []dataset.PledgeUpdate{
			{Src: at(7), PledgeID: "P1", Date: "2026-01-01", Status: "推进中"},
		}, "data/t.csv:7: 警告 warning: date \"2026-01-01\": 进展日期晚于数据截止日期 2025-12-31（site.toml 的 as_of） (update dated after as_of in site.toml (2025-12-31))"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := &dataset.Dataset{Site: dataset.Site{AsOf: "2025-12-31"}, Secretaries: secs,
				Pledges: []dataset.Pledge{c.p}, PledgeUpdates: c.updates}
			if got := run(d); got != c.want {
				t.Errorf("problems:\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestCheckDoesNotChange makes sure validation only reports.
func TestCheckDoesNotChange(t *testing.T) {
	d := &dataset.Dataset{Rules: dataset.DefaultRules(), Appraisals: []dataset.Appraisal{
		{Year: 2024, SecretaryID: "S1", MassesScore: fptr(80), MembersScore: fptr(78), OrgScore: fptr(85)}}}
	d.Index()
	Check(d)
	if a := d.Appraisals[0]; a.TotalScore != nil || a.Grade != "" {
		t.Errorf("Check filled in %v %q", a.TotalScore, a.Grade)
	}
}
