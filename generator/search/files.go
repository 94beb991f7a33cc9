package search

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"

	"gongshi/generator/output"
)

// ChunkFile is the file (relative to Dir) of chunk n of a kind's documents.
// A thousand files to a folder: FAT-formatted USB sticks slow down, and
// then refuse, folders of tens of thousands.
func ChunkFile(kind string, n int) string {
	return "d/" + kind + "/" + strconv.Itoa(n/1000) + "/" + strconv.Itoa(n%1000) + ".js"
}

// BucketFile is the file of bucket b; part p > 0 of a split bucket is
// BucketFile(b, p).
func BucketFile(b, part int) string {
	if part == 0 {
		return "t/" + strconv.Itoa(b) + ".js"
	}
	return "t/" + strconv.Itoa(b) + "-" + strconv.Itoa(part) + ".js"
}

// wrapper is room left in every file for the call around its data.
const wrapper = 64

// fragment returns a document as its chunk holds it:
// [id, name, [township, village], note, [texts…]], and a last 1 when its
// text was cut to fit (the page then trusts the postings for what it cannot
// see).
func fragment(d *doc, cut bool) []byte {
	place, texts := d.place, d.texts
	if place == nil {
		place = []string{}
	}
	if texts == nil {
		texts = []string{}
	}
	v := []any{d.id, d.name, place, d.note, texts}
	if cut {
		v = append(v, 1)
	}
	b, _ := json.Marshal(v) // strings and slices of strings always marshal
	return b
}

// perChunk chooses how many of a kind's documents share a file: as many as
// fit ChunkCap when each is as big as the 95th percentile of the kind (the
// text of bigger ones is cut to fit) and as big as the biggest without its
// text (so that no name is ever cut), at most 64.
func perChunk(k kind) int {
	if len(k.docs) == 0 {
		return 1
	}
	sizes := make([]int, len(k.docs))
	biggest := 0
	for i := range k.docs {
		d := k.docs[i]
		sizes[i] = len(fragment(&d, false)) + 1
		d.texts = nil
		biggest = max(biggest, len(fragment(&d, true))+1)
	}
	sort.Ints(sizes)
	p95 := max(sizes[len(sizes)*95/100], biggest)
	return max(1, min(64, (ChunkCap-wrapper)/p95))
}

// writeChunks writes a kind's documents, per to a file, and returns per.
func writeChunks(fs *files, k kind) (per int, err error) {
	per = perChunk(k)
	budget := (ChunkCap-wrapper)/per - 1 // bytes of one document, with its comma
	for from := 0; from < len(k.docs); from += per {
		to := min(from+per, len(k.docs))
		b := []byte{'['}
		for i := from; i < to; i++ {
			if i > from {
				b = append(b, ',')
			}
			b = append(b, fitted(k.docs[i], budget)...)
		}
		b = append(b, ']')
		if err := fs.write(ChunkFile(k.key, from/per), b, ChunkCap); err != nil {
			return per, err
		}
	}
	return per, nil
}

// fitted returns a document's fragment, its text (and, for absurdly long
// names, its other strings) cut until it takes at most budget bytes.
func fitted(d doc, budget int) []byte {
	b := fragment(&d, false)
	if len(b) <= budget {
		return b
	}
	d.texts = append([]string(nil), d.texts...)
	d.place = append([]string(nil), d.place...)
	for len(b) > budget {
		excess := len(b) - budget
		switch {
		case len(d.texts) > 0:
			last := len(d.texts) - 1
			d.texts[last] = cut(d.texts[last], excess)
			if d.texts[last] == "" {
				d.texts = d.texts[:last]
			}
		case len(d.name) > 8:
			d.name = cut(d.name, excess)
		case d.note != "":
			d.note = cut(d.note, excess)
		case len(d.place) > 0:
			d.place = d.place[:len(d.place)-1]
		default:
			d.id = cut(d.id, excess)
		}
		b = fragment(&d, true)
	}
	return b
}

// cut drops at least n bytes from the end of s (JSON escapes can make a
// character cost more than its bytes: the caller loops), on a character
// boundary.
func cut(s string, n int) string {
	end := len(s) - n
	if end <= 0 {
		return ""
	}
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end]
}

// writeBuckets writes the posting lists, hashed into buckets of about half
// BucketCap, and returns the number of buckets. A bucket that comes out too
// big is written in parts, and its own file holds only the part of each of
// its terms.
func writeBuckets(fs *files, x *index) (buckets int, err error) {
	keys := make([]string, 0, len(x.lists))
	total := 0
	entries := make(map[string][]byte, len(x.lists))
	for t, l := range x.lists {
		e := x.entry(t, l)
		entries[t] = e
		keys = append(keys, t)
		total += len(e) + 1
	}
	x.lists = nil // the entries hold what the files need
	sort.Strings(keys)
	for k := max(1, 2*total/BucketCap+1); ; k *= 2 {
		plans, ok := planBuckets(keys, entries, k)
		if !ok {
			continue // a routing file would be too big: use more buckets
		}
		for b, parts := range plans {
			for p, part := range parts {
				limit := BucketCap
				if p == 0 && len(parts) > 1 {
					limit = RouteCap
				}
				if err := fs.write(BucketFile(b, p), part, limit); err != nil {
					return k, err
				}
			}
		}
		return k, nil
	}
}

// planBuckets lays out the files of k buckets: for each bucket, the data of
// its file and of its parts. It fails when a split bucket's routing file
// would exceed RouteCap.
func planBuckets(keys []string, entries map[string][]byte, k int) ([][][]byte, bool) {
	byBucket := make([][]string, k)
	for _, t := range keys {
		b := int(Hash(t) % uint32(k))
		byBucket[b] = append(byBucket[b], t)
	}
	plans := make([][][]byte, k)
	for b, ts := range byBucket {
		size := 2
		for _, t := range ts {
			size += len(entries[t]) + 1
		}
		if size <= BucketCap-wrapper {
			plans[b] = [][]byte{object(ts, entries)}
			continue
		}
		parts := pack(ts, entries)
		route := []byte(`{"":{`)
		for p, part := range parts {
			for _, t := range part {
				if len(route) > 5 {
					route = append(route, ',')
				}
				route = appendJSON(route, t)
				route = append(route, ':')
				route = strconv.AppendInt(route, int64(p+1), 10)
			}
		}
		route = append(route, "}}"...)
		if len(route) > RouteCap-wrapper {
			return nil, false
		}
		plans[b] = [][]byte{route}
		for _, part := range parts {
			plans[b] = append(plans[b], object(part, entries))
		}
	}
	return plans, true
}

// pack puts terms into as few parts as first-fit, biggest first, manages,
// each part's file within BucketCap; each part's terms sorted.
func pack(ts []string, entries map[string][]byte) [][]string {
	bySize := append([]string(nil), ts...)
	sort.SliceStable(bySize, func(i, j int) bool { return len(entries[bySize[i]]) > len(entries[bySize[j]]) })
	var parts [][]string
	var room []int
	for _, t := range bySize {
		need := len(entries[t]) + 1
		placed := false
		for p := range parts {
			if room[p] >= need {
				parts[p], room[p], placed = append(parts[p], t), room[p]-need, true
				break
			}
		}
		if !placed {
			parts, room = append(parts, []string{t}), append(room, BucketCap-wrapper-2-need)
		}
	}
	for _, p := range parts {
		sort.Strings(p)
	}
	return parts
}

// object joins entries into a JSON object.
func object(ts []string, entries map[string][]byte) []byte {
	b := []byte{'{'}
	for i, t := range ts {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, entries[t]...)
	}
	return append(b, '}')
}

// files writes the files of the index on a few goroutines: a province's
// index is a hundred thousand small files, and making them is bound by the
// disk, which makes several at once faster than one after another.
type files struct {
	w    *output.Writer
	jobs chan job
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error
	n    int
}

type job struct {
	name string
	data []byte
}

func newFiles(w *output.Writer) *files {
	f := &files{w: w, jobs: make(chan job, 64)}
	for k := 0; k < 2*runtime.GOMAXPROCS(0); k++ {
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			for j := range f.jobs {
				err := w.Write(Dir+j.name, j.data)
				f.mu.Lock()
				if err != nil && f.err == nil {
					f.err = err
				}
				f.n++
				f.mu.Unlock()
			}
		}()
	}
	return f
}

// write queues one file of the index, refusing one over its limit: that
// would be a bug, since the layout above makes every file fit.
func (f *files) write(name string, data []byte, limit int) error {
	b := script(name, data)
	if len(b) > limit {
		return fmt.Errorf("search: %s would be %d bytes, over its %d", name, len(b), limit)
	}
	f.mu.Lock()
	err := f.err
	f.mu.Unlock()
	if err != nil {
		return err
	}
	f.jobs <- job{name, b}
	return nil
}

// wait waits for every queued file and returns how many were written.
func (f *files) wait() (int, error) {
	close(f.jobs)
	f.wg.Wait()
	return f.n, f.err
}
