package load

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/internal/testxlsx"
	"gongshi/generator/problem"
	"gongshi/generator/schema"
)

// workbookSheet turns a base CSV into a sheet of typed cells.
func workbookSheet(t testing.TB, rel string, b []byte, name string) testxlsx.Sheet {
	return testxlsx.FromCSV(t, table(t, rel), b, name)
}

// writeWorkbookSite writes the base site with every CSV table moved into one
// workbook data/台账.xlsx (sheets named in Chinese) and returns its folder.
// The villages sheet gets a title row merged across it and its township
// column merged down where villages share a township; one population is a
// formula with its cached value.
func writeWorkbookSite(t *testing.T) string {
	t.Helper()
	return workbookSiteWith(t, func(tb *schema.Table, sh *testxlsx.Sheet) {
		if tb.Name == "villages" {
			width := len(sh.Rows[0])
			title := make([]any, width)
			title[0] = "示范县行政村基本情况"
			sh.Rows = append([][]any{title}, sh.Rows...)
			sh.Merge = append(sh.Merge, "A1:"+problem.CellName(width, 1))
			// V1 and V2 are both in T1: merge C3:C4 and leave C4 empty.
			if sh.Rows[2][2] != "T1" || sh.Rows[3][2] != "T1" {
				t.Fatalf("base villages changed: %v", sh.Rows)
			}
			sh.Rows[3][2] = nil
			sh.Merge = append(sh.Merge, "C3:C4")
			sh.Rows[2][3] = testxlsx.Formula{F: "1000+200", Value: sh.Rows[2][3]}
		}
	}, testxlsx.Sheet{Name: schema.InstructionsSheet, Rows: [][]any{{"请按表头填写"}}})
}

// workbookSiteWith writes the base site with every CSV table moved into
// data/台账.xlsx, one sheet per table named in Chinese, each passed to edit
// first, then the extra sheets; it returns the site's folder.
func workbookSiteWith(t *testing.T, edit func(*schema.Table, *testxlsx.Sheet), extra ...testxlsx.Sheet) string {
	t.Helper()
	base := readTree(t, baseDir)
	dir := t.TempDir()
	var sheets []testxlsx.Sheet
	for _, tb := range schema.Tables {
		rel := "data/" + tb.Name + ".csv"
		b, ok := base[rel]
		if !ok {
			continue
		}
		delete(base, rel)
		sh := workbookSheet(t, rel, b, tb.Sheet)
		edit(tb, &sh)
		sheets = append(sheets, sh)
	}
	sheets = append(sheets, extra...)
	for rel, b := range base {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	testxlsx.Write(t, filepath.Join(dir, "data", "台账.xlsx"), sheets...)
	return dir
}

// TestWorkbook: the base site as one workbook of typed cells loads into the
// very rows of the CSV files, without a problem.
func TestWorkbook(t *testing.T) {
	want := loadClean(t, filepath.Join(goodDir, "utf8"))
	stripSrc(want)
	dir := writeWorkbookSite(t)
	got := loadClean(t, dir)
	if got.Pledges[0].Src.Sheet() != "承诺" || got.Pledges[0].Src.File() != "data/台账.xlsx" || got.Pledges[0].Src.Line != 2 {
		t.Errorf("first pledge from %+v, want data/台账.xlsx 承诺 row 2", got.Pledges[0].Src)
	}
	if got.Villages[0].Src.Line != 3 {
		t.Errorf("first village on row %d, want 3 (below the title and the header)", got.Villages[0].Src.Line)
	}
	stripSrc(got)
	compareDatasets(t, got, want)
}

// TestWorkbookPerTable: data/<table>.xlsx with one sheet of any name.
func TestWorkbookPerTable(t *testing.T) {
	want := loadClean(t, filepath.Join(goodDir, "utf8"))
	stripSrc(want)
	base := readTree(t, baseDir)
	dir := t.TempDir()
	for rel, b := range base {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if rel == "data/pledges.csv" || rel == "data/trainings.csv" {
			stem := strings.TrimSuffix(path.Base(rel), ".csv")
			testxlsx.Write(t, filepath.Join(dir, "data", stem+".xlsx"),
				workbookSheet(t, rel, b, "Sheet1"), testxlsx.Sheet{Name: "Sheet2"})
			continue
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := loadClean(t, dir)
	stripSrc(got)
	compareDatasets(t, got, want)
}

func compareDatasets(t *testing.T, got, want *dataset.Dataset) {
	t.Helper()
	gv, wv := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
	for i := 0; i < gv.NumField(); i++ {
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			t.Errorf("%s differs:\n got %s\nwant %s", gv.Type().Field(i).Name, show(gv.Field(i)), show(wv.Field(i)))
		}
	}
}

// TestWorkbookCells: each kind of cell reads as the clerk sees it, and bad
// cells are reported at the sheet and cell Excel names.
func TestWorkbookCells(t *testing.T) {
	dir := t.TempDir()
	copyDirTest(t, baseDir, dir)
	os.Remove(filepath.Join(dir, "data", "villages.csv"))
	testxlsx.Write(t, filepath.Join(dir, "data", "台账.xlsx"), testxlsx.Sheet{Name: "行政村", Rows: [][]any{
		{"村编码", "村名", "乡镇编码", "人口", "户数", "党员数", "村集体收入"},
		{"V1", "上村", "T1", 1200.0, 380.0, 45.0, 0.1 + 0.2},                                  // float noise: 0.30000000000000004
		{"V2", "中村", "T1", 2023.0, 700.0, 61.0, testxlsx.Styled{Value: 12, Format: "0.00"}}, // shown 12.00: 12
		{"V3", "下村", "T2", "多", 260.0, testxlsx.Date{Y: 2024, M: 3, D: 1, Format: ""}, nil},
		{nil, nil, nil, nil, nil, nil, nil}, // an empty row inside the used range
	}})
	d, probs, got := loadAll(t, dir)
	// A date cell in a number column reads as the date it shows, never
	// as its serial (2024-03-01 is 45352).
	want := []string{`data/台账.xlsx:行政村!D4: 人口 (population) "多": 应为整数 (expected a whole number)`,
		`data/台账.xlsx:行政村!F4: 党员数 (party_members) "2024-03-01": 应为整数 (expected a whole number)`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	if v := d.Villages[0].CollectiveIncome; v == nil || *v != 0.3 {
		t.Errorf("collective_income = %v, want 0.3", v)
	}
	if v := d.Villages[1].CollectiveIncome; v == nil || *v != 12 {
		t.Errorf("styled collective_income = %v, want 12", v)
	}
	for _, p := range probs.Sorted() {
		if p.Sheet != "行政村" || p.Cell == "" || p.Code == "" {
			t.Errorf("problem not at a sheet and cell with a code: %+v", p)
		}
	}
}

// TestWorkbookDates: a date column reads date cells in any format as
// YYYY-MM-DD, text dates as typed, and refuses a plain number.
func TestWorkbookDates(t *testing.T) {
	dir := t.TempDir()
	copyDirTest(t, baseDir, dir)
	os.Remove(filepath.Join(dir, "data", "hearings.csv"))
	os.Remove(filepath.Join(dir, "data", "hearing_questions.csv"))
	rows := [][]any{{"id", "village_id", "date", "topic", "outcome", "notice_date"}}
	for i, d := range []any{
		testxlsx.Date{Y: 2024, M: 3, D: 15, Format: ""},
		testxlsx.Date{Y: 2024, M: 3, D: 16, Format: "yyyy/m/d"},
		testxlsx.Date{Y: 2024, M: 3, D: 17, Format: `[$-804]yyyy"年"m"月"d"日";@`},
		testxlsx.Date{Y: 2024, M: 3, D: 18, Format: "d-mmm-yy"},
		"2024.3.19",
		"2024年3月20日",
		2024.0, // a year typed into a date column: not a date
	} {
		rows = append(rows, []any{"H" + strconv.Itoa(i+1), "V1", d, "议题", "通过", nil})
	}
	// An ID typed as a number in a "000" format reads as shown: 008.
	rows = append(rows, []any{testxlsx.Styled{Value: 8, Format: "000"}, "V1", testxlsx.Date{Y: 2024, M: 3, D: 21}, "议题", "通过", nil})
	testxlsx.Write(t, filepath.Join(dir, "data", "hearings.xlsx"), testxlsx.Sheet{Name: "民主听证", Rows: rows})
	d, probs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range d.Hearings {
		got = append(got, h.Date)
	}
	want := []string{"2024-03-15", "2024-03-16", "2024-03-17", "2024-03-18", "2024-03-19", "2024-03-20", "", "2024-03-21"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dates = %q, want %q", got, want)
	}
	if id := d.Hearings[7].ID; id != "008" {
		t.Errorf("styled ID = %q, want 008 as shown", id)
	}
	ps := probs.Sorted()
	if len(ps) != 1 || ps[0].Cell != "C8" || ps[0].Code != "date" || ps[0].Value != "2024" {
		t.Errorf("problems = %v, want one date problem at C8", ps)
	}
}

func copyDirTest(t *testing.T, from, to string) {
	t.Helper()
	for rel, b := range readTree(t, from) {
		p := filepath.Join(to, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestIsDateFormat covers the number formats that decide whether a number
// cell is a date.
func TestIsDateFormat(t *testing.T) {
	for _, c := range []struct {
		id     int
		custom string
		want   bool
	}{
		{14, "", true}, {22, "", true}, {31, "", true}, {57, "", true},
		{0, "", false}, {2, "", false}, {20, "", false}, {32, "", false}, {49, "", false},
		{164, "yyyy/m/d", true}, {164, `yyyy"年"m"月"d"日"`, true}, {164, "[$-804]aaaa", false},
		{164, "h:mm:ss", false}, {164, "0.00E+00", false}, {164, `"day "0`, false},
		{164, "[h]:mm", false}, {164, "mmm-yy", true}, {164, "General", false},
	} {
		if got := isDateFormat(c.id, c.custom); got != c.want {
			t.Errorf("isDateFormat(%d, %q) = %v, want %v", c.id, c.custom, got, c.want)
		}
	}
}

// libreOffice returns the soffice command, or skips the test (fails it under
// CI=true, where .ci/run installs LibreOffice).
func libreOffice(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("LibreOffice (soffice) is missing: apt-get install -y libreoffice-calc-nogui")
		}
		t.Skip("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui to run this test")
	}
	return p
}

// convert runs soffice --headless --convert-to on file, writing into outDir.
// A CSV file is read as UTF-8, comma-separated, with formulas evaluated.
func convert(t *testing.T, soffice, to, file, outDir string) {
	t.Helper()
	profile := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + profile, "--headless"}
	if strings.HasSuffix(file, ".csv") {
		args = append(args, "--infilter=CSV:44,34,76,1,,0,false,true,false,false,false")
	}
	args = append(args, "--convert-to", to, "--outdir", outDir, file)
	cmd := exec.Command(soffice, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
}

// TestLibreOffice: workbooks LibreOffice writes load as well as ours: the
// whole-site workbook re-saved by LibreOffice, and CSV files converted by it
// (with dates and numbers as LibreOffice recognises them), and a formula
// whose cached value is an error is reported at its cell.
func TestLibreOffice(t *testing.T) {
	soffice := libreOffice(t)
	want := loadClean(t, filepath.Join(goodDir, "utf8"))
	stripSrc(want)

	dir := writeWorkbookSite(t)
	wb := filepath.Join(dir, "data", "台账.xlsx")
	out := t.TempDir()
	convert(t, soffice, "xlsx:Calc MS Excel 2007 XML", wb, out)
	if err := os.Rename(filepath.Join(out, "台账.xlsx"), wb); err != nil {
		t.Fatal(err)
	}
	got := loadClean(t, dir)
	stripSrc(got)
	compareDatasets(t, got, want)

	// CSV → xlsx: LibreOffice names the one sheet after the file (pledges).
	dir = t.TempDir()
	copyDirTest(t, baseDir, dir)
	csvFile := filepath.Join(dir, "data", "pledges.csv")
	convert(t, soffice, "xlsx:Calc MS Excel 2007 XML", csvFile, filepath.Join(dir, "data"))
	os.Remove(csvFile)
	got = loadClean(t, dir)
	stripSrc(got)
	compareDatasets(t, got, want)

	// A formula that fails: LibreOffice caches #DIV/0!.
	dir = t.TempDir()
	copyDirTest(t, baseDir, dir)
	v := filepath.Join(dir, "data", "villages.csv")
	b, _ := os.ReadFile(v)
	os.WriteFile(v, []byte(strings.Replace(string(b), "V2,中村,T1,2300,", "V2,中村,T1,=1/0,", 1)), 0o644)
	convert(t, soffice, "xlsx:Calc MS Excel 2007 XML", v, filepath.Join(dir, "data"))
	os.Remove(v)
	_, probs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var found *problem.Problem
	for _, p := range probs.Sorted() {
		if p.Code == "cell-error" {
			p := p
			found = &p
		}
	}
	if found == nil || found.Sheet != "villages" || found.Cell != "D3" || found.Value != "#DIV/0!" || found.Key != "population" {
		t.Errorf("no cell-error at villages!D3: %v", probs.Sorted())
	}
}

// TestWorkbookNumberCell: a personal number in a workbook is placed at its
// cell as Excel names it (the name is made only for a cell with a number).
func TestWorkbookNumberCell(t *testing.T) {
	dir := workbookSiteWith(t, func(tb *schema.Table, sh *testxlsx.Sheet) {
		if tb.Name == "townships" {
			sh.Rows[2][1] = "联系 13812345678"
		}
	})
	_, probs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range probs.Sorted() {
		if p.Code == "privacy-mobile" {
			got = append(got, p.Sheet+"!"+p.Cell)
		}
	}
	if len(got) != 1 || got[0] != "乡镇!B3" {
		t.Fatalf("mobile number found at %v, want [乡镇!B3]", got)
	}
}
