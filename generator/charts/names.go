package charts

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
	"gongshi/generator/site"
)

// arg names a shortcode argument and what it accepts.
type arg struct {
	name string
	desc string
}

var (
	argYear  = arg{"year", "年份，如 year=2024（默认：全部年份或最近一年）"}
	argLimit = arg{"limit", "最多列出的行数，1–500（默认 50）"}
)

// chartDef is a chart that a shortcode or a page can show.
type chartDef struct {
	desc string
	args []arg
	data func(ds *dataset.Dataset, year int) *Data
}

// Charts are the names {{< chart "NAME" … >}} accepts.
var chartDefs = map[string]chartDef{
	"pledge-status":     {"各乡镇承诺完成情况（堆叠条形图）", []arg{argYear}, PledgeStatus},
	"pledge-categories": {"承诺事项的类别和类型", []arg{argYear}, PledgeCategories},
	"stars":             {"历年书记和班子平均星级", nil, func(ds *dataset.Dataset, _ int) *Data { return Stars(ds) }},
	"grades":            {"历年评议等次分布", nil, func(ds *dataset.Dataset, _ int) *Data { return Grades(ds) }},
	"hearing-outcomes":  {"民主听证结果：给出 year 时按月，否则按年", []arg{argYear}, HearingOutcomes},
	"channels":          {"在任书记的选任渠道", nil, func(ds *dataset.Dataset, _ int) *Data { return Channels(ds) }},
	"ages":              {"在任书记的年龄", nil, func(ds *dataset.Dataset, _ int) *Data { return Ages(ds) }},
	"education":         {"在任书记的学历", nil, func(ds *dataset.Dataset, _ int) *Data { return Education(ds) }},
	"training":          {"书记培训积分与合格、优秀门槛（默认最近一年）", []arg{argYear}, Training},
}

// figureDef is one computed number.
type figureDef struct {
	desc  string
	value func(ds *dataset.Dataset, year int) site.Fact
}

// Figures are the names {{< figure "NAME" … >}} accepts; each takes year=.
var figureDefs = map[string]figureDef{
	"pledges-total":            {"承诺总数（给出 year 时为当年作出的承诺）", figPledgesTotal},
	"pledges-done-share":       {"承诺完成率", figPledgesDone},
	"pledges-overdue":          {"逾期承诺数", figPledgesOverdue},
	"hearings-held":            {"召开民主听证会次数", figHearings},
	"hearings-passed-share":    {"听证事项通过率（含修改后通过）", figHearingsPassed},
	"five-star-teams":          {"五星级班子数（默认最近一年）", figFiveStar},
	"top-grade-secretaries":    {"评为最高等次的书记人数（默认最近一年）", figTopGrade},
	"avg-team-stars":           {"班子平均星级（默认最近一年）", figAvgStars},
	"training-qualified-share": {"培训积分合格率（默认最近一年）", figTrainingOK},
	"needs-adjust":             {"连续评为最低等次、须组织调整的书记人数（默认最近一年）", figNeedsAdjust},
	"villages":                 {"行政村数", figVillages},
	"secretaries-serving":      {"在任书记人数", figServing},
}

// tableDef is a computed table.
type tableDef struct {
	desc string
	rows func(ds *dataset.Dataset, year, limit int) site.TableView
}

// Tables are the names {{< table "NAME" … >}} accepts; each takes year= and limit=.
var tableDefs = map[string]tableDef{
	"overdue-pledges":      {"逾期承诺名单（给出 year 时为当年到期的）", tabOverdue},
	"grades":               {"等次分布及结果运用（默认最近一年）", tabGrades},
	"township-pledges":     {"各乡镇承诺完成情况", tabTownships},
	"needs-adjust":         {"须组织调整的书记名单（默认最近一年）", tabNeedsAdjust},
	"training-unqualified": {"培训积分不合格的书记名单（默认最近一年）", tabTrainingBad},
}

// Docs lists every shortcode name with its arguments and meaning (the
// README's table is checked against it).
func Docs() string {
	var b strings.Builder
	section := func(kind string, names []string, desc func(string) (string, []arg)) {
		fmt.Fprintf(&b, "{{< %s \"NAME\" … >}}\n", kind)
		for _, n := range names {
			d, args := desc(n)
			var as []string
			for _, a := range args {
				as = append(as, a.name+"=")
			}
			fmt.Fprintf(&b, "  %-26s %s  [%s]\n", n, d, strings.Join(as, " "))
		}
	}
	section("chart", sortedNames(chartDefs), func(n string) (string, []arg) { return chartDefs[n].desc, chartDefs[n].args })
	section("figure", sortedNames(figureDefs), func(n string) (string, []arg) { return figureDefs[n].desc, []arg{argYear} })
	section("table", sortedNames(tableDefs), func(n string) (string, []arg) { return tableDefs[n].desc, []arg{argYear, argLimit} })
	return b.String()
}

func sortedNames[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// latestYear returns the year argument, or the latest appraisal year when 0.
func latestYear(ds *dataset.Dataset, year int) int {
	if year != 0 {
		return year
	}
	ys := appraisalYears(ds)
	if len(ys) == 0 {
		return 0
	}
	return ys[len(ys)-1]
}

func pct(a, b int) string {
	if b == 0 {
		return "—"
	}
	return strconv.Itoa((a*100+b/2)/b) + "%"
}

func figPledgesTotal(ds *dataset.Dataset, year int) site.Fact {
	n := 0
	for _, p := range ds.Pledges {
		if inYear(p.MadeOn, year) {
			n++
		}
	}
	return site.Fact{Label: yearTitle(year, "承诺事项"), Value: strconv.Itoa(n) + " 项"}
}

func figPledgesDone(ds *dataset.Dataset, year int) site.Fact {
	n, done := 0, 0
	for _, p := range ds.Pledges {
		if inYear(p.MadeOn, year) {
			n++
			if p.Status == "已完成" {
				done++
			}
		}
	}
	return site.Fact{Label: yearTitle(year, "承诺完成率"), Value: pct(done, n), Note: fmt.Sprintf("%d/%d 项已完成", done, n), Tone: "good"}
}

func figPledgesOverdue(ds *dataset.Dataset, year int) site.Fact {
	n := 0
	for _, p := range ds.Pledges {
		if p.Overdue && inYear(p.Due, year) {
			n++
		}
	}
	return site.Fact{Label: yearTitle(year, "逾期承诺"), Value: strconv.Itoa(n), Note: "截至 " + site.FormatDate(ds.Site.AsOf, ds.Site.Language), Tone: tone(n > 0, "bad")}
}

func tone(c bool, t string) string {
	if c {
		return t
	}
	return ""
}

func figHearings(ds *dataset.Dataset, year int) site.Fact {
	n := 0
	for _, h := range ds.Hearings {
		if inYear(h.Date, year) {
			n++
		}
	}
	return site.Fact{Label: yearTitle(year, "民主听证会"), Value: strconv.Itoa(n) + " 次"}
}

func figHearingsPassed(ds *dataset.Dataset, year int) site.Fact {
	n, ok := 0, 0
	for _, h := range ds.Hearings {
		if inYear(h.Date, year) {
			n++
			if h.Outcome == "通过" || h.Outcome == "修改后通过" {
				ok++
			}
		}
	}
	return site.Fact{Label: yearTitle(year, "听证事项通过率"), Value: pct(ok, n), Note: fmt.Sprintf("%d/%d 次", ok, n)}
}

func figFiveStar(ds *dataset.Dataset, year int) site.Fact {
	year = latestYear(ds, year)
	n, all := 0, 0
	for _, a := range ds.Appraisals {
		if a.Year == year {
			all++
			if a.TeamStars != nil && *a.TeamStars == 5 {
				n++
			}
		}
	}
	return site.Fact{Label: yearTitle(year, "五星级班子"), Value: strconv.Itoa(n), Note: "占参评 " + pct(n, all), Tone: "good"}
}

func figTopGrade(ds *dataset.Dataset, year int) site.Fact {
	year = latestYear(ds, year)
	top := ds.Rules.TopGrade()
	n := 0
	for _, a := range ds.Appraisals {
		if a.Year == year && a.Grade == top {
			n++
		}
	}
	return site.Fact{Label: yearTitle(year, "评为"+top+"的书记"), Value: strconv.Itoa(n) + " 人", Tone: "good"}
}

func figAvgStars(ds *dataset.Dataset, year int) site.Fact {
	year = latestYear(ds, year)
	sum, n := 0.0, 0.0
	for _, a := range ds.Appraisals {
		if a.Year == year && a.TeamStars != nil {
			sum += float64(*a.TeamStars)
			n++
		}
	}
	return site.Fact{Label: yearTitle(year, "班子平均星级"), Value: strconv.FormatFloat(avg(sum, n), 'f', 1, 64), Note: "满分 5 星"}
}

func figTrainingOK(ds *dataset.Dataset, year int) site.Fact {
	d := Training(ds, year)
	v := d.Series[0].Values
	ok := int(v[1] + v[2])
	all := ok + int(v[0])
	return site.Fact{Label: strings.TrimSuffix(d.Title, "书记培训积分") + "培训积分合格率", Value: pct(ok, all), Note: fmt.Sprintf("%d/%d 人", ok, all)}
}

func figNeedsAdjust(ds *dataset.Dataset, year int) site.Fact {
	year = latestYear(ds, year)
	n := 0
	for _, a := range ds.Appraisals {
		if a.Year == year && a.NeedsAdjust {
			n++
		}
	}
	return site.Fact{Label: yearTitle(year, "须组织调整的书记"), Value: strconv.Itoa(n) + " 人", Tone: tone(n > 0, "bad")}
}

func figVillages(ds *dataset.Dataset, _ int) site.Fact {
	return site.Fact{Label: "行政村", Value: strconv.Itoa(len(ds.Villages)) + " 个"}
}

func figServing(ds *dataset.Dataset, _ int) site.Fact {
	return site.Fact{Label: "在任书记", Value: strconv.Itoa(len(serving(ds))) + " 人", Note: "截至 " + site.FormatDate(ds.Site.AsOf, ds.Site.Language)}
}

func villageName(ds *dataset.Dataset, id string) string {
	if i, ok := ds.VillageByID[id]; ok {
		return ds.Villages[i].Name
	}
	return id
}

func secretaryName(ds *dataset.Dataset, id string) string {
	if i, ok := ds.SecretaryByID[id]; ok {
		return ds.Secretaries[i].Name
	}
	return id
}

func tabOverdue(ds *dataset.Dataset, year, limit int) site.TableView {
	t := site.TableView{Title: yearTitle(year, "逾期承诺"), Head: []string{"村", "承诺事项", "完成时限", "状态", "进度"}}
	for _, p := range ds.Pledges {
		if !p.Overdue || !inYear(p.Due, year) {
			continue
		}
		prog := ""
		if p.Progress != nil {
			prog = strconv.Itoa(*p.Progress) + "%"
		}
		t.Rows = append(t.Rows, []string{villageName(ds, p.VillageID), p.Title, p.Due, p.Status, prog})
	}
	return limitRows(t, limit)
}

func limitRows(t site.TableView, limit int) site.TableView {
	if len(t.Rows) > limit {
		t.Title += fmt.Sprintf("（共 %d 项，列出前 %d 项）", len(t.Rows), limit)
		t.Rows = t.Rows[:limit]
	}
	return t
}

func tabGrades(ds *dataset.Dataset, year, limit int) site.TableView {
	year = latestYear(ds, year)
	counts := map[string]int{}
	all := 0
	for _, a := range ds.Appraisals {
		if a.Year == year {
			counts[a.Grade]++
			all++
		}
	}
	t := site.TableView{Title: yearTitle(year, "评议等次"), Head: []string{"等次", "人数", "占比", "结果运用"}}
	for _, g := range ds.Rules.GradeNames() {
		t.Rows = append(t.Rows, []string{g, strconv.Itoa(counts[g]), pct(counts[g], all), ds.Rules.Appraisal.Consequences[g]})
	}
	return limitRows(t, limit)
}

func tabTownships(ds *dataset.Dataset, year, limit int) site.TableView {
	d := PledgeStatus(ds, year)
	t := site.TableView{Title: d.Title, Head: []string{"乡镇", "承诺数", "已完成", "完成率"}}
	done := indexOf(schema.PledgeStatuses.Values(), "已完成")
	for i, c := range d.Categories {
		total := 0.0
		for _, s := range d.Series {
			total += s.Values[i]
		}
		dn := d.Series[done].Values[i]
		t.Rows = append(t.Rows, []string{c, fmtValue(total), fmtValue(dn), pct(int(dn), int(total))})
	}
	return limitRows(t, limit)
}

func tabNeedsAdjust(ds *dataset.Dataset, year, limit int) site.TableView {
	year = latestYear(ds, year)
	t := site.TableView{Title: yearTitle(year, "须组织调整的书记"), Head: []string{"村", "书记", "等次", "连续年数"}}
	for _, a := range ds.Appraisals {
		if a.Year == year && a.NeedsAdjust {
			t.Rows = append(t.Rows, []string{villageName(ds, a.VillageID), secretaryName(ds, a.SecretaryID), a.Grade, strconv.Itoa(a.LowestStreak)})
		}
	}
	return limitRows(t, limit)
}

func tabTrainingBad(ds *dataset.Dataset, year, limit int) site.TableView {
	if year == 0 {
		for _, ty := range ds.TrainingYears {
			if ty.Year > year {
				year = ty.Year
			}
		}
	}
	t := site.TableView{Title: yearTitle(year, "培训积分不合格的书记"), Head: []string{"村", "书记", "积分", "集中培训天数"}}
	for _, ty := range ds.TrainingYears {
		if ty.Year != year || ty.PointsOK {
			continue
		}
		vid := ""
		if i, ok := ds.SecretaryByID[ty.SecretaryID]; ok {
			vid = ds.Secretaries[i].VillageID
		}
		t.Rows = append(t.Rows, []string{villageName(ds, vid), secretaryName(ds, ty.SecretaryID), fmtValue(ty.Points), fmtValue(ty.Days)})
	}
	return limitRows(t, limit)
}
