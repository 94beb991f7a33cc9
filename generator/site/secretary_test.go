package site

import (
	"slices"
	"strings"
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// termVillages adds to the demo county five villages whose secretaries and
// hearings put the matching of hearings to terms on its edges:
//
//	VT1: ST1 ends 2023-06-30 (its last day), ST2 starts 2023-07-01: a
//	     hearing on each start and end day, one before any term, one
//	     scheduled after as_of;
//	VT2: ST3 hands over to ST4 on 2024-05-01 (end = next start), and a
//	     第一书记 ST5 serves beside both until 2025-01-01;
//	VT3, VT4: 周八 serves VT3 to 2022-12-31 (ST6), then VT4 (ST7): each
//	     village's hearings are on that village's term only;
//	VT5: ST8, no hearing at all.
func termVillages(d *dataset.Dataset) {
	t := d.Townships[0].ID
	for _, v := range []struct{ id, name string }{{"VT1", "甲测村"}, {"VT2", "乙测村"}, {"VT3", "丙测村"}, {"VT4", "丁测村"}, {"VT5", "戊测村"}} {
		d.Villages = append(d.Villages, dataset.Village{ID: v.id, Name: v.name, TownshipID: t})
	}
	for _, s := range []struct{ id, name, village, role, start, end string }{
		{"ST1", "甲一", "VT1", schema.RoleSecretary, "2021-01-15", "2023-06-30"},
		{"ST2", "甲二", "VT1", schema.RoleSecretary, "2023-07-01", ""},
		{"ST3", "乙一", "VT2", schema.RoleSecretary, "2021-01-01", "2024-05-01"},
		{"ST4", "乙二", "VT2", schema.RoleSecretary, "2024-05-01", ""},
		{"ST5", "乙三", "VT2", schema.RoleFirst, "2022-01-01", "2025-01-01"},
		{"ST6", "周八", "VT3", schema.RoleSecretary, "2021-01-01", "2022-12-31"},
		{"ST7", "周八", "VT4", schema.RoleSecretary, "2023-01-01", ""},
		{"ST8", "戊一", "VT5", schema.RoleSecretary, "2021-01-01", ""},
	} {
		d.Secretaries = append(d.Secretaries, dataset.Secretary{ID: s.id, Name: s.name, VillageID: s.village, Role: s.role, TermStart: s.start, TermEnd: s.end})
	}
	n := func(i int) *int { return &i }
	for _, h := range []dataset.Hearing{
		{ID: "HT01", VillageID: "VT1", Date: "2021-01-14", Outcome: schema.Outcomes[0].Zh},
		{ID: "HT02", VillageID: "VT1", Date: "2021-01-15", Outcome: schema.Outcomes[0].Zh},
		{ID: "HT03", VillageID: "VT1", Date: "2023-06-30", Outcome: schema.Outcomes[0].Zh},
		{ID: "HT04", VillageID: "VT1", Date: "2023-07-01", Outcome: schema.Outcomes[0].Zh},
		{ID: "HT05", VillageID: "VT1", Date: "2026-03-10", Outcome: schema.OutcomeScheduled},
		{ID: "HT06", VillageID: "VT1", Date: "2024-05-01", Outcome: schema.Outcomes[0].Zh, VotesFor: n(30), VotesAgainst: n(2), VotesAbstain: n(1)},
		{ID: "HT07", VillageID: "VT2", Date: "2024-05-01", Outcome: schema.Outcomes[0].Zh},
		{ID: "HT08", VillageID: "VT2", Date: "2025-06-01", Outcome: schema.Outcomes[0].Zh},
		{ID: "HT09", VillageID: "VT2", Date: "2024-04-30", Outcome: schema.Outcomes[0].Zh},
		{ID: "HT10", VillageID: "VT4", Date: "2022-06-01", Outcome: schema.Outcomes[0].Zh},
		{ID: "HT11", VillageID: "VT3", Date: "2023-06-01", Outcome: schema.Outcomes[0].Zh},
		{ID: "HT12", VillageID: "VT3", Date: "2022-06-01", Outcome: schema.Outcomes[0].Zh},
		{ID: "HT13", VillageID: "VT4", Date: "2023-06-01", Outcome: schema.Outcomes[0].Zh},
	} {
		h.Topic = "议题" + h.ID
		d.Hearings = append(d.Hearings, h)
	}
	d.Index()
	d.Derive()
}

// TestTermHearings: a secretary's page lists the hearings of their village
// on the days they held the office, newest first: a term has the hearing
// on its first day and on its last (when no successor starts that day),
// the successor has the one on a handover day, a 第一书记 shares the days
// they served beside the 书记, a person with terms in two villages has each
// village's hearings on that village's term only, and one scheduled after
// as_of is the serving term's, marked as still to come.
func TestTermHearings(t *testing.T) {
	plan := demoPlan(t, "zh-CN", termVillages)
	d := plan.s.D
	for _, c := range []struct {
		sec  string
		want []string
	}{
		{"ST1", []string{"HT03", "HT02"}}, // not HT01, the day before the term
		{"ST2", []string{"HT05", "HT06", "HT04"}},
		{"ST3", []string{"HT09"}},         // not HT07, on the handover day
		{"ST4", []string{"HT08", "HT07"}}, // HT07: the handover day is the new term's
		{"ST5", []string{"HT07", "HT09"}}, // beside ST3 and ST4; not HT08, after the term
		{"ST6", []string{"HT12"}},         // VT3 only: not HT10 (VT4), nor HT11 (after the term)
		{"ST7", []string{"HT13"}},         // VT4 only: not HT12 (VT3), nor HT10 (before the term)
		{"ST8", nil},
	} {
		si := d.SecretaryByID[c.sec]
		rows, _ := plan.s.termHearings("secretaries/"+c.sec+"/index.html", si, "")
		var got []string
		for _, r := range rows {
			got = append(got, strings.TrimSuffix(strings.TrimPrefix(r.Href, "../../hearings/"), "/index.html"))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: hearings in the term %v, want %v", c.sec, got, c.want)
		}
		for _, r := range rows {
			if up := strings.Contains(r.Href, "HT05"); r.Upcoming != up || (r.When != "") != up {
				t.Errorf("%s: %s upcoming %v (%q), want %v", c.sec, r.Href, r.Upcoming, r.When, up)
			}
		}
	}
}

// TestTermHearingsPage: the section reads as a villager and an English
// reader need it: the count in a sentence (singular at one in English), the
// scheduled one marked with its date and how soon, the votes of one held,
// and one plain line when the term had none.
func TestTermHearingsPage(t *testing.T) {
	for _, c := range []struct {
		lang, sec string
		want      []string
	}{
		{"zh-CN", "ST2", []string{`<h2 id="h-hearings">任期内的民主听证</h2>`, "<p>任期内甲测村召开民主听证 2 次。另有 1 次已公告、尚待召开。</p>",
			`<li class="upcoming"><span class="date">2026年3月10日</span> <a href="../../hearings/HT05/index.html">议题HT05</a> <span class="badge badge-scheduled">待召开</span><br><span class="muted">还有 69 天</span></li>`,
			`<span class="badge badge-passed">通过</span><br><span class="muted">赞成 30 / 反对 2 / 弃权 1</span>`}},
		{"zh-CN", "ST8", []string{"<p>任期内戊测村没有召开民主听证的记录。</p></section>"}},
		{"en", "ST2", []string{`<h2 id="h-hearings">Hearings during this term</h2>`, "2 democratic hearings held in", "during this term. Also 1 announced and still to be held.",
			`<span class="badge badge-scheduled">Scheduled</span><br><span class="muted">in 69 days</span>`, "For 30 / Against 2 / Abstention 1"}},
		{"en", "ST3", []string{"1 democratic hearing held in"}},
		{"en", "ST8", []string{"No democratic hearing in", "is recorded for this term."}},
	} {
		html := page(t, demoPlan(t, c.lang, termVillages), "secretaries/"+c.sec+"/index.html")
		sec := between(html, `<section aria-labelledby="h-hearings">`, "</section>")
		for _, w := range c.want {
			if !strings.Contains(sec+"</section>", w) {
				t.Errorf("%s %s: the hearings section lacks %s:\n%s", c.lang, c.sec, w, sec)
			}
		}
		// After the appraisals, before the actions and the training.
		if a, h, tr := strings.Index(html, `id="h-appraisals"`), strings.Index(html, `id="h-hearings"`), strings.Index(html, `id="h-training"`); !(a < h && h < tr) {
			t.Errorf("%s %s: the hearings section is not between the appraisals and the training", c.lang, c.sec)
		}
	}
}

// TestHearingPageHolders: a hearing's page names who held the village's
// offices that day, linked to their page, the same terms whose pages list
// it: the 书记 (or that none is on record), the 第一书记 when one served;
// "现任" for one to come; and it links the year's list of hearings.
func TestHearingPageHolders(t *testing.T) {
	for _, c := range []struct {
		lang, hearing string
		want, not     []string
	}{
		{"zh-CN", "HT07", []string{`<div class="holder"><dt>时任书记</dt><dd><a href="../../secretaries/ST4/index.html">乙二</a></dd></div>`,
			`<div class="holder"><dt>时任第一书记</dt><dd><a href="../../secretaries/ST5/index.html">乙三</a></dd></div>`,
			`<p class="more"><a href="../../hearings/2024/index.html">2024 年全县民主听证</a></p>`}, []string{"ST3"}},
		{"zh-CN", "HT03", []string{`<dt>时任书记</dt><dd><a href="../../secretaries/ST1/index.html">甲一</a></dd>`}, []string{"第一书记"}},
		{"zh-CN", "HT01", []string{`<div class="holder"><dt>时任书记</dt><dd>当日无在任书记记录</dd></div>`}, []string{"secretaries/"}},
		{"zh-CN", "HT05", []string{`<dt>现任书记</dt><dd><a href="../../secretaries/ST2/index.html">甲二</a></dd>`, `href="../../hearings/2026/index.html"`}, nil},
		{"en", "HT07", []string{`<dt>Secretary at the time</dt>`, `<dt>First secretary at the time</dt>`, `>All hearings of 2024</a>`}, nil},
		{"en", "HT05", []string{`<dt>Serving secretary</dt>`}, nil},
		{"en", "HT01", []string{`<dd>None on record for that day</dd>`}, nil},
	} {
		html := page(t, demoPlan(t, c.lang, termVillages), "hearings/"+c.hearing+"/index.html")
		main := between(html, "<main", "</main>")
		for _, w := range c.want {
			if !strings.Contains(main, w) {
				t.Errorf("%s %s: the page lacks %s", c.lang, c.hearing, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(main, n) {
				t.Errorf("%s %s: the page should not have %s", c.lang, c.hearing, n)
			}
		}
	}
}

// between returns the text of s from the first from up to the next to, or "".
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j]
}
