package privacy

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"strconv"
	"unicode/utf16"
)

// pdf scans a PDF: its own bytes (uncompressed streams, the document
// information), and every FlateDecode stream decompressed, by the text of
// its strings ((138 1234 5678) Tj, [(1381)-20(2345678)] TJ) and by its
// bytes. Text a PDF keeps as glyph codes of an embedded font (Type0
// fonts, Identity-H: most Chinese PDFs), images, encrypted files and streams
// in other encodings cannot be read without a full PDF reader: the file is
// then noted as not checked completely, and what could be read still is.
func (d *docScan) pdf(member string, b []byte) {
	d.raw(member, b)
	if bytes.Contains(b, []byte("/Encrypt")) {
		d.not(uncheckedPDFEnc)
		return
	}
	for _, cid := range []string{"/Type0", "/Identity-H", "/Identity-V"} {
		if bytes.Contains(b, []byte(cid)) {
			d.not(uncheckedPDFFont)
			break
		}
	}
	for at := 0; ; {
		i := bytes.Index(b[at:], []byte("stream"))
		if i < 0 {
			return
		}
		i += at
		at = i + len("stream")
		start, ok := streamStart(b, i)
		if !ok {
			continue
		}
		dict := streamDict(b, i)
		image := bytes.Contains(dict, []byte("/Image"))
		if image {
			d.not(uncheckedImage)
		}
		font := bytes.Contains(dict, []byte("/Length1")) || bytes.Contains(dict, []byte("/Length2")) || bytes.Contains(dict, []byte("/FontFile")) || bytes.Contains(dict, []byte("/Type1C")) || bytes.Contains(dict, []byte("/CIDFontType0C")) || bytes.Contains(dict, []byte("/OpenType"))
		if !bytes.Contains(dict, []byte("/Filter")) || image || font {
			continue // uncompressed (scanned with the file), a picture or a font program
		}
		if bytes.Contains(dict, []byte("/XRef")) {
			continue // the table of objects' offsets: binary numbers
		}
		filters := bytes.Count(dict, []byte("Decode")) - bytes.Count(dict, []byte("DecodeParms"))
		if !bytes.Contains(dict, []byte("/FlateDecode")) || filters > 1 {
			d.not(uncheckedPDFData) // LZW, ASCII85, chains of filters
			continue
		}
		left := min(maxMember, maxUnpacked-d.unpacked)
		if left <= 0 {
			d.not(uncheckedLarge)
			return
		}
		zr, err := zlib.NewReader(bytes.NewReader(b[start:]))
		if err != nil {
			d.not(uncheckedPDFData)
			continue
		}
		body, err := io.ReadAll(io.LimitReader(zr, int64(left)+1))
		if len(body) > left {
			body = body[:left]
			d.not(uncheckedLarge)
		} else if err != nil && !errors.Is(err, zlib.ErrChecksum) {
			d.not(uncheckedPDFData)
		}
		d.unpacked += len(body)
		d.raw(member, body)
		d.text(member, pdfText(body), false)
	}
}

// streamStart returns where the data of a stream starts: after the keyword
// "stream" at i (not "endstream") that follows a dictionary's ">>", and the
// line break after it.
func streamStart(b []byte, i int) (int, bool) {
	if i >= 3 && string(b[i-3:i]) == "end" {
		return 0, false
	}
	j := i - 1
	for j >= 0 && isPDFSpace(b[j]) {
		j--
	}
	if j < 1 || b[j] != '>' || b[j-1] != '>' {
		return 0, false
	}
	k := i + len("stream")
	switch {
	case bytes.HasPrefix(b[k:], []byte("\r\n")):
		return k + 2, true
	case bytes.HasPrefix(b[k:], []byte("\n")), bytes.HasPrefix(b[k:], []byte("\r")):
		return k + 1, true
	}
	return 0, false
}

// streamDict returns the dictionary of the stream whose keyword is at i:
// from the "obj" before it (within 4 KB), where the object starts.
func streamDict(b []byte, i int) []byte {
	w := b[max(0, i-4096):i]
	if o := bytes.LastIndex(w, []byte("obj")); o >= 0 {
		return w[o:]
	}
	return w
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f' || c == 0
}

// pdfText returns the text of a content stream's strings: the strings a
// text-showing operator shows, joined as they are shown (the pieces of a
// TJ array, cut for kerning, join; a gap wider than a fifth of the font
// size is a space), a new line at each move to another line or text object.
// Hex strings of two-byte glyph codes are not text and are left out.
func pdfText(b []byte) string {
	var out []byte
	inArray := false
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '%': // a comment, to the end of the line
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '(':
			var s []byte
			s, i = literalString(b, i+1)
			out = append(out, textOf(s)...)
		case c == '<' && i+1 < len(b) && b[i+1] == '<':
			i += 2
		case c == '<':
			var s []byte
			s, i = hexString(b, i+1)
			if !hasControl(s) || bytes.HasPrefix(s, []byte{0xFE, 0xFF}) {
				out = append(out, textOf(s)...)
			}
		case c == '[':
			inArray = true
			i++
		case c == ']':
			inArray = false
			i++
		case c == '-' || c == '.' || c >= '0' && c <= '9':
			j := i + 1
			for j < len(b) && (b[j] == '.' || b[j] >= '0' && b[j] <= '9') {
				j++
			}
			if v, err := strconv.ParseFloat(string(b[i:j]), 64); inArray && err == nil && v <= -200 {
				out = append(out, ' ') // a kerning of a fifth of the font size or more: a gap
			}
			i = j
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '\'' || c == '"' || c == '*':
			j := i + 1
			for j < len(b) && (b[j] >= 'A' && b[j] <= 'Z' || b[j] >= 'a' && b[j] <= 'z' || b[j] == '*') {
				j++
			}
			switch string(b[i:j]) {
			case "Td", "TD", "Tm", "T*", "'", "\"", "BT", "ET":
				out = append(out, '\n')
			}
			i = j
		default:
			i++
		}
	}
	return string(out)
}

// literalString reads a (string) from just after its "(", with its escapes
// and balanced brackets, returning its bytes and where it ends.
func literalString(b []byte, i int) ([]byte, int) {
	var s []byte
	depth := 1
	for i < len(b) {
		c := b[i]
		i++
		switch c {
		case '\\':
			if i >= len(b) {
				return s, i
			}
			e := b[i]
			i++
			switch e {
			case 'n':
				s = append(s, '\n')
			case 'r':
				s = append(s, '\r')
			case 't':
				s = append(s, '\t')
			case 'b', 'f':
			case '\r', '\n': // a line continued
				if e == '\r' && i < len(b) && b[i] == '\n' {
					i++
				}
			default:
				if e >= '0' && e <= '7' { // \ddd
					v := int(e - '0')
					for k := 0; k < 2 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
						v = v*8 + int(b[i]-'0')
						i++
					}
					s = append(s, byte(v))
				} else {
					s = append(s, e)
				}
			}
		case '(':
			depth++
			s = append(s, c)
		case ')':
			if depth--; depth == 0 {
				return s, i
			}
			s = append(s, c)
		default:
			s = append(s, c)
		}
	}
	return s, i
}

// hexString reads a <hex string> from just after its "<".
func hexString(b []byte, i int) ([]byte, int) {
	var s []byte
	var hi byte
	half := false
	for ; i < len(b) && b[i] != '>'; i++ {
		var v byte
		switch c := b[i]; {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			s = append(s, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		s = append(s, hi<<4)
	}
	return s, i + 1
}

// textOf returns a PDF string's text: UTF-16BE after its byte order mark,
// else its bytes (the digits of every single-byte encoding are ASCII's).
func textOf(s []byte) []byte {
	if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
		u := make([]uint16, 0, len(s)/2)
		for k := 2; k+1 < len(s); k += 2 {
			u = append(u, uint16(s[k])<<8|uint16(s[k+1]))
		}
		return []byte(string(utf16.Decode(u)))
	}
	return s
}

// hasControl reports whether s has a byte below 0x20: a hex string of
// glyph codes (<0013001C>), not of characters.
func hasControl(s []byte) bool {
	for _, c := range s {
		if c < 0x20 {
			return true
		}
	}
	return false
}
