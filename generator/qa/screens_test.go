package qa

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScreenshots writes what the pages look like, for a person to look at
// (no machine can judge a layout): one page of each kind, full length, at
// 360 and 1366 px wide, and the fullest village notices printed to A4 PDF
// (from the demo built with a whole base_url, as a county prints them).
// It runs only when GONGSHI_SCREENSHOTS names the folder to write them to:
//
//	GONGSHI_SCREENSHOTS=/tmp/shots go test ./generator/qa/ -run TestScreenshots
//
// With GONGSHI_SCREENSHOTS_LANG=en it shows the demo county built in English.
func TestScreenshots(t *testing.T) {
	out := os.Getenv("GONGSHI_SCREENSHOTS")
	if out == "" {
		t.Skip("set GONGSHI_SCREENSHOTS to a folder to write screenshots to")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	b := browser(t)
	root, base, printed := demoSite(t), siteServer(t).URL, ""
	if os.Getenv("GONGSHI_SCREENSHOTS_LANG") == "en" { // the demo county built in English (with a whole base_url)
		root = demoEnSite(t)
		base = serveDir(t, root)
		printed = root
	} else {
		printed = demoAbsSite(t)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range pageKinds(t, root) {
		for _, v := range []struct {
			name string
			vp   Viewport
		}{{"360", Phone}, {"1366", Desktop}} {
			p, err := b.Open(base+"/"+k.path, UnderOrigin(base))
			if err != nil {
				t.Fatal(err)
			}
			if err := p.SetViewport(v.vp); err != nil {
				t.Fatal(err)
			}
			png, err := p.FullScreenshot()
			p.Close()
			if err != nil {
				t.Fatal(err)
			}
			write(k.kind+"-"+v.name+".png", png)
		}
	}
	abs := serveDir(t, printed)
	for _, rel := range fullestVillages(t, root, 3) {
		p, err := b.Open(abs+"/"+rel, UnderOrigin(abs))
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := p.PrintPDF()
		p.Close()
		if err != nil {
			t.Fatal(err)
		}
		write("print-"+strings.Split(rel, "/")[1]+".pdf", pdf)
	}
	t.Logf("screenshots in %s", out)
}
