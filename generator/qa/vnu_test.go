package qa

import (
	"testing"
	"time"
)

// TestHTMLValid runs the Nu HTML Checker over every generated page (and
// the stylesheet) of the demo county: zero errors allowed. All ~2,600
// pages are checked, not a sample: vnu takes the whole folder in one JVM
// and needs about 15 s for it on a 2-core machine.
func TestHTMLValid(t *testing.T) {
	java, jar := Java(), VNUJar(repoRoot)
	needTool(t, java)
	needTool(t, jar)
	root := demoSite(t)
	pages, err := HTMLPages(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 100 {
		t.Fatalf("only %d pages in the demo build; expected the whole county", len(pages))
	}
	start := time.Now()
	msgs, err := RunVNU(java.Path, jar.Path, root)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("vnu checked %d pages in %.1f s", len(pages), time.Since(start).Seconds())
	for _, m := range msgs {
		t.Errorf("invalid HTML: %s", m.Format(root))
	}
}
