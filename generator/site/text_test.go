package site

import (
	"bytes"
	"context"
	"html"
	"strings"
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

func TestDatesWhole(t *testing.T) {
	const o, e = `<span class="nw">`, `</span>`
	for _, c := range []struct{ in, want string }{
		{"逾期 365 天 · 完成时限 2024年12月31日", "逾期 365 天 · 完成时限 " + o + "2024年12月31日" + e},
		{"2024年6月3日至2025年1月1日", o + "2024年6月3日" + e + "至" + o + "2025年1月1日" + e},
		{"365 days overdue · due 2024-12-31", "365 days overdue · due " + o + "2024-12-31" + e},
		{"2024年 and 2024年12月 are no dates", "2024年 and 2024年12月 are no dates"},
		{"12024-12-31 and 2024-12-310", "12024-12-31 and 2024-12-310"},
		{"<b> & 2024-01-02", "&lt;b&gt; &amp; " + o + "2024-01-02" + e},
		{"", ""},
	} {
		var b strings.Builder
		if err := datesWhole(c.in).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, b.String(), c.want)
		}
	}
}
