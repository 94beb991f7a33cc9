package output

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestReadManifest reads manifests as builds wrote them (and as earlier
// versions did, with a SHA-256 first), puts one edited by hand in order,
// and refuses one that does not parse: that one reuses nothing.
func TestReadManifest(t *testing.T) {
	sum := strings.Repeat("ab", 32)
	for _, c := range []struct {
		name, text string
		want       []string // the paths, or nil for an empty manifest
	}{
		{"empty", "", nil},
		{"written", "- 3 a.html\n- 10 b/index.html\n- 0 b/x y.txt\n", []string{"a.html", "b/index.html", "b/x y.txt"}},
		{"older, with digests", sum + " 3 a.html\n" + sum + " 5 b.html\n", []string{"a.html", "b.html"}},
		{"no last line break", "- 3 a.html\n- 4 b.html", []string{"a.html", "b.html"}},
		{"Windows line breaks", "- 3 a.html\r\n- 4 b.html\r\n", []string{"a.html", "b.html"}},
		{"out of order", "- 3 c.html\n- 4 a.html\n- 5 b.html\n", []string{"a.html", "b.html", "c.html"}},
		{"a path twice", "- 3 b.html\n- 4 a.html\n- 5 b.html\n", []string{"a.html", "b.html"}},
		{"bad size", "- 3 a.html\n- x b.html\n", nil},
		{"bad digest", "abc 3 a.html\n", nil},
		{"no path", "- 3\n", nil},
		{"empty line", "- 3 a.html\n\n- 4 b.html\n", nil},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, ManifestFile), []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		m := ReadManifest(dir)
		var got []string
		for i := 0; i < m.Len(); i++ {
			got = append(got, m.path(i))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: paths %q, want %q", c.name, got, c.want)
		}
	}
	// Of a path listed twice the last line counts; a Windows line break
	// is no part of the path or the size.
	for text, want := range map[string]int64{"- 3 b.html\n- 4 a.html\n- 5 b.html\n": 5, "- 9 b.html\r\n": 9} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, ManifestFile), []byte(text), 0o644)
		if n, ok := ReadManifest(dir).size("b.html"); !ok || n != want {
			t.Errorf("%q: size(b.html) = %d, %v; want %d", text, n, ok, want)
		}
	}
	if m := ReadManifest(t.TempDir()); m.Len() != 0 {
		t.Errorf("a folder without a manifest lists %d files", m.Len())
	}
}

// TestManifestSize looks paths up: each listed one with its size, and
// paths before, between and after them, and prefixes of them, not.
func TestManifestSize(t *testing.T) {
	dir := t.TempDir()
	text := "- 3 a.html\n- 10 b/index.html\n- 0 b/x y.txt\n- 123456789 data/gongshi.xlsx\n"
	os.WriteFile(filepath.Join(dir, ManifestFile), []byte(text), 0o644)
	m := ReadManifest(dir)
	for rel, want := range map[string]int64{"a.html": 3, "b/index.html": 10, "b/x y.txt": 0, "data/gongshi.xlsx": 123456789} {
		if n, ok := m.size(rel); !ok || n != want {
			t.Errorf("size(%q) = %d, %v; want %d", rel, n, ok, want)
		}
	}
	for _, rel := range []string{"", "0.html", "a.htm", "a.html/", "b", "b/index.htm", "c.html", "data/gongshi.xlsx2", "zzz"} {
		if n, ok := m.size(rel); ok {
			t.Errorf("size(%q) = %d, found; want not listed", rel, n)
		}
	}
}

// TestDiff walks the previous manifest and this build's files together:
// added, changed (listed before, other bytes), removed, and what is the
// same in neither list.
func TestDiff(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ManifestFile), []byte("- 1 a\n- 1 b\n- 1 c\n- 1 e\n- 1 g\n"), 0o644)
	prev := ReadManifest(dir)
	next := []record{
		{path: "0"}, {path: "b", entry: entry{same: true}}, {path: "c"}, {path: "d"}, {path: "g", entry: entry{same: true}}, {path: "h"},
	}
	c := diff(prev, next)
	if !slices.Equal(c.Added, []string{"0", "d", "h"}) || !slices.Equal(c.Changed, []string{"c"}) || !slices.Equal(c.Removed, []string{"a", "e"}) {
		t.Errorf("added %q changed %q removed %q", c.Added, c.Changed, c.Removed)
	}
	if c := diff(Manifest{}, next[:2]); !slices.Equal(c.Added, []string{"0", "b"}) || c.Changed != nil || c.Removed != nil {
		t.Errorf("no previous output: %+v", c)
	}
	if c := diff(prev, nil); !slices.Equal(c.Removed, []string{"a", "b", "c", "e", "g"}) || c.Added != nil {
		t.Errorf("nothing written: %+v", c)
	}
}

// TestUnlisted finds what was put by hand into a previous output: a file
// beside the pages, a folder of its own; not the files the manifest lists,
// gongshi's own marker files, or anything when there is no manifest.
func TestUnlisted(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html": "x", "b/index.html": "x", "data/gongshi.xlsx": "x", // listed
		"baidu_verify_abc.html": "v", "docs/a.pdf": "p", "docs/sub/b.txt": "b", // by hand
		".gongshi-build": "", "b/by-hand.txt": "deep", // gongshi's own; inside a listed folder
	}
	for rel, s := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := Unlisted(dir, Manifest{}); got != nil {
		t.Errorf("no manifest: %q, want nothing", got)
	}
	os.WriteFile(filepath.Join(dir, ManifestFile), []byte("- 1 b/index.html\n- 1 data/gongshi.xlsx\n- 1 index.html\n"), 0o644)
	got := Unlisted(dir, ReadManifest(dir))
	slices.Sort(got)
	want := []string{"baidu_verify_abc.html", "docs/a.pdf", "docs/sub/b.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("Unlisted = %q, want %q", got, want)
	}
}
