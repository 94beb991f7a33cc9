package charts_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/internal/testfs"
	"gongshi/generator/problem"
)

// The tests of this file's package build whole sites (package build
// imports charts, so they live outside package charts).

// baseSource is the small clean county shared with packages check and build.
const baseSource = "../check/testdata/base"

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

// buildSite builds src as the CLI does and returns the output folder, the
// problems and the error of build.Run.
func buildSite(t testing.TB, src string) (string, *problem.List, error) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	_, probs, err := build.Run(build.Options{Source: src, Dest: dest})
	return dest, probs, err
}

// mustBuild builds src and fails the test on any error.
func mustBuild(t testing.TB, src string) string {
	t.Helper()
	dest, probs, err := buildSite(t, src)
	if err != nil {
		t.Fatalf("build %s: %v\n%s", src, err, probs.String())
	}
	return dest
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

// errorStrings returns the errors of a problem list, formatted, sorted.
func errorStrings(l *problem.List) []string {
	var out []string
	if l == nil {
		return out
	}
	for _, p := range l.Sorted() {
		if p.Severity == problem.Error {
			out = append(out, p.String())
		}
	}
	return out
}

var (
	copyTree   = testfs.CopyTree
	writeFiles = testfs.WriteFiles
)

// reChartID is what every chart element ID must match.
var reChartID = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

// walkJSON calls f with every object key and every string value in v.
func walkJSON(v any, path string, f func(path, key string, s *string)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			f(path, k, nil)
			walkJSON(e, path+"."+k, f)
		}
	case []any:
		for _, e := range x {
			walkJSON(e, path+"[]", f)
		}
	case string:
		f(path, "", &x)
	}
}
