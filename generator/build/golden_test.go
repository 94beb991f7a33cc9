package build

import (
	"bytes"
	"flag"
	"fmt"
	"gongshi/generator/internal/htmlnorm"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden from the current output")

// goldenPages is one page of each kind (and the other files a build writes)
// of the base county built with base_url "/".
var goldenPages = []string{
	"index.html",
	"townships/index.html",
	"townships/T1/index.html",
	"villages/V1/index.html",
	"secretaries/S2/index.html", // holds an open pledge carried over from S1; a commendation
	"secretaries/S1/index.html", // left (调任) with an open pledge, carried over to S2
	"secretaries/S5/index.html", // an admonition (谈话诫勉); a revised pledge and its replacement
	"pledges/index.html",
	"pledges/overdue/index.html",
	"pledges/P1/index.html",
	"pledges/P5/index.html", // revised (已调整), replaced by P6
	"pledges/P6/index.html", // replaces P5
	"pledges/P7/index.html", // carried over from S1 to S2
	"pledges/P8/index.html", // revised, no replacement
	"attention/index.html",
	"ratings/index.html",
	"ratings/2024/index.html",
	"hearings/index.html",
	"hearings/2024/index.html",
	"hearings/H1/index.html",
	"hearings/H3/index.html",   // scheduled (待召开) for after as_of
	"hearings/2026/index.html", // only a scheduled hearing: none held
	"hearings/calendar.ics",
	"feed.xml",
	"villages/V1/feed.xml",
	"villages/V3/calendar.ics",
	"reports/index.html",
	"reports/2023/index.html", // from content/reports/2023.md
	"reports/2024/index.html", // generated: no Markdown for 2024
	"about/index.html",
	"rules/index.html",
	"data/index.html",
	"404.html",
	"sitemap.xml",
	"robots.txt",
}

// goldenAbsolute are the files that change when base_url is absolute: the
// village notice gets a QR code and its public URL, every page a canonical
// link, the 404 page absolute links, the sitemap absolute URLs, robots.txt
// a Sitemap line, and the feeds and calendars absolute links and other IDs.
var goldenAbsolute = []string{
	"index.html",
	"villages/V1/index.html",
	"404.html",
	"sitemap.xml",
	"robots.txt",
	"feed.xml",
	"villages/V3/calendar.ics",
}

// TestGolden builds the base county (with testdata/content) in both base_url
// variants and compares pages against testdata/golden/<variant>/. Run
// `go test ./generator/build -run TestGolden -update` to rewrite them after
// an intended change, and review the diff.
func TestGolden(t *testing.T) {
	for _, v := range []struct {
		name, baseURL string
		files         []string
	}{
		{"root", "", goldenPages},
		{"absolute", absBase, goldenAbsolute},
	} {
		t.Run(v.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			mustBuild(t, baseSite(t), dest, v.baseURL)
			for _, f := range v.files {
				got := goldenForm(t, f, readFile(t, dest, f))
				golden := filepath.Join("testdata", "golden", v.name, filepath.FromSlash(f))
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Errorf("%s: %v (run with -update to create it)", f, err)
					continue
				}
				if got != string(want) {
					t.Errorf("%s differs from %s (run with -update if the change is intended):\n%s", f, golden, firstDiff(string(want), got))
				}
			}
		})
	}
}

// TestGoldenContent checks what the golden pages must show, independently of
// the golden files, so that a careless -update cannot bless a regression.
func TestGoldenContent(t *testing.T) {
	src := baseSite(t)
	root := filepath.Join(t.TempDir(), "root")
	abs := filepath.Join(t.TempDir(), "abs")
	mustBuild(t, src, root, "")
	mustBuild(t, src, abs, absBase)
	for _, c := range []struct {
		dir, file string
		want      []string
		not       []string
	}{
		// The Chinese heading keeps its letters in the anchor; the GFM table renders.
		{root, "about/index.html", []string{`<h2 id="数据来源与更新">数据来源与更新</h2>`, "<table>", "<td>标题、状态、进度</td>"}, []string{"|---"}},
		{root, "reports/2023/index.html", []string{`<h1>2023 年度报告</h1>`, `<h2 id="总体情况">`, "<strong>3</strong>"}, []string{"report_generated", "本年度尚无书面报告"}},
		{root, "reports/2024/index.html", []string{"本年度尚无书面报告", `<span aria-current="page">2024</span>`}, nil},
		{root, "index.html", []string{"本站公开村党组织书记的<strong>承诺</strong>"}, []string{`rel="canonical"`}},
		// The village notice: the glance (secretary, pledges, the latest grade
		// against the county, the last hearing's decision), no script; printed,
		// a 公示 with its period and the approving office, and without a whole
		// base_url no QR code and no address.
		{root, "villages/V1/index.html", []string{"上村", `<a class="g-name" href="../../secretaries/S2/index.html">李四</a>`,
			`<span class="grade grade-1">优秀</span>`, "（全县平均 76.9、乡镇内第 1 名，共 2 名）", "决定：",
			`<p class="notice-name">上村党组织书记履职情况公示</p>`, "公示期：7天（自张贴之日起）", `<p>中共东乡镇委员会<span class="stamp">（盖章）</span></p>`,
			"完整记录见本县村党组织书记履职公开网站。"},
			[]string{`class="qr"`, "https://", `rel="canonical"`, "<script"}},
		{abs, "villages/V1/index.html", []string{
			`<link rel="canonical" href="https://www.example.gov.cn/cwgk/villages/V1/">`,
			`<svg class="qr"`,
			`<p>网上公开栏：https://www.example.gov.cn/cwgk/villages/V1/</p>`,
		}, nil},
		// 404.html: its stylesheet inline; links from a whole base_url, none otherwise.
		{root, "404.html", []string{"<style>", "请从本站首页重新进入"}, []string{`href="/`, `rel="stylesheet"`, `<nav class="site-nav"`, "/*"}},
		{abs, "404.html", []string{"<style>", `<a class="site-title" href="https://www.example.gov.cn/cwgk/index.html">`,
			`href="https://www.example.gov.cn/cwgk/pledges/index.html"`, `<link rel="icon" href="https://www.example.gov.cn/cwgk/favicon.ico">`}, []string{`rel="stylesheet"`}},
		{abs, "index.html", []string{`<link rel="canonical" href="https://www.example.gov.cn/cwgk/">`}, nil},
		{abs, "robots.txt", []string{"Sitemap: https://www.example.gov.cn/cwgk/sitemap.xml\n"}, nil},
		{abs, "sitemap.xml", []string{"<loc>https://www.example.gov.cn/cwgk/villages/V1/</loc>", "<loc>https://www.example.gov.cn/cwgk/</loc>"}, []string{"404.html"}},
		{root, "sitemap.xml", []string{"<loc>villages/V1/</loc>", "<loc>./</loc>"}, []string{"404.html", "index.html", "<loc>/"}},
		{root, "robots.txt", nil, []string{"Sitemap:"}},
	} {
		got := readFile(t, c.dir, c.file)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s (%s): missing %q", c.file, filepath.Base(c.dir), w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(got, n) {
				t.Errorf("%s (%s): should not contain %q", c.file, filepath.Base(c.dir), n)
			}
		}
	}
}

// firstDiff shows the first line that differs, with its number.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			var b bytes.Buffer
			fmt.Fprintf(&b, "line %d:\n  want: %s\n  got:  %s", i+1, clip(w), clip(g))
			return b.String()
		}
	}
	return "(same lines; trailing bytes differ)"
}

func clip(s string) string {
	if r := []rune(s); len(r) > 300 {
		return string(r[:300]) + "…"
	}
	return s
}

// goldenForm returns a page in the normal form of package htmlnorm (one
// element a line, attributes sorted, layout whitespace dropped), so that a
// golden diff shows what changed on the page; other files as they are.
func goldenForm(t testing.TB, name, text string) string {
	t.Helper()
	if !strings.HasSuffix(name, ".html") {
		return text
	}
	n, err := htmlnorm.Normalize(text)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return n
}
