package privacy

import (
	"unicode"
	"unicode/utf8"
)

// Format characters (Unicode category Cf: the zero-width space U+200B, the
// joiners U+200C and U+200D, the word joiner U+2060, U+FEFF, the soft
// hyphen U+00AD, …) show as nothing on a page, yet split a run of digits
// for a program: "138\u200b12345678" reads as 13812345678 to anyone
// looking at the page. Text copied from WeChat, web pages or Word carries
// them. Numbers are looked for in the text without them (withoutFormat),
// and placed in the text as written.

// withoutFormat returns s without its format characters, and at, where
// at[i] is the offset in s of byte i of the result; at is nil, and s
// returned as it is, when s holds none (most texts: no allocation). Only a
// text with 11 digits or more can hide a number, and only such a text is
// decoded.
func withoutFormat(s string) (string, []int) {
	if digitCount(s) < 11 || !hasFormat(s) {
		return s, nil
	}
	b := make([]byte, 0, len(s))
	at := make([]int, 0, len(s))
	for i, r := range s {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.Is(unicode.Cf, r) {
			continue
		}
		for k := 0; k < size; k++ {
			b = append(b, s[i+k])
			at = append(at, i+k)
		}
	}
	return string(b), at
}

// hasFormat reports whether s holds a format character.
func hasFormat(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Cf, r) {
			return true
		}
		i += size - 1
	}
	return false
}

// placed returns m, found in a text without format characters, placed in
// the text as written: at is what withoutFormat returned with it.
func placed(m Match, at []int) Match {
	if at != nil {
		m.Offset, m.End = at[m.Offset], at[m.End-1]+1
	}
	return m
}
