package load

import (
	"fmt"
	"strings"

	"gongshi/generator/schema"
)

// Title rows. Printed registers put a title above the header
// (示范县村党组织书记承诺台账（2024年）), merged across the columns or typed
// into A1 alone. A merged one is skipped where the merged ranges are read
// (xlsx.go); leadingTitles finds the others, in sheets and CSV files alike.

// maxTitleRows is how far down a header is looked for.
const maxTitleRows = 6

// leadingTitles looks at the first rows of a file or sheet (from the first
// row that could be the header) for where the header of table t is. When
// the first row names a column of t, it is the header: skip is 0 and at is
// -1. Otherwise, when a later row looks like the header (see looksLikeHeader)
// and every row above it is blank or holds one cell only, those rows are
// titles: skip is their number. A header below rows of several cells (a
// title and a line of who filled it in, say) is not guessed at: at is its
// index in rows, to be reported; -1 when there is none.
func leadingTitles(t *schema.Table, rows [][]string, drop []string) (skip, at int) {
	if len(rows) == 0 {
		return 0, -1
	}
	if named, _ := headerCells(t, rows[0], drop); named > 0 {
		return 0, -1
	}
	oneCell := true
	for i, row := range rows {
		named, cells := headerCells(t, row, drop)
		if i > 0 && named >= 2 && 2*named >= cells {
			if oneCell {
				return i, -1
			}
			return 0, i
		}
		oneCell = oneCell && cells <= 1
	}
	return 0, -1
}

// headerCells returns how many distinct columns of t a row names, and how
// many non-empty cells it has that are not dropped columns.
func headerCells(t *schema.Table, row []string, drop []string) (named, cells int) {
	seen := map[string]bool{}
	for _, c := range row {
		c = strings.TrimSpace(strings.TrimPrefix(c, "\uFEFF"))
		if c == "" || dropped(c, drop) {
			continue
		}
		cells++
		if f, ok := t.Lookup(c); ok && !seen[f.Key] {
			seen[f.Key] = true
			named++
		}
	}
	return named, cells
}

// reportLowHeader reports a header found on row (1-based) below rows that
// are not titles; the file is not read.
func reportLowHeader(sink *rowSink, row int) {
	sink.probs.Add(sink.problem("header-not-first", pos{}, "", "",
		fmt.Sprintf("表头应在第 1 行：第 %d 行像是表头，请删除上面的标题行（只有一个单元格的标题行会自动跳过）", row),
		fmt.Sprintf("the header must be on row 1: row %d looks like the header; delete the title rows above it (a title row of one cell is skipped)", row)))
	sink.incomplete = true
}
