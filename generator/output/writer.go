// Package output writes a build's files into its staging folder: pages,
// assets, downloads, the search index, feeds and the sitemap all go through
// one Writer, which makes each folder once, counts what was written for the
// build summary, and refuses any path that would leave the folder.
package output

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// Writer writes files under a root folder. It is safe for concurrent use:
// workers that need the same new folder wait for the one that makes it.
type Writer struct {
	root  string
	mu    sync.Mutex
	dirs  map[string]*dirOnce
	bytes atomic.Int64
	files atomic.Int64
}

// New returns a Writer into root, an existing (staging) folder.
func New(root string) *Writer { return &Writer{root: root, dirs: map[string]*dirOnce{}} }

// Root returns the folder files are written into.
func (w *Writer) Root() string { return w.root }

type dirOnce struct {
	once sync.Once
	err  error
}

func (w *Writer) mkdir(dir string) error {
	w.mu.Lock()
	d := w.dirs[dir]
	if d == nil {
		d = &dirOnce{}
		w.dirs[dir] = d
	}
	w.mu.Unlock()
	d.once.Do(func() {
		// The parent is usually made already (pages come in plan order):
		// one mkdir instead of MkdirAll's stat-then-mkdir walk.
		if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
			d.err = os.MkdirAll(dir, 0o755)
		}
	})
	return d.err
}

// full returns the file name of a site path, refusing one that is not a
// clean relative path inside the root (defence in depth: every path comes
// from gongshi's own route table and validated IDs).
func (w *Writer) full(rel string) (string, error) {
	if rel == "" || path.IsAbs(rel) || strings.Contains(rel, `\`) || path.Clean(rel) != rel || rel == "." ||
		rel == ".." || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("output: refusing to write %q: not a path inside the site", rel)
	}
	return filepath.Join(w.root, filepath.FromSlash(rel)), nil
}

// Write writes one whole file at the site path rel.
func (w *Writer) Write(rel string, b []byte) error {
	full, err := w.full(rel)
	if err != nil {
		return err
	}
	if err := w.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	if err := os.WriteFile(full, b, 0o644); err != nil {
		return err
	}
	w.bytes.Add(int64(len(b)))
	w.files.Add(1)
	return nil
}

// Create opens a file at the site path rel for streaming (large downloads);
// closing it counts it.
func (w *Writer) Create(rel string) (io.WriteCloser, error) {
	full, err := w.full(rel)
	if err != nil {
		return nil, err
	}
	if err := w.mkdir(filepath.Dir(full)); err != nil {
		return nil, err
	}
	f, err := os.Create(full)
	if err != nil {
		return nil, err
	}
	return &file{f: f, w: w}, nil
}

type file struct {
	f *os.File
	w *Writer
	n int64
}

func (f *file) Write(p []byte) (int, error) {
	n, err := f.f.Write(p)
	f.n += int64(n)
	return n, err
}

func (f *file) Close() error {
	err := f.f.Close()
	f.w.bytes.Add(f.n)
	f.w.files.Add(1)
	return err
}

// Stats returns the files and bytes written so far.
func (w *Writer) Stats() (files int, bytes int64) { return int(w.files.Load()), w.bytes.Load() }
