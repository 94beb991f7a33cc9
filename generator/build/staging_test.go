package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRemoveLeftovers: what killed builds left beside the destination is
// removed when it is provably gongshi's (the names, and a marker or
// nothing inside); anything else of a similar name is left alone; a site a
// killed swap had moved aside is put back when the destination is missing.
func TestRemoveLeftovers(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeFiles(t, parent, map[string]string{
		".public.staging-1/" + StagingMarker:   "",
		".public.staging-1/villages/V1/a.html": "half",
		".public.staging-2/" + Marker:          "", // an old site being removed after an exchange
		".public.staging-2/index.html":         "old",
		".public.staging-3/notes.txt":          "not ours: no marker",
		"public.old-4/" + Marker:               "",
		"public.old-4/index.html":              "the published site, moved aside",
		"public.old-5/" + Marker:               "",
		"public.old-6/index.html":              "not ours: no marker",
		".other.staging-7/" + StagingMarker:    "", // another destination's
		"public.older/" + Marker:               "",
		".public.staging-8":                    "a file, not a folder",
	})
	for _, d := range []string{".public.staging-9", "public.old-10"} {
		if err := os.Mkdir(filepath.Join(parent, d), 0o755); err != nil { // empty: killed at once
			t.Fatal(err)
		}
	}
	hourAgo := time.Now().Add(-time.Hour) // old-5 was moved aside by an earlier build than old-4
	if err := os.Chtimes(filepath.Join(parent, "public.old-5", Marker), hourAgo, hourAgo); err != nil {
		t.Fatal(err)
	}
	if err := removeLeftovers(dest); err != nil {
		t.Fatal(err)
	}
	want := []string{".other.staging-7", ".public.staging-3", ".public.staging-8", "public", "public.old-6", "public.older"}
	if got := listDir(t, parent); !slices.Equal(got, want) {
		t.Errorf("left %v, want %v", got, want)
	}
	if got := readFile(t, dest, "index.html"); got != "the published site, moved aside" {
		t.Errorf("public/index.html = %q, want the site put back", got)
	}
	// With the destination in place, an old folder is removed, not put back.
	writeFiles(t, parent, map[string]string{"public.old-11/" + Marker: "", "public.old-11/index.html": "older"})
	if err := removeLeftovers(dest); err != nil {
		t.Fatal(err)
	}
	if fileExists(parent, "public.old-11/index.html") || readFile(t, dest, "index.html") != "the published site, moved aside" {
		t.Error("an old folder was not removed, or replaced the site")
	}
}

// TestLockRefusesSecond: a second lock on the same folder fails at once
// with a message saying another build is running; after release it works.
func TestLockRefusesSecond(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no flock")
	}
	dir := t.TempDir()
	release, err := lockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lockDir(dir); err == nil || !strings.Contains(err.Error(), "another gongshi build") {
		t.Errorf("second lock: %v", err)
	}
	release()
	r2, err := lockDir(dir)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	r2()
}

// TestInterrupt: a closed Interrupt stops the build before anything is
// swapped in; the staging folder is gone and the published site untouched.
func TestInterrupt(t *testing.T) {
	src := baseSite(t)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mustBuild(t, src, dest, "")
	before := tree(t, dest)
	stop := make(chan struct{})
	close(stop)
	_, _, err := Run(Options{Source: src, Dest: dest, Interrupt: stop})
	if err != ErrInterrupted {
		t.Errorf("err = %v, want ErrInterrupted", err)
	}
	if d := diffTrees(before, tree(t, dest)); len(d) > 0 {
		t.Errorf("interrupted build changed the site: %v", d)
	}
	if got := listDir(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("parent holds %v", got)
	}
}

// TestRemoveAll removes a site-like tree, its top-level entries on all
// cores: files at the top, a folder of many page folders, nested folders,
// the markers, and links (to a folder outside and to a file outside) that
// are removed without being followed.
func TestRemoveAll(t *testing.T) {
	root := t.TempDir()
	site, outside := filepath.Join(root, "site"), filepath.Join(root, "outside")
	files := []string{"index.html", Marker, StagingMarker, "css/site.css", "data/pledges.csv", "villages/V001/notice/index.html"}
	for i := 0; i < 200; i++ {
		files = append(files, fmt.Sprintf("pledges/P%04d/index.html", i))
	}
	for _, f := range append(files, "../outside/keep.txt") {
		p := filepath.Join(site, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(site, "linked")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "keep.txt"), filepath.Join(site, "pledges", "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := removeAll(site); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(site); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the site is still there: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(outside, "keep.txt")); err != nil || string(b) != "../outside/keep.txt" {
		t.Errorf("a file outside, reached through a link, was touched: %q, %v", b, err)
	}
	if err := removeAll(filepath.Join(root, "missing")); err != nil {
		t.Errorf("a folder that is not there: %v", err)
	}
}

// TestPrepareTidiesLeftovers: what a killed build left beside the
// destination goes when the next build starts, even one that then stops at
// invalid input; the published site is untouched, and a running build's
// staging folder (it holds the lock) is left alone.
func TestPrepareTidiesLeftovers(t *testing.T) {
	src := baseSite(t)
	writeFiles(t, src, map[string]string{"data/villages.csv": "id,name\nV1,\n"}) // invalid: no township, no name
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeFiles(t, parent, map[string]string{
		"public/" + Marker:                     "",
		"public/index.html":                    "published",
		".public.staging-1/" + StagingMarker:   "",
		".public.staging-1/villages/V1/a.html": "half",
	})
	_, _, err := Prepare(Options{Source: src, Dest: dest})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Prepare: %v, want ErrInvalid", err)
	}
	if got := listDir(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("beside the destination: %v, want only public", got)
	}
	if readFile(t, dest, "index.html") != "published" {
		t.Error("the published site changed")
	}

	writeFiles(t, parent, map[string]string{".public.staging-2/" + StagingMarker: ""})
	release, err := lockDir(parent) // another build is writing
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	Prepare(Options{Source: src, Dest: dest})
	if !fileExists(parent, ".public.staging-2/"+StagingMarker) {
		t.Error("a running build's staging folder was removed")
	}
}
