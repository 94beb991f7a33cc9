// Package icscheck parses an iCalendar file strictly by RFC 5545, for tests:
// the calendars gongshi writes must open in any calendar program, and most
// are forgiving enough to hide a defect that a stricter one would refuse.
// It checks the lines (CRLF only, at most 75 octets, folded between
// characters), the content lines (name, parameters, value), the nesting of
// components, the properties each component requires, the form of dates and
// of TEXT values (escaping), and returns the calendar with TEXT unescaped.
package icscheck

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Calendar is a parsed VCALENDAR: its own properties and its events.
type Calendar struct {
	Props  []Prop
	Events []Component
}

// Component is one component (VEVENT …) and its properties.
type Component struct {
	Name  string
	Props []Prop
}

// Prop is one property: its name (upper case), parameters, the value as
// written and, for TEXT properties, the value unescaped.
type Prop struct {
	Name   string
	Params map[string]string
	Value  string
	Text   string
}

// Get returns the first property of a name ("" if none) as text (TEXT
// values unescaped).
func (c Component) Get(name string) string {
	for _, p := range c.Props {
		if p.Name == name {
			return p.Text
		}
	}
	return ""
}

// Count returns how many properties of a name the component has.
func (c Component) Count(name string) int {
	n := 0
	for _, p := range c.Props {
		if p.Name == name {
			n++
		}
	}
	return n
}

// Get returns the first calendar property of a name.
func (c Calendar) Get(name string) string { return Component{Props: c.Props}.Get(name) }

// textProps are the properties whose value type is TEXT (RFC 5545 §3.8;
// X-WR-CALNAME as calendar programs read it). PRODID and UID are TEXT too.
var textProps = map[string]bool{
	"SUMMARY": true, "DESCRIPTION": true, "LOCATION": true, "COMMENT": true, "PRODID": true,
	"UID": true, "X-WR-CALNAME": true, "X-WR-CALDESC": true,
}

var (
	reName     = regexp.MustCompile(`^[A-Za-z0-9-]+$`)
	reDate     = regexp.MustCompile(`^\d{8}$`)
	reDateTime = regexp.MustCompile(`^\d{8}T\d{6}Z?$`)
	reUTC      = regexp.MustCompile(`^\d{8}T\d{6}Z$`)
)

// Parse checks a calendar file and returns it with every problem found, one
// phrase each with the line it is on; no problems means the file is valid
// as far as this package checks.
func Parse(b []byte) (Calendar, []string) {
	var probs []string
	bad := func(line int, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("line %d: ", line)+fmt.Sprintf(format, args...))
	}
	if len(b) == 0 || !bytes.HasSuffix(b, []byte("\r\n")) {
		bad(0, "the file does not end with CRLF")
	}
	// Physical lines, each ended by CRLF.
	phys := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	type logical struct {
		text string
		line int
	}
	var lines []logical
	for i, l := range phys {
		n := i + 1
		if strings.ContainsAny(l, "\r\n") {
			bad(n, "a bare CR or LF inside a line")
		}
		if len(l) > 75 {
			bad(n, "%d octets, more than 75", len(l))
		}
		if !utf8.ValidString(l) {
			bad(n, "not valid UTF-8 (a character split by folding?)")
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(lines) == 0 {
				bad(n, "a continuation line first")
				continue
			}
			lines[len(lines)-1].text += l[1:]
			continue
		}
		if l == "" {
			bad(n, "an empty line")
			continue
		}
		lines = append(lines, logical{l, n})
	}
	var cal Calendar
	var stack []string
	var cur *Component
	for _, l := range lines {
		p, err := parseLine(l.text)
		if err != nil {
			bad(l.line, "%v: %q", err, l.text)
			continue
		}
		for _, r := range p.Value {
			if r < 0x20 && r != '\t' || r == 0x7f {
				bad(l.line, "%s holds control character %U", p.Name, r)
			}
		}
		switch p.Name {
		case "BEGIN":
			v := strings.ToUpper(p.Value)
			switch {
			case len(stack) == 0 && v != "VCALENDAR":
				bad(l.line, "the file must begin with BEGIN:VCALENDAR, not %s", v)
			case len(stack) == 0 && cal.Props != nil:
				bad(l.line, "a second VCALENDAR")
			case len(stack) == 1:
				cal.Events = append(cal.Events, Component{Name: v})
				cur = &cal.Events[len(cal.Events)-1]
			}
			stack = append(stack, v)
			if v == "VCALENDAR" && cal.Props == nil {
				cal.Props = []Prop{}
			}
			continue
		case "END":
			v := strings.ToUpper(p.Value)
			if len(stack) == 0 || stack[len(stack)-1] != v {
				bad(l.line, "END:%s does not close the open component %v", v, stack)
				continue
			}
			stack = stack[:len(stack)-1]
			if len(stack) <= 1 {
				cur = nil
			}
			continue
		}
		if textProps[p.Name] {
			t, err := unescapeText(p.Value, p.Name != "COMMENT")
			if err != nil {
				bad(l.line, "%s: %v", p.Name, err)
			}
			p.Text = t
		} else {
			p.Text = p.Value
		}
		switch {
		case len(stack) == 0:
			bad(l.line, "%s outside VCALENDAR", p.Name)
		case cur != nil:
			cur.Props = append(cur.Props, p)
		default:
			cal.Props = append(cal.Props, p)
		}
	}
	if len(stack) > 0 {
		bad(len(phys), "components left open: %v", stack)
	}
	if cal.Props == nil {
		bad(0, "no VCALENDAR")
		return cal, probs
	}
	calComp := Component{Name: "VCALENDAR", Props: cal.Props}
	for _, req := range []string{"VERSION", "PRODID"} {
		if n := calComp.Count(req); n != 1 {
			bad(0, "VCALENDAR has %d %s, want exactly 1", n, req)
		}
	}
	if v := calComp.Get("VERSION"); v != "2.0" {
		bad(0, "VERSION %q, want 2.0", v)
	}
	if len(cal.Events) == 0 {
		bad(0, "VCALENDAR has no component; RFC 5545 §3.6 asks for at least one")
	}
	for i, e := range cal.Events {
		if e.Name != "VEVENT" {
			continue
		}
		where := fmt.Sprintf("VEVENT %d (%s)", i+1, e.Get("UID"))
		// DTSTART is required when the calendar has no METHOD (§3.6.1).
		for _, req := range []string{"UID", "DTSTAMP", "DTSTART"} {
			if n := e.Count(req); n != 1 {
				bad(0, "%s has %d %s, want exactly 1", where, n, req)
			}
		}
		for _, p := range e.Props {
			switch p.Name {
			case "DTSTAMP":
				if !reUTC.MatchString(p.Value) || !validDate(p.Value[:8]) {
					bad(0, "%s: DTSTAMP %q is not a UTC date-time", where, p.Value)
				}
			case "DTSTART", "DTEND":
				if p.Params["VALUE"] == "DATE" {
					if !reDate.MatchString(p.Value) || !validDate(p.Value) {
						bad(0, "%s: %s %q is not a DATE", where, p.Name, p.Value)
					}
				} else if !reDateTime.MatchString(p.Value) || !validDate(p.Value[:8]) {
					bad(0, "%s: %s %q is not a DATE-TIME", where, p.Name, p.Value)
				}
			case "STATUS":
				if s := p.Value; s != "TENTATIVE" && s != "CONFIRMED" && s != "CANCELLED" {
					bad(0, "%s: STATUS %q is not one an event may have", where, s)
				}
			case "URL":
				if !strings.HasPrefix(p.Value, "http://") && !strings.HasPrefix(p.Value, "https://") {
					bad(0, "%s: URL %q is not an absolute http(s) URI", where, p.Value)
				}
			}
		}
	}
	return cal, probs
}

// parseLine splits a content line into name, parameters and value
// (RFC 5545 §3.1): name *(";" param) ":" value, parameter values quoted
// when they hold ":", ";" or ",".
func parseLine(l string) (Prop, error) {
	p := Prop{Params: map[string]string{}}
	i := strings.IndexAny(l, ";:")
	if i <= 0 {
		return p, fmt.Errorf("no property name and colon")
	}
	p.Name = strings.ToUpper(l[:i])
	if !reName.MatchString(p.Name) {
		return p, fmt.Errorf("bad property name %q", p.Name)
	}
	rest := l[i:]
	for strings.HasPrefix(rest, ";") {
		rest = rest[1:]
		eq := strings.IndexByte(rest, '=')
		if eq <= 0 || !reName.MatchString(rest[:eq]) {
			return p, fmt.Errorf("bad parameter")
		}
		name := strings.ToUpper(rest[:eq])
		rest = rest[eq+1:]
		var val string
		if strings.HasPrefix(rest, `"`) {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return p, fmt.Errorf("unclosed quoted parameter value")
			}
			val, rest = rest[1:1+end], rest[2+end:]
		} else {
			end := strings.IndexAny(rest, ";:")
			if end < 0 {
				return p, fmt.Errorf("parameter without value end")
			}
			val, rest = rest[:end], rest[end:]
			if strings.ContainsAny(val, `,"`) {
				return p, fmt.Errorf("unquoted parameter value %q", val)
			}
		}
		p.Params[name] = val
	}
	if !strings.HasPrefix(rest, ":") {
		return p, fmt.Errorf("no colon before the value")
	}
	p.Value = rest[1:]
	return p, nil
}

// unescapeText returns a TEXT value unescaped (§3.3.11): a backslash escapes
// a backslash, semicolon, comma or a line break (n or N), nothing else. A
// single-valued property may hold no unescaped comma or semicolon.
func unescapeText(v string, single bool) (string, error) {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\':
			if i+1 == len(v) {
				return b.String(), fmt.Errorf("a lone backslash at the end")
			}
			i++
			switch v[i] {
			case '\\', ';', ',':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return b.String(), fmt.Errorf("unknown escape \\%c", v[i])
			}
		case single && (c == ',' || c == ';'):
			return b.String(), fmt.Errorf("unescaped %q in %q", c, v)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func validDate(s string) bool {
	_, err := time.Parse("20060102", s)
	return err == nil
}
