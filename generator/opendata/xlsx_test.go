package opendata

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"gongshi/generator/output"
	"gongshi/generator/schema"
)

// sheetHeaders returns the first row of every sheet of a workbook.
func sheetHeaders(t *testing.T, name string) map[string][]string {
	t.Helper()
	x, err := excelize.OpenFile(name)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	out := map[string][]string{}
	for _, s := range x.GetSheetList() {
		rows, err := x.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) > 0 {
			out[s] = rows[0]
		}
	}
	return out
}

// TestWorkbook opens gongshi.xlsx and compares every sheet with the CSV for
// people: Chinese sheet names, the same header and cells, dates as date
// cells with a date format, numbers as numbers, a declared used range that
// covers every row (openpyxl's read-only mode trusts it), a bold frozen
// header, and document dates from as_of.
func TestWorkbook(t *testing.T) {
	d := source(t, sampleSite(t, 20))
	root, _ := write(t, d)
	x, err := excelize.OpenFile(filepath.Join(root, WorkbookPath))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	names := []string{schema.InstructionsSheet}
	for _, st := range schema.Tables {
		names = append(names, st.Sheet)
	}
	if got := x.GetSheetList(); !slices.Equal(got, names) {
		t.Fatalf("sheets %q, want %q", got, names)
	}
	// The first sheet says what the workbook is, as of when and under
	// which licence, for a copy sent on alone.
	about, err := x.GetRows(schema.InstructionsSheet)
	if err != nil {
		t.Fatal(err)
	}
	facts := map[string]string{}
	for _, r := range about {
		if len(r) == 2 {
			facts[r[0]] = r[1]
		}
	}
	if facts["数据截至 Data as of"] != d.Site.AsOf || !strings.Contains(facts["许可 Licence"], "https://creativecommons.org/licenses/by/4.0/") ||
		facts["标题 Title"] != d.Site.Title || !strings.Contains(facts["完整数据 Full data"], "CSV") {
		t.Errorf("说明 sheet: %q", about)
	}
	if dim, _ := x.GetSheetDimension(schema.InstructionsSheet); dim != fmt.Sprintf("A1:B%d", len(about)) {
		t.Errorf("说明 sheet: dimension %s for %d rows", dim, len(about))
	}
	for _, st := range schema.Tables {
		records := readCSV(t, filepath.Join(root, ZhCSVPath(st.Name)))
		rows, err := x.GetRows(st.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(records) {
			t.Errorf("%s: %d rows, CSV %d", st.Sheet, len(rows), len(records))
			continue
		}
		if len(records) < 2 {
			t.Errorf("%s: no rows in the sample", st.Sheet)
			continue
		}
		last, _ := excelize.CoordinatesToCellName(len(records[0]), len(records))
		if dim, err := x.GetSheetDimension(st.Sheet); err != nil || dim != "A1:"+last {
			t.Errorf("%s: dimension %q, want A1:%s", st.Sheet, dim, last)
		}
		for i := range records {
			for j, want := range records[i] {
				got := ""
				if j < len(rows[i]) {
					got = rows[i][j]
				}
				want = strings.TrimPrefix(want, "'") // the CSV's formula guard; the sheet's text cells need none
				if got != want {
					t.Errorf("%s row %d %s: %q, CSV %q", st.Sheet, i+1, records[0][j], got, want)
				}
			}
		}
		for j, h := range records[0] {
			f, ok := st.Lookup(h)
			if !ok || f.Type != schema.Date {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, 2)
			if records[1][j] == "" {
				continue
			}
			typ, _ := x.GetCellType(st.Sheet, cell)
			raw, _ := x.GetCellValue(st.Sheet, cell, excelize.Options{RawCellValue: true})
			id, _ := x.GetCellStyle(st.Sheet, cell)
			style, _ := x.GetStyle(id)
			if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber || strings.Contains(raw, "-") ||
				style == nil || style.CustomNumFmt == nil || *style.CustomNumFmt != "yyyy-mm-dd" {
				t.Errorf("%s!%s (%s): type %v, raw %q, style %+v: want a date cell", st.Sheet, cell, h, typ, raw, style)
			}
		}
		panes, err := x.GetPanes(st.Sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v %v", st.Sheet, panes, err)
		}
		id, _ := x.GetCellStyle(st.Sheet, "A1")
		style, err := x.GetStyle(id)
		if err != nil || style.Font == nil || !style.Font.Bold {
			t.Errorf("%s: header not bold", st.Sheet)
		}
	}
	// Numbers are numbers (no t attribute, or t="n"), text is inline text.
	if typ, err := x.GetCellType("年度评议", "A2"); err != nil || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("年度评议!A2 (year) has cell type %v, want a number", typ)
	}
	if typ, err := x.GetCellType("年度评议", "B2"); err != nil || typ != excelize.CellTypeInlineString {
		t.Errorf("年度评议!B2 (village_id) has cell type %v, want an inline string", typ)
	}
	props, err := x.GetDocProps()
	if err != nil || props.Created != d.Site.AsOf+"T00:00:00Z" || props.Modified != props.Created || props.Title != d.Site.Title {
		t.Errorf("document properties %+v", props)
	}
}

// TestWorkbookTooManyRows: a table over the sheet limit gets a note instead
// of its rows; the other sheets are unaffected.
func TestWorkbookTooManyRows(t *testing.T) {
	d := source(t, baseSite)
	tables, err := bindTables(d)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if _, err := writeWorkbook(output.New(root), tables, d, 3, workbookLevel); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(filepath.Join(root, WorkbookPath))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, tb := range tables {
		rows, _ := x.GetRows(tb.schema.Sheet)
		big := tb.len() > 3
		if big && (len(rows) != 1 || !strings.Contains(rows[0][0], tb.schema.Name+".csv")) {
			t.Errorf("%s (%d rows): sheet %q, want a note", tb.schema.Name, tb.len(), rows)
		}
		if !big && len(rows) != tb.len()+1 {
			t.Errorf("%s (%d rows): sheet has %d rows", tb.schema.Name, tb.len(), len(rows))
		}
	}
}

func TestZipTime(t *testing.T) {
	for asOf, want := range map[string]string{
		"2025-12-31": "2025-12-31", "": "1980-01-01", "1970-01-01": "1980-01-01", "2200-01-01": "1980-01-01",
	} {
		if got := zipTime(asOf).Format(time.DateOnly); got != want {
			t.Errorf("zipTime(%q) = %s, want %s", asOf, got, want)
		}
	}
}

// TestCellText: a text longer than a cell holds (32,767 UTF-16 units, a
// character beyond the Basic Multilingual Plane counting two) is cut to fit
// and says so at its end; one that fits is whole.
func TestCellText(t *testing.T) {
	units := func(s string) int { return len(utf16.Encode([]rune(s))) }
	rare := "𠀋" // two units
	for _, c := range []struct {
		name string
		in   string
		cut  bool
	}{
		{"short", "改造农村公厕", false},
		{"exactly full, ASCII", strings.Repeat("a", maxCell), false},
		{"exactly full, Chinese", strings.Repeat("长", maxCell), false},
		{"one over", strings.Repeat("长", maxCell+1), true},
		{"forty thousand", strings.Repeat("长", 40000), true},
		{"rare characters, full in runes but not units", strings.Repeat(rare, maxCell/2+1), true},
		{"rare characters that fit", strings.Repeat(rare, maxCell/2), false},
	} {
		got := cellText(c.in)
		if n := units(got); n > maxCell {
			t.Errorf("%s: %d units, more than %d", c.name, n, maxCell)
		}
		if cut := got != c.in; cut != c.cut {
			t.Errorf("%s: cut = %v, want %v", c.name, cut, c.cut)
		}
		if c.cut && (!strings.HasSuffix(got, cutMark) || !strings.HasPrefix(c.in, strings.TrimSuffix(got, cutMark)) || units(got) < maxCell-1) {
			t.Errorf("%s: cut to %d units, ending %q: want the longest start that fits, then the mark", c.name, units(got), got[len(got)-min(len(got), 90):])
		}
	}
}
