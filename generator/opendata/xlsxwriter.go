package opendata

import (
	"archive/zip"
	"bufio"
	"io"
	"strconv"
	"strings"
	"time"

	kflate "github.com/klauspost/compress/flate"

	"gongshi/generator/privacy"
	"gongshi/generator/problem"
	"gongshi/generator/xmltext"
)

// workbook streams an Office Open XML spreadsheet (.xlsx) into w: the
// package parts any spreadsheet program needs ([Content_Types].xml, the
// relationships, docProps, workbook.xml, styles.xml) and one worksheet part
// per sheet, each written row by row. It knows only what the downloads need:
// inline strings, numbers, dates with one number format, a bold header row
// frozen at the top, column widths. Not safe for concurrent use.
type workbook struct {
	z     *zip.Writer
	when  time.Time
	names []string
	// scan is the privacy guard's: it is given the text of every part but
	// the worksheets whole, and of the worksheets each cell's value (see
	// sheetWriter.scan).
	scan *privacy.Stream
}

// Style IDs of styles.xml (cellXfs order).
const (
	styleNone = 0
	styleBold = 1
	styleDate = 2
)

func newWorkbook(w io.Writer, level int, when time.Time, scan *privacy.Stream) *workbook {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return kflate.NewWriter(out, level)
	})
	return &workbook{z: z, when: when, scan: scan}
}

// part starts a zip entry, stamped with the workbook's date only (so that
// the bytes depend on the data, never on the clock). With scanned, its
// bytes pass the privacy guard too; a worksheet's are not, its writer
// gives the guard each cell's value instead (sheetWriter.scan).
func (wb *workbook) part(name string, scanned bool) (io.Writer, error) {
	fh := &zip.FileHeader{Name: name, Method: zip.Deflate}
	fh.ModifiedDate = uint16((wb.when.Year()-1980)<<9 | int(wb.when.Month())<<5 | wb.when.Day())
	w, err := wb.z.CreateHeader(fh)
	if err != nil || wb.scan == nil || !scanned {
		return w, err
	}
	return io.MultiWriter(w, wb.scan), nil
}

func (wb *workbook) whole(name, content string) error {
	w, err := wb.part(name, true)
	if err == nil {
		_, err = io.WriteString(w, content)
	}
	return err
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// begin writes every part but the worksheets, for sheets named names.
func (wb *workbook) begin(title, asOf string, names []string) error {
	wb.names = names
	var types, sheets, rels strings.Builder
	for i, n := range names {
		k := strconv.Itoa(i + 1)
		types.WriteString(`<Override PartName="/xl/worksheets/sheet` + k + `.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
		sheets.WriteString(`<sheet name="` + xmltext.Escape(n) + `" sheetId="` + k + `" r:id="rId` + k + `"/>`)
		rels.WriteString(`<Relationship Id="rId` + k + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet` + k + `.xml"/>`)
	}
	n := strconv.Itoa(len(names) + 1)
	created := ""
	if asOf != "" {
		created = `<dcterms:created xsi:type="dcterms:W3CDTF">` + asOf + `T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + asOf + `T00:00:00Z</dcterms:modified>`
	}
	parts := []struct{ name, content string }{
		{"[Content_Types].xml", xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
			`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
			types.String() + `</Types>`},
		{"_rels/.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
			`</Relationships>`},
		{"docProps/app.xml", xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>gongshi</Application></Properties>`},
		{"docProps/core.xml", xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
			`<dc:title>` + xmltext.Escape(title) + `</dc:title><dc:creator>gongshi</dc:creator><cp:lastModifiedBy>gongshi</cp:lastModifiedBy><dc:language>zh-CN</dc:language>` + created + `</cp:coreProperties>`},
		{"xl/_rels/workbook.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() +
			`<Relationship Id="rId` + n + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"xl/styles.xml", xmlHead + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
			`<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
			`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
			`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
			`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
			`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
			`<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
			`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
			`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
			`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`},
		{"xl/workbook.xml", xmlHead + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<bookViews><workbookView activeTab="0"/></bookViews><sheets>` + sheets.String() + `</sheets></workbook>`},
	}
	for _, p := range parts {
		if err := wb.whole(p.name, p.content); err != nil {
			return err
		}
	}
	return nil
}

// sheetWriter writes the rows of one worksheet.
type sheetWriter struct {
	w *bufio.Writer
	// scan is given each cell's value followed by a line break, which ends
	// any number: what a reader of the sheet sees, without the markup
	// around it (cell references, style numbers), whose digits cost the
	// guard's scanner most of its time and can hold no one's number.
	scan *privacy.Stream
	r    int // current row (1-based)
	c    int // columns written in the current row
	e    error
	num  []byte
}

// sheet starts worksheet i (0-based) of cols columns and rows rows (for its
// dimension), with column widths and, if frozen, the first row frozen.
func (wb *workbook) sheet(i, cols, rows int, widths []float64, frozen bool) (*sheetWriter, error) {
	w, err := wb.part("xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml", false)
	if err != nil {
		return nil, err
	}
	sw := &sheetWriter{w: bufio.NewWriterSize(w, 64<<10), scan: wb.scan}
	b := sw.w
	b.WriteString(xmlHead + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	b.WriteString(`<dimension ref="A1:` + problem.CellName(cols, rows) + `"/>`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if i == 0 {
		b.WriteString(` tabSelected="1"`)
	}
	b.WriteString(`>`)
	if frozen {
		b.WriteString(`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>`)
	}
	b.WriteString(`</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if len(widths) > 0 {
		b.WriteString(`<cols>`)
		for j, wd := range widths {
			k := strconv.Itoa(j + 1)
			b.WriteString(`<col min="` + k + `" max="` + k + `" width="` + strconv.FormatFloat(wd, 'f', -1, 64) + `" customWidth="1"/>`)
		}
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
	return sw, nil
}

// row starts the next row.
func (sw *sheetWriter) row() {
	if sw.r > 0 {
		sw.w.WriteString(`</row>`)
	}
	sw.r++
	sw.c = 0
	sw.w.WriteString(`<row r="` + strconv.Itoa(sw.r) + `">`)
}

// ref writes the start of a cell: its reference and style.
func (sw *sheetWriter) ref(style int) {
	sw.c++
	sw.w.WriteString(`<c r="`)
	sw.w.WriteString(problem.ColumnName(sw.c))
	sw.num = strconv.AppendInt(sw.num[:0], int64(sw.r), 10)
	sw.w.Write(sw.num)
	sw.w.WriteByte('"')
	if style != styleNone {
		sw.w.WriteString(` s="` + strconv.Itoa(style) + `"`)
	}
}

// skip leaves the next cell empty.
func (sw *sheetWriter) skip() { sw.c++ }

// maxCell is the most a cell holds in Excel, in UTF-16 code units (a
// character outside the Basic Multilingual Plane, as some rare names are,
// takes two).
const maxCell = 32767

// cutMark ends a text cut to fit a cell, so that a reader knows it goes on.
const cutMark = "…（全文见 CSV 或 JSON 下载 / full text in the CSV and JSON downloads）"

// cellText returns s as a cell can hold it: whole, or cut to fit with
// cutMark at its end (the CSV and JSON downloads hold every text whole).
func cellText(s string) string {
	if len(s) <= maxCell { // a byte is at most one UTF-16 unit
		return s
	}
	units := func(r rune) int {
		if r > 0xFFFF {
			return 2
		}
		return 1
	}
	room := maxCell
	for _, r := range cutMark {
		room -= units(r)
	}
	n, cut := 0, -1
	for i, r := range s {
		if n <= room {
			cut = i
		}
		if n += units(r); n > maxCell {
			return s[:cut] + cutMark
		}
	}
	return s
}

// text writes a text cell (an inline string); empty text writes nothing.
func (sw *sheetWriter) text(s string, style int) {
	if s == "" {
		sw.skip()
		return
	}
	s = cellText(s)
	sw.ref(style)
	sw.w.WriteString(` t="inlineStr"><is><t`)
	if strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\t") {
		sw.w.WriteString(` xml:space="preserve"`)
	}
	sw.w.WriteByte('>')
	e := xmltext.Escape(s)
	sw.w.WriteString(e)
	sw.w.WriteString(`</t></is></c>`)
	// The text as the sheet holds it: Escape drops what XML cannot hold
	// (U+FFFE between two halves of a number would join them there); the
	// entities it adds have no digits.
	sw.scan.WriteString(e)
	sw.scan.WriteString("\n")
}

func (sw *sheetWriter) int(n int) {
	sw.ref(styleNone)
	sw.num = strconv.AppendInt(sw.num[:0], int64(n), 10)
	sw.value()
}

func (sw *sheetWriter) float(x float64) {
	sw.ref(styleNone)
	sw.num = strconv.AppendFloat(sw.num[:0], x, 'f', -1, 64)
	sw.value()
}

// date writes a date cell: Excel's day number, shown yyyy-mm-dd.
func (sw *sheetWriter) date(serial int) {
	sw.ref(styleDate)
	sw.num = strconv.AppendInt(sw.num[:0], int64(serial), 10)
	sw.value()
}

// value ends a number or date cell whose digits are in sw.num.
func (sw *sheetWriter) value() {
	sw.w.WriteString(`><v>`)
	sw.w.Write(sw.num)
	sw.w.WriteString(`</v></c>`)
	sw.num = append(sw.num, '\n')
	sw.scan.Write(sw.num)
}

// err returns the first write error so far.
func (sw *sheetWriter) err() error {
	if sw.e == nil {
		sw.e = sw.w.Flush()
	}
	return sw.e
}

// end closes the sheet.
func (sw *sheetWriter) end() error {
	if sw.r > 0 {
		sw.w.WriteString(`</row>`)
	}
	sw.w.WriteString(`</sheetData></worksheet>`)
	return sw.err()
}

// close finishes the workbook (the zip's central directory).
func (wb *workbook) close() error { return wb.z.Close() }
