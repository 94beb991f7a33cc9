package site

import (
	"regexp"
	"strings"
	"testing"

	"gongshi/generator/dataset"
)

// reUpcoming finds the hearings listed in the upcoming list, in order.
var reUpcoming = regexp.MustCompile(`<p class="u-topic"><a href="[./]*hearings/([A-Z0-9]+)/index\.html">`)

// section returns the HTML of the upcoming list of a page ("" if none).
func upcomingSection(html string) string {
	i := strings.Index(html, `<section class="upcoming-hearings"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(html[i:], "</section>")
	return html[i : i+j]
}

// TestUpcomingList: /hearings/ leads with every hearing announced and still
// to be held (the demo's nine 待召开), nearest first across townships, each
// with its village and township, its notice date and its village's
// calendar; the home page shows the nearest five and links to the list.
func TestUpcomingList(t *testing.T) {
	for _, c := range []struct{ lang, heading, notice, cal, days string }{
		{"zh-CN", "即将召开的听证", "公告于2025年12月28日", "加入日历", "还有 9 天"},
		{"en", "Upcoming hearings", "announced 2025-12-28", "Add to calendar", "in 9 days"},
	} {
		plan := demoPlan(t, c.lang, nil)
		d := plan.s.D
		list := upcomingSection(page(t, plan, "hearings/index.html"))
		var ids []string
		for _, m := range reUpcoming.FindAllStringSubmatch(list, -1) {
			ids = append(ids, m[1])
		}
		if len(ids) != 9 {
			t.Fatalf("%s: /hearings/ lists %d upcoming hearings %v, want the demo's 9", c.lang, len(ids), ids)
		}
		prev := ""
		for _, id := range ids {
			h := hearingByID(t, d, id)
			if !h.Upcoming(d.Site.AsOf) || h.Date < prev {
				t.Errorf("%s: %s (%s, %s) is out of place in the upcoming list %v", c.lang, id, h.Date, h.Outcome, ids)
			}
			prev = h.Date
		}
		first := hearingByID(t, d, ids[0])
		v := d.VillageOf(first.VillageID)
		for _, want := range []string{c.heading, c.notice, c.cal, c.days, v.Name, d.TownshipOf(v.TownshipID).Name,
			`href="../villages/` + v.ID + `/calendar.ics"`} {
			if !strings.Contains(list, want) {
				t.Errorf("%s: the upcoming list lacks %q:\n%s", c.lang, want, list)
			}
		}
		home := upcomingSection(page(t, plan, "index.html"))
		if n := len(reUpcoming.FindAllString(home, -1)); n != homeUpcoming {
			t.Errorf("%s: the home page lists %d upcoming hearings, want %d", c.lang, n, homeUpcoming)
		}
		if !strings.Contains(home, `href="hearings/index.html#upcoming"`) || !strings.Contains(home, "hearings/"+ids[0]+"/") {
			t.Errorf("%s: the home page's upcoming block does not start with %s or link the full list:\n%s", c.lang, ids[0], home)
		}
	}
}

// TestHomeUpdatesAnnouncements: the home page's latest updates carry a
// hearing's announcement on its notice day, as feed.xml does (the demo's
// newest event is HS0007's notice, 2025-12-31).
func TestHomeUpdatesAnnouncements(t *testing.T) {
	plan := demoPlan(t, "zh-CN", nil)
	h := hearingByID(t, plan.s.D, "HS0007")
	html := page(t, plan, "index.html")
	want := `<a href="hearings/HS0007/index.html">听证公告：` + h.Topic + `</a>`
	if !strings.Contains(html, want) {
		t.Errorf("the home page's latest updates lack the announcement %s", want)
	}
}

// TestHearingToday: with as_of on HS0001's day, its page says it is held
// today (not that it was missed), it heads the upcoming list marked so, and
// its village's glance shows it as the next hearing; a hearing whose day
// passed unrecorded (HS0004 of V0037) is not shown as the last one held.
func TestHearingToday(t *testing.T) {
	for _, c := range []struct{ lang, note, today string }{
		{"zh-CN", "定于今日（2026年2月13日）召开，听证结果将在会后公布。", "今日召开"},
		{"en", "Being held today (2026-02-13); the outcome will be published after the hearing.", "today"},
	} {
		plan := demoPlan(t, c.lang, func(d *dataset.Dataset) { d.Site.AsOf = "2026-02-13" })
		d := plan.s.D
		hs1 := hearingByID(t, d, "HS0001")
		html := page(t, plan, "hearings/HS0001/index.html")
		if !strings.Contains(html, `<p class="scheduled-note">`+c.note+`</p>`) {
			t.Errorf("%s: HS0001's page does not say %q", c.lang, c.note)
		}
		if !strings.Contains(html, "calendar.ics") {
			t.Errorf("%s: HS0001, held today, has no calendar link", c.lang)
		}
		list := upcomingSection(page(t, plan, "hearings/index.html"))
		if !strings.Contains(list, `<li class="is-today">`) || !strings.Contains(list, `<span class="u-days">`+c.today+`</span>`) {
			t.Errorf("%s: the upcoming list does not mark HS0001 as today:\n%s", c.lang, list)
		}
		v := villageView(t, plan, hs1.VillageID)
		if g := v.Glance.NextHearing; g == nil || !strings.Contains(g.Href, "HS0001") {
			t.Errorf("%s: %s's glance should show HS0001 (today) as the next hearing, got %+v", c.lang, hs1.VillageID, g)
		}
		hs4 := hearingByID(t, d, "HS0004")
		if hs4.Held(d.Site.AsOf) || hs4.Awaited(d.Site.AsOf) {
			t.Fatalf("HS0004 (%s) should have passed unrecorded by %s", hs4.Date, d.Site.AsOf)
		}
		v = villageView(t, plan, hs4.VillageID)
		if g := v.Glance.LastHearing; g != nil && (g.Scheduled || strings.Contains(g.Href, "HS0004")) {
			t.Errorf("%s: %s's last hearing is %s, which has no recorded result", c.lang, hs4.VillageID, g.Href)
		}
	}
}

// TestHearingPageNumbers: the page of a hearing says outright who of the
// attendees is in no listed group and who cast no vote (H00002: 38 attend,
// 24+11+0 listed, 34 votes), and says nothing when the numbers add up.
func TestHearingPageNumbers(t *testing.T) {
	for _, c := range []struct{ lang, others, notVoting string }{
		{"zh-CN", "其他列席 3 人", "未参加表决 4 人（参会 38 人，投票 34 人）。"},
		{"en", "Others attending: 3", "Did not vote: 4 (38 attended, 34 voted)."},
	} {
		plan := demoPlan(t, c.lang, nil)
		html := page(t, plan, "hearings/H00002/index.html")
		for _, want := range []string{c.others, c.notVoting} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: H00002's page lacks %q", c.lang, want)
			}
		}
	}
	p := func(n int) *int { return &n }
	for _, c := range []struct {
		h                 dataset.Hearing
		others, notVoting int // 0: nothing said
	}{
		{dataset.Hearing{Attendees: p(38), PartyMembers: p(24), VillagerReps: p(11), Experts: p(0), VotesFor: p(31), VotesAgainst: p(2), VotesAbstain: p(1)}, 3, 4},
		{dataset.Hearing{Attendees: p(30), PartyMembers: p(20), VillagerReps: p(10), VotesFor: p(30)}, 0, 0},
		{dataset.Hearing{Attendees: p(30), PartyMembers: p(25), VillagerReps: p(10)}, 0, 0}, // overlap: not said
		{dataset.Hearing{Attendees: p(30)}, 0, 0},                   // no parts, no votes
		{dataset.Hearing{PartyMembers: p(3), VotesFor: p(2)}, 0, 0}, // no attendance
		{dataset.Hearing{Attendees: p(12), VotesAgainst: p(5)}, 0, 7},
	} {
		n, ok := othersAttending(&c.h)
		if !ok {
			n = 0
		}
		m, _, ok := notVoting(&c.h)
		if !ok {
			m = 0
		}
		if n != c.others || m != c.notVoting {
			t.Errorf("%+v: others %d, not voting %d; want %d, %d", c.h, n, m, c.others, c.notVoting)
		}
	}
}

// TestUpcomingHearingPage: the page of a hearing still to be held names its
// text the notice (公告内容), links its village's calendar and the list of
// upcoming hearings; a held hearing's page keeps 听证摘要 and has neither.
func TestUpcomingHearingPage(t *testing.T) {
	for _, c := range []struct{ lang, notice, summary string }{
		{"zh-CN", "<dt>公告内容</dt>", "<dt>听证摘要</dt>"},
		{"en", "<dt>Notice</dt>", "<dt>Summary</dt>"},
	} {
		plan := demoPlan(t, c.lang, nil)
		hs := hearingByID(t, plan.s.D, "HS0001")
		up := page(t, plan, "hearings/HS0001/index.html")
		for _, want := range []string{c.notice, `href="../../villages/` + hs.VillageID + `/calendar.ics"`, `href="../../hearings/index.html#upcoming"`} {
			if !strings.Contains(up, want) {
				t.Errorf("%s: HS0001's page lacks %s", c.lang, want)
			}
		}
		if strings.Contains(up, c.summary) {
			t.Errorf("%s: HS0001 is not held: its text is a notice, not %s", c.lang, c.summary)
		}
		held := page(t, plan, "hearings/H00002/index.html")
		if !strings.Contains(held, c.summary) || strings.Contains(held, "calendar-link") || strings.Contains(held, "#upcoming") {
			t.Errorf("%s: H00002 (held) should keep %s and have no calendar or upcoming link", c.lang, c.summary)
		}
	}
}

func hearingByID(t *testing.T, d *dataset.Dataset, id string) *dataset.Hearing {
	t.Helper()
	for i := range d.Hearings {
		if d.Hearings[i].ID == id {
			return &d.Hearings[i]
		}
	}
	t.Fatalf("no hearing %s in the demo", id)
	return nil
}
