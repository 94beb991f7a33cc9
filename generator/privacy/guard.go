package privacy

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unsafe"

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
	// at is the file that says best where the number is (the lowest
	// rank, then the first in path order), and atZh, atEn say where in it.
	at         string
	atZh, atEn string
	rank       int
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
	s.ctx.kind = contextKind(path)
	s.sc.found = s.found
	s.naming = true
	for _, m := range Find(path) { // a published name is published too
		s.found(m)
	}
	s.naming = false
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
	// ctx keeps what says where in the file a number is (context.go);
	// naming is set while the file's path is scanned.
	ctx    context
	naming bool
}

// Write scans p; it never fails.
func (s *Stream) Write(p []byte) (int, error) {
	switch {
	case s == nil:
	case s.ics:
		s.unfold(p)
	default:
		s.ctx.cur = p
		s.sc.write(p)
		s.ctx.after(p)
	}
	return len(p), nil
}

// WriteString scans p as Write does, without copying it to bytes.
func (s *Stream) WriteString(p string) (int, error) {
	switch {
	case s == nil:
	case s.ics:
		s.unfold([]byte(p))
	case len(p) > 0:
		b := unsafe.Slice(unsafe.StringData(p), len(p)) // only read, while p is
		s.ctx.cur = b
		write(&s.sc, p)
		s.ctx.after(b)
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
	zh, en, rank := s.place(m)
	g.mu.Lock()
	defer g.mu.Unlock()
	h := g.hits[m.Number]
	if h == nil {
		h = &hit{kind: m.Kind, first: s.path, rank: 5}
		g.hits[m.Number] = h
	} else if s.path < h.first {
		h.first = s.path // files are written in parallel: keep the same one every run
	}
	if rank < h.rank || rank == h.rank && s.path < h.at {
		h.at, h.atZh, h.atEn, h.rank = s.path, zh, en, rank
	}
	h.files++
}

// place says where in the file the number m is (see context.place).
func (s *Stream) place(m Match) (zh, en string, rank int) {
	if s.naming {
		return " 的文件名", "'s name", 1
	}
	if _, ok := s.g.index[m.Number]; ok {
		return "", "", 4 // its source is known
	}
	return s.ctx.place(s.path, m.Offset)
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
			p = g.unknown(n, h)
		} else {
			p.Zh += "；它会出现在 " + where + in + "，已停止发布"
			p.En += "; it would be published in " + whereEn + ": nothing was published"
		}
		probs.Add(p)
	}
	return probs
}

// unknown is the problem of a number found in the output that no check
// found in the source: where it is, in the file that says it best (a
// download's row and column, traced to the source's table and column, a
// JSON key, the text a page shows before it), that the build stopped, and
// where to look.
func (g *Guard) unknown(n string, h *hit) problem.Problem {
	at := h.at
	if at == "" {
		at = h.first
	}
	p := numberProblem(Place{File: at}, 0, 0, Match{Number: n, Kind: h.kind})
	count, countEn := "", ""
	if h.files > 1 {
		count, countEn = fmt.Sprintf("（共 %d 个文件含有它）", h.files), fmt.Sprintf(" (%d files hold it)", h.files)
	}
	look := "请在 data/ 的表格中查找这串数字（可能写成带空格、逗号或小数点的数，或由相邻的单元格拼成），以及 content/、layouts/、i18n/ 和 static/ 中的文件"
	lookEn := "look for these digits in the tables of data/ (perhaps written with spaces, commas or a decimal point, or made of neighbouring cells) and in the files of content/, layouts/, i18n/ and static/"
	if h.rank == 0 {
		look, lookEn = "请查看数据中的这个单元格：它写成的数发布出来就是这串数字", "look at that cell: the number written in it is published as these digits"
	}
	found, foundEn := "，但检查时没有在任何单元格或页面中发现它（来源不明）", " but in no data cell or page the check read (source unknown)"
	if h.rank == 0 {
		found, foundEn = "，但检查数据时没有发现它", " that the check did not find in the data"
	}
	p.Zh = "生成的网站文件中有" + kindZh(h.kind) + found + "：在 " + at + h.atZh + count +
		"。为保护个人信息，已停止生成，没有发布任何文件，原有网站未改动。" + look
	p.En = "a " + kindEn(h.kind) + " is in the built site" + foundEn + ": in " + at + h.atEn + countEn +
		". The build was stopped so that nothing was published; the previous site is untouched. " + strings.ToUpper(lookEn[:1]) + lookEn[1:]
	return p
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
