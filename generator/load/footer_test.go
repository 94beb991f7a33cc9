package load

import (
	"path/filepath"
	"testing"

	"gongshi/generator/internal/testxlsx"
	"gongshi/generator/problem"
	"gongshi/generator/schema"
)

// TestFooterRows: a row (anywhere; it is usually below the data) that starts with a total, signature
// or note word and leaves required columns empty is one warning and no row,
// instead of an error for every empty required cell; a complete row, or one
// that starts otherwise, is read as ever.
func TestFooterRows(t *testing.T) {
	const head = "id,name,township_id,population\n"
	for _, c := range []struct {
		name, row string
		want      string // problems
		rows      int
	}{
		{"signature", "填表人：张三\u3000审核人：李四,,,", `data/villages.csv:3: 警告 warning: 这一行以“填表人”开头，像是合计、落款或注释行，不是数据，已跳过；如果是数据，请补全必填的列 (this row starts with “填表人”: it looks like a total, signature or note row, not data, and is skipped; if it is data, fill in its required columns)`, 1},
		{"total with spaces", "合\u3000计,,,2400", `data/villages.csv:3: 警告 warning: 这一行以“合计”开头，像是合计、落款或注释行，不是数据，已跳过；如果是数据，请补全必填的列 (this row starts with “合计”: it looks like a total, signature or note row, not data, and is skipped; if it is data, fill in its required columns)`, 1},
		{"total after an empty cell", ",小计,,2400", `data/villages.csv:3: 警告 warning: 这一行以“小计”开头，像是合计、落款或注释行，不是数据，已跳过；如果是数据，请补全必填的列 (this row starts with “小计”: it looks like a total, signature or note row, not data, and is skipped; if it is data, fill in its required columns)`, 1},
		{"a note", "注：人口为 2024 年末数,,,", `data/villages.csv:3: 警告 warning: 这一行以“注：”开头，像是合计、落款或注释行，不是数据，已跳过；如果是数据，请补全必填的列 (this row starts with “注：”: it looks like a total, signature or note row, not data, and is skipped; if it is data, fill in its required columns)`, 1},
		{"a note with an ASCII colon", "注:见附件,,,", `data/villages.csv:3: 警告 warning: 这一行以“注：”开头，像是合计、落款或注释行，不是数据，已跳过；如果是数据，请补全必填的列 (this row starts with “注：”: it looks like a total, signature or note row, not data, and is skipped; if it is data, fill in its required columns)`, 1},
		{"a no-break space inside", "合\u00a0计,,,2400", `data/villages.csv:3: 警告 warning: 这一行以“合计”开头，像是合计、落款或注释行，不是数据，已跳过；如果是数据，请补全必填的列 (this row starts with “合计”: it looks like a total, signature or note row, not data, and is skipped; if it is data, fill in its required columns)`, 1},
		{"an incomplete row", "V2,,T1,", `data/villages.csv:3: name: 必填，不能为空 (required, must not be empty)`, 2},
		{"a village named so, complete", "V2,合计村,T1,300", "", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, probs := readTable(t, "villages", head+"V1,上村,T1,1200\n"+c.row+"\n")
			if got := problemText(probs); got != c.want {
				t.Errorf("problems:\n%s\nwant\n%s", got, c.want)
			}
			if len(d.Villages) != c.rows {
				t.Errorf("%d rows, want %d", len(d.Villages), c.rows)
			}
		})
	}
}

// TestMergedFooterRow: a signature line merged across a workbook's table
// gives every cell its text, so every required column looks filled; it is
// still one warning and no row.
func TestMergedFooterRow(t *testing.T) {
	dir := workbookSiteWith(t, func(tb *schema.Table, sh *testxlsx.Sheet) {
		if tb.Name == "villages" {
			width := len(sh.Rows[0])
			row := make([]any, width)
			row[0] = "填表人：张三\u3000审核人：李四"
			sh.Rows = append(sh.Rows, row)
			n := len(sh.Rows)
			sh.Merge = append(sh.Merge, problem.CellName(1, n)+":"+problem.CellName(width, n))
		}
	})
	_, probs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range probs.Sorted() {
		if p.File == filepath.ToSlash(filepath.Join("data", "台账.xlsx")) && p.Sheet == "行政村" {
			got = append(got, p.Code)
		}
	}
	if len(got) != 1 || got[0] != "footer-row" {
		t.Fatalf("problems on 行政村: %v, want one footer-row", got)
	}
}
