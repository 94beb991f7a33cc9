package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/internal/testxlsx"
	"gongshi/generator/schema"
)

// TestTitleRows: a title typed above the header (not merged) is skipped
// when it is one cell, in a sheet or a CSV file, and the rows keep Excel's
// row numbers; rows of several cells above a header are one error for the
// file, not an error per column (with the usual note that references to an
// unread table cannot be checked).
func TestTitleRows(t *testing.T) {
	const title = "示范县村党组织书记承诺台账（2024年）"
	for _, c := range []struct {
		name  string
		csv   bool
		above [][]any // rows put above the pledges' header
		want  string  // the one problem ("" for none)
	}{
		{name: "sheet, one-cell title", above: [][]any{{title}}},
		{name: "sheet, title and a blank row", above: [][]any{{title}, {}}},
		{name: "sheet, title in B1", above: [][]any{{nil, title}}},
		{name: "sheet, title and a line of several cells", above: [][]any{{title}, {"填报单位：示范镇", nil, nil, "填报日期：2024-06-30"}},
			want: `data/台账.xlsx:承诺: 表头应在第 1 行：第 3 行像是表头，请删除上面的标题行（只有一个单元格的标题行会自动跳过） (the header must be on row 1: row 3 looks like the header; delete the title rows above it (a title row of one cell is skipped))`},
		{name: "CSV, one-cell title", csv: true, above: [][]any{{title}}},
		{name: "CSV, two cells above", csv: true, above: [][]any{{title, "2024"}},
			want: `data/pledges.csv: 表头应在第 1 行：第 2 行像是表头，请删除上面的标题行（只有一个单元格的标题行会自动跳过） (the header must be on row 1: row 2 looks like the header; delete the title rows above it (a title row of one cell is skipped))`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var dir string
			if c.csv {
				dir = t.TempDir()
				copyDirTest(t, baseDir, dir)
				p := filepath.Join(dir, "data", "pledges.csv")
				b, _ := os.ReadFile(p)
				var lines []string
				for _, row := range c.above {
					var cells []string
					for _, v := range row {
						s, _ := v.(string)
						cells = append(cells, s)
					}
					for len(cells) < 15 {
						cells = append(cells, "") // as Excel saves a sheet: every line as wide
					}
					lines = append(lines, strings.Join(cells, ","))
				}
				os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"+string(b)), 0o644)
			} else {
				dir = workbookSiteWith(t, func(tb *schema.Table, sh *testxlsx.Sheet) {
					if tb.Name == "pledges" {
						sh.Rows = append(append([][]any{}, c.above...), sh.Rows...)
					}
				})
			}
			d, probs, got := loadAll(t, dir)
			if c.want == "" {
				if len(got) != 0 {
					t.Fatalf("problems:\n%s", strings.Join(got, "\n"))
				}
				if len(d.Pledges) != 4 || d.Pledges[0].ID != "P1" || d.Pledges[0].Src.Row() != len(c.above)+2 {
					t.Errorf("%d pledges, the first %s on row %d; want 4 from P1 on row %d", len(d.Pledges), d.Pledges[0].ID, d.Pledges[0].Src.Row(), len(c.above)+2)
				}
				return
			}
			// The one error, and the note that references to the table
			// cannot be checked (the sheet was not read).
			if len(got) != 2 || !strings.Contains(strings.Join(got, "\n"), c.want) || probs.Errors() != 2 || !strings.Contains(strings.Join(got, "\n"), "未能完整读取") {
				t.Errorf("problems:\n got %s\nwant %s", strings.Join(got, "\n     "), c.want)
			}
		})
	}
}

// TestLeadingTitles covers how a header is found below title rows.
func TestLeadingTitles(t *testing.T) {
	tb := schema.Get("townships")
	for _, c := range []struct {
		rows     [][]string
		skip, at int
	}{
		{[][]string{{"id", "name"}, {"T1", "城关镇"}}, 0, -1},
		{[][]string{{"乡镇名单"}, {"乡镇编码", "乡镇名称"}}, 1, -1},
		{[][]string{{"乡镇名单"}, {}, {"id", "name", "电话"}}, 2, -1}, // 电话: unknown, still a header
		{[][]string{{"乡镇名单", "2024"}, {"id", "name"}}, 0, 1},
		{[][]string{{"乡镇名单"}, {"T1", "城关镇"}}, 0, -1},                  // no header anywhere: reported as columns
		{[][]string{{"编号", "名称"}, {"id", "x", "y", "z", "w"}}, 0, -1}, // one name is not a header
		{[][]string{{"乡镇名单"}, {"id", "name"}, {"id", "name"}}, 1, -1},
	} {
		skip, at := leadingTitles(tb, c.rows, nil)
		if skip != c.skip || at != c.at {
			t.Errorf("leadingTitles(%q) = %d, %d; want %d, %d", c.rows, skip, at, c.skip, c.at)
		}
	}
}
