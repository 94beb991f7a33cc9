package build

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestDeterministic builds the same source twice into two destinations and
// compares the whole trees, file list, modes and bytes, the marker included:
// a build never reads the clock, and pages rendered in parallel must not
// depend on which worker finished first. The second build runs on one
// thread, so scheduling differs as much as it can.
func TestDeterministic(t *testing.T) {
	sources := []struct {
		name, baseURL string
		src           func(t *testing.T) string
	}{
		{"base", "", func(t *testing.T) string { return baseSite(t) }},
		{"base-absolute", absBase, func(t *testing.T) string { return baseSite(t) }},
		// Big enough that listings split and many pages render at once.
		{"split", "", func(t *testing.T) string { return syntheticSite(t, 2, 260) }},
	}
	for _, s := range sources {
		t.Run(s.name, func(t *testing.T) {
			if testing.Short() && s.name == "split" {
				t.Skip("builds 520 villages three times")
			}
			src := s.src(t)
			a := filepath.Join(t.TempDir(), "a")
			b := filepath.Join(t.TempDir(), "b")
			c := filepath.Join(t.TempDir(), "c")
			mustBuild(t, src, a, s.baseURL)
			func() {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
				mustBuild(t, src, b, s.baseURL)
			}()
			func() {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(8, 2*runtime.NumCPU())))
				mustBuild(t, src, c, s.baseURL)
			}()
			ta, tb, tc := tree(t, a), tree(t, b), tree(t, c)
			if len(ta) < 10 {
				t.Fatalf("only %d entries built", len(ta))
			}
			if d := diffTrees(ta, tb); len(d) > 0 {
				t.Errorf("default vs GOMAXPROCS=1:\n%s", strings.Join(d, "\n"))
			}
			if d := diffTrees(ta, tc); len(d) > 0 {
				t.Errorf("default vs many workers:\n%s", strings.Join(d, "\n"))
			}
		})
	}
}

// TestRebuildSameDest builds twice into the same destination: the second
// build replaces the first with an identical tree.
func TestRebuildSameDest(t *testing.T) {
	src := baseSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	first := tree(t, dest)
	mustBuild(t, src, dest, "")
	if d := diffTrees(first, tree(t, dest)); len(d) > 0 {
		t.Errorf("rebuild into the same folder changed it:\n%s", strings.Join(d, "\n"))
	}
}
