package privacy

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"sort"
	"strings"
	"unicode/utf8"
)

// Limits of a scan of one published file (a static/ attachment), so that
// a zip bomb or a huge archive costs bounded memory and time: what is past
// them is not read, and the file is reported as not checked completely.
const (
	maxMember   = 64 << 20  // the bytes read of one zip member (decompressed) or PDF stream
	maxUnpacked = 256 << 20 // the bytes read of all members or streams of one file
	maxMembers  = 10000     // the members of one zip archive
	maxDepth    = 2         // archives inside archives (a .docx in a .zip)
)

// docFind is a number found in a published file.
type docFind struct {
	member string // the zip member it is in ("" for the file itself)
	name   bool   // it is in a name (of the file, or of member)
	// line and col place it in a text file (1-based; 0 when the text is
	// not one a reader sees as lines: a member's XML, a PDF's streams).
	line, col int
	m         Match
}

// Unchecked is why a published file, or part of it, could not be checked.
type Unchecked struct {
	Zh, En string
}

// Reasons a file is not checked completely.
var (
	uncheckedImage   = Unchecked{"图片中的文字无法检查", "the text in an image cannot be checked"}
	uncheckedOffice  = Unchecked{"旧版 Office 文件（.doc/.xls/.ppt，WPS 的 .wps/.et/.dps）无法读取，请另存为 .docx/.xlsx/.pptx 或 PDF", "an old Office file (.doc/.xls/.ppt, WPS .wps/.et/.dps) cannot be read: save it as .docx/.xlsx/.pptx or PDF"}
	uncheckedBinary  = Unchecked{"不是文本、Office 文档、压缩包或 PDF，内容无法读取", "it is not text, an Office document, a zip archive or a PDF, so its contents cannot be read"}
	uncheckedLarge   = Unchecked{"文件太大（解压后超过 256 MB 或单个成员超过 64 MB，或多于 10000 个成员），超出部分未检查", "it is too large (over 256 MB unpacked, a member over 64 MB, or over 10,000 members): the rest was not checked"}
	uncheckedDeep    = Unchecked{"压缩包中套着压缩包的层数太多，内层未检查", "archives nested too deep: the inner ones were not checked"}
	uncheckedBroken  = Unchecked{"压缩包或其中的成员无法解压（已损坏或已加密）", "the archive or a member cannot be unpacked (damaged or encrypted)"}
	uncheckedPDFEnc  = Unchecked{"PDF 已加密，无法读取其中的文字", "the PDF is encrypted, so its text cannot be read"}
	uncheckedPDFFont = Unchecked{"PDF 的文字以嵌入字体的字形编码保存（中文 PDF 通常如此），无法读出", "the PDF keeps its text as glyph codes of embedded fonts (as Chinese PDFs usually do), which cannot be read"}
	uncheckedPDFData = Unchecked{"PDF 中有无法解码的数据流", "the PDF has data streams that cannot be decoded"}
)

// docScan is the state of a scan of one published file.
type docScan struct {
	finds     []docFind
	unchecked []Unchecked
	unpacked  int // bytes read from members and streams so far
}

func (d *docScan) not(u Unchecked) {
	for _, v := range d.unchecked {
		if v == u {
			return
		}
	}
	d.unchecked = append(d.unchecked, u)
}

// document scans the bytes b of a file named name (a path, or a zip
// member's name) found inside member ("" at the top): a zip archive
// (also .docx, .xlsx, .pptx) member by member, a PDF by its text and
// streams, text as text; other files by their raw bytes (which finds a
// number stored as plain digits), noting that they were not checked.
func (d *docScan) document(member, name string, b []byte, depth int) {
	ext := strings.ToLower(path.Ext(name))
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte("PK\x05\x06")):
		if depth >= maxDepth {
			d.not(uncheckedDeep)
			return
		}
		d.archive(member, b, depth+1)
	case bytes.HasPrefix(b, []byte("%PDF-")):
		d.pdf(member, b)
	case depth > 0 && isXML(ext, b): // a part of an Office document, a member of an archive
		d.xml(member, b)
	case bytes.HasPrefix(b, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")): // OLE2: .doc .xls .ppt .wps .et
		d.raw(member, b)
		d.not(uncheckedOffice)
	case isImage(ext, b):
		d.raw(member, b)
		d.not(uncheckedImage)
	case fontExts[ext]:
		d.raw(member, b) // a font holds glyphs, not the county's text
	case isText(b):
		d.text(member, string(b), true)
	default:
		d.raw(member, b)
		d.not(uncheckedBinary)
	}
}

// text scans a text as a clerk reads it: numbers in one run or in groups,
// placed by line and column when lines says the text has them.
func (d *docScan) text(member, s string, lines bool) {
	ms := findAll(s)
	line, col, pos := 1, 1, 0
	for _, m := range ms {
		f := docFind{member: member, m: m}
		if lines {
			for pos < m.Offset {
				r, size := utf8.DecodeRuneInString(s[pos:])
				pos += size
				if r == '\n' {
					line, col = line+1, 1
				} else {
					col++
				}
			}
			f.line, f.col = line, col
		}
		d.finds = append(d.finds, f)
	}
}

// raw scans bytes that are not text as the build's guard scans any file:
// numbers written as one run of digits.
func (d *docScan) raw(member string, b []byte) {
	if !hasNumberRun(b) {
		return
	}
	sc := scanner{found: func(m Match) { d.finds = append(d.finds, docFind{member: member, m: m}) }}
	sc.write(b)
	sc.close()
}

// name scans a file's or a member's name.
func (d *docScan) name(member, name string) {
	for _, m := range findAll(name) {
		d.finds = append(d.finds, docFind{member: member, name: true, m: m})
	}
}

// archive scans a zip archive: every member's name, and its contents as
// document does (an Office file's parts are its XML members).
func (d *docScan) archive(member string, b []byte, depth int) {
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		d.raw(member, b)
		d.not(uncheckedBroken)
		return
	}
	if len(r.File) > maxMembers {
		d.not(uncheckedLarge)
	}
	// The parts of an Office document are not named: a clerk knows the
	// document, not its word/document.xml.
	office := false
	for _, f := range r.File {
		office = office || f.Name == "[Content_Types].xml"
	}
	for i, f := range r.File {
		if i >= maxMembers {
			break
		}
		inner := member
		switch {
		case office:
		case member != "":
			inner = member + "/" + f.Name
		default:
			inner = f.Name
		}
		d.name(inner, f.Name)
		if f.FileInfo().IsDir() {
			continue
		}
		body, ok := d.read(f)
		if !ok {
			continue
		}
		d.document(inner, f.Name, body, depth)
	}
}

// read reads a zip member within the limits.
func (d *docScan) read(f *zip.File) ([]byte, bool) {
	left := min(maxMember, maxUnpacked-d.unpacked)
	if left <= 0 {
		d.not(uncheckedLarge)
		return nil, false
	}
	rc, err := f.Open()
	if err != nil {
		d.not(uncheckedBroken)
		return nil, false
	}
	defer rc.Close()
	body, err := io.ReadAll(io.LimitReader(rc, int64(left)+1))
	if len(body) > left {
		body = body[:left]
		d.not(uncheckedLarge)
	} else if err != nil {
		d.not(uncheckedBroken)
	}
	d.unpacked += len(body)
	return body, true
}

// xml scans an XML member (a part of an Office file) by its text, as the
// reader of the document sees it, and by its attribute values. Tags are
// dropped: a number a word processor cut into runs (<w:t>138</w:t></w:r>
// <w:r><w:t>12345678</w:t>) is read whole. The end of a paragraph, cell or
// line ends a text, so that two cells' digits never join.
func (d *docScan) xml(member string, b []byte) {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var text, attrs strings.Builder
	for {
		tok, err := dec.RawToken()
		if err != nil {
			break // io.EOF, or markup that does not parse: what was read is scanned
		}
		switch t := tok.(type) {
		case xml.CharData:
			text.Write(t)
		case xml.StartElement:
			for _, a := range t.Attr {
				attrs.WriteString(a.Value)
				attrs.WriteByte('\n')
			}
			if xmlBreaks[t.Name.Local] {
				text.WriteByte('\n')
			}
		case xml.EndElement:
			if xmlBreaks[t.Name.Local] {
				text.WriteByte('\n')
			}
		}
	}
	d.text(member, text.String(), false)
	d.text(member, attrs.String(), false)
}

// xmlBreaks are the elements of Office Open XML (and XHTML) whose start or
// end ends a piece of text: paragraphs, line breaks, tabs, table cells and
// rows, worksheet cells, values and formulas, shared strings.
var xmlBreaks = map[string]bool{
	"p": true, "br": true, "cr": true, "tab": true, "tc": true, "tr": true,
	"c": true, "v": true, "f": true, "si": true, "is": true, "row": true,
	"td": true, "th": true, "li": true, "div": true,
}

// isXML reports whether a zip member is XML: by its name, or its first bytes.
func isXML(ext string, b []byte) bool {
	switch ext {
	case ".xml", ".rels", ".vml":
		return true
	}
	return bytes.HasPrefix(bytes.TrimLeft(b, "\uFEFF \t\r\n"), []byte("<?xml"))
}

// isText reports whether b is text: no NUL byte in its first 8 KB (UTF-8,
// GB18030 and the other encodings of Chinese text have none; UTF-16 does,
// and is scanned as bytes).
func isText(b []byte) bool {
	return bytes.IndexByte(b[:min(len(b), 8<<10)], 0) < 0
}

// isImage reports whether a file is an image, by its name or its first bytes.
func isImage(ext string, b []byte) bool {
	switch ext {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic", ".ico", ".emf", ".wmf":
		return true
	}
	for _, magic := range []string{"\x89PNG", "\xFF\xD8\xFF", "GIF8", "II*\x00", "MM\x00*"} {
		if bytes.HasPrefix(b, []byte(magic)) {
			return true
		}
	}
	return false
}

// fontExts are the font files a site may publish.
var fontExts = map[string]bool{".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true}

// findAll returns the numbers of s written in one run or in groups, in
// order, format characters ignored (see withoutFormat).
func findAll(s string) []Match {
	t, at := withoutFormat(s)
	ms := Find(t)
	if g := FindGrouped(t); len(g) > 0 {
		ms = append(ms, g...)
		sortMatches(ms)
	}
	for i := range ms {
		ms[i] = placed(ms[i], at)
	}
	return ms
}

// sortMatches puts matches in the order of their offsets.
func sortMatches(ms []Match) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Offset < ms[j].Offset })
}
