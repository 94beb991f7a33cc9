package feeds

import (
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
)

func feedSite(t *testing.T, base string) *feeds {
	t.Helper()
	c, probs := i18n.Load(t.TempDir(), "zh-CN")
	if probs.Len() > 0 {
		t.Fatal(probs.Sorted())
	}
	p := func(n int) *int { return &n }
	d := &dataset.Dataset{
		Site:     dataset.Site{Title: "测试县", County: "测试县", BaseURL: base, Language: "zh-CN", AsOf: "2025-12-31"},
		Villages: []dataset.Village{{ID: "V1", Name: "上村"}},
		Pledges:  []dataset.Pledge{{ID: "P1", VillageID: "V1", Title: "修路 <2公里> & 桥", Status: "推进中"}},
		PledgeUpdates: []dataset.PledgeUpdate{
			{PledgeID: "P1", Date: "2025-03-01", Status: "推进中", Progress: p(40), Note: "路基完成"},
			{PledgeID: "P1", Date: "2026-01-05", Status: "已完成"}, // after as_of: not in the feed
		},
		Hearings: []dataset.Hearing{
			{ID: "H1", VillageID: "V1", Date: "2025-04-12", Topic: "土地流转方案, 第一期; 试点", Outcome: "通过",
				Summary: "同意流转\n已签约。这是一段足够长的摘要文字，用来检验日历文件按七十五个字节折行时不会把一个汉字拆成两半。"},
			{ID: "H2", VillageID: "V1", Date: "2025-04-12", Topic: "预算", Outcome: "暂缓"},
		},
	}
	d.Index()
	return &feeds{d: d, c: c}
}

// TestAtomFeed: feed.xml is well-formed Atom with the latest events up to
// as_of, newest first, stable tag: IDs and links from base_url.
func TestAtomFeed(t *testing.T) {
	for _, base := range []string{"/", "https://x.gov.cn/cwgk/"} {
		s := feedSite(t, base)
		var feed struct {
			XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
			ID      string   `xml:"id"`
			Entries []struct {
				ID      string `xml:"id"`
				Title   string `xml:"title"`
				Updated string `xml:"updated"`
				Summary string `xml:"summary"`
				Link    struct {
					Href string `xml:"href,attr"`
				} `xml:"link"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(s.atomFeed(), &feed); err != nil {
			t.Fatalf("%s: feed.xml is not well-formed: %v", base, err)
		}
		if len(feed.Entries) != 3 {
			t.Fatalf("%s: %d entries, want 3 (the update after as_of left out)", base, len(feed.Entries))
		}
		e := feed.Entries[0]
		if e.ID != "tag:gongshi,2026:测试县/hearing/H1" || e.Updated != "2025-04-12T00:00:00Z" {
			t.Errorf("first entry %q %q: want the newest, hearings before pledges on a tie", e.ID, e.Updated)
		}
		want := "hearings/H1/index.html"
		if base != "/" {
			want = base + want
		}
		if e.Link.Href != want {
			t.Errorf("link %q, want %q", e.Link.Href, want)
		}
		if last := feed.Entries[2]; last.Title != "上村：修路 <2公里> & 桥" || last.Summary != "推进中，40%。路基完成" {
			t.Errorf("pledge entry %q / %q", last.Title, last.Summary)
		}
	}
}

// TestCalendar: hearings/calendar.ics is RFC 5545: CRLF lines of at most 75
// octets, folded between characters, TEXT escaped, one event per hearing.
func TestCalendar(t *testing.T) {
	ics := string(feedSite(t, "https://x.gov.cn/").calendar())
	if !strings.HasPrefix(ics, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(ics, "END:VCALENDAR\r\n") {
		t.Fatalf("not a calendar:\n%s", ics)
	}
	for i, l := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a character: %q", i+1, l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare line break", i+1)
		}
	}
	unfolded := strings.ReplaceAll(ics, "\r\n ", "")
	for _, want := range []string{
		"UID:H1@gongshi.测试县", "DTSTART;VALUE=DATE:20250412", "DTSTAMP:20251231T000000Z",
		`SUMMARY:上村 土地流转方案\, 第一期\; 试点`, `DESCRIPTION:结果：通过\n同意流转\n已签约。`,
		"URL:https://x.gov.cn/hearings/H1/index.html",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
	if n := strings.Count(ics, "BEGIN:VEVENT"); n != 2 {
		t.Errorf("%d events, want 2", n)
	}
}
