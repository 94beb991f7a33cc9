// Package search writes the index behind /search/: villages, townships,
// secretaries (former ones marked), pledges (title, detail, target, update
// notes) and hearings (topic, summary, follow-up, questions and answers),
// so that a Chinese query finds any substring of two characters or more, a
// single character finds names, and an ID finds its record.
//
// The index is plain script files under search/, each a call
// gongshiIndex(name, data), loaded by js/search.js with script tags (which,
// unlike fetch, also work when the site is opened from disk, and under any
// sub-folder, since every name is relative):
//
//	search/index.js              the manifest: kinds of documents, numbering, limits
//	search/t/<bucket>.js         posting lists of the terms whose hash falls in the bucket
//	search/t/<bucket>-<part>.js  … of a bucket too big for one file (then <bucket>.js routes)
//	search/d/<kind>/<n>/<m>.js   documents: what a result shows and the text it is checked against
//
// Every file is capped (see the constants below), so what one query
// downloads is bounded for a county and a province alike.
package search

import (
	"encoding/json"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/output"
)

// The limits of the index, in bytes as written. gzip, which a web server
// adds, only makes a file smaller (these files, to about half), so they
// bound what a phone downloads too. js/search.js reads MaxTerms,
// ScreenChunks and PerKind from the manifest.
const (
	BucketCap    = 24 << 10 // a file of posting lists
	RouteCap     = 2 << 10  // the routing file of a bucket split into parts
	ChunkCap     = 4 << 10  // a file of documents
	ManifestCap  = 2 << 10  // search/index.js
	MaxTerms     = 3        // posting lists one query loads (each: a bucket, or a route and a part)
	ScreenChunks = 16       // document files the first screen of results loads
	PerKind      = 5        // results of each kind on the first screen
	QueryCap     = 150 << 10
)

// A query loads the manifest, at most MaxTerms posting lists and at most
// ScreenChunks document files: this does not compile if that could exceed
// QueryCap.
var _ [QueryCap - (ManifestCap + MaxTerms*(RouteCap+BucketCap) + ScreenChunks*ChunkCap)]struct{}

// Manifest is search/index.js.
type Manifest struct {
	Buckets      int        `json:"buckets"`      // term files t/0.js … t/<Buckets-1>.js
	MaxTerms     int        `json:"maxTerms"`     // posting lists one query may load
	ScreenChunks int        `json:"screenChunks"` // document files one screen of results may load
	PerKind      int        `json:"perKind"`      // results of each kind on the first screen
	Kinds        []KindInfo `json:"kinds"`
}

// KindInfo describes one kind of document in the manifest.
type KindInfo struct {
	Key   string `json:"key"`   // "villages"
	Label string `json:"label"` // heading of its results
	First int    `json:"first"` // the number of its first document
	Count int    `json:"count"`
	Chunk int    `json:"chunk"` // documents per file: document n is entry (n-First)%Chunk of chunk (n-First)/Chunk
	Href  string `json:"href"`  // link from the search page, "{id}" standing for the ID
}

// Write writes the index and returns how many files it wrote.
func Write(w *output.Writer, d *dataset.Dataset, c *i18n.Catalogue) (int, error) {
	ks := kinds(d, c)
	fs := newFiles(w)
	m := Manifest{MaxTerms: MaxTerms, ScreenChunks: ScreenChunks, PerKind: PerKind}
	// The documents' files are made while the terms are indexed: both only
	// read the documents, and each is a third of the index's time.
	chunked := make(chan error, 1)
	go func() {
		first := 0
		for _, k := range ks {
			per, err := writeChunks(fs, k)
			if err != nil {
				chunked <- err
				return
			}
			m.Kinds = append(m.Kinds, KindInfo{Key: k.key, Label: k.label, First: first, Count: len(k.docs), Chunk: per, Href: k.href})
			first += len(k.docs)
		}
		chunked <- nil
	}()
	x := newIndex(ks)
	err := func() error {
		if err := <-chunked; err != nil {
			return err
		}
		buckets, err := writeBuckets(fs, x)
		if err != nil {
			return err
		}
		m.Buckets = buckets
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		return fs.write(ManifestFile, b, ManifestCap)
	}()
	n, werr := fs.wait()
	if err == nil {
		err = werr
	}
	return n, err
}

// Dir is the folder of the index, and ManifestFile its manifest within.
const (
	Dir          = "search/"
	ManifestFile = "index.js"
)

// script wraps data as the script file name (relative to Dir): the call
// names the file, so that the page knows which of the scripts it started
// has arrived.
func script(name string, data []byte) []byte {
	b := make([]byte, 0, len(data)+len(name)+24)
	b = append(b, "gongshiIndex("...)
	b = appendJSON(b, name)
	b = append(b, ',')
	b = append(b, data...)
	return append(b, ");\n"...)
}
