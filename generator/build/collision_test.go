package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// renameID replaces the ID old by new at the start of rows (and as a
// reference after a comma) in the given data files.
func renameID(t *testing.T, src, old, new string, files ...string) {
	t.Helper()
	for _, f := range files {
		p := filepath.Join(src, "data", f)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.ReplaceAll("\n"+string(b), "\n"+old+",", "\n"+new+",")
		s = strings.ReplaceAll(s, ","+old+",", ","+new+",")
		if s == "\n"+string(b) {
			t.Fatalf("fixture changed: no %s in %s", old, f)
		}
		writeFiles(t, src, map[string]string{"data/" + f: s[1:]})
	}
}

// TestPathCollisions: two pages must never share an output file. When data
// IDs or content files would make them, the build stops with a problem
// instead of publishing one page in place of the other, chosen by whichever
// worker (or map iteration) came last.
func TestPathCollisions(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, src string)
		file  string // the output file both would write
	}{
		{"hearing ID equal to a year with hearings", func(t *testing.T, src string) {
			renameID(t, src, "H1", "2024", "hearings.csv", "hearing_questions.csv")
		}, "hearings/2024/index.html"},
		{"pledge ID overdue", func(t *testing.T, src string) {
			renameID(t, src, "P1", "overdue", "pledges.csv", "pledge_updates.csv")
		}, "pledges/overdue/index.html"},
		{"township ID page", func(t *testing.T, src string) {
			renameID(t, src, "T2", "page", "townships.csv", "villages.csv")
		}, "ratings/2024/page/index.html"},
		{"help.md and help/_index.md", func(t *testing.T, src string) {
			writeFiles(t, src, map[string]string{"content/help.md": "# 帮助一\n", "content/help/_index.md": "# 帮助二\n"})
		}, "help/index.html"},
		{"two reports for one year", func(t *testing.T, src string) {
			writeFiles(t, src, map[string]string{"content/reports/annual.md": "+++\ntitle = \"另一份 2023 报告\"\nyear = 2023\n+++\n\n正文。\n"})
		}, "reports/2023/index.html"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := baseSite(t)
			c.setup(t, src)
			dest := filepath.Join(t.TempDir(), "public")
			_, probs, err := Run(Options{Source: src, Dest: dest})
			if err == nil {
				t.Fatalf("build succeeded; two pages were written to %s, one lost", c.file)
			}
			if !errors.Is(err, ErrInvalid) || probs.Errors() == 0 {
				t.Errorf("err = %v, want ErrInvalid with a problem naming the cause", err)
			}
		})
	}
}
