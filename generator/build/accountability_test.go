package build

import (
	"encoding/xml"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"gongshi/generator/internal/icscheck"
)

// attentionRow is one item of a table of what needs attention, as text,
// with the site path its item links to.
type attentionRow struct {
	kind string // the table's kind: overdue, no-action, quiet, training, no-replacement
	text string // "village | item | responsible | details"
	item string // where the item links, resolved against the page
}

// attentionRows returns the items of the attention tables under n, on the
// page at p, in document order.
func attentionRows(n *html.Node, p string) []attentionRow {
	var out []attentionRow
	for _, tbl := range elems(n, "table", "attention-items") {
		cls, _ := attr(tbl, "class")
		kind := ""
		for _, c := range strings.Fields(cls) {
			if strings.HasPrefix(c, "attention-") && c != "attention-items" {
				kind = strings.TrimPrefix(c, "attention-")
			}
		}
		for _, tb := range children(tbl, "tbody") {
			for _, tr := range children(tb, "tr") {
				var cells []string
				tds := children(tr, "td")
				for _, td := range tds[:len(tds)-1] { // the last is the empty column of the printed sheet
					cells = append(cells, strings.TrimSpace(text(td)))
				}
				r := attentionRow{kind: kind, text: strings.Join(cells, " | ")}
				if a := elems(tds[1], "a", ""); len(a) > 0 {
					h, _ := attr(a[0], "href")
					r.item = path.Join(path.Dir(p), h)
				}
				if last := tds[len(tds)-1]; strings.TrimSpace(text(last)) != "" || !hasToken(last, "class", "duban-col") {
					out = append(out, attentionRow{kind: kind, text: "the last cell is not the empty column for what was done"})
				}
				out = append(out, r)
			}
		}
	}
	return out
}

// TestAttentionPage: /attention/ lists, by township, every kind of item the
// base county has, each linked to its record, with who is responsible now
// (for a pledge carried over, whoever holds the office); each township's
// page lists the same items; the home page counts them.
func TestAttentionPage(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, baseSite(t), dest, "")
	const page = "attention/index.html"
	doc := parseHTML(t, dest, page)
	groups := elems(doc, "section", "attention")
	if len(groups) != 2 {
		t.Fatalf("%d township groups, want 2", len(groups))
	}
	want := map[string][]attentionRow{
		"东乡镇": {
			{"overdue", "上村 | 成立村集体合作社 | 李四 | 逾期 731 天 · 完成时限 2023年12月31日 · 前任移交", "pledges/P7/index.html"},
			{"overdue", "上村 | 建成光伏电站 | 李四 | 逾期 184 天 · 完成时限 2025年6月30日", "pledges/P2/index.html"},
			{"overdue", "中村 | 解决饮水难 | 王五 | 逾期 1,096 天 · 完成时限 2022年12月31日", "pledges/P3/index.html"},
			{"training", "上村 | 2021年度培训 | 张三 | 没有培训记录", "secretaries/S1/index.html#h-training"},
			{"training", "上村 | 2022年度培训 | 张三 | 没有培训记录", "secretaries/S1/index.html#h-training"},
			{"training", "上村 | 2023年度培训 | 李四 | 没有培训记录", "secretaries/S2/index.html#h-training"}, // served July–December: half the year
			{"training", "上村 | 2025年度培训 | 李四 | 没有培训记录", "secretaries/S2/index.html#h-training"},
			{"training", "中村 | 2021年度培训 | 王五 | 没有培训记录", "secretaries/S3/index.html#h-training"},
			{"training", "中村 | 2022年度培训 | 王五 | 没有培训记录", "secretaries/S3/index.html#h-training"},
			{"training", "中村 | 2022年度培训 | 赵六 | 没有培训记录", "secretaries/S4/index.html#h-training"},
			{"training", "中村 | 2023年度培训 | 王五 | 没有培训记录", "secretaries/S3/index.html#h-training"},
			{"training", "中村 | 2023年度培训 | 赵六 | 没有培训记录", "secretaries/S4/index.html#h-training"},
			{"training", "中村 | 2024年度培训 | 王五 | 积分 40/60 · 集中培训 5/7 天", "secretaries/S3/index.html#h-training"},
			{"training", "中村 | 2024年度培训 | 赵六 | 没有培训记录", "secretaries/S4/index.html#h-training"},
			{"training", "中村 | 2025年度培训 | 王五 | 没有培训记录", "secretaries/S3/index.html#h-training"},
			{"training", "中村 | 2025年度培训 | 赵六 | 没有培训记录", "secretaries/S4/index.html#h-training"},
			{"no-replacement", "中村 | 整治村口积水 | 王五 | 更新于 2024年6月1日", "pledges/P8/index.html"},
		},
		"西乡镇": {
			{"no-action", "下村 | 2025年度评议 | 钱七 | 不称职，连续 2 年", "secretaries/S5/index.html#h-appraisals"},
			{"quiet", "下村 | 民主听证 | 钱七 | 没有听证记录 · 已公告 2026年3月10日 召开", "villages/V3/index.html#h-hearings"},
			{"training", "下村 | 2021年度培训 | 钱七 | 没有培训记录", "secretaries/S5/index.html#h-training"},
			{"training", "下村 | 2022年度培训 | 钱七 | 没有培训记录", "secretaries/S5/index.html#h-training"},
			{"training", "下村 | 2023年度培训 | 钱七 | 没有培训记录", "secretaries/S5/index.html#h-training"},
			{"training", "下村 | 2024年度培训 | 钱七 | 积分 20/60 · 集中培训 0/7 天", "secretaries/S5/index.html#h-training"},
			{"training", "下村 | 2025年度培训 | 钱七 | 没有培训记录", "secretaries/S5/index.html#h-training"},
		},
	}
	towns := map[string]string{"东乡镇": "townships/T1/index.html", "西乡镇": "townships/T2/index.html"}
	for _, g := range groups {
		name := strings.TrimSpace(text(children(g, "h2")[0].FirstChild))
		got := attentionRows(g, page)
		if !slices.Equal(got, want[name]) {
			t.Errorf("%s on %s:\n%s\nwant\n%s", name, page, rowsText(got), rowsText(want[name]))
		}
		// The township's page shows the same items, linked to the same records.
		tp := towns[name]
		block := elems(parseHTML(t, dest, tp), "section", "duban")
		if len(block) != 1 {
			t.Errorf("%s: %d sections of what needs attention, want 1", tp, len(block))
			continue
		}
		if on := attentionRows(block[0], tp); !slices.Equal(on, want[name]) {
			t.Errorf("%s:\n%s\nwant\n%s", tp, rowsText(on), rowsText(want[name]))
		}
		for _, w := range []string{"<p class=\"duban-title\">" + name + "督办单</p>", "数据截至 2025年12月31日，共 "} {
			if !strings.Contains(readFile(t, dest, tp), w) {
				t.Errorf("%s: the printed sheet lacks %q", tp, w)
			}
		}
	}
	if home := readFile(t, dest, "index.html"); !strings.Contains(home, `<a href="attention/index.html"><span class="fact-value">24</span><span class="fact-label">需关注事项</span></a>`) {
		t.Errorf("the home page does not count the 24 items, linked to %s", page)
	}
}

func rowsText(rows []attentionRow) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString("  " + r.kind + ": " + r.text + " → " + r.item + "\n")
	}
	return b.String()
}

// TestAccountabilityPages checks, independently of the golden files, what
// the pages of accountability records must say.
func TestAccountabilityPages(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, baseSite(t), dest, "")
	for _, c := range []struct {
		file string
		want []string
		not  []string
	}{
		// A secretary who left: why, and who holds the open pledge now.
		{"secretaries/S1/index.html", []string{
			"<dt>离任原因</dt><dd>调任</dd>",
			`张三已于2023年6月30日离任，名下1项未办结的承诺随职务移交，由现任书记继续负责：<a href="../../secretaries/S2/index.html">李四</a>`,
			`<span class="badge badge-carried-over">前任移交</span>`,
		}, nil},
		// The holder: the carried-over pledge under its own heading; the commendation.
		{"secretaries/S2/index.html", []string{
			`<h2 id="h-inherited">前任移交的承诺</h2>`, `href="../../pledges/P7/index.html">成立村集体合作社</a>`,
			`<td class="date">2025年3月15日</td><td data-label="类型："><span class="badge badge-commendation">表彰</span></td><td data-label="依据年度：">2024</td>` +
				`<td class="text" data-label="事由：">2024年度考评优秀，评为优秀村党组织书记</td><td data-label="决定机关：">东乡镇党委</td>`,
		}, []string{"离任原因"}},
		{"secretaries/S5/index.html", []string{`<span class="badge badge-admonition-talk">谈话诫勉</span>`, "西乡镇党委"}, []string{"h-inherited"}},
		// A revised pledge and its replacement link both ways.
		{"pledges/P5/index.html", []string{`<dt>调整为</dt><dd><a href="../../pledges/P6/index.html">改建村民活动中心</a></dd>`}, []string{"未登记调整后的承诺"}},
		{"pledges/P6/index.html", []string{`<dt>调整自</dt><dd><a href="../../pledges/P5/index.html">修建村文化广场</a></dd>`}, nil},
		{"pledges/P8/index.html", []string{"已调整，但未登记调整后的承诺。"}, []string{"调整为"}},
		{"pledges/P7/index.html", []string{
			"承诺人张三已于2023年6月30日离任", `<dt>现任负责人</dt><dd><a href="../../secretaries/S2/index.html">李四</a></dd>`,
		}, nil},
		{"pledges/P2/index.html", nil, []string{"前任移交", "现任负责人"}},
		// A scheduled hearing is announced, not decided, and not counted as held.
		{"hearings/H3/index.html", []string{`<span class="badge badge-scheduled">待召开</span>`, "定于2026年3月10日召开，听证结果将在会后公布。"}, []string{"h-qa"}},
		{"hearings/2026/index.html", []string{
			`<span class="fact-value">0</span><span class="fact-label">听证会</span>`,
			`<span class="fact-value">1</span><span class="fact-label">待召开听证</span>`,
			`<tr class="is-scheduled"><td class="date" data-sort="2026-03-10">2026年3月10日</td>`,
		}, []string{`badge-scheduled">待召开</span> <strong>`}},
		// The home page lists it as upcoming and as an announcement (as
		// feed.xml does), never as a hearing held.
		{"index.html", []string{`<a href="hearings/index.html"><span class="fact-value">2</span><span class="fact-label">听证会</span></a>`,
			`<p class="u-topic"><a href="hearings/H3/index.html">村级公益事业建设方案</a></p>`,
			`<a href="hearings/H3/index.html">听证公告：村级公益事业建设方案</a>`}, []string{"民主听证：村级公益事业建设方案"}},
		{"hearings/calendar.ics", []string{"DTSTART;VALUE=DATE:20260310", "STATUS:CONFIRMED"}, nil},
		{"villages/V3/feed.xml", []string{"听证公告：村级公益事业建设方案", "<updated>2025-12-20T00:00:00Z</updated>"}, nil},
	} {
		got := readFile(t, dest, c.file)
		if strings.HasSuffix(c.file, ".html") {
			// Compare markup without the layout's line breaks and indents.
			got = strings.NewReplacer("\n", "", "\t", "").Replace(got)
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: missing %q", c.file, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: should not contain %q", c.file, n)
			}
		}
	}
}

// TestFeedsAndCalendars parses every feed with encoding/xml and every
// calendar with an RFC 5545 check, in both base_url variants: each is
// valid, each village's entries are the county's entries with the same IDs,
// and no ID of one variant is an ID of the other (a site moved to a full
// address is another site to a feed reader).
func TestFeedsAndCalendars(t *testing.T) {
	type feed struct {
		ID      string `xml:"id"`
		Entries []struct {
			ID    string `xml:"id"`
			Title string `xml:"title"`
		} `xml:"entry"`
	}
	ids := map[string]map[string]bool{}
	for _, v := range []struct{ name, baseURL string }{{"root", ""}, {"absolute", absBase}} {
		dest := filepath.Join(t.TempDir(), "public")
		mustBuild(t, baseSite(t), dest, v.baseURL)
		ids[v.name] = map[string]bool{}
		parseFeed := func(p string) feed {
			var f feed
			if err := xml.Unmarshal([]byte(readFile(t, dest, p)), &f); err != nil {
				t.Fatalf("%s %s: %v", v.name, p, err)
			}
			ids[v.name][f.ID] = true
			for _, e := range f.Entries {
				ids[v.name][e.ID] = true
			}
			return f
		}
		county := parseFeed("feed.xml")
		inCounty := map[string]string{}
		for _, e := range county.Entries {
			inCounty[e.ID] = e.Title
		}
		for _, vid := range []string{"V1", "V2", "V3"} {
			f := parseFeed("villages/" + vid + "/feed.xml")
			if f.ID == county.ID {
				t.Errorf("%s: %s's feed has the county's ID", v.name, vid)
			}
			for _, e := range f.Entries {
				if inCounty[e.ID] != e.Title {
					t.Errorf("%s: %s's entry %q is not the county's entry %s", v.name, vid, e.Title, e.ID)
				}
			}
			cal, probs := icscheck.Parse([]byte(readFile(t, dest, "villages/"+vid+"/calendar.ics")))
			for _, p := range probs {
				t.Errorf("%s: villages/%s/calendar.ics: %s", v.name, vid, p)
			}
			if vid == "V3" && (len(cal.Events) != 1 || cal.Events[0].Get("STATUS") != "CONFIRMED") {
				t.Errorf("%s: V3's calendar: %+v, want its scheduled hearing", v.name, cal.Events)
			}
		}
		if _, probs := icscheck.Parse([]byte(readFile(t, dest, "hearings/calendar.ics"))); len(probs) > 0 {
			t.Errorf("%s: hearings/calendar.ics: %v", v.name, probs)
		}
	}
	for id := range ids["root"] {
		if ids["absolute"][id] {
			t.Errorf("%s is an ID with both base_urls", id)
		}
	}
}

// TestEnglishDataDictionary: the /data/ page of an English site describes
// the accountability columns and the actions table in English, with each
// new value's English alias beside the Chinese one the files hold.
func TestEnglishDataDictionary(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, englishSite(t), dest, "")
	page := strings.NewReplacer("\n", "", "\t", "").Replace(readFile(t, dest, dataPage))
	for _, w := range []string{
		`id="h-t-actions"`, "Actions", "actions.csv", "Why the term ended", "The pledge that replaced this revised one",
		`<span lang="zh-CN">待召开</span> [scheduled]`, `<span lang="zh-CN">调任</span> [transferred]`,
		`<span lang="zh-CN">谈话诫勉</span> [admonition-talk]`,
	} {
		if !strings.Contains(page, w) {
			t.Errorf("%s: missing %q", dataPage, w)
		}
	}
	for _, f := range []string{"data/actions.csv", "data/actions.json"} {
		if !fileExists(dest, f) {
			t.Errorf("%s not written", f)
		}
	}
	if csv := readFile(t, dest, "data/secretaries.csv"); !strings.Contains(strings.SplitN(csv, "\n", 2)[0], "leave_reason") {
		t.Errorf("data/secretaries.csv has no leave_reason column")
	}
	if csv := readFile(t, dest, "data/pledges.csv"); !strings.Contains(csv, ",P6") {
		t.Errorf("data/pledges.csv does not publish replaced_by")
	}
}

// TestPrintedNoticeFormerMark: on the printed notice a pledge made by a
// former secretary is marked with their name; the sitting secretary's and
// the sitting first secretary's are not (the first secretary's were marked
// as a former secretary's).
func TestPrintedNoticeFormerMark(t *testing.T) {
	src := baseSite(t)
	f, err := os.OpenFile(filepath.Join(src, "data", "pledges.csv"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("P90,V2,S4,年度实事,组织建设,规范村级档案管理,2024-03-01,推进中,,,2026-06-30,40,2025-10-01,,\n")
	f.Close()
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	mark := func(village, pledge string) string {
		page := strings.NewReplacer("\n", "", "\t", "").Replace(readFile(t, dest, "villages/"+village+"/index.html"))
		at := strings.Index(page, `href="../../pledges/`+pledge+`/index.html"`)
		if at < 0 {
			t.Fatalf("%s: no pledge %s", village, pledge)
		}
		head, _, _ := strings.Cut(page[at:], "</div>")
		_, m, _ := strings.Cut(head, `<span class="print-inline">`)
		m, _, _ = strings.Cut(m, "</span>")
		return m
	}
	for _, c := range []struct{ village, pledge, want string }{
		{"V1", "P7", "（前任张三）"}, // S1 has left
		{"V1", "P1", ""},       // S2 serves
		{"V2", "P90", ""},      // S4, the serving first secretary
		{"V2", "P3", ""},       // S3 serves
	} {
		if got := mark(c.village, c.pledge); got != c.want {
			t.Errorf("%s %s: printed mark %q, want %q", c.village, c.pledge, got, c.want)
		}
	}
}

// TestHearingOutcomesOnlyForHeldYears: a year whose hearings were all
// announced, not held, has no outcomes chart on its hearings page, on its
// report or as a chart CSV; a year with a held hearing has all three.
func TestHearingOutcomesOnlyForHeldYears(t *testing.T) {
	src := baseSite(t)
	// 2025's only hearing becomes one announced for then: 2025 stays a
	// year with data (pledges, appraisals), with no hearing held.
	p := filepath.Join(src, "data", "hearings.csv")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "H2,") {
			f := strings.Split(l, ",")
			f[4] = "待召开" // outcome
			lines[i] = strings.Join(f, ",")
		}
	}
	os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	exists := func(rel string) bool { _, err := os.Stat(filepath.Join(dest, rel)); return err == nil }
	for _, c := range []struct {
		year string
		held bool
	}{{"2024", true}, {"2025", false}} {
		if got := exists("charts/hearing-outcomes-" + c.year + ".csv"); got != c.held {
			t.Errorf("charts/hearing-outcomes-%s.csv exists: %v, want %v", c.year, got, c.held)
		}
		for _, page := range []string{"hearings/" + c.year + "/index.html", "reports/" + c.year + "/index.html"} {
			if got := strings.Contains(readFile(t, dest, page), "hearing-outcomes-"+c.year+".csv"); got != c.held {
				t.Errorf("%s shows the %s outcomes chart: %v, want %v", page, c.year, got, c.held)
			}
		}
	}
}
