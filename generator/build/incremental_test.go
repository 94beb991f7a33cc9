package build

import (
	"errors"
	"gongshi/generator/output"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRebuildRewritesOnlyWhatChanged builds the demo county, changes one
// pledge's title and builds again: the files whose bytes did not change are
// the previous files (hard links: same inode and time), the changed ones are
// exactly the pledge's own pages, the pages and downloads that show it and
// the checksums, under 1% of the files, and --changes lists them.
func TestRebuildRewritesOnlyWhatChanged(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	for _, f := range []string{"site.toml", "data", "content"} {
		copyDir(t, filepath.Join("..", "..", f), filepath.Join(src, f))
	}
	dest := filepath.Join(t.TempDir(), "public")
	first := mustBuild(t, src, dest, "")
	if first.Added != first.Pages+first.Files {
		t.Errorf("first build: %d added, want %d", first.Added, first.Pages+first.Files)
	}
	before, err := os.Stat(filepath.Join(dest, "villages", "V0002", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(src, "data", "pledges.csv")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(b), "建立党员积分管理制度", "建立党员积分管理办法", 1)
	if changed == string(b) {
		t.Fatal("fixture changed: no pledge title to edit")
	}
	writeFiles(t, src, map[string]string{"data/pledges.csv": changed})
	list := filepath.Join(t.TempDir(), "changes.txt")
	sum, probs, err := Run(Options{Source: src, Dest: dest, Changes: list})
	if err != nil {
		t.Fatalf("%v\n%s", err, probs.String())
	}
	got, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"M data/2021/pledges.csv", "M data/SHA256SUMS", "M data/datapackage.json", "M data/gongshi.xlsx",
		"M data/pledges.csv", "M data/pledges.json", "M data/zh/pledges.csv",
		"M pledges/P000001/index.html", "M secretaries/S00001/index.html", "M villages/V0001/index.html",
	}
	lines := strings.Split(strings.TrimSpace(string(got)), "\n")
	// Pages that list the pledge by title (search, lists) may join these.
	for _, w := range want {
		if !slices.Contains(lines, w) {
			t.Errorf("--changes lacks %q", w)
		}
	}
	total := sum.Pages + sum.Files
	if sum.Changed != len(lines) || sum.Added+sum.Removed != 0 || sum.Changed*100 > total {
		t.Errorf("changed %d (listed %d), added %d, removed %d of %d files: want under 1%%, nothing added or removed",
			sum.Changed, len(lines), sum.Added, sum.Removed, total)
	}
	if sum.Kept != total-sum.Changed {
		t.Errorf("kept %d, want %d", sum.Kept, total-sum.Changed)
	}
	after, err := os.Stat(filepath.Join(dest, "villages", "V0002", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) || !before.ModTime().Equal(after.ModTime()) {
		t.Error("an unchanged page was written again: not the previous file")
	}
	// The same source again: nothing changes.
	sum, _, err = Run(Options{Source: src, Dest: dest, Changes: list})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(list); sum.Changed+sum.Added+sum.Removed != 0 || len(b) != 0 {
		t.Errorf("rebuild of the same source: %+v, list %q", sum, b)
	}
	// The list is staged beside its file and renamed: nothing else is left.
	if es, _ := os.ReadDir(filepath.Dir(list)); len(es) != 1 {
		t.Errorf("the folder of the list holds %d files, want the list alone", len(es))
	}
}

// TestStageChanges: a list of changes that cannot be written is a usage
// error saying the site was not changed; one that can is staged beside its
// file, whole.
func TestStageChanges(t *testing.T) {
	dir := t.TempDir()
	c := output.Changes{Changed: []string{"index.html"}, Added: []string{"villages/V0009/index.html"}}
	for _, tc := range []struct {
		name string
		file string
		ok   bool
	}{
		{"new file", filepath.Join(dir, "changes.txt"), true},
		{"no such folder", filepath.Join(dir, "missing", "changes.txt"), false},
		{"a folder", dir, false},
	} {
		got, err := stageChanges(tc.file, c)
		if !tc.ok {
			var ue *UsageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), "网站未改动 (") || !strings.Contains(err.Error(), "the site was not changed") {
				t.Errorf("%s: err = %v, want a usage error saying the site was not changed", tc.name, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		b, _ := os.ReadFile(got)
		if filepath.Dir(got) != filepath.Dir(tc.file) || string(b) != "M index.html\nA villages/V0009/index.html\n" { // in path order
			t.Errorf("%s: staged %s holding %q", tc.name, got, b)
		}
	}
}

// TestByHandFilesNamed: a file put into the published output by hand (a
// site verification file) does not survive a rebuild, as the output is
// made anew; the build names it and lists it as removed.
func TestByHandFilesNamed(t *testing.T) {
	src := baseSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	if _, probs, err := Run(Options{Source: src, Dest: dest}); err != nil {
		t.Fatalf("%v\n%s", err, probs)
	}
	writeFiles(t, dest, map[string]string{"baidu_verify_abc.html": "verify"})
	list := filepath.Join(t.TempDir(), "changes.txt")
	sum, probs, err := Run(Options{Source: src, Dest: dest, Changes: list})
	if err != nil {
		t.Fatalf("%v\n%s", err, probs)
	}
	if !slices.Equal(sum.ByHand, []string{"baidu_verify_abc.html"}) || sum.Removed != 1 {
		t.Errorf("ByHand %q, Removed %d; want the verification file, 1", sum.ByHand, sum.Removed)
	}
	if b, _ := os.ReadFile(list); string(b) != "D baidu_verify_abc.html\n" {
		t.Errorf("changes %q, want the file removed", b)
	}
	if _, err := os.Stat(filepath.Join(dest, "baidu_verify_abc.html")); err == nil {
		t.Error("the file is still there")
	}
}
