package load

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Problem codes of text no cell may hold, and of invisible characters
// (a warning).
const (
	CodeControlChar = "control-char"
	CodeBidi        = "bidi"
	CodeInvisible   = "invisible-char"
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

// invisibleRune returns the byte offset and the rune of the first format
// character of s (Unicode category Cf) that badRune lets through, or -1:
// the zero-width space U+200B, the joiners U+200C, U+200D and U+2060, the
// soft hyphen U+00AD, U+FEFF, the direction marks U+200E and U+200F. They
// come with text copied from WeChat, web pages or Word and show as
// nothing, in Excel and on the page, yet a search for the words around
// them finds nothing, and a number split by one no longer reads as a
// number to a program (package privacy looks through them). A warning,
// not an error: they break no file, and the clerk may not be able to find
// them at once; the text is published as it is, never silently changed.
func invisibleRune(s string) (int, rune) {
	for i := 0; i < len(s); i++ {
		b := s[i]
		// Fast path: only these bytes can start a format character (EF
		// starts the full-width punctuation of Chinese text too: only EF
		// BB and EF BF are looked at).
		switch {
		case b < 0xC2, b >= 0xE3 && b <= 0xEE, b == 0xEF && i+1 < len(s) && s[i+1] != 0xBB && s[i+1] != 0xBF:
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Cf, r) && !(r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069) {
			return i, r
		}
		i += size - 1
	}
	return -1, 0
}

// invisibleNames name the format characters clerks' text most often holds.
var invisibleNames = map[rune][2]string{
	0x00AD: {"软连字符", "soft hyphen"},
	0x200B: {"零宽空格", "zero width space"},
	0x200C: {"零宽不连字", "zero width non-joiner"},
	0x200D: {"零宽连字", "zero width joiner"},
	0x200E: {"从左到右标记", "left-to-right mark"},
	0x200F: {"从右到左标记", "right-to-left mark"},
	0x2060: {"零宽不换行", "word joiner"},
	0xFEFF: {"零宽不换行空格（字节顺序标记）", "zero width no-break space, or byte order mark"},
}

// invisibleMessage explains a character found by invisibleRune, in both
// languages.
func invisibleMessage(r rune) (zh, en string) {
	u := fmt.Sprintf("U+%04X", r)
	if n, ok := invisibleNames[r]; ok {
		zh, en = u+"（"+n[0]+"）", u+" ("+n[1]+")"
	} else {
		zh, en = u, u
	}
	return "含有看不见的字符 " + zh + "，常随从微信、网页或 Word 复制的文字带入：页面上看不出来，但会使搜索找不到这段文字；请删除（看不出它在哪里时，可把这段文字删掉后重新输入）",
		"holds the invisible character " + en + ", which text copied from WeChat, web pages or Word often brings along: it does not show on the page, but keeps searches from finding the text: delete it (if you cannot see where it is, delete the text and type it again)"
}
