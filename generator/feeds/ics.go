package feeds

import (
	"bufio"
	"bytes"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// countyCalendar returns hearings/calendar.ics: every hearing of the county.
func (f *feeds) countyCalendar() []byte {
	var b bytes.Buffer
	f.writeCountyCalendar(&b)
	return b.Bytes()
}

// writeCountyCalendar writes hearings/calendar.ics to out (a province's is
// a hundred megabytes: it is streamed, not held).
func (f *feeds) writeCountyCalendar(out io.Writer) error {
	all := make([]int32, len(f.d.Hearings))
	for i := range all {
		all[i] = int32(i)
	}
	b := bufio.NewWriterSize(out, 64<<10)
	f.writeCalendar(b, f.d.Site.Title+" "+f.c.T("hearings"), all)
	return b.Flush()
}

// villageCalendar returns villages/<id>/calendar.ics: one village's hearings.
func (f *feeds) villageCalendar(vi int) []byte {
	v := &f.d.Villages[vi]
	return f.calendar(v.Name+" "+f.c.T("hearings"), f.d.HearingsOf.Of(v.ID))
}

// calendar returns an RFC 5545 calendar of the given hearings, each an
// all-day event, by date then ID. A hearing announced (待召开) is an event
// like any other, marked CONFIRMED while it is ahead, and described as
// announced, never with an outcome. DTSTAMP is as_of, not the clock. UIDs
// are UUIDs of the county's identity (see identity), the same in the
// county's calendar and the village's.
func (f *feeds) calendar(name string, hearings []int32) []byte {
	var b bytes.Buffer
	b.Grow(512 + 300*len(hearings)) // about a calendar's size
	f.writeCalendar(&b, name, hearings)
	return b.Bytes()
}

// writeCalendar writes the calendar of the given hearings to b (a buffer:
// a streamed file's errors are the buffer's, seen when it is flushed).
func (f *feeds) writeCalendar(b io.StringWriter, name string, hearings []int32) {
	d := f.d
	line := func(l string) { b.WriteString(foldICS(l)) }
	lang := "ZH"
	if f.c.English() {
		lang = "EN"
	}
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//gongshi//" + icsText(d.Site.County) + "//" + lang)
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:" + icsText(name))
	stamp := strings.ReplaceAll(d.Site.AsOf, "-", "") + "T000000Z"
	ids := slices.Clone(hearings)
	sort.SliceStable(ids, func(a, b int) bool {
		ha, hb := &d.Hearings[ids[a]], &d.Hearings[ids[b]]
		if ha.Date != hb.Date {
			return ha.Date < hb.Date
		}
		return ha.ID < hb.ID
	})
	events := 0
	for _, i := range ids {
		h := &d.Hearings[i]
		if h.Date == "" {
			continue
		}
		events++
		village := f.villageName(h.VillageID)
		var desc string
		if h.Outcome == schema.OutcomeScheduled {
			desc = f.scheduledNote(h)
		} else {
			desc = f.c.Label(f.c.T("outcome"), f.c.Enum(schema.Outcomes, h.Outcome))
		}
		if h.Summary != "" {
			desc += "\n" + h.Summary
		}
		line("BEGIN:VEVENT")
		line("UID:" + f.id.uuid("hearing/"+h.ID))
		line("DTSTAMP:" + stamp)
		line("DTSTART;VALUE=DATE:" + strings.ReplaceAll(h.Date, "-", ""))
		line("SUMMARY:" + icsText(village+" "+h.Topic))
		line("LOCATION:" + icsText(f.address(h.VillageID)))
		line("DESCRIPTION:" + icsText(desc))
		if h.Upcoming(d.Site.AsOf) {
			line("STATUS:CONFIRMED")
		}
		if f.absoluteBase() {
			line("URL:" + f.link("", route.Hearing(h.ID)))
		}
		line("END:VEVENT")
	}
	if events == 0 {
		// RFC 5545 §3.6: a calendar holds at least one component. A
		// village with no hearing yet keeps its calendar (DESIGN lists
		// villages/<id>/calendar.ics, and a phone may already subscribe
		// to it): it declares the time zone of China instead, which no
		// calendar shows, rather than a made-up event, which every
		// calendar would. A calendar with events is written as before.
		for _, l := range chinaTimeZone {
			line(l)
		}
	}
	line("END:VCALENDAR")
}

// chinaTimeZone is a VTIMEZONE of China Standard Time (UTC+8 all year, no
// daylight saving since 1991): the component of a calendar with no event.
var chinaTimeZone = []string{
	"BEGIN:VTIMEZONE",
	"TZID:Asia/Shanghai",
	"BEGIN:STANDARD",
	"DTSTART:19700101T000000",
	"TZOFFSETFROM:+0800",
	"TZOFFSETTO:+0800",
	"END:STANDARD",
	"END:VTIMEZONE",
}

var icsEscapes = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// icsText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon,
// comma and line breaks. Control characters, which TEXT may not hold, are
// dropped.
func icsText(s string) string {
	s = icsEscapes.Replace(s)
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// foldICS ends a content line with CRLF, folding it at 75 octets without
// splitting a UTF-8 character (RFC 5545 §3.1).
func foldICS(l string) string {
	if len(l) <= 75 && utf8.ValidString(l) {
		return l + "\r\n" // most lines: nothing to fold
	}
	var b strings.Builder
	b.Grow(len(l) + len(l)/32 + 2)
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
