package content

import (
	"strings"
	"testing"
)

// TestNestingBounds: front matter nested past the TOML bound and bodies
// whose lists or quotes nest past the Markdown bound are refused with the
// line, before BurntSushi/toml or goldmark see them (10,000 nested inline
// tables took 13 s and 11 GB to decode; 2 MB of 1,000-deep lists took
// goldmark 2 s, a 16 MB page minutes).
func TestNestingBounds(t *testing.T) {
	var indented strings.Builder
	for i := 0; i < 2000; i++ {
		indented.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	for _, c := range []struct {
		name, src string
		want      string
	}{
		{"front matter", "+++\ntitle = \"x\"\nw = " + strings.Repeat("{a=", 10000) + "1" + strings.Repeat("}", 10000) + "\n+++\n正文\n",
			"content/about.md:3:101: 嵌套过深"},
		{"front matter dotted key", "+++\n" + "a" + strings.Repeat(".b", 10000) + " = 1\n+++\n",
			"content/about.md:2:64: 嵌套过深"},
		{"block quotes", "+++\ntitle = \"x\"\n+++\n正文\n\n" + strings.Repeat(strings.Repeat("> ", 1000)+"x\n", 1000),
			"content/about.md:6: 列表或引用嵌套过深"},
		{"lists on one line", strings.Repeat("- ", 5000) + "x\n", "content/about.md:1: 列表或引用嵌套过深"},
		{"lists by indentation", indented.String(), "content/about.md:33: 列表或引用嵌套过深"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, probs := parse("content/about.md", c.src)
			if p != nil {
				t.Error("the page was kept")
			}
			if len(probs) != 1 || !strings.HasPrefix(probs[0], c.want) {
				t.Errorf("problems %q, want one starting %q", probs, c.want)
			}
		})
	}
	// Nesting a person writes is fine.
	if p, probs := parse("content/about.md", "- 一\n  - 二\n    - 三\n      > 引用\n"); p == nil || len(probs) > 0 {
		t.Errorf("ordinary nesting refused: %q", probs)
	}
}

// TestNotUTF8: a page saved as GBK (Notepad's "ANSI" on Chinese Windows) is
// refused at its first bad line. Such bytes used to reach goldmark, which
// panics on some of them (found by FuzzPage: " \x99\n00").
func TestNotUTF8(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"# 关于\n\n\xb9\xd8\xd3\xda\n", "content/about.md:3: 不是 UTF-8 编码"},
		{" \x99\n00", "content/about.md:1: 不是 UTF-8 编码"},
	} {
		p, probs := parse("content/about.md", c.src)
		if p != nil || len(probs) != 1 || !strings.HasPrefix(probs[0], c.want) {
			t.Errorf("%q: page %v, problems %q; want %q", c.src, p != nil, probs, c.want)
		}
	}
}
