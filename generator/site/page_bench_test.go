package site_test

import (
	"bytes"
	"testing"

	"gongshi/generator/check"
	"gongshi/generator/content"
	"gongshi/generator/i18n"
	"gongshi/generator/site"
)

// BenchmarkPageKinds renders one page of the commonest kinds of the demo
// county, to see what each costs (the whole build: BenchmarkBuild in build).
func BenchmarkPageKinds(b *testing.B) {
	d, _, err := check.Source("../..")
	if err != nil {
		b.Fatal(err)
	}
	pages, _ := content.Load("../..", nil)
	c, _ := i18n.Load("../..", d.Site.Language)
	th, _, _ := site.LoadTheme("../..", c)
	plan, _ := site.NewPlan(d, th, c, pages)
	for _, path := range []string{"pledges/P000001/index.html", "hearings/H00001/index.html", "secretaries/S00001/index.html", "villages/V0001/index.html"} {
		render, err := plan.PageRenderer(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(path, func(b *testing.B) {
			var buf bytes.Buffer
			for i := 0; i < b.N; i++ {
				buf.Reset()
				if err := render(&buf); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}
