package privacy

import (
	"strings"
	"unicode/utf8"

	"gongshi/generator/problem"
)

// Allow is the set of numbers that may be published (site.toml
// privacy.allow_numbers), normalised as Find reports them.
type Allow map[string]bool

// NewAllow returns the set of the given numbers. Spaces, hyphens, brackets
// and a leading +86, 86 or 0086 are ignored, full-width digits read as
// digits, so that "138-0000-1234" allows 13800001234.
func NewAllow(numbers []string) Allow {
	a := Allow{}
	for _, n := range numbers {
		if k := Normalise(n); k != "" {
			a[k] = true
		}
	}
	return a
}

// Normalise returns a number as Find reports it: ASCII digits and an
// upper-case X, everything else dropped, a leading 86 country code removed
// (written +86; or 86 or 0086 before a mobile number, as Find reads them).
func Normalise(s string) string {
	var b []byte
	plus := false
	for _, r := range s {
		switch {
		case r == '+' && len(b) == 0:
			plus = true
		case r >= '0' && r <= '9':
			b = append(b, byte(r))
		case r >= '０' && r <= '９':
			b = append(b, byte('0'+r-'０'))
		case r == 'x' || r == 'X' || r == 'ｘ' || r == 'Ｘ':
			b = append(b, 'X')
		}
	}
	out := string(b)
	switch {
	case plus && len(out) > 2 && out[:2] == "86":
		out = out[2:]
	case len(out) == 13 && out[:2] == "86" && isMobile(out[2:]):
		out = out[2:]
	case len(out) == 15 && out[:4] == "0086" && isMobile(out[4:]):
		out = out[4:]
	}
	return out
}

// Allowed reports whether number may be published.
func (a Allow) Allowed(number string) bool { return a[number] }

// Place is where a text of the source starts, as a problem names it: the
// file, and the sheet and cell of a workbook, or the line and column.
type Place struct {
	File  string
	Sheet string // workbook sheet, when File is a workbook
	// Row is the row as Excel numbers it, of a table's cell: for a
	// workbook the cell's row (a problem names the cell, e.g. K4), for a
	// CSV file the record's, which differs from Line below a cell with a
	// line break. 0 for other texts.
	Row  int
	Line int // 1-based line of the text's first character
	// Column is the text's 1-based column. With Chars, a character column
	// that moves along the text (TOML, Markdown, site.toml); otherwise a
	// field number that stays the same on every line of a multi-line cell.
	Column int
	Chars  bool
	Key    string // the column or key the text is in, if any
}

// Text reports, into probs, every personal number in text (written in one
// run or in groups: Find, FindGrouped) that allow does not let through, placed exactly: the line (and, with Chars, the column)
// of its first digit.
func Text(at Place, text string, allow Allow, probs *problem.List) {
	ms := findAll(text)
	if len(ms) == 0 {
		return
	}
	line, col, pos := at.Line, at.Column, 0
	for _, m := range ms {
		if allow.Allowed(m.Number) {
			continue
		}
		for pos < m.Offset {
			r, size := utf8.DecodeRuneInString(text[pos:])
			pos += size
			if r == '\n' {
				line++
				if at.Chars {
					col = 1
				}
			} else if at.Chars {
				col++
			}
		}
		p := numberProblem(at, line, col, m)
		// Quoted as written ("139 1234 5678", "１３８…"), so that the clerk's
		// search in Excel or the editor finds it; the guard reads the
		// number from it (Normalise).
		start := m.Offset
		if r, size := utf8.DecodeLastRuneInString(text[:start]); (r == '(' || r == '（') && strings.ContainsAny(text[start:m.End], ")）") {
			start -= size // "(138)1234 5678": the brackets both
		}
		p.Value = text[start:m.End]
		probs.Add(p)
	}
}

// numberProblem is the problem of one number found at line and column of a place.
func numberProblem(at Place, line, col int, m Match) problem.Problem {
	p := problem.Problem{Code: m.Kind.Code(), File: at.File, Sheet: at.Sheet,
		Line: line, Row: at.Row, Column: col, TOMLPos: at.Chars, Key: at.Key, Value: m.Number}
	if at.Sheet != "" && at.Row > 0 { // named only here: most cells hold no number
		// A workbook's line is the cell's row, however many lines the
		// cell holds, as for every other problem of a cell.
		p.Line, p.Cell = at.Row, problem.CellName(at.Column, at.Row)
	}
	if m.Kind == Mobile {
		p.Zh = "含有手机号码，不得公开；请删除。若是可以公开的办公电话，请列入 site.toml 的 privacy.allow_numbers"
		p.En = "holds a mobile number, which must not be published: delete it, or if it is a public office line list it in privacy.allow_numbers in site.toml"
	} else {
		p.Zh = "含有居民身份证号码，不得公开；请删除。若这是编码而不是身份证号码（如 15 位的村编码），请列入 site.toml 的 privacy.allow_numbers"
		p.En = "holds a resident ID number, which must not be published: delete it, or if it is a code rather than an ID number (a 15-digit village code, say), list it in privacy.allow_numbers in site.toml"
	}
	return p
}
