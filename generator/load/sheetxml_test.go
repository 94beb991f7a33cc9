package load

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gongshi/generator/internal/testxlsx"

	"gongshi/generator/schema"

	"github.com/xuri/excelize/v2"
)

// part returns a zip entry holding body, as a workbook's part.
func part(t *testing.T, body string) *zip.File {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(body))
	z.Close()
	r, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return r.File[0]
}

// TestScanSheet: one reading of a sheet's XML finds formula cells without
// a saved value (with or without a namespace prefix, sharing another cell's
// formula, or with an empty <v> as openpyxl writes; a cached value, the
// empty string of a t="str" formula and inline text are values), the style
// of each cell with a value, of rows and of columns, and the merged ranges.
// A cell or row without its place is not guessed at.
func TestScanSheet(t *testing.T) {
	const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<cols><col min="1" max="2" width="9"/><col min="3" max="5" style="6"/><col min="4" max="4" style="8"/></cols>` +
		`<sheetData><row r="2">` +
		`<c r="A2" s="3"><v>45352</v></c>` + // a date: a number with a style
		`<c r="B2"><f>SUM(A2:A9)</f></c>` + // no value
		`<c r="C2" s="5"><f>A2*2</f><v>2</v></c>` + // cached, styled
		`<c r="D2" t="str"><f>""</f><v></v></c>` + // the empty string, cached
		`<c r="E2" t="inlineStr" s="4"><f>A2&amp;"x"</f><is><t>1x</t></is></c>` + // inline text
		`<c r="F2"><f t="shared" ref="F2:F3" si="0">A2+1</f></c>` +
		`<c r="G2" t="s" s="7"><v>0</v></c>` + // a shared string formatted @: its style counts
		`<c r="H2" s="9"/>` + // styled but empty
		`<c r="I2"><f>50+10</f><v></v></c>` + // openpyxl: an empty <v>, not computed
		`</row><row r="3" s="11" customFormat="1"><c r="F3"><f t="shared" si="0"/></c><c r="AA3" s="2"><v>1</v></c></row></sheetData>` +
		`<mergeCells count="2"><mergeCell ref="A1:F1"/><mergeCell ref="C3:C4"/></mergeCells></worksheet>`
	prefixed := `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="4">` +
		`<x:c r="K4"><x:f>1+2</x:f></x:c><x:c r="L4" s="1"><x:f>1+2</x:f><x:v>3</x:v></x:c></x:row></x:sheetData>` +
		`<x:mergeCells><x:mergeCell ref="K5:L5"/></x:mergeCells></x:worksheet>`
	// Text that reads as a number: inline, a shared string whose entry
	// does (index 1 of the workbook's strings), a formula's text result.
	texts := `<worksheet><sheetData><row r="1">` +
		`<c r="A1" t="inlineStr" s="2"><is><t>2024</t></is></c>` +
		`<c r="B1" t="inlineStr"><is><t>V1</t></is></c>` +
		`<c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>0</v></c>` +
		`<c r="E1" t="str"><f>"4"&amp;"5"</f><v>45</v></c>` +
		`<c r="F1" s="2"><v>2024</v></c>` + // a number
		`</row></sheetData></worksheet>`
	for _, c := range []struct {
		name, xml string
		numeric   map[int]bool
		want      sheetScan
	}{
		{"text numbers", texts, map[int]bool{1: true}, sheetScan{
			styles: map[[2]int32]int32{{1, 1}: 2, {6, 1}: 2}, rowStyles: map[int32]int32{},
			text: map[[2]int32]bool{{1, 1}: true, {3, 1}: true, {5, 1}: true}}},
		{"plain", sheet, nil, sheetScan{
			merges:    [][2]string{{"A1", "F1"}, {"C3", "C4"}},
			styles:    map[[2]int32]int32{{1, 2}: 3, {3, 2}: 5, {5, 2}: 4, {7, 2}: 7, {27, 3}: 2},
			rowStyles: map[int32]int32{3: 11},
			cols:      []colStyle{{3, 5, 6}, {4, 4, 8}},
			unvalued:  []unvalued{{"B2", `SUM(A2:A9)`}, {"F2", "A2+1"}, {"I2", "50+10"}, {"F3", ""}}}},
		{"prefixed", prefixed, nil, sheetScan{
			merges:    [][2]string{{"K5", "L5"}},
			styles:    map[[2]int32]int32{{12, 4}: 1},
			rowStyles: map[int32]int32{},
			unvalued:  []unvalued{{"K4", "1+2"}}}},
		{"none", `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`, nil,
			sheetScan{styles: map[[2]int32]int32{}, rowStyles: map[int32]int32{}}},
	} {
		got, ok := scanSheet(part(t, c.xml), c.numeric)
		if !ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %+v, %v; want %+v", c.name, got, ok, c.want)
		}
	}
	// Styles fall back as excelize's GetCellStyle does: the cell's own, its
	// row's, the first column range holding it.
	sc, _ := scanSheet(part(t, sheet), nil)
	for _, c := range []struct{ col, row, want int }{
		{1, 2, 3},  // its own
		{3, 2, 5},  // its own before its column's
		{4, 2, 6},  // D2 has none (an empty <v>): C:E's, the first range holding D
		{2, 2, 0},  // B2: none, and column B's range has no style
		{6, 3, 11}, // F3: its row's
		{27, 3, 2}, // its own before its row's
		{4, 9, 6},  // an empty cell: its column's
		{30, 9, 0}, //
		{8, 2, 0},  // H2 is empty: its own style is not kept, and H has none
		{7, 2, 7},  // a shared string's style
	} {
		if got := sc.style(c.col, c.row); got != c.want {
			t.Errorf("style(%d, %d) = %d, want %d", c.col, c.row, got, c.want)
		}
	}
	for _, bad := range []string{
		`<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>`,         // no r: excelize is asked
		`<worksheet><sheetData><row r="1"><c><v>1</v></c></row></sheetData></worksheet>`,   //
		`<worksheet><sheetData><row r="1"><c r="A1" s="x"><v>1</v></c></row></sheetData>`,  // not a style
		`<worksheet><cols><col min="1" max="a" style="2"/></cols></worksheet>`,             //
		`<worksheet><sheetData><row r="1" s="-1"><c r="A1"><v>1</v></c></row></sheetData>`, //
	} {
		if _, ok := scanSheet(part(t, bad), nil); ok {
			t.Errorf("scanSheet(%s) ok", bad)
		}
	}
	if _, ok := scanSheet(nil, nil); ok {
		t.Error("no part: ok")
	}
}

// TestNumericStrings: the shared strings that read as numbers, as Excel
// shows an entry: its runs of rich text joined, its phonetic guide not.
func TestNumericStrings(t *testing.T) {
	sst := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6">` +
		`<si><t>村道</t></si>` + // 0
		`<si><t>2024</t></si>` + // 1
		`<si><r><t>20</t></r><r><rPr><b/></rPr><t>24</t></r></si>` + // 2: rich text
		`<si><t>12</t><rPh sb="0" eb="1"><t>x</t></rPh></si>` + // 3: a phonetic guide
		`<si><t xml:space="preserve"> 7</t></si>` + // 4: a space first: text anyway
		`<si><t>0x1F</t></si>` + // 5: no number cell looks like this
		`</sst>`
	got := numericStrings(part(t, sst))
	if want := map[int]bool{1: true, 2: true, 3: true}; !reflect.DeepEqual(got, want) {
		t.Errorf("numericStrings = %v, want %v", got, want)
	}
	if got := numericStrings(nil); len(got) != 0 {
		t.Errorf("no part: %v", got)
	}
}

// TestCellCoordinates: as excelize reads a cell name.
func TestCellCoordinates(t *testing.T) {
	for _, name := range []string{"A1", "K4", "Z9", "AA10", "az3", "XFD1048576", "ZZ100"} {
		c, r, err := cellCoordinates(name)
		wc, wr, werr := excelize.CellNameToCoordinates(name)
		if err != nil || werr != nil || c != wc || r != wr {
			t.Errorf("%s: %d, %d, %v; excelize %d, %d, %v", name, c, r, err, wc, wr, werr)
		}
	}
	for _, name := range []string{"", "A", "1", "A0", "A1B", "XFE1", "A1048577", "Ä1", "A-1"} {
		if c, r, err := cellCoordinates(name); err == nil {
			t.Errorf("%s: %d, %d, want an error", name, c, r)
		}
	}
}

// TestFormulaWithoutValue: a workbook whose formula has no saved value
// (written by a program) gets an error at the cell rather than an empty
// cell read in silence; a formula with its value reads as before; and a
// formula in a row or column that is not read (a footer row, a column
// dropped by privacy.drop_columns) is not reported.
func TestFormulaWithoutValue(t *testing.T) {
	dir := workbookSiteWith(t, func(tb *schema.Table, sh *testxlsx.Sheet) {
		if tb.Name == "villages" {
			sh.Rows[1][3] = testxlsx.Formula{F: "1000+200"}            // population of the first village: no value
			sh.Rows[2][3] = testxlsx.Formula{F: "900+1", Value: 901.0} // computed and saved
			sh.Rows[0] = append(sh.Rows[0], "联系电话")                    // dropped: its formulas are never read
			for i := 1; i < len(sh.Rows); i++ {
				sh.Rows[i] = append(sh.Rows[i], testxlsx.Formula{F: "\"138\"&ROW()"})
			}
			footer := make([]any, len(sh.Rows[0]))
			footer[0], footer[3] = "合计", testxlsx.Formula{F: "SUM(D2:D9)"}
			sh.Rows = append(sh.Rows, footer)
		}
	})
	toml := filepath.Join(dir, "site.toml")
	b, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	withPhone := strings.Replace(string(b), `drop_columns = ["身份证号"]`, `drop_columns = ["身份证号", "联系电话"]`, 1)
	if withPhone == string(b) {
		t.Fatal("base site.toml changed: no drop_columns to extend")
	}
	if err := os.WriteFile(toml, []byte(withPhone), 0o644); err != nil {
		t.Fatal(err)
	}
	d, probs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range probs.Sorted() {
		got = append(got, p.Code+" "+p.String())
	}
	want := []string{
		`formula-no-value data/台账.xlsx:行政村!D2: population "=1000+200": 单元格是公式，但文件里没有保存计算结果（程序生成的表格常会这样），读出来是空的：请用 Excel 或 WPS 打开后保存一次，或改填数值 (the cell holds a formula but the file has no saved value for it (as workbooks written by programs often do), so it reads as empty: open and save the workbook once in Excel or WPS, or enter the value)`,
	}
	footer := 0
	for _, g := range got {
		if strings.HasPrefix(g, "footer-row ") {
			footer++
		}
	}
	if footer != 1 || len(got) != 2 || got[0] != want[0] {
		t.Fatalf("problems:\n%s\nwant the formula error and one footer-row warning:\n%s", strings.Join(got, "\n"), want[0])
	}
	if probs.Errors() != 1 {
		t.Errorf("%d errors, want 1", probs.Errors())
	}
	if v := d.Villages[1].Population; v == nil || *v != 901 {
		t.Errorf("the saved formula's population = %v, want 901", v)
	}
}
