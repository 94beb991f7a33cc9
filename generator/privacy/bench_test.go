package privacy

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkScan scans a village page's worth of HTML (digits, dates,
// Chinese text and markup), as the guard does for every file written.
func BenchmarkScan(b *testing.B) {
	page := strings.Repeat(`<tr><td><a href="../../pledges/P000123/index.html">硬化村道2公里</a></td><td>2024-03-15</td><td class="num">85%</td><td>推进中</td></tr>`+"\n", 200)
	if p := os.Getenv("GONGSHI_BENCH_PAGE"); p != "" {
		if raw, err := os.ReadFile(p); err == nil {
			page = string(raw)
		}
	}
	g := NewGuard(nil, nil)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		g.Scan("villages/V1/index.html", []byte(page))
	}
}

// BenchmarkNumberRun is the guard's first pass over the same page.
func BenchmarkNumberRun(b *testing.B) {
	page := []byte(strings.Repeat(`<tr><td><a href="../../pledges/P000123/index.html">硬化村道2公里</a></td><td>2024-03-15</td><td class="num">85%</td><td>推进中</td></tr>`+"\n", 200))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		hasNumberRun(page)
	}
}
