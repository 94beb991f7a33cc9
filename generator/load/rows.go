package load

import (
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"gongshi/generator/dataset"
	"gongshi/generator/privacy"
	"gongshi/generator/problem"
	"gongshi/generator/schema"
)

// cell is one input value with its position.
type cell struct {
	f         *schema.Field
	name      string // the column as the file names it: "人口" or "population"
	fi        int    // index of f in the table's fields
	raw       string
	line, col int
	row       int // the row as Excel numbers it (CSV, workbook), 0 for TOML
}

// keyName names the cell's column for a problem: the key, and the header as
// the file wrote it when that differs (a Chinese label), so a clerk finds the
// column in Excel: `人口 (population)`.
func (c cell) keyName() string {
	if c.name == "" || c.name == c.f.Key {
		return c.f.Key
	}
	return c.name + " (" + c.f.Key + ")"
}

// pos is where a problem is in the file a sink reads: a line (a workbook's
// row), a column (field number, character column for TOML) and the row as
// Excel numbers it.
type pos struct{ line, col, row int }

// rowSink turns records of one file into rows of one table.
type rowSink struct {
	b       *binding
	file    string
	sheet   string           // the workbook's sheet, "" for a text file
	in      *dataset.SrcFile // file and sheet, shared by the rows' Src (made at the first row)
	toml    bool             // positions carry character columns
	rules   *dataset.Rules
	probs   *problem.List
	rows    reflect.Value // a slice of the table's row type
	present map[string]bool
	// strs holds one copy of each text value of the file (see intern).
	strs map[string]string
	// text is where kept cells are copied (see keep).
	text arena
	// incomplete is set when rows of the file could not be read (a syntax
	// error stopped the reader, the ID column is missing): references to
	// the table are then not reported one by one (see checkKeys).
	incomplete bool
	// header records where each column is (key → column), for
	// dataset.Headers.
	header map[string]dataset.Header
	allow  privacy.Allow // numbers that may be published (privacy.allow_numbers)
	// bad holds cells a reader found bad before their text is checked
	// (a number typed into a date cell), by line and column: reported
	// instead of the checks of their text.
	bad map[[2]int]*cellError
}

// markBad records that the cell at line and column (1-based) is bad for
// reason e (see bad).
func (s *rowSink) markBad(line, col int, e *cellError) {
	if s.bad == nil {
		s.bad = map[[2]int]*cellError{}
	}
	s.bad[[2]int{line, col}] = e
}

// problem returns a problem at p in the sink's file: for a workbook, the
// sheet and the cell as Excel names it (K4); for TOML, line and column.
func (s *rowSink) problem(code string, p pos, key, value, zh, en string) problem.Problem {
	pr := problem.Problem{Code: code, File: s.file, Sheet: s.sheet, Line: p.line, Row: p.row, Column: p.col,
		TOMLPos: s.toml, Key: key, Value: value, Zh: zh, En: en}
	if s.sheet != "" && p.line > 0 && p.col > 0 {
		pr.Cell = problem.CellName(p.col, p.line)
	}
	return pr
}

// newSink returns a sink for about n rows (a guess, e.g. the file's line count).
func newSink(b *binding, file string, isTOML bool, rules *dataset.Rules, probs *problem.List, n int) *rowSink {
	return &rowSink{
		b: b, file: file, toml: isTOML, rules: rules, probs: probs,
		rows: newRows(b.rows.Elem().Type(), 0, n),
	}
}

// add checks a record's cells and appends the row. Bad cells are reported and
// left at their zero value, so that later checks still see the row.
// skipRequired lists required fields with no column at all (reported once
// by the caller, not per row).
func (s *rowSink) add(line, excelRow int, cells []cell, skipRequired map[string]bool) {
	// Grow the slice by one zero row and fill it in place: no row is built
	// elsewhere and copied, and growth is amortised like append's.
	n := s.rows.Len()
	if n == s.rows.Cap() {
		grown := newRows(s.rows.Type(), n, 2*n+64)
		reflect.Copy(grown, s.rows)
		s.rows = grown
	}
	s.rows = s.rows.Slice(0, n+1)
	row := s.rows.Index(n)
	if s.in == nil {
		s.in = &dataset.SrcFile{File: s.file, Sheet: s.sheet}
	}
	src := dataset.NewSrc(s.in, line, excelRow)
	var filled uint64 // bit i: table.Fields[i] has a value
	for _, c := range cells {
		v := strings.TrimSpace(c.raw)
		if v == "" {
			continue
		}
		filled |= 1 << c.fi
		lead := len(c.raw) - len(strings.TrimLeftFunc(c.raw, unicode.IsSpace))
		// Every cell is published somewhere (pages or downloads), so every
		// cell is searched for resident ID and mobile numbers.
		at := privacy.Place{File: s.file, Line: c.line + strings.Count(c.raw[:lead], "\n"), Row: c.row, Column: c.col, Key: c.keyName()}
		if s.sheet != "" {
			at.Sheet, at.Row = s.sheet, c.line
		}
		found := s.probs.Len()
		privacy.Text(at, v, s.allow, s.probs)
		found = s.probs.Len() - found
		if i, r, code := badRune(v); i >= 0 {
			zh, en := badRuneMessage(r, code)
			s.probs.Add(s.problem(code, pos{c.line + strings.Count(c.raw[:lead+i], "\n"), c.col, c.row}, c.keyName(), v, zh, en))
			src.MarkBad()
			continue
		}
		if i, r := invisibleRune(v); i >= 0 {
			zh, en := invisibleMessage(r)
			p := s.problem(CodeInvisible, pos{c.line + strings.Count(c.raw[:lead+i], "\n"), c.col, c.row}, c.keyName(), v, zh, en)
			p.Severity = problem.Warning
			s.probs.Add(p)
		}
		val, err := parseCell(c.f, v, s.rules)
		if e := s.bad[[2]int{c.line, c.col}]; e != nil {
			err = e
		}
		if err != nil {
			s.probs.Add(s.problem(err.code, pos{c.line, c.col, c.row}, c.keyName(), v, err.zh, err.en))
			src.MarkBad()
			continue
		}
		if found == 0 && (val.kind == 'i' || val.kind == 'f') {
			s.numberAsPublished(at, v, val)
		}
		if val.kind == 's' {
			if c.f.Key == "id" {
				val.s = s.text.keep(val.s) // each row's own: never repeats, so not worth a map entry
			} else {
				val.s = s.intern(val.s)
			}
		}
		set(row.Field(s.b.structIdx[c.fi]), val)
	}
	for i := range s.b.table.Fields {
		f := &s.b.table.Fields[i]
		if !unfilled(f, i, filled, skipRequired) {
			continue
		}
		at, key := pos{line, 0, excelRow}, f.Key
		for _, c := range cells {
			if c.f == f {
				at, key = pos{c.line, c.col, c.row}, c.keyName()
			}
		}
		s.probs.Add(s.problem("required", at, key, "", "必填，不能为空", "required, must not be empty"))
		src.MarkBad()
	}
	row.Field(0).Set(reflect.ValueOf(src))
}

// numberAsPublished reports a number cell that the site writes as a
// personal number though it is not written as one: "13,812,345,678" or
// "13812345678.0" in a number column is published as 13812345678 (in the
// downloads), which the privacy guard would find in the output with no
// cell to point to.
func (s *rowSink) numberAsPublished(at privacy.Place, v string, val value) {
	var n string
	switch {
	case val.kind == 'i' && (val.i >= 1e10 || val.i <= -1e10):
		n = strconv.Itoa(val.i)
	case val.kind == 'f' && (val.f >= 1e10 || val.f <= -1e10):
		n = dataset.NumberText(val.f) // as the downloads write it
	default:
		return // fewer than 11 digits: no personal number
	}
	var l problem.List
	privacy.Text(at, n, s.allow, &l)
	for _, p := range l.Sorted() {
		p.Value = v // as written, for the clerk's search
		p.Zh = "这个数会发布为 " + n + "，" + p.Zh
		p.En = "published as " + n + ", this number " + p.En
		s.probs.Add(p)
	}
}

// unfilled reports whether table field f (the i-th) is required but has no
// value in filled (bit i set: it has one), and has a column (skip lists the
// required fields the file has no column for, reported once for the file).
func unfilled(f *schema.Field, i int, filled uint64, skip map[string]bool) bool {
	return f.Required && !f.Derived && filled&(1<<i) == 0 && !skip[f.Key]
}

// filledFields returns the bits of the table fields that cells give a value.
func filledFields(cells []cell) uint64 {
	var filled uint64
	for _, c := range cells {
		if strings.TrimSpace(c.raw) != "" {
			filled |= 1 << c.fi
		}
	}
	return filled
}

// intern returns one shared copy of a text value. A reader hands out cells
// as parts of one string per record, which a row keeping any cell would keep
// whole; most values repeat (IDs of villages and secretaries, dates, kinds,
// titles made from templates), so a province's rows hold each once: for
// 5,000 villages the text of the rows fell from 59 MB to … (see README).
func (s *rowSink) intern(v string) string {
	if x, ok := s.strs[v]; ok {
		return x
	}
	if s.strs == nil {
		s.strs = map[string]string{}
	}
	x := s.text.keep(v)
	s.strs[x] = x
	return x
}
