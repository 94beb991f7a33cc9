package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/internal/testxlsx"
	"gongshi/generator/problem"
	"gongshi/generator/schema"
)

// TestUnknownFileWhileATableIsMissing: a file that is no table is an error
// only when it may be a missing table misnamed; a stray file beside the data
// while the optional 处理 (actions) is missing stays a warning. A table
// file's extension counts in any case (pledges.CSV), and a file renamed
// (export.csv) but headed as the missing table is an error too.
func TestUnknownFileWhileATableIsMissing(t *testing.T) {
	for _, c := range []struct {
		name     string
		remove   string
		add      string
		severity problem.Severity
	}{
		{"stray file, optional table missing", "actions.csv", "notes.csv", problem.Warning},
		{"stray file, nothing missing", "", "notes.csv", problem.Warning},
		{"misspelt key", "trainings.csv", "training.csv", problem.Error},
		{"renamed, headed as the table", "trainings.csv", "export.csv", problem.Error},
		{"Chinese name", "trainings.csv", "培训记录.csv", problem.Error},
		{"upper-case extension", "actions.csv", "Actions.CSV", problem.Error},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for rel, b := range readTree(t, baseDir) {
				p := filepath.Join(dir, filepath.FromSlash(rel))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			content := []byte("id,note\nx,y\n")
			if c.remove != "" {
				if c.add == "export.csv" { // the table's own file, renamed: its header says what it is
					content, _ = os.ReadFile(filepath.Join(dir, "data", c.remove))
				}
				os.Remove(filepath.Join(dir, "data", c.remove))
			}
			os.WriteFile(filepath.Join(dir, "data", c.add), content, 0o644)
			_, probs, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []problem.Problem
			for _, p := range probs.Sorted() {
				if p.File == "data/"+c.add {
					got = append(got, p)
				}
			}
			if len(got) != 1 || got[0].Severity != c.severity {
				t.Fatalf("problems for data/%s: %+v, want one of severity %v", c.add, got, c.severity)
			}
		})
	}
}

// TestRenamedSheet: a sheet named as no table is ignored with a warning,
// but one still headed as a table that is missing (培训 renamed Sheet1) is
// an error that says to rename it: ignoring it would publish the site
// without that table.
func TestRenamedSheet(t *testing.T) {
	for _, c := range []struct {
		name     string
		rename   string // the table whose sheet is renamed Sheet1
		extra    bool   // a sheet of notes beside the tables
		severity problem.Severity
		want     string // in the Chinese message
	}{
		{"optional table renamed", "trainings", false, problem.Error, "表头与培训（trainings）表一致"},
		{"required table renamed", "villages", false, problem.Error, "表头与行政村（villages）表一致"},
		{"notes sheet, nothing missing", "", true, problem.Warning, "不是已知的数据表"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var extra []testxlsx.Sheet
			if c.extra {
				extra = append(extra, testxlsx.Sheet{Name: "Sheet1", Rows: [][]any{{"备注", "填表人"}, {"无", "张三"}}})
			}
			dir := workbookSiteWith(t, func(tb *schema.Table, sh *testxlsx.Sheet) {
				if tb.Name == c.rename {
					sh.Name = "Sheet1"
				}
			}, extra...)
			_, probs, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []problem.Problem
			for _, p := range probs.Sorted() {
				if p.Sheet == "Sheet1" {
					got = append(got, p)
				}
			}
			if len(got) != 1 || got[0].Severity != c.severity || !strings.Contains(got[0].Zh, c.want) {
				t.Fatalf("problems for Sheet1: %+v, want one of severity %v saying %q", got, c.severity, c.want)
			}
		})
	}
}

// TestSplitTable: rows of a table moved to a sheet or file of their own
// (培训2025 beside 培训), headed as the table, are an error saying where
// they belong, not a warning: ignored, they would be missing from the site.
func TestSplitTable(t *testing.T) {
	trainings := func(t *testing.T) [][]any {
		b, err := os.ReadFile(filepath.Join(baseDir, "data", "trainings.csv"))
		if err != nil {
			t.Fatal(err)
		}
		return workbookSheet(t, "data/trainings.csv", b, "x").Rows
	}
	for _, c := range []struct {
		name     string
		workbook bool              // the tables in data/台账.xlsx (else CSV files)
		sheets   map[string]string // extra workbook → its sheet of trainings
		file     string            // extra CSV file of trainings
		want     string            // the problem, as check prints it
	}{
		{name: "a second sheet in the workbook", workbook: true, sheets: map[string]string{"台账.xlsx": "培训2025"},
			want: `data/台账.xlsx:培训2025: 表头与“培训”相同：一张表只能在一个工作表里，此工作表未读取；请把这些行并入“培训”工作表 (its headers are those of the table trainings (培训): a table may be in one sheet only, so this sheet was not read; move these rows into the sheet 培训)`},
		{name: "a sheet in another workbook", workbook: true, sheets: map[string]string{"2025.xlsx": "Sheet1"},
			want: `data/2025.xlsx:Sheet1: 表头与“培训”相同：一张表只能在一个工作表里，此工作表未读取；请把这些行并入 data/台账.xlsx 的“培训”工作表 (its headers are those of the table trainings (培训): a table may be in one sheet only, so this sheet was not read; move these rows into the sheet 培训 of data/台账.xlsx)`},
		{name: "a workbook beside the CSV files", sheets: map[string]string{"培训2025.xlsx": "Sheet1"},
			want: `data/培训2025.xlsx:Sheet1: 表头与“培训”相同：一张表只能在一个工作表里，此工作表未读取；请把这些行并入 data/trainings.csv (its headers are those of the table trainings (培训): a table may be in one sheet only, so this sheet was not read; move these rows into data/trainings.csv)`},
		{name: "a second CSV file", file: "trainings2025.csv",
			want: `data/trainings2025.csv: 表头与“培训”相同，但文件名不是表的英文键，此文件未读取；请把这些行并入 data/trainings.csv，或把一张表的各个文件都放进 data/trainings/ 文件夹 (its headers are those of the table trainings (培训), but the file is not named for it, so it was not read; move these rows into data/trainings.csv, or put all the table's files in the folder data/trainings/)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if c.workbook {
				dir = workbookSiteWith(t, func(*schema.Table, *testxlsx.Sheet) {})
			} else {
				copyDirTest(t, baseDir, dir)
			}
			for wb, sheet := range c.sheets {
				rows := trainings(t)
				sh := testxlsx.Sheet{Name: sheet, Rows: [][]any{rows[0], rows[1]}}
				if wb == "台账.xlsx" { // add the sheet to the tables' workbook
					p := filepath.Join(dir, "data", wb)
					os.Remove(p)
					var all []testxlsx.Sheet
					for _, tb := range schema.Tables {
						b, err := os.ReadFile(filepath.Join(baseDir, "data", tb.Name+".csv"))
						if err == nil {
							all = append(all, workbookSheet(t, "data/"+tb.Name+".csv", b, tb.Sheet))
						}
					}
					testxlsx.Write(t, p, append(all, sh)...)
					continue
				}
				testxlsx.Write(t, filepath.Join(dir, "data", wb), sh)
			}
			if c.file != "" {
				b, _ := os.ReadFile(filepath.Join(baseDir, "data", "trainings.csv"))
				os.WriteFile(filepath.Join(dir, "data", c.file), b, 0o644)
			}
			d, probs, got := loadAll(t, dir)
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("problems:\n got %s\nwant %s", strings.Join(got, "\n     "), c.want)
			}
			if probs.Errors() != 1 || len(d.Trainings) != 5 {
				t.Errorf("%d errors, %d trainings: want 1 error and the 5 trainings of the table's own place", probs.Errors(), len(d.Trainings))
			}
		})
	}
}

// TestUnreadableSpreadsheet: a spreadsheet gongshi cannot read is an
// error wherever it lies in data/ (WPS's .et beside a stale .xlsx would
// otherwise publish the old rows), saying to save it as .xlsx; Excel's lock
// file (~$…) is not data.
func TestUnreadableSpreadsheet(t *testing.T) {
	for _, c := range []struct {
		file string // added to the base site (the bytes do not matter)
		code string // "" for no problem
		zh   string // in the message
	}{
		{"data/台账.et", "old-excel", "WPS 表格格式（.et），无法读取"},
		{"data/台账.XLS", "old-excel", "旧版 Excel 格式（.xls），无法读取"},
		{"data/pledges.ods", "not-xlsx", "LibreOffice/OpenDocument 表格格式（.ods），无法读取，其中的数据不会发布：请用 Excel、WPS 或 LibreOffice 打开，另存为 .xlsx"},
		{"data/台账.xlsb", "not-xlsx", "另存为 .xlsx"},
		{"data/trainings/2025.xlsx", "unread-spreadsheet", "表的文件夹 data/trainings/ 里只读取 CSV 和 TOML 文件"},
		{"data/trainings/2025.et", "unread-spreadsheet", "请另存为 CSV"},
		{"data/trainings/~$2025.xlsx", "", ""},
	} {
		t.Run(c.file, func(t *testing.T) {
			dir := t.TempDir()
			copyDirTest(t, baseDir, dir)
			p := filepath.Join(dir, filepath.FromSlash(c.file))
			if strings.HasPrefix(c.file, "data/trainings/") {
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.Rename(filepath.Join(dir, "data", "trainings.csv"), filepath.Join(dir, "data", "trainings", "2024.csv"))
			}
			os.WriteFile(p, []byte("PK\x03\x04"), 0o644)
			_, probs, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			ps := probs.Sorted()
			if c.code == "" {
				if len(ps) != 0 {
					t.Errorf("problems: %v, want none", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Code != c.code || ps[0].Severity != problem.Error || ps[0].File != c.file || !strings.Contains(ps[0].Zh, c.zh) || ps[0].En == "" {
				t.Errorf("problems: %v, want one %s error at %s saying %q", ps, c.code, c.file, c.zh)
			}
		})
	}
}

// TestCopyName: the names Windows, a browser's download and a clerk give a
// copy of a workbook are read after the workbook, so that the copy is the
// one reported (corpus 430).
func TestCopyName(t *testing.T) {
	for name, want := range map[string]bool{
		"台账 - 副本.xlsx": true, "台账 - Copy.xlsx": true, "台账(1).xlsx": true, "台账（2）.xlsx": true,
		"台账 (3).XLSX": true, "台账备份.xlsx": true, "backup.xlsm": true,
		"台账.xlsx": false, "台账2025.xlsx": false, "台账(东岭乡).xlsx": false, "pledges.xlsx": false,
	} {
		if got := copyName(name); got != want {
			t.Errorf("copyName(%q) = %v, want %v", name, got, want)
		}
	}
}
