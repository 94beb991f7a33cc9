package charts

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gongshi/generator/content"
	"gongshi/generator/problem"
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

// The registry: every chart, figure and table a page or a shortcode can ask
// for by name. desc documents the name for authors (README, `Docs`).
var (
	chartDefs = map[string]struct {
		desc string
		args []arg
		data func(m *Maker, year int) *Data
	}{
		"pledge-status":     {"各乡镇承诺完成情况（堆叠条形图）", []arg{argYear}, (*Maker).pledgeStatus},
		"pledge-categories": {"承诺事项的类别和类型", []arg{argYear}, (*Maker).pledgeCategories},
		"stars":             {"历年书记和班子平均星级", nil, func(m *Maker, _ int) *Data { return m.stars() }},
		"grades":            {"历年评议等次分布", nil, func(m *Maker, _ int) *Data { return m.grades() }},
		"hearing-outcomes":  {"民主听证结果：给出 year 时按月，否则按年", []arg{argYear}, (*Maker).hearingOutcomes},
		"channels":          {"在任书记的选任渠道", nil, func(m *Maker, _ int) *Data { return m.channels() }},
		"ages":              {"在任书记的年龄", nil, func(m *Maker, _ int) *Data { return m.ages() }},
		"education":         {"在任书记的学历", nil, func(m *Maker, _ int) *Data { return m.education() }},
		"training":          {"书记培训积分与合格、优秀门槛（默认最近一年）", []arg{argYear}, (*Maker).training},
	}
	figureDefs = map[string]struct {
		desc  string
		value func(m *Maker, year int) Figure
	}{
		"pledges-total":            {"承诺总数（给出 year 时为当年作出的承诺）", (*Maker).figPledgesTotal},
		"pledges-done-share":       {"承诺完成率", (*Maker).figPledgesDone},
		"pledges-overdue":          {"逾期承诺数", (*Maker).figPledgesOverdue},
		"hearings-held":            {"召开民主听证会次数", (*Maker).figHearings},
		"hearings-passed-share":    {"听证事项通过率（含修改后通过）", (*Maker).figHearingsPassed},
		"five-star-teams":          {"五星级班子数（默认最近一年）", (*Maker).figFiveStar},
		"top-grade-secretaries":    {"评为最高等次的书记人数（默认最近一年）", (*Maker).figTopGrade},
		"avg-team-stars":           {"班子平均星级（默认最近一年）", (*Maker).figAvgStars},
		"training-qualified-share": {"培训积分合格率（默认最近一年）", (*Maker).figTrainingOK},
		"needs-adjust":             {"连续评为最低等次、须组织调整的书记人数（默认最近一年）", (*Maker).figNeedsAdjust},
		"villages":                 {"行政村数", (*Maker).figVillages},
		"secretaries-serving":      {"在任书记人数", (*Maker).figServing},
	}
	tableDefs = map[string]struct {
		desc string
		rows func(m *Maker, year, limit int) Table
	}{
		"overdue-pledges":      {"逾期承诺名单（给出 year 时为当年到期的）", (*Maker).tabOverdue},
		"grades":               {"等次分布及结果运用（默认最近一年）", (*Maker).tabGrades},
		"township-pledges":     {"各乡镇承诺完成情况", (*Maker).tabTownships},
		"needs-adjust":         {"须组织调整的书记名单（默认最近一年）", (*Maker).tabNeedsAdjust},
		"training-unqualified": {"培训积分不合格的书记名单（默认最近一年）", (*Maker).tabTrainingBad},
	}
)

// Figure returns a figure by name (see Docs) for year (0: all, or the latest).
func (m *Maker) Figure(name string, year int) Figure { return figureDefs[name].value(m, year) }

// Table returns a table by name for year, at most limit rows.
func (m *Maker) Table(name string, year, limit int) Table {
	return tableDefs[name].rows(m, year, limit)
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

// Embed is what a shortcode stands for: exactly one of a county chart (by
// name and year), a figure or a table.
type Embed struct {
	Chart     *Chart
	ChartName string // with ChartYear: the county chart, whose CSV the site writes once
	ChartYear int
	Figure    *Figure
	Table     *Table
}

// Resolve returns what a shortcode ({{< chart|figure|table "NAME" key=value … >}})
// stands for, or a problem (Zh/En set; the caller adds file and line) for an
// unknown kind, name, argument or value.
func (m *Maker) Resolve(sc *content.Shortcode) (Embed, *problem.Problem) {
	bad := func(code, zh, en string) (Embed, *problem.Problem) {
		return Embed{}, &problem.Problem{Code: code, Key: sc.Kind, Value: sc.Name, Zh: zh, En: en}
	}
	var allowed []arg
	switch sc.Kind {
	case "chart":
		def, ok := chartDefs[sc.Name]
		if !ok {
			return bad("shortcode-name", "未知的图表名称；可用："+join(sortedNames(chartDefs)), "unknown chart; expected one of "+join(sortedNames(chartDefs)))
		}
		allowed = def.args
	case "figure":
		if _, ok := figureDefs[sc.Name]; !ok {
			return bad("shortcode-name", "未知的数字名称；可用："+join(sortedNames(figureDefs)), "unknown figure; expected one of "+join(sortedNames(figureDefs)))
		}
		allowed = []arg{argYear}
	case "table":
		if _, ok := tableDefs[sc.Name]; !ok {
			return bad("shortcode-name", "未知的表格名称；可用："+join(sortedNames(tableDefs)), "unknown table; expected one of "+join(sortedNames(tableDefs)))
		}
		allowed = []arg{argYear, argLimit}
	default:
		return bad("shortcode-kind", "未知的短代码；可用 chart、figure、table", "unknown shortcode; expected chart, figure or table")
	}
	year, limit := 0, 50
	for _, k := range sortedNames(sc.Args) {
		val := sc.Args[k]
		ok := false
		for _, a := range allowed {
			ok = ok || a.name == k
		}
		if !ok {
			var names []string
			for _, a := range allowed {
				names = append(names, a.name)
			}
			if len(names) == 0 {
				return Embed{}, &problem.Problem{Code: "shortcode-arg", Key: k, Value: val, Zh: "“" + sc.Name + "”不接受参数", En: sc.Name + " takes no arguments"}
			}
			return Embed{}, &problem.Problem{Code: "shortcode-arg", Key: k, Value: val, Zh: "“" + sc.Name + "”不接受此参数；可用：" + join(names),
				En: "argument not accepted by " + sc.Name + "; expected " + join(names)}
		}
		n, err := strconv.Atoi(val)
		switch k {
		case "year":
			if err != nil || !m.hasYear(n) {
				if m.yearList() == "" { // a blank template: no year has data yet
					return Embed{}, &problem.Problem{Code: "shortcode-value", Key: k, Value: val, Zh: "还没有任何年份的数据：填好台账后图表才能生成",
						En: "no year has data yet: the chart can be made once the records are filled in"}
				}
				return Embed{}, &problem.Problem{Code: "shortcode-value", Key: k, Value: val, Zh: "应为有数据的年份：" + m.yearList(),
					En: "expected a year with data: " + m.yearList()}
			}
			year = n
		case "limit":
			if err != nil || n < 1 || n > 500 {
				return Embed{}, &problem.Problem{Code: "shortcode-value", Key: k, Value: val, Zh: "应为 1 到 500 之间的整数", En: "expected a whole number from 1 to 500"}
			}
			limit = n
		}
	}
	switch sc.Kind {
	case "chart":
		c, err := m.County(sc.Name, year)
		if err != nil {
			return bad("shortcode-chart", "图表无法生成", err.Error())
		}
		return Embed{Chart: &c, ChartName: sc.Name, ChartYear: year}, nil
	case "figure":
		f := m.Figure(sc.Name, year)
		return Embed{Figure: &f}, nil
	}
	t := m.Table(sc.Name, year, limit)
	return Embed{Table: &t}, nil
}

func (m *Maker) hasYear(y int) bool {
	for _, x := range m.d.Years {
		if x == y {
			return true
		}
	}
	return false
}

func (m *Maker) yearList() string {
	var ys []string
	for _, y := range m.d.Years {
		ys = append(ys, strconv.Itoa(y))
	}
	return join(ys)
}

func join(list []string) string { return strings.Join(list, "/") }
