package site

import (
	"bytes"
	"context"
	"html"
	"testing"

	"github.com/a-h/templ"
)

// TestMarkedAndLinkEscapeAsTempl: @badge, @grade, @link and @opt write what
// templ writes for <span class={ "badge " + b.Class }>@text(b.Text)</span>
// and <a href={ templ.SafeURL(h) }>@text(s)</a>: the attribute and the
// text each through html.EscapeString (templ.EscapeString), so a quote in a
// class or an address cannot end the attribute; @opt of no text writes
// nothing.
func TestMarkedAndLinkEscapeAsTempl(t *testing.T) {
	for _, s := range []string{"", "done", `x" onclick="alert(1)`, "a&b<c>'", "已完成"} {
		e := html.EscapeString(s)
		for _, c := range []struct {
			c    templ.Component
			want string
		}{
			{badge(Badge{Text: s, Class: s}), `<span class="badge ` + e + `">` + e + `</span>`},
			{grade(s, s), `<span class="grade ` + e + `">` + e + `</span>`},
			{link(s, s), `<a href="` + e + `">` + e + `</a>`},
			{opt(s, "note"), `<span class="` + e + `">note</span>`},
			{opt("fact-note", s), map[bool]string{true: "", false: `<span class="fact-note">` + e + `</span>`}[s == ""]},
		} {
			var b bytes.Buffer
			if err := c.c.Render(context.Background(), &b); err != nil {
				t.Fatal(err)
			}
			if b.String() != c.want {
				t.Errorf("%q: wrote %s, want %s", s, b.String(), c.want)
			}
		}
	}
}
