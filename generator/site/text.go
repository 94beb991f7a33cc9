package site

import (
	"context"
	"io"
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
