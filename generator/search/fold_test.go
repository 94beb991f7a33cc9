package search

import (
	"hash/fnv"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"V0032":       "v0032",
		"Ｖ００３２":       "v0032", // full-width, as a Chinese keyboard types it
		"长垟村":         "长垟村",
		"第①组":         "第1组",
		"ＡＢＣ路":        "abc路",
		"“三会一课”，100％": "“三会一课”,100%",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// collect returns the terms of a text, each as "term" or "term^" when it
// starts the text.
func collect(folded string, name, id bool) []string {
	var out []string
	terms(folded, name, id, func(t string, start bool) {
		if start {
			t += "^"
		}
		out = append(out, t)
	})
	return out
}

// TestTerms: bigrams of Chinese runs (and single characters in names),
// ASCII runs whole, separators between; where a term starts the text.
func TestTerms(t *testing.T) {
	for _, c := range []struct {
		text     string
		name, id bool
		want     []string
	}{
		{"土地流转", false, false, []string{"土地^", "地流", "流转"}},
		{"长垟村", true, false, []string{"长^", "垟", "长垟^", "村", "垟村"}},
		{"完成土地流转260亩", false, false, []string{"完成^", "成土", "土地", "地流", "流转", "260"}},
		{"5g基站，a区", false, false, []string{"5g^", "基站"}},  // a lone ASCII letter is no term
		{"t1-v001", false, true, []string{"t1^", "v001"}}, // an ID's runs, of any length
		{"p7", false, true, []string{"p7^"}},
		{"7", false, true, []string{"7^"}},
		{"村 村", false, false, nil}, // a lone Chinese character is a term in names only
		// The quote is a separator: 光伏 and 电站 are two runs, 伏电 no term.
		{"“光伏”电站", true, false, []string{"光", "伏", "光伏", "电", "站", "电站"}},
		{strings.Repeat("x", 33) + " ab", false, false, []string{"ab"}}, // runs over maxToken are not indexed
	} {
		if got := collect(c.text, c.name, c.id); !reflect.DeepEqual(got, c.want) {
			t.Errorf("terms(%q, name=%v, id=%v) = %q, want %q", c.text, c.name, c.id, got, c.want)
		}
	}
}

func TestQueryWords(t *testing.T) {
	for _, c := range []struct {
		q     string
		words []string
		terms [][]string
	}{
		{"光伏", []string{"光伏"}, [][]string{{"光伏"}}},
		{"电商服务站", []string{"电商服务站"}, [][]string{{"电商", "商服", "服务", "务站"}}},
		{" 长垟村  光伏，V0032 ", []string{"长垟村", "光伏", "v0032"}, [][]string{{"长垟", "垟村"}, {"光伏"}, {"v0032"}}},
		{"李", []string{"李"}, [][]string{{"李"}}},
		{"7", []string{"7"}, [][]string{{"7"}}},
		{"3公里", []string{"3公里"}, [][]string{{"公里"}}},
		{"a区", []string{"a区"}, [][]string{nil}},
		{"、。！", nil, nil},
	} {
		ws := Words(c.q)
		if !reflect.DeepEqual(ws, c.words) {
			t.Errorf("Words(%q) = %q, want %q", c.q, ws, c.words)
			continue
		}
		for i, w := range ws {
			if got := QueryTerms(w); !reflect.DeepEqual(got, c.terms[i]) {
				t.Errorf("QueryTerms(%q) = %q, want %q", w, got, c.terms[i])
			}
		}
	}
}

// TestHash: Hash is FNV-1a over UTF-8 (the browser test checks that
// js/search.js finds the same buckets).
func TestHash(t *testing.T) {
	for _, in := range []string{"", "a", "foobar", "光伏", "v0032", "\U00020000"} {
		h := fnv.New32a()
		h.Write([]byte(in))
		if got, want := Hash(in), h.Sum32(); got != want {
			t.Errorf("Hash(%q) = %#x, want %#x", in, got, want)
		}
	}
	if Hash("") != 0x811c9dc5 || Hash("a") != 0xe40c292c {
		t.Error("Hash does not match the FNV-1a test vectors")
	}
}

// TestFoldEveryCharacter: Fold's fast paths and tables give what the
// normaliser gives (NFKC, then lower case) for every character of the
// basic and supplementary planes.
func TestFoldEveryCharacter(t *testing.T) {
	for r := rune(0); r <= 0x2FFFF; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if got, want := Fold(s), strings.ToLower(norm.NFKC.String(s)); got != want {
			t.Fatalf("Fold(%U) = %q, want %q", r, got, want)
		}
	}
}
