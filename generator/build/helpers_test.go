package build

import (
	"crypto/sha256"
	"encoding/hex"
	"gongshi/generator/internal/testfs"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// baseSource is the small clean test county shared with package check.
const baseSource = "../check/testdata/base"

// absBase is the absolute base_url of the tests' second variant: with it,
// village pages carry a QR code and every page a canonical link.
const absBase = "https://www.example.gov.cn/cwgk/"

// baseSite returns a fresh copy of the base county (site.toml and data/) with
// this package's testdata/content as its content/ and the rows of
// testdata/accountability appended to its tables, so that a test may break
// or extend it freely.
func baseSite(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "src")
	copyDir(t, filepath.Join(baseSource, "site.toml"), filepath.Join(dir, "site.toml"))
	copyDir(t, filepath.Join(baseSource, "data"), filepath.Join(dir, "data"))
	copyDir(t, filepath.Join("testdata", "content"), filepath.Join(dir, "content"))
	appendRows(t, filepath.Join("testdata", "accountability"), filepath.Join(dir, "data"))
	return dir
}

// appendRows appends the rows of each CSV in from to the table of the same
// name in data, after checking that both have the same header. The rows add
// to the base county what the pages of accountability records show: a
// revised pledge and its replacement, one revised with none, an open pledge
// carried over from a secretary who left, their updates, and a hearing
// announced for after as_of. (They live here, not in the base county, which
// package check's corpus and other packages' tests count on as it is.)
func appendRows(t testing.TB, from, data string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(from, "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no rows to append in %s: %v", from, err)
	}
	for _, f := range files {
		extra, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(data, filepath.Base(f))
		base, err := os.ReadFile(target)
		if err != nil {
			t.Fatal(err)
		}
		head, rows, _ := strings.Cut(string(extra), "\n")
		if baseHead, _, _ := strings.Cut(string(base), "\n"); strings.TrimSpace(baseHead) != strings.TrimSpace(head) {
			t.Fatalf("%s: header %q differs from %s's %q", f, head, target, baseHead)
		}
		if !strings.HasSuffix(string(base), "\n") {
			base = append(base, '\n')
		}
		if err := os.WriteFile(target, append(base, rows...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// mustBuild builds src into dest as the CLI does and fails the test on any
// error, printing every problem.
func mustBuild(t testing.TB, src, dest, baseURL string) Summary {
	t.Helper()
	sum, probs, err := Run(Options{Source: src, Dest: dest, BaseURL: baseURL})
	if err != nil {
		t.Fatalf("build %s → %s: %v\n%s", src, dest, err, probs.String())
	}
	return sum
}

// tree returns every entry under root: files by slash path → mode and
// SHA-256 of the contents, folders as "dir/" → mode. Nothing is excluded.
func tree(t testing.TB, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		info, err := e.Info()
		if err != nil {
			return err
		}
		if e.IsDir() {
			out[rel+"/"] = info.Mode().String()
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 {
			target, err := os.Readlink(p)
			out[rel] = "symlink " + target
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[rel] = info.Mode().String() + " " + hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diffTrees returns the differences between two trees, one per line, sorted.
func diffTrees(a, b map[string]string) []string {
	var out []string
	for k, va := range a {
		vb, ok := b[k]
		switch {
		case !ok:
			out = append(out, "only in first: "+k)
		case va != vb:
			out = append(out, "differs: "+k+" ("+va+" vs "+vb+")")
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, "only in second: "+k)
		}
	}
	sort.Strings(out)
	return out
}

// listDir returns the names in dir, sorted.
func listDir(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// htmlFiles returns the slash paths of the .html files under root, sorted.
func htmlFiles(t testing.TB, root string) []string {
	t.Helper()
	var out []string
	for p := range tree(t, root) {
		if strings.HasSuffix(p, ".html") {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// fileExists reports whether the slash path rel under root is a file.
func fileExists(root, rel string) bool {
	fi, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel)))
	return err == nil && !fi.IsDir()
}

// readFile returns the file at the slash path rel under root.
func readFile(t testing.TB, root, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// copyDir and writeFiles are shared with other packages' tests.
var (
	copyDir    = testfs.CopyTree
	writeFiles = testfs.WriteFiles
)
