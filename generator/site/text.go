package site

import (
	"context"
	"io"
	"strings"
)

// shown is text put on a page: @text(s) in a layout writes s escaped as
// HTML text, exactly as { s } would. templ's { s } boxes every string and
// copies it through fmt.Sprint before html.EscapeString (which allocates
// again when there is something to escape): allocations for nearly every
// string on a page, and a province has a million pages. text writes the
// string in pieces between the characters it escapes and allocates
// nothing. Its argument is a string, so that a number cannot be
// passed by mistake (a conversion would make it a character).
type shown string

// text returns s as text for a page.
func text(s string) shown { return shown(s) }

// Render writes the text with &, <, >, ' and " escaped as html.EscapeString
// does (&amp; &lt; &gt; &#39; &#34;).
func (t shown) Render(_ context.Context, w io.Writer) error {
	s := string(t)
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\'':
			esc = "&#39;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		if _, err := io.WriteString(w, s[start:i]); err != nil {
			return err
		}
		if _, err := io.WriteString(w, esc); err != nil {
			return err
		}
		start = i + 1
	}
	_, err := io.WriteString(w, s[start:])
	return err
}

// datesWhole is text with each date in it (2024年12月31日, 2024-12-31)
// kept on one line: a phone's narrow column splits a Chinese date anywhere
// (2024 / 年12月31日), as Chinese text may break between any characters.
// The dates are put in <span class="nw">; the rest is written as text
// writes it.
type datesWhole string

func (t datesWhole) Render(ctx context.Context, w io.Writer) error {
	s := string(t)
	for {
		at, n := findDate(s)
		if at < 0 {
			return shown(s).Render(ctx, w)
		}
		if err := shown(s[:at]).Render(ctx, w); err != nil {
			return err
		}
		if _, err := io.WriteString(w, `<span class="nw">`+s[at:at+n]+`</span>`); err != nil { // digits, 年月日 and -: nothing to escape
			return err
		}
		s = s[at+n:]
	}
}

// findDate returns where the first date in s starts and its length in
// bytes, or -1: four digits, then 年 M 月 D 日 or -MM-DD.
func findDate(s string) (int, int) {
	for i := 0; i+4 <= len(s); i++ {
		if !leadDigits(s[i:], 4) || i > 0 && isDigit(s[i-1]) {
			continue
		}
		rest := s[i+4:]
		if n := dateTail(rest); n > 0 {
			return i, 4 + n
		}
	}
	return -1, 0
}

// dateTail returns the length of 年M月D日 or -MM-DD at the start of s, or 0.
func dateTail(s string) int {
	if len(s) >= 6 && s[0] == '-' && leadDigits(s[1:], 2) && s[3] == '-' && leadDigits(s[4:], 2) && (len(s) == 6 || !isDigit(s[6])) {
		return 6
	}
	n := 0
	for _, part := range []string{"年", "月", "日"} {
		if !strings.HasPrefix(s[n:], part) {
			return 0
		}
		n += len(part)
		if part == "日" {
			return n
		}
		k := 0
		for k < 2 && n+k < len(s) && isDigit(s[n+k]) {
			k++
		}
		if k == 0 {
			return 0
		}
		n += k
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// leadDigits reports whether s starts with n ASCII digits.
func leadDigits(s string, n int) bool {
	if len(s) < n {
		return false
	}
	for i := 0; i < n; i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
