package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongshi/generator/dataset"
	"gongshi/generator/load"
	"gongshi/generator/schema"
)

// TestTemplateLayout: the template has the instructions sheet first, then a
// sheet per table named in Chinese with Chinese headers, the key in each
// header's comment, a drop-down for every enum and boolean column, date
// formats on date columns and a frozen header row.
func TestTemplateLayout(t *testing.T) {
	file := filepath.Join(t.TempDir(), "台账.xlsx")
	if code, out, errOut := cli(t, "template", "--out", file); code != exitOK {
		t.Fatalf("template = %d\n%s%s", code, out, errOut)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm()&0o111 != 0 {
		t.Errorf("the workbook is %v (%v): a document, not a program", fi.Mode(), err)
	}
	for _, name := range []string{"x.xls", "out.csv", "台账", "a.xlsx.txt"} {
		bad := filepath.Join(t.TempDir(), name)
		code, _, errOut := cli(t, "template", "--out", bad)
		if _, err := os.Stat(bad); code != exitUsage || err == nil || !strings.Contains(errOut, ".xlsx") {
			t.Errorf("template --out %s = %d (%q), wrote a file: %v; want a usage error naming .xlsx and no file", name, code, errOut, err == nil)
		}
	}
	if code, _, _ := cli(t, "template", "--out", file); code != exitUsage {
		t.Errorf("template over an existing file = %d, want %d", code, exitUsage)
	}
	x, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	want := []string{schema.InstructionsSheet}
	for _, tb := range schema.Tables {
		want = append(want, tb.Sheet)
	}
	if got := x.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	for _, tb := range schema.Tables {
		rows, _ := x.GetRows(tb.Sheet)
		if len(rows) != 1 {
			t.Errorf("%s: %d rows, want the header only", tb.Sheet, len(rows))
			continue
		}
		comments, _ := x.GetComments(tb.Sheet)
		dvs, _ := x.GetDataValidations(tb.Sheet)
		lists := map[string]string{} // column → drop-down values
		for _, dv := range dvs {
			if dv.Type == "list" {
				lists[strings.TrimRight(strings.SplitN(dv.Sqref, ":", 2)[0], "0123456789")] = dv.Formula1
			}
		}
		panes, _ := x.GetPanes(tb.Sheet)
		if !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v", tb.Sheet, panes)
		}
		for i, f := range tb.Input() {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if rows[0][i] != f.Label {
				t.Errorf("%s!%s1 = %q, want %q", tb.Sheet, col, rows[0][i], f.Label)
			}
			found := false
			for _, c := range comments {
				found = found || (c.Cell == col+"1" && strings.HasPrefix(commentText(c), f.Key+"\n"))
			}
			if !found {
				t.Errorf("%s!%s1: no comment starting with the key %s", tb.Sheet, col, f.Key)
			}
			switch f.Type {
			case schema.Enum:
				if !strings.Contains(lists[col], f.Enum[0].Zh) {
					t.Errorf("%s column %s (%s): drop-down %q lacks %s", tb.Sheet, col, f.Key, lists[col], f.Enum[0].Zh)
				}
			case schema.Bool:
				if lists[col] != `"是,否"` {
					t.Errorf("%s column %s (%s): drop-down %q, want 是,否", tb.Sheet, col, f.Key, lists[col])
				}
			case schema.Grade:
				if !strings.Contains(lists[col], "优秀") {
					t.Errorf("%s column %s (%s): drop-down %q lacks the grades", tb.Sheet, col, f.Key, lists[col])
				}
			case schema.Date:
				style, _ := x.GetColStyle(tb.Sheet, col)
				st, _ := x.GetStyle(style)
				if st == nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
					t.Errorf("%s column %s (%s): not date-formatted", tb.Sheet, col, f.Key)
				}
			}
		}
	}
}

func commentText(c excelize.Comment) string {
	if c.Text != "" {
		return c.Text
	}
	var b strings.Builder
	for _, r := range c.Paragraph {
		b.WriteString(r.Text)
	}
	return b.String()
}

// fillTemplate fills the template's sheets as a clerk types into them:
// dates into the date-formatted cells, choices from the drop-downs, numbers.
func fillTemplate(t *testing.T, file string) {
	t.Helper()
	x, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	set := func(sheet string, rows ...[]any) {
		for r, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := x.SetSheetRow(sheet, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	day := func(s string) float64 { // a date as Excel stores what was typed
		d, _ := load.ParseDate(s)
		n, _ := dataset.ExcelDay(d)
		return float64(n)
	}
	set("乡镇", []any{"T1", "东乡镇"})
	set("行政村", []any{"V1", "上村", "T1", 1200, 380, 45, 150000.5}, []any{"007", "下村", "T1"})
	set("书记", []any{"S1", "张三", "V1", "书记", day("2021-01-15"), nil, "男", 1975, "大专", "本地能人", "是"},
		[]any{"S2", "李四", "007", "第一书记", day("2022-03-01"), nil, "女", nil, nil, "机关下派", "否"})
	set("承诺", []any{"P1", "V1", "S1", "任期目标", "公益事业", "硬化村道", day("2021-02-01"), "推进中", nil, nil, day("2026-06-30"), 60})
	set("承诺进展", []any{"P1", day("2022-05-01"), "推进中", 30, "已开工"})
	set("年度评议", []any{2024, "V1", "S1", 92, 88, 90, nil, nil, 8, 4})
	set("民主听证", []any{"H1", "V1", day("2024-05-10"), "土地流转", "通过", nil, day("2024-05-01"), 30, 10, 15, 0, 25, 3, 2})
	set("听证质询", []any{"H1", 1, "价格如何定？", "参照市场价", "村民代表", "书记"})
	set("培训", []any{"TR1", "S1", day("2024-03-10"), "集中培训", 95, "党校培训班", 7})
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
}

// templateSite returns a source whose data is the filled-in template.
func templateSite(t *testing.T) (dir, file string) {
	t.Helper()
	dir = t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"测试县\"\ncounty = \"测试县\"\nas_of = 2025-12-31\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	file = filepath.Join(dir, "data", "台账.xlsx")
	if code, out, errOut := cli(t, "template", "--out", file); code != exitOK {
		t.Fatalf("template = %d\n%s%s", code, out, errOut)
	}
	fillTemplate(t, file)
	return dir, file
}

// TestBlankTemplate: the template put into data/ as it comes, not filled
// in, passes check with a warning that the site would be empty.
func TestBlankTemplate(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"测试县\"\ncounty = \"测试县\"\nbase_url = \"https://example.gov.cn/\"\nas_of = 2025-12-31\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "data"), 0o755)
	if code, out, errOut := cli(t, "template", "--out", filepath.Join(dir, "data", "台账.xlsx")); code != exitOK {
		t.Fatalf("template = %d\n%s%s", code, out, errOut)
	}
	code, out, errOut := cli(t, "check", "--source", dir)
	if code != exitOK || !strings.Contains(out, "data: 警告 warning: 还没有任何行政村的记录") || !strings.Contains(out, "0 errors, 1 warning") {
		t.Errorf("check of a blank template = %d\n%s%s\nwant one warning that no village has a row", code, out, errOut)
	}
}

// TestTemplateRoundTrip: the template, filled in and saved, is a source that
// passes check, and its cells read as typed (dates, leading zeros).
func TestTemplateRoundTrip(t *testing.T) {
	dir, _ := templateSite(t)
	if code, out, errOut := cli(t, "check", "--source", dir); code != exitOK {
		t.Fatalf("check of the filled template = %d\n%s%s", code, out, errOut)
	}
	checkTemplateData(t, dir)
}

func checkTemplateData(t *testing.T, dir string) {
	t.Helper()
	d, _, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Villages) != 2 || d.Villages[1].ID != "007" {
		t.Errorf("villages %+v: want V1 and 007 (text column keeps the zeros)", d.Villages)
	}
	if len(d.Secretaries) != 2 || d.Secretaries[0].TermStart != "2021-01-15" || d.Secretaries[0].DualRole == nil || !*d.Secretaries[0].DualRole {
		t.Errorf("secretaries %+v", d.Secretaries)
	}
	if len(d.Pledges) != 1 || d.Pledges[0].Due != "2026-06-30" {
		t.Errorf("pledges %+v", d.Pledges)
	}
	if len(d.Trainings) != 1 || d.Trainings[0].Points != 95 {
		t.Errorf("trainings %+v", d.Trainings)
	}
}

// TestTemplateLibreOffice: the filled template re-saved by LibreOffice still
// passes check.
func TestTemplateLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("LibreOffice (soffice) is missing: apt-get install -y libreoffice-calc-nogui")
		}
		t.Skip("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui to run this test")
	}
	dir, file := templateSite(t)
	out := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+t.TempDir(), "--headless",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, file)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	if err := os.Rename(filepath.Join(out, filepath.Base(file)), file); err != nil {
		t.Fatal(err)
	}
	if code, o, e := cli(t, "check", "--source", dir); code != exitOK {
		t.Fatalf("check of the template re-saved by LibreOffice = %d\n%s%s", code, o, e)
	}
	checkTemplateData(t, dir)
}

// TestNewWorkbook: `new --workbook` holds the same county as `new`, in one
// workbook, and passes check.
func TestNewWorkbook(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "csv"), filepath.Join(t.TempDir(), "xlsx")
	if code, _, e := cli(t, "new", a); code != exitOK {
		t.Fatal(e)
	}
	if code, _, e := cli(t, "new", b, "--workbook"); code != exitOK {
		t.Fatal(e)
	}
	entries, _ := os.ReadDir(filepath.Join(b, "data"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "台账.xlsx" && !reflect.DeepEqual(names, []string{"rules.toml", "台账.xlsx"}) {
		t.Errorf("data/ holds %v, want the workbook (and rules.toml)", names)
	}
	if code, out, e := cli(t, "check", "--source", b); code != exitOK {
		t.Fatalf("check = %d\n%s%s", code, out, e)
	}
	da, _, _ := load.Load(a)
	db, _, _ := load.Load(b)
	for _, d := range []*dataset.Dataset{da, db} {
		for _, tb := range schema.Tables {
			rows := reflect.ValueOf(d.Rows(tb.Name)).Elem()
			for i := 0; i < rows.Len(); i++ {
				rows.Index(i).FieldByName("Src").Set(reflect.Zero(reflect.TypeOf(dataset.Src{})))
			}
		}
	}
	for _, tb := range schema.Tables {
		if !reflect.DeepEqual(da.Rows(tb.Name), db.Rows(tb.Name)) {
			t.Errorf("%s: the workbook's rows differ from the CSV's", tb.Name)
		}
	}
	if len(db.Villages) == 0 || len(db.Pledges) == 0 {
		t.Errorf("workbook county is empty: %d villages, %d pledges", len(db.Villages), len(db.Pledges))
	}
}
