// Package testdoc writes the small attachments a county may put in static/
// for tests of the privacy scan: zip archives, Office Open XML documents
// (.docx, .xlsx, .pptx) and PDFs with FlateDecode streams. It is for tests
// only.
package testdoc

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"fmt"
	"time"
)

// Member is one file of a zip archive.
type Member struct {
	Name string
	Body []byte
}

// Zip returns a zip archive of the members, in order, deflated, with a
// fixed time so that the bytes are the same every run.
func Zip(members ...Member) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, m := range members {
		f, err := w.CreateHeader(&zip.FileHeader{Name: m.Name, Method: zip.Deflate, Modified: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			panic(err)
		}
		f.Write(m.Body)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`

// Docx returns a Word document whose body has the paragraphs, each
// paragraph's text given as its runs (a number may be cut across runs, as
// Word cuts text where formatting or spell-checking changes).
func Docx(paragraphs ...[]string) []byte {
	var body bytes.Buffer
	for _, p := range paragraphs {
		body.WriteString(`<w:p w:rsidR="00A1B2C3">`)
		for _, r := range p {
			fmt.Fprintf(&body, `<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, r)
		}
		body.WriteString(`</w:p>`)
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`
	return Zip(Member{"[Content_Types].xml", []byte(contentTypes)}, Member{"word/document.xml", []byte(doc)})
}

// Xlsx returns a workbook of one sheet whose first row holds the cells as
// shared strings.
func Xlsx(cells ...string) []byte {
	var sst, row bytes.Buffer
	for i, c := range cells {
		fmt.Fprintf(&sst, `<si><t>%s</t></si>`, c)
		fmt.Fprintf(&row, `<c r="%c1" t="s"><v>%d</v></c>`, 'A'+i, i)
	}
	return Zip(Member{"[Content_Types].xml", []byte(contentTypes)},
		Member{"xl/sharedStrings.xml", []byte(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst.String() + `</sst>`)},
		Member{"xl/worksheets/sheet1.xml", []byte(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">` + row.String() + `</row></sheetData></worksheet>`)})
}

// Pptx returns a presentation of one slide with the text.
func Pptx(text string) []byte {
	return Zip(Member{"[Content_Types].xml", []byte(contentTypes)},
		Member{"ppt/slides/slide1.xml", []byte(`<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>` + text + `</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`)})
}

// PDF returns a one-page PDF whose content stream (FlateDecode) is
// content, e.g. "BT /F1 12 Tf 72 720 Td (13812345678) Tj ET". extra is
// written into the page's font dictionary (say "/Subtype /Type0" for a
// font whose text is glyph codes).
func PDF(content, extra string) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte(content))
	zw.Close()
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
	b.WriteString("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	b.WriteString("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n")
	b.WriteString("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n")
	fmt.Fprintf(&b, "4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n", z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream\nendobj\n")
	b.WriteString("5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica " + extra + " >>\nendobj\n")
	b.WriteString("trailer\n<< /Root 1 0 R >>\n%%EOF\n")
	return b.Bytes()
}
