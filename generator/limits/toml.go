package limits

import (
	"fmt"
	"strings"

	"gongshi/generator/problem"
)

// CodeTOMLDepth and CodeMarkdownDepth are the problem codes of input past these bounds.
const (
	CodeTOMLDepth     = "toml-depth"
	CodeMarkdownDepth = "markdown-depth"
)

// MaxTOMLDepth is the deepest nesting a TOML file may have: arrays and
// inline tables inside one another, and the parts of a dotted key or table
// header (a.b.c is three), each counted on its own. gongshi's deepest file,
// rules.toml, needs four.
const MaxTOMLDepth = 32

// TOMLDepth scans TOML text and reports the first place (1-based line and
// character column) where arrays and inline tables nest, or a key or table
// header has parts, beyond MaxTOMLDepth. ok is true when there is none. The
// scan knows strings (basic, literal, multi-line) and comments, so brackets
// and dots inside them do not count; it does not otherwise validate the
// text, which the decoder does afterwards.
func TOMLDepth(text string) (line, col int, ok bool) {
	if !strings.ContainsAny(text, "[{.") {
		return 0, 0, true
	}
	s := tomlScan{text: text, line: 1, lineStart: 0}
	return s.run()
}

type tomlScan struct {
	text      string
	i         int
	line      int
	lineStart int // byte offset of the current line
	stack     []byte
	// key is true where a key is expected: at the start of a top-level
	// line, and after "{" or "," in an inline table. parts counts the parts
	// of the key being read.
	key   bool
	parts int
}

func (s *tomlScan) col() int {
	n := 0
	for range s.text[s.lineStart:s.i] {
		n++
	}
	return n + 1
}

func (s *tomlScan) run() (int, int, bool) {
	s.key = true
	header := false // inside a [table] or [[array]] header
	for s.i < len(s.text) {
		c := s.text[s.i]
		switch {
		case c == '\n':
			s.i++
			s.line++
			s.lineStart = s.i
			if len(s.stack) == 0 {
				s.key, s.parts, header = true, 0, false
			}
			continue
		case c == '#':
			for s.i < len(s.text) && s.text[s.i] != '\n' {
				s.i++
			}
			continue
		case c == '"' || c == '\'':
			if (s.key || header) && s.parts == 0 {
				s.parts = 1
			}
			s.skipString()
			continue
		case c == ' ' || c == '\t' || c == '\r':
		case s.key && len(s.stack) == 0 && !header && s.parts == 0 && c == '[':
			header = true // a table header, not an array
			if s.i+1 < len(s.text) && s.text[s.i+1] == '[' {
				s.i++
			}
		case header && c == ']':
			header, s.key, s.parts = false, false, 0
		case (s.key || header) && c == '.':
			s.parts++
			if s.parts > MaxTOMLDepth {
				return s.line, s.col(), false
			}
		case s.key && c == '=':
			s.key, s.parts = false, 0
		case !s.key && !header && (c == '[' || c == '{'):
			s.stack = append(s.stack, c)
			if len(s.stack) > MaxTOMLDepth {
				return s.line, s.col(), false
			}
			s.key = c == '{'
		case !s.key && !header && (c == ']' || c == '}'):
			if len(s.stack) > 0 {
				s.stack = s.stack[:len(s.stack)-1]
			}
		case c == ',' && len(s.stack) > 0 && s.stack[len(s.stack)-1] == '{':
			s.key, s.parts = true, 0
		case c == '}' && s.key && len(s.stack) > 0: // "{}" or a trailing ","
			s.stack = s.stack[:len(s.stack)-1]
			s.key = false
		default:
			if (s.key || header) && s.parts == 0 {
				s.parts = 1
			}
		}
		s.i++
	}
	return 0, 0, true
}

// skipString moves past the string starting at s.i, counting the lines of
// a multi-line one. An unterminated string ends the scan (the decoder
// reports it).
func (s *tomlScan) skipString() {
	q := s.text[s.i]
	multi := s.i+2 < len(s.text) && s.text[s.i+1] == q && s.text[s.i+2] == q
	if multi {
		s.i += 3
	} else {
		s.i++
	}
	for s.i < len(s.text) {
		c := s.text[s.i]
		switch {
		case c == '\\' && q == '"':
			s.i += 2
			continue
		case c == '\n':
			if !multi {
				return // the decoder reports the unterminated string
			}
			s.line++
			s.lineStart = s.i + 1
		case c == q:
			if !multi {
				s.i++
				return
			}
			if s.i+2 < len(s.text) && s.text[s.i+1] == q && s.text[s.i+2] == q {
				s.i += 3
				for s.i < len(s.text) && s.text[s.i] == q { // """a"""" ends with a quote in the string
					s.i++
				}
				return
			}
		}
		s.i++
	}
}

// TOMLProblem returns the problem of a TOML file (or front matter starting
// on line first of file) nested beyond MaxTOMLDepth, or nil when it is not.
func TOMLProblem(file string, first int, text string) *problem.Problem {
	line, col, ok := TOMLDepth(text)
	if ok {
		return nil
	}
	return &problem.Problem{Code: CodeTOMLDepth, File: file, Line: first + line - 1, Column: col, TOMLPos: true,
		Zh: fmt.Sprintf("嵌套过深：数组、内联表或点分键超过 %d 层", MaxTOMLDepth),
		En: fmt.Sprintf("nested too deeply: arrays, inline tables or dotted keys beyond %d levels", MaxTOMLDepth)}
}
