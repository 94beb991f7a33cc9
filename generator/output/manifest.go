package output

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ManifestFile is the list of every file of a build's output, with its
// size, written into the output itself. The next build reads it to find
// the files whose bytes may not have changed (same path and size: it then
// compares the bytes, see Writer.Previous), and to say what changed.
const ManifestFile = ".gongshi-manifest"

// entry is what the writer logs of a file it wrote (see written).
type entry struct {
	size int64
	same bool // this build: the bytes are the previous output's (not in the file)
}

// Manifest is a previous output's list of files, as its manifest file
// holds them: one "- size path" line a file, sorted by path. It is kept as
// the file's text and where each path starts in it, not as a map: a
// province's manifest lists over a million paths, which as strings and a
// table would take about twice the file's size, all of it pointers for the
// collector to follow again and again during a rebuild; as text and
// offsets nothing in it is scanned.
type Manifest struct {
	text  string
	paths []uint32 // where each line's path starts in text, in path order
}

// ReadManifest reads the manifest of a previous output folder. A folder
// without one (or with one that does not parse) gives an empty manifest:
// nothing is reused, everything counts as added. Builds write it sorted;
// one edited by hand is put in order, and of a path listed twice the last
// line counts, as the file's reader always had it.
func ReadManifest(dir string) Manifest {
	b, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil || int64(len(b)) > math.MaxUint32 {
		return Manifest{}
	}
	m := Manifest{text: string(b)}
	if strings.Contains(m.text, "\r") { // saved with Windows line breaks
		m.text = strings.ReplaceAll(m.text, "\r\n", "\n")
	}
	prev, sorted := "", true
	for off := 0; off < len(m.text); {
		end := strings.IndexByte(m.text[off:], '\n')
		if end < 0 {
			end = len(m.text) - off // a last line without its line break
		}
		line := m.text[off : off+end]
		sumHex, rest, ok1 := strings.Cut(line, " ")
		sizeText, name, ok2 := strings.Cut(rest, " ")
		_, err := strconv.ParseInt(sizeText, 10, 64)
		if !ok1 || !ok2 || err != nil || name == "" {
			return Manifest{}
		}
		if b, err := hex.DecodeString(sumHex); sumHex != "-" && (err != nil || len(b) != sha256.Size) {
			return Manifest{}
		}
		m.paths = append(m.paths, uint32(off+len(line)-len(name)))
		sorted = sorted && (len(m.paths) == 1 || name > prev)
		prev = name
		off += end + 1
	}
	if !sorted {
		sort.SliceStable(m.paths, func(i, j int) bool { return m.path(i) < m.path(j) })
		kept := m.paths[:0]
		for i := range m.paths {
			if i+1 < len(m.paths) && m.path(i+1) == m.path(i) {
				continue // a later line for the same path follows
			}
			kept = append(kept, m.paths[i])
		}
		m.paths = kept
	}
	return m
}

// Len returns the number of files the manifest lists.
func (m Manifest) Len() int { return len(m.paths) }

// path returns the i-th path, in path order.
func (m Manifest) path(i int) string {
	rest := m.text[m.paths[i]:]
	if end := strings.IndexByte(rest, '\n'); end >= 0 {
		return rest[:end]
	}
	return rest
}

// size returns the size the manifest gives the file at rel, if it lists it.
func (m Manifest) size(rel string) (int64, bool) {
	i := sort.Search(len(m.paths), func(i int) bool { return m.path(i) >= rel })
	if i == len(m.paths) || m.path(i) != rel {
		return 0, false
	}
	head := m.text[:m.paths[i]-1] // the line up to the space before the path
	n, _ := strconv.ParseInt(head[strings.LastIndexByte(head, ' ')+1:], 10, 64)
	return n, true
}

// written is what this build wrote, in the order it was written: one
// record a file ("size flaglength:path", the flag "=" when the bytes are
// the previous output's, else "+"; the path's length in bytes goes first,
// so that no character a path may hold, a line break included, can end a
// record early), appended under the writer's lock. A
// province writes over a million files; as a map from path to size they
// took about 100 MB of strings and table the collector scanned again and
// again, as one byte slice they take under half that and are never
// scanned.
type written []byte

// add appends the record of one file.
func (l *written) add(rel string, e entry) {
	b := strconv.AppendInt(*l, e.size, 10)
	flag := byte('+')
	if e.same {
		flag = '='
	}
	b = append(b, ' ', flag)
	b = strconv.AppendInt(b, int64(len(rel)), 10)
	b = append(b, ':')
	*l = append(b, rel...)
}

// record is one file of a written log.
type record struct {
	path string
	entry
}

// records returns the files of the log sorted by path, each once (the
// last write of a path counts, as it is the file on disk).
func (l written) records() []record {
	var out []record
	for rest := string(l); rest != ""; {
		sizeText, tail, _ := strings.Cut(rest, " ")
		flag := tail[0]
		lenText, tail, _ := strings.Cut(tail[1:], ":")
		size, _ := strconv.ParseInt(sizeText, 10, 64)
		n, _ := strconv.Atoi(lenText)
		out = append(out, record{path: tail[:n], entry: entry{size: size, same: flag == '='}})
		rest = tail[n:]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].path < out[j].path })
	uniq := out[:0]
	for i, r := range out {
		if i+1 < len(out) && out[i+1].path == r.path {
			continue
		}
		uniq = append(uniq, r)
	}
	return uniq
}

// writeManifest writes the records (sorted by path) as the manifest file
// into dir: one "- size path" line a file. The first field held a SHA-256
// in earlier versions, which are still read; the next build compares the
// bytes themselves instead.
func writeManifest(dir string, recs []record) error {
	f, err := os.Create(filepath.Join(dir, ManifestFile))
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 256<<10)
	var line []byte
	for _, r := range recs {
		line = append(line[:0], '-', ' ')
		line = strconv.AppendInt(line, r.size, 10)
		line = append(line, ' ')
		line = append(line, r.path...)
		line = append(line, '\n')
		w.Write(line)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Changes are the site paths that differ between a previous output and
// this one, each sorted.
type Changes struct {
	Added, Changed, Removed []string
	Kept                    int // files reused from the previous output (hard links)
}

// diff returns what changed from the previous manifest to this build's
// files (sorted by path, each once).
func diff(prev Manifest, next []record) Changes {
	var c Changes
	i, n := 0, prev.Len()
	for _, r := range next { // both in path order: one walk along the two
		for i < n && prev.path(i) < r.path {
			c.Removed = append(c.Removed, prev.path(i))
			i++
		}
		if i < n && prev.path(i) == r.path {
			i++
			if !r.same {
				c.Changed = append(c.Changed, r.path)
			}
		} else {
			c.Added = append(c.Added, r.path)
		}
	}
	for ; i < n; i++ {
		c.Removed = append(c.Removed, prev.path(i))
	}
	return c
}

// WriteTo writes the changes as DESIGN.md's list: one line a path, "A",
// "M" or "D", a space and the path, in path order.
func (c Changes) WriteTo(w io.Writer) (int64, error) {
	type line struct{ op, path string }
	var all []line
	for _, p := range c.Added {
		all = append(all, line{"A", p})
	}
	for _, p := range c.Changed {
		all = append(all, line{"M", p})
	}
	for _, p := range c.Removed {
		all = append(all, line{"D", p})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].path < all[j].path })
	bw := bufio.NewWriter(w)
	var n int64
	for _, l := range all {
		k, err := bw.WriteString(l.op + " " + l.path + "\n")
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, bw.Flush()
}

// Unlisted returns the files of dir, a previous output, that its manifest
// m does not list: files put there by hand, such as a site verification
// file, which a build does not carry over (they belong in the source's
// static/). It looks at dir's own entries, and into each folder the
// manifest lists nothing in; a file added by hand deeper inside gongshi's
// own folders is not looked for (a province's output has a million files).
// gongshi's own files (names starting with ".gongshi") are not listed, and
// an empty manifest gives nothing: without one, nothing is known.
func Unlisted(dir string, m Manifest) []string {
	if m.Len() == 0 {
		return nil
	}
	es, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range es {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, ".gongshi"):
		case !e.IsDir():
			if _, ok := m.size(name); !ok {
				out = append(out, name)
			}
		case !m.lists(name + "/"):
			filepath.WalkDir(filepath.Join(dir, name), func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					rel, _ := filepath.Rel(dir, p)
					out = append(out, filepath.ToSlash(rel))
				}
				return nil
			})
		}
	}
	return out
}

// lists reports whether m lists a path that starts with prefix.
func (m Manifest) lists(prefix string) bool {
	i := sort.Search(len(m.paths), func(i int) bool { return m.path(i) >= prefix })
	return i < len(m.paths) && strings.HasPrefix(m.path(i), prefix)
}
