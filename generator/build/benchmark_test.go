package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"gongshi/generator/build"
	"gongshi/generator/sample"
)

// benchSources holds synthetic sources made once per size.
var benchSources sync.Map

// benchSource returns a sample source of n villages, written once into a
// temporary folder (on GONGSHI_BENCH_DIR if set, e.g. a tmpfs, since this
// machine's disk, not the CPU, bounds builds of many small files).
func benchSource(b *testing.B, n int) string {
	if dir, ok := benchSources.Load(n); ok {
		return dir.(string)
	}
	dir, err := os.MkdirTemp(os.Getenv("GONGSHI_BENCH_DIR"), fmt.Sprintf("gongshi-bench-%d-", n))
	if err != nil {
		b.Fatal(err)
	}
	if err := sample.Write(dir, sample.Options{Villages: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	benchSources.Store(n, dir)
	return dir
}

// BenchmarkBuild builds whole sites of several sizes, as `gongshi build`
// does. Run: go test -run '^$' -bench Build -benchtime 1x ./generator/build/
// (scripts/bench.sh runs the larger sizes).
func BenchmarkBuild(b *testing.B) {
	b.Cleanup(func() {
		benchSources.Range(func(n, dir any) bool {
			os.RemoveAll(dir.(string))
			benchSources.Delete(n)
			return true
		})
	})
	for _, n := range []int{160, 1000} {
		b.Run(fmt.Sprintf("villages=%d", n), func(b *testing.B) {
			src := benchSource(b, n)
			dest := filepath.Join(src, "public")
			b.ResetTimer()
			var pages int
			for i := 0; i < b.N; i++ {
				sum, _, err := build.Run(build.Options{Source: src, Dest: dest})
				if err != nil {
					b.Fatal(err)
				}
				pages = sum.Pages
			}
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
