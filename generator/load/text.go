package load

import (
	"fmt"
	"unicode/utf8"
)

// Problem codes of text no cell may hold.
const (
	CodeControlChar = "control-char"
	CodeBidi        = "bidi"
)

// badRune returns the byte offset, the rune and the problem code of the
// first character of s that no text of the site may hold, or -1.
//
// Control characters other than tab and line breaks are invisible in Excel
// and on the page, make feed.xml ill-formed and corrupt calendar files.
// Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) make
// text display in an order other than the one it is stored in, so that a
// title or an evidence URL reads differently from what it is. Both are
// refused with their place rather than stripped: the clerk cannot see them,
// so a silent change would be a change nobody can check.
func badRune(s string) (int, rune, string) {
	for i := 0; i < len(s); i++ {
		b := s[i]
		// Fast path: only these bytes can start a character refused below
		// (C1 controls are C2 80–9F in UTF-8, the bidi controls E2 80/81 …).
		if b >= 0x20 && b != 0x7F && b != 0xC2 && b != 0xE2 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20 || r == 0x7F || r >= 0x80 && r <= 0x9F:
			return i, r, CodeControlChar
		case r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069:
			return i, r, CodeBidi
		}
	}
	return -1, 0, ""
}

// badRuneMessage explains a character refused by badRune, in both languages.
func badRuneMessage(r rune, code string) (zh, en string) {
	u := fmt.Sprintf("U+%04X", r)
	if code == CodeBidi {
		return "含有改变文字显示方向的控制字符 " + u + "，会使文字显示得与实际内容不同；请删除",
			"holds the bidirectional control " + u + ", which makes text display differently from what it is: delete it"
	}
	return "含有看不见的控制字符 " + u + "；请删除（只允许制表符和换行）",
		"holds the invisible control character " + u + ": delete it (only tabs and line breaks are allowed)"
}
