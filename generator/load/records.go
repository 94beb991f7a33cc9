package load

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"gongshi/generator/dataset"
	"gongshi/generator/problem"
	"gongshi/generator/schema"
)

// recordReader yields a table as rows of text cells, the shape that CSV files, Excel's
// "Unicode text" and workbook sheets share: the first record is the header.
// Each reader reports its own syntax errors; readRecords applies the header
// rules and the cell checks to all of them alike.
type recordReader interface {
	// next returns the next record; ok is false at the end or after an
	// error the reader has reported (it then marks the sink incomplete).
	next() (rec []string, ok bool)
	// at returns the position of field i of the last record.
	at(i int) pos
	// emptyColumn reports whether column i holds no value in any record; it
	// is asked only about a column without a header.
	emptyColumn(i int) bool
	// mergedHeader reports whether header cell i is merged with others,
	// which the reader has reported: the column is not read.
	mergedHeader(i int) bool
}

// header is a file's header row matched against its table.
type header struct {
	cols    []*schema.Field // per column; nil: dropped, unknown or duplicate
	names   []string        // the headers as written
	colIdx  []int           // per column: index of its field in the table's fields
	missing map[string]bool // required fields without a column (reported once)
}

// readRecords reads a header and its rows into sink. An unknown column is an
// error unless listed in drop; the expected columns are listed in the file's
// own header language, Chinese labels for a file headed in Chinese.
func readRecords(r recordReader, sink *rowSink, drop []string) {
	t, probs := sink.b.table, sink.probs
	first, ok := r.next()
	if !ok {
		return
	}
	h := readHeader(first, r, sink, drop)
	if h.missing[idKey(t)] {
		sink.incomplete = true
	}
	cells := make([]cell, 0, len(first))
	for {
		rec, ok := r.next()
		if !ok {
			return
		}
		if allEmpty(rec) {
			continue
		}
		row := r.at(0)
		if len(rec) > len(first) && !allEmpty(rec[len(first):]) {
			probs.Add(sink.problem("extra-fields", pos{row.line, 0, row.row}, "", "",
				fmt.Sprintf("本行有 %d 个字段，但表头只有 %d 列", len(rec), len(first)),
				fmt.Sprintf("row has %d fields but the header has %d columns", len(rec), len(first))))
		}
		cells = cells[:0]
		for i, f := range h.cols {
			if f == nil || i >= len(rec) {
				continue
			}
			p := r.at(i)
			cells = append(cells, cell{f: f, fi: h.colIdx[i], name: h.names[i], raw: rec[i], line: p.line, col: p.col, row: p.row})
		}
		if word := footerWord(rec); word != "" && (!complete(t, filledFields(cells), h.missing) || oneText(rec)) {
			pr := sink.problem("footer-row", pos{row.line, 0, row.row}, "", "",
				"这一行以“"+word+"”开头，像是合计、落款或注释行，不是数据，已跳过；如果是数据，请补全必填的列",
				"this row starts with “"+word+"”: it looks like a total, signature or note row, not data, and is skipped; if it is data, fill in its required columns")
			pr.Severity = problem.Warning
			probs.Add(pr)
			continue
		}
		sink.add(row.line, row.row, cells, h.missing)
	}
}

// footerWords begin the rows a clerk puts below a table in Excel: totals,
// who filled it in and checked it, notes.
var footerWords = []string{"合计", "总计", "小计", "填表人", "填报人", "制表人", "审核人", "负责人", "联系人",
	"填表日期", "填报日期", "制表日期", "填表单位", "填报单位", "制表单位", "备注：", "说明：", "注："}

// narrowFooterWords are footerWords narrowed, as cells are compared: 注：
// and 注: are one.
var narrowFooterWords = func() []string {
	out := make([]string, len(footerWords))
	for i, w := range footerWords {
		out[i] = narrow(w)
	}
	return out
}()

// footerWord returns the footer word that the first non-empty cell of rec
// begins with (spaces ignored: 合　计), or "". Every footer word is Chinese,
// so a cell starting with ASCII (an ID, as nearly every row's first cell
// is) is decided by its first byte.
func footerWord(rec []string) string {
	for _, c := range rec {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if c[0] < utf8.RuneSelf {
			return ""
		}
		if len(c) > 64 { // a footer word is near the start: a long note need not be copied whole
			c = c[:64]
		}
		c = strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, narrow(c))
		for i, w := range narrowFooterWords {
			if strings.HasPrefix(c, w) {
				return footerWords[i]
			}
		}
		return ""
	}
	return ""
}

// oneText reports whether every non-empty cell of rec holds the same text,
// as a row merged across in a workbook does (the reader gives each cell of
// a merged range its value): a signature line typed across the table.
func oneText(rec []string) bool {
	first := ""
	for _, c := range rec {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		if first == "" {
			first = c
		} else if c != first {
			return false
		}
	}
	return true
}

// complete reports whether the fields in filled (see filledFields) include
// every required field the file has a column for.
func complete(t *schema.Table, filled uint64, missing map[string]bool) bool {
	for i := range t.Fields {
		if unfilled(&t.Fields[i], i, filled, missing) {
			return false
		}
	}
	return true
}

// readHeader matches header cells to the table's fields and reports unknown,
// duplicate and missing required columns.
func readHeader(first []string, r recordReader, sink *rowSink, drop []string) header {
	t, probs := sink.b.table, sink.probs
	h := header{cols: make([]*schema.Field, len(first)), names: make([]string, len(first)),
		colIdx: make([]int, len(first)), missing: map[string]bool{}}
	for i, name := range first {
		h.names[i] = strings.TrimSpace(strings.TrimPrefix(name, "\uFEFF"))
	}
	zh := chineseHeaded(t, h.names)
	seen := map[string]int{}
	for i, name := range h.names {
		if name == "" && r.emptyColumn(i) {
			continue // a stray trailing comma, as Excel leaves: nothing to read
		}
		if dropped(name, drop) || r.mergedHeader(i) {
			continue
		}
		at := r.at(i)
		f, ok := t.Lookup(name)
		if !ok && name == "" {
			// Data under no header: it cannot be named in drop_columns.
			probs.Add(sink.problem("unknown-column", at, fmt.Sprintf("(第 %d 列 column %d)", i+1, i+1), "",
				"这一列没有表头，下面却有内容：请填写表头（可用的列见 docs/data-reference.md），或删除这一列",
				"this column has no header but holds data: give it a header (the columns are listed in docs/data-reference.md) or delete the column"))
			continue
		}
		if !ok {
			key := name
			zhList, enList := keyList(t), keyList(t)
			if zh {
				zhList, enList = labelList(t), labelList(t)+" (or the English keys "+keyList(t)+")"
			}
			probs.Add(sink.problem("unknown-column", at, key, "",
				"未知的列；可用的列为 "+zhList+"；不公开的列请列入 site.toml 的 privacy.drop_columns",
				"unknown column; expected one of "+enList+", or list it in privacy.drop_columns to ignore it"))
			continue
		}
		if j, dup := seen[f.Key]; dup {
			c := r.at(j).col
			probs.Add(sink.problem("duplicate-column", at, name, "",
				fmt.Sprintf("与 %s 列（第 %d 列）重复", problem.ColumnName(c), c), fmt.Sprintf("duplicate of column %s (column %d)", problem.ColumnName(c), c)))
			continue
		}
		seen[f.Key] = i
		if sink.header == nil {
			sink.header = map[string]dataset.Header{}
		}
		sink.header[f.Key] = dataset.Header{Column: at.col, Name: name}
		h.cols[i] = f
		h.colIdx[i] = sink.b.fieldIndex(f)
	}
	for _, f := range t.Input() {
		if _, ok := seen[f.Key]; !ok && f.Required {
			h.missing[f.Key] = true
			key := f.Key
			if zh {
				key = f.Label + " (" + f.Key + ")"
			}
			at := r.at(0)
			probs.Add(sink.problem("missing-column", pos{at.line, 0, at.row}, key, "",
				"缺少必填列（"+f.Label+"）", "missing required column ("+f.Label+")"))
		}
	}
	return h
}

// chineseHeaded reports whether more of the header cells are Chinese labels
// than English keys.
func chineseHeaded(t *schema.Table, names []string) bool {
	zh, en := 0, 0
	for _, n := range names {
		if f, ok := t.Lookup(n); ok {
			if n == f.Label {
				zh++
			} else {
				en++
			}
		}
	}
	return zh > en
}

// idKey returns the key of a table's single-column primary key, or "".
func idKey(t *schema.Table) string {
	if len(t.PrimaryKey) == 1 {
		return t.PrimaryKey[0]
	}
	return ""
}

func allEmpty(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

func dropped(h string, drop []string) bool {
	for _, d := range drop {
		if h == strings.TrimSpace(d) {
			return true
		}
	}
	return false
}

// keyList returns the English keys of the input columns, as a list for a message.
func keyList(t *schema.Table) string {
	var keys []string
	for _, f := range t.Input() {
		keys = append(keys, f.Key)
	}
	return strings.Join(keys, ", ")
}

// labelList returns the Chinese labels of the input columns.
func labelList(t *schema.Table) string {
	var labels []string
	for _, f := range t.Input() {
		labels = append(labels, f.Label)
	}
	return strings.Join(labels, "、")
}
