// Package langpart marks the Chinese parts of a page in another language.
//
// An English site still shows the county's own data in Chinese: names,
// villages, pledge titles, hearing topics. WCAG 2 success criterion 3.1.2
// (language of parts) asks that each such part say its language, so that
// a screen reader reads 王金 with a Chinese voice instead of spelling it
// out in English, and a browser picks Chinese glyphs for it. Mark wraps
// every run of Chinese text in a page's text content in
// <span lang="zh-CN">…</span>. It works on the finished page, so every
// layout, a site's own partials and its Markdown are covered alike, and a
// Chinese site pays nothing for it.
package langpart

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Lang is the language a run is marked with: the county's data is in
// Simplified Chinese, as the Chinese site's <html lang> says.
const Lang = "zh-CN"

const (
	open  = `<span lang="` + Lang + `">`
	close = `</span>`
)

// Mark appends page to dst with every run of Chinese text wrapped in a
// span, and returns the extended slice. A run starts and ends at a Chinese
// character or CJK punctuation and holds the spaces, digits and
// punctuation between them; a Latin letter ends it ("王金 and 李四" is two
// runs). Text is left as it is where a span cannot go or is not needed:
// in comments, <script>, <style>, <title>, <textarea>, <select>, <svg>,
// <math> and <template>, in attribute values, and inside an element that
// already says lang="zh…". Such an element is followed to its end tag:
// one whose end tag is left to be implied (<li lang="zh-CN">…<li>) keeps
// the rest of its parent unmarked. gongshi's pages close every element.
func Mark(dst, page []byte) []byte {
	i := 0
	for i < len(page) {
		lt := markup(page[i:])
		if lt < 0 {
			return markText(dst, page[i:])
		}
		dst = markText(dst, page[i:i+lt])
		i += lt
		end := tagEnd(page, i)
		t := page[i:end]
		dst = append(dst, t...)
		i = end
		name, isStart := tagName(t)
		if !isStart || bytes.HasSuffix(t, []byte("/>")) {
			continue
		}
		switch {
		case rawText[string(name)]: // a lookup by string(name) makes no string
			// The element's text runs to its end tag, whatever it holds.
			stop := indexFold(page[i:], "</"+string(name))
			if stop < 0 {
				return append(dst, page[i:]...)
			}
			dst = append(dst, page[i:i+stop]...)
			i += stop
		case skipped[string(name)] || !void[string(name)] && marked(t):
			stop := elementEnd(page, i, name)
			dst = append(dst, page[i:stop]...)
			i = stop
		}
	}
	return dst
}

// markup returns the index of the first '<' in s that starts markup (a
// tag, an end tag, a comment or doctype), or -1. Any other '<' is text.
func markup(s []byte) int {
	for k := 0; ; {
		lt := bytes.IndexByte(s[k:], '<')
		if lt < 0 {
			return -1
		}
		k += lt
		if k+1 < len(s) && (isASCIILetter(s[k+1]) || s[k+1] == '/' || s[k+1] == '!' || s[k+1] == '?') {
			return k
		}
		k++
	}
}

// rawText holds the elements whose content is text up to their end tag
// (no elements inside); a span there would show as text or break a script.
var rawText = map[string]bool{"script": true, "style": true, "title": true, "textarea": true}

// skipped holds the elements whose content a span must not enter: an
// <option> holds text only, SVG and MathML are not HTML, a <template> is
// not shown as it stands.
var skipped = map[string]bool{"select": true, "svg": true, "math": true, "template": true}

// void holds the elements that have no end tag.
var void = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// markText appends the text between two tags, its Chinese runs wrapped.
func markText(dst, text []byte) []byte {
	done, start, last := 0, -1, -1 // text[:done] is in dst; the run is text[start:last]
	wrap := func() {
		dst = append(append(append(append(dst, text[done:start]...), open...), text[start:last]...), close...)
		done, start = last, -1
	}
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		switch {
		case r == '&': // a character reference is punctuation as far as runs go
			if semi := bytes.IndexByte(text[i:], ';'); semi > 0 && semi <= 32 {
				n = semi + 1
			}
		case r >= utf8.RuneSelf:
			r, n = utf8.DecodeRune(text[i:])
		}
		switch {
		case chinese(r):
			if start < 0 {
				start = i
			}
			last = i + n
		case start >= 0 && (r < utf8.RuneSelf && isASCIILetter(byte(r)) || r >= utf8.RuneSelf && unicode.IsLetter(r)):
			wrap() // a Latin letter ends the run
		}
		i += n
	}
	if start >= 0 {
		wrap()
	}
	return append(dst, text[done:]...)
}

// chinese reports whether r is a Chinese character or CJK punctuation
// (ideographic comma and full stop, 《》「」【】, full-width forms).
func chinese(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	if r >= 0x4E00 && r <= 0x9FFF { // CJK Unified Ideographs: nearly every character of a page
		return true
	}
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// tagEnd returns the index just past the markup that starts at page[i]
// ('<'): a comment, a doctype or processing instruction, or a tag, whose
// quoted attribute values may hold '>'.
func tagEnd(page []byte, i int) int {
	rest := page[i:]
	if bytes.HasPrefix(rest, []byte("<!--")) {
		if e := bytes.Index(rest[4:], []byte("-->")); e >= 0 {
			return i + 4 + e + 3
		}
		return len(page)
	}
	for j := 1; ; {
		gt := bytes.IndexByte(rest[j:], '>')
		if gt < 0 {
			return len(page)
		}
		q := quoteIn(rest[j : j+gt])
		if q < 0 {
			return i + j + gt + 1
		}
		j += q // a quoted value, which may hold '>'
		e := bytes.IndexByte(rest[j+1:], rest[j])
		if e < 0 {
			return len(page)
		}
		j += 1 + e + 1
	}
}

// quoteIn returns the index of the first quote mark (" or ') in s, or -1.
func quoteIn(s []byte) int {
	d, a := bytes.IndexByte(s, '"'), bytes.IndexByte(s, '\'')
	if d < 0 || a >= 0 && a < d {
		return a
	}
	return d
}

// tagName returns a tag's element name in lower case and whether it is a
// start tag; comments, doctypes and end tags are not.
func tagName(t []byte) ([]byte, bool) {
	if len(t) < 2 || !isASCIILetter(t[1]) {
		return nil, false
	}
	j := 1
	lower := true
	for j < len(t) && (isASCIILetter(t[j]) || t[j] >= '0' && t[j] <= '9' || t[j] == '-') {
		lower = lower && !(t[j] >= 'A' && t[j] <= 'Z')
		j++
	}
	if !lower {
		return bytes.ToLower(t[1:j]), true
	}
	return t[1:j], true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// marked reports whether a start tag says lang="zh…" (or lang=zh…, or
// with single quotes): its content is marked Chinese already.
func marked(t []byte) bool {
	j := 1
	for j < len(t) && !isSpace(t[j]) && t[j] != '>' && t[j] != '/' { // the element's name
		j++
	}
	for j < len(t) {
		for j < len(t) && (isSpace(t[j]) || t[j] == '/') {
			j++
		}
		a := j
		for j < len(t) && !isSpace(t[j]) && t[j] != '=' && t[j] != '>' && t[j] != '/' {
			j++
		}
		name := t[a:j]
		for j < len(t) && isSpace(t[j]) {
			j++
		}
		if j >= len(t) || t[j] != '=' {
			if j < len(t) && t[j] == '>' {
				return false
			}
			continue // an attribute with no value
		}
		j++
		for j < len(t) && isSpace(t[j]) {
			j++
		}
		v := j
		if j < len(t) && (t[j] == '"' || t[j] == '\'') {
			e := bytes.IndexByte(t[j+1:], t[j])
			if e < 0 {
				return false
			}
			v, j = j+1, j+1+e+1
		} else {
			for j < len(t) && !isSpace(t[j]) && t[j] != '>' {
				j++
			}
		}
		if len(name) == 4 && bytes.EqualFold(name, []byte("lang")) {
			return len(t)-v >= 2 && t[v]|0x20 == 'z' && t[v+1]|0x20 == 'h'
		}
		if a == j { // nothing read: a stray byte
			j++
		}
	}
	return false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// elementEnd returns the index just past the end tag that closes the
// element called name whose start tag ended just before page[i], counting
// elements of the same name inside it; the page's end if it never closes.
func elementEnd(page []byte, i int, name []byte) int {
	depth := 1
	for i < len(page) {
		lt := markup(page[i:])
		if lt < 0 {
			return len(page)
		}
		i += lt
		end := tagEnd(page, i)
		t := page[i:end]
		i = end
		if len(t) > 2 && t[1] == '/' {
			if n, _ := tagName(t[1:]); bytes.Equal(n, name) { // "/name>": tagName reads the name after the first byte
				if depth--; depth == 0 {
					return i
				}
			}
			continue
		}
		if n, start := tagName(t); start && bytes.Equal(n, name) && !bytes.HasSuffix(t, []byte("/>")) {
			depth++
		}
	}
	return len(page)
}

// indexFold is bytes.Index for a lower-case ASCII needle, ignoring ASCII
// case in s.
func indexFold(s []byte, needle string) int {
	n := len(needle)
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for j < n && s[i+j]|0x20 == needle[j]|0x20 {
			j++
		}
		if j == n {
			return i
		}
	}
	return -1
}
