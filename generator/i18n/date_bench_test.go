package i18n

import (
	"fmt"
	"testing"
)

// BenchmarkDate: dates shown on pages, from two goroutines as pages render
// (the catalogue holds each after the first time): a county's few
// thousand days, in no order.
func BenchmarkDate(b *testing.B) {
	c, _ := Load(b.TempDir(), "zh-CN")
	var days []string
	for y := 2019; y <= 2026; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= 28; d++ {
				days = append(days, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if c.Date(days[(i*7919)%len(days)]) == "" {
				b.Fatal("empty")
			}
			i++
		}
	})
}
