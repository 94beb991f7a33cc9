package check

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"gongshi/generator/sample"
	"gongshi/generator/schema"
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
	if len(d.Actions) != 0 || len(d.ActionsFor.Keys()) != 0 {
		t.Errorf("without actions: %d actions", len(d.Actions))
	}
	d, _, err = Source("testdata/base")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Actions) != 2 || len(d.ActionsFor.Of("S5")) != 1 {
		t.Errorf("base: %d actions, %d for S5; want 2, 1", len(d.Actions), len(d.ActionsFor.Of("S5")))
	}
}

// TestDemoAccountability checks that the demo county in the repository's
// data/ is what `gongshi sample --villages 160 --seed 2025` writes (so that
// it is regenerated when the generator changes), that it checks without a
// problem, and that it has every accountability record and every kind of
// attention item for the pages to show.
func TestDemoAccountability(t *testing.T) {
	const demo = "../.."
	dir := t.TempDir()
	if err := sample.Write(dir, sample.Options{Villages: 160, Seed: 2025}); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(filepath.Join(dir, "data"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		want, _ := os.ReadFile(p)
		got, err := os.ReadFile(filepath.Join(demo, rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs from the sample (go run ./generator/cmd/gongshi sample --villages 160 --seed 2025 --out DIR, then copy DIR/data)", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	d, probs, err := Source(demo)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs.Sorted() {
		t.Errorf("demo: %s", p)
	}
	if t.Failed() {
		return
	}
	leave, replaced, scheduled, carried := 0, 0, 0, 0
	for _, s := range d.Secretaries {
		if s.LeaveReason != "" {
			leave++
		}
	}
	for _, p := range d.Pledges {
		if p.ReplacedBy != "" {
			replaced++
		}
		if p.CarriedOver {
			carried++
		}
	}
	for _, h := range d.Hearings {
		if h.Upcoming(d.Site.AsOf) {
			scheduled++
		}
	}
	kinds := map[string]int{}
	for _, a := range d.Actions {
		kinds[a.Kind]++
	}
	a := d.Attention
	for _, c := range []struct {
		what string
		n    int
	}{
		{"leave reasons", leave}, {"replaced pledges", replaced}, {"scheduled hearings", scheduled},
		{"carried-over pledges", carried}, {"rewards", kinds[schema.ActionReward]},
		{"commendations", kinds[schema.ActionCommendation]}, {"written admonitions", kinds[schema.ActionWrittenAdmonition]},
		{"adjustments", kinds[schema.ActionAdjustment]},
		{"overdue items", len(a.Overdue)}, {"须调整 with no action", len(a.NoAction)}, {"quiet villages", len(a.Quiet)},
		{"training shortfalls", len(a.Training)}, {"已调整 with no replacement", len(a.NoReplacement)},
	} {
		if c.n == 0 {
			t.Errorf("demo has no %s", c.what)
		}
	}
}
