package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrepareThenWrite: Prepare checks and plans without writing anything
// and returns the problems (gongshi build prints them before rendering);
// Write then builds the site, once; a source with errors is never written.
func TestPrepareThenWrite(t *testing.T) {
	src := baseSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	p, probs, err := Prepare(Options{Source: src, Dest: dest})
	if err != nil {
		t.Fatalf("Prepare: %v\n%s", err, probs.String())
	}
	if probs.Warnings() == 0 {
		t.Fatal("fixture changed: the base site gave no warning to return before writing")
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Fatalf("Prepare wrote the destination (stat: %v)", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 0 {
		t.Fatalf("Prepare left %d entries beside the destination", len(entries))
	}
	sum, found, err := p.Write()
	if err != nil || found.Len() != 0 {
		t.Fatalf("Write: %v\n%s", err, found.String())
	}
	if sum.Pages == 0 || !fileExists(dest, "index.html") {
		t.Fatalf("Write built %d pages; index.html there: %v", sum.Pages, fileExists(dest, "index.html"))
	}
	if sum.CheckSeconds <= 0 || sum.Seconds < sum.CheckSeconds+sum.RenderSeconds {
		t.Errorf("summary times: whole %.3f s, check %.3f s, render %.3f s", sum.Seconds, sum.CheckSeconds, sum.RenderSeconds)
	}
	before := tree(t, dest)
	if _, _, err := p.Write(); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("a second Write: %v, want an error", err)
	}
	if d := diffTrees(before, tree(t, dest)); len(d) > 0 {
		t.Errorf("a second Write changed the output: %v", d)
	}

	// Run returns the same problems as Prepare.
	_, runProbs, err := Run(Options{Source: src, Dest: dest})
	if err != nil || runProbs.String() != probs.String() {
		t.Errorf("Run: %v; its problems differ from Prepare's:\n%s\nwant\n%s", err, runProbs.String(), probs.String())
	}

	// With errors: ErrInvalid, and nothing to write.
	pl := filepath.Join(src, "data", "pledges.csv")
	b, err := os.ReadFile(pl)
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, src, map[string]string{"data/pledges.csv": strings.Replace(string(b), ",推进中,", ",完成了,", 1)})
	bad, probs, err := Prepare(Options{Source: src, Dest: dest})
	if !errors.Is(err, ErrInvalid) || probs.Errors() == 0 {
		t.Fatalf("Prepare of a bad status: %v, %d errors", err, probs.Errors())
	}
	if _, _, err := bad.Write(); err == nil {
		t.Error("Write after a failed Prepare: no error")
	}
	if d := diffTrees(before, tree(t, dest)); len(d) > 0 {
		t.Errorf("Write after a failed Prepare changed the output: %v", d)
	}
}
