package charts

import (
	"gongshi/generator/internal/testfs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/check"
	"gongshi/generator/dataset"
	"gongshi/generator/opendata"
	"gongshi/generator/problem"
	"gongshi/generator/site"
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
		t.Fatalf("check %s: input has errors:\n%s", dir, problems(probs))
	}
	return ds
}

// cliExtend mirrors build.Standard, which this package's tests cannot
// import (build imports charts); keep the two in step.
func cliExtend(s *site.Site, staging string) (*problem.List, error) {
	Attach(s)
	_, err := opendata.Write(staging, s.D, nil)
	return nil, err
}

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
	_, probs, err := build.Run(build.Options{Source: src, Dest: dest, Extend: cliExtend})
	return dest, probs, err
}

// mustBuild builds src and fails the test on any error.
func mustBuild(t testing.TB, src string) string {
	t.Helper()
	dest, probs, err := buildSite(t, src)
	if err != nil {
		t.Fatalf("build %s: %v\n%s", src, err, problems(probs))
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

// problems formats a problem list, one per line.
func problems(l *problem.List) string {
	if l == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range l.Sorted() {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
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

// copyTree and writeFiles are shared with other packages' tests.
var (
	copyTree   = testfs.CopyTree
	writeFiles = testfs.WriteFiles
)
