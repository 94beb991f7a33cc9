package dataset

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// TestNewest: the cutoff is the N-th newest of random dates with repeats,
// as sorting them all would give.
func TestNewest(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for round := 0; round < 200; round++ {
		n := rng.IntN(12)
		var all []string
		top := Newest{N: n}
		for k := rng.IntN(60); k > 0; k-- {
			d := []string{"2024-01-01", "2024-03-15", "2024-03-16", "2025-01-01", "2025-12-31", "2023-07-04"}[rng.IntN(6)]
			d = d[:8] + string(rune('0'+rng.IntN(3))) + d[9:]
			all = append(all, d)
			top.Add(d)
		}
		sort.Sort(sort.Reverse(sort.StringSlice(all)))
		want := ""
		if n > 0 && len(all) >= n {
			want = all[n-1]
		}
		if got := top.Cutoff(); got != want {
			t.Fatalf("N=%d of %v: cutoff %q, want %q", n, all, got, want)
		}
	}
}
