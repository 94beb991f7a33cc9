package qa

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// rePDFPage matches a page object in a PDF ("/Type /Page", not "/Pages").
var rePDFPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestVillageNoticePrintsOnOnePage prints the village pages with the most
// content (the largest HTML files) to PDF with the site's own print
// stylesheet, which asks for A4, and checks each fills exactly one sheet:
// the notice a village pins on its board.
func TestVillageNoticePrintsOnOnePage(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	files, err := filepath.Glob(filepath.Join(root, "villages", "*", "index.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no village pages: %v", err)
	}
	size := func(f string) int64 {
		fi, err := os.Stat(f)
		if err != nil {
			return 0
		}
		return fi.Size()
	}
	sort.Slice(files, func(i, j int) bool { return size(files[i]) > size(files[j]) })
	if len(files) > 6 {
		files = files[:6]
	}
	yes := true
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		rel = filepath.ToSlash(rel)
		t.Run(rel, func(t *testing.T) {
			p, err := b.Open(srv.URL+"/"+rel, UnderOrigin(srv.URL))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
			defer cancel()
			res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(rePDFPage.FindAll(res.Data, -1)); n != 1 {
				t.Errorf("%s prints on %d A4 pages, want 1 (%d bytes of HTML)", rel, n, size(f))
			}
		})
	}
}
