// Package xmltext escapes text for the XML gongshi writes (the Atom feed and
// the sitemap), dropping what XML 1.0 cannot carry at all.
package xmltext

import "strings"

// Escape returns s escaped for XML text and attribute values. Characters XML
// 1.0 does not allow (control characters other than tab and line breaks,
// U+FFFE, U+FFFF, lone surrogates) are dropped, so that no text makes a
// feed ill-formed.
func Escape(s string) string {
	clean := true
	for _, r := range s {
		if r == '&' || r == '<' || r == '>' || r == '"' || r == '\'' || !allowed(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case !allowed(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// allowed reports whether XML 1.0 allows the character (its Char production).
func allowed(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
