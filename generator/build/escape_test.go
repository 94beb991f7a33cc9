package build

import (
	"bytes"
	"encoding/csv"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Hostile cell values: markup, an attribute breakout, script URLs.
const (
	xssScript = `<script>alert(1)</script>`
	xssAttr   = `"onmouseover="x`
	xssImg    = `<img src=x onerror=alert(1)>`
	jsURL     = `javascript:alert(1)`
	safeURL   = `https://www.example.gov.cn/p?a=1&b="x"`
	detail    = "第一行说明\n第二行说明"
)

// csvText writes rows as CSV, quoting as needed.
func csvText(t testing.TB, rows ...[]string) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// hostileSite is the base county with hostile text in its data and content.
func hostileSite(t *testing.T) string {
	t.Helper()
	src := baseSite(t)
	writeFiles(t, src, map[string]string{
		"site.toml": `title = "测试县 <script>alert(1)</script> 公开"
county = "测试县\"onmouseover=\"x"
base_url = "/"
language = "zh-CN"
as_of = 2025-12-31
license = "CC-BY-4.0"
`,
		"data/townships.csv": csvText(t, []string{"id", "name"}, []string{"T1", "东乡镇" + xssAttr}, []string{"T2", "西乡镇" + xssImg}),
		"data/villages.csv": csvText(t, []string{"id", "name", "township_id"},
			[]string{"V1", "上村" + xssScript, "T1"}, []string{"V2", "中村" + xssAttr, "T1"}, []string{"V3", "下村", "T2"}),
		"data/secretaries.csv": csvText(t, []string{"id", "name", "village_id", "role", "term_start", "education"},
			[]string{"S2", "李四" + xssAttr, "V1", "书记", "2023-07-01", xssImg},
			[]string{"S3", "王五" + xssScript, "V2", "书记", "2021-01-15", ""},
			[]string{"S5", "孙七", "V3", "书记", "2021-01-15", ""}),
		"data/pledges.csv": csvText(t,
			[]string{"id", "village_id", "secretary_id", "kind", "category", "title", "made_on", "status", "detail", "target", "due", "evidence"},
			[]string{"P1", "V1", "S2", "任期目标", "公益事业", "硬化村道" + xssScript, "2023-07-10", "推进中", detail, xssAttr, "2026-12-31", jsURL},
			[]string{"P2", "V1", "S2", "年度实事", "经济发展", "建成光伏电站" + xssAttr, "2024-03-01", "推进中", xssImg, "", "2025-06-30", safeURL},
			[]string{"P3", "V2", "S3", "选前承诺", "热点难点", "解决饮水难", "2021-01-10", "部分完成", "", "", "2022-12-31", "JavaScript:alert(2)"},
			[]string{"P4", "V3", "S5", "年度实事", "公益事业", "路灯", "2024-01-10", "已完成", "", "", "2024-12-31", "data:text/html,<script>alert(3)</script>"}),
		"data/pledge_updates.csv": csvText(t, []string{"pledge_id", "date", "status", "note"},
			[]string{"P1", "2024-03-01", "推进中", "完成路基" + xssScript}),
		"data/appraisals.csv": csvText(t, []string{"year", "village_id", "secretary_id", "masses_score", "members_score", "org_score", "note"},
			[]string{"2024", "V1", "S2", "92", "95", "90", xssAttr + xssScript}),
		"data/hearings.csv": csvText(t, []string{"id", "village_id", "date", "topic", "outcome", "category", "summary", "follow_up"},
			[]string{"H1", "V1", "2024-04-12", "土地流转" + xssScript, "通过", xssAttr, detail, xssImg}),
		"data/hearing_questions.csv": csvText(t, []string{"hearing_id", "seq", "question", "answer", "asked_by", "answered_by"},
			[]string{"H1", "1", "价格？" + xssAttr, "参照市场价" + xssScript, xssImg, "书记"}),
		"data/trainings.csv": csvText(t, []string{"id", "secretary_id", "date", "kind", "points", "title"},
			[]string{"TR1", "S2", "2024-03-10", "集中培训", "40", "党校" + xssScript}),
		// Raw HTML in Markdown is dropped (unsafe_html is off); a javascript: link is not kept.
		"content/about.md": "# 关于" + xssAttr + "\n\n<script>alert(1)</script>\n\n<div onmouseover=\"x\">块</div>\n\n[点我](javascript:alert(1)) 与 <a href=\"javascript:alert(1)\">点我</a>\n",
	})
	return src
}

// TestEscaping builds a county whose data and content hold markup, attribute
// breakouts and script URLs, and checks that none of it reaches a page as
// markup: data text is escaped (and still shown), only http(s) evidence is a
// link, and line breaks in text cells are kept.
func TestEscaping(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, hostileSite(t), dest, "")

	pages := htmlFiles(t, dest)
	for _, p := range pages {
		raw := readFile(t, dest, p)
		for _, bad := range []string{xssScript, "<script>alert", xssAttr, `onmouseover="x`, "<img"} {
			if strings.Contains(raw, bad) {
				t.Errorf("%s: contains %q unescaped", p, bad)
			}
		}
		walk(parseHTML(t, dest, p), func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("%s: <%s %s=%q>: event handler attribute", p, n.Data, a.Key, a.Val)
				}
				if a.Key == "href" || a.Key == "src" {
					v := strings.ToLower(strings.TrimSpace(a.Val))
					if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:") {
						t.Errorf("%s: <%s %s=%q>: script URL", p, n.Data, a.Key, a.Val)
					}
				}
			}
			if isElem(n, "script") {
				typ, _ := attr(n, "type")
				if _, hasSrc := attr(n, "src"); !hasSrc && typ != "application/json" {
					t.Errorf("%s: inline <script> %q", p, text(n))
				}
			}
		})
	}

	// The hostile text is shown, as text.
	for _, c := range []struct{ page, text string }{
		{"pledges/P1/index.html", "硬化村道" + xssScript},
		{"pledges/P1/index.html", xssAttr},            // target
		{"pledges/P1/index.html", "完成路基" + xssScript}, // timeline note
		{"villages/V1/index.html", "上村" + xssScript},
		{"villages/V1/index.html", xssAttr + xssScript}, // appraisal note
		{"secretaries/S2/index.html", "李四" + xssAttr},
		{"secretaries/S2/index.html", xssImg}, // education
		{"hearings/H1/index.html", "土地流转" + xssScript},
		{"hearings/H1/index.html", "价格？" + xssAttr},
		{"townships/index.html", "东乡镇" + xssAttr},
		{"index.html", "测试县 " + xssScript + " 公开"},
	} {
		if !strings.Contains(text(parseHTML(t, dest, c.page)), c.text) {
			t.Errorf("%s: text %q not shown", c.page, c.text)
		}
	}
	about := readFile(t, dest, "about/index.html")
	if strings.Contains(about, "块</div>") || strings.Contains(about, "alert(1)</script>") {
		t.Errorf("about: raw HTML from Markdown was rendered")
	}

	// Evidence: only http(s) is a link.
	for _, c := range []struct {
		page, evidence string
		link           bool
	}{
		{"pledges/P1/index.html", jsURL, false},
		{"pledges/P2/index.html", safeURL, true},
		{"pledges/P3/index.html", "JavaScript:alert(2)", false},
		{"pledges/P4/index.html", "data:text/html,<script>alert(3)</script>", false},
	} {
		dd := evidenceCell(t, dest, c.page)
		if dd == nil {
			t.Errorf("%s: no evidence shown", c.page)
			continue
		}
		if got := strings.TrimSpace(text(dd)); got != c.evidence {
			t.Errorf("%s: evidence text %q, want %q", c.page, got, c.evidence)
		}
		as := elems(dd, "a", "")
		switch {
		case !c.link && len(as) > 0:
			t.Errorf("%s: evidence %q is a link", c.page, c.evidence)
		case c.link && len(as) != 1:
			t.Errorf("%s: evidence %q is not a link", c.page, c.evidence)
		case c.link:
			// html/template may percent-encode (" → %22): the same URL, safely spelled.
			href, _ := attr(as[0], "href")
			u, err1 := url.Parse(href)
			w, err2 := url.Parse(c.evidence)
			if err1 != nil || err2 != nil || u.Scheme != w.Scheme || u.Host != w.Host || u.Path != w.Path || u.Query().Encode() != w.Query().Encode() {
				t.Errorf("%s: evidence href %q is not the URL %q", c.page, href, c.evidence)
			}
			if !hasToken(as[0], "rel", "nofollow") || !hasToken(as[0], "rel", "noopener") {
				t.Errorf("%s: evidence link without rel=\"nofollow noopener\"", c.page)
			}
		}
	}

	// Line breaks in text cells are kept, in an element styled pre-line.
	for _, c := range []struct{ page, text string }{
		{"pledges/P1/index.html", detail},
		{"hearings/H1/index.html", detail},
	} {
		found := false
		walk(parseHTML(t, dest, c.page), func(n *html.Node) {
			if n.Type == html.ElementNode && hasToken(n, "class", "text") && text(n) == c.text {
				found = true
			}
		})
		if !found {
			t.Errorf("%s: no element of class text holding %q with its line break", c.page, c.text)
		}
	}
	if css := readFile(t, dest, "css/site.css"); !strings.Contains(css, "white-space: pre-line") {
		t.Error("css/site.css: .text is not white-space: pre-line")
	}
}

// evidenceCell returns the <dd> after the <dt> 佐证材料 on a pledge page.
func evidenceCell(t *testing.T, root, page string) *html.Node {
	var dd *html.Node
	for _, dt := range elems(parseHTML(t, root, page), "dt", "") {
		if text(dt) != "佐证材料" {
			continue
		}
		for s := dt.NextSibling; s != nil; s = s.NextSibling {
			if isElem(s, "dd") {
				dd = s
				break
			}
		}
	}
	return dd
}
