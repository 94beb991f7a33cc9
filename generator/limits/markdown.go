package limits

import (
	"fmt"

	"gongshi/generator/problem"
)

// MaxMarkdownDepth is how deeply block quotes and list items may nest in a
// Markdown page. Real pages nest lists three or four deep.
const MaxMarkdownDepth = 32

// MarkdownDepth scans Markdown text and returns the first line (1-based)
// whose block quotes and list items nest deeper than MaxMarkdownDepth; ok
// is true when none does. A line's depth is the number of container markers
// (">", "-", "*", "+", "1." or "1)" followed by a space) that open it, plus
// one level for every two columns of indentation before a marker, since
// nested list items are written by indenting them. Lines inside fenced code
// blocks are not counted. The estimate errs on the high side; it is only
// meant to stop pathological input, never a page a person wrote.
func MarkdownDepth(text string) (line int, ok bool) {
	fence := byte(0)
	fenceLen := 0
	n := 1
	for start := 0; start <= len(text); n++ {
		end := start
		for end < len(text) && text[end] != '\n' {
			end++
		}
		l := text[start:end]
		if c, k := fenceOf(l); k > 0 {
			switch {
			case fence == 0:
				fence, fenceLen = c, k
			case c == fence && k >= fenceLen:
				fence = 0
			}
		} else if fence == 0 && lineDepth(l) > MaxMarkdownDepth {
			return n, false
		}
		start = end + 1
	}
	return 0, true
}

// fenceOf returns the fence character and length of a line that opens or
// closes a fenced code block (three or more ` or ~ after at most three
// spaces), or 0, 0.
func fenceOf(l string) (byte, int) {
	i := 0
	for i < len(l) && i < 3 && l[i] == ' ' {
		i++
	}
	if i >= len(l) || (l[i] != '`' && l[i] != '~') {
		return 0, 0
	}
	c, k := l[i], 0
	for i+k < len(l) && l[i+k] == c {
		k++
	}
	if k < 3 {
		return 0, 0
	}
	return c, k
}

// lineDepth estimates how many containers a line opens (see MarkdownDepth).
func lineDepth(l string) int {
	if thematicBreak(l) {
		return 0 // "- - - -" or "* * *" is a rule, not nested lists
	}
	depth, indent := 0, 0
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ':
			indent++
			i++
		case c == '\t':
			indent += 4
			i++
		case c == '>':
			depth += 1 + indent/2
			indent = 0
			i++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t'):
			depth += 1 + indent/2
			indent = 0
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j < len(l) && (l[j] == '.' || l[j] == ')') && (j+1 == len(l) || l[j+1] == ' ' || l[j+1] == '\t') {
				depth += 1 + indent/2
				indent = 0
				i = j + 1
				continue
			}
			return depth
		default:
			return depth
		}
	}
	return depth
}

// thematicBreak reports whether l holds only one of "-", "*" or "_" (three
// or more times) and blanks.
func thematicBreak(l string) bool {
	var mark byte
	n := 0
	for i := 0; i < len(l); i++ {
		switch c := l[i]; c {
		case ' ', '\t':
		case '-', '*', '_':
			if mark != 0 && c != mark {
				return false
			}
			mark = c
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// MarkdownProblem returns the problem of a Markdown body (starting on line
// first of file) whose lists and quotes nest beyond MaxMarkdownDepth, or nil.
func MarkdownProblem(file string, first int, text string) *problem.Problem {
	line, ok := MarkdownDepth(text)
	if ok {
		return nil
	}
	return &problem.Problem{Code: CodeMarkdownDepth, File: file, Line: first + line - 1,
		Zh: fmt.Sprintf("列表或引用嵌套过深（超过 %d 层）", MaxMarkdownDepth),
		En: fmt.Sprintf("lists or block quotes nested too deeply (beyond %d levels)", MaxMarkdownDepth)}
}
