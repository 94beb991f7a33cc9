package privacy

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"
)

// FindGrouped returns the personal numbers in s that are written in groups,
// as people write them to be read: a mobile number as 3-4-4 digits
// ("138 1234 5678", "138-1234-5678", "138.1234.5678", "+86 138 1234 5678",
// "+86138 1234 5678") or with its first three digits in brackets
// ("(138) 1234 5678", "（１３８）１２３４５６７８"), and a resident ID number
// as 6-8-4 ("110101 19800101 007X"), 6-4-4-4 ("110105 1949 1231 002X") or,
// for the old 15-digit numbers, 6-6-3. The groups are ASCII or full-width
// digits joined by one space (also a full-width or no-break space), one
// hyphen or one dot, the same all along. Find, and the guard's scan of every
// output file, see only numbers written in one run; a grouped number comes
// from the source (a clerk's cell), where check looks for both.
func FindGrouped(s string) []Match {
	if digitCount(s) < 11 {
		return nil // most cells
	}
	var out []Match
	gs := groupsOf(s)
	for i := 0; i < len(gs); i++ {
		if m, n, ok := singles(gs, i); ok {
			out = append(out, m)
			i += n - 1
			continue
		}
		for _, sh := range shapes {
			if m, ok := sh.match(gs[i:]); ok {
				out = append(out, m)
				i += len(sh.sizes) - 1
				break
			}
		}
	}
	return out // in offset order: groups are read left to right
}

// group is a run of digits (and a trailing X) in a text, with how it joins
// the next one.
type group struct {
	digits string // ASCII digits, and X
	start  int    // byte offset of its first character
	end    int    // byte offset after its last
	// joinNext is the one separator before the next group, bracketJoin
	// when the group is in brackets and the next follows the closing one
	// (directly or after one separator), or 0 when it does not join one.
	joinNext rune
	// code is true when the group follows an ASCII letter (directly or
	// through one separator), codeAfter when an ASCII letter follows it
	// the same way: the digits are part of a code, not a number by itself.
	code, codeAfter bool
}

// bracketJoin is the join of a group in brackets to the next: "(138)1234".
const bracketJoin = ')'

// shape is a way of grouping a number's digits.
type shape struct {
	sizes []int
	kind  Kind
	// brackets says whether the first group may be in brackets, as the
	// area code of a landline is written and a mobile's first three digits
	// sometimes are: bracketsNo, bracketsMay or bracketsMust (3-8: without
	// brackets "135 20240501" is a count and a date, not a number).
	brackets int
}

const (
	bracketsNo = iota
	bracketsMay
	bracketsMust
)

var shapes = []shape{
	{[]int{3, 4, 4}, Mobile, bracketsMay},
	{[]int{3, 8}, Mobile, bracketsMust},
	{[]int{6, 8, 4}, IDNumber, bracketsNo},
	{[]int{6, 4, 4, 4}, IDNumber, bracketsNo},
	{[]int{6, 6, 3}, IDNumber, bracketsNo},
}

// match reports whether gs starts with groups of the shape's sizes joined
// by one kind of separator (after the brackets of the first group, if the
// shape allows them), making a valid number of its kind.
func (sh shape) match(gs []group) (Match, bool) {
	n := len(sh.sizes)
	if len(gs) < n || gs[0].joinNext == 0 {
		return Match{}, false
	}
	bracketed := gs[0].joinNext == bracketJoin
	if bracketed && sh.brackets == bracketsNo || !bracketed && sh.brackets == bracketsMust {
		return Match{}, false
	}
	// Every join but the bracket's is the same one separator.
	joins := gs[:n-1]
	if bracketed {
		joins = gs[1 : n-1]
	}
	for _, g := range joins {
		if sep := joins[0].joinNext; g.joinNext != sep || sep == 0 || sep == bracketJoin {
			return Match{}, false
		}
	}
	var number string // made only for groups of the shape
	for k, size := range sh.sizes {
		digits := gs[k].digits
		if k == 0 && sh.kind == Mobile && !bracketed {
			digits = trimCountryCode(digits, size) // +86138 1234 5678
		}
		if len(digits) != size {
			return Match{}, false
		}
		// An X only ends an 18-character ID number.
		if x := strings.IndexByte(digits, 'X'); x >= 0 && !(sh.kind == IDNumber && k == n-1 && size == 4 && x == size-1) {
			return Match{}, false
		}
		number += digits
	}
	if gs[0].code || gs[n-1].codeAfter {
		return Match{}, false // part of a code such as HT-158-2024-0012 or a UUID
	}
	m := Match{Offset: gs[0].start, End: gs[n-1].end, Number: number, Kind: sh.kind}
	switch {
	case sh.kind == Mobile:
		return m, isMobile(number)
	case len(number) == 15: // no check digit: the birth date must be one (YYMMDD)
		return m, validDate("19" + number[6:12])
	default:
		return m, validDate(number[6:14]) && checkDigit([]byte(number[:17])) == number[17]
	}
}

// singles reports whether gs[i:] starts with a number written one digit
// at a time ("1 3 8 1 2 3 4 5 6 7 8", as a clerk spaces a number out to
// read it aloud): single digits joined by the same one separator, all of
// the run (no single digit joined before or after it), 11 of them making a
// mobile number or 15 or 18 an ID number. Runs of single digits of other
// lengths (a list of scores, "1 2 3 4 5") are no number. n is the number
// of groups it takes.
func singles(gs []group, i int) (m Match, n int, ok bool) {
	sep := gs[i].joinNext
	if len(gs[i].digits) != 1 || sep == 0 || sep == bracketJoin || gs[i].code {
		return Match{}, 0, false
	}
	if i > 0 && len(gs[i-1].digits) == 1 && gs[i-1].joinNext == sep {
		return Match{}, 0, false // inside a longer run
	}
	j := i
	for j+1 < len(gs) && gs[j].joinNext == sep && len(gs[j+1].digits) == 1 {
		j++
	}
	n = j - i + 1
	var b []byte
	for _, g := range gs[i : j+1] {
		b = append(b, g.digits...)
	}
	if bytes.IndexByte(b, 'X') >= 0 || gs[j].codeAfter {
		return Match{}, 0, false
	}
	m = Match{Offset: gs[i].start, End: gs[j].end, Number: string(b)}
	switch {
	case n == 11 && isMobile(b):
		m.Kind = Mobile
	case n == 15 && validDate("19"+string(b[6:12])):
		m.Kind = IDNumber
	case n == 18 && validDate(string(b[6:14])) && checkDigit(b[:17]) == b[17]:
		m.Kind = IDNumber
	default:
		return Match{}, 0, false
	}
	return m, n, true
}

// trimCountryCode returns the first group of a grouped mobile number
// without the country code typed into it ("86138", "0086138"), when it is
// the first group's size with one.
func trimCountryCode(digits string, size int) string {
	switch {
	case len(digits) == size+2 && digits[:2] == "86":
		return digits[2:]
	case len(digits) == size+4 && digits[:4] == "0086":
		return digits[4:]
	}
	return digits
}

// validDate reports whether d (YYYYMMDD) is a date of the last two
// centuries, as a birth date in an ID number must be.
func validDate(d string) bool {
	t, err := time.Parse("20060102", d)
	return err == nil && t.Year() >= 1900 && t.Year() < 2100
}

// digitCount counts the ASCII and full-width digits of s.
func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' || c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
			n++
		}
	}
	return n
}

// isSeparator reports whether r may join the groups of a number: a space
// (also full-width or no-break), a hyphen or dash (also the full-width
// hyphen a Chinese input method types, and the en and em dashes) or a dot
// (also full-width): 138.1234.5678.
func isSeparator(r rune) bool {
	switch r {
	case ' ', '\u3000', '\u00a0', '-', '\uFF0D', '\uFE63', '.', '\uFF0E':
		return true
	}
	return r >= '\u2010' && r <= '\u2015'
}

// isOpen and isClose report whether r is an opening or a closing round
// bracket, ASCII or full-width.
func isOpen(r rune) bool  { return r == '(' || r == '（' }
func isClose(r rune) bool { return r == ')' || r == '）' }

// isHyphen reports whether r is a separator that joins a code to its
// digits (HT-158): a hyphen or dash, not a space, which only ends a word
// ("Tel 138 1234 5678" is a number after a word, not a code).
func isHyphen(r rune) bool { return isSeparator(r) && r != ' ' && r != '\u3000' && r != '\u00a0' }

// groupsOf returns the digit groups of s in order, each marked with the
// separator that joins it to the next (one space, full-width or no-break
// space, hyphen or dot between two groups; or the closing bracket of a
// group in brackets, with at most one separator after it).
func groupsOf(s string) []group {
	var gs []group
	var cur []byte
	start := -1
	flush := func(end int) {
		if start >= 0 {
			gs = append(gs, group{digits: string(cur), start: start, end: end})
			cur, start = cur[:0], -1
		}
	}
	lastEnd := -1 // end of the last group, while only one separator followed it
	// sep is the separator read since lastEnd; after a group in brackets,
	// bracketJoin (the bracket just read) or bracketSep (and a separator).
	var sep rune
	const bracketSep = -1
	var prev, prev2 rune // the two characters before this one
	code := false        // the group being read follows a letter
	opened := false      // the group being read follows an opening bracket
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			if start < 0 {
				if lastEnd >= 0 && sep != 0 && len(gs) > 0 {
					if sep == bracketSep {
						sep = bracketJoin
					}
					gs[len(gs)-1].joinNext = sep
				}
				start = i
				code = isLetter(prev) || isHyphen(prev) && isLetter(prev2)
				opened = isOpen(prev)
			}
			if r >= '０' {
				r = '0' + r - '０'
			}
			cur = append(cur, byte(r))
		case (r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ') && start >= 0:
			cur = append(cur, 'X')
			flush(i + size)
			g := &gs[len(gs)-1]
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			g.code, g.codeAfter = code, isLetter(next)
			lastEnd, sep = i+size, 0
			prev2, prev = prev, r
			i += size
			continue
		default:
			if start >= 0 {
				next, _ := utf8.DecodeRuneInString(s[i+size:])
				flush(i)
				g := &gs[len(gs)-1]
				g.code, g.codeAfter = code, isLetter(r) || isHyphen(r) && isLetter(next)
				lastEnd, sep = i, 0
				if opened && isClose(r) { // "(138)": the bracket joins it to the next group
					g.codeAfter = false
					lastEnd, sep = i+size, bracketJoin
					prev2, prev = prev, r
					i += size
					continue
				}
			}
			switch {
			case lastEnd >= 0 && sep == 0 && i == lastEnd && isSeparator(r):
				sep = r
			case lastEnd >= 0 && sep == bracketJoin && i == lastEnd && isSeparator(r):
				sep = bracketSep
			default:
				lastEnd, sep = -1, 0
			}
		}
		prev2, prev = prev, r
		i += size
	}
	if start >= 0 {
		flush(len(s))
		gs[len(gs)-1].code = code
	}
	return gs
}

// isLetter reports whether r is an ASCII letter.
func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
