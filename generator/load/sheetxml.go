package load

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
)

// unvalued is a formula cell with no saved value: Excel, WPS and LibreOffice
// save the value they computed with every formula, but a workbook written
// by a program (openpyxl, or excelize's SetCellFormula) may hold only the
// formula, which excelize then reads as an empty cell.
type unvalued struct {
	cell    string // as Excel names it, e.g. "K4"
	formula string // the formula's text without "=", "" for a cell sharing another's
}

// worksheetParts returns the worksheet parts of the workbook b by sheet
// name, from the workbook's own parts (see sheetScan), and its shared
// strings part (nil if it has none). A workbook that cannot be read gives
// none (excelize reports it).
func worksheetParts(b []byte) (sheets map[string]*zip.File, sharedStrings *zip.File) {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, nil
	}
	parts := map[string]*zip.File{}
	for _, f := range z.File {
		parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	targets := map[string]string{} // relationship ID → part name
	eachElement(readPart(parts["xl/_rels/workbook.xml.rels"]), func(e xml.StartElement) {
		if e.Name.Local == "Relationship" {
			id, target := attr(e, "Id", false), attr(e, "Target", false)
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join("xl", target)
			}
			targets[id] = target
			if strings.HasSuffix(attr(e, "Type", false), "/sharedStrings") {
				sharedStrings = parts[target]
			}
		}
	})
	out := map[string]*zip.File{}
	eachElement(readPart(parts["xl/workbook.xml"]), func(e xml.StartElement) {
		if e.Name.Local == "sheet" {
			if f := parts[targets[attr(e, "id", true)]]; f != nil {
				out[attr(e, "name", false)] = f
			}
		}
	})
	return out, sharedStrings
}

// readPart returns the bytes of a part of a workbook, nil if there is no
// such part or it cannot be read.
func readPart(f *zip.File) []byte {
	if f == nil {
		return nil
	}
	r, err := f.Open()
	if err != nil {
		return nil
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return nil
	}
	return b
}

// sheetScan is what one reading of a worksheet's XML finds that excelize
// gives only by loading the whole sheet into memory as structs (which took
// 40% of the time and most of the memory of reading a large workbook): the
// merged ranges, the styles of cells, rows and columns, and formulas
// without a saved value. The values themselves come from excelize's row
// reader.
type sheetScan struct {
	merges    [][2]string        // merged ranges: first and last cell, e.g. A1 and F1
	styles    map[[2]int32]int32 // (column, row), 1-based → style index, for cells with a value and a style
	rowStyles map[int32]int32    // row → style index, for rows with one
	cols      []colStyle         // column ranges with a style, in the order of the file
	unvalued  []unvalued
	// text holds the text cells (a shared string, inline text or a
	// formula's text result) whose text reads as a number, such as "2024"
	// typed with a leading apostrophe or pasted as text: excelize's raw
	// values cannot tell them from number cells, and a date or number
	// format does not apply to them. nil when there are none.
	text map[[2]int32]bool
}

// colStyle is a range of columns with a style (<col min max style>).
type colStyle struct{ min, max, style int32 }

// style returns the style index of cell (c, r), 1-based, as excelize's
// GetCellStyle does: the cell's own, else its row's, else its column's.
func (sc *sheetScan) style(c, r int) int {
	if s := sc.styles[[2]int32{int32(c), int32(r)}]; s != 0 {
		return int(s)
	}
	if s := sc.rowStyles[int32(r)]; s != 0 {
		return int(s)
	}
	for _, col := range sc.cols {
		if col.min <= int32(c) && int32(c) <= col.max {
			return int(col.style)
		}
	}
	return 0
}

// scanSheet reads the worksheet part f once. numeric holds the indexes of
// the workbook's shared strings that read as numbers (numericStrings). ok
// is false when there is no such part or its XML is not as this reading
// expects (a cell or row without its place, r="…", or a style that is not
// a number): the caller then asks excelize instead.
func scanSheet(f *zip.File, numeric map[int]bool) (sc sheetScan, ok bool) {
	if f == nil {
		return sc, false
	}
	r, err := f.Open() // decoded as it is unzipped: a sheet's XML can be 100 MB
	if err != nil {
		return sc, false
	}
	defer r.Close()
	sc.styles, sc.rowStyles = map[[2]int32]int32{}, map[int32]int32{}
	num := func(e xml.StartElement, name string) (int32, bool) {
		v := attr(e, name, false)
		if v == "" {
			return 0, true
		}
		n, err := strconv.Atoi(v)
		return int32(n), err == nil && n >= 0 && n <= maxRows
	}
	d := xml.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	var cell, formula, typ, val string
	var at [2]int32
	var style int32
	in, inF, inV, inT, hasF, hasV, hasText, hasIs := false, false, false, false, false, false, false, false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return sc, true
		}
		if err != nil {
			return sc, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "c":
				cell, formula, typ, val = attr(t, "r", false), "", attr(t, "t", false), ""
				in, hasF, hasV, hasText, hasIs = true, false, false, false, false
				c, r, err := cellCoordinates(cell)
				if err != nil {
					return sc, false
				}
				at = [2]int32{int32(c), int32(r)}
				if style, ok = num(t, "s"); !ok {
					return sc, false
				}
			case in && t.Name.Local == "f":
				hasF, inF = true, true
			case in && t.Name.Local == "v":
				hasV, inV = true, true
			case in && t.Name.Local == "is":
				hasIs = true
			case in && hasIs && t.Name.Local == "t":
				inT = true
			case t.Name.Local == "row":
				r, ok := num(t, "r")
				if !ok || r == 0 {
					return sc, false
				}
				if s, ok := num(t, "s"); !ok {
					return sc, false
				} else if s != 0 {
					sc.rowStyles[r] = s
				}
			case t.Name.Local == "col":
				min, ok1 := num(t, "min")
				max, ok2 := num(t, "max")
				s, ok3 := num(t, "style")
				if !ok1 || !ok2 || !ok3 {
					return sc, false
				}
				if s != 0 {
					sc.cols = append(sc.cols, colStyle{min, max, s})
				}
			case t.Name.Local == "mergeCell":
				first, last, _ := strings.Cut(attr(t, "ref", false), ":")
				if first != "" && last != "" {
					sc.merges = append(sc.merges, [2]string{first, last})
				}
			}
		case xml.CharData:
			if inF {
				formula += string(t)
			}
			if inV && len(bytes.TrimSpace(t)) > 0 {
				hasText = true
			}
			if (inV && (typ == "s" || typ == "str") || inT && typ == "inlineStr") && len(val) < 64 {
				val += string(t) // the shared string's index, or the text itself
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "f":
				inF = false
			case "v":
				inV = false
			case "t":
				inT = false
			case "c":
				// A saved value: text in <v>, inline text, or an empty <v>
				// of a formula whose result is the empty string (t="str").
				// openpyxl writes an empty <v> for a formula it did not
				// compute.
				valued := hasIs || hasV && (hasText || typ == "str")
				if in && hasF && !valued {
					sc.unvalued = append(sc.unvalued, unvalued{cell: cell, formula: formula})
				}
				if in && (hasV || hasIs) && style != 0 {
					sc.styles[at] = style
				}
				if in && textNumber(typ, val, numeric) {
					if sc.text == nil {
						sc.text = map[[2]int32]bool{}
					}
					sc.text[at] = true
				}
				in = false
			}
		}
	}
}

// textNumber reports whether a cell of type typ (its t attribute) whose
// <v> or inline text is val is text that reads as a number.
func textNumber(typ, val string, numeric map[int]bool) bool {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(val))
		return err == nil && numeric[i]
	case "str", "inlineStr":
		return numberLike(val)
	}
	return false
}

// numberLike reports whether a raw cell value reads as a number, as
// sheetRecords.value takes it (a number cell never holds x, p or _).
func numberLike(v string) bool {
	if _, err := strconv.ParseFloat(v, 64); err != nil {
		return false
	}
	return !strings.ContainsAny(v, "xXpP_")
}

// numericStrings returns the indexes of the shared strings of a workbook
// (the part f, xl/sharedStrings.xml) whose text reads as a number: few, so
// that only the cells holding them are remembered (see sheetScan.text).
// The text of an entry is its <t> elements, rich-text runs included and
// phonetic guides (<rPh>) not, as Excel shows it.
func numericStrings(f *zip.File) map[int]bool {
	out := map[int]bool{}
	d := xml.NewDecoder(bytes.NewReader(readPart(f)))
	i, inT, rph := -1, false, false
	var text strings.Builder
	for {
		tok, err := d.RawToken()
		if err != nil {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				i++
				text.Reset()
			case "rPh":
				rph = true
			case "t":
				inT = !rph
			}
		case xml.CharData:
			if inT && text.Len() < 64 {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inT = false
			case "rPh":
				rph = false
			case "si":
				if numberLike(text.String()) {
					out[i] = true
				}
			}
		}
	}
}

// eachElement calls f with every start element of the XML b.
func eachElement(b []byte, f func(xml.StartElement)) {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return
		}
		if e, ok := tok.(xml.StartElement); ok {
			f(e)
		}
	}
}

// attr returns the attribute local of e; prefixed, only one with a prefix
// (r:id, whatever the prefix and its namespace are called).
func attr(e xml.StartElement, local string, prefixed bool) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space != "") == prefixed {
			return a.Value
		}
	}
	return ""
}

// cellCoordinates returns the 1-based column and row of a cell name such
// as K4 (what excelize.CellNameToCoordinates does, without its allocations:
// it is called for every cell of a workbook).
func cellCoordinates(name string) (col, row int, err error) {
	i := 0
	for i < len(name) && (name[i] >= 'A' && name[i] <= 'Z' || name[i] >= 'a' && name[i] <= 'z') {
		c := name[i] | 0x20 // lower case
		col = col*26 + int(c-'a') + 1
		i++
		if col > maxColumns {
			return 0, 0, errBadCell
		}
	}
	if i == 0 || i == len(name) {
		return 0, 0, errBadCell
	}
	for ; i < len(name); i++ {
		if name[i] < '0' || name[i] > '9' {
			return 0, 0, errBadCell
		}
		row = row*10 + int(name[i]-'0')
		if row > maxRows {
			return 0, 0, errBadCell
		}
	}
	if row == 0 {
		return 0, 0, errBadCell
	}
	return col, row, nil
}

// maxColumns and maxRows are Excel's: XFD and 1,048,576.
const maxColumns, maxRows = 16384, 1 << 20

var errBadCell = errors.New("not a cell name")
