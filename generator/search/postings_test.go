package search

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"gongshi/generator/privacy"
)

func TestNumCode(t *testing.T) {
	for n, want := range map[int]string{0: "a", 9: "j", 31: "F", 32: "Ha", 33: "Hb", 1023: "_F", 1024: "HGa", 1 << 20: "HGGGa"} {
		if got := string(appendNum(nil, n)); got != want {
			t.Errorf("appendNum(%d) = %q, want %q", n, got, want)
		}
	}
	var b []byte
	nums := []int{0, 1, 31, 32, 1000, 65535, 1 << 22, 7}
	for _, n := range nums {
		b = appendNum(b, n)
	}
	if got := DecodeNums(string(b)); !reflect.DeepEqual(got, nums) {
		t.Errorf("DecodeNums(%q) = %v, want %v", b, got, nums)
	}
}

// TestNumCodeHoldsNoPersonalNumber: however the gaps fall, a code never
// holds a run of digits the privacy guard would take for a phone or ID
// number (it once did: gaps below 10 were written as ASCII digits).
func TestNumCodeHoldsNoPersonalNumber(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var b []byte
	for i := 0; i < 200000; i++ {
		switch {
		case i < 1000 || i%3 == 0: // documents next to each other: small gaps
			b = appendNum(b, rng.IntN(10))
		case i%3 == 1:
			b = appendNum(b, rng.IntN(1<<20))
		default:
			b = appendNum(b, 52*32*32+rng.IntN(1<<25))
		}
	}
	run, longest := 0, 0
	for _, c := range b {
		if c >= '0' && c <= '9' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	if longest > 6 {
		t.Errorf("a code holds %d digits in a row", longest)
	}
	if m := privacy.Find(string(b)); len(m) > 0 {
		t.Errorf("the privacy guard finds %d numbers in a code, the first %q", len(m), m[0].Number)
	}
}

// TestListCap: a list stops at its cap and says from which document it is
// incomplete; fit keeps the names and cuts the other text to make room.
func TestListCap(t *testing.T) {
	l := newList()
	for doc := 0; doc < 100; doc++ {
		l.addText(doc, 10)
	}
	if l.df != 100 || len(l.text) != 10 || l.textLimit != 10 {
		t.Errorf("df %d, %d bytes, limit %d; want 100, 10 (one per document), 10", l.df, len(l.text), l.textLimit)
	}
	for doc := 100; doc < 104; doc++ {
		l.addName(doc, 2, 10)
	}
	l.fit(13) // names take 9 bytes ("z42", then "02" three times): 4 of the text's 10 stay
	if got := DecodeNums(string(l.name)); !reflect.DeepEqual(got, []int{100, 2, 0, 2, 0, 2, 0, 2}) {
		t.Errorf("names %v", got)
	}
	if len(l.text) != 4 || l.textLimit != 4 || l.nameLimit != noLimit {
		t.Errorf("after fit: %d text bytes, text limit %d, name limit %d; want 4, 4, none", len(l.text), l.textLimit, l.nameLimit)
	}
}
