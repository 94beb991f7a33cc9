package content

import (
	"bytes"
	"html"
	"html/template"
	"regexp"
	"strings"
	"testing"

	"gongshi/generator/problem"
)

// The fuzz targets run their seeds (f.Add and testdata/fuzz/<Name>/) under
// plain `go test`; to search for new inputs run, for example,
//
//	go test -run='^$' -fuzz=FuzzPage -fuzztime=60s ./generator/content/

// fuzzResolve stands in for the chart, figure and table shortcodes: it
// accepts the names "ok" and "状态", rejects the others as the real ones
// do, and marks its output so the test can find it.
func fuzzResolve(sc *Shortcode, pagePath string) (template.HTML, *problem.Problem) {
	if sc.Name != "ok" && sc.Name != "状态" {
		return "", &problem.Problem{Key: sc.Kind, Value: sc.Name, Zh: "未知的名称", En: "unknown name"}
	}
	return template.HTML(`<div data-sc="` + html.EscapeString(sc.Kind) + `"></div>`), nil
}

var (
	reScriptTag = regexp.MustCompile(`(?i)<script`)
	reJSHref    = regexp.MustCompile(`(?i)(href|src)="\s*javascript:`)
	reEvent     = regexp.MustCompile(`(?i)<[a-z][^>]*\son[a-z]+=`)
)

// checkPage holds for any page, however broken its source: every problem
// names the file, a line inside it (or none) and says what is wrong in both
// languages; a page that parsed renders to HTML with no script, no
// javascript: link and no event handler attribute (raw HTML is off), and
// no shortcode left as text outside code.
func checkPage(t *testing.T, file string, data []byte) {
	probs := &problem.List{}
	p := parsePage(file, data, probs)
	lines := bytes.Count(data, []byte("\n")) + 1
	check := func(l *problem.List) {
		for _, pr := range l.Sorted() {
			if pr.File != file || pr.Line < 0 || pr.Line > lines || pr.Zh == "" || pr.En == "" {
				t.Fatalf("bad problem %+v (file has %d lines)", pr, lines)
			}
		}
	}
	check(probs)
	if p == nil {
		if probs.Errors() == 0 {
			t.Fatal("page refused without an error")
		}
		return
	}
	r, rp := p.Render(false, "about/index.html", fuzzResolve)
	check(rp)
	h := string(r.HTML)
	for _, re := range []*regexp.Regexp{reScriptTag, reJSHref, reEvent} {
		if loc := re.FindStringIndex(h); loc != nil {
			t.Fatalf("rendered HTML holds %q:\n%s", h[loc[0]:min(loc[1]+40, len(h))], h)
		}
	}
	seen := map[string]bool{}
	for _, hd := range r.Headings {
		if seen[hd.ID] || hd.ID == "" {
			t.Fatalf("heading ID %q empty or used twice", hd.ID)
		}
		seen[hd.ID] = true
	}
	if p.Year < 0 {
		t.Fatalf("year %d", p.Year)
	}
}

// FuzzPage feeds arbitrary bytes as a Markdown page with shortcodes.
func FuzzPage(f *testing.F) {
	for _, s := range []string{
		"",
		"# 关于本站\n\n正文，**加粗**。\n",
		"+++\ntitle = \"2024 年度报告\"\nyear = 2024\n+++\n\n## 概况\n\n{{< chart \"ok\" year=2024 >}}\n\n{{< figure \"状态\" >}}\n",
		"{{< table \"nope\" limit=5 >}}\n\n文中 {{< chart \"ok\" >}} 不单独成行\n",
		"{{< chart >}}\n{{< chart \"x\n{{< chart \"ok\" a=1 a=2 >}}\n{{<>}}\n",
		"```\n{{< chart \"ok\" >}}\n```\n~~~~\n# 注释\n~~~\n~~~~\n",
		"<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n",
		"| 甲 | 乙 |\n| --- | --- |\n| <b>1</b> | {{< x >}} |\n",
		"+++\ntitle = \"x\"\n",
		"+++\n+++\n+++\n",
		"\uFEFF+++\r\ntitle = \"关于\"\r\n+++\r\n正文\r\n",
		strings.Repeat("> ", 40) + "x\n",
		strings.Repeat("- ", 20) + "{{< chart \"ok\" >}}\n",
		"## 数据概览\n## 数据概览\n## \n## !!!\n",
		"**注意：**这里\n",
		"联系 13812345678\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkPage(t, "content/about.md", data)
	})
}

// FuzzFrontMatter feeds arbitrary text as the front matter of a report.
// Beyond checkPage: a decoded title, year or weight is what the TOML says
// (found again in the text), and a problem in the front matter names a
// line of it.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"",
		"title = \"2024 年度报告\"\nyear = 2024\nweight = 3\ndraft = false\n",
		"title = 1\n",
		"year = \"2024\"\n",
		"nope = true\n",
		"title = \"a\"\ntitle = \"b\"\n",
		"title = \"\"\"\n多行\n标题\"\"\"\n",
		"[section]\nx = 1\n",
		"year = 99999999999999999999\n",
		"title = '\\u0000'\n",
		"a = " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n",
		"a" + strings.Repeat(".b", 40) + " = 1\n",
		"+++\n",
		"title = \"x\" # 注释\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, fm string) {
		data := []byte("+++\n" + fm + "\n+++\n正文\n")
		checkPage(t, "content/reports/2024.md", data)
		probs := &problem.List{}
		p := parsePage("content/reports/2024.md", data, probs)
		if p == nil {
			return
		}
		if p.Title != "" && !strings.Contains(fm, strings.Split(p.Title, "\n")[0]) && !strings.Contains(fm, `\`) {
			t.Fatalf("title %q is not in the front matter", p.Title)
		}
		// BurntSushi/toml matches keys to fields case-insensitively: "YeAr = 1" sets year.
		if p.Year != 0 && p.Year != 2024 && !strings.Contains(strings.ToLower(fm), "year") {
			t.Fatalf("year %d without a year key", p.Year)
		}
	})
}
