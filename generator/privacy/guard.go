package privacy

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"

	"gongshi/generator/problem"
)

// Guard scans the files a build writes for personal numbers. It is safe for
// concurrent use by the page writer's and the downloads' workers. A nil
// *Guard scans nothing.
type Guard struct {
	allow Allow
	index map[string]problem.Problem // number → where check found it in the source

	mu   sync.Mutex
	hits map[string]*hit // number → where it was published
}

// hit is a number found in the output.
type hit struct {
	kind  Kind
	first string // the first output file (in path order) holding it
	files int    // how many output files hold it
}

// NewGuard returns a guard that lets the allowed numbers through. found
// are the problems `check` reported: those with a privacy code are the index
// that names where in the source a published number came from.
func NewGuard(allow Allow, found []problem.Problem) *Guard {
	g := &Guard{allow: allow, index: map[string]problem.Problem{}, hits: map[string]*hit{}}
	for _, p := range found {
		if p.Code == CodeIDNumber || p.Code == CodeMobile {
			n := Normalise(p.Value) // as written in the source: "139 1234 5678"
			if _, ok := g.index[n]; !ok {
				g.index[n] = p
			}
		}
	}
	return g
}

// Scan scans one whole output file (path relative to the site root) and
// its path. A calendar is unfolded first (RFC 5545 folds lines at 75
// octets, which may cut a number in two); a zip archive (a workbook, an
// Office document) and a PDF are read as check reads the files of static/
// (File): member by member, decompressed.
func (g *Guard) Scan(path string, b []byte) {
	if g == nil {
		return
	}
	switch {
	case strings.HasSuffix(path, ".ics"): // unfolded as it is scanned
		s := g.Stream(path)
		s.Write(b)
		s.Close()
		return
	case isDocument(b):
		s := g.Stream(path) // one stream, so a number in two parts counts once
		var d docScan
		d.document("", path, b, 0)
		for _, f := range d.finds {
			s.found(f.m)
		}
		return
	}
	if !hasNumberRun(b) {
		if mayHold(path) {
			g.Stream(path).Close() // a stream scans its path as it opens
		}
		return // most pages: no run of digits as long as a personal number
	}
	s := g.Stream(path)
	s.Write(b)
	s.Close()
}

// isDocument reports whether b is a zip archive or a PDF, whose contents
// are not its bytes.
func isDocument(b []byte) bool {
	return bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte("PK\x05\x06")) || bytes.HasPrefix(b, []byte("%PDF-"))
}

// Stream returns a writer that scans a file written in pieces; Close it
// after the last piece. Stream of a nil Guard returns a nil *Stream, which
// scans nothing.
func (g *Guard) Stream(path string) *Stream {
	if g == nil {
		return nil
	}
	s := &Stream{g: g, path: path, ics: strings.HasSuffix(path, ".ics")}
	s.sc.found = s.found
	for _, m := range Find(path) { // a published name is published too
		s.found(m)
	}
	return s
}

// Stream scans one output file as it is written.
type Stream struct {
	g    *Guard
	path string
	sc   scanner
	seen map[string]bool // numbers already counted for this file
	// ics: the file is an iCalendar file, whose lines are folded at 75
	// octets (RFC 5545 §3.1), which may cut a number in two: a line break
	// followed by a space or tab is dropped before scanning. fold is how
	// much of a break the last piece ended in (1: CR, 2: CR LF).
	ics  bool
	fold int
}

// Write scans p; it never fails.
func (s *Stream) Write(p []byte) (int, error) {
	switch {
	case s == nil:
	case s.ics:
		s.unfold(p)
	default:
		s.sc.write(p)
	}
	return len(p), nil
}

// WriteString scans p as Write does, without copying it to bytes.
func (s *Stream) WriteString(p string) (int, error) {
	switch {
	case s == nil:
	case s.ics:
		s.unfold([]byte(p))
	default:
		write(&s.sc, p)
	}
	return len(p), nil
}

var crlf = []byte("\r\n")

// unfold scans p without the folds of an iCalendar file, whatever pieces
// the file comes in.
func (s *Stream) unfold(p []byte) {
	start := 0 // p[start:i] is text not yet scanned
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch s.fold {
		case 1: // after a CR
			if c == '\n' {
				s.fold = 2
				start = i + 1
				continue
			}
			s.sc.write(crlf[:1]) // a lone CR: kept
			s.fold, start = 0, i
		case 2: // after CR LF
			s.fold, start = 0, i
			if c == ' ' || c == '\t' { // a fold: the break and this go
				start = i + 1
				continue
			}
			s.sc.write(crlf)
		}
		if c == '\r' {
			s.sc.write(p[start:i])
			s.fold, start = 1, i+1
		}
	}
	if s.fold == 0 {
		s.sc.write(p[start:])
	}
}

// Close scans the end of the file.
func (s *Stream) Close() {
	if s == nil {
		return
	}
	if s.ics && s.fold > 0 {
		s.sc.write(crlf[:s.fold])
	}
	s.sc.close()
}

func (s *Stream) found(m Match) {
	if s.g.allow.Allowed(m.Number) || s.seen[m.Number] {
		return
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	s.seen[m.Number] = true
	g := s.g
	g.mu.Lock()
	defer g.mu.Unlock()
	h := g.hits[m.Number]
	if h == nil {
		h = &hit{kind: m.Kind, first: s.path}
		g.hits[m.Number] = h
	} else if s.path < h.first {
		h.first = s.path // files are written in parallel: keep the same one every run
	}
	h.files++
}

// Problems returns an error for every number found in the output, sorted:
// at the place check found it in the source when it did, else at the first
// output file that holds it.
func (g *Guard) Problems() *problem.List {
	probs := &problem.List{}
	if g == nil {
		return probs
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	numbers := make([]string, 0, len(g.hits))
	for n := range g.hits {
		numbers = append(numbers, n)
	}
	sort.Strings(numbers)
	for _, n := range numbers {
		h := g.hits[n]
		where, whereEn, in := h.first, h.first, " 中"
		switch {
		case h.files == 2:
			where, whereEn, in = h.first+" 等 2 个文件", h.first+" and 1 other file", "中"
		case h.files > 2:
			where, whereEn, in = fmt.Sprintf("%s 等 %d 个文件", h.first, h.files), fmt.Sprintf("%s and %d other files", h.first, h.files-1), "中"
		}
		p, ok := g.index[n]
		if !ok {
			p = numberProblem(Place{File: h.first}, 0, 0, Match{Number: n, Kind: h.kind})
			p.Zh = "生成的网站文件中含有" + kindZh(h.kind) + "，来源不明（可能在模板、界面文字或静态文件中）；已停止发布 — 见 " + where
			p.En = "a " + kindEn(h.kind) + " is in the built site, from no data cell or page (a layout, UI string or static file?): nothing was published — see " + whereEn
		} else {
			p.Zh += "；它会出现在 " + where + in + "，已停止发布"
			p.En += "; it would be published in " + whereEn + ": nothing was published"
		}
		probs.Add(p)
	}
	return probs
}

func kindZh(k Kind) string {
	if k == Mobile {
		return "手机号码"
	}
	return "居民身份证号码"
}

func kindEn(k Kind) string {
	if k == Mobile {
		return "mobile number"
	}
	return "resident ID number"
}
