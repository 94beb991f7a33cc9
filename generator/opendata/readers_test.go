package opendata

import (
	"encoding/json"
	"gongshi/generator/schema"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// need returns the path of a program the test needs, or skips the test
// (fails it under CI=true, where .ci/run installs it).
func need(t *testing.T, prog, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(prog)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing: apt-get install -y %s", prog, pkg)
		}
		t.Skipf("%s is not installed: apt-get install -y %s to run this test", prog, pkg)
	}
	return p
}

// TestWorkbookInOpenpyxl reads gongshi.xlsx with openpyxl in read-only mode,
// the usual way to read a big workbook in Python: it trusts each sheet's
// declared dimension, so every row must be there, and dates must come back
// as dates.
func TestWorkbookInOpenpyxl(t *testing.T) {
	// Debian's python3-openpyxl goes with Debian's Python, which may not be
	// the first python3 on PATH.
	py := "/usr/bin/python3"
	if exec.Command(py, "-c", "import openpyxl").Run() != nil {
		py = need(t, "python3", "python3-openpyxl")
	}
	if exec.Command(py, "-c", "import openpyxl").Run() != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("openpyxl is missing: apt-get install -y python3-openpyxl")
		}
		t.Skip("openpyxl is not installed: apt-get install -y python3-openpyxl to run this test")
	}
	d := source(t, sampleSite(t, 20))
	root, _ := write(t, d)
	script := `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
out = {}
for ws in wb.worksheets:
    rows = list(ws.iter_rows(values_only=True))
    dates = sum(1 for r in rows for c in r if isinstance(c, datetime.datetime))
    out[ws.title] = {"rows": len(rows), "max_row": ws.max_row, "cols": ws.max_column, "dates": dates, "header": list(rows[0]) if rows else []}
print(json.dumps(out, ensure_ascii=False))
`
	b, err := exec.Command(py, "-c", script, filepath.Join(root, WorkbookPath)).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var got map[string]struct {
		Rows, MaxRow, Cols, Dates int
		Header                    []string
	}
	if err := json.Unmarshal([]byte(strings.ReplaceAll(string(b), `"max_row"`, `"maxrow"`)), &got); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	for _, tb := range Dictionary(d) {
		records := readCSV(t, filepath.Join(root, ZhCSVPath(tb.Name)))
		sheet := got[sheetOf(tb.Name)]
		if sheet.Rows != len(records) || sheet.MaxRow != len(records) || sheet.Cols != len(records[0]) {
			t.Errorf("%s: openpyxl sees %d rows (max_row %d) × %d columns, the CSV has %d × %d",
				tb.Name, sheet.Rows, sheet.MaxRow, sheet.Cols, len(records), len(records[0]))
		}
		if strings.Join(sheet.Header, ",") != strings.Join(records[0], ",") {
			t.Errorf("%s: header %q, CSV %q", tb.Name, sheet.Header, records[0])
		}
	}
	if got["承诺进展"].Dates == 0 || got["培训"].Dates == 0 {
		t.Errorf("no date cells read as dates: %+v %+v", got["承诺进展"], got["培训"])
	}
}

// TestWorkbookInLibreOffice converts gongshi.xlsx to CSV with LibreOffice:
// the sheet it exports (the first) matches the CSV for people.
func TestWorkbookInLibreOffice(t *testing.T) {
	soffice := need(t, "soffice", "libreoffice-calc-nogui")
	d := source(t, baseSite)
	root, _ := write(t, d)
	out := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+t.TempDir(), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", out, filepath.Join(root, WorkbookPath))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	for _, tb := range Dictionary(d) {
		want := readCSV(t, filepath.Join(root, ZhCSVPath(tb.Name)))
		got := readCSV(t, filepath.Join(out, "gongshi-"+sheetOf(tb.Name)+".csv"))
		if len(got) != len(want) {
			t.Errorf("%s: LibreOffice reads %d rows, the CSV has %d", tb.Name, len(got), len(want))
			continue
		}
		for i := range want {
			for j := range want[i] {
				w := strings.TrimPrefix(want[i][j], "'")
				if j >= len(got[i]) || got[i][j] != w {
					t.Errorf("%s row %d col %d: LibreOffice %q, CSV %q", tb.Name, i+1, j+1, got[i], w)
					break
				}
			}
		}
	}
}

// sheetOf returns the workbook sheet of a table.
func sheetOf(table string) string {
	for _, st := range schema.Tables {
		if st.Name == table {
			return st.Sheet
		}
	}
	return ""
}
