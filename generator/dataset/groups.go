package dataset

import (
	"cmp"
	"slices"
)

// Groups is the rows of one table grouped by a key that names a row of
// another table, the owner: a pledge's updates by pledge ID, a village's
// pledges by village ID. Of(key) gives the group's positions.
//
// Groups are kept as two arrays of int32 indexed by the owner's row, with
// no pointers for the collector to scan. A province has three million
// trainings and half a million pledges: held as a map of slices per key,
// these indexes were 177 MB that every collection walked.
type Groups struct {
	owner map[string]int // the owner table's ID → row: a ByID map of Dataset
	start []int32        // owner row r's group is items[start[r]:start[r+1]]
	items []int32
	// other holds the groups whose key no owner row has: references to
	// rows that are not there, which validation reports.
	other map[string][]int32
}

// Of returns the positions grouped under key, or nil. The slice is shared:
// a caller may read it but not change or append to it.
func (g *Groups) Of(key string) []int32 {
	if r, ok := g.owner[key]; ok {
		a, b := g.start[r], g.start[r+1]
		if a == b {
			return nil
		}
		return g.items[a:b:b]
	}
	return g.other[key]
}

// Keys returns the keys that have a group, in ascending order.
func (g *Groups) Keys() []string {
	keys := make([]string, 0, len(g.other))
	for id, r := range g.owner {
		if g.start[r] != g.start[r+1] {
			keys = append(keys, id)
		}
	}
	for k := range g.other {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// sortEach sorts every group, stably, by cmp.
func (g *Groups) sortEach(by func(a, b int32) int) {
	for r := 0; r+1 < len(g.start); r++ {
		slices.SortStableFunc(g.items[g.start[r]:g.start[r+1]], by)
	}
	for _, list := range g.other {
		slices.SortStableFunc(list, by)
	}
}

// groupBy groups positions 0 … n-1 by key; owner maps a key to its row
// among rows owner rows. Each group is in position order.
func groupBy(n int, owner map[string]int, rows int, key func(i int) string) Groups {
	return groupSome(n, owner, rows, func(i int) (string, bool) { return key(i), true })
}

// groupSome is groupBy for the positions whose key reports true.
func groupSome(n int, owner map[string]int, rows int, key func(i int) (string, bool)) Groups {
	g := Groups{owner: owner, start: make([]int32, rows+1)}
	// at[i] is position i's owner row, -1 for another key, -2 for none.
	at := make([]int32, n)
	count := map[string]int{}
	kept := 0
	for i := range n {
		k, ok := key(i)
		switch r, known := owner[k]; {
		case !ok:
			at[i] = -2
			continue
		case known:
			at[i] = int32(r)
			g.start[r+1]++
		default:
			at[i] = -1
			count[k]++
		}
		kept++
	}
	for r := range rows {
		g.start[r+1] += g.start[r]
	}
	g.items = make([]int32, g.start[rows])
	next := slices.Clone(g.start[:rows])
	var all []int32
	if len(count) > 0 {
		g.other = make(map[string][]int32, len(count))
		all = make([]int32, kept-len(g.items))
	}
	for i := range n {
		switch r := at[i]; {
		case r >= 0:
			g.items[next[r]] = int32(i)
			next[r]++
		case r == -1:
			k, _ := key(i)
			list, ok := g.other[k]
			if !ok {
				c := count[k]
				list, all = all[:0:c], all[c:]
			}
			g.other[k] = append(list, int32(i))
		}
	}
	return g
}

// byString orders positions by a string key.
func byString(key func(i int32) string) func(a, b int32) int {
	return func(a, b int32) int { return cmp.Compare(key(a), key(b)) }
}
