package opendata

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"gongshi/generator/output"
	"hash"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
)

// File is one written download.
type File struct {
	Path   string // relative to the site root, slash-separated, e.g. "data/pledges.csv"
	Bytes  int64  // size in bytes
	SHA256 string // lower-case hex digest of the contents
}

// out is a download being written: it counts and hashes the bytes on their
// way to the file, so that no file is read back to checksum it.
type out struct {
	rel string // path relative to the site root
	f   io.WriteCloser
	h   hash.Hash
	n   int64
	w   *bufio.Writer
}

// create opens the download at the site path rel for writing.
func create(root *output.Writer, rel string) (*out, error) {
	f, err := root.Create(rel)
	if err != nil {
		return nil, err
	}
	o := &out{rel: rel, f: f, h: sha256.New()}
	o.w = bufio.NewWriterSize((*sink)(o), 256<<10)
	return o, nil
}

// sink is the unbuffered side of out: file, hash and count.
type sink out

func (s *sink) Write(p []byte) (int, error) {
	n, err := s.f.Write(p)
	s.h.Write(p[:n])
	s.n += int64(n)
	return n, err
}

func (o *out) Write(p []byte) (int, error)       { return o.w.Write(p) }
func (o *out) WriteString(s string) (int, error) { return o.w.WriteString(s) }

// close flushes and closes the file and returns what was written.
func (o *out) close() (File, error) {
	err := o.w.Flush()
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	return File{Path: o.rel, Bytes: o.n, SHA256: hex.EncodeToString(o.h.Sum(nil))}, err
}

// abort closes the file after a failure; the caller reports the first error.
func (o *out) abort() { o.f.Close() }

// writeFile writes a whole download from memory.
func writeFile(root *output.Writer, rel string, b []byte) (File, error) {
	o, err := create(root, rel)
	if err != nil {
		return File{}, err
	}
	if _, err := o.Write(b); err != nil {
		o.abort()
		return File{}, err
	}
	return o.close()
}

// writeSums writes data/SHA256SUMS in the format of `sha256sum`: one
// "<hex>  <path>" line per download, paths relative to data/, sorted by path,
// so that `cd data && sha256sum -c SHA256SUMS` checks them all.
func writeSums(root *output.Writer, files []File) (File, error) {
	lines := make([]string, 0, len(files))
	for _, f := range files {
		lines = append(lines, f.SHA256+"  "+strings.TrimPrefix(f.Path, "data/")+"\n")
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i][66:] < lines[j][66:] })
	return writeFile(root, SumsPath, []byte(strings.Join(lines, "")))
}

// sortFiles sorts downloads by path.
func sortFiles(files []File) {
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
}

// YearCSVPath returns the download of a table's rows of one year (by its
// date column), relative to the site root: data/<year>/<table>.csv.
func YearCSVPath(year int, name string) string {
	return path.Join("data", strconv.Itoa(year), name+".csv")
}
