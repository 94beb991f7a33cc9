package privacy

import (
	"bytes"
	"encoding/csv"
	"html"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"gongshi/generator/schema"
)

// Where in an output file a number the guard found is, so that a clerk
// told of a number no check found in the source can find it: a download's
// table, column and row, a JSON record's key, or the text a page shows
// before it. A stream keeps only what that needs: the bytes just before the
// piece being scanned, and for a CSV or JSON download its header and the
// record being written.

// tailLen is how much text before a number a page's context is taken from.
const tailLen = 512

// recordMax is the longest CSV header or record kept: a longer one gives
// no column.
const recordMax = 16 << 10

// context is what a stream keeps to say where a number is.
type context struct {
	kind    byte   // 'c' CSV download, 'j' JSON, 'x' a workbook's cell values, 't' other text
	tail    []byte // the last bytes written before the current piece
	cur     []byte // the piece being scanned
	curAt   int    // stream offset of cur[0]
	rec     []byte // CSV, JSON: the record being written, up to the current piece
	recLong bool   // rec was longer than recordMax
	head    []byte // CSV: the header record
	header  bool   // CSV: the header has been read
	quoted  bool   // CSV: the current piece starts inside a quoted field
}

func contextKind(p string) byte {
	switch {
	case strings.HasSuffix(p, ".csv"):
		return 'c'
	case strings.HasSuffix(p, ".json"):
		return 'j'
	case strings.HasSuffix(p, ".xlsx"):
		return 'x'
	}
	return 't'
}

// after records a scanned piece p.
func (c *context) after(p []byte) {
	if c.kind == 'c' || c.kind == 'j' {
		c.records(p)
	}
	if len(p) >= tailLen {
		c.tail = append(c.tail[:0], p[len(p)-tailLen:]...)
	} else {
		c.tail = append(c.tail, p...)
		if len(c.tail) > tailLen {
			c.tail = append(c.tail[:0], c.tail[len(c.tail)-tailLen:]...)
		}
	}
	c.curAt += len(p)
	c.cur = nil
}

// records follows the records of a download through p: a record ends at a
// line break outside quotes (a JSON download has one record a line, whose
// strings hold no line break).
func (c *context) records(p []byte) {
	start := 0
	for {
		i := bytes.IndexByte(p[start:], '\n')
		if i < 0 {
			break
		}
		nl := start + i
		if c.kind == 'c' && bytes.Count(p[start:nl], []byte{'"'})%2 == 1 {
			c.quoted = !c.quoted
		}
		start = nl + 1
		if c.quoted {
			continue // a line break inside a cell
		}
		c.endRecord(p[:nl])
		p, start = p[nl+1:], 0
	}
	if c.kind == 'c' && bytes.Count(p[start:], []byte{'"'})%2 == 1 {
		c.quoted = !c.quoted
	}
	c.keep(p)
}

// keep appends b to the record being written.
func (c *context) keep(b []byte) {
	if c.recLong || len(c.rec)+len(b) > recordMax {
		c.recLong, c.rec = true, c.rec[:0]
		return
	}
	c.rec = append(c.rec, b...)
}

// endRecord ends the record whose last part is b. Only the header is
// kept whole; a record is kept while it is written (keep), as a number
// found in it needs the record's start.
func (c *context) endRecord(b []byte) {
	if c.kind == 'c' && !c.header {
		c.keep(b)
		c.header = true
		if !c.recLong {
			c.head = append([]byte(nil), c.rec...)
		}
	}
	c.rec, c.recLong = c.rec[:0], false
}

// before returns the text of the stream just before offset off (in the
// current piece or the tail).
func (c *context) before(off int) []byte {
	i := off - c.curAt
	switch {
	case i > len(c.cur) || -i > len(c.tail):
		return nil
	case i < 0: // a number begun in an earlier piece
		return append([]byte(nil), c.tail[:len(c.tail)+i]...)
	}
	b := append(append([]byte(nil), c.tail...), c.cur[:i]...)
	return b[max(0, len(b)-tailLen):]
}

// record returns the record being written up to offset off, and whether
// it is whole from its start.
func (c *context) record(off int) ([]byte, bool) {
	i := off - c.curAt
	switch {
	case c.recLong || i > len(c.cur) || -i > len(c.rec):
		return nil, false
	case i < 0: // a number begun in an earlier piece
		return c.rec[:len(c.rec)+i], true
	}
	// The record's part in the current piece: from its last record break.
	part, quoted := c.cur[:i], c.quoted
	start := 0
	for k := 0; k < len(part); k++ {
		switch part[k] {
		case '"':
			quoted = c.kind == 'c' && !quoted
		case '\n':
			if !quoted {
				start = k + 1
			}
		}
	}
	if start > 0 {
		return part[start:], true
	}
	return append(append([]byte(nil), c.rec...), part...), true
}

// place describes where in the file p the number at offset off is, in
// Chinese and English, with its rank, the lower the better (0: a
// download's row and column, traced to the source's table and column; 1:
// a download's column or JSON key; 2: the text a page shows before it; 3:
// the text before it in another file; 4: nothing more than the file).
func (c *context) place(p string, off int) (zh, en string, rank int) {
	switch c.kind {
	case 'c':
		if zh, en, rank, ok := c.csvPlace(p, off); ok {
			return zh, en, rank
		}
	case 'j':
		if rec, ok := c.record(off); ok {
			if m := jsonKey.FindAllSubmatch(rec, -1); len(m) > 0 {
				key := string(m[len(m)-1][1])
				id := ""
				if im := jsonID.FindSubmatch(rec); im != nil {
					id = string(im[1])
				}
				zh, en = " 的 "+key, ", key "+key
				if id != "" {
					zh, en = " 中 id 为 "+id+" 的一项的 "+key, ", the record with id "+id+", key "+key
				}
				rank := 1
				if szh, sen, ok := source(p, ".json", key, id); ok {
					zh, en, rank = zh+szh, en+sen, 0
				}
				return zh, en, rank
			}
		}
	}
	if c.kind == 'x' {
		return "", "", 4 // the sheets' cells are given the guard without their columns
	}
	if t := textBefore(c.before(off)); t != "" {
		rank := 3
		if strings.HasSuffix(p, ".html") {
			rank = 2 // a page, which a clerk can open and search
		}
		return " 中“…" + t + "”之后", ", after the text «…" + t + "»", rank
	}
	return "", "", 4
}

var (
	jsonKey = regexp.MustCompile(`"([A-Za-z_][A-Za-z0-9_]*)"\s*:`)
	jsonID  = regexp.MustCompile(`^\s*\{\s*"id"\s*:\s*"([^"]*)"`)
)

// csvPlace names the column and row of a number in a CSV download, and
// the table and column of the source it comes from, when the download is
// one of a table's (data/villages.csv, data/zh/villages.csv,
// data/2025/pledges.csv).
func (c *context) csvPlace(p string, off int) (zh, en string, rank int, ok bool) {
	rec, whole := c.record(off)
	hb := c.headNow(off)
	if !whole || len(hb) == 0 {
		return "", "", 0, false
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(hb, []byte("\uFEFF"))))
	r.LazyQuotes = true
	head, err := r.Read()
	if err != nil {
		return "", "", 0, false
	}
	// The fields up to the number: the last one is the number's.
	if bytes.Count(rec, []byte{'"'})%2 == 1 {
		rec = append(rec, '"') // the number is inside a quoted cell
	}
	r = csv.NewReader(bytes.NewReader(rec))
	r.LazyQuotes, r.FieldsPerRecord = true, -1
	fields, err := r.Read()
	if err != nil || len(fields) == 0 || len(fields) > len(head) {
		return "", "", 0, false
	}
	col := strings.TrimSpace(head[len(fields)-1])
	id := ""
	if len(fields) > 1 {
		id = fields[0]
	}
	if len(Find(col+" "+head[0]+" "+id)) > 0 {
		return "", "", 0, false // no header of gongshi's: never a number in the message
	}
	zh, en = " 的 "+col+" 列", ", column "+col
	if id != "" {
		zh, en = " 中 "+strings.TrimSpace(head[0])+" 为 "+id+" 的一行的 "+col+" 列", ", the row of "+strings.TrimSpace(head[0])+" "+id+", column "+col
	}
	if szh, sen, ok := source(p, ".csv", col, id); ok {
		return zh + szh, en + sen, 0, true
	}
	return zh, en, 1, true
}

// source names the source of a download's column (by its key or Chinese
// header) and row: the table the download is named for, its column and
// the row's ID, as the clerk's workbook or CSV file has them.
func source(p, ext, col, id string) (zh, en string, ok bool) {
	t := schema.Get(strings.TrimSuffix(path.Base(p), ext))
	if t == nil {
		return "", "", false
	}
	f, ok := t.Lookup(col)
	if !ok {
		return "", "", false
	}
	zh = "，即数据中" + t.Sheet + "（" + t.Name + "）表"
	en = ", which comes from the column " + f.Key + " (" + f.Label + ") of the table " + t.Name + " (" + t.Sheet + ")"
	if id != "" {
		zh += "编号 " + id + " 一行"
		en += ", row " + id
	}
	return zh + "的“" + f.Label + "”（" + f.Key + "）列", en, true
}

// headNow returns the header record of a CSV download, when it has been
// written before offset off: kept, or in the current piece (a file scanned
// whole is one piece).
func (c *context) headNow(off int) []byte {
	if c.header {
		return c.head
	}
	i := off - c.curAt
	if c.recLong || i < 0 || i > len(c.cur) {
		return nil // (a header ends in an earlier piece: c.header is set)
	}
	quoted := c.quoted
	for k, b := range c.cur[:i] {
		switch {
		case b == '"':
			quoted = !quoted
		case b == '\n' && !quoted:
			return append(append([]byte(nil), c.rec...), c.cur[:k]...)
		}
	}
	return nil // the number is in the header
}

// textBefore returns the last words a reader sees before the end of b, a
// piece of a page: tags dropped, entities decoded, spaces joined, at most
// 24 characters.
func textBefore(b []byte) string {
	s := string(b)
	if strings.ContainsAny(s, "<>") {
		if gt, lt := strings.IndexByte(s, '>'), strings.IndexByte(s, '<'); gt >= 0 && (lt < 0 || gt < lt) {
			s = s[gt+1:] // the window begins inside a tag
		}
		var out strings.Builder
		in := false
		for _, r := range s {
			switch {
			case r == '<':
				in = true
				out.WriteByte(' ')
			case r == '>':
				in = false
			case !in:
				out.WriteRune(r)
			}
		}
		s = out.String()
		if j := strings.LastIndexByte(s, '<'); j >= 0 {
			s = s[:j]
		}
	}
	s = strings.Join(strings.Fields(html.UnescapeString(s)), " ")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	if rs := []rune(s); len(rs) > 24 {
		s = string(rs[len(rs)-24:])
	}
	return strings.TrimSpace(s)
}
