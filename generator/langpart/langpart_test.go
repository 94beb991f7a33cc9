package langpart

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestMark(t *testing.T) {
	const z = `<span lang="zh-CN">`
	const e = `</span>`
	cases := []struct{ name, in, want string }{
		{"no Chinese", `<p>Pledges: 12 done</p>`, `<p>Pledges: 12 done</p>`},
		{"whole text", `<td>王金</td>`, `<td>` + z + `王金` + e + `</td>`},
		{"inside English", `<p>Secretary: 王金, since 2021</p>`, `<p>Secretary: ` + z + `王金` + e + `, since 2021</p>`},
		{"a letter ends a run", `<p>王金 and 李四</p>`, `<p>` + z + `王金` + e + ` and ` + z + `李四` + e + `</p>`},
		{"spaces, digits and punctuation inside a run", `<p>桃港村 (杏口镇)</p>`, `<p>` + z + `桃港村 (杏口镇` + e + `)</p>`},
		{"CJK punctuation starts and ends a run", `<p>《村规民约》修订</p>`, `<p>` + z + `《村规民约》修订` + e + `</p>`},
		{"a character reference is punctuation", `<p>道路&amp;桥梁 &amp; more</p>`, `<p>` + z + `道路&amp;桥梁` + e + ` &amp; more</p>`},
		{"a reference at a run's edge stays out", `<p>&#34;修路&#34;</p>`, `<p>&#34;` + z + `修路` + e + `&#34;</p>`},
		{"full-width letters are Chinese text", `<p>Ｖ０１号</p>`, `<p>` + z + `Ｖ０１号` + e + `</p>`},
		{"attributes untouched", `<a href="../村/" title="王金">Wang</a>`, `<a href="../村/" title="王金">Wang</a>`},
		{"a '>' in a quoted value", `<a title="a>b 王" href="x">王金</a>`, `<a title="a>b 王" href="x">` + z + `王金` + e + `</a>`},
		{"link text", `<a href="x">王金</a>`, `<a href="x">` + z + `王金` + e + `</a>`},
		{"title", `<title>王金 · Test County</title><h1>王金</h1>`, `<title>王金 · Test County</title><h1>` + z + `王金` + e + `</h1>`},
		{"script and style", `<script>var a="王";</script><style>p::after{content:"王"}</style>王`,
			`<script>var a="王";</script><style>p::after{content:"王"}</style>` + z + `王` + e},
		{"end tag case", `<SCRIPT>x="王"</Script>王`, `<SCRIPT>x="王"</Script>` + z + `王` + e},
		{"textarea", `<textarea>王</textarea>`, `<textarea>王</textarea>`},
		{"select and options", `<select><option>王</option></select><p>王</p>`, `<select><option>王</option></select><p>` + z + `王` + e + `</p>`},
		{"svg, nested", `<svg><g><svg><text>王</text></svg><text>李</text></g></svg>王`, `<svg><g><svg><text>王</text></svg><text>李</text></g></svg>` + z + `王` + e},
		{"self-closing svg", `<svg/><p>王</p>`, `<svg/><p>` + z + `王` + e + `</p>`},
		{"comment", `<!-- 王 --><p>王</p>`, `<!-- 王 --><p>` + z + `王` + e + `</p>`},
		{"already marked", `<td lang="zh-CN">王金</td><td>李四</td>`, `<td lang="zh-CN">王金</td><td>` + z + `李四` + e + `</td>`},
		{"already marked, other elements inside not counted", `<td lang="zh-CN">王<p>x</td><td>李</td>`, `<td lang="zh-CN">王<p>x</td><td>` + z + `李` + e + `</td>`},
		{"already marked, nested same element", `<div lang=zh><div>王</div>李</div>王`, `<div lang=zh><div>王</div>李</div>` + z + `王` + e},
		{"html lang en is not Chinese", `<html lang="en"><body>王</body></html>`, `<html lang="en"><body>` + z + `王` + e + `</body></html>`},
		{"hreflang and xml:lang are not lang", `<a hreflang="zh" href="x">王</a>`, `<a hreflang="zh" href="x">` + z + `王` + e + `</a>`},
		{"a void element with lang", `<img lang="zh" alt="x"><p>王</p>`, `<img lang="zh" alt="x"><p>` + z + `王` + e + `</p>`},
		{"a run across no tag", `<p>王<b>金</b></p>`, `<p>` + z + `王` + e + `<b>` + z + `金` + e + `</b></p>`},
		{"unclosed script", `<script>王`, `<script>王`},
		{"unclosed tag", `<p title="王`, `<p title="王`},
		{"a bare < in text", `王 < 李`, z + `王 < 李` + e}, // text's '<' is punctuation (a page writes &lt;)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := string(Mark(nil, []byte(c.in))); got != c.want {
				t.Errorf("Mark(%s)\n got %s\nwant %s", c.in, got, c.want)
			}
		})
	}
}

// TestMarkKeepsText checks on a page like the site's that marking adds
// spans and nothing else: the text a reader sees is the same, every
// Chinese character ends up inside an element that says lang="zh-CN",
// and the page still parses to the same structure plus the spans.
func TestMarkKeepsText(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>桃港村 · Test County</title>` +
		`<style>.a{}</style></head><body><header><a href="../../index.html">Test County</a></header>` +
		`<main><h1>桃港村</h1><p class="kicker"><a href="../../townships/T01/index.html">杏口镇</a> · Village notice</p>` +
		`<dl><div><dt>Secretary</dt><dd><a href="x">王金</a> since 2021-01-19</dd></div></dl>` +
		`<ul><li><a href="p">建立党员积分管理制度</a> <span class="badge badge-done">Done</span> 100%</li>` +
		`<li>完成64户农房风貌整治 · Public works · due 2022-12-31</li></ul>` +
		`<table><tr><th scope="col">Topic</th></tr><tr><td>“两委”联席会议，听取意见。</td></tr></table></main></body></html>`
	got := Mark(nil, []byte(page))
	text := func(s string, marked bool) string {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		var walk func(n *html.Node, zh bool)
		walk = func(n *html.Node, zh bool) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					if a.Key == "lang" {
						zh = strings.HasPrefix(a.Val, "zh")
					}
				}
			}
			if n.Type == html.TextNode {
				b.WriteString(n.Data)
				if n.Parent != nil && n.Parent.Data != "title" && n.Parent.Data != "style" && marked && !zh {
					for _, r := range n.Data {
						if chinese(r) {
							t.Errorf("%q left unmarked in %q", string(r), n.Data)
							break
						}
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, zh)
			}
		}
		walk(doc, false)
		return b.String()
	}
	if a, b := text(page, false), text(string(got), true); a != b {
		t.Errorf("text changed:\n%s\n%s", a, b)
	}
	if n := strings.Count(string(got), `<span lang="zh-CN">`); n != 6 {
		t.Errorf("%d spans, want 6:\n%s", n, got)
	}
}

// TestMarkAppends checks that Mark appends to dst and leaves it whole.
func TestMarkAppends(t *testing.T) {
	dst := []byte("head:")
	if got := string(Mark(dst, []byte("<b>王</b>"))); got != `head:<b><span lang="zh-CN">王</span></b>` {
		t.Errorf("got %s", got)
	}
}

func BenchmarkMark(b *testing.B) {
	row := `<li><a href="../../pledges/P000123/index.html">完成64户农房风貌整治</a> <span class="badge">In progress</span> Public works · due 2022-12-31 · 王金</li>`
	page := []byte(`<!DOCTYPE html><html lang="en"><head><title>桃港村</title></head><body><ul>` + strings.Repeat(row, 60) + `</ul></body></html>`)
	var dst []byte
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		dst = Mark(dst[:0], page)
	}
}
