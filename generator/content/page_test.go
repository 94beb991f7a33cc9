package content

import (
	"html/template"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"gongshi/generator/problem"
)

// parse parses one page and returns it with its problems, formatted.
func parse(file, src string) (*Page, []string) {
	probs := &problem.List{}
	p := parsePage(file, []byte(src), probs)
	return p, strs(probs)
}

func strs(l *problem.List) []string {
	var out []string
	for _, p := range l.Sorted() {
		out = append(out, p.String())
	}
	return out
}

func TestFrontMatter(t *testing.T) {
	for _, c := range []struct {
		name, file, src string
		want            Page // File, Slug, Title, Year, Weight, Draft, TitleInBody
		line0           int
	}{
		{"full", "content/reports/2024.md", "+++\ntitle = \"2024 年度报告\"\nyear = 2024\nweight = 3\n+++\n\n正文。\n",
			Page{File: "content/reports/2024.md", Slug: "reports/2024", Title: "2024 年度报告", Year: 2024, Weight: 3}, 5},
		{"year from the file name", "content/reports/2023.md", "+++\ntitle = \"报告\"\n+++\n正文。\n",
			Page{File: "content/reports/2023.md", Slug: "reports/2023", Title: "报告", Year: 2023}, 3},
		{"front matter year wins", "content/reports/2023.md", "+++\nyear = 2022\n+++\n# 报告\n",
			Page{File: "content/reports/2023.md", Slug: "reports/2023", Title: "报告", Year: 2022, TitleInBody: true}, 3},
		{"no year outside reports", "content/about2024.md", "关于。\n",
			Page{File: "content/about2024.md", Slug: "about2024"}, 1},
		{"title from the first level-1 heading", "content/about.md", "前言。\n\n## 小节\n\n# 关于本站\n\n# 第二个\n",
			Page{File: "content/about.md", Slug: "about", Title: "关于本站", TitleInBody: true}, 1},
		{"closing hashes trimmed", "content/about.md", "# 关于本站 ##\n",
			Page{File: "content/about.md", Slug: "about", Title: "关于本站", TitleInBody: true}, 1},
		{"front matter title: heading stays in the body", "content/about.md", "+++\ntitle = \"关于\"\n+++\n# 关于本站\n",
			Page{File: "content/about.md", Slug: "about", Title: "关于"}, 3},
		{"no title at all", "content/guide/_index.md", "## 小节\n",
			Page{File: "content/guide/_index.md", Slug: "guide/_index"}, 1},
		{"draft", "content/notes.md", "+++\ntitle = \"草稿\"\ndraft = true\n+++\n",
			Page{File: "content/notes.md", Slug: "notes", Title: "草稿", Draft: true}, 4},
		{"BOM and CRLF", "content/about.md", "\uFEFF+++\r\ntitle = \"关于\"\r\n+++\r\n正文\r\n",
			Page{File: "content/about.md", Slug: "about", Title: "关于"}, 3},
		{"empty front matter values", "content/about.md", "+++\n# only a comment\n+++\n正文\n",
			Page{File: "content/about.md", Slug: "about"}, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, probs := parse(c.file, c.src)
			if len(probs) > 0 {
				t.Fatalf("problems: %q", probs)
			}
			got := *p
			got.parts, got.line0 = nil, 0
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("page\n got %+v\nwant %+v", got, c.want)
			}
			if p.line0 != c.line0 {
				t.Errorf("body starts on line %d, want %d", p.line0, c.line0)
			}
		})
	}
}

func TestFrontMatterErrors(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
		page      bool // the page is still returned
	}{
		{"unclosed", "+++\ntitle = \"x\"\n\n正文\n",
			[]string{"content/a.md:1: front matter 没有结束的 +++ 行 (front matter has no closing +++ line)"}, false},
		{"syntax error on its line", "+++\ntitle = \"x\"\nyear = = 2024\n+++\n",
			[]string{"content/a.md:3: front matter 格式错误 (toml: line 2 (last key \"year\"): expected value but found '=' instead)"}, false},
		{"unterminated string", "+++\nweight = 1\n\ntitle = \"x\n+++\n",
			[]string{"content/a.md:4: front matter 格式错误 (toml: line 3 (last key \"title\"): strings cannot contain newlines)"}, false},
		{"type mismatch on its line", "+++\ntitle = \"x\"\nyear = \"2024\"\n+++\n",
			[]string{"content/a.md:3: front matter 格式错误 (toml: line 2 (last key \"year\"): incompatible types: TOML value has type string; destination has type integer)"}, false},
		{"unknown key", "+++\ntitle = \"x\"\ntitel = \"y\"\n+++\n",
			[]string{"content/a.md: titel: 未知的 front matter 键（可用 title、year、weight、draft） (unknown front matter key (expected title, year, weight, draft))"}, true},
		{"unknown table", "+++\ntitle = \"x\"\n[params]\nkey = 1\n+++\n",
			[]string{
				"content/a.md: params.key: 未知的 front matter 键（可用 title、year、weight、draft） (unknown front matter key (expected title, year, weight, draft))",
				"content/a.md: params: 未知的 front matter 键（可用 title、year、weight、draft） (unknown front matter key (expected title, year, weight, draft))",
			}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, probs := parse("content/a.md", c.src)
			if !reflect.DeepEqual(probs, c.want) {
				t.Errorf("problems\n got %q\nwant %q", probs, c.want)
			}
			if (p != nil) != c.page {
				t.Errorf("page returned: %v, want %v", p != nil, c.page)
			}
		})
	}
}

// TestLoad reads a content folder: pages sorted by path, drafts left out,
// other files ignored, problems positioned; a site without content/ is fine.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"content/_index.md":       "首页介绍。\n",
		"content/about.md":        "# 关于\n",
		"content/reports/2024.md": "+++\ntitle = \"2024\"\n+++\n",
		"content/notes.md":        "+++\ntitle = \"草稿\"\ndraft = true\n+++\n",
		"content/broken.md":       "+++\ntitle = 1\n+++\n",
		"content/image.png":       "not markdown",
		"content/readme.txt":      "# not markdown",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, probs := Load(dir, nil)
	var slugs []string
	for _, p := range pages {
		slugs = append(slugs, p.Slug)
	}
	if want := []string{"_index", "about", "reports/2024"}; !reflect.DeepEqual(slugs, want) {
		t.Errorf("pages %q, want %q (draft and broken pages left out)", slugs, want)
	}
	got := strs(probs)
	if len(got) != 1 || !strings.HasPrefix(got[0], "content/broken.md:2: front matter 格式错误") {
		t.Errorf("problems %q, want one at content/broken.md:2", got)
	}

	pages, probs = Load(t.TempDir(), nil)
	if len(pages) != 0 || probs.Len() != 0 {
		t.Errorf("no content folder: %d pages, problems %q", len(pages), strs(probs))
	}
}

func TestParseShortcode(t *testing.T) {
	for _, c := range []struct {
		src  string
		want *Shortcode
		err  string // English message, when an error
	}{
		{src: `chart "grades"`, want: &Shortcode{Kind: "chart", Name: "grades", Args: map[string]string{}}},
		{src: `chart "pledge-status" year=2024`, want: &Shortcode{Kind: "chart", Name: "pledge-status", Args: map[string]string{"year": "2024"}}},
		{src: `table   "overdue-pledges"   year=2024   limit=10`, want: &Shortcode{Kind: "table", Name: "overdue-pledges", Args: map[string]string{"year": "2024", "limit": "10"}}},
		{src: `table "grades" year="2024" note="两个 词"`, want: &Shortcode{Kind: "table", Name: "grades", Args: map[string]string{"year": "2024", "note": "两个 词"}}},
		{src: `figure "名称 带空格"`, want: &Shortcode{Kind: "figure", Name: "名称 带空格", Args: map[string]string{}}},
		{src: `figure ""`, want: &Shortcode{Kind: "figure", Name: "", Args: map[string]string{}}},
		{src: `chart "x" a_b-c=1 empty=""`, want: &Shortcode{Kind: "chart", Name: "x", Args: map[string]string{"a_b-c": "1", "empty": ""}}},
		{src: `graph "x"`, want: &Shortcode{Kind: "graph", Name: "x", Args: map[string]string{}}}, // the resolver judges kinds
		{src: ``, err: "empty shortcode"},
		{src: `chart`, err: `missing name: {{< chart "name" >}}`},
		{src: `chart grades`, err: `missing name: {{< chart "name" >}}`},
		{src: `chart year=2024 "grades"`, err: `missing name: {{< chart "name" >}}`},
		{src: `chart "grades`, err: "unterminated name"},
		{src: `chart "grades" year`, err: "expected key=value arguments, got year"},
		{src: `chart "grades" =2024`, err: "expected key=value arguments, got =2024"},
		{src: `chart "grades" 年=2024`, err: "expected key=value arguments, got 年=2024"},
		{src: `chart "grades" year=`, err: "expected key=value arguments, got year="},
		{src: `chart "grades" year="2024`, want: &Shortcode{Kind: "chart", Name: "grades", Args: map[string]string{"year": `"2024`}}},
		{src: `chart "grades" year=2024 year=2025`, err: "duplicate argument year"},
		{src: `chart "grades" year=2024 year="2024"`, err: "duplicate argument year"},
	} {
		got, err := parseShortcode(c.src)
		switch {
		case c.err != "":
			if err == nil || err.en != c.err || err.zh == "" {
				t.Errorf("parseShortcode(%q) = %+v, %+v; want error %q", c.src, got, err, c.err)
			}
		case err != nil:
			t.Errorf("parseShortcode(%q): %s", c.src, err.en)
		case !reflect.DeepEqual(got, c.want):
			t.Errorf("parseShortcode(%q) = %+v, want %+v", c.src, got, c.want)
		}
	}
}

// TestShortcodeLines: shortcodes are cut out at their own lines, whose
// numbers count the front matter; one inside a paragraph is an error.
func TestShortcodeLines(t *testing.T) {
	src := strings.Join([]string{
		"+++",                                    // 1
		`title = "报告"`,                           // 2
		"+++",                                    // 3
		"",                                       // 4
		"第一段。",                                   // 5
		`{{< figure "villages" >}}`,              // 6
		"",                                       // 7
		`  {{<chart "grades">}}  `,               // 8: spaces are fine
		"",                                       // 9
		`见 {{< chart "grades" >}}。`,              // 10: inside a paragraph
		`{{< chart >}}`,                          // 11: no name
		`{{< table "grades" limit=5 limit=6 >}}`, // 12
		"末段。",                                    // 13
	}, "\n") + "\n"
	p, probs := parse("content/reports/2024.md", src)
	want := []string{
		`content/reports/2024.md:10: "见 {{< chart \"grades\" >}}。": 短代码必须单独占一行，形如 {{< chart "名称" year=2024 >}} (a shortcode must stand on its own line, like {{< chart "name" year=2024 >}})`,
		`content/reports/2024.md:11: "{{< chart >}}": 短代码缺少名称，形如 {{< chart "名称" >}} (missing name: {{< chart "name" >}})`,
		`content/reports/2024.md:12: "{{< table \"grades\" limit=5 limit=6 >}}": 参数 limit 重复 (duplicate argument limit)`,
	}
	if !reflect.DeepEqual(probs, want) {
		t.Errorf("problems\n got %s\nwant %s", strings.Join(probs, "\n     "), strings.Join(want, "\n     "))
	}
	var codes []string
	for _, pt := range p.parts {
		if pt.code != nil {
			codes = append(codes, pt.code.File+":"+strconv.Itoa(pt.code.Line)+" "+pt.code.Kind+" "+pt.code.Name)
		}
	}
	if want := []string{"content/reports/2024.md:6 figure villages", "content/reports/2024.md:8 chart grades"}; !reflect.DeepEqual(codes, want) {
		t.Errorf("shortcodes %q, want %q", codes, want)
	}
}

// TestRender: shortcodes are replaced by what the resolver returns, in
// place; the resolver's problems get the page's file and the shortcode's
// line; headings are listed in order with unique IDs across chunks.
func TestRender(t *testing.T) {
	src := "+++\ntitle = \"报告\"\n+++\n\n## 概况\n\n第一段，\n续行。\n\n{{< figure \"villages\" >}}\n\n## 概况\n\n{{< chart \"bad\" year=2024 >}}\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n{{< table \"grades\" >}}\n"
	p, probs := parse("content/reports/2024.md", src)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	var calls []string
	resolve := func(sc *Shortcode, pagePath string) (template.HTML, *problem.Problem) {
		calls = append(calls, sc.Kind+" "+sc.Name+" @"+pagePath)
		if sc.Name == "bad" {
			return "", &problem.Problem{File: "ignored", Line: 99, Key: "chart", Value: sc.Name, Zh: "未知的图表名称", En: "unknown chart"}
		}
		return template.HTML(`<div class="sc">` + sc.Kind + "</div>"), nil
	}
	r, rp := p.Render(false, "reports/2024/index.html", resolve)
	if got, want := strs(rp), []string{`content/reports/2024.md:14: chart "bad": 未知的图表名称 (unknown chart)`}; !reflect.DeepEqual(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	if want := []string{"figure villages @reports/2024/index.html", "chart bad @reports/2024/index.html", "table grades @reports/2024/index.html"}; !reflect.DeepEqual(calls, want) {
		t.Errorf("resolver calls %q, want %q", calls, want)
	}
	h := string(r.HTML)
	order := []string{`<h2 id="概况">概况</h2>`, "<p>第一段，续行。</p>", `<div class="sc">figure</div>`, `<h2 id="概况-1">概况</h2>`, "<table>", `<div class="sc">table</div>`}
	at := 0
	for _, w := range order {
		i := strings.Index(h[at:], w)
		if i < 0 {
			t.Fatalf("HTML lacks %q after offset %d:\n%s", w, at, h)
		}
		at += i + len(w)
	}
	if strings.Contains(h, "{{<") {
		t.Errorf("a shortcode left as text:\n%s", h)
	}
	if want := []Heading{{2, "概况", "概况"}, {2, "概况-1", "概况"}}; !reflect.DeepEqual(r.Headings, want) {
		t.Errorf("headings %+v, want %+v", r.Headings, want)
	}

	// Rendering twice gives the same IDs: the ID set is per render, not per page.
	r2, _ := p.Render(false, "reports/2024/index.html", resolve)
	if r2.HTML != r.HTML {
		t.Error("a second render differs from the first")
	}

	// Without a resolver, a shortcode is an error at its line.
	_, rp = p.Render(false, "about/index.html", nil)
	if got := strs(rp); len(got) != 3 || !strings.HasPrefix(got[0], "content/reports/2024.md:10: figure: 此处不支持短代码") {
		t.Errorf("no resolver: problems %q", got)
	}
}

// TestRenderUnsafe: raw HTML and javascript: links pass only with unsafe.
func TestRenderUnsafe(t *testing.T) {
	p, _ := parse("content/about.md", "<aside>注</aside>\n\n[x](javascript:alert(1))\n")
	safe, _ := p.Render(false, "about/index.html", nil)
	unsafe, _ := p.Render(true, "about/index.html", nil)
	if strings.Contains(string(safe.HTML), "<aside>") || strings.Contains(string(safe.HTML), "javascript:") {
		t.Errorf("safe render kept raw HTML or a javascript: link:\n%s", safe.HTML)
	}
	if !strings.Contains(string(unsafe.HTML), "<aside>注</aside>") {
		t.Errorf("unsafe render dropped raw HTML:\n%s", unsafe.HTML)
	}
}

// TestFirstHeading: the title comes from a real level-1 heading, not from a
// shell comment in a code block nor from the line after an empty "#".
func TestFirstHeading(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"# 关于本站\n", "关于本站"},
		{"# 关于本站 ##\n", "关于本站"},
		{"前言\n\n# 标题\n\n# 第二\n", "标题"},
		{"## 二级\n\n### 三级\n", ""},
		{"#标题\n", ""}, // not a heading: no space after #
		{"#\n\n正文\n", ""},
		{"#   \n正文\n", ""},
		{"```sh\n# 安装\ngongshi build\n```\n\n正文\n", ""},
		{"```\n# 注释\n```\n\n# 使用说明\n", "使用说明"},
		{"~~~\n# 注释\n~~~\n# 标题\n", "标题"},
		{"    # 缩进的代码\n\n# 标题\n", "标题"},
	} {
		if got := firstHeading([]byte(c.body)); got != c.want {
			t.Errorf("firstHeading(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

// TestShortcodeInCodeFence: a shortcode inside a fenced code block is
// shown as code, so a help page can teach the syntax.
func TestShortcodeInCodeFence(t *testing.T) {
	src := "+++\ntitle = \"帮助\"\n+++\n写法：\n\n```\n{{< chart \"grades\" >}}\n```\n\n~~~~md\n{{< figure \"villages\" >}}\n~~~~\n"
	probs := &problem.List{}
	p := parsePage("content/help.md", []byte(src), probs)
	if probs.Len() != 0 {
		t.Fatalf("problems: %v", probs.Sorted())
	}
	r, rp := p.Render(false, "help/index.html", func(sc *Shortcode, _ string) (template.HTML, *problem.Problem) {
		t.Errorf("shortcode %q in a code block was run", sc.Name)
		return "", nil
	})
	if rp.Len() != 0 {
		t.Fatalf("render problems: %v", rp.Sorted())
	}
	for _, want := range []string{`{{&lt; chart &quot;grades&quot; &gt;}}`, `{{&lt; figure &quot;villages&quot; &gt;}}`} {
		if !strings.Contains(string(r.HTML), want) {
			t.Errorf("code block lacks %s:\n%s", want, r.HTML)
		}
	}
}
