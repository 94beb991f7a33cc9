package feeds

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFoldICS: lines of at most 75 octets (RFC 5545 §3.1), never cutting a
// character, continued with a space, and unfolding gives the line back.
func TestFoldICS(t *testing.T) {
	for _, l := range []string{
		"", "BEGIN:VEVENT", strings.Repeat("a", 75), strings.Repeat("a", 76),
		"SUMMARY:" + strings.Repeat("村规民约修订草案", 12), "DESCRIPTION:" + strings.Repeat("x听", 80),
		strings.Repeat("长", 25), strings.Repeat("长", 26),
	} {
		got := foldICS(l)
		if !strings.HasSuffix(got, "\r\n") {
			t.Fatalf("%q: no CRLF at the end", l)
		}
		lines := strings.Split(strings.TrimSuffix(got, "\r\n"), "\r\n")
		for i, pl := range lines {
			if len(pl) > 75 || !utf8.ValidString(pl) || (i > 0 && !strings.HasPrefix(pl, " ")) {
				t.Errorf("%q: physical line %d %q (%d octets)", l, i, pl, len(pl))
			}
		}
		if back := strings.ReplaceAll(strings.TrimSuffix(got, "\r\n"), "\r\n ", ""); back != l {
			t.Errorf("%q: unfolds to %q", l, back)
		}
		if len(l) <= 75 && len(lines) != 1 {
			t.Errorf("%q: folded though it fits", l)
		}
	}
}

// TestFoldICSInvalidUTF8: a short line holding a byte that is not UTF-8
// takes the folding path too, which writes U+FFFD for it: a calendar is
// always UTF-8.
func TestFoldICSInvalidUTF8(t *testing.T) {
	if got := foldICS("SUMMARY:a\xffb"); got != "SUMMARY:a\uFFFDb\r\n" {
		t.Errorf("foldICS = %q, want the byte replaced by U+FFFD", got)
	}
}
