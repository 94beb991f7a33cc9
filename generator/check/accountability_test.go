package check

import (
	"os"
	"path/filepath"
	"testing"
)

// TestActionsTableOptional checks that a county that keeps no actions table
// (处理) checks clean, and that the base, which has one, loads its rows.
func TestActionsTableOptional(t *testing.T) {
	layer := t.TempDir()
	if err := os.WriteFile(filepath.Join(layer, "remove"), []byte("data/actions.csv\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, probs, err := Source(overlay(t, "testdata/base", layer))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs.Sorted() {
		t.Errorf("without actions: %s", p)
	}
	if len(d.Actions) != 0 || len(d.ActionsFor) != 0 {
		t.Errorf("without actions: %d actions", len(d.Actions))
	}
	d, _, err = Source("testdata/base")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Actions) != 2 || len(d.ActionsFor["S5"]) != 1 {
		t.Errorf("base: %d actions, %d for S5; want 2, 1", len(d.Actions), len(d.ActionsFor["S5"]))
	}
}
