package charts

import (
	"fmt"
	"regexp"
	"strings"

	"gongshi/generator/schema"
)

// English turns a chart's fixed Chinese wording into English for sites
// with language = "en": titles, axis and series names, bands and notes,
// and enum categories by their English aliases. Names from the data
// (townships, villages, education as entered) stay as they are.
func English(d *Data) *Data {
	out := *d
	out.Title = enText(d.Title)
	out.XLabel = enText(d.XLabel)
	out.Unit = enText(d.Unit)
	out.Note = enText(d.Note)
	out.Categories = make([]string, len(d.Categories))
	for i, c := range d.Categories {
		out.Categories[i] = enText(c)
	}
	out.Series = make([]Series, len(d.Series))
	for i, s := range d.Series {
		out.Series[i] = Series{Name: enText(s.Name), Values: s.Values}
	}
	out.english = true
	return &out
}

// enWords are the fixed strings of package charts in English.
var enWords = map[string]string{
	"各乡镇承诺完成情况": "Pledges by township", "承诺事项的类别和类型": "Pledges by category and kind",
	"书记和班子的平均星级": "Average stars of secretaries and teams", "历年评议等次分布": "Grades by year",
	"民主听证结果": "Hearing outcomes", "在任书记的选任渠道": "Serving secretaries by selection channel",
	"在任书记的年龄": "Serving secretaries by age", "在任书记的学历": "Serving secretaries by education",
	"书记培训积分": "Secretaries' training points", "历年评议得分": "Appraisal scores by year", "历年星级": "Stars by year",
	"各村承诺完成率": "Share of pledges done, by village",
	"乡镇":      "Township", "类别": "Category", "年度": "Year", "月份": "Month", "选任渠道": "Channel", "年龄": "Age",
	"学历": "Education", "积分": "Points", "村": "Village",
	"项": "pledges", "人": "people", "星": "stars", "次": "hearings", "分": "points",
	"人数": "People", "书记平均星级（满分10）": "Secretary stars (of 10)", "班子平均星级（满分5）": "Team stars (of 5)",
	"书记星级（满分10）": "Secretary stars (of 10)", "班子星级（满分5）": "Team stars (of 5)",
	"群众测评": "Villagers' vote", "党员评议": "Party members' vote", "组织考核": "Township assessment",
	"综合得分": "Total", "完成率（%）": "Done (%)",
	"35岁以下": "Under 35", "35–44岁": "35–44", "45–54岁": "45–54", "55岁及以上": "55 and over",
	"未公开": "Not published", "未填写": "Not given",
}

var (
	reYearPrefix = regexp.MustCompile(`^(\d{4})年(.+)$`)
	reMonth      = regexp.MustCompile(`^(\d{1,2})月$`)
	reFail       = regexp.MustCompile(`^不合格（低于(.+)分）$`)
	rePass       = regexp.MustCompile(`^合格（(.+)–(.+)分）$`)
	reTop        = regexp.MustCompile(`^可评优秀（(.+)分及以上）$`)
	reTopN       = regexp.MustCompile(`^仅列承诺数最多的 (\d+) 个乡镇$`)
	reFirstN     = regexp.MustCompile(`^仅列前 (\d+) 个村$`)
	reServing    = regexp.MustCompile(`^在任书记，截至 (\d{4})年(\d{1,2})月(\d{1,2})日$`)
	enumSets     = []schema.EnumSet{schema.PledgeStatuses, schema.Outcomes, schema.PledgeCategories,
		schema.PledgeKinds, schema.Sources, schema.DefaultGrades, schema.Roles}
	enMonths = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// enText translates one fixed string, or returns it unchanged.
func enText(s string) string {
	if s == "" {
		return s
	}
	if w, ok := enWords[s]; ok {
		return w
	}
	for _, e := range enumSets {
		if v, ok := e.Parse(s); ok && v == s {
			return e.English(s)
		}
	}
	if m := reYearPrefix.FindStringSubmatch(s); m != nil {
		return enText(m[2]) + " (" + m[1] + ")"
	}
	if m := reMonth.FindStringSubmatch(s); m != nil {
		var n int
		fmt.Sscan(m[1], &n)
		if n >= 1 && n <= 12 {
			return enMonths[n-1]
		}
	}
	switch {
	case reFail.MatchString(s):
		return reFail.ReplaceAllString(s, "Fail (below $1)")
	case rePass.MatchString(s):
		return rePass.ReplaceAllString(s, "Pass ($1–$2)")
	case reTop.MatchString(s):
		return reTop.ReplaceAllString(s, "May be rated top ($1 and over)")
	case reTopN.MatchString(s):
		return reTopN.ReplaceAllString(s, "Only the $1 townships with the most pledges")
	case reFirstN.MatchString(s):
		return reFirstN.ReplaceAllString(s, "Only the first $1 villages")
	case reServing.MatchString(s):
		return reServing.ReplaceAllString(s, "Serving secretaries as of $1-$2-$3")
	}
	return s
}

// describeEnglish is describe in English.
func describeEnglish(d *Data, best int, bestV float64, summed bool) string {
	if len(d.Categories) == 0 {
		return "No data."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "By %s, %d groups", strings.ToLower(d.XLabel), len(d.Categories))
	if len(d.Series) > 1 {
		names := make([]string, len(d.Series))
		for i, s := range d.Series {
			names[i] = s.Name
		}
		fmt.Fprintf(&b, " (%s)", strings.Join(names, ", "))
	}
	if summed && best >= 0 {
		if d.Unit == "%" {
			fmt.Fprintf(&b, "; highest: %s (%s%%)", d.Categories[best], fmtValue(bestV))
		} else {
			fmt.Fprintf(&b, "; in all %s %s, most in %s (%s)", fmtValue(d.Total()), d.Unit, d.Categories[best], fmtValue(bestV))
		}
	}
	b.WriteString(". The numbers are in the table below.")
	return b.String()
}
