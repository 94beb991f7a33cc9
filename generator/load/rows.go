package load

import (
	"reflect"
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

// rowSink turns records of one file into rows of one table.
type rowSink struct {
	b       *binding
	file    string
	toml    bool // positions carry character columns
	rules   *dataset.Rules
	probs   *problem.List
	rows    reflect.Value // a slice of the table's row type
	present map[string]bool
	allow   privacy.Allow // numbers that may be published (privacy.allow_numbers)
}

// newSink returns a sink for about n rows (a guess, e.g. the file's line count).
func newSink(b *binding, file string, isTOML bool, rules *dataset.Rules, probs *problem.List, n int) *rowSink {
	return &rowSink{
		b: b, file: file, toml: isTOML, rules: rules, probs: probs,
		rows: reflect.MakeSlice(b.rows.Elem().Type(), 0, n),
	}
}

// add checks a record's cells and appends the row. Bad cells are reported and
// left at their zero value, so that later checks still see the row.
// skipRequired lists required fields with no column at all (reported once
// by the caller, not per row).
func (s *rowSink) add(line int, cells []cell, skipRequired map[string]bool) {
	// Grow the slice by one zero row and fill it in place: no row is built
	// elsewhere and copied, and growth is amortised like append's.
	n := s.rows.Len()
	if n == s.rows.Cap() {
		grown := reflect.MakeSlice(s.rows.Type(), n, 2*n+64)
		reflect.Copy(grown, s.rows)
		s.rows = grown
	}
	s.rows = s.rows.Slice(0, n+1)
	row := s.rows.Index(n)
	src := dataset.Src{File: s.file, Line: line}
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
		privacy.Text(privacy.Place{File: s.file, Line: c.line + strings.Count(c.raw[:lead], "\n"), Column: c.col, Key: c.keyName()},
			v, s.allow, s.probs)
		if i, r, code := badRune(v); i >= 0 {
			zh, en := badRuneMessage(r, code)
			s.probs.Add(problem.Problem{Code: code, File: s.file, Line: c.line + strings.Count(c.raw[:lead+i], "\n"),
				Column: c.col, TOMLPos: s.toml, Key: c.keyName(), Value: v, Zh: zh, En: en})
			src.Bad = true
			continue
		}
		val, err := parseCell(c.f, v, s.rules)
		if err != nil {
			s.probs.Add(problem.Problem{File: s.file, Line: c.line, Column: c.col, TOMLPos: s.toml,
				Key: c.keyName(), Value: v, Zh: err.zh, En: err.en})
			src.Bad = true
			continue
		}
		set(row.Field(s.b.structIdx[c.fi]), val)
	}
	for i := range s.b.table.Fields {
		f := &s.b.table.Fields[i]
		if !f.Required || f.Derived || filled&(1<<i) != 0 || skipRequired[f.Key] {
			continue
		}
		p := problem.Problem{File: s.file, Line: line, TOMLPos: s.toml, Key: f.Key,
			Zh: "必填，不能为空", En: "required, must not be empty"}
		for _, c := range cells {
			if c.f == f {
				p.Line, p.Column = c.line, c.col
			}
		}
		s.probs.Add(p)
		src.Bad = true
	}
	row.Field(0).Set(reflect.ValueOf(src))
}
