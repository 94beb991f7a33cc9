package load

import (
	"testing"
)

// TestFooterRows: a row below the data that starts with a total, signature
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
