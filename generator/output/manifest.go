package output

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
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

// entry is one line of the manifest.
type entry struct {
	size int64
	same bool // this build: the bytes are the previous output's (not in the file)
}

// Manifest maps a site path to its file's size.
type Manifest map[string]entry

// ReadManifest reads the manifest of a previous output folder. A folder
// without one (or with one that does not parse) gives an empty manifest:
// nothing is reused, everything counts as added.
func ReadManifest(dir string) Manifest {
	m := Manifest{}
	f, err := os.Open(filepath.Join(dir, ManifestFile))
	if err != nil {
		return m
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		sumHex, rest, ok1 := strings.Cut(sc.Text(), " ")
		sizeText, name, ok2 := strings.Cut(rest, " ")
		size, err := strconv.ParseInt(sizeText, 10, 64)
		if !ok1 || !ok2 || err != nil || name == "" {
			return Manifest{}
		}
		if b, err := hex.DecodeString(sumHex); sumHex != "-" && (err != nil || len(b) != sha256.Size) {
			return Manifest{}
		}
		m[name] = entry{size: size}
	}
	if sc.Err() != nil {
		return Manifest{}
	}
	return m
}

// write writes m as the manifest file into dir: one "- size path" line a
// file, sorted by path. The first field held a SHA-256 in earlier
// versions, which are still read; the next build compares the bytes
// themselves instead.
func (m Manifest) write(dir string) error {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	f, err := os.Create(filepath.Join(dir, ManifestFile))
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 256<<10)
	for _, n := range names {
		fmt.Fprintf(w, "- %d %s\n", m[n].size, n)
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

// diff returns what changed from the previous manifest to this one.
func diff(prev, next Manifest) Changes {
	var c Changes
	for n, e := range next {
		if _, ok := prev[n]; !ok {
			c.Added = append(c.Added, n)
		} else if !e.same {
			c.Changed = append(c.Changed, n)
		}
	}
	for n := range prev {
		if _, ok := next[n]; !ok {
			c.Removed = append(c.Removed, n)
		}
	}
	sort.Strings(c.Added)
	sort.Strings(c.Changed)
	sort.Strings(c.Removed)
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
