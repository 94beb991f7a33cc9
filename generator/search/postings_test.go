package search

import (
	"reflect"
	"testing"
)

func TestNumCode(t *testing.T) {
	for n, want := range map[int]string{0: "0", 9: "9", 31: "v", 32: "x0", 33: "x1", 1023: "_v", 1024: "xw0", 1 << 20: "xwww0"} {
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
