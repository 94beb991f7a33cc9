// Package feeds writes what lets people follow the county without visiting
// the site: feed.xml (Atom: the latest pledge updates and hearings) and
// hearings/calendar.ics (every hearing as an all-day event, RFC 5545). Both
// are built from the data alone, dated by as_of, so they are as
// deterministic as the pages.
package feeds

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/output"
	"gongshi/generator/route"
	"gongshi/generator/schema"
	"gongshi/generator/xmltext"
)

// feedEntries is how many of the latest events the Atom feed carries.
const feedEntries = 100

// feeds writes the feeds of one dataset in one language.
type feeds struct {
	d *dataset.Dataset
	c *i18n.Catalogue
}

// Write writes feed.xml and hearings/calendar.ics, and returns the number of
// files written.
func Write(w *output.Writer, d *dataset.Dataset, c *i18n.Catalogue) (int, error) {
	f := &feeds{d: d, c: c}
	if err := w.Write(route.FeedPath, f.atomFeed()); err != nil {
		return 0, err
	}
	if err := w.Write(route.CalendarPath, f.calendar()); err != nil {
		return 1, err
	}
	return 2, nil
}

// absolute returns base_url + site path when base_url is absolute, else the
// site path (relative to the site root, where feed.xml lives).
func (f *feeds) absolute(path string) string {
	if strings.HasPrefix(f.d.Site.BaseURL, "http") {
		return f.d.Site.BaseURL + path
	}
	return path
}

// event is one dated item of the feed.
type event struct {
	date, kind, id, title, summary, link string
}

// events returns the latest pledge updates and hearings up to as_of,
// newest first (ties by kind and ID), at most n.
func (f *feeds) events(n int) []event {
	d := f.d
	var evs []event
	for _, u := range d.PledgeUpdates {
		pi, ok := d.PledgeByID[u.PledgeID]
		if !ok || u.Date > d.Site.AsOf {
			continue
		}
		p := &d.Pledges[pi]
		village := ""
		if vi, ok := d.VillageByID[p.VillageID]; ok {
			village = d.Villages[vi].Name
		}
		summary := f.c.Enum(schema.PledgeStatuses, u.Status)
		if u.Progress != nil {
			summary += f.c.T("punct.comma") + fmt.Sprintf("%d%%", *u.Progress)
		}
		if u.Note != "" {
			summary += f.c.T("punct.period") + u.Note
		}
		evs = append(evs, event{date: u.Date, kind: "pledge", id: p.ID + "/" + u.Date,
			title: f.c.Label(village, p.Title), summary: summary, link: route.File(route.Pledge(p.ID))})
	}
	for _, h := range d.Hearings {
		if h.Date > d.Site.AsOf {
			continue
		}
		village := ""
		if vi, ok := d.VillageByID[h.VillageID]; ok {
			village = d.Villages[vi].Name
		}
		summary := f.c.Enum(schema.Outcomes, h.Outcome)
		if h.Summary != "" {
			summary += f.c.T("punct.period") + h.Summary
		}
		evs = append(evs, event{date: h.Date, kind: "hearing", id: h.ID,
			title: village + " " + f.c.Label(f.c.T("hearing"), h.Topic), summary: summary, link: route.File(route.Hearing(h.ID))})
	}
	sort.Slice(evs, func(a, b int) bool {
		if evs[a].date != evs[b].date {
			return evs[a].date > evs[b].date
		}
		if evs[a].kind != evs[b].kind {
			return evs[a].kind < evs[b].kind
		}
		return evs[a].id < evs[b].id
	})
	if len(evs) > n {
		evs = evs[:n]
	}
	return evs
}

// atomFeed returns feed.xml. IDs are tag: URIs (RFC 4151) made of the
// county and the record's own IDs under a fixed date, so an entry keeps its
// ID from build to build and year to year.
func (f *feeds) atomFeed() []byte {
	d := f.d
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="` + xmltext.Escape(d.Site.Language) + `">` + "\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", xmltext.Escape(d.Site.Title))
	fmt.Fprintf(&b, "<id>tag:gongshi,2026:%s</id>\n", xmltext.Escape(feedTagName(d.Site.County)))
	fmt.Fprintf(&b, "<updated>%sT00:00:00Z</updated>\n", d.Site.AsOf)
	fmt.Fprintf(&b, "<link rel=\"alternate\" href=\"%s\"/>\n", xmltext.Escape(f.absolute("index.html")))
	fmt.Fprintf(&b, "<author><name>%s</name></author>\n", xmltext.Escape(d.Site.County))
	for _, e := range f.events(feedEntries) {
		b.WriteString("<entry>\n")
		fmt.Fprintf(&b, "<id>tag:gongshi,2026:%s/%s/%s</id>\n", xmltext.Escape(feedTagName(d.Site.County)), e.kind, xmltext.Escape(e.id))
		fmt.Fprintf(&b, "<title>%s</title>\n", xmltext.Escape(e.title))
		fmt.Fprintf(&b, "<updated>%sT00:00:00Z</updated>\n", e.date)
		fmt.Fprintf(&b, "<link rel=\"alternate\" href=\"%s\"/>\n", xmltext.Escape(f.absolute(e.link)))
		fmt.Fprintf(&b, "<summary>%s</summary>\n", xmltext.Escape(e.summary))
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

// feedTagName makes the specific part of a tag: URI from the county name
// (any letters allowed by IRIs; spaces and reserved characters dropped).
func feedTagName(county string) string {
	name := strings.Map(func(r rune) rune {
		if r <= ' ' || strings.ContainsRune(`"<>\^`+"`"+`{|}/?#[]@:`, r) {
			return -1
		}
		return r
	}, county)
	if name == "" {
		return "county"
	}
	return name
}

// calendar returns hearings/calendar.ics (RFC 5545): each hearing an
// all-day event. DTSTAMP is as_of, not the clock.
func (f *feeds) calendar() []byte {
	d := f.d
	var b bytes.Buffer
	line := func(l string) { b.WriteString(foldICS(l)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//gongshi//" + icsText(d.Site.County) + "//ZH")
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:" + icsText(d.Site.Title+" "+f.c.T("hearings")))
	stamp := strings.ReplaceAll(d.Site.AsOf, "-", "") + "T000000Z"
	ids := make([]int, len(d.Hearings))
	for i := range ids {
		ids[i] = i
	}
	sort.Slice(ids, func(a, b int) bool {
		ha, hb := &d.Hearings[ids[a]], &d.Hearings[ids[b]]
		if ha.Date != hb.Date {
			return ha.Date < hb.Date
		}
		return ha.ID < hb.ID
	})
	for _, i := range ids {
		h := &d.Hearings[i]
		village := ""
		if vi, ok := d.VillageByID[h.VillageID]; ok {
			village = d.Villages[vi].Name
		}
		day := strings.ReplaceAll(h.Date, "-", "")
		desc := f.c.Label(f.c.T("outcome"), f.c.Enum(schema.Outcomes, h.Outcome))
		if h.Summary != "" {
			desc += "\n" + h.Summary
		}
		line("BEGIN:VEVENT")
		line("UID:" + icsText(h.ID) + "@gongshi." + icsText(feedTagName(d.Site.County)))
		line("DTSTAMP:" + stamp)
		line("DTSTART;VALUE=DATE:" + day)
		line("SUMMARY:" + icsText(village+" "+h.Topic))
		line("LOCATION:" + icsText(village))
		line("DESCRIPTION:" + icsText(desc))
		if u := f.absolute(route.File(route.Hearing(h.ID))); strings.HasPrefix(u, "http") {
			line("URL:" + u)
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return b.Bytes()
}

// icsText escapes a TEXT value: backslash, semicolon, comma and newlines.
// Other control characters, which RFC 5545 does not allow in TEXT, are
// dropped (the loader refuses them in data; this keeps the file valid
// whatever text reaches it).
func icsText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return strings.Map(func(c rune) rune {
		if c < 0x20 && c != '\t' || c == 0x7F {
			return -1
		}
		return c
	}, r.Replace(s))
}

// foldICS ends a content line with CRLF, folding it at 75 octets without
// splitting a UTF-8 character (RFC 5545 §3.1).
func foldICS(l string) string {
	var b strings.Builder
	n := 0
	for _, r := range l {
		size := len(string(r))
		if n+size > 75 {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteRune(r)
		n += size
	}
	b.WriteString("\r\n")
	return b.String()
}
