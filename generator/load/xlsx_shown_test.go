package load

import (
	"strings"
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/internal/testxlsx"
	"gongshi/generator/schema"
)

// TestWorkbookShownNumbers: a number cell in a number column is read as the
// clerk sees it. A percentage (0.803 shown as 80.3%) is 80.3 in a column out
// of 100 (scores, progress) and an error quoting "80.3%" elsewhere; a date
// is its date, never its serial. Every problem quotes what the cell shows.
func TestWorkbookShownNumbers(t *testing.T) {
	pct := func(x float64) testxlsx.Styled { return testxlsx.Styled{Value: x, Format: "0.0%"} }
	for _, c := range []struct {
		name  string
		table string
		edit  func(rows [][]any)
		want  []string // every problem, as check prints them
		check func(d *dataset.Dataset) string
	}{
		{name: "scores in 0.0% and the built-in 0%", table: "appraisals",
			edit: func(rows [][]any) {
				rows[2][3], rows[2][4], rows[2][5] = pct(0.803), pct(0.883), pct(0.783) // V2: 80.3, 88.3, 78.3
				rows[3][3] = testxlsx.Styled{Value: 0.55, NumFmt: 9}                    // V3: 55
				rows[3][4] = testxlsx.Styled{Value: 0.58, NumFmt: 10}                   // 58 (0.00%)
			},
			check: func(d *dataset.Dataset) string {
				a, b := d.Appraisals[1], d.Appraisals[2]
				if *a.MassesScore != 80.3 || *a.MembersScore != 88.3 || *a.OrgScore != 78.3 || *b.MassesScore != 55 || *b.MembersScore != 58 {
					return "scores not read as shown"
				}
				return ""
			}},
		{name: "progress 100% and 40%", table: "pledges",
			edit: func(rows [][]any) {
				rows[1][11] = testxlsx.Styled{Value: 1, Format: "0%"}
				rows[2][11] = testxlsx.Styled{Value: 0.6, NumFmt: 9}
			},
			check: func(d *dataset.Dataset) string {
				if *d.Pledges[0].Progress != 100 || *d.Pledges[1].Progress != 60 {
					return "progress not read as shown"
				}
				return ""
			}},
		{name: "progress 40.5% is not whole", table: "pledge_updates",
			edit: func(rows [][]any) { rows[1][3] = pct(0.405) },
			want: []string{`data/台账.xlsx:承诺进展!D2: progress "40.5%": 应为整数 (expected a whole number)`}},
		{name: "a literal percent sign does not multiply", table: "pledge_updates",
			edit: func(rows [][]any) { rows[1][3] = testxlsx.Styled{Value: 40, Format: `0\%`} },
			check: func(d *dataset.Dataset) string {
				if *d.PledgeUpdates[0].Progress != 40 {
					return "0\\% progress not 40"
				}
				return ""
			}},
		{name: "a percentage where no percentage belongs", table: "villages",
			edit: func(rows [][]any) { rows[1][3] = testxlsx.Styled{Value: 0.12, NumFmt: 9} },
			want: []string{`data/台账.xlsx:行政村!D2: population "12%": 显示为 12%（百分比），但此列不是百分数：请把单元格格式改为“常规”，填写应有的数 (shown as 12% (a percentage), but this column is not a percentage: set the cell's format to General and enter the number it should hold)`}},
		{name: "a birth date in the birth year", table: "secretaries",
			edit: func(rows [][]any) { rows[3][7] = testxlsx.Date{Y: 1978, M: 5, D: 1} },
			want: []string{`data/台账.xlsx:书记!H4: birth_year "1978-05-01": 是日期，此列应为四位年份，如 1978 (a date: expected a four-digit year such as 1978)`}},
		// Text that reads as a number, in a date-formatted column: read as
		// the text Excel shows, never as a date serial (2024 as 1905-07-16).
		{name: "a year typed as text into a date cell", table: "pledges",
			edit: func(rows [][]any) {
				rows[1][6] = testxlsx.Styled{Text: "2024", NumFmt: 14}          // G2
				rows[2][6] = testxlsx.Styled{Text: "45000", Format: "yyyy/m/d"} // G3
				rows[3][11] = testxlsx.Styled{Text: "1", Format: "yyyy-mm-dd"}  // L4: progress 1
				rows[3][5] = testxlsx.Styled{Text: "007", Format: "0.0%"}       // F4: a title, as typed
			},
			want: []string{
				`data/台账.xlsx:承诺!G2: made_on "2024": 只有年份，应为完整的日期（年、月、日），如 2024-03-15 (only a year: expected a full date (year, month and day) such as 2024-03-15)`,
				`data/台账.xlsx:承诺!G3: made_on "45000": 应为日期，如 2024-03-15、2024/3/15、2024.3.15 或 2024年3月15日 (expected a date such as 2024-03-15)`,
			},
			check: func(d *dataset.Dataset) string {
				if p := d.Pledges[2]; *p.Progress != 1 || p.Title != "007" {
					return "text cells not read as typed"
				}
				return ""
			}},
		// A number typed into a date-formatted cell shows as a date of
		// 1905: reported at the cell, with the date the clerk sees.
		{name: "a year typed as a number into a date cell", table: "trainings",
			edit: func(rows [][]any) { rows[1][2] = testxlsx.Styled{Value: 2024, NumFmt: 14} },
			want: []string{`data/台账.xlsx:培训!C2: date "1905-07-16": 单元格显示为 1905-07-16，像是在日期格式的单元格里填了数字 2024（Excel 把数字当作从 1900 年起的天数）：请填写完整日期，如 2024-03-15 (the cell shows 1905-07-16: the number 2024 seems to have been typed into a cell formatted as a date (Excel counts it as days from 1900): enter the full date, such as 2024-03-15)`}},
		{name: "a birth year typed into a date cell", table: "secretaries",
			edit: func(rows [][]any) { rows[3][7] = testxlsx.Styled{Value: 1978, Format: "yyyy/m/d"} },
			want: []string{`data/台账.xlsx:书记!H4: birth_year "1905-05-31": 单元格显示为 1905-05-31，像是在日期格式的单元格里填了年份 1978：请把单元格格式改为“常规”，填写四位年份 (the cell shows 1905-05-31: the year 1978 seems to have been typed into a cell formatted as a date: set the cell's format to General and enter the four-digit year)`}},
		// Day 10,000 (1927-05-18) is the first date taken as one.
		{name: "an old date is a date", table: "trainings",
			edit: func(rows [][]any) { rows[1][2] = testxlsx.Styled{Value: 10000, NumFmt: 14} },
			check: func(d *dataset.Dataset) string {
				if d.Trainings[0].Date != "1927-05-18" {
					return "day 10000 read as " + d.Trainings[0].Date
				}
				return ""
			}},
		{name: "a date in a number", table: "trainings",
			edit: func(rows [][]any) { rows[1][4] = testxlsx.Date{Y: 2024, M: 3, D: 1, Format: "yyyy/m/d"} },
			want: []string{`data/台账.xlsx:培训!E2: points "2024-03-01": 应为数字 (expected a number)`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := workbookSiteWith(t, func(tb *schema.Table, sh *testxlsx.Sheet) {
				if tb.Name == c.table {
					c.edit(sh.Rows)
				}
			})
			d, _, got := loadAll(t, dir)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
			}
			if c.check != nil && len(got) == 0 {
				if msg := c.check(d); msg != "" {
					t.Error(msg)
				}
			}
		})
	}
}

// TestPercentCell: percentages typed as text (a CSV saved by Excel writes
// what the cell shows) read the same as percentage-formatted cells.
func TestPercentCell(t *testing.T) {
	progress, _ := schema.Get("pledges").Lookup("progress")
	score, _ := schema.Get("appraisals").Lookup("masses_score")
	people, _ := schema.Get("villages").Lookup("population")
	rules := dataset.DefaultRules()
	for _, c := range []struct {
		f    *schema.Field
		in   string
		want value
		code string
	}{
		{progress, "100%", integer(100), ""},
		{progress, "４０％", integer(40), ""},
		{progress, "40.5%", value{}, "int"},
		{progress, "120%", value{}, "range"},
		{score, "80.3%", number(80.3), ""},
		{score, " 92 % ", number(92), ""},
		{people, "12%", value{}, "percent"},
	} {
		got, err := parseCell(c.f, c.in, &rules)
		code := ""
		if err != nil {
			code = err.code
		}
		if got != c.want || code != c.code {
			t.Errorf("parseCell(%s, %q) = %+v, %q; want %+v, %q", c.f.Key, c.in, got, code, c.want, c.code)
		}
	}
}

// TestIsPercentFormat covers the number formats that show a percentage.
func TestIsPercentFormat(t *testing.T) {
	for _, c := range []struct {
		id     int
		custom string
		want   bool
	}{
		{9, "", true}, {10, "", true}, {0, "", false}, {2, "", false}, {14, "", false},
		{164, "0.0%", true}, {164, "0%;[Red]-0%", true}, {164, `0\%`, false}, {164, `0"%"`, false},
		{164, "0.00", false}, {164, "[$%-804]0", false}, {164, "General", false},
	} {
		if got := isPercentFormat(c.id, c.custom); got != c.want {
			t.Errorf("isPercentFormat(%d, %q) = %v, want %v", c.id, c.custom, got, c.want)
		}
	}
}
