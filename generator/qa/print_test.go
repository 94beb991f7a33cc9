package qa

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/chromedp/cdproto/emulation"
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

// TestTownshipPrintsAsFollowUpSheet prints a township's page (emulating
// print media, with the site's own print stylesheet): what shows is the
// township's 督办单, its title and the items to follow up with an empty
// column to write what was done; the villages, cards and charts of the
// screen page do not print, and every item's row does.
func TestTownshipPrintsAsFollowUpSheet(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	names, err := filepath.Glob(filepath.Join(root, "townships", "*", "index.html"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no township pages: %v", err)
	}
	rel, _ := filepath.Rel(root, names[0])
	rel = filepath.ToSlash(rel)
	p, err := b.Open(srv.URL+"/"+rel, UnderOrigin(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	shown := func(selector string) bool {
		t.Helper()
		v, err := Eval[bool](p, `(() => { const e = document.querySelector(`+"`"+selector+"`"+`); return !!e && e.getClientRects().length > 0; })()`)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for sel, want := range map[string]bool{
		".duban .duban-title":          true,
		".duban table.attention-items": true,
		".duban th.duban-col":          true,
		".duban-note":                  true,
		"table.villages":               false,
		".township-page > h1":          false,
		".township-page > .facts":      false,
		".duban > .facts":              false,
		".chart":                       false,
		".site-header":                 false,
	} {
		if got := shown(sel); got != want {
			t.Errorf("%s in print: shown = %v, want %v", sel, got, want)
		}
	}
	hidden, err := Eval[int](p, `[...document.querySelectorAll(".duban table.attention-items tbody tr")].filter(r => r.getClientRects().length === 0).length`)
	if err != nil {
		t.Fatal(err)
	}
	if hidden != 0 {
		t.Errorf("%d items of the sheet do not print", hidden)
	}
}
