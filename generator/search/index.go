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
// text list.
func newIndex(ks []kind) *index {
	x := &index{kinds: ks, lists: map[string]*list{}}
	// Each term once per document: >0 is a name term (its code + 1), -1 a
	// text term. The map is cleared, not remade, between documents.
	seen := map[string]int{}
	for _, k := range ks {
		for i := range k.docs {
			d := &k.docs[i]
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
			doc := x.n + i
			for t, v := range seen {
				l := x.lists[t]
				if l == nil {
					l = newList()
					x.lists[strings.Clone(t)] = l
				}
				if v > 0 {
					l.addName(doc, v-1, termCap)
				} else {
					l.addText(doc, termCap)
				}
			}
		}
		x.n += len(k.docs)
	}
	return x
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
