package load

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/internal/testfs"
	"gongshi/generator/problem"
)

// baseCopy returns a fresh copy of the base county.
func baseCopy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "src")
	testfs.CopyTree(t, baseDir, dir)
	return dir
}

// replaceWithLink replaces the slash path rel under dir with a symbolic link to target.
func replaceWithLink(t *testing.T, dir, rel, target string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.RemoveAll(p); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("symlinks: %v", err)
	}
}

// loadProblems loads dir and returns its problems as `check` prints them.
func loadProblems(t *testing.T, dir string) []string {
	t.Helper()
	_, probs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range probs.Sorted() {
		out = append(out, p.Code+" "+p.String())
	}
	return out
}

// loadAll loads the source in dir and returns it, its problems and the
// problems as gongshi check prints them, one a line.
func loadAll(t *testing.T, dir string) (*dataset.Dataset, *problem.List, []string) {
	t.Helper()
	d, probs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range probs.Sorted() {
		lines = append(lines, p.String())
	}
	return d, probs, lines
}

// ownProblems drops the references to rows of a table that was refused:
// they follow from the one problem each test is about.
func ownProblems(probs []string) []string {
	var out []string
	for _, p := range probs {
		if !strings.Contains(p, "找不到此编号") {
			out = append(out, p)
		}
	}
	return out
}

// TestSymlinksRefused: no file of the source is read through a symbolic
// link, whether it leads out of the site, to a device (data/pledges.csv →
// /dev/zero ran out of memory) or to another file of the site.
func TestSymlinksRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	outside := t.TempDir()
	testfs.WriteFiles(t, outside, map[string]string{"secret.csv": "id,name\nX,secret\n"})
	for _, c := range []struct {
		name, rel, target string
		want              string // the one problem, as printed, after its code
	}{
		{"table to a device", "data/pledges.csv", "/dev/zero", "symlink data/pledges.csv: 是符号链接"},
		{"table out of the source", "data/townships.csv", filepath.Join(outside, "secret.csv"), "symlink data/townships.csv: 是符号链接"},
		{"table to a file inside", "data/hearings.csv", "pledges.csv", "symlink data/hearings.csv: 是符号链接"},
		{"table folder", "data/trainings", outside, "symlink data/trainings: 是符号链接"},
		{"site.toml", "site.toml", filepath.Join(outside, "secret.csv"), "symlink site.toml: 是符号链接"},
		{"rules.toml", "data/rules.toml", "/dev/zero", "symlink data/rules.toml: 是符号链接"},
		{"data folder", "data", outside, "symlink data: 是符号链接"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := baseCopy(t)
			if c.rel == "data/trainings" {
				testfs.WriteFiles(t, dir, map[string]string{"data/trainings/2024.csv": "id\n"})
				os.Remove(filepath.Join(dir, "data", "trainings.csv"))
			}
			replaceWithLink(t, dir, c.rel, c.target)
			if got := ownProblems(loadProblems(t, dir)); len(got) != 1 || !strings.HasPrefix(got[0], c.want) {
				t.Errorf("problems %q, want one starting %q", got, c.want)
			}
		})
	}
}

// TestFIFORefused: a named pipe as a table is refused without opening it
// (opening a pipe to read waits for a writer: the build would hang).
func TestFIFORefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := baseCopy(t)
	p := filepath.Join(dir, "data", "hearings.csv")
	os.Remove(p)
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := ownProblems(loadProblems(t, dir))
	if len(got) != 1 || !strings.HasPrefix(got[0], `not-regular-file data/hearings.csv: "named pipe": `) {
		t.Errorf("problems %q, want one not-regular-file at data/hearings.csv", got)
	}
}
