// Package problem defines Problem, the one way gongshi reports something
// wrong with a site's input: a file, a position, the key and value at fault,
// and a message in Chinese and English. Every validator returns Problems so
// that the CLI, the dev server and the tests print them the same way.
package problem

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error means the input is invalid: nothing is written.
	Error Severity = iota
	// Warning means the data is inconsistent but usable: it is printed and the build goes on.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with the input, positioned as exactly as the
// reader can: a CSV problem has the 1-based physical line (the header is line
// 1) and the 1-based field number; a TOML problem has line and column.
type Problem struct {
	// Code names the rule that was broken, e.g. "enum", "date", "ref",
	// "term-overlap": stable across releases, so that scripts reading
	// `gongshi check --format json` can rely on it.
	Code  string
	File  string // slash-separated path relative to the site source, e.g. "data/pledges.csv"
	Sheet string // workbook sheet, when File is a workbook
	// SheetTab is the sheet's place among the workbook's tabs (1 for the
	// first), 0 if not known: a workbook's problems are listed tab by tab,
	// as a clerk goes through it (see List.SheetOrder).
	SheetTab int
	Cell     string // workbook cell as Excel names it, e.g. "K4"
	Line     int    // 1-based line (workbook: the row); 0 when the problem is about the whole file
	Row      int    // the row as Excel numbers it (CSV, workbook); differs from Line after a quoted cell with line breaks
	Column   int    // TOML: 1-based character column; CSV, workbook: 1-based column number; 0 if unknown
	TOMLPos  bool   // true when Column is a character column to print (TOML, Markdown)
	Key      string // the column, key or argument at fault, if any
	Value    string // the offending value as written, if any
	Zh       string // what is wrong and what is expected, in Chinese
	En       string // the same in English
	Severity Severity
}

// String formats the problem the way gongshi prints it, e.g.
//
//	data/pledges.csv:17: status "完成了": 应为 未启动/推进中 (expected one of not-started/in-progress)
//	data/pledges.csv:18 (Excel 第 17 行 row 17): status "完成了": …
//	data/台账.xlsx:承诺!K4: status "完成了": …
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Place())
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("警告 warning: ")
	}
	if p.Key != "" {
		b.WriteString(keyText(p.Key))
		if p.Value != "" {
			b.WriteString(" ")
			b.WriteString(quote(p.Value))
		}
		b.WriteString(": ")
	} else if p.Value != "" {
		b.WriteString(quote(p.Value))
		b.WriteString(": ")
	}
	b.WriteString(p.Zh)
	if p.En != "" {
		b.WriteString(" (")
		b.WriteString(p.En)
		b.WriteString(")")
	}
	return b.String()
}

// quote quotes a value as Go's %q does (a control character, an invisible
// or direction-changing one, is shown escaped, so a clerk can see it), but
// keeps the ideographic space, which Chinese text is full of
// ("填表人：张三　审核人：李四"), as it is instead of writing \u3000.
func quote(s string) string {
	parts := strings.Split(s, "\u3000")
	for i, part := range parts {
		q := strconv.Quote(part)
		parts[i] = q[1 : len(q)-1]
	}
	return `"` + strings.Join(parts, "\u3000") + `"`
}

// keyText is a key or file name as printed: as it is, or quoted when it
// holds a character that would not show or would break the line (a header
// typed with Alt+Enter in Excel, a file named with a line break).
func keyText(k string) string {
	for _, r := range k {
		if r != '\u3000' && !strconv.IsPrint(r) {
			return quote(k)
		}
	}
	return k
}

// Place formats where the problem is, as String begins: the file, then a
// workbook's sheet and cell as Excel names them (承诺!K4; a row without a
// known column as "承诺 第 4 行 (row 4)"), or a text file's line (and TOML
// column). A CSV line gets the Excel row beside it when the two differ, which
// happens after a quoted cell holding line breaks (Alt+Enter in Excel): a
// clerk looking at the file in Excel finds the row, one opening it in an
// editor finds the line.
func (p Problem) Place() string {
	var b strings.Builder
	b.WriteString(keyText(p.File)) // quoted if a file's name holds a line break
	switch {
	case p.Sheet != "":
		b.WriteString(":")
		b.WriteString(p.Sheet)
		if p.Cell != "" {
			b.WriteString("!")
			b.WriteString(p.Cell)
		} else if p.Line > 0 {
			fmt.Fprintf(&b, " 第 %d 行 (row %d)", p.Line, p.Line)
		}
	case p.Line > 0:
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.TOMLPos && p.Column > 0 {
			fmt.Fprintf(&b, ":%d", p.Column)
		}
		if p.Row > 0 && p.Row != p.Line {
			fmt.Fprintf(&b, " (Excel 第 %d 行 row %d)", p.Row, p.Row)
		}
	}
	return b.String()
}

// CellName names a cell as Excel does: column letters, then the row (K4).
func CellName(col, row int) string {
	return ColumnName(col) + strconv.Itoa(row)
}

// ColumnName names a 1-based column as Excel does: A … Z, AA …. (The
// workbook writer names every cell it writes: a column up to Z costs no
// allocation.)
func ColumnName(col int) string {
	if col >= 1 && col <= 26 {
		return letters[col-1 : col]
	}
	var b []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		b = append([]byte{byte('A' + (c-1)%26)}, b...)
	}
	return string(b)
}

const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// Error lets a Problem travel as an error.
func (p Problem) Error() string { return p.String() }

// List collects problems from any number of checks.
type List struct {
	items []Problem
	tabs  map[sheetRef]int // the sheets' tab places, by workbook (SheetOrder)
}

type sheetRef struct{ file, sheet string }

// SheetOrder records the sheets of the workbook file in the order of its
// tabs: Sorted lists the workbook's problems in that order (then by row
// and column), not by the sheets' names, which sort 乡镇 before 行政村
// however the clerk laid them out.
func (l *List) SheetOrder(file string, sheets []string) {
	if l.tabs == nil {
		l.tabs = map[sheetRef]int{}
	}
	for i, sh := range sheets {
		l.tabs[sheetRef{file, sh}] = i + 1
	}
}

// ListOf returns a list of the problems ps (not copied).
func ListOf(ps []Problem) *List { return &List{items: ps} }

// Add appends a problem.
func (l *List) Add(p Problem) { l.items = append(l.items, p) }

// Errorf appends an error at file:line with a bilingual message.
//
// Deprecated: every problem needs a code; use Error.
func (l *List) Errorf(file string, line int, key, value, zh, en string) {
	l.Add(Problem{File: file, Line: line, Key: key, Value: value, Zh: zh, En: en})
}

// Error appends an error with a code at file:line with a bilingual message.
func (l *List) Error(code, file string, line int, key, value, zh, en string) {
	l.Add(Problem{Code: code, File: file, Line: line, Key: key, Value: value, Zh: zh, En: en})
}

// Warn appends a warning with a code at file:line with a bilingual message.
func (l *List) Warn(code, file string, line int, key, value, zh, en string) {
	l.Add(Problem{Code: code, File: file, Line: line, Key: key, Value: value, Zh: zh, En: en, Severity: Warning})
}

// Warnf appends a warning at file:line with a bilingual message.
//
// Deprecated: every problem needs a code; use Warn.
func (l *List) Warnf(file string, line int, key, value, zh, en string) {
	l.Add(Problem{File: file, Line: line, Key: key, Value: value, Zh: zh, En: en, Severity: Warning})
}

// Merge appends every problem of other.
func (l *List) Merge(other List) {
	l.items = append(l.items, other.items...)
	for k, v := range other.tabs {
		if l.tabs == nil {
			l.tabs = map[sheetRef]int{}
		}
		l.tabs[k] = v
	}
}

// Len returns the number of problems.
func (l *List) Len() int { return len(l.items) }

// Errors returns the number of problems that are errors.
func (l *List) Errors() int {
	n := 0
	for _, p := range l.items {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// ErrorsIn returns the number of problems that are errors in file.
func (l *List) ErrorsIn(file string) int {
	n := 0
	for _, p := range l.items {
		if p.Severity == Error && p.File == file {
			n++
		}
	}
	return n
}

// Warnings returns the number of warnings.
func (l *List) Warnings() int { return len(l.items) - l.Errors() }

// String returns every problem, sorted, one a line (empty for a nil list).
func (l *List) String() string {
	if l == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range l.Sorted() {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Sorted returns the problems ordered by file, sheet, line, column, then
// message, so that output is the same from run to run whatever order checks
// ran in. A workbook's problems about the whole file come first, then its
// sheets' in the order of their tabs (SheetOrder; a sheet of unknown
// place after those, by name). Each problem returned has its SheetTab.
func (l *List) Sorted() []Problem {
	out := append([]Problem(nil), l.items...)
	for i := range out {
		if p := &out[i]; p.Sheet != "" && p.SheetTab == 0 {
			p.SheetTab = l.tabs[sheetRef{p.File, p.Sheet}]
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Sheet != b.Sheet {
			if ka, kb := sheetRank(a), sheetRank(b); ka != kb {
				return ka < kb
			}
			if a.SheetTab != b.SheetTab {
				return a.SheetTab < b.SheetTab
			}
			return a.Sheet < b.Sheet
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.String() < b.String()
	})
	return out
}

// sheetRank orders a file's problems by sheet: the whole file's (0), then
// the sheets whose tab place is known (1), then others (2).
func sheetRank(p Problem) int {
	switch {
	case p.Sheet == "":
		return 0
	case p.SheetTab > 0:
		return 1
	}
	return 2
}
