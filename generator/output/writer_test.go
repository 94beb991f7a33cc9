package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestWriterConcurrentSameFolder: files written at once into one new folder
// must all succeed. Render's workers do this whenever pages put extra files
// in a shared folder (charts/villages/<id>-scores.csv from every village
// page). A worker that finds the folder already "known" must not write
// before the worker creating it has finished making it.
func TestWriterConcurrentSameFolder(t *testing.T) {
	w := New(t.TempDir())
	var mu sync.Mutex
	var errs []error
	for round := 0; round < 50; round++ {
		var wg sync.WaitGroup
		start := make(chan struct{})
		for k := 0; k < 8; k++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				name := fmt.Sprintf("r%d/a/b/c/f%d.txt", round, k)
				if err := w.Write(name, []byte("x")); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}()
		}
		close(start)
		wg.Wait()
	}
	if len(errs) > 0 {
		t.Errorf("%d of %d writes failed; first: %v", len(errs), 50*8, errs[0])
	}
	if n, err := filepath.Glob(filepath.Join(w.root, "r*", "a", "b", "c", "f*.txt")); err != nil || len(n) != 50*8 {
		t.Errorf("%d files written, want %d", len(n), 50*8)
	}
}

// TestWriterRefusesPathsOutside: no path, however it is spelled, gets a
// file outside the root.
func TestWriterRefusesPathsOutside(t *testing.T) {
	w := New(t.TempDir())
	for _, p := range []string{"", ".", "..", "../index.html", "a/../../x", "/etc/x", "./index.html", "a//b", `a\..\x`, "a/./b", "a/"} {
		if err := w.Write(p, []byte("x")); err == nil {
			t.Errorf("Write(%q) succeeded", p)
		}
		if _, err := w.Create(p); err == nil {
			t.Errorf("Create(%q) succeeded", p)
		}
	}
	if err := w.Write("a/b/index.html", []byte("x")); err != nil {
		t.Errorf("Write(a/b/index.html): %v", err)
	}
	if n, b := w.Stats(); n != 1 || b != 1 {
		t.Errorf("Stats() = %d, %d; want 1, 1", n, b)
	}
}

// TestReuseUnchanged: with a previous output, files whose bytes are the same
// are hard links to the previous files (same inode, same time); changed
// files are new; the changes are listed A/M/D.
func TestReuseUnchanged(t *testing.T) {
	prev := t.TempDir()
	w1 := New(prev)
	for _, f := range []struct{ path, text string }{{"a/index.html", "same"}, {"b.csv", "old"}, {"gone.txt", "x"}} {
		if err := w1.Write(f.path, []byte(f.text)); err != nil {
			t.Fatal(err)
		}
	}
	s, _ := w1.Create("data/big.csv")
	s.Write([]byte("streamed"))
	s.Close()
	if _, err := w1.Finish(); err != nil {
		t.Fatal(err)
	}
	next := t.TempDir()
	w2 := New(next)
	w2.Previous(prev, ReadManifest(prev))
	w2.Write("a/index.html", []byte("same"))
	w2.Write("b.csv", []byte("new"))
	w2.Write("c.txt", []byte("added"))
	s, _ = w2.Create("data/big.csv")
	s.Write([]byte("stream"))
	s.Write([]byte("ed"))
	s.Close()
	c, err := w2.Finish()
	if err != nil {
		t.Fatal(err)
	}
	same := func(rel string) bool {
		a, err1 := os.Stat(filepath.Join(prev, rel))
		b, err2 := os.Stat(filepath.Join(next, rel))
		return err1 == nil && err2 == nil && os.SameFile(a, b)
	}
	if !same("a/index.html") || !same("data/big.csv") || same("b.csv") {
		t.Errorf("reuse: a %v big %v b %v; want a and big linked, b written", same("a/index.html"), same("data/big.csv"), same("b.csv"))
	}
	if b, _ := os.ReadFile(filepath.Join(next, "b.csv")); string(b) != "new" {
		t.Errorf("b.csv = %q", b)
	}
	var out strings.Builder
	c.WriteTo(&out)
	if got, want := out.String(), "M b.csv\nA c.txt\nD gone.txt\n"; got != want || c.Kept != 2 {
		t.Errorf("changes %q (kept %d), want %q (kept 2)", got, c.Kept, want)
	}
	if m := ReadManifest(next); m.Len() != 4 {
		t.Errorf("manifest has %d files, want 4", m.Len())
	}
	// A previous file edited by hand (another size) is not reused.
	os.WriteFile(filepath.Join(next, "c.txt"), []byte("edited!"), 0o644)
	w3 := New(t.TempDir())
	w3.Previous(next, ReadManifest(next))
	w3.Write("c.txt", []byte("added"))
	if c, _ := w3.Finish(); c.Kept != 0 {
		t.Error("a previous file that no longer has its recorded size was reused")
	}
}

// TestReuseComparesBytes: a previous file edited by hand to other bytes of
// the same size (the manifest still agrees on the size) is not reused,
// written whole or streamed, and counts as changed; an old manifest that
// still carries SHA-256 digests is read.
func TestReuseComparesBytes(t *testing.T) {
	prev := t.TempDir()
	w1 := New(prev)
	w1.Write("page.html", []byte("<p>原文</p>"))
	s, _ := w1.Create("data/big.csv")
	s.Write([]byte("a,b\n1,2\n"))
	s.Close()
	if _, err := w1.Finish(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(prev, "page.html"), []byte("<p>改过</p>"), 0o644)
	os.WriteFile(filepath.Join(prev, "data", "big.csv"), []byte("a,b\n1,3\n"), 0o644)
	next := t.TempDir()
	w2 := New(next)
	w2.Previous(prev, ReadManifest(prev))
	w2.Write("page.html", []byte("<p>原文</p>"))
	s, _ = w2.Create("data/big.csv")
	s.Write([]byte("a,b\n1,2\n"))
	s.Close()
	c, err := w2.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if c.Kept != 0 || len(c.Changed) != 2 {
		t.Errorf("kept %d, changed %v: want 0 kept, both changed", c.Kept, c.Changed)
	}
	for rel, want := range map[string]string{"page.html": "<p>原文</p>", "data/big.csv": "a,b\n1,2\n"} {
		if b, _ := os.ReadFile(filepath.Join(next, rel)); string(b) != want {
			t.Errorf("%s = %q, want %q", rel, b, want)
		}
	}

	old := t.TempDir()
	os.WriteFile(filepath.Join(old, "page.html"), []byte("<p>原文</p>"), 0o644)
	os.WriteFile(filepath.Join(old, ManifestFile), []byte(strings.Repeat("ab", 32)+" 13 page.html\n"), 0o644)
	w3 := New(t.TempDir())
	w3.Previous(old, ReadManifest(old))
	w3.Write("page.html", []byte("<p>原文</p>"))
	if c, _ := w3.Finish(); c.Kept != 1 || len(c.Changed) != 0 {
		t.Errorf("with a manifest of digests: kept %d, changed %v; want the page kept", c.Kept, c.Changed)
	}
}

// TestWrittenRecords: the log of written files gives each path once, the
// last write winning, sorted by path, with its size and reuse flag intact.
func TestWrittenRecords(t *testing.T) {
	var l written
	l.add("b/index.html", entry{size: 10})
	l.add("a b/x.csv", entry{size: 0, same: true})
	l.add("b/index.html", entry{size: 12, same: true})
	l.add("a/index.html", entry{size: 1234567890123})
	l.add("s/a\nb.css", entry{size: 3})           // refused upstream (site.LoadTheme), but the log holds any name
	l.add("x\n5 =y:", entry{size: 4, same: true}) // and cannot forge a record
	got := fmt.Sprint(l.records())
	want := "[{a b/x.csv {0 true}} {a/index.html {1234567890123 false}} {b/index.html {12 true}} {s/a\nb.css {3 false}} {x\n5 =y: {4 true}}]"
	if got != want {
		t.Errorf("records() = %s\nwant %s", got, want)
	}
	if len(written(nil).records()) != 0 {
		t.Error("an empty log has records")
	}
}
