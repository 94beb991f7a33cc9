package charts

import (
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestFigures checks every figure on the base county against counts made by
// hand (see TestDataBase for the rows).
func TestFigures(t *testing.T) {
	ds := loadSource(t, baseSource)
	for _, c := range []struct {
		name string
		year int
		want Figure
	}{
		{"pledges-total", 0, Figure{Label: "承诺事项", Value: "4 项"}},
		{"pledges-total", 2024, Figure{Label: "2024年承诺事项", Value: "1 项"}},
		{"pledges-done-share", 0, Figure{Label: "承诺完成率", Value: "25%", Note: "1/4 项已完成", Tone: "good"}},
		{"pledges-done-share", 2021, Figure{Label: "2021年承诺完成率", Value: "0%", Note: "0/1 项已完成", Tone: "good"}},
		// P2 (due 2025-06-30, 推进中) and P3 (due 2022-12-31, 部分完成); with year, by due year
		{"pledges-overdue", 0, Figure{Label: "逾期承诺", Value: "2", Note: "截至 2025年12月31日", Tone: "bad"}},
		{"pledges-overdue", 2025, Figure{Label: "2025年逾期承诺", Value: "1", Note: "截至 2025年12月31日", Tone: "bad"}},
		{"pledges-overdue", 2024, Figure{Label: "2024年逾期承诺", Value: "0", Note: "截至 2025年12月31日"}},
		{"hearings-held", 0, Figure{Label: "民主听证会", Value: "2 次"}},
		{"hearings-held", 2024, Figure{Label: "2024年民主听证会", Value: "1 次"}},
		{"hearings-passed-share", 0, Figure{Label: "听证事项通过率", Value: "50%", Note: "1/2 次"}},
		{"hearings-passed-share", 2023, Figure{Label: "2023年听证事项通过率", Value: "—", Note: "0/0 次"}},
		{"five-star-teams", 0, Figure{Label: "2025年五星级班子", Value: "0", Note: "占参评 0%", Tone: "good"}}, // latest year
		{"five-star-teams", 2024, Figure{Label: "2024年五星级班子", Value: "1", Note: "占参评 33%", Tone: "good"}},
		{"top-grade-secretaries", 2024, Figure{Label: "2024年评为优秀的书记", Value: "1 人", Tone: "good"}},
		{"avg-team-stars", 2024, Figure{Label: "2024年班子平均星级", Value: "3.7", Note: "满分 5 星"}}, // (5+4+2)/3
		{"training-qualified-share", 2024, Figure{Label: "2024年培训积分合格率", Value: "33%", Note: "1/3 人"}},
		{"training-qualified-share", 0, Figure{Label: "2024年培训积分合格率", Value: "33%", Note: "1/3 人"}},
		{"needs-adjust", 0, Figure{Label: "2025年须组织调整的书记", Value: "1 人", Tone: "bad"}}, // S5: 不称职 2024 and 2025
		{"needs-adjust", 2024, Figure{Label: "2024年须组织调整的书记", Value: "0 人"}},
		{"villages", 0, Figure{Label: "行政村", Value: "3 个"}},
		{"secretaries-serving", 0, Figure{Label: "在任书记", Value: "3 人", Note: "截至 2025年12月31日"}},
	} {
		if got := mk(t, ds).Figure(c.name, c.year); got != c.want {
			t.Errorf("%s year=%d: %+v, want %+v", c.name, c.year, got, c.want)
		}
	}
}

// TestTables checks every table on the base county, and the limit.
func TestTables(t *testing.T) {
	ds := loadSource(t, baseSource)
	for _, c := range []struct {
		name        string
		year, limit int
		want        Table
	}{
		{"overdue-pledges", 0, 50, Table{Title: "逾期承诺", Head: []string{"编号", "乡镇", "村", "承诺事项", "完成时限", "状态", "进度"},
			Rows: [][]string{{"P2", "东乡镇", "上村", "建成光伏电站", "2025-06-30", "推进中", "60%"}, {"P3", "东乡镇", "中村", "解决饮水难", "2022-12-31", "部分完成", "70%"}}}},
		{"overdue-pledges", 0, 1, Table{Title: "逾期承诺（共 2 项，列出前 1 项）", Head: []string{"编号", "乡镇", "村", "承诺事项", "完成时限", "状态", "进度"},
			Rows: [][]string{{"P2", "东乡镇", "上村", "建成光伏电站", "2025-06-30", "推进中", "60%"}}}},
		{"overdue-pledges", 2022, 50, Table{Title: "2022年逾期承诺", Head: []string{"编号", "乡镇", "村", "承诺事项", "完成时限", "状态", "进度"},
			Rows: [][]string{{"P3", "东乡镇", "中村", "解决饮水难", "2022-12-31", "部分完成", "70%"}}}},
		{"grades", 2024, 50, Table{Title: "2024年评议等次", Head: []string{"等次", "人数", "占比", "结果运用"},
			Rows: [][]string{
				{"优秀", "1", "33%", "按不低于当年报酬财政补贴的10%给予奖励"},
				{"称职", "1", "33%", ""},
				{"基本称职", "0", "0%", "书面诫勉，诫勉期限6个月"},
				{"不称职", "1", "33%", "不计算当年任职年限，酌情降低当年报酬补贴"},
			}}},
		{"township-pledges", 0, 50, Table{Title: "各乡镇承诺完成情况", Head: []string{"乡镇", "承诺数", "已完成", "完成率"},
			Rows: [][]string{{"东乡镇", "3", "1", "33%"}, {"西乡镇", "1", "0", "0%"}}}},
		{"needs-adjust", 0, 50, Table{Title: "2025年须组织调整的书记", Head: []string{"村", "书记", "等次", "连续年数"},
			Rows: [][]string{{"下村", "钱七", "不称职", "2"}}}},
		{"training-unqualified", 0, 50, Table{Title: "2024年培训积分不合格的书记", Head: []string{"村", "书记", "积分", "集中培训天数"},
			Rows: [][]string{{"中村", "王五", "40", "5"}, {"下村", "钱七", "20", "0"}}}},
	} {
		got := mk(t, ds).Table(c.name, c.year, c.limit)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s year=%d limit=%d:\n got %+v\nwant %+v", c.name, c.year, c.limit, got, c.want)
		}
	}
}

// TestDocsMatchREADME: the README's shortcode table names exactly the
// charts, figures and tables that names.go accepts, and Docs lists them all.
func TestDocsMatchREADME(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	reRow := regexp.MustCompile("(?m)^\\| `(chart|figure|table)` \\| (.*?) \\| (.*?) \\|$")
	reName := regexp.MustCompile("`([a-z-]+)`")
	rows := map[string][]string{}
	for _, m := range reRow.FindAllStringSubmatch(string(b), -1) {
		for _, n := range reName.FindAllStringSubmatch(m[2], -1) {
			if n[1] != "year" && n[1] != "limit" { // "by month of `year`": an argument, not a name
				rows[m[1]] = append(rows[m[1]], n[1])
			}
		}
	}
	sorted := func(s []string) []string {
		out := append([]string(nil), s...)
		sort.Strings(out)
		return out
	}
	for kind, names := range map[string][]string{
		"chart": sortedNames(chartDefs), "figure": sortedNames(figureDefs), "table": sortedNames(tableDefs),
	} {
		if got := sorted(rows[kind]); !reflect.DeepEqual(got, names) {
			t.Errorf("README lists %s names %q; names.go has %q", kind, got, names)
		}
	}
	docs := Docs()
	for _, names := range [][]string{sortedNames(chartDefs), sortedNames(figureDefs), sortedNames(tableDefs)} {
		for _, n := range names {
			if !strings.Contains(docs, "  "+n+" ") {
				t.Errorf("Docs() does not list %s", n)
			}
		}
	}
}
