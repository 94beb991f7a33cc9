package charts_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"gongshi/generator/build"
)

// report is a Markdown report for 2024: four lines of front matter, a blank
// line, a paragraph and a blank line, so that the first of body's lines is
// line 8 of the file.
func report(body ...string) string {
	return "+++\ntitle = \"报告\"\nyear = 2024\n+++\n\n第一段。\n\n" + strings.Join(body, "\n") + "\n"
}

const (
	chartNames  = "ages/channels/education/grades/hearing-outcomes/pledge-categories/pledge-status/stars/training"
	figureNames = "avg-team-stars/five-star-teams/hearings-held/hearings-passed-share/needs-adjust/pledges-done-share/pledges-overdue/pledges-total/secretaries-serving/top-grade-secretaries/training-qualified-share/villages"
	tableNames  = "grades/needs-adjust/overdue-pledges/township-pledges/training-unqualified"
	baseYears   = "2021/2023/2024/2025" // years with pledges, appraisals, hearings or trainings in the base county
	badYear     = `: 应为有数据的年份：` + baseYears + ` (expected a year with data: ` + baseYears + `)`
	badLimit    = `: 应为 1 到 500 之间的整数 (expected a whole number from 1 to 500)`
	rpt         = "content/reports/2024.md:"
)

// TestShortcodeErrors builds the base county with one faulty report each
// and checks the exact problems, positioned at file:line.
func TestShortcodeErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"unknown kind", map[string]string{"content/reports/2024.md": report(`{{< graph "x" >}}`)},
			[]string{rpt + `8: graph "x": 未知的短代码；可用 chart、figure、table (unknown shortcode; expected chart, figure or table)`}},
		{"unknown chart", map[string]string{"content/reports/2024.md": report(`{{< chart "pie" >}}`)},
			[]string{rpt + `8: chart "pie": 未知的图表名称；可用：` + chartNames + ` (unknown chart; expected one of ` + chartNames + `)`}},
		{"unknown figure", map[string]string{"content/reports/2024.md": report(`{{< figure "total" year=2024 >}}`)},
			[]string{rpt + `8: figure "total": 未知的数字名称；可用：` + figureNames + ` (unknown figure; expected one of ` + figureNames + `)`}},
		{"unknown table", map[string]string{"content/reports/2024.md": report(`{{< table "pledges" >}}`)},
			[]string{rpt + `8: table "pledges": 未知的表格名称；可用：` + tableNames + ` (unknown table; expected one of ` + tableNames + `)`}},
		{"argument to a chart that takes none", map[string]string{"content/reports/2024.md": report(`{{< chart "grades" year=2024 >}}`)},
			[]string{rpt + `8: year "2024": “grades”不接受参数 (grades takes no arguments)`}},
		{"unknown chart argument", map[string]string{"content/reports/2024.md": report(`{{< chart "pledge-status" limit=5 >}}`)},
			[]string{rpt + `8: limit "5": “pledge-status”不接受此参数；可用：year (argument not accepted by pledge-status; expected year)`}},
		{"unknown figure argument", map[string]string{"content/reports/2024.md": report(`{{< figure "villages" limit=5 >}}`)},
			[]string{rpt + `8: limit "5": “villages”不接受此参数；可用：year (argument not accepted by villages; expected year)`}},
		{"unknown table argument", map[string]string{"content/reports/2024.md": report(`{{< table "grades" colour="red" >}}`)},
			[]string{rpt + `8: colour "red": “grades”不接受此参数；可用：year/limit (argument not accepted by grades; expected year/limit)`}},
		{"year without data", map[string]string{"content/reports/2024.md": report(`{{< chart "pledge-status" year=1999 >}}`)},
			[]string{rpt + `8: year "1999"` + badYear}},
		{"year not a number", map[string]string{"content/reports/2024.md": report(`{{< figure "pledges-total" year=abc >}}`)},
			[]string{rpt + `8: year "abc"` + badYear}},
		{"year between years with data", map[string]string{"content/reports/2024.md": report(`{{< table "grades" year="2022" >}}`)},
			[]string{rpt + `8: year "2022"` + badYear}},
		{"limit 0", map[string]string{"content/reports/2024.md": report(`{{< table "overdue-pledges" limit=0 >}}`)},
			[]string{rpt + `8: limit "0"` + badLimit}},
		{"limit 501", map[string]string{"content/reports/2024.md": report(`{{< table "overdue-pledges" limit=501 >}}`)},
			[]string{rpt + `8: limit "501"` + badLimit}},
		{"limit not a number", map[string]string{"content/reports/2024.md": report(`{{< table "overdue-pledges" limit=ten >}}`)},
			[]string{rpt + `8: limit "ten"` + badLimit}},
		{"missing name", map[string]string{"content/reports/2024.md": report(`{{< chart >}}`)},
			[]string{rpt + `8: "{{< chart >}}": 短代码缺少名称，形如 {{< chart "名称" >}} (missing name: {{< chart "name" >}})`}},
		{"unquoted name", map[string]string{"content/reports/2024.md": report(`{{< chart grades >}}`)},
			[]string{rpt + `8: "{{< chart grades >}}": 短代码缺少名称，形如 {{< chart "名称" >}} (missing name: {{< chart "name" >}})`}},
		{"inline in a paragraph", map[string]string{"content/reports/2024.md": report(`如图 {{< chart "grades" >}} 所示。`)},
			[]string{rpt + `8: "如图 {{< chart \"grades\" >}} 所示。": 短代码必须单独占一行，形如 {{< chart "名称" year=2024 >}} (a shortcode must stand on its own line, like {{< chart "name" year=2024 >}})`}},
		{"duplicate argument", map[string]string{"content/reports/2024.md": report(`{{< table "grades" year=2024 year=2025 >}}`)},
			[]string{rpt + `8: "{{< table \"grades\" year=2024 year=2025 >}}": 参数 year 重复 (duplicate argument year)`}},
		{"every faulty line, each at its own line", map[string]string{"content/reports/2024.md": report(
			`{{< chart "pie" >}}`, // 8
			``,
			`正文。`,
			``,
			`{{< chart "grades" >}}`, // 12: fine
			``,
			`{{< figure "villages" year=1999 >}}`, // 14
		)}, []string{
			rpt + `8: chart "pie": 未知的图表名称；可用：` + chartNames + ` (unknown chart; expected one of ` + chartNames + `)`,
			rpt + `14: year "1999"` + badYear,
		}},
		{"no front matter", map[string]string{"content/about.md": "# 关于\n\n{{< table \"grades\" limit=0 >}}\n"},
			[]string{`content/about.md:3: limit "0"` + badLimit}},
		{"BOM and CRLF", map[string]string{"content/about.md": "\uFEFF+++\r\ntitle = \"关于\"\r\n+++\r\n\r\n{{< table \"grades\" limit=0 >}}\r\n"},
			[]string{`content/about.md:5: limit "0"` + badLimit}},
		{"home page introduction", map[string]string{"content/_index.md": "介绍。\n\n{{< chart \"nope\" >}}\n"},
			[]string{`content/_index.md:3: chart "nope": 未知的图表名称；可用：` + chartNames + ` (unknown chart; expected one of ` + chartNames + `)`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dest, probs, err := buildSite(t, baseSite(t, c.files))
			if !errors.Is(err, build.ErrInvalid) {
				t.Errorf("build error %v, want ErrInvalid", err)
			}
			if got := errorStrings(probs); !reflect.DeepEqual(got, c.want) {
				t.Errorf("problems\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
			}
			if _, err := os.Stat(dest); !os.IsNotExist(err) {
				t.Errorf("a failed build wrote %s", dest)
			}
		})
	}
}

var (
	reChartElemID = regexp.MustCompile(`(?:id="(?:chart|fig)-|data-chart=")([^"]*)"`)
	reScriptSrc   = regexp.MustCompile(`<script[^>]*\ssrc="([^"]*)"`)
)

// TestShortcodesRender: a valid report renders its figures, tables and
// charts, links each chart's CSV and loads the chart scripts; a page with
// figures and tables only loads no JavaScript; a chart shown twice on a page
// gets a second element ID.
func TestShortcodesRender(t *testing.T) {
	dest := mustBuild(t, baseSite(t, map[string]string{
		"content/reports/2024.md": report(
			`{{< figure "pledges-total" year=2024 >}}`,
			``,
			`{{< figure "villages" >}}`,
			``,
			`{{< chart "pledge-status" year=2024 >}}`,
			``,
			`{{< chart "grades" >}}`,
			``,
			`{{< table "overdue-pledges" limit=1 >}}`,
			``,
			`{{< table "grades" year=2024 limit=500 >}}`,
			``,
			`{{< chart "grades" >}}`, // again: the page keeps element IDs unique
		),
		// The home page shows pledge-status itself too.
		"content/_index.md": "介绍。\n\n{{< chart \"pledge-status\" >}}\n",
		"content/about.md":  "# 关于\n\n{{< figure \"secretaries-serving\" >}}\n\n{{< table \"township-pledges\" >}}\n",
	}))
	page := readFile(t, dest, "reports/2024/index.html")
	for _, want := range []string{
		// figures
		`<span class="fact-value">1 项</span><span class="fact-label">2024年承诺事项</span>`,
		`<span class="fact-value">3 个</span><span class="fact-label">行政村</span>`,
		// charts: element, JSON, CSV link, table
		`<figure class="chart" id="fig-pledge_status_2024">`,
		`<script type="application/json" id="chart-pledge_status_2024">`,
		`<a class="csv" href="../../charts/pledge-status-2024.csv">`,
		`<figure class="chart" id="fig-grades">`,
		`<script type="application/json" id="chart-grades">`,
		`<figure class="chart" id="fig-grades_2">`,
		`<script type="application/json" id="chart-grades_2">`,
		// tables: P2 and P3 are overdue; limit=1 keeps one and says so
		`<caption>逾期承诺（共 2 项，列出前 1 项）</caption>`,
		`<caption>2024年评议等次</caption>`,
		`<tr><td>优秀</td><td>1</td><td>33%</td>`,
		// the chart script, once, naming ECharts, which it loads when a chart comes into view
		`<script src="../../js/charts.js" data-echarts="../../vendor/echarts/echarts.common.min.js" defer></script>`,
	} {
		if n := strings.Count(page, want); n != 1 {
			t.Errorf("reports/2024/index.html: %d× %s, want once", n, want)
		}
	}
	if n := strings.Count(page, `<a class="csv" href="../../charts/grades.csv">`); n != 2 {
		t.Errorf("reports/2024/index.html: %d links to the grades CSV, want 2", n)
	}
	if n := strings.Count(page, `<tr><td>2024</td><td data-label="优秀：">1</td><td data-label="称职：">1</td><td data-label="基本称职：">0</td><td data-label="不称职：">1</td></tr>`); n != 2 {
		t.Errorf("reports/2024/index.html: %d grades tables with the 2024 row, want 2", n)
	}
	if strings.Contains(page, "{{<") {
		t.Error("reports/2024/index.html: a shortcode was left as text")
	}
	for _, f := range []string{"charts/pledge-status-2024.csv", "charts/grades.csv", "vendor/echarts/echarts.common.min.js", "js/charts.js"} {
		if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(f))); err != nil {
			t.Errorf("%s not written", f)
		}
	}
	if csv := readFile(t, dest, "charts/pledge-status-2024.csv"); csv != "\uFEFF乡镇,未启动,推进中,已完成,部分完成,未完成,已调整\r\n东乡镇,0,1,0,0,0,0\r\n西乡镇,0,0,0,0,0,0\r\n" {
		t.Errorf("charts/pledge-status-2024.csv = %q", csv)
	}

	about := readFile(t, dest, "about/index.html")
	if !strings.Contains(about, `<span class="fact-value">3 人</span><span class="fact-label">在任书记</span>`) ||
		!strings.Contains(about, `<caption>各乡镇承诺完成情况</caption>`) {
		t.Errorf("about/index.html: figure or table missing")
	}
	if strings.Contains(about, "<script") {
		t.Error("about/index.html: a page without charts loads a script")
	}

	// Everywhere: chart element IDs from [A-Za-z0-9_] only, unique on their
	// page; scripts from the site itself, never a CDN.
	err := filepath.WalkDir(dest, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		seen := map[string]bool{}
		for _, m := range reChartElemID.FindAllStringSubmatch(string(b), -1) {
			if !reChartID.MatchString(m[1]) {
				t.Errorf("%s: chart ID %q", rel, m[1])
			}
			if seen[m[0]] {
				t.Errorf("%s: %s twice", rel, m[0])
			}
			seen[m[0]] = true
		}
		for _, m := range reScriptSrc.FindAllStringSubmatch(string(b), -1) {
			if strings.Contains(m[1], ":") || strings.HasPrefix(m[1], "//") {
				t.Errorf("%s: script from the network: %s", rel, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
