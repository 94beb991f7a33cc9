package opendata

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

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

// TestWorkbook opens gongshi.xlsx and compares every sheet with its CSV:
// same header, same cells (booleans shown as TRUE/FALSE), typed numbers,
// bold frozen header, and document dates from as_of.
func TestWorkbook(t *testing.T) {
	d := source(t, sampleSite(t, 20))
	root, _ := write(t, d)
	x, err := excelize.OpenFile(filepath.Join(root, WorkbookPath))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var names []string
	for _, st := range schema.Tables {
		names = append(names, st.Name)
	}
	if got := x.GetSheetList(); !slices.Equal(got, names) {
		t.Fatalf("sheets %q, want %q", got, names)
	}
	for _, st := range schema.Tables {
		records := readCSV(t, filepath.Join(root, "data", st.Name+".csv"))
		rows, err := x.GetRows(st.Name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(records) {
			t.Errorf("%s: %d rows, CSV %d", st.Name, len(rows), len(records))
			continue
		}
		for i := range records {
			for j, want := range records[i] {
				got := ""
				if j < len(rows[i]) {
					got = rows[i][j]
				}
				if f, _ := st.Field(records[0][j]); i > 0 && f.Type == schema.Bool {
					want = map[string]string{"true": "1", "false": "0", "": ""}[want]
				}
				if got != want {
					t.Errorf("%s row %d %s: %q, CSV %q", st.Name, i+1, records[0][j], got, want)
				}
			}
		}
		panes, err := x.GetPanes(st.Name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v %v", st.Name, panes, err)
		}
		id, _ := x.GetCellStyle(st.Name, "A1")
		style, err := x.GetStyle(id)
		if err != nil || style.Font == nil || !style.Font.Bold {
			t.Errorf("%s: header not bold", st.Name)
		}
	}
	// Numbers are numbers (no t attribute, or t="n"), text is inline text.
	if typ, err := x.GetCellType("appraisals", "A2"); err != nil || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("appraisals!A2 (year) has cell type %v, want a number", typ)
	}
	if typ, err := x.GetCellType("appraisals", "C2"); err != nil || typ != excelize.CellTypeInlineString {
		t.Errorf("appraisals!C2 (secretary_id) has cell type %v, want an inline string", typ)
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
	if _, err := writeWorkbook(dest{path: root}, tables, d.Site.Title, d.Site.AsOf, 3); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(filepath.Join(root, WorkbookPath))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, tb := range tables {
		rows, _ := x.GetRows(tb.schema.Name)
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
