package search

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// How text is cut into the terms of the index. js/search.js cuts a query
// the same way (its fold, sepChar and terms functions): change both or
// neither.
//
// Text is first folded, character by character: each character in its
// compatibility form (NFKC: a full-width Ｖ００３２ typed on a Chinese
// keyboard is V0032) and in lower case. Folding one character at a time,
// not the whole string, lets the page map a match in the folded text back
// to the characters it came from when it highlights it.
//
// A folded text is then a sequence of runs: ASCII letters and digits
// (an ID, a number, "5g"), other letters (Chinese), and separators
// (spaces, punctuation, symbols) between them. Chinese has no spaces
// between words, so a run of Chinese is indexed by its character pairs
// (bigrams): 土地流转 holds 土地, 地流 and 流转, and any substring of two or
// more characters contains at least one of them. An ASCII run is indexed
// whole ("v0032"), so IDs match exactly. Single Chinese characters are
// indexed for names only: a one-character query finds villages and people
// by name, not every pledge that mentions the character.

// Fold returns s folded: each character NFKC-normalised and lower-cased.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || 'A' <= s[i] && s[i] <= 'Z' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case 0x4E00 <= r && r <= 0x9FFF:
			b.WriteRune(r)
		default:
			b.WriteString(foldRune(r))
		}
	}
	return b.String()
}

// foldRune folds one character: NFKC, then lower case. Fold writes the
// common characters (ASCII and the CJK unified ideographs, which NFKC
// leaves alone and which have no case) itself, and the punctuation of
// Chinese text (，。：（）、《》, the full-width and CJK punctuation blocks)
// comes from a table made once: a province's index folds a few hundred
// million characters, and the normaliser allocates for each.
func foldRune(r rune) string {
	switch {
	case 0x3000 <= r && r <= 0x303F:
		return cjkFolded[r-0x3000]
	case 0xFF00 <= r && r <= 0xFFEF:
		return fullFolded[r-0xFF00]
	}
	return normFold(r)
}

// normFold folds one character with the normaliser.
func normFold(r rune) string { return strings.ToLower(norm.NFKC.String(string(r))) }

// cjkFolded and fullFolded are normFold of U+3000–U+303F and U+FF00–U+FFEF.
var cjkFolded, fullFolded = foldTable(0x3000, 0x40), foldTable(0xFF00, 0xF0)

func foldTable(first rune, n int) []string {
	t := make([]string, n)
	for i := range t {
		t[i] = normFold(first + rune(i))
	}
	return t
}

// Character classes of folded text.
const (
	sep   = iota // spaces, punctuation, symbols: between words
	ascii        // a-z, 0-9
	wide         // any other letter or digit (Chinese)
)

// class returns the class of a folded character. The separator ranges are
// spelled out (rather than asking unicode.IsPunct) so that js/search.js,
// which has no Unicode tables, can apply exactly the same rule.
func class(r rune) int {
	switch {
	case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		return ascii
	case r < 0xC0, // ASCII and Latin-1 punctuation and symbols (· ×)
		0x2000 <= r && r <= 0x2BFF, // general punctuation, symbols, arrows, shapes (“ ” … ①)
		0x3000 <= r && r <= 0x303F, // CJK punctuation (、。《》【】)
		0xFE10 <= r && r <= 0xFE6F, // vertical, compatibility and small forms
		0xFF00 <= r && r <= 0xFF65, // full-width punctuation that NFKC keeps
		0xFFF0 <= r && r <= 0xFFFF:
		return sep
	}
	return wide
}

// maxToken is the longest ASCII run indexed: IDs and numbers are shorter,
// and a longer run (a code pasted into a note) would only bloat the index.
const maxToken = 32

// terms calls add for each term of folded text, with whether it starts the
// text: the bigrams of its Chinese runs and (for names) their single
// characters; its ASCII runs whole, of two characters or more (of any
// length in an ID). Terms are substrings of folded: a caller that keeps one
// clones it.
func terms(folded string, name, id bool, add func(t string, start bool)) {
	pos := 0                  // position in characters
	runClass, runAt := sep, 0 // the class of the current run, and its first byte
	runPos, prev := 0, -1     // its first character's position; the previous wide character's byte
	endASCII := func(end int) {
		if n := end - runAt; runClass == ascii && (n >= 2 || id) && n <= maxToken {
			add(folded[runAt:end], runPos == 0)
		}
	}
	for i, r := range folded {
		c := class(r)
		if c != runClass {
			endASCII(i)
			runClass, runAt, runPos, prev = c, i, pos, -1
		}
		if c == wide {
			_, size := utf8.DecodeRuneInString(folded[i:])
			end := i + size
			if name {
				add(folded[i:end], pos == 0)
			}
			if prev >= 0 {
				add(folded[prev:end], pos == 1)
			}
			prev = i
		}
		pos++
	}
	endASCII(len(folded))
}

// Hash returns the bucket hash of a term: 32-bit FNV-1a over its UTF-8
// bytes (js/search.js computes the same).
func Hash(t string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(t); i++ {
		h ^= uint32(t[i])
		h *= 16777619
	}
	return h
}

// Words returns the words of a query: its folded text cut at separators.
// js/search.js (words) cuts a query the same way; Go reads queries only in
// tests and benchmarks of the index.
func Words(q string) []string {
	var out []string
	var cur []rune
	for _, r := range Fold(q) {
		if class(r) == sep {
			if len(cur) > 0 {
				out = append(out, string(cur))
			}
			cur = cur[:0]
			continue
		}
		cur = append(cur, r)
	}
	if len(cur) > 0 {
		out = append(out, string(cur))
	}
	return out
}

// QueryTerms returns the terms a word of a query is looked up by, as
// js/search.js (termsOf) does: the bigrams of its Chinese runs, its ASCII
// runs whole, and a single Chinese character when it is the whole word.
func QueryTerms(word string) []string {
	rs := []rune(word)
	var out []string
	for i := 0; i < len(rs); {
		c, j := class(rs[i]), i
		for j < len(rs) && class(rs[j]) == c {
			j++
		}
		switch {
		case c == wide:
			for k := i; k+1 < j; k++ {
				out = append(out, string(rs[k:k+2]))
			}
			if len(rs) == 1 {
				out = append(out, word)
			}
		case (j-i >= 2 || j-i == len(rs)) && j-i <= maxToken:
			out = append(out, string(rs[i:j]))
		}
		i = j
	}
	return out
}
