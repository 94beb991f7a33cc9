package site

import (
	"bytes"
	"context"
	"html"
	"testing"
)

// TestTextEscapesAsTempl: @text(s) writes what templ's { s } writes
// (html.EscapeString), for every character it escapes and around them.
func TestTextEscapesAsTempl(t *testing.T) {
	for _, s := range []string{
		"", "湾水社区", "a&b", "<script>alert('x')</script>", `"引号"`, "&amp;", ">", "<<>>", "x'", "'",
		"承诺事项9：村集体山林承包方案 & <b>", "\x00\xff", "tab\tnew\nline",
	} {
		var b bytes.Buffer
		if err := text(s).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		if want := html.EscapeString(s); b.String() != want {
			t.Errorf("text(%q) wrote %q, want %q", s, b.String(), want)
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add("a<b>&'\"c")
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		text(s).Render(context.Background(), &b)
		if want := html.EscapeString(s); b.String() != want {
			t.Errorf("text(%q) wrote %q, want %q", s, b.String(), want)
		}
	})
}
