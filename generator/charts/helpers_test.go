package charts

import (
	"gongshi/generator/internal/testfs"
	"os"
	"path/filepath"
	"testing"

	"gongshi/generator/check"
	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
)

// baseSource is the small clean county shared with packages check and build.
const baseSource = "../check/testdata/base"

// demoSource is the demo county at the repository root.
const demoSource = "../.."

// loadSource returns the derived dataset of a site source, failing the test
// on any error in the input.
func loadSource(t testing.TB, dir string) *dataset.Dataset {
	t.Helper()
	ds, probs, err := check.Source(dir)
	if err != nil {
		t.Fatalf("check %s: %v", dir, err)
	}
	if probs.Errors() > 0 {
		t.Fatalf("check %s: input has errors:\n%s", dir, probs.String())
	}
	return ds
}

// zhWords and enWords are the theme's catalogues.
func zhWords(t testing.TB) *i18n.Catalogue { return words(t, "zh-CN") }
func enWords(t testing.TB) *i18n.Catalogue { return words(t, "en") }

func words(t testing.TB, lang string) *i18n.Catalogue {
	t.Helper()
	c, probs := i18n.Load(t.TempDir(), lang)
	if probs.Len() > 0 {
		t.Fatalf("catalogue %s: %s", lang, probs.String())
	}
	return c
}

// mk returns a Maker of ds in Chinese.
func mk(t testing.TB, ds *dataset.Dataset) *Maker { return New(ds, zhWords(t)) }

// readFile returns the file at the slash path rel under root.
func readFile(t testing.TB, root, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// copyTree and writeFiles are shared with other packages' tests.
var (
	copyTree   = testfs.CopyTree
	writeFiles = testfs.WriteFiles
)

// baseSite returns a fresh copy of the base county (site.toml and data/)
// with files (slash paths → contents) added or replaced.
func baseSite(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "src")
	copyTree(t, filepath.Join(baseSource, "site.toml"), filepath.Join(dir, "site.toml"))
	copyTree(t, filepath.Join(baseSource, "data"), filepath.Join(dir, "data"))
	writeFiles(t, dir, files)
	return dir
}
