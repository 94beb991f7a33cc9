package site

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"gongshi/generator/dataset"
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

// TestRenderStopsAtFirstWriteError: once a page cannot be written (a full
// disk, here a file where the villages/ folder should be), the workers stop
// rendering: the build fails at the first failed write, not after every page.
func TestRenderStopsAtFirstWriteError(t *testing.T) {
	th, _, err := LoadTheme(t.TempDir(), "zh-CN")
	if err != nil {
		t.Fatal(err)
	}
	d := &dataset.Dataset{
		Site:      dataset.Site{Title: "测试县", County: "测试县", BaseURL: "/", Language: "zh-CN", AsOf: "2025-12-31"},
		Townships: []dataset.Township{{ID: "T1", Name: "东乡"}},
	}
	for i := 0; i < 3000; i++ {
		d.Villages = append(d.Villages, dataset.Village{ID: fmt.Sprintf("V%04d", i), Name: "村", TownshipID: "T1"})
	}
	d.Index()
	s := NewSite(d, th, nil)
	s.Prepare()
	var villages atomic.Int64
	s.Hook = func(p *Page) {
		if strings.HasPrefix(p.Path, "villages/") {
			villages.Add(1)
		}
	}
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "villages"), []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Render(root, nil); err == nil {
		t.Fatal("Render succeeded")
	}
	if n := villages.Load(); n == 0 || n > int64(4*runtime.GOMAXPROCS(0)) {
		t.Errorf("%d of 3000 village pages were rendered after writes began to fail, want at most a few per worker", n)
	}
}
