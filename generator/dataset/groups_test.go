package dataset

import (
	"slices"
	"strings"
	"testing"
)

// TestGroups checks groups against the map of slices they replaced: every
// key's positions in order, for owner rows, for keys no owner row has
// (references validation rejects), for a duplicate owner ID and for
// positions left out.
func TestGroups(t *testing.T) {
	owner := map[string]int{"P1": 0, "P2": 1, "P3": 2} // row 3 is a second "P2": first wins
	rows := 4
	for _, c := range []struct {
		name string
		keys []string // position i's key; "-" is left out
		want map[string][]int32
	}{
		{"none", nil, map[string][]int32{}},
		{"owner rows", []string{"P2", "P1", "P2", "P3", "P2"},
			map[string][]int32{"P1": {1}, "P2": {0, 2, 4}, "P3": {3}}},
		{"an owner row with none", []string{"P3", "P3"}, map[string][]int32{"P3": {0, 1}}},
		{"keys no owner has", []string{"X9", "P1", "", "X9", "X1"},
			map[string][]int32{"X9": {0, 3}, "P1": {1}, "": {2}, "X1": {4}}},
		{"left out", []string{"-", "P1", "-", "X1", "-"}, map[string][]int32{"P1": {1}, "X1": {3}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := groupSome(len(c.keys), owner, rows, func(i int) (string, bool) { return c.keys[i], c.keys[i] != "-" })
			var wantKeys []string
			for k, want := range c.want {
				wantKeys = append(wantKeys, k)
				if got := g.Of(k); !slices.Equal(got, want) {
					t.Errorf("Of(%q) = %v, want %v", k, got, want)
				}
			}
			slices.Sort(wantKeys)
			if got := g.Keys(); !slices.Equal(got, wantKeys) {
				t.Errorf("Keys() = %q, want %q", got, wantKeys)
			}
			for _, k := range []string{"P1", "P2", "P3", "X1", "X9", "", "nobody"} {
				if _, ok := c.want[k]; !ok && g.Of(k) != nil {
					t.Errorf("Of(%q) = %v, want nil", k, g.Of(k))
				}
			}
		})
	}
}

// TestGroupsShared checks that a group cannot grow into its neighbour's
// positions, and that sortEach sorts each group on its own, stably.
func TestGroupsShared(t *testing.T) {
	keys := []string{"b", "a", "b", "x", "a", "x", "b"}
	dates := []string{"3", "2", "1", "9", "2", "8", "1"}
	owner := map[string]int{"a": 0, "b": 1}
	g := groupBy(len(keys), owner, 2, func(i int) string { return keys[i] })
	g.sortEach(byString(func(i int32) string { return dates[i] }))
	want := map[string][]int32{"a": {1, 4}, "b": {2, 6, 0}, "x": {5, 3}}
	for k, w := range want {
		got := g.Of(k)
		if !slices.Equal(got, w) {
			t.Errorf("sorted Of(%q) = %v, want %v", k, got, w)
		}
		if cap(got) != len(got) {
			t.Errorf("Of(%q) has capacity %d past its %d positions", k, cap(got), len(got))
		}
	}
	_ = append(g.Of("a"), 99)
	if got := g.Of("b"); !slices.Equal(got, want["b"]) {
		t.Errorf("an append to a's group changed b's: %v", got)
	}
}

// TestGroupsZero: a Dataset not yet indexed answers every key with nothing.
func TestGroupsZero(t *testing.T) {
	var g Groups
	if g.Of("P1") != nil || len(g.Keys()) != 0 {
		t.Errorf("zero Groups: Of %v, Keys %q", g.Of("P1"), strings.Join(g.Keys(), ","))
	}
}
