package content

import (
	"reflect"
	"strings"
	"testing"
)

// md renders Markdown as one chunk, the way Render renders the text between
// shortcodes.
func md(t *testing.T, src string, unsafe bool) (string, []Heading) {
	t.Helper()
	h, heads, err := render(newMarkdown(unsafe), []byte(src), newIDs())
	if err != nil {
		t.Fatal(err)
	}
	return string(h), heads
}

func TestHeadingIDs(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []Heading
	}{
		{"## 数据概览\n", []Heading{{2, "数据概览", "数据概览"}}},
		{"## 数据概览\n\n## 数据概览\n\n### 数据概览\n", []Heading{
			{2, "数据概览", "数据概览"}, {2, "数据概览-1", "数据概览"}, {3, "数据概览-2", "数据概览"}}},
		{"## 一、总体情况\n", []Heading{{2, "一-总体情况", "一、总体情况"}}},
		{"## 2024年 承诺（逾期）\n", []Heading{{2, "2024年-承诺-逾期", "2024年 承诺（逾期）"}}},
		{"# Hello, World!\n", []Heading{{1, "hello-world", "Hello, World!"}}},
		{"## ！！！\n\n## ？\n", []Heading{{2, "section", "！！！"}, {2, "section-1", "？"}}},
		{"## 数据\n\n## 数据-1\n\n## 数据\n", []Heading{{2, "数据", "数据"}, {2, "数据-1", "数据-1"}, {2, "数据-2", "数据"}}},
		{"设置\n---\n", []Heading{{2, "设置", "设置"}}},
	} {
		h, heads := md(t, c.src, false)
		if !reflect.DeepEqual(heads, c.want) {
			t.Errorf("%q: headings %+v, want %+v", c.src, heads, c.want)
		}
		for _, w := range c.want {
			if !strings.Contains(h, `id="`+w.ID+`"`) {
				t.Errorf("%q: HTML lacks id=%q:\n%s", c.src, w.ID, h)
			}
		}
	}
}

// TestHeadingIDsAcrossChunks: the chunks of one page share their IDs, so a
// heading repeated after a shortcode still gets a unique anchor.
func TestHeadingIDsAcrossChunks(t *testing.T) {
	ids := newIDs()
	m := newMarkdown(false)
	var got []string
	for _, src := range []string{"## 小结\n", "## 小结\n", "## 小结\n"} {
		_, heads, err := render(m, []byte(src), ids)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range heads {
			got = append(got, h.ID)
		}
	}
	if want := []string{"小结", "小结-1", "小结-2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("IDs %q, want %q", got, want)
	}
}

func TestMarkdownFlavour(t *testing.T) {
	for _, c := range []struct {
		name, src string
		unsafe    bool
		want      []string // substrings of the HTML
		not       []string
	}{
		{name: "CJK lines join without a space", src: "第一行\n第二行\n",
			want: []string{"<p>第一行第二行</p>"}},
		{name: "CJK lines after full-width punctuation", src: "第一行，\n第二行；\n第三行：\n第四行。\n第五行！\n第六行？\n完\n",
			want: []string{"<p>第一行，第二行；第三行：第四行。第五行！第六行？完</p>"}},
		{name: "Latin lines keep their space", src: "first line\nsecond line\n",
			want: []string{"<p>first line\nsecond line</p>"}},
		{name: "English sentences keep their break", src: "First sentence.\nSecond, third;\nfourth.\n",
			want: []string{"<p>First sentence.\nSecond, third;\nfourth.</p>"}},
		{name: "full-width punctuation then Latin keeps a break", src: "中文，\nEnglish\n",
			want: []string{"<p>中文，\nEnglish</p>"}},
		{name: "CJK lines inside emphasis and lists", src: "- 第一项，\n  续行\n\n> 引用，\n> 续行\n",
			want: []string{"<li>第一项，续行</li>", "<p>引用，续行</p>"}},
		{name: "Chinese then Latin keeps a break", src: "中文\nEnglish\n",
			want: []string{"<p>中文\nEnglish</p>"}},
		{name: "GFM table", src: "| 等次 | 人数 |\n| --- | ---: |\n| 优秀 | 1 |\n",
			want: []string{`<div class="table-wrap" tabindex="0">` + "\n<table>", "</table>\n</div>", "<th>等次</th>", `<th style="text-align:right">人数</th>`, "<td>优秀</td>", `<td style="text-align:right">1</td>`}},
		{name: "strikethrough", src: "~~已撤回~~\n", want: []string{"<del>已撤回</del>"}},
		{name: "autolink", src: "见 https://www.example.gov.cn/ 。\n", want: []string{`<a href="https://www.example.gov.cn/">https://www.example.gov.cn/</a>`}},
		{name: "raw HTML dropped", src: "<div onclick=\"x\">块</div>\n\n段落 <span style=\"color:red\">红</span> <script>alert(1)</script>\n",
			want: []string{"<!-- raw HTML omitted -->", "红"},
			not:  []string{"<div", "<span", "<script", "onclick"}},
		{name: "raw HTML kept when unsafe", src: "<div class=\"note\">块</div>\n\n段落 <span>红</span>\n", unsafe: true,
			want: []string{`<div class="note">块</div>`, "<span>红</span>"},
			not:  []string{"raw HTML omitted"}},
		{name: "javascript: link neutralised", src: "[点我](javascript:alert(1)) [再点](JavaScript:alert(2)) [数据](data:text/html,x)\n",
			want: []string{`<a href="">点我</a>`, `<a href="">再点</a>`},
			not:  []string{"javascript:", "JavaScript:", "alert"}},
		{name: "javascript: autolink neutralised", src: "<javascript:alert(1)>\n", not: []string{`href="javascript`}},
		{name: "ordinary links kept", src: "[规则](../rules/) [官网](https://www.example.gov.cn/?a=1&b=2)\n",
			want: []string{`<a href="../rules/">规则</a>`, `<a href="https://www.example.gov.cn/?a=1&amp;b=2">官网</a>`}},
		{name: "typographer off", src: "\"引号\" -- 'single' ...\n",
			want: []string{"&quot;引号&quot; -- 'single' ..."}},
		{name: "emphasis next to full-width punctuation does not close (documented)", src: "**注意：**这里\n",
			want: []string{"**注意：**这里"}},
		{name: "emphasis before the punctuation closes", src: "**注意**：这里\n",
			want: []string{"<strong>注意</strong>：这里"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h, _ := md(t, c.src, c.unsafe)
			for _, w := range c.want {
				if !strings.Contains(h, w) {
					t.Errorf("HTML lacks %q:\n%s", w, h)
				}
			}
			for _, n := range c.not {
				if strings.Contains(h, n) {
					t.Errorf("HTML contains %q:\n%s", n, h)
				}
			}
		})
	}
}
