// Package searchread reads a written search index the way the browser
// script (themes/default/static/js/search.js) does, step for step: which
// files a query loads, which documents it finds and in what order. Tests
// of package search hold the index to it, the browser tests hold the
// script to it, and the benchmark measures what a query downloads with it.
// Nothing in a build uses it.
package searchread

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongshi/generator/search"
)

// Index is a search index on disk, with the files read so far (as a page
// caches the scripts it loaded).
type Index struct {
	dir   string // the site's search/ folder
	M     search.Manifest
	files map[string]json.RawMessage
	trace []string // files read from disk since the query began
}

// Open reads the manifest of the index in a site's output folder.
func Open(site string) (*Index, error) {
	x := &Index{dir: filepath.Join(site, filepath.FromSlash(search.Dir)), files: map[string]json.RawMessage{}}
	raw, err := x.file(search.ManifestFile)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, &x.M); err != nil {
		return nil, fmt.Errorf("searchread: manifest: %w", err)
	}
	return x, nil
}

// file returns the data of one index file: the second argument of its
// gongshiIndex(name, data) call, checked to name the file.
func (x *Index) file(name string) (json.RawMessage, error) {
	if b, ok := x.files[name]; ok {
		return b, nil
	}
	b, err := os.ReadFile(filepath.Join(x.dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, err
	}
	head := "gongshiIndex(" + strconv.Quote(name) + ","
	s := string(b)
	if !strings.HasPrefix(s, head) || !strings.HasSuffix(s, ");\n") {
		return nil, fmt.Errorf("searchread: %s is not a gongshiIndex(%q, …) call", name, name)
	}
	data := json.RawMessage(s[len(head) : len(s)-3])
	if !json.Valid(data) {
		return nil, fmt.Errorf("searchread: %s: data is not JSON", name)
	}
	x.files[name] = data
	x.trace = append(x.trace, name)
	return data, nil
}

// Result is what one query shows: the groups of results by kind, and the
// files it loaded (in the order the page loads them).
type Result struct {
	Groups  []Group
	Partial bool     // some terms are so common that only part of their documents are indexed
	Files   []string // files the query loaded that were not loaded before
	Short   bool     // the query has no word to look up
}

// Group is the results of one kind.
type Group struct {
	Kind  string // "villages"
	Count int    // candidates (exact when Exact)
	Exact bool
	Hits  []Hit

	list []cand
	next int
	want int
}

// Hit is one result.
type Hit struct {
	Doc   int
	ID    string
	Name  string
	Place []string
	Note  string
	Texts []string
	Cut   bool
	Rank  int // 0 the name (or ID) is a word, 1 starts with one, 2 holds one, 3 other text does
}

type cand struct{ doc, rank int }

type word struct {
	text  string
	len   int
	terms []string
	whole bool // the word is a single term
}

// postings is one term's lists, as the page decodes them.
type postings struct {
	docs                 []int
	name                 map[int]int
	has                  map[int]bool
	nameLimit, textLimit int
}

func (p *postings) whole(total int) bool { return p.nameLimit >= total && p.textLimit >= total }

// holds reports whether p holds doc: 1 yes, 0 no, -1 not known (cut off).
func (p *postings) holds(doc int) int {
	if p.has[doc] {
		return 1
	}
	if doc < p.nameLimit && doc < p.textLimit {
		return 0
	}
	return -1
}

type query struct {
	full  string // the whole query, folded
	words []word
	pick  []string
	lists map[string]*postings
}

// Search runs a query as the page does on submit and returns its first
// screen of results.
func (x *Index) Search(q string) (*Result, error) {
	x.trace = nil
	r := &Result{}
	qu, err := x.lookup(q)
	if err != nil {
		return nil, err
	}
	if qu == nil {
		r.Short, r.Files = true, x.trace
		return r, nil
	}
	groups, partial := x.candidates(qu)
	r.Partial = partial
	if err := x.fill(qu, groups); err != nil {
		return nil, err
	}
	// The group with the best match first, kinds in order for equal ranks;
	// each group's best first.
	for _, g := range groups {
		if len(g.Hits) > 0 {
			slices.SortStableFunc(g.Hits, func(a, b Hit) int {
				if a.Rank != b.Rank {
					return a.Rank - b.Rank
				}
				return a.Doc - b.Doc
			})
			r.Groups = append(r.Groups, *g)
		}
	}
	slices.SortStableFunc(r.Groups, func(a, b Group) int { return a.Hits[0].Rank - b.Hits[0].Rank })
	r.Files = x.trace
	return r, nil
}

// lookup cuts the query into words and loads the posting lists of its
// first terms: each word's first term, then each word's last, up to
// MaxTerms. It returns nil when no word has a term to look up.
func (x *Index) lookup(q string) (*query, error) {
	ws := search.Words(strings.TrimSpace(q))
	if len(ws) == 0 {
		return nil, nil
	}
	qu := &query{full: search.Fold(strings.TrimSpace(q)), lists: map[string]*postings{}}
	for _, w := range ws {
		ts := search.QueryTerms(w)
		qu.words = append(qu.words, word{text: w, len: utf8.RuneCountInString(w), terms: ts, whole: len(ts) == 1 && ts[0] == w})
	}
	for round := 0; round < 2; round++ {
		for _, w := range qu.words {
			if len(w.terms) == 0 {
				continue
			}
			t := w.terms[0]
			if round == 1 {
				t = w.terms[len(w.terms)-1]
			}
			if len(qu.pick) < x.M.MaxTerms && !slices.Contains(qu.pick, t) {
				qu.pick = append(qu.pick, t)
			}
		}
	}
	if len(qu.pick) == 0 {
		return nil, nil
	}
	// The buckets first, all at once; then the parts that routes point to.
	for _, t := range qu.pick {
		if _, err := x.file(x.bucket(t)); err != nil {
			return nil, err
		}
	}
	for _, t := range qu.pick {
		e, err := x.entry(t)
		if err != nil {
			return nil, err
		}
		if e != nil {
			qu.lists[t], err = decode(e, x.total())
			if err != nil {
				return nil, fmt.Errorf("searchread: term %q: %w", t, err)
			}
		}
	}
	return qu, nil
}

func (x *Index) bucket(t string) string {
	return search.BucketFile(int(search.Hash(t)%uint32(x.M.Buckets)), 0)
}

// entry returns a term's entry from its bucket (or the bucket's part), nil
// if the index has no such term.
func (x *Index) entry(t string) (json.RawMessage, error) {
	data, err := x.file(x.bucket(t))
	if err != nil {
		return nil, err
	}
	var b map[string]json.RawMessage
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, err
	}
	if route, ok := b[""]; ok {
		var parts map[string]int
		if err := json.Unmarshal(route, &parts); err != nil {
			return nil, err
		}
		p, ok := parts[t]
		if !ok {
			return nil, nil
		}
		h := int(search.Hash(t) % uint32(x.M.Buckets))
		if data, err = x.file(search.BucketFile(h, p)); err != nil {
			return nil, err
		}
		b = nil
		if err := json.Unmarshal(data, &b); err != nil {
			return nil, err
		}
	}
	return b[t], nil
}

func (x *Index) total() int {
	k := x.M.Kinds[len(x.M.Kinds)-1]
	return k.First + k.Count
}

// decode reads an entry [df, names, texts(, nameLimit, textLimit)].
func decode(e json.RawMessage, total int) (*postings, error) {
	var v []any
	if err := json.Unmarshal(e, &v); err != nil {
		return nil, err
	}
	if len(v) != 3 && len(v) != 5 {
		return nil, fmt.Errorf("entry of %d fields", len(v))
	}
	names, ok1 := v[1].(string)
	texts, ok2 := v[2].(string)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("postings are not strings")
	}
	p := &postings{name: map[int]int{}, has: map[int]bool{}, nameLimit: total, textLimit: total}
	if len(v) == 5 {
		p.nameLimit, p.textLimit = int(v[3].(float64)), int(v[4].(float64))
	}
	n := search.DecodeNums(names)
	if len(n)%2 != 0 {
		return nil, fmt.Errorf("name postings of odd length")
	}
	doc := -1
	for i := 0; i < len(n); i += 2 {
		doc += n[i] + 1
		p.name[doc], p.has[doc] = n[i+1], true
		p.docs = append(p.docs, doc)
	}
	doc = -1
	for _, g := range search.DecodeNums(texts) {
		doc += g + 1
		if p.has[doc] {
			return nil, fmt.Errorf("document %d in both lists", doc)
		}
		p.has[doc] = true
		p.docs = append(p.docs, doc)
	}
	sort.Ints(p.docs)
	return p, nil
}

// candidates finds the documents that may match (see js/search.js).
func (x *Index) candidates(qu *query) ([]*Group, bool) {
	total := x.total()
	var src *postings
	for _, t := range qu.pick {
		p := qu.lists[t]
		if p == nil {
			return nil, false
		}
		if p.whole(total) && src == nil {
			src = p
		}
	}
	partial := src == nil
	if partial {
		for _, t := range qu.pick {
			p := qu.lists[t]
			if src == nil || min(p.nameLimit, p.textLimit) > min(src.nameLimit, src.textLimit) {
				src = p
			}
		}
	}
	var groups []*Group
	for _, k := range x.M.Kinds {
		groups = append(groups, &Group{Kind: k.Key, want: x.M.PerKind, Exact: !partial})
	}
	for _, doc := range src.docs {
		keep, unsure, rank := true, false, 3
		for _, t := range qu.pick {
			switch qu.lists[t].holds(doc) {
			case 0:
				keep = false
			case -1:
				unsure = true
			}
		}
		if !keep {
			continue
		}
		for _, w := range qu.words {
			if len(w.terms) == 0 || qu.lists[w.terms[0]] == nil {
				continue
			}
			if code, ok := qu.lists[w.terms[0]].name[doc]; ok {
				switch {
				case code == 0:
					rank = min(rank, 2)
				case code == w.len:
					rank = 0
				default:
					rank = min(rank, 1)
				}
			}
		}
		g := groups[x.kindOf(doc)]
		g.list = append(g.list, cand{doc, rank})
		if unsure {
			g.Exact = false
		}
	}
	for _, w := range qu.words {
		if !w.whole || len(w.terms) == 0 || qu.lists[w.terms[0]] == nil {
			for _, g := range groups {
				g.Exact = false
			}
		}
	}
	for _, g := range groups {
		sort.SliceStable(g.list, func(i, j int) bool {
			if g.list[i].rank != g.list[j].rank {
				return g.list[i].rank < g.list[j].rank
			}
			return g.list[i].doc < g.list[j].doc
		})
		g.Count = len(g.list)
	}
	return groups, partial
}

func (x *Index) kindOf(doc int) int {
	for i := len(x.M.Kinds) - 1; i > 0; i-- {
		if doc >= x.M.Kinds[i].First {
			return i
		}
	}
	return 0
}

func (x *Index) chunkOf(doc int) string {
	k := x.M.Kinds[x.kindOf(doc)]
	return search.ChunkFile(k.Key, (doc-k.First)/k.Chunk)
}

// fill loads documents a round at a time, one candidate of each group in
// turn, until each group has what it wants or ScreenChunks files were
// loaded, checking each candidate against the words.
func (x *Index) fill(qu *query, groups []*Group) error {
	budget := x.M.ScreenChunks
	for {
		for _, g := range groups {
			if err := x.check(qu, g); err != nil {
				return err
			}
		}
		pos, taken := make([]int, len(groups)), make([]int, len(groups))
		for i, g := range groups {
			pos[i], taken[i] = g.next, len(g.Hits)
		}
		var names []string
		for more := true; more && budget > 0; {
			more = false
			for i, g := range groups {
				if budget == 0 {
					break
				}
				if taken[i] >= g.want || pos[i] >= len(g.list) {
					continue
				}
				name := x.chunkOf(g.list[pos[i]].doc)
				if _, ok := x.files[name]; !ok && !slices.Contains(names, name) {
					names = append(names, name)
					budget--
				}
				pos[i]++
				taken[i]++
				more = true
			}
		}
		if len(names) == 0 {
			return nil
		}
		for _, n := range names {
			if _, err := x.file(n); err != nil {
				return err
			}
		}
	}
}

// check verifies the group's candidates whose documents are loaded.
func (x *Index) check(qu *query, g *Group) error {
	for len(g.Hits) < g.want && g.next < len(g.list) {
		c := g.list[g.next]
		data, ok := x.files[x.chunkOf(c.doc)]
		if !ok {
			return nil
		}
		g.next++
		var chunk [][]json.RawMessage
		if err := json.Unmarshal(data, &chunk); err != nil {
			return err
		}
		k := x.M.Kinds[x.kindOf(c.doc)]
		f := chunk[(c.doc-k.First)%k.Chunk]
		h := Hit{Doc: c.doc}
		for i, dst := range []any{&h.ID, &h.Name, &h.Place, &h.Note, &h.Texts} {
			if err := json.Unmarshal(f[i], dst); err != nil {
				return err
			}
		}
		h.Cut = len(f) > 5
		if x.match(qu, &h) {
			g.Hits = append(g.Hits, h)
		} else {
			g.Exact = false
		}
	}
	return nil
}

// match ranks a document against every word (see js/search.js); false
// when a word is missing.
func (x *Index) match(qu *query, h *Hit) bool {
	id, name, ctx := search.Fold(h.ID), search.Fold(h.Name), search.Fold(strings.Join(h.Place, "")+h.Name)
	h.Rank = 3
	if id == qu.full { // an ID with its hyphens: P000065-2
		h.Rank = 0
		return true
	}
	for _, w := range qu.words {
		r := -1
		switch {
		case name == w.text || id == w.text:
			r = 0
		case strings.HasPrefix(name, w.text) || strings.HasPrefix(id, w.text):
			r = 1
		case strings.Contains(name, w.text) || strings.Contains(id, w.text):
			r = 2
		}
		if r < 0 && w.len > 1 {
			if strings.Contains(ctx, w.text) {
				r = 3
			}
			for _, t := range h.Texts {
				if r < 0 && strings.Contains(search.Fold(t), w.text) {
					r = 3
				}
			}
			if r < 0 && h.Cut && len(w.terms) > 0 && qu.lists[w.terms[0]] != nil && qu.lists[w.terms[0]].has[h.Doc] {
				r = 3
			}
		}
		if r < 0 {
			return false
		}
		h.Rank = min(h.Rank, r)
	}
	return true
}
