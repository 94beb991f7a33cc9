package search

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// index is the posting lists of every term of every document.
type index struct {
	kinds []kind
	n     int // documents in all
	lists map[string]*list
}

// termCap is the most a term's two lists may take together, so that a term
// alone, with its key and counts, always fits a bucket file.
const termCap = BucketCap - 512

// newIndex numbers the documents and indexes their terms: a name's and an
// ID's terms in the name list (with where they start), every other term of
// the document (its place and name run together, its other text) in the
// text list. Finding each document's terms (folding and splitting its
// text) runs on a second goroutine, a batch of documents ahead of the one
// that adds them to the lists: the two halves of the work take about as
// long, and this is the last long step of a build.
func newIndex(ks []kind) *index {
	x := &index{kinds: ks, lists: map[string]*list{}}
	batches := make(chan *termBatch, 2)
	free := make(chan *termBatch, 4) // batches handed back to be filled again
	next := func() *termBatch {
		select {
		case b := <-free:
			return b
		default:
			return &termBatch{}
		}
	}
	go func() {
		defer close(batches)
		seen := map[string]int{}
		b := next()
		for _, k := range ks {
			for i := range k.docs {
				b.add(&k.docs[i], seen)
				if len(b.ends) == batchDocs {
					batches <- b
					b = next()
				}
			}
		}
		if len(b.ends) > 0 {
			batches <- b
		}
	}()
	for b := range batches {
		start := 0
		for _, end := range b.ends {
			doc := x.n
			for _, e := range b.terms[start:end] {
				l := x.lists[e.t]
				if l == nil {
					l = newList()
					x.lists[strings.Clone(e.t)] = l
				}
				if e.v > 0 {
					l.addName(doc, e.v-1, termCap)
				} else {
					l.addText(doc, termCap)
				}
			}
			start = end
			x.n++
		}
		clear(b.terms) // let go of the folded texts the terms point into
		b.terms, b.ends = b.terms[:0], b.ends[:0]
		select {
		case free <- b:
		default:
		}
	}
	return x
}

// batchDocs is how many documents' terms are handed over at once.
const batchDocs = 256

// termBatch is the terms of a run of documents, each document's terms once:
// document j's are terms[ends[j-1]:ends[j]].
type termBatch struct {
	terms []docTerm
	ends  []int
}

// docTerm is a term of a document: v > 0 a name term (its code + 1), -1 a
// text term.
type docTerm struct {
	t string
	v int
}

// add finds the terms of d, each once (seen is cleared, not remade, between
// documents), and appends them.
func (b *termBatch) add(d *doc, seen map[string]int) {
	clear(seen)
	name, id := Fold(d.name), Fold(d.id)
	for _, f := range []struct {
		text string
		id   bool
	}{{name, false}, {id, true}} {
		length := utf8.RuneCountInString(f.text)
		terms(f.text, true, f.id, func(t string, start bool) {
			code := 0
			if start {
				code = length
			}
			if seen[t] <= 1 && code+1 > seen[t] {
				seen[t] = code + 1
			}
		})
	}
	text := func(t string, _ bool) {
		if seen[t] == 0 {
			seen[t] = -1
		}
	}
	terms(Fold(d.context()), false, false, text)
	for _, s := range d.texts {
		terms(Fold(s), false, false, text)
	}
	for t, v := range seen {
		b.terms = append(b.terms, docTerm{t, v})
	}
	b.ends = append(b.ends, len(b.terms))
}

// entry returns a term's entry in its bucket file:
// "term":[df,"name postings","text postings"], and when a list was cut, the
// limits below which each list is whole: ,nameLimit,textLimit (the number
// of documents for a list that is whole).
func (x *index) entry(t string, l *list) []byte {
	l.fit(termCap)
	b := make([]byte, 0, len(t)+len(l.name)+len(l.text)+32)
	b = appendJSON(b, t)
	b = append(b, ":["...)
	b = strconv.AppendInt(b, int64(l.df), 10)
	b = append(b, ",\""...)
	b = append(b, l.name...)
	b = append(b, "\",\""...)
	b = append(b, l.text...)
	b = append(b, '"')
	if l.nameLimit != noLimit || l.textLimit != noLimit {
		for _, lim := range []int{l.nameLimit, l.textLimit} {
			if lim == noLimit {
				lim = x.n
			}
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(lim), 10)
		}
	}
	return append(b, ']')
}

// appendJSON appends s as a JSON string. encoding/json escapes <, > and &
// (and U+2028, U+2029), so no text can end the script it is in.
func appendJSON(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always marshals
	return append(b, q...)
}
