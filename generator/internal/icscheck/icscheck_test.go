package icscheck

import (
	"strings"
	"testing"
)

// cal joins lines with CRLF, as a calendar file.
func cal(lines ...string) []byte { return []byte(strings.Join(lines, "\r\n") + "\r\n") }

var (
	head  = []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//ZH"}
	event = []string{"BEGIN:VEVENT", "UID:u1", "DTSTAMP:20251231T000000Z", "DTSTART;VALUE=DATE:20250412", "SUMMARY:上村 听证", "END:VEVENT"}
	tail  = []string{"END:VCALENDAR"}
)

func with(parts ...[]string) []byte {
	var all []string
	for _, p := range parts {
		all = append(all, p...)
	}
	return cal(all...)
}

func TestValidCalendar(t *testing.T) {
	long := "DESCRIPTION:" + strings.Repeat("听证", 30) // folded below, between characters
	var folded []string
	line, n := "", 0
	for _, r := range long {
		if n+len(string(r)) > 75 {
			folded = append(folded, line)
			line, n = " ", 1
		}
		line += string(r)
		n += len(string(r))
	}
	folded = append(folded, line)
	ev := append(append([]string{}, event[:len(event)-1]...), folded...)
	ev = append(ev, `LOCATION:上村\, 东乡\; 一组\\二组\n`, "END:VEVENT")
	c, probs := Parse(with(head, ev, tail))
	for _, p := range probs {
		t.Error(p)
	}
	if len(c.Events) != 1 {
		t.Fatalf("%d events, want 1", len(c.Events))
	}
	e := c.Events[0]
	if got := e.Get("DESCRIPTION"); got != strings.Repeat("听证", 30) {
		t.Errorf("unfolded description %q", got)
	}
	if got := e.Get("LOCATION"); got != "上村, 东乡; 一组\\二组\n" {
		t.Errorf("unescaped location %q", got)
	}
	if c.Get("VERSION") != "2.0" {
		t.Errorf("version %q", c.Get("VERSION"))
	}
}

// TestDefectsFound: each defect a calendar program might refuse is reported.
func TestDefectsFound(t *testing.T) {
	replace := func(lines []string, from, to string) []string {
		out := append([]string{}, lines...)
		for i, l := range out {
			if strings.HasPrefix(l, from) {
				out[i] = to
			}
		}
		return out
	}
	drop := func(lines []string, prefix string) []string {
		var out []string
		for _, l := range lines {
			if !strings.HasPrefix(l, prefix) {
				out = append(out, l)
			}
		}
		return out
	}
	for _, c := range []struct {
		name string
		file []byte
		want string
	}{
		{"LF line ends", []byte(strings.ReplaceAll(string(with(head, event, tail)), "\r\n", "\n")), "bare CR or LF"},
		{"no final CRLF", []byte(strings.TrimSuffix(string(with(head, event, tail)), "\r\n")), "does not end with CRLF"},
		{"line too long", with(head, replace(event, "SUMMARY", "SUMMARY:"+strings.Repeat("a", 80)), tail), "more than 75"},
		{"character split by folding", with(head, replace(event, "SUMMARY", "SUMMARY:听\xe8"), []string{" \xaf\xe8\xaf\x81"}, tail), "not valid UTF-8"},
		{"unescaped comma", with(head, replace(event, "SUMMARY", "SUMMARY:a, b"), tail), `unescaped ','`},
		{"unescaped semicolon", with(head, replace(event, "SUMMARY", "SUMMARY:a; b"), tail), `unescaped ';'`},
		{"bad escape", with(head, replace(event, "SUMMARY", `SUMMARY:a\x`), tail), `unknown escape`},
		{"no UID", with(head, drop(event, "UID"), tail), "0 UID"},
		{"no DTSTAMP", with(head, drop(event, "DTSTAMP"), tail), "0 DTSTAMP"},
		{"no DTSTART", with(head, drop(event, "DTSTART"), tail), "0 DTSTART"},
		{"no PRODID", with(drop(head, "PRODID"), event, tail), "0 PRODID"},
		{"DTSTAMP not UTC", with(head, replace(event, "DTSTAMP", "DTSTAMP:20251231T000000"), tail), "not a UTC date-time"},
		{"DATE not a date", with(head, replace(event, "DTSTART", "DTSTART;VALUE=DATE:20251331"), tail), "not a DATE"},
		{"unclosed event", with(head, drop(event, "END:VEVENT"), tail), "does not close"},
		{"bad status", with(head, event[:5], []string{"STATUS:HELD", "END:VEVENT"}, tail), "STATUS"},
		{"relative URL", with(head, event[:5], []string{"URL:hearings/H1/", "END:VEVENT"}, tail), "not an absolute"},
		{"control character", with(head, replace(event, "SUMMARY", "SUMMARY:a\x01b"), tail), "control character"},
		{"no component", with(head, tail), "no component"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, probs := Parse(c.file)
			for _, p := range probs {
				if strings.Contains(p, c.want) {
					return
				}
			}
			t.Errorf("no problem mentions %q; got %q", c.want, probs)
		})
	}
}
