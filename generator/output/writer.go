// Package output writes a build's files into its staging folder: pages,
// assets, downloads, the search index, feeds and the sitemap all go through
// one Writer, which makes each folder once, counts what was written for the
// build summary, and refuses any path that would leave the folder.
//
// A rebuild reuses what did not change: given the previous output and its
// manifest (Previous), a file whose bytes are the same as before is not
// written again but hard-linked from the previous output into the staging
// folder, so it keeps its modification time and rsync, FTP sync and CDN
// uploads send only what changed. The swap stays atomic: the previous
// output is untouched until the staging folder replaces it.
package output

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"gongshi/generator/privacy"
	"gongshi/generator/safefs"
)

// Writer writes files under a root folder. It is safe for concurrent use.
type Writer struct {
	root  string
	mu    sync.Mutex
	bytes atomic.Int64
	files atomic.Int64
	kept  atomic.Int64

	prevDir string   // the previous output, or ""
	prev    Manifest // its manifest
	written written  // what this build wrote (under mu)

	guard *privacy.Guard  // scans every byte written for personal numbers (nil: none)
	stop  <-chan struct{} // closed to stop the build (nil: never)
}

// ErrStopped is returned by every write after the build was told to stop.
var ErrStopped = errors.New("output: the build was stopped")

// Guard makes every file written pass the privacy guard (package privacy):
// pages, feeds, the search index and downloads alike.
func (w *Writer) Guard(g *privacy.Guard) { w.guard = g }

// Interrupt makes every write after stop is closed fail with ErrStopped, so
// that the workers of an interrupted build end at their next file.
func (w *Writer) Interrupt(stop <-chan struct{}) { w.stop = stop }

// stopped reports whether the build was told to stop.
func (w *Writer) stopped() bool {
	if w.stop == nil {
		return false
	}
	select {
	case <-w.stop:
		return true
	default:
		return false
	}
}

// Scan returns a writer that passes text published inside the file at rel
// in another form (the XML inside a workbook's zip entries) to the privacy
// guard; close it after the last piece. It may be nil-safe written to.
func (w *Writer) Scan(rel string) *privacy.Stream { return w.guard.Stream(rel) }

// New returns a Writer into root, an existing (staging) folder.
func New(root string) *Writer {
	return &Writer{root: root}
}

// Previous makes the writer reuse the files of a previous output folder
// whose bytes do not change, as its manifest lists them.
func (w *Writer) Previous(dir string, m Manifest) {
	w.prevDir, w.prev = dir, m
}

// Root returns the folder files are written into.
func (w *Writer) Root() string { return w.root }

// create runs make (which creates the file full) and, when full's folder
// does not exist yet, makes it and runs make again. Folders are not
// remembered: a province has a million of them, and trying first costs one
// failed call for a new folder only. Two workers making one folder at once
// both succeed (a folder that appeared meanwhile is fine). The folder is
// made with one mkdir when its parent exists, as it nearly always does
// (MkdirAll would look at the folder and its parent first: two more calls
// for each of a province's million folders). A page (index.html) is
// nearly always the first file of its folder, so its folder is made
// before the file, not after a failed try.
func create(full string, make func() error) error {
	if filepath.Base(full) == "index.html" {
		// A page has a folder of its own, nearly always new: make it
		// first rather than fail once.
		if err := os.Mkdir(filepath.Dir(full), 0o755); err == nil {
			return make()
		}
	}
	err := make()
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	dir := filepath.Dir(full)
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return make()
}

// full returns the file name of a site path, refusing one that is not a
// clean relative path inside the root (defence in depth: every path comes
// from gongshi's own route table and validated IDs).
func (w *Writer) full(rel string) (string, error) {
	return safefs.Join(w.root, rel)
}

// Write writes one whole file at the site path rel (or links the previous
// output's file when the bytes are the same).
func (w *Writer) Write(rel string, b []byte) error {
	if w.stopped() {
		return ErrStopped
	}
	full, err := w.full(rel)
	if err != nil {
		return err
	}
	w.guard.Scan(rel, b)
	e := entry{size: int64(len(b))}
	old := w.previous(rel, e.size)
	e.same = old != "" && sameBytes(old, b)
	// Link when the bytes are the same; a link that fails for want of the
	// folder is tried again once create has made it (a write in between
	// would win a race with another worker making the folder, and the file
	// would count as rewritten); one that fails otherwise (no hard links
	// on this file system) becomes a write.
	tries := 0
	if err := create(full, func() error {
		if e.same && tries < 2 {
			tries++
			err := w.link(old, full)
			if err == nil || errors.Is(err, fs.ErrNotExist) && tries == 1 {
				return err
			}
		}
		return writeFile(full, b)
	}); err != nil {
		return err
	}
	w.record(rel, e)
	return nil
}

// previous returns the previous output's file at rel when the previous
// manifest has one of this size and it is still a regular file of that
// size, else "".
func (w *Writer) previous(rel string, size int64) string {
	if n, ok := w.prev.size(rel); !ok || n != size {
		return ""
	}
	old := filepath.Join(w.prevDir, filepath.FromSlash(rel))
	fi, err := os.Lstat(old)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != size {
		return ""
	}
	return old
}

// readBufs are buffers for reading previous files to compare.
var readBufs = sync.Pool{New: func() any { return new([]byte) }}

// sameBytes reports whether the file old holds exactly b. Reading a file
// the last build wrote (still in the page cache, as a rebuild follows an
// edit) is cheaper than hashing every new file, and it cannot be fooled by
// a file edited by hand since.
func sameBytes(old string, b []byte) bool {
	f, err := os.Open(old)
	if err != nil {
		return false
	}
	defer f.Close()
	bp := readBufs.Get().(*[]byte)
	defer readBufs.Put(bp)
	if cap(*bp) < len(b)+1 {
		*bp = make([]byte, len(b)+1)
	}
	buf := (*bp)[:len(b)+1] // one byte more: a file that has grown reads long
	n, err := io.ReadFull(f, buf)
	if err != io.ErrUnexpectedEOF && err != nil && err != io.EOF {
		return false
	}
	return n == len(b) && bytes.Equal(buf[:n], b)
}

// sameFiles reports whether files a and b hold the same bytes (a streamed
// download and the previous output's, of the same size).
func sameFiles(a, b string) bool {
	fa, err := os.Open(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	ba, bb := make([]byte, 256<<10), make([]byte, 256<<10)
	for {
		na, ea := io.ReadFull(fa, ba)
		nb, eb := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false
		}
		if ea == io.EOF || ea == io.ErrUnexpectedEOF {
			return eb == ea
		}
		if ea != nil || eb != nil {
			return false
		}
	}
}

// link hard-links the previous output's file old into full. An error
// means the file is to be written instead (no such folder yet, or a file
// system without hard links).
func (w *Writer) link(old, full string) error {
	if err := os.Link(old, full); err != nil {
		return err
	}
	w.kept.Add(1)
	return nil
}

// record counts a written file and adds it to the manifest.
func (w *Writer) record(rel string, e entry) {
	w.bytes.Add(e.size)
	w.files.Add(1)
	w.mu.Lock()
	w.written.add(rel, e)
	w.mu.Unlock()
}

// Create opens a file at the site path rel for streaming (large downloads);
// closing it counts it. Its bytes pass the privacy guard, but for a
// workbook's (compressed): its writer scans the text itself (Scan).
func (w *Writer) Create(rel string) (io.WriteCloser, error) {
	if w.stopped() {
		return nil, ErrStopped
	}
	full, err := w.full(rel)
	if err != nil {
		return nil, err
	}
	var f *os.File
	if err := create(full, func() (err error) { f, err = os.Create(full); return err }); err != nil {
		return nil, err
	}
	fl := &file{f: f, w: w, rel: rel, full: full}
	if !strings.HasSuffix(rel, ".xlsx") {
		fl.scan = w.guard.Stream(rel)
	}
	return fl, nil
}

// file is a streamed download.
type file struct {
	f         *os.File
	w         *Writer
	rel, full string
	n         int64
	scan      *privacy.Stream
}

func (f *file) Write(p []byte) (int, error) {
	if f.w.stopped() {
		return 0, ErrStopped
	}
	n, err := f.f.Write(p)
	f.scan.Write(p[:n])
	f.n += int64(n)
	return n, err
}

// Close closes the file; when its bytes are the previous output's, the
// previous file replaces it (a hard link), so that it keeps its time.
func (f *file) Close() error {
	f.scan.Close()
	if err := f.f.Close(); err != nil {
		return err
	}
	e := entry{size: f.n}
	if old := f.w.previous(f.rel, e.size); old != "" && sameFiles(old, f.full) {
		e.same = true
		tmp := f.full + ".gongshi-new"
		if os.Rename(f.full, tmp) == nil {
			if f.w.link(old, f.full) == nil {
				os.Remove(tmp)
			} else if err := os.Rename(tmp, f.full); err != nil {
				return err
			}
		}
	}
	f.w.record(f.rel, e)
	return nil
}

// Stats returns the files and bytes written so far.
func (w *Writer) Stats() (files int, bytes int64) { return int(w.files.Load()), w.bytes.Load() }

// Finish writes the manifest of everything written into the output and
// returns what changed since the previous output (the manifest itself is not
// listed). Call it once, after every file is written.
func (w *Writer) Finish() (Changes, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	recs := w.written.records()
	w.written = nil
	c := diff(w.prev, recs)
	c.Kept = int(w.kept.Load())
	return c, writeManifest(w.root, recs)
}
