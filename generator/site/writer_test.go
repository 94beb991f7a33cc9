package site

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
	w := newWriter(t.TempDir())
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
				if err := w.write(name, []byte("x")); err != nil {
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
