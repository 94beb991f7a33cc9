package site

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// words returns the text of a page's <main> as a reader sees it: tags
// dropped, entities decoded, runs of white space made one space.
func words(t *testing.T, page string) string {
	t.Helper()
	i, j := strings.Index(page, "<main"), strings.Index(page, "</main>")
	if i < 0 || j < i {
		t.Fatal("the page has no <main>")
	}
	s := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page[i:j], " ")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

// TestOverdueDaysWhereTheBadgeIs: wherever a pledge carries the overdue
// badge (its own page, its village's list, its secretary's page) the badge
// says for how long, in the site's language, with English's singular for
// one day. P000011 (V0002, S00002) was due 2021-12-31: on the demo's as_of,
// 2025-12-31, 1,461 days overdue.
func TestOverdueDaysWhereTheBadgeIs(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"zh-CN", `<span class="badge badge-overdue">已逾期 1,461 天</span>`},
		{"en", `<span class="badge badge-overdue">Overdue 1,461 days</span>`},
	} {
		plan := demoPlan(t, c.lang, nil)
		for _, path := range []string{"pledges/P000011/index.html", "villages/V0002/index.html", "secretaries/S00002/index.html"} {
			if !strings.Contains(page(t, plan, path), c.want) {
				t.Errorf("%s %s: no %s", c.lang, path, c.want)
			}
		}
		// Every overdue badge has its days: none is left bare.
		for _, path := range []string{"villages/V0002/index.html", "secretaries/S00002/index.html"} {
			if bare := `badge-overdue">` + plan.s.T("overdue") + `<`; strings.Contains(page(t, plan, path), bare) {
				t.Errorf("%s %s: an overdue badge without its days", c.lang, path)
			}
		}
	}
	one := demoPlan(t, "en", func(d *dataset.Dataset) {
		d.Pledges[d.PledgeByID["P000011"]].Due = "2025-12-30"
		d.Derive()
	})
	if html := page(t, one, "pledges/P000011/index.html"); !strings.Contains(html, `badge-overdue">Overdue 1 day<`) {
		t.Error(`en: a pledge one day overdue does not say "Overdue 1 day"`)
	}
}

// TestPledgeTimelineFromTheRow: the timeline starts with the day the pledge
// was made, and ends with the row's own dated status when no progress update
// records it (P000011 has no updates: the row says 部分完成 65% on
// 2025-09-28); a pledge whose last update is the row's status (P000005)
// gets no such entry.
func TestPledgeTimelineFromTheRow(t *testing.T) {
	for _, c := range []struct{ lang, made, row, none string }{
		{"zh-CN", "进展记录 2021年1月15日 作出承诺 2025年9月28日 状态更新为 部分完成（65%），未附进展说明", "状态更新为", "暂无进展记录"},
		{"en", "2021-01-15 Pledge made 2025-09-28 Status set to Partly done (65%), no progress note given", "Status set to", "No progress recorded"},
	} {
		plan := demoPlan(t, c.lang, nil)
		text := words(t, page(t, plan, "pledges/P000011/index.html"))
		if squash := func(s string) string { return strings.ReplaceAll(s, " ", "") }; !strings.Contains(squash(text), squash(c.made)) {
			t.Errorf("%s P000011 timeline: want %q in\n%s", c.lang, c.made, text)
		}
		if none := plan.s.T("no_timeline"); strings.Contains(text, none) {
			t.Errorf("%s P000011 still says %q", c.lang, none)
		}
		text = words(t, page(t, plan, "pledges/P000005/index.html"))
		if strings.Contains(text, c.row) {
			t.Errorf("%s P000005: its last update records the row's status, yet the timeline repeats it:\n%s", c.lang, text)
		}
		if n := strings.Count(page(t, plan, "pledges/P000005/index.html"), `<li class="made">`); n != 1 {
			t.Errorf("%s P000005: %d entries for the day it was made, want 1", c.lang, n)
		}
	}
}

// TestPledgeRowsSaidWhenEmpty: a done pledge with no evidence (P000005) says
// none was given, an open one without evidence says nothing of it; a pledge
// with no due date (P000099) says none was set.
func TestPledgeRowsSaidWhenEmpty(t *testing.T) {
	for _, c := range []struct{ lang, evidence, due string }{
		{"zh-CN", "<dt>佐证材料</dt><dd>未提供</dd>", "<dt>完成时限</dt><dd>未设定</dd>"},
		{"en", "<dt>Evidence</dt><dd>None provided</dd>", "<dt>Due</dt><dd>Not set</dd>"},
	} {
		plan := demoPlan(t, c.lang, func(d *dataset.Dataset) {
			d.Pledges[d.PledgeByID["P000099"]].Evidence = "" // open, and now without evidence
		})
		if !strings.Contains(page(t, plan, "pledges/P000005/index.html"), c.evidence) {
			t.Errorf("%s P000005 (已完成, no evidence): no %s", c.lang, c.evidence)
		}
		html := page(t, plan, "pledges/P000099/index.html")
		if !strings.Contains(html, c.due) {
			t.Errorf("%s P000099 (no due date): no %s", c.lang, c.due)
		}
		if strings.Contains(html, c.evidence) {
			t.Errorf("%s P000099 (推进中): an open pledge is not said to lack evidence", c.lang)
		}
	}
}

// TestDoneLate: a pledge done after its due date says by how much (P000016,
// due 2021-12-31, done 2022-01-07); one done on time (P000001) does not.
func TestDoneLate(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"zh-CN", `<span class="badge badge-late">逾期 7 天完成</span>`},
		{"en", `<span class="badge badge-late">7 days late</span>`},
	} {
		plan := demoPlan(t, c.lang, nil)
		if !strings.Contains(page(t, plan, "pledges/P000016/index.html"), c.want) {
			t.Errorf("%s P000016: no %s", c.lang, c.want)
		}
		if strings.Contains(page(t, plan, "pledges/P000001/index.html"), "badge-late") {
			t.Errorf("%s P000001, done before its due date, is marked late", c.lang)
		}
	}
}

// TestBoardNamesWhoPledged: the board's lists head the person column as who
// made the pledge, and mark a pledge handed over with the office to whoever
// holds it now, as /attention/ and the pledge page do: P000070 is 严洁梅's
// (S00009, left 2024-04-22), now 胡水's.
func TestBoardNamesWhoPledged(t *testing.T) {
	for _, c := range []struct{ lang, head, row string }{
		{"zh-CN", `<th scope="col">承诺人</th>`, "严洁梅 前任移交 → 胡水"},
		{"en", `<th scope="col">Pledged by</th>`, "Carried over → 胡水"},
	} {
		plan := demoPlan(t, c.lang, nil)
		for _, path := range []string{"pledges/overdue/index.html", "pledges/by-status/partly-done/index.html"} {
			html := page(t, plan, path)
			if !strings.Contains(html, c.head) {
				t.Errorf("%s %s: no %s", c.lang, path, c.head)
			}
			if !strings.Contains(words(t, html), c.row) {
				t.Errorf("%s %s: P000070's row does not read %q", c.lang, path, c.row)
			}
		}
	}
}

// TestOpenChipSaysNotOverdue: the village glance's count of open pledges
// excludes the overdue ones, and its label says so.
func TestOpenChipSaysNotOverdue(t *testing.T) {
	for _, c := range []struct{ lang, want string }{{"zh-CN", "在办（未逾期）"}, {"en", "Open (not overdue)"}} {
		v := villageView(t, demoPlan(t, c.lang, nil), "V0002")
		found := false
		for _, f := range v.Glance.Pledges {
			found = found || f.Label == c.want && f.Value == "0" // V0002: 2 open, both overdue
		}
		if !found {
			t.Errorf("%s V0002: no chip %q = 0 in %+v", c.lang, c.want, v.Glance.Pledges)
		}
	}
}

// TestSecretaryTally: a secretary's page counts the pledges the secretary
// made, as the village page counts the village's, and the counts add up to
// the pledges listed; a village whose only secretary made all its pledges
// shows the same counts on both pages.
func TestSecretaryTally(t *testing.T) {
	plan := demoPlan(t, "zh-CN", nil)
	d := plan.s.D
	chips := regexp.MustCompile(`(?s)<ul class="chips">.*?</ul>`)
	for _, sec := range d.Secretaries {
		var want dataset.PledgeTally
		for _, pi := range d.PledgesBy.Of(sec.ID) {
			want.Add(&d.Pledges[pi])
		}
		got := chips.FindString(page(t, plan, "secretaries/"+sec.ID+"/index.html"))
		if want.Pledges == 0 {
			if got != "" {
				t.Errorf("%s made no pledge, yet its page counts some: %s", sec.ID, got)
			}
			continue
		}
		for _, c := range []struct {
			n     int
			label string
		}{{want.Pledges, "承诺总数"}, {want.Done, "已完成"}, {want.Open - want.Overdue, "在办（未逾期）"}, {want.Overdue, "已逾期"}} {
			if s := fmt.Sprintf("<strong>%s</strong> %s", plan.s.C.Int(c.n), c.label); !strings.Contains(got, s) {
				t.Errorf("%s: no %q in %s", sec.ID, s, got)
			}
		}
	}
	// V0001's one secretary (S00001) made every pledge of the village.
	v := chips.FindString(page(t, plan, "villages/V0001/index.html"))
	s := chips.FindString(page(t, plan, "secretaries/S00001/index.html"))
	if len(d.SecretariesOf.Of("V0001")) == 1 && v != s {
		t.Errorf("V0001 and its only secretary count differently:\n%s\n%s", v, s)
	}
}

// TestHomeCardsOfOne: the home page's cards name what they count in the
// singular for one (a county where one hearing has been held), and in the
// plural otherwise.
func TestHomeCardsOfOne(t *testing.T) {
	for _, c := range []struct {
		one  bool
		want string
	}{{true, "1 Hearing "}, {false, " Hearings "}} {
		plan := demoPlan(t, "en", func(d *dataset.Dataset) {
			if c.one { // every hearing but the first still to be held
				for i := 1; i < len(d.Hearings); i++ {
					d.Hearings[i].Outcome = schema.OutcomeScheduled
				}
			}
		})
		if home := words(t, page(t, plan, "index.html")); !strings.Contains(home, c.want) || c.one && strings.Contains(home, "1 Hearings") {
			t.Errorf("one hearing held %v: the home page has no %q: %s", c.one, c.want, home[:min(len(home), 400)])
		}
	}
}

// TestVillageRevisedLinksReplacement: on the village page a revised (已调整)
// pledge links the pledge that replaced it (P000010 → P000010-2 in V0001),
// on screen only: the printed notice has no room for it.
func TestVillageRevisedLinksReplacement(t *testing.T) {
	plan := demoPlan(t, "zh-CN", nil)
	d := plan.s.D
	pl := d.Pledges[d.PledgeByID["P000010"]]
	if pl.ReplacedBy == "" {
		t.Fatal("fixture changed: P000010 is not replaced")
	}
	repl := d.Pledges[d.PledgeByID[pl.ReplacedBy]]
	want := `<p class="replaced-by no-print">调整为：<a href="../../pledges/` + repl.ID + `/index.html">` + repl.Title + `</a></p>`
	html := page(t, plan, "villages/"+pl.VillageID+"/index.html")
	if !strings.Contains(html, want) {
		t.Errorf("no %s on the village page", want)
	}
	if n := strings.Count(html, `class="replaced-by`); n != 1 {
		t.Errorf("%d replacement links, want 1 (V0001 has one revised pledge with a replacement)", n)
	}
}
