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
