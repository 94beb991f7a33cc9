package check

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/content"
	"gongshi/generator/privacy"
)

var update = flag.Bool("update", false, "rewrite the want files of the bad-input corpus")

// TestCorpus runs every case under testdata/bad: the checks of Source, of
// Published and of the content pages. A case is the base site
// (testdata/base) with the case's files laid over it; a file named "remove"
// lists base files to delete. The case's "want" file holds the exact
// problems, one per line, as `gongshi check` prints them.
func TestCorpus(t *testing.T) {
	cases, err := filepath.Glob("testdata/bad/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 30 {
		t.Errorf("corpus has %d cases, want at least 30", len(cases))
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			src := overlay(t, "testdata/base", dir)
			d, probs, err := Source(src)
			if err != nil {
				t.Fatal(err)
			}
			allow := privacy.NewAllow(d.Site.Privacy.AllowNumbers)
			probs.Merge(*Published(src, allow)) // static/, as build and check read it
			_, cp := content.Load(src, allow)   // content/, as build and check read it
			probs.Merge(*cp)
			var got []string
			for _, p := range probs.Sorted() {
				got = append(got, p.String())
				if !validCode(p.Code) {
					t.Errorf("problem without a valid code %q: %s", p.Code, p)
				}
			}
			wantFile := filepath.Join(dir, "want")
			if *update {
				os.WriteFile(wantFile, []byte(strings.Join(got, "\n")+"\n"), 0o644)
				return
			}
			b, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Split(strings.TrimSpace(string(b)), "\n")
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("problems differ\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			if probs.Errors() == 0 && !strings.HasPrefix(filepath.Base(dir), "warn-") {
				t.Errorf("a defective input produced no error")
			}
		})
	}
}

// validCode reports whether a problem code is a short kebab-case word, as
// `gongshi check --format json` promises scripts.
func validCode(c string) bool {
	if c == "" || len(c) > 32 || c[0] == '-' || c[len(c)-1] == '-' {
		return false
	}
	for _, r := range c {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// TestBaseIsClean makes sure the corpus starts from a source with no errors,
// so each case's problems are its own.
func TestBaseIsClean(t *testing.T) {
	_, probs, err := Source("testdata/base")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs.Sorted() {
		t.Errorf("base: %s", p)
	}
}

// overlay copies base into a temporary folder and lays the case's files over it.
func overlay(t *testing.T, base, layer string) string {
	t.Helper()
	dst := t.TempDir()
	copyTree(t, base, dst)
	copyTree(t, layer, dst)
	os.Remove(filepath.Join(dst, "want"))
	if b, err := os.ReadFile(filepath.Join(layer, "remove")); err == nil {
		for _, f := range strings.Fields(string(b)) {
			os.RemoveAll(filepath.Join(dst, filepath.FromSlash(f)))
		}
		os.Remove(filepath.Join(dst, "remove"))
	}
	return dst
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if e.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
