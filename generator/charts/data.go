package charts

import (
	"slices"
	"sort"
	"strconv"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
	"gongshi/generator/site"
)

// Data is the numbers of one chart: a value per category and series.
type Data struct {
	Name       string      // chart name, e.g. "pledge-status"
	Title      string      // shown above the chart
	Kind       string      // "bar" (stacked when several series), "hbar" (horizontal), "line" or "pie"
	XLabel     string      // what the categories are
	Unit       string      // what the values count, e.g. "项"
	Categories []string    // x axis (or pie slices)
	Series     []Series    // one per legend entry
	Note       string      // shown under the table, e.g. "前 30 个乡镇"
	Marks      []Threshold // horizontal reference lines (training thresholds)

	english bool // set by English: describe in English
}

// Series is one named row of values, aligned with Data.Categories.
type Series struct {
	Name   string
	Values []float64
}

// Threshold is a labelled reference value.
type Threshold struct {
	Label string
	Value float64
}

// maxCategories caps the categories of a chart and its table: a province's
// thousands of townships do not fit one chart (nor a 500-row page).
const maxCategories = 30

func newData(name, title, kind, xlabel, unit string, cats []string, series ...string) *Data {
	d := &Data{Name: name, Title: title, Kind: kind, XLabel: xlabel, Unit: unit, Categories: cats}
	for _, s := range series {
		d.Series = append(d.Series, Series{Name: s, Values: make([]float64, len(cats))})
	}
	return d
}

// Total returns the sum of all values.
func (d *Data) Total() float64 {
	t := 0.0
	for _, s := range d.Series {
		for _, v := range s.Values {
			t += v
		}
	}
	return t
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// inYear reports whether a date falls in year (0 = every year).
func inYear(date string, year int) bool { return year == 0 || dataset.Year(date) == year }

func yearTitle(year int, title string) string {
	if year == 0 {
		return title
	}
	return strconv.Itoa(year) + "年" + title
}

// PledgeStatus counts pledges by township and status (stacked bars). With
// year, only pledges made that year. Townships beyond maxCategories (by
// number of pledges) are left out and said so.
func PledgeStatus(ds *dataset.Dataset, year int) *Data {
	type tc struct {
		id, name string
		counts   []float64
		total    float64
	}
	statuses := schema.PledgeStatuses.Values()
	by := map[string]*tc{}
	var order []*tc
	for _, t := range ds.Townships {
		if by[t.ID] == nil {
			by[t.ID] = &tc{id: t.ID, name: t.Name, counts: make([]float64, len(statuses))}
			order = append(order, by[t.ID])
		}
	}
	for _, p := range ds.Pledges {
		if !inYear(p.MadeOn, year) {
			continue
		}
		vi, ok := ds.VillageByID[p.VillageID]
		if !ok {
			continue
		}
		t := by[ds.Villages[vi].TownshipID]
		if t == nil {
			continue
		}
		if k := indexOf(statuses, p.Status); k >= 0 {
			t.counts[k]++
			t.total++
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return order[a].id < order[b].id })
	note := ""
	if len(order) > maxCategories {
		sort.SliceStable(order, func(a, b int) bool { return order[a].total > order[b].total })
		order = order[:maxCategories]
		note = "仅列承诺数最多的 " + strconv.Itoa(maxCategories) + " 个乡镇"
	}
	cats := make([]string, len(order))
	for i, t := range order {
		cats[i] = t.name
	}
	d := newData("pledge-status", yearTitle(year, "各乡镇承诺完成情况"), "hbar", "乡镇", "项", cats, statuses...)
	for i, t := range order {
		for k := range statuses {
			d.Series[k].Values[i] = t.counts[k]
		}
	}
	d.Note = note
	return d
}

// PledgeCategories counts pledges by category and kind.
func PledgeCategories(ds *dataset.Dataset, year int) *Data {
	cats, kinds := schema.PledgeCategories.Values(), schema.PledgeKinds.Values()
	d := newData("pledge-categories", yearTitle(year, "承诺事项的类别和类型"), "bar", "类别", "项", cats, kinds...)
	for _, p := range ds.Pledges {
		if !inYear(p.MadeOn, year) {
			continue
		}
		c, k := indexOf(cats, p.Category), indexOf(kinds, p.Kind)
		if c >= 0 && k >= 0 {
			d.Series[k].Values[c]++
		}
	}
	return d
}

// appraisalYears returns the years that have appraisals, ascending.
func appraisalYears(ds *dataset.Dataset) []int {
	seen := map[int]bool{}
	var ys []int
	for _, a := range ds.Appraisals {
		if !seen[a.Year] {
			seen[a.Year] = true
			ys = append(ys, a.Year)
		}
	}
	sort.Ints(ys)
	return ys
}

func yearLabels(ys []int) []string {
	out := make([]string, len(ys))
	for i, y := range ys {
		out[i] = strconv.Itoa(y)
	}
	return out
}

// Stars averages secretary and team stars per year.
func Stars(ds *dataset.Dataset) *Data {
	ys := appraisalYears(ds)
	d := newData("stars", "书记和班子的平均星级", "line", "年度", "星", yearLabels(ys), "书记平均星级（满分10）", "班子平均星级（满分5）")
	for i, y := range ys {
		var s, t, ns, nt float64
		for _, a := range ds.Appraisals {
			if a.Year != y {
				continue
			}
			if a.SecretaryStars != nil {
				s += float64(*a.SecretaryStars)
				ns++
			}
			if a.TeamStars != nil {
				t += float64(*a.TeamStars)
				nt++
			}
		}
		d.Series[0].Values[i] = avg(s, ns)
		d.Series[1].Values[i] = avg(t, nt)
	}
	return d
}

func avg(sum, n float64) float64 {
	if n == 0 {
		return 0
	}
	return float64(int(sum/n*100+0.5)) / 100
}

// Grades counts appraisal grades per year (stacked bars).
func Grades(ds *dataset.Dataset) *Data {
	ys := appraisalYears(ds)
	grades := ds.Rules.GradeNames()
	d := newData("grades", "历年评议等次分布", "bar", "年度", "人", yearLabels(ys), grades...)
	for _, a := range ds.Appraisals {
		y, g := sort.SearchInts(ys, a.Year), indexOf(grades, a.Grade)
		if g >= 0 {
			d.Series[g].Values[y]++
		}
	}
	return d
}

// HearingOutcomes counts hearing outcomes by month of a year, or by year when year is 0.
// A scheduled hearing (待召开) has no outcome yet and is not counted.
func HearingOutcomes(ds *dataset.Dataset, year int) *Data {
	outcomes := slices.DeleteFunc(schema.Outcomes.Values(), func(o string) bool { return o == schema.OutcomeScheduled })
	var cats []string
	var slot func(date string) int
	if year > 0 {
		for m := 1; m <= 12; m++ {
			cats = append(cats, strconv.Itoa(m)+"月")
		}
		slot = func(date string) int {
			if dataset.Year(date) != year {
				return -1
			}
			m, _ := strconv.Atoi(date[5:7])
			return m - 1
		}
	} else {
		seen := map[int]bool{}
		var ys []int
		for _, h := range ds.Hearings {
			if y := dataset.Year(h.Date); !seen[y] {
				seen[y] = true
				ys = append(ys, y)
			}
		}
		sort.Ints(ys)
		cats = yearLabels(ys)
		slot = func(date string) int { return sort.SearchInts(ys, dataset.Year(date)) }
	}
	x := "年度"
	if year > 0 {
		x = "月份"
	}
	d := newData("hearing-outcomes", yearTitle(year, "民主听证结果"), "bar", x, "次", cats, outcomes...)
	for _, h := range ds.Hearings {
		c, o := slot(h.Date), indexOf(outcomes, h.Outcome)
		if c >= 0 && o >= 0 {
			d.Series[o].Values[c]++
		}
	}
	return d
}

// serving returns the secretary terms (role 书记) in office on as_of.
func serving(ds *dataset.Dataset) []*dataset.Secretary {
	var out []*dataset.Secretary
	for i := range ds.Secretaries {
		s := &ds.Secretaries[i]
		if s.Role == "书记" && s.ServingOn(ds.Site.AsOf) {
			out = append(out, s)
		}
	}
	return out
}

// asOfNote says which day "serving" refers to: on a past year's report the
// charts of serving secretaries still show those of as_of.
func asOfNote(ds *dataset.Dataset) string {
	return "在任书记，截至 " + site.FormatDate(ds.Site.AsOf, ds.Site.Language)
}

// Channels counts serving secretaries by selection channel.
func Channels(ds *dataset.Dataset) *Data {
	cats := append(schema.Sources.Values(), "未填写")
	d := newData("channels", "在任书记的选任渠道", "pie", "选任渠道", "人", cats, "人数")
	d.Note = asOfNote(ds)
	for _, s := range serving(ds) {
		k := indexOf(cats, s.Source)
		if k < 0 {
			k = len(cats) - 1
		}
		d.Series[0].Values[k]++
	}
	return dropEmpty(d)
}

// Ages counts serving secretaries by age band on as_of.
func Ages(ds *dataset.Dataset) *Data {
	cats := []string{"35岁以下", "35–44岁", "45–54岁", "55岁及以上", "未公开"}
	d := newData("ages", "在任书记的年龄", "bar", "年龄", "人", cats, "人数")
	d.Note = asOfNote(ds)
	now := dataset.Year(ds.Site.AsOf)
	for _, s := range serving(ds) {
		k := 4
		if s.BirthYear != nil {
			switch age := now - *s.BirthYear; {
			case age < 35:
				k = 0
			case age < 45:
				k = 1
			case age < 55:
				k = 2
			default:
				k = 3
			}
		}
		d.Series[0].Values[k]++
	}
	return dropEmpty(d)
}

// Education counts serving secretaries by education, in the usual order.
func Education(ds *dataset.Dataset) *Data {
	order := []string{"初中及以下", "初中", "高中", "中专", "大专", "本科", "研究生"}
	counts := map[string]float64{}
	for _, s := range serving(ds) {
		e := s.Education
		if e == "" {
			e = "未填写"
		}
		counts[e]++
	}
	var cats []string
	for _, e := range order {
		if counts[e] > 0 {
			cats = append(cats, e)
		}
	}
	var rest []string
	for e := range counts {
		if indexOf(order, e) < 0 {
			rest = append(rest, e)
		}
	}
	sort.Strings(rest)
	cats = append(cats, rest...)
	d := newData("education", "在任书记的学历", "bar", "学历", "人", cats, "人数")
	d.Note = asOfNote(ds)
	for i, c := range cats {
		d.Series[0].Values[i] = counts[c]
	}
	return d
}

// Training counts secretaries by their yearly training points in bands set
// by the thresholds of rules.toml. year 0 means the latest year with training.
func Training(ds *dataset.Dataset, year int) *Data {
	if year == 0 {
		for _, t := range ds.TrainingYears {
			if t.Year > year {
				year = t.Year
			}
		}
	}
	r := ds.Rules.Training
	cats := []string{
		"不合格（低于" + num(r.MinPoints) + "分）",
		"合格（" + num(r.MinPoints) + "–" + num(r.ExcellencePoints) + "分）",
		"可评优秀（" + num(r.ExcellencePoints) + "分及以上）",
	}
	d := newData("training", yearTitle(year, "书记培训积分"), "bar", "积分", "人", cats, "人数")
	for _, t := range ds.TrainingYears {
		if t.Year != year || t.Sessions == 0 {
			continue
		}
		switch {
		case t.Excellent:
			d.Series[0].Values[2]++
		case t.PointsOK:
			d.Series[0].Values[1]++
		default:
			d.Series[0].Values[0]++
		}
	}
	return d
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// VillageScores is one village's three scores and total over the years.
func VillageScores(ds *dataset.Dataset, villageID string) *Data {
	list := ds.AppraisalsOf[villageID]
	cats := make([]string, len(list))
	for i, ai := range list {
		cats[i] = strconv.Itoa(ds.Appraisals[ai].Year)
	}
	d := newData("village-scores", "历年评议得分", "line", "年度", "分", cats, "群众测评", "党员评议", "组织考核", "综合得分")
	for i, ai := range list {
		a := &ds.Appraisals[ai]
		for k, p := range []*float64{a.MassesScore, a.MembersScore, a.OrgScore, a.TotalScore} {
			if p != nil {
				d.Series[k].Values[i] = *p
			}
		}
	}
	return d
}

// VillageStars is one village's secretary and team stars over the years.
func VillageStars(ds *dataset.Dataset, villageID string) *Data {
	list := ds.AppraisalsOf[villageID]
	cats := make([]string, len(list))
	for i, ai := range list {
		cats[i] = strconv.Itoa(ds.Appraisals[ai].Year)
	}
	d := newData("village-stars", "历年星级", "bar", "年度", "星", cats, "书记星级（满分10）", "班子星级（满分5）")
	d.Kind = "groupbar"
	for i, ai := range list {
		a := &ds.Appraisals[ai]
		if a.SecretaryStars != nil {
			d.Series[0].Values[i] = float64(*a.SecretaryStars)
		}
		if a.TeamStars != nil {
			d.Series[1].Values[i] = float64(*a.TeamStars)
		}
	}
	return d
}

// TownshipCompletion is the share of pledges done in each village of a township.
func TownshipCompletion(ds *dataset.Dataset, townshipID string) *Data {
	vs := append([]int(nil), ds.VillagesOf[townshipID]...)
	sort.Slice(vs, func(a, b int) bool { return ds.Villages[vs[a]].ID < ds.Villages[vs[b]].ID })
	note := ""
	if len(vs) > maxCategories {
		vs = vs[:maxCategories]
		note = "仅列前 " + strconv.Itoa(maxCategories) + " 个村"
	}
	cats := make([]string, len(vs))
	for i, vi := range vs {
		cats[i] = ds.Villages[vi].Name
	}
	d := newData("township-completion", "各村承诺完成率", "hbar", "村", "%", cats, "完成率（%）")
	for i, vi := range vs {
		total, done := 0, 0
		for _, pi := range ds.PledgesOf[ds.Villages[vi].ID] {
			total++
			if ds.Pledges[pi].Status == "已完成" {
				done++
			}
		}
		if total > 0 {
			d.Series[0].Values[i] = float64(done*1000/total) / 10
		}
	}
	d.Note = note
	return d
}

// dropEmpty removes categories with no value in any series (pie slices of zero).
func dropEmpty(d *Data) *Data {
	var keep []int
	for i := range d.Categories {
		for _, s := range d.Series {
			if s.Values[i] != 0 {
				keep = append(keep, i)
				break
			}
		}
	}
	cats := make([]string, len(keep))
	for j, i := range keep {
		cats[j] = d.Categories[i]
	}
	for k := range d.Series {
		vals := make([]float64, len(keep))
		for j, i := range keep {
			vals[j] = d.Series[k].Values[i]
		}
		d.Series[k].Values = vals
	}
	d.Categories = cats
	return d
}
