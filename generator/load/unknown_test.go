package load

import (
	"os"
	"path/filepath"
	"testing"

	"gongshi/generator/problem"
)

// TestUnknownFileWhileATableIsMissing: a file that is no table is an error
// only when it may be a missing table misnamed; a stray file beside the data
// while the optional 处理 (actions) is missing stays a warning. A table
// file's extension counts in any case (pledges.CSV).
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
			if c.remove != "" {
				os.Remove(filepath.Join(dir, "data", c.remove))
			}
			os.WriteFile(filepath.Join(dir, "data", c.add), []byte("id,note\nx,y\n"), 0o644)
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
