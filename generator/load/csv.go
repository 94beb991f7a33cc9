package load

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"gongshi/generator/problem"
	"gongshi/generator/schema"
)

// readCSV reads one CSV file of a table into sink. Line numbers are the
// physical lines of the file (the header is line 1), taken from the reader's
// FieldPos so that quoted cells spanning lines do not shift them.
func readCSV(text string, sink *rowSink, drop []string) {
	file, t, probs := sink.file, sink.b.table, sink.probs
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	header, err := r.Read()
	if err == io.EOF {
		probs.Errorf(file, 0, "", "", "文件为空，至少应有表头行", "empty file: expected at least a header row")
		return
	}
	if err != nil {
		reportCSVError(file, err, probs)
		return
	}
	cols := make([]*schema.Field, len(header)) // nil: dropped column
	seen := map[string]int{}
	var used []bool // of unnamed columns: does any row fill it? (nil: none unnamed)

	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		if h == "" && used == nil {
			used = usedColumns(text, len(header))
		}
		if h == "" && !used[i] {
			continue // a stray trailing comma, as Excel leaves: nothing to read
		}
		if dropped(h, drop) {
			continue
		}
		f, ok := t.Lookup(h)
		if !ok {
			key := h
			if key == "" {
				key = fmt.Sprintf("(第 %d 列 column %d)", i+1, i+1)
			}
			probs.Add(problem.Problem{File: file, Line: 1, Column: i + 1, Key: key,
				Zh: "未知的列；可用的列为 " + keyList(t) + "；不公开的列请列入 site.toml 的 privacy.drop_columns",
				En: "unknown column; expected one of " + keyList(t) + ", or list it in privacy.drop_columns to ignore it"})
			continue
		}
		if j, dup := seen[f.Key]; dup {
			probs.Add(problem.Problem{File: file, Line: 1, Column: i + 1, Key: h,
				Zh: fmt.Sprintf("与第 %d 列重复", j+1), En: fmt.Sprintf("duplicate of column %d", j+1)})
			continue
		}
		seen[f.Key] = i
		cols[i] = f
	}
	names := make([]string, len(header)) // headers as written
	for i, h := range header {
		names[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	}
	colIdx := make([]int, len(cols))
	for i, f := range cols {
		if f != nil {
			colIdx[i] = sink.b.fieldIndex(f)
		}
	}
	missing := map[string]bool{}
	for _, f := range t.Input() {
		if _, ok := seen[f.Key]; !ok && f.Required {
			missing[f.Key] = true
			probs.Add(problem.Problem{File: file, Line: 1, Key: f.Key,
				Zh: "缺少必填列（" + f.Label + "）", En: "missing required column (" + f.Label + ")"})
		}
	}
	cells := make([]cell, 0, len(header))
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			reportCSVError(file, err, probs)
			return
		}
		line, _ := r.FieldPos(0)
		if allEmpty(rec) {
			continue
		}
		if len(rec) > len(header) && !allEmpty(rec[len(header):]) {
			probs.Add(problem.Problem{File: file, Line: line,
				Zh: fmt.Sprintf("本行有 %d 个字段，但表头只有 %d 列", len(rec), len(header)),
				En: fmt.Sprintf("row has %d fields but the header has %d columns", len(rec), len(header))})
		}
		cells = cells[:0]
		for i, f := range cols {
			if f == nil || i >= len(rec) {
				continue
			}
			l, _ := r.FieldPos(i)
			cells = append(cells, cell{f: f, fi: colIdx[i], name: names[i], raw: rec[i], line: l, col: i + 1})
		}
		sink.add(line, cells, missing)
	}
}

// reportCSVError turns a syntax error into a problem at the line where the
// broken record starts (for an unbalanced quote, where the quote opened).
func reportCSVError(file string, err error, probs *problem.List) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line := pe.StartLine
		if line == 0 {
			line = pe.Line
		}
		zh := "CSV 格式错误"
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			zh = "引号不成对：单元格中的引号应写成两个（\"\"），或整个单元格用引号括起"
		}
		probs.Add(problem.Problem{File: file, Line: line, Zh: zh, En: "CSV syntax error: " + pe.Err.Error()})
		return
	}
	probs.Errorf(file, 0, "", "", "无法读取", err.Error())
}

func allEmpty(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// usedColumns reports, for each of the first n columns, whether any row
// below the header has a value in it. It reads the file once, and only when
// the header has an unnamed column: Excel's "used range" leftovers give
// every line thousands of empty cells, and asking column by column read the
// file once per column (16,383 columns: minutes).
func usedColumns(text string, n int) []bool {
	used := make([]bool, n)
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		return used
	}
	for {
		rec, err := r.Read()
		if err != nil {
			return used
		}
		for i, v := range rec[:min(len(rec), n)] {
			if !used[i] && strings.TrimSpace(v) != "" {
				used[i] = true
			}
		}
	}
}

func dropped(h string, drop []string) bool {
	for _, d := range drop {
		if h == strings.TrimSpace(d) {
			return true
		}
	}
	return false
}

func keyList(t *schema.Table) string {
	var keys []string
	for _, f := range t.Input() {
		keys = append(keys, f.Key)
	}
	return strings.Join(keys, ", ")
}
