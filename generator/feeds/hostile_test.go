package feeds

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileText holds what a careless paste or an attacker could put into a
// cell if the loader let it through: every C0 control, DEL, noncharacters,
// a lone invalid byte, XML and iCalendar syntax, bare CR and LF.
var hostileText = func() string {
	var b strings.Builder
	for c := 0; c < 0x20; c++ {
		b.WriteRune(rune(c))
	}
	b.WriteString("\x7f\uFFFE\uFFFF\xff]]><x>&amp;\"'\r单独回车\r\n换行\n;逗号,反斜杠\\:冒号")
	b.WriteString(strings.Repeat("很长的摘要", 40))
	return b.String()
}()

func hostileFeedSite(t *testing.T) *feeds {
	s := fixture(t, "https://x.gov.cn/", "zh-CN")
	d := s.d
	d.Site.Title += hostileText
	d.Site.County += "\x01\x1b"
	d.Villages[0].Name += hostileText
	d.Pledges[0].Title = hostileText
	d.PledgeUpdates[0].Note = hostileText
	d.Hearings[0].Topic = hostileText
	d.Hearings[0].Summary = hostileText
	return s
}

// TestFeedHostileText: feed.xml stays well-formed XML 1.0 whatever the text:
// encoding/xml reads every token of it, and the text it reads back holds no
// character XML forbids.
func TestFeedHostileText(t *testing.T) {
	f := hostileFeedSite(t)
	for _, feed := range [][]byte{f.countyFeed(), f.villageFeed(0)} {
		checkHostileFeed(t, feed)
	}
}

func checkHostileFeed(t *testing.T, feed []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(feed))
	var texts []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("feed.xml is not well-formed: %v\n%q", err, feed)
		}
		if cd, ok := tok.(xml.CharData); ok {
			texts = append(texts, string(cd))
		}
	}
	all := strings.Join(texts, "")
	for _, r := range all {
		if !xmlChar(r) {
			t.Errorf("feed text holds %U", r)
		}
	}
	if !strings.Contains(all, "]]><x>&amp;\"'") {
		t.Errorf("markup in the text was not kept as text")
	}
}

// TestCalendarHostileText: calendar.ics stays valid RFC 5545 whatever the
// text: CRLF-terminated lines of at most 75 octets folded between
// characters, no control character but the fold's, and every TEXT value
// with ; , \ and line breaks escaped (checked by unfolding and splitting
// each property as a calendar reader would).
func TestCalendarHostileText(t *testing.T) {
	f := hostileFeedSite(t)
	for _, ics := range []string{string(f.countyCalendar()), string(f.villageCalendar(0))} {
		checkHostileCalendar(t, ics)
	}
}

func checkHostileCalendar(t *testing.T, ics string) {
	t.Helper()
	if !strings.HasSuffix(ics, "\r\n") {
		t.Fatal("the last line does not end in CRLF")
	}
	for i, l := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets", i+1, len(l))
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d is not UTF-8 or splits a character: %q", i+1, l)
		}
		for _, r := range l {
			if r < 0x20 && r != '\t' || r == 0x7f {
				t.Errorf("line %d holds control character %U: %q", i+1, r, l)
			}
		}
	}
	unfolded := strings.ReplaceAll(ics, "\r\n ", "")
	text := map[string]bool{"SUMMARY": true, "LOCATION": true, "DESCRIPTION": true, "X-WR-CALNAME": true}
	for _, l := range strings.Split(strings.TrimSuffix(unfolded, "\r\n"), "\r\n") {
		name, value, ok := strings.Cut(l, ":")
		if !ok || name == "" || strings.ContainsAny(name, " \"") {
			t.Errorf("not a content line: %q", l)
			continue
		}
		if !text[name] {
			continue
		}
		// Every backslash starts an escape (\\ \; \, \n); no bare ; or ,.
		for i := 0; i < len(value); i++ {
			switch value[i] {
			case '\\':
				if i+1 == len(value) || !strings.ContainsRune(`\;,nN`, rune(value[i+1])) {
					t.Errorf("%s: bad escape at %d: %q", name, i, value)
				}
				i++
			case ';', ',':
				t.Errorf("%s: unescaped %q at %d: %q", name, value[i], i, value)
			}
		}
	}
	if !strings.Contains(unfolded, `\;逗号\,反斜杠\\:冒号`) {
		t.Errorf("punctuation was not kept, escaped")
	}
}

// xmlChar reports whether XML 1.0 allows the character.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
