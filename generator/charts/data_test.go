package charts

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// vals names the series of a chart by their legend entry.
type vals map[string][]float64

func seriesOf(d *Data) vals {
	out := vals{}
	for _, s := range d.Series {
		out[s.Name] = s.Values
	}
	return out
}

func seriesNames(d *Data) []string {
	var out []string
	for _, s := range d.Series {
		out = append(out, s.Name)
	}
	return out
}

// zeros returns n zero values.
func zeros(n int) []float64 { return make([]float64, n) }

// at returns n zero values with v at index i.
func at(n, i int, v float64) []float64 {
	out := zeros(n)
	out[i] = v
	return out
}

var months = []string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"}

// TestDataBase checks every chart of the base county against counts made by
// hand from its CSV files (check/testdata/base/data, as_of 2025-12-31,
// default rules: weights 0.4/0.3/0.3, 优秀 ≥ 90, 称职 ≥ 75, 基本称职 ≥ 60;
// training 合格 ≥ 60, 可评优秀 ≥ 90).
//
//	pledges: P1 V1(东乡镇) 任期目标/公益事业 2023 已完成 · P2 V1 年度实事/经济发展 2024 推进中
//	         P3 V2(东乡镇) 选前承诺/热点难点 2021 部分完成 · P4 V3(西乡镇) 年度实事/组织建设 2025 未启动
//	appraisals: 2024 V1 优秀 (given) 9★/5★ · 2024 V2 80.9 → 称职 7/4 · 2024 V3 57.4 → 不称职 3/2
//	            2025 V3 53 → 不称职 2/2
//	hearings: H1 2024-04-12 通过 · H2 2025-05-20 暂缓
//	serving 书记 on 2025-12-31: S2 (1985, 本科, 外出能人回乡), S3 (1978, 大专, 离岗干部),
//	            S5 (1982, 中专, 驻村干部); S1's term ended, S4 is a 第一书记
//	training 2024: S2 40+30+25 = 95, S3 40, S5 20
func TestDataBase(t *testing.T) {
	ds := loadSource(t, baseSource)
	statuses := []string{"未启动", "推进中", "已完成", "部分完成", "未完成", "已调整"}
	outcomes := []string{"通过", "修改后通过", "未通过", "暂缓", "撤回"}
	for _, c := range []struct {
		name   string
		d      *Data
		title  string
		kind   string
		cats   []string
		series []string // legend order
		want   vals
		note   string
	}{
		{
			name: "pledge-status", d: mk(t, ds).pledgeStatus(0), title: "各乡镇承诺完成情况", kind: "hbar",
			cats: []string{"东乡镇", "西乡镇"}, series: statuses,
			want: vals{"未启动": {0, 1}, "推进中": {1, 0}, "已完成": {1, 0}, "部分完成": {1, 0}, "未完成": {0, 0}, "已调整": {0, 0}},
		},
		{
			name: "pledge-status 2024", d: mk(t, ds).pledgeStatus(2024), title: "2024年各乡镇承诺完成情况", kind: "hbar",
			cats: []string{"东乡镇", "西乡镇"}, series: statuses,
			want: vals{"未启动": {0, 0}, "推进中": {1, 0}, "已完成": {0, 0}, "部分完成": {0, 0}, "未完成": {0, 0}, "已调整": {0, 0}},
		},
		{
			name: "pledge-status 2025", d: mk(t, ds).pledgeStatus(2025), title: "2025年各乡镇承诺完成情况", kind: "hbar",
			cats: []string{"东乡镇", "西乡镇"}, series: statuses,
			want: vals{"未启动": {0, 1}, "推进中": {0, 0}, "已完成": {0, 0}, "部分完成": {0, 0}, "未完成": {0, 0}, "已调整": {0, 0}},
		},
		{
			name: "pledge-categories", d: mk(t, ds).pledgeCategories(0), title: "承诺事项的类别和类型", kind: "bar",
			cats: []string{"组织建设", "公益事业", "经济发展", "热点难点"}, series: []string{"选前承诺", "任期目标", "年度实事"},
			want: vals{"选前承诺": {0, 0, 0, 1}, "任期目标": {0, 1, 0, 0}, "年度实事": {1, 0, 1, 0}},
		},
		{
			name: "pledge-categories 2024", d: mk(t, ds).pledgeCategories(2024), title: "2024年承诺事项的类别和类型", kind: "bar",
			cats: []string{"组织建设", "公益事业", "经济发展", "热点难点"}, series: []string{"选前承诺", "任期目标", "年度实事"},
			want: vals{"选前承诺": {0, 0, 0, 0}, "任期目标": {0, 0, 0, 0}, "年度实事": {0, 0, 1, 0}},
		},
		{
			name: "stars", d: mk(t, ds).stars(), title: "书记和班子的平均星级", kind: "line",
			cats: []string{"2024", "2025"}, series: []string{"书记平均星级（满分10）", "班子平均星级（满分5）"},
			// (9+7+3)/3 = 6.33, (5+4+2)/3 = 3.67
			want: vals{"书记平均星级（满分10）": {6.33, 2}, "班子平均星级（满分5）": {3.67, 2}},
		},
		{
			name: "grades", d: mk(t, ds).grades(), title: "历年评议等次分布", kind: "bar",
			cats: []string{"2024", "2025"}, series: []string{"优秀", "称职", "基本称职", "不称职"},
			want: vals{"优秀": {1, 0}, "称职": {1, 0}, "基本称职": {0, 0}, "不称职": {1, 1}},
		},
		{
			name: "hearing-outcomes 2024", d: mk(t, ds).hearingOutcomes(2024), title: "2024年民主听证结果", kind: "bar",
			cats: months, series: outcomes,
			want: vals{"通过": at(12, 3, 1), "修改后通过": zeros(12), "未通过": zeros(12), "暂缓": zeros(12), "撤回": zeros(12)},
		},
		{
			name: "hearing-outcomes 2025", d: mk(t, ds).hearingOutcomes(2025), title: "2025年民主听证结果", kind: "bar",
			cats: months, series: outcomes,
			want: vals{"通过": zeros(12), "修改后通过": zeros(12), "未通过": zeros(12), "暂缓": at(12, 4, 1), "撤回": zeros(12)},
		},
		{
			name: "hearing-outcomes by year", d: mk(t, ds).hearingOutcomes(0), title: "民主听证结果", kind: "bar",
			cats: []string{"2024", "2025"}, series: outcomes,
			want: vals{"通过": {1, 0}, "修改后通过": {0, 0}, "未通过": {0, 0}, "暂缓": {0, 1}, "撤回": {0, 0}},
		},
		{
			name: "channels", d: mk(t, ds).channels(), title: "在任书记的选任渠道", kind: "pie",
			cats: []string{"外出能人回乡", "驻村干部", "离岗干部"}, series: []string{"人数"},
			want: vals{"人数": {1, 1, 1}}, note: "在任书记，截至 2025年12月31日",
		},
		{
			// 2025 − 1985 = 40, 2025 − 1978 = 47, 2025 − 1982 = 43
			name: "ages", d: mk(t, ds).ages(), title: "在任书记的年龄", kind: "bar",
			cats: []string{"35–44岁", "45–54岁"}, series: []string{"人数"},
			want: vals{"人数": {2, 1}}, note: "在任书记，截至 2025年12月31日",
		},
		{
			name: "education", d: mk(t, ds).education(), title: "在任书记的学历", kind: "bar",
			cats: []string{"中专", "大专", "本科"}, series: []string{"人数"},
			want: vals{"人数": {1, 1, 1}}, note: "在任书记，截至 2025年12月31日",
		},
		{
			name: "training 2024", d: mk(t, ds).training(2024), title: "2024年书记培训积分", kind: "bar",
			cats:   []string{"不合格（低于60分）", "合格（60分至不足90分）", "可评优秀（90分及以上）"},
			series: []string{"人数"}, want: vals{"人数": {2, 0, 1}},
		},
		{
			name: "training latest", d: mk(t, ds).training(0), title: "2024年书记培训积分", kind: "bar",
			cats:   []string{"不合格（低于60分）", "合格（60分至不足90分）", "可评优秀（90分及以上）"},
			series: []string{"人数"}, want: vals{"人数": {2, 0, 1}},
		},
		{
			name: "training 2025 (none)", d: mk(t, ds).training(2025), title: "2025年书记培训积分", kind: "bar",
			cats:   []string{"不合格（低于60分）", "合格（60分至不足90分）", "可评优秀（90分及以上）"},
			series: []string{"人数"}, want: vals{"人数": {0, 0, 0}},
		},
		{
			name: "village-scores V3", d: mk(t, ds).villageScores("V3"), title: "历年评议得分", kind: "line",
			cats: []string{"2024", "2025"}, series: []string{"群众测评", "党员评议", "组织考核", "综合得分"},
			want: vals{"群众测评": {55, 50}, "党员评议": {58, 52}, "组织考核": {60, 58}, "综合得分": {57.4, 53}},
		},
		{
			name: "village-scores V1 (given total)", d: mk(t, ds).villageScores("V1"), title: "历年评议得分", kind: "line",
			cats: []string{"2024"}, series: []string{"群众测评", "党员评议", "组织考核", "综合得分"},
			want: vals{"群众测评": {92}, "党员评议": {95}, "组织考核": {90}, "综合得分": {92.3}},
		},
		{
			name: "village-stars V3", d: mk(t, ds).villageStars("V3"), title: "历年星级", kind: "groupbar",
			cats: []string{"2024", "2025"}, series: []string{"书记星级（满分10）", "班子星级（满分5）"},
			want: vals{"书记星级（满分10）": {3, 2}, "班子星级（满分5）": {2, 2}},
		},
		{
			// 上村: P1 已完成, P2 推进中 → 50%; 中村: P3 部分完成 → 0%
			name: "township-completion T1", d: mk(t, ds).townshipCompletion("T1"), title: "各村承诺完成率", kind: "hbar",
			cats: []string{"上村", "中村"}, series: []string{"完成率（%）"}, want: vals{"完成率（%）": {50, 0}},
		},
		{
			name: "township-completion T2", d: mk(t, ds).townshipCompletion("T2"), title: "各村承诺完成率", kind: "hbar",
			cats: []string{"下村"}, series: []string{"完成率（%）"}, want: vals{"完成率（%）": {0}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := c.d
			if d.Title != c.title {
				t.Errorf("title %q, want %q", d.Title, c.title)
			}
			if d.Kind != c.kind {
				t.Errorf("kind %q, want %q", d.Kind, c.kind)
			}
			if !reflect.DeepEqual(d.Categories, c.cats) {
				t.Errorf("categories %q, want %q", d.Categories, c.cats)
			}
			if got := seriesNames(d); !reflect.DeepEqual(got, c.series) {
				t.Errorf("series %q, want %q", got, c.series)
			}
			if got := seriesOf(d); !reflect.DeepEqual(got, c.want) {
				t.Errorf("values\n got %v\nwant %v", got, c.want)
			}
			for _, s := range d.Series {
				if len(s.Values) != len(d.Categories) {
					t.Errorf("series %q has %d values for %d categories", s.Name, len(s.Values), len(d.Categories))
				}
			}
			if d.Note != c.note {
				t.Errorf("note %q, want %q", d.Note, c.note)
			}
		})
	}
}

// TestGradesComputedByDerive: two of the base county's 2024 appraisals and
// its 2025 one leave grade empty; Grades counts the grades Derive computed
// from the rules, not only those typed in.
func TestGradesComputedByDerive(t *testing.T) {
	ds := loadSource(t, baseSource)
	computed := 0
	for _, a := range ds.Appraisals {
		if a.GradeComputed {
			computed++
		}
	}
	if computed != 3 {
		t.Fatalf("%d computed grades in the base county, want 3 (is the fixture changed?)", computed)
	}
	d := mk(t, ds).grades()
	if got := d.Total(); got != float64(len(ds.Appraisals)) {
		t.Errorf("grades total %v, want %d appraisals", got, len(ds.Appraisals))
	}
}

// TestTrainingBandsFollowRules: the bands move with data/rules.toml, and a
// total exactly on a threshold falls in the upper band.
func TestTrainingBandsFollowRules(t *testing.T) {
	for _, c := range []struct {
		name  string
		rules string
		cats  []string
		want  []float64 // 不合格, 合格, 可评优秀 — S2 95, S3 40, S5 20
		en    []string  // the categories in English, where given
	}{
		{"defaults", "", []string{"不合格（低于60分）", "合格（60分至不足90分）", "可评优秀（90分及以上）"}, []float64{2, 0, 1},
			[]string{"Fail (below 60)", "Pass (60 to under 90)", "Enough for the top grade (90 and over)"}},
		{"lower", "[training]\nmin_points = 20\nexcellence_points = 40\n",
			[]string{"不合格（低于20分）", "合格（20分至不足40分）", "可评优秀（40分及以上）"}, []float64{0, 1, 2}, nil},
		{"fractional", "[training]\nmin_points = 40.5\nexcellence_points = 95.5\n",
			[]string{"不合格（低于40.5分）", "合格（40.5分至不足95.5分）", "可评优秀（95.5分及以上）"}, []float64{2, 1, 0}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{}
			if c.rules != "" {
				files["data/rules.toml"] = c.rules
			}
			ds := loadSource(t, baseSite(t, files))
			d := mk(t, ds).training(2024)
			if !reflect.DeepEqual(d.Categories, c.cats) {
				t.Errorf("categories %q, want %q", d.Categories, c.cats)
			}
			if got := d.Series[0].Values; !reflect.DeepEqual(got, c.want) {
				t.Errorf("bands %v, want %v", got, c.want)
			}
			if c.en != nil {
				if got := New(ds, enWords(t)).training(2024).Categories; !reflect.DeepEqual(got, c.en) {
					t.Errorf("English categories %q, want %q", got, c.en)
				}
			}
		})
	}
}

// TestServingOnAsOf: only 书记 terms covering as_of count (a term ending on
// as_of hands over that day and no longer counts); missing values fall into
// their own category.
func TestServingOnAsOf(t *testing.T) {
	by := func(y int) *int { return &y }
	ds := &dataset.Dataset{Site: dataset.Site{AsOf: "2025-06-30"}, Secretaries: []dataset.Secretary{
		{ID: "A", Role: "书记", TermStart: "2021-01-01", TermEnd: "2025-07-01", BirthYear: by(1990), Education: "本科", Source: "本地能人"}, // ends after as_of: serving, 35
		{ID: "B", Role: "书记", TermStart: "2025-06-30", BirthYear: by(1991), Education: "硕士", Source: ""},                            // starts on as_of: serving, 34
		{ID: "C", Role: "书记", TermStart: "2025-07-01", BirthYear: by(1950), Education: "本科", Source: "其他"},                          // not yet
		{ID: "D", Role: "书记", TermStart: "2020-01-01", TermEnd: "2025-06-30", BirthYear: by(1950), Education: "本科"},                 // handed over on as_of
		{ID: "E", Role: "第一书记", TermStart: "2020-01-01", BirthYear: by(1950), Education: "本科", Source: "机关下派"},                      // not a 书记
		{ID: "F", Role: "书记", TermStart: "2020-01-01", Source: "本地能人"},                                                              // no birth year, no education
		{ID: "G", Role: "书记", TermStart: "2020-01-01", BirthYear: by(1970), Education: "初中及以下", Source: "大学生村官"},                    // 55
	}}
	ds.Derive()
	for _, c := range []struct {
		d    *Data
		cats []string
		want []float64
	}{
		{mk(t, ds).channels(), []string{"本地能人", "大学生村官", "未填写"}, []float64{2, 1, 1}},
		{mk(t, ds).ages(), []string{"35岁以下", "35–44岁", "55岁及以上", "未公开"}, []float64{1, 1, 1, 1}},
		{mk(t, ds).education(), []string{"初中及以下", "本科", "未填写", "硕士"}, []float64{1, 1, 1, 1}},
		// English names the usual levels; a value of the county's own (硕士) is shown as entered.
		{New(ds, enWords(t)).education(), []string{"Junior high school or less", "Bachelor's degree", "Not given", "硕士"}, []float64{1, 1, 1, 1}},
	} {
		if !reflect.DeepEqual(c.d.Categories, c.cats) || !reflect.DeepEqual(c.d.Series[0].Values, c.want) {
			t.Errorf("%s: %q %v, want %q %v", c.d.Name, c.d.Categories, c.d.Series[0].Values, c.cats, c.want)
		}
		if got := c.d.Total(); got != 4 {
			t.Errorf("%s: total %v, want the 4 serving secretaries", c.d.Name, got)
		}
	}
}

// TestDataDemo checks chart totals against the demo county's rows, and the
// pledge chart against an independent count per township and status.
func TestDataDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("demo county: not in -short")
	}
	ds := loadSource(t, demoSource)
	if len(ds.Pledges) == 0 || len(ds.Appraisals) == 0 || len(ds.Hearings) == 0 {
		t.Fatal("demo county has no pledges, appraisals or hearings")
	}
	if len(ds.Townships) > maxCategories {
		t.Fatalf("demo county has %d townships: the totals below assume no cap", len(ds.Townships))
	}

	if got := mk(t, ds).pledgeStatus(0).Total(); got != float64(len(ds.Pledges)) {
		t.Errorf("pledge-status: sum over series %v, want %d pledges", got, len(ds.Pledges))
	}
	if got := mk(t, ds).pledgeCategories(0).Total(); got != float64(len(ds.Pledges)) {
		t.Errorf("pledge-categories: sum %v, want %d pledges", got, len(ds.Pledges))
	}
	if got := mk(t, ds).grades().Total(); got != float64(len(ds.Appraisals)) {
		t.Errorf("grades: sum %v, want %d appraisals", got, len(ds.Appraisals))
	}
	withOutcome := 0 // 待召开 (scheduled) is no outcome yet
	for _, h := range ds.Hearings {
		if h.Outcome != schema.OutcomeScheduled {
			withOutcome++
		}
	}
	if withOutcome == len(ds.Hearings) {
		t.Error("demo county has no scheduled hearing")
	}
	if got := mk(t, ds).hearingOutcomes(0).Total(); got != float64(withOutcome) {
		t.Errorf("hearing-outcomes by year: sum %v, want %d hearings", got, withOutcome)
	}
	// A year with announced hearings only (the demo's next year) has no
	// outcome to show: it is not a column.
	heldYears := map[string]bool{}
	for _, h := range ds.Hearings {
		if h.Held(ds.Site.AsOf) {
			heldYears[strconv.Itoa(dataset.Year(h.Date))] = true
		}
	}
	if cats := mk(t, ds).hearingOutcomes(0).Categories; len(cats) != len(heldYears) {
		t.Errorf("hearing-outcomes by year: years %v, want the %d with hearings held", cats, len(heldYears))
	}
	serving := 0
	for _, s := range ds.Secretaries {
		if s.Role == "书记" && s.TermStart <= ds.Site.AsOf && (s.TermEnd == "" || s.TermEnd >= ds.Site.AsOf) {
			serving++
		}
	}
	for _, d := range []*Data{mk(t, ds).channels(), mk(t, ds).ages(), mk(t, ds).education()} {
		if got := d.Total(); got != float64(serving) {
			t.Errorf("%s: sum %v, want %d serving secretaries", d.Name, got, serving)
		}
	}

	// Per year: the charts with year= count that year's rows only.
	for _, y := range ds.Years {
		made, hearings := 0, 0
		for _, p := range ds.Pledges {
			if dataset.Year(p.MadeOn) == y {
				made++
			}
		}
		for _, h := range ds.Hearings {
			if dataset.Year(h.Date) == y && h.Outcome != schema.OutcomeScheduled {
				hearings++
			}
		}
		if got := mk(t, ds).pledgeStatus(y).Total(); got != float64(made) {
			t.Errorf("pledge-status %d: sum %v, want %d", y, got, made)
		}
		if got := mk(t, ds).hearingOutcomes(y).Total(); got != float64(hearings) {
			t.Errorf("hearing-outcomes %d: sum %v, want %d", y, got, hearings)
		}
	}

	// PledgeStatus cell by cell: township name × status counted from the rows.
	hand := map[string]int{}
	for _, p := range ds.Pledges {
		v := ds.Villages[ds.VillageByID[p.VillageID]]
		tw := ds.Townships[ds.TownshipByID[v.TownshipID]]
		hand[tw.Name+"/"+p.Status]++
	}
	d := mk(t, ds).pledgeStatus(0)
	got := map[string]int{}
	for _, s := range d.Series {
		for i, v := range s.Values {
			if v != 0 {
				got[d.Categories[i]+"/"+s.Name] = int(v)
			}
		}
	}
	if !reflect.DeepEqual(got, hand) {
		t.Errorf("pledge-status by township and status\n got %v\nwant %v", got, hand)
	}
}

// syntheticCounty returns a county of n townships, one village each; the
// township of index i has i+1 pledges, the first of them done.
func syntheticCounty(n int) *dataset.Dataset {
	ds := &dataset.Dataset{Site: dataset.Site{AsOf: "2025-12-31"}, Rules: dataset.DefaultRules()}
	for i := 0; i < n; i++ {
		tid, vid := fmt.Sprintf("T%03d", i), fmt.Sprintf("V%03d", i)
		ds.Townships = append(ds.Townships, dataset.Township{ID: tid, Name: "乡镇" + strconv.Itoa(i)})
		ds.Villages = append(ds.Villages, dataset.Village{ID: vid, Name: "村" + strconv.Itoa(i), TownshipID: tid})
		for k := 0; k <= i; k++ {
			status := "推进中"
			if k == 0 {
				status = "已完成"
			}
			ds.Pledges = append(ds.Pledges, dataset.Pledge{ID: fmt.Sprintf("P%03d_%d", i, k), VillageID: vid,
				Kind: "年度实事", Category: "公益事业", MadeOn: "2024-01-01", Status: status})
		}
	}
	ds.Derive()
	return ds
}

// TestMaxCategories: a county of more than 30 townships shows the 30 with
// most pledges, says so in a note, and the note reaches the description.
func TestMaxCategories(t *testing.T) {
	for _, n := range []int{maxCategories, maxCategories + 1, 45} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			ds := syntheticCounty(n)
			d := mk(t, ds).pledgeStatus(0)
			if n <= maxCategories {
				if len(d.Categories) != n || d.Note != "" {
					t.Errorf("%d townships: %d categories, note %q; want all, no note", n, len(d.Categories), d.Note)
				}
				return
			}
			if len(d.Categories) != maxCategories {
				t.Fatalf("%d categories, want %d", len(d.Categories), maxCategories)
			}
			if want := "仅列承诺数最多的 30 个乡镇"; d.Note != want {
				t.Errorf("note %q, want %q", d.Note, want)
			}
			// Most pledges first: township n-1 has n pledges, down to n-30.
			for i, c := range d.Categories {
				if want := "乡镇" + strconv.Itoa(n-1-i); c != want {
					t.Errorf("category %d is %q, want %q", i, c, want)
				}
			}
			// Every kept township's counts are whole: nothing lost to the cap.
			kept := 0.0
			for i := n - maxCategories; i < n; i++ {
				kept += float64(i + 1)
			}
			if got := d.Total(); got != kept {
				t.Errorf("total %v, want %v (the pledges of the kept townships)", got, kept)
			}
			v, err := mk(t, nil).view(d, "pledge_status", "x.csv")
			if err != nil {
				t.Fatal(err)
			}
			if len(v.Rows) != maxCategories {
				t.Errorf("table has %d rows, want %d", len(v.Rows), maxCategories)
			}
			if !strings.Contains(v.Desc, d.Note) {
				t.Errorf("description %q does not carry the note %q", v.Desc, d.Note)
			}
			// The table of townships behind the shortcode has the same cap.
			if rows := mk(t, ds).tabTownships(0, 500).Rows; len(rows) != maxCategories {
				t.Errorf("township-pledges table: %d rows, want %d", len(rows), maxCategories)
			}
		})
	}
}

// TestTownshipCompletionCap: a township of more than 30 villages shows the
// first 30 by ID, with a note.
func TestTownshipCompletionCap(t *testing.T) {
	ds := &dataset.Dataset{Site: dataset.Site{AsOf: "2025-12-31"}, Rules: dataset.DefaultRules(),
		Townships: []dataset.Township{{ID: "T1", Name: "大镇"}}}
	for i := 40; i > 0; i-- { // reverse order: the chart sorts by ID
		ds.Villages = append(ds.Villages, dataset.Village{ID: fmt.Sprintf("V%02d", i), Name: fmt.Sprintf("村%02d", i), TownshipID: "T1"})
	}
	ds.Pledges = []dataset.Pledge{
		{ID: "P1", VillageID: "V01", Status: "已完成", MadeOn: "2024-01-01"},
		{ID: "P2", VillageID: "V01", Status: "推进中", MadeOn: "2024-01-01"},
		{ID: "P3", VillageID: "V01", Status: "推进中", MadeOn: "2024-01-01"},
		{ID: "P4", VillageID: "V40", Status: "已完成", MadeOn: "2024-01-01"},
	}
	ds.Derive()
	d := mk(t, ds).townshipCompletion("T1")
	if len(d.Categories) != maxCategories || d.Categories[0] != "村01" || d.Categories[29] != "村30" {
		t.Errorf("categories %q, want 村01 … 村30", d.Categories)
	}
	if d.Note != "仅列前 30 个村" {
		t.Errorf("note %q", d.Note)
	}
	if got := d.Series[0].Values[0]; got != 33.3 { // 1 of 3, rounded down to one decimal
		t.Errorf("村01 completion %v, want 33.3", got)
	}
}
