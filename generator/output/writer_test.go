package output

import (
	"fmt"
	"path/filepath"
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
