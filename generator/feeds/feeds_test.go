package feeds

import (
	"encoding/xml"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/internal/icscheck"
	"gongshi/generator/output"
)

// fixture is a county of two villages with every kind of event: pledge
// updates (two on one day, one after as_of), hearings held, one announced
// for after as_of with its notice before it, one whose outcome was never
// recorded, and actions (one about a secretary of V2).
func fixture(t *testing.T, base, lang string) *feeds {
	t.Helper()
	c, probs := i18n.Load(t.TempDir(), lang)
	if probs.Len() > 0 {
		t.Fatal(probs.Sorted())
	}
	p := func(n int) *int { return &n }
	d := &dataset.Dataset{
		Site:      dataset.Site{Title: "测试县", County: "测试县", BaseURL: base, Language: lang, AsOf: "2025-12-31"},
		Townships: []dataset.Township{{ID: "T1", Name: "东乡"}},
		Villages:  []dataset.Village{{ID: "V1", Name: "上村", TownshipID: "T1"}, {ID: "V2", Name: "下村", TownshipID: "T1"}},
		Secretaries: []dataset.Secretary{
			{ID: "S1", Name: "李四", VillageID: "V1", Role: "书记", TermStart: "2021-01-15"},
			{ID: "S2", Name: "王五", VillageID: "V2", Role: "书记", TermStart: "2021-01-15"},
		},
		Pledges: []dataset.Pledge{
			{ID: "P1", VillageID: "V1", SecretaryID: "S1", Title: "修路 <2公里> & 桥", Status: "推进中"},
			{ID: "P2", VillageID: "V2", SecretaryID: "S2", Title: "打井", Status: "推进中"},
		},
		PledgeUpdates: []dataset.PledgeUpdate{
			{PledgeID: "P1", Date: "2025-03-01", Status: "推进中", Progress: p(40), Note: "路基完成"},
			{PledgeID: "P1", Date: "2025-03-01", Status: "推进中", Progress: p(45), Note: "当天又有进展"},
			{PledgeID: "P1", Date: "2026-01-05", Status: "已完成"}, // after as_of: in no feed
			{PledgeID: "P2", Date: "2025-02-01", Status: "推进中"},
		},
		Hearings: []dataset.Hearing{
			{ID: "H1", VillageID: "V1", Date: "2025-04-12", Topic: "土地流转方案, 第一期; 试点", Outcome: "通过",
				Summary: "同意流转\n已签约。这是一段足够长的摘要文字，用来检验日历文件按七十五个字节折行时不会把一个汉字拆成两半。"},
			{ID: "H2", VillageID: "V1", Date: "2025-04-12", Topic: "预算", Outcome: "暂缓"},
			{ID: "H3", VillageID: "V1", Date: "2026-03-10", Topic: "公益事业建设方案", Outcome: "待召开", NoticeDate: "2025-12-20"},
			{ID: "H4", VillageID: "V2", Date: "2025-06-01", Topic: "水费", Outcome: "待召开"}, // not recorded
		},
		Actions: []dataset.Action{
			{ID: "A1", SecretaryID: "S1", Date: "2025-03-15", Kind: "表彰", Year: p(2024), Reason: "考评优秀", By: "东乡党委"},
			{ID: "A2", SecretaryID: "S2", Date: "2025-01-20", Kind: "谈话诫勉", Year: p(2024)},
		},
	}
	d.Index()
	return &feeds{d: d, c: c, id: countyIdentity(d), shared: sharedNames(d)}
}

// atomFeed is what the tests read of a feed, by encoding/xml.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  []string    `xml:"author>name"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	XMLName xml.Name `xml:"link"`
	Rel     string   `xml:"rel,attr"`
	Type    string   `xml:"type,attr"`
	Href    string   `xml:"href,attr"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Summary string     `xml:"summary"`
	Links   []atomLink `xml:"link"`
}

var reUUID = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// parseAtom parses a feed with encoding/xml and checks what RFC 4287 asks
// of it: an id, title and updated on the feed and on each entry, an author,
// a self link; IDs (version-5 UUID URNs) unique; dates RFC 3339; entries
// newest first.
func parseAtom(t *testing.T, b []byte) atomFeed {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("not well-formed Atom: %v\n%s", err, b)
	}
	if f.ID == "" || f.Title == "" || f.Updated == "" || len(f.Author) == 0 {
		t.Errorf("feed lacks id, title, updated or author: %+v", f)
	}
	if self := linkOf(f.Links, "self"); self == "" {
		t.Errorf("feed has no rel=self link: %+v", f.Links)
	}
	seen := map[string]bool{f.ID: true}
	if !reUUID.MatchString(f.ID) {
		t.Errorf("feed id %q is not a version-5 UUID URN", f.ID)
	}
	prev := "9999"
	for _, e := range f.Entries {
		if e.ID == "" || e.Title == "" || e.Updated == "" {
			t.Errorf("entry lacks id, title or updated: %+v", e)
		}
		if !reUUID.MatchString(e.ID) || seen[e.ID] {
			t.Errorf("entry id %q: not a UUID URN, or not unique", e.ID)
		}
		seen[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry updated %q: %v", e.Updated, err)
		}
		if e.Updated > prev {
			t.Errorf("entry %q (%s) after an older one: want newest first", e.Title, e.Updated)
		}
		prev = e.Updated
	}
	return f
}

func linkOf(ls []atomLink, rel string) string {
	for _, l := range ls {
		if l.Rel == rel {
			return l.Href
		}
	}
	return ""
}

// TestCountyFeed: feed.xml has the county's events up to as_of, newest
// first: hearings held and announced, commendations and sanctions, pledge
// updates (two on one day kept apart); links from base_url.
func TestCountyFeed(t *testing.T) {
	for _, base := range []string{"/", "https://x.gov.cn/cwgk/"} {
		s := fixture(t, base, "zh-CN")
		f := parseAtom(t, s.countyFeed())
		var got []string
		for _, e := range f.Entries {
			got = append(got, e.Updated[:10]+" "+e.Title)
		}
		want := []string{
			"2025-12-20 上村 · 听证公告：公益事业建设方案",
			"2025-06-01 下村 · 听证公告：水费",
			"2025-04-12 上村 · 民主听证：土地流转方案, 第一期; 试点",
			"2025-04-12 上村 · 民主听证：预算",
			"2025-03-15 上村 · 表彰：李四",
			"2025-03-01 上村 · 修路 <2公里> & 桥",
			"2025-03-01 上村 · 修路 <2公里> & 桥",
			"2025-02-01 下村 · 打井",
			"2025-01-20 下村 · 谈话诫勉：王五",
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%s: entries\n  %s\nwant\n  %s", base, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		if f.Updated != "2025-12-20T00:00:00Z" {
			t.Errorf("feed updated %q, want the newest entry's day", f.Updated)
		}
		e := f.Entries[0]
		if e.Summary != "定于2026年3月10日召开，听证结果将在会后公布。" {
			t.Errorf("announced hearing summary %q", e.Summary)
		}
		if f.Entries[1].Summary != "原定2025年6月1日召开，尚未登记听证结果。" {
			t.Errorf("unrecorded hearing summary %q", f.Entries[1].Summary)
		}
		if f.Entries[2].Summary != "通过。同意流转\n已签约。这是一段足够长的摘要文字，用来检验日历文件按七十五个字节折行时不会把一个汉字拆成两半。" {
			t.Errorf("held hearing summary %q", f.Entries[2].Summary)
		}
		if got := f.Entries[4].Summary; got != "考评优秀；依据2024年度评议；决定机关：东乡党委" {
			t.Errorf("action summary %q", got)
		}
		if f.Entries[5].Summary != "推进中，40%。路基完成" || f.Entries[6].Summary != "推进中，45%。当天又有进展" {
			t.Errorf("pledge updates %q, %q", f.Entries[5].Summary, f.Entries[6].Summary)
		}
		prefix := ""
		if base != "/" {
			prefix = base
		}
		for _, c := range []struct{ got, want string }{
			{linkOf(f.Links, "self"), prefix + "feed.xml"},
			{linkOf(f.Links, "alternate"), prefix + "index.html"},
			{linkOf(f.Entries[2].Links, "alternate"), prefix + "hearings/H1/index.html"},
			{linkOf(f.Entries[4].Links, "alternate"), prefix + "secretaries/S1/index.html#h-actions"},
		} {
			if c.got != c.want {
				t.Errorf("%s: link %q, want %q", base, c.got, c.want)
			}
		}
	}
}

// TestVillageFeed: a village's feed holds its own events only, each with the
// same ID as in the county's feed, and links that resolve from where the
// feed is (villages/V1/feed.xml).
func TestVillageFeed(t *testing.T) {
	s := fixture(t, "/", "zh-CN")
	county := parseAtom(t, s.countyFeed())
	idOf := map[string]string{}
	for _, e := range county.Entries {
		idOf[e.ID] = e.Title
	}
	v := parseAtom(t, s.villageFeed(0))
	if v.Title != "上村 · 测试县" || v.ID == county.ID {
		t.Errorf("village feed title %q id %q (county's %q)", v.Title, v.ID, county.ID)
	}
	if len(v.Entries) != 6 {
		t.Errorf("%d entries, want V1's 6", len(v.Entries))
	}
	for _, e := range v.Entries {
		if !strings.HasPrefix(e.Title, "上村") {
			t.Errorf("entry %q is not about 上村", e.Title)
		}
		if idOf[e.ID] != e.Title {
			t.Errorf("entry %q has id %s, not its id in the county's feed", e.Title, e.ID)
		}
		href := linkOf(e.Links, "alternate")
		if target := path.Join("villages/V1", href); strings.HasPrefix(target, "..") || !strings.Contains(target, "/index.html") {
			t.Errorf("entry link %q resolves to %q", href, target)
		}
	}
	if self := linkOf(v.Links, "self"); path.Join("villages/V1", self) != "villages/V1/feed.xml" {
		t.Errorf("self link %q", self)
	}
	if alt := linkOf(v.Links, "alternate"); path.Join("villages/V1", alt) != "villages/V1/index.html" {
		t.Errorf("alternate link %q", alt)
	}
	// A village with nothing to report still has a valid feed.
	s.d.PledgeUpdates, s.d.Hearings, s.d.Actions = nil, nil, nil
	s.d.Index()
	empty := parseAtom(t, s.villageFeed(1))
	if len(empty.Entries) != 0 || empty.Updated != "2025-12-31T00:00:00Z" {
		t.Errorf("empty feed: %d entries, updated %q (want as_of)", len(empty.Entries), empty.Updated)
	}
}

// TestEnglishFeed: an English site's feeds carry no Chinese but the data's;
// every entry puts the village before what happened the same way, and an
// action says which appraisal it follows.
func TestEnglishFeed(t *testing.T) {
	f := parseAtom(t, fixture(t, "/", "en").countyFeed())
	if f.Lang != "en" {
		t.Errorf("xml:lang %q", f.Lang)
	}
	for i, want := range map[int]string{
		0: "上村 · Hearing announced: 公益事业建设方案",
		2: "上村 · Hearing: 土地流转方案, 第一期; 试点",
		4: "上村 · Commendation: 李四",
		5: "上村 · 修路 <2公里> & 桥",
	} {
		if f.Entries[i].Title != want {
			t.Errorf("entry %d %q, want %q", i, f.Entries[i].Title, want)
		}
	}
	if got := f.Entries[0].Summary; got != "To be held on 2026-03-10; the outcome will be published after the hearing." {
		t.Errorf("summary %q", got)
	}
	if got := f.Entries[4].Summary; got != "考评优秀; Following the 2024 appraisal; Decided by: 东乡党委" {
		t.Errorf("action summary %q", got)
	}
}

// TestCalendars: the county's and each village's calendar pass an RFC 5545
// check; announced hearings are events marked CONFIRMED while ahead and
// described as announced, never with an outcome; UIDs are shared between
// the county's calendar and the village's.
func TestCalendars(t *testing.T) {
	s := fixture(t, "https://x.gov.cn/", "zh-CN")
	county := parse(t, s.countyCalendar())
	var got []string
	uid := map[string]string{}
	for _, e := range county.Events {
		got = append(got, e.Get("DTSTART")+" "+e.Get("SUMMARY"))
		uid[e.Get("SUMMARY")] = e.Get("UID")
	}
	want := []string{"20250412 上村 土地流转方案, 第一期; 试点", "20250412 上村 预算", "20250601 下村 水费", "20260310 上村 公益事业建设方案"}
	if !slices.Equal(got, want) {
		t.Errorf("events %q, want %q", got, want)
	}
	for _, c := range []struct {
		i                   int
		desc, status, where string
	}{
		{0, "结果：通过\n同意流转\n已签约。这是一段足够长的摘要文字，用来检验日历文件按七十五个字节折行时不会把一个汉字拆成两半。", "", "held"},
		{2, "原定2025年6月1日召开，尚未登记听证结果。", "", "scheduled but past"},
		{3, "定于2026年3月10日召开，听证结果将在会后公布。", "CONFIRMED", "scheduled ahead"},
	} {
		e := county.Events[c.i]
		if e.Get("DESCRIPTION") != c.desc || e.Get("STATUS") != c.status {
			t.Errorf("%s: description %q status %q", c.where, e.Get("DESCRIPTION"), e.Get("STATUS"))
		}
	}
	if u := county.Events[3].Get("URL"); u != "https://x.gov.cn/hearings/H3/index.html" {
		t.Errorf("URL %q", u)
	}
	if county.Events[0].Get("DTSTAMP") != "20251231T000000Z" {
		t.Errorf("DTSTAMP %q, want as_of", county.Events[0].Get("DTSTAMP"))
	}
	village := parse(t, s.villageCalendar(0))
	if len(village.Events) != 3 {
		t.Errorf("V1's calendar has %d events, want 3", len(village.Events))
	}
	for _, e := range village.Events {
		if uid[e.Get("SUMMARY")] != e.Get("UID") {
			t.Errorf("%s: UID %s differs from the county calendar's", e.Get("SUMMARY"), e.Get("UID"))
		}
	}
	if n := village.Get("X-WR-CALNAME"); n != "上村 民主听证" {
		t.Errorf("calendar name %q", n)
	}
	// Relative base_url: no URL property (it would not be an absolute URI).
	rel := parse(t, fixture(t, "/", "zh-CN").countyCalendar())
	if rel.Events[0].Count("URL") != 0 {
		t.Errorf("URL with a relative base_url")
	}
}

// TestEmptyCalendar: a village with no hearing still gets a calendar a
// strict client accepts (RFC 5545 §3.6: at least one component): the time
// zone of China, never a made-up event; a calendar with events is written
// without it, as before.
func TestEmptyCalendar(t *testing.T) {
	s := fixture(t, "/", "zh-CN")
	s.d.Villages = append(s.d.Villages, dataset.Village{ID: "V3", Name: "新村", TownshipID: "T1"})
	s.d.Index()
	b := s.villageCalendar(2)
	c := parse(t, b)
	if len(c.Events) != 1 || c.Events[0].Name != "VTIMEZONE" || c.Events[0].Get("TZID") != "Asia/Shanghai" {
		t.Errorf("V3 has no hearing: want its calendar to hold one VTIMEZONE, got %+v\n%s", c.Events, b)
	}
	if n := c.Get("X-WR-CALNAME"); n != "新村 民主听证" {
		t.Errorf("calendar name %q", n)
	}
	for _, b := range [][]byte{s.villageCalendar(0), s.countyCalendar()} {
		if strings.Contains(string(b), "VTIMEZONE") {
			t.Errorf("a calendar with events declares a time zone it does not use:\n%s", b)
		}
	}
}

// TestHeldToday: a hearing announced for the as_of day is being held
// today, in the calendar and the feeds, in either language; not "was to be
// held", which is for one whose day has passed unrecorded.
func TestHeldToday(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"zh-CN", "定于今日（2025年12月31日）召开，听证结果将在会后公布。"},
		{"en", "Being held today (2025-12-31); the outcome will be published after the hearing."},
	} {
		s := fixture(t, "/", c.lang)
		s.d.Hearings[2].Date = s.d.Site.AsOf // H3, noticed 2025-12-20
		cal := parse(t, s.villageCalendar(0))
		var desc string
		for _, e := range cal.Events {
			if strings.HasSuffix(e.Get("SUMMARY"), "公益事业建设方案") {
				desc = e.Get("DESCRIPTION")
			}
		}
		if desc != c.want {
			t.Errorf("%s: calendar says %q, want %q", c.lang, desc, c.want)
		}
		feed := parseAtom(t, s.villageFeed(0))
		found := false
		for _, e := range feed.Entries {
			if strings.Contains(e.Title, "公益事业建设方案") {
				found = true
				if !strings.HasPrefix(e.Summary, c.want) {
					t.Errorf("%s: feed entry says %q, want %q", c.lang, e.Summary, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: the announcement is not in the village feed", c.lang)
		}
	}
}

func parse(t *testing.T, b []byte) icscheck.Calendar {
	t.Helper()
	c, probs := icscheck.Parse(b)
	for _, p := range probs {
		t.Errorf("RFC 5545: %s", p)
	}
	if t.Failed() {
		t.Logf("%s", b)
	}
	return c
}

// TestIdentity: two counties never share an ID, whatever they share; one
// county keeps its IDs from build to build, whatever the order of its rows.
func TestIdentity(t *testing.T) {
	site := func(county, base string, townships ...string) identity {
		d := &dataset.Dataset{Site: dataset.Site{County: county, BaseURL: base}}
		for _, id := range townships {
			d.Townships = append(d.Townships, dataset.Township{ID: id})
		}
		return countyIdentity(d)
	}
	a := site("新华区", "/", "T1", "T2")
	for _, c := range []struct {
		name  string
		other identity
		same  bool
	}{
		{"same county, rows reordered", site("新华区", "/", "T2", "T1"), true},
		{"same county, another relative base", site("新华区", "/cwgk/", "T1", "T2"), true},
		{"same name, other townships", site("新华区", "/", "130105001", "130105002"), false},
		{"other name, same townships", site("长安区", "/", "T1", "T2"), false},
		{"absolute base_url", site("新华区", "https://a.gov.cn/", "T1", "T2"), false},
		{"same name and townships, other sites", site("新华区", "https://b.gov.cn/", "T1", "T2"), false},
	} {
		if got := a.urn("hearing/H1") == c.other.urn("hearing/H1"); got != c.same {
			t.Errorf("%s: same id = %v, want %v", c.name, got, c.same)
		}
	}
	// With a feed_id, neither the townships nor the address matter, and
	// two feed_ids never share an ID.
	named := func(id, county, base string, townships ...string) identity {
		d := &dataset.Dataset{Site: dataset.Site{FeedID: id, County: county, BaseURL: base}}
		for _, t := range townships {
			d.Townships = append(d.Townships, dataset.Township{ID: t})
		}
		return countyIdentity(d)
	}
	n := named("6f1c2b9e-0d4a-4c47-9a51-3e8f5f0a7b21", "新华区", "/", "T1", "T2")
	for _, other := range []identity{
		named("6f1c2b9e-0d4a-4c47-9a51-3e8f5f0a7b21", "新华区", "/", "T1", "T2", "T3"),
		named("6f1c2b9e-0d4a-4c47-9a51-3e8f5f0a7b21", "新华区", "https://a.gov.cn/cwgk/", "T1"),
		named("6f1c2b9e-0d4a-4c47-9a51-3e8f5f0a7b21", "新区", "/"),
	} {
		if n.urn("hearing/H1") != other.urn("hearing/H1") {
			t.Errorf("with a feed_id, IDs changed with the townships, the address or the name")
		}
	}
	if n.urn("hearing/H1") == named("0b5e4d1a-7c2f-4e86-b3a9-1d2c3e4f5a6b", "新华区", "/", "T1", "T2").urn("hearing/H1") ||
		n.urn("hearing/H1") == a.urn("hearing/H1") {
		t.Errorf("two feed_ids, or a feed_id and none, share an ID")
	}
	b, b2 := site("新华区", "https://a.gov.cn/"), site("新华区", "https://a.gov.cn/", "X")
	if b.urn("") != b2.urn("") {
		t.Errorf("with an absolute base_url, townships should not matter")
	}
	if a.urn("hearing/H1") == a.urn("hearing/H2") || a.urn("") == a.urn("village/V1") {
		t.Errorf("records share an id")
	}
	if !reUUID.MatchString(a.urn("pledge/P1/2025-03-01")) {
		t.Errorf("%s is not a version-5 UUID URN", a.urn("pledge/P1/2025-03-01"))
	}
}

// TestWrite: Write writes the county's feed and calendar and both of each
// village's.
func TestWrite(t *testing.T) {
	s := fixture(t, "/", "zh-CN")
	dir := t.TempDir()
	n, err := Write(output.New(dir), s.d, s.c)
	if err != nil || n != 6 {
		t.Fatalf("Write: %d files, %v; want 6", n, err)
	}
	for _, f := range []string{"feed.xml", "hearings/calendar.ics", "villages/V1/feed.xml", "villages/V1/calendar.ics", "villages/V2/feed.xml", "villages/V2/calendar.ics"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Error(err)
		}
	}
}

// TestCountyEventsNewest: the county's n newest events, found from the
// n-th newest day on, are those that ordering every event would give, ties
// on that day included, whatever n.
func TestCountyEventsNewest(t *testing.T) {
	f := fixture(t, "", "zh-CN")
	d := f.d
	for i := 0; i < 40; i++ {
		d.PledgeUpdates = append(d.PledgeUpdates, dataset.PledgeUpdate{PledgeID: []string{"P1", "P2"}[i%2],
			Date: fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%5), Status: "推进中"})
	}
	d.Index()
	var all []event
	for pi := range d.Pledges {
		all = f.updateEvents(all, pi)
	}
	for hi := range d.Hearings {
		all = f.hearingEvent(all, hi)
	}
	for ai := range d.Actions {
		all = f.actionEvent(all, ai)
	}
	newestFirst(all)
	for n := 1; n <= len(all)+1; n++ {
		got := f.countyEvents(n)
		want := all[:min(n, len(all))]
		if len(got) != len(want) {
			t.Fatalf("n=%d: %d events, want %d", n, len(got), len(want))
		}
		for i := range got {
			if got[i].key != want[i].key {
				t.Fatalf("n=%d: event %d is %s, want %s", n, i, got[i].key, want[i].key)
			}
		}
	}
}

// TestSummarySentences: a summary's sentences are joined by one full stop,
// also after a note that ends with its own ("会后公布。" + summary), in
// both languages.
func TestSummarySentences(t *testing.T) {
	for _, c := range []struct{ lang, a, b, want string }{
		{"zh-CN", "推进中", "路基完成", "推进中。路基完成"},
		{"zh-CN", "听证结果将在会后公布。", "议程已公布", "听证结果将在会后公布。议程已公布"},
		{"zh-CN", "", "议程已公布", "议程已公布"},
		{"en", "In progress", "road base done", "In progress. road base done"},
		{"en", "published after the hearing.", "Agenda posted", "published after the hearing. Agenda posted"},
	} {
		if got := fixture(t, "/", c.lang).sentences(c.a, c.b); got != c.want {
			t.Errorf("%s: sentences(%q, %q) = %q, want %q", c.lang, c.a, c.b, got, c.want)
		}
	}
	f := fixture(t, "/", "zh-CN")
	f.d.Hearings[2].Summary = "议程已公布"
	for _, e := range parseAtom(t, f.countyFeed()).Entries {
		if strings.Contains(e.Summary, "。。") {
			t.Errorf("entry %q: summary %q has a doubled full stop", e.Title, e.Summary)
		}
	}
}

// TestSharedVillageNames: where two townships each have a village of the
// same name, the county's feed and calendar name those villages with their
// township (in either language's order); a name no other village has
// stays as it is; a calendar's LOCATION is the whole address.
func TestSharedVillageNames(t *testing.T) {
	for _, c := range []struct{ lang, want string }{{"zh-CN", "西乡上村"}, {"en", "上村 (西乡)"}} {
		s := fixture(t, "/", c.lang)
		d := s.d
		d.Townships = append(d.Townships, dataset.Township{ID: "T2", Name: "西乡"})
		d.Villages = append(d.Villages, dataset.Village{ID: "V3", Name: "上村", TownshipID: "T2"})
		d.Hearings = append(d.Hearings, dataset.Hearing{ID: "H5", VillageID: "V3", Date: "2025-05-05", Topic: "修桥", Outcome: "通过"})
		d.Index()
		s.shared = sharedNames(d)
		feed := string(s.countyFeed())
		cal := parse(t, s.countyCalendar())
		var summaries, locations []string
		for _, e := range cal.Events {
			summaries = append(summaries, e.Get("SUMMARY"))
			locations = append(locations, e.Get("LOCATION"))
		}
		if !slices.Contains(summaries, c.want+" 修桥") || !strings.Contains(feed, c.want+" · ") {
			t.Errorf("%s: V3 is not named %q: calendar %q", c.lang, c.want, summaries)
		}
		if !slices.Contains(locations, "测试县西乡上村") || !slices.Contains(locations, "测试县东乡上村") {
			t.Errorf("%s: locations %q, want whole addresses", c.lang, locations)
		}
		if !strings.Contains(feed, "下村 · ") || strings.Contains(feed, "东乡下村") || strings.Contains(feed, "下村 (东乡)") {
			t.Errorf("%s: 下村, the only one of its name, is not named as it is", c.lang)
		}
	}
}
