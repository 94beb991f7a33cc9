package qa

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestVillageNoticeSheet prints the village pages with the most
// content to PDF with the site's own print stylesheet, which asks for A4,
// from the demo built with a whole base_url (so that the notice carries its
// QR code and address), and checks each fills exactly one sheet: the notice
// a village pins on its board. Then it reads the sheet back as a villager's
// phone would: the QR code, decoded from the printed page, is the page's
// own address, and the sheet says the 公示 title, the period, the approving
// office and the supervision phone.
func TestVillageNoticeSheet(t *testing.T) {
	b := browser(t)
	root := demoAbsSite(t)
	srv := serveDir(t, root)
	for _, rel := range fullestVillages(t, root, 6) {
		t.Run(rel, func(t *testing.T) {
			p, err := b.Open(srv+"/"+rel, UnderOrigin(srv))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			pdf, err := p.PrintPDF()
			if err != nil {
				t.Fatal(err)
			}
			if n := len(rePDFPage.FindAll(pdf, -1)); n != 1 {
				t.Errorf("%s prints on %d A4 pages, want 1", rel, n)
			}
			text, err := Eval[string](p, `(() => { const n = document.querySelector(".notice"); `+
				`return [...n.querySelectorAll(".print-only, .notice-foot *")].map(e => e.textContent).join(" "); })()`)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"党组织书记履职情况公示", "公示期：7天", "委员会", "（盖章）", "监督电话：12380", absBase + strings.TrimSuffix(rel, "index.html")} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: the printed notice does not say %q", rel, want)
				}
			}
			if got, want := decodeQR(t, pdf), absBase+strings.TrimSuffix(rel, "index.html"); got != want {
				t.Errorf("%s: the printed QR code reads %q, want %q", rel, got, want)
			}
		})
	}
}

// decodeQR renders the first page of a PDF at 200 dpi and returns what the
// QR codes on it read, one per line.
func decodeQR(t *testing.T, pdf []byte) string {
	t.Helper()
	pdftoppm, zbar := Pdftoppm(), Zbarimg()
	needTool(t, pdftoppm)
	needTool(t, zbar)
	dir := t.TempDir()
	in := filepath.Join(dir, "notice.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(pdftoppm.Path, "-r", "200", "-f", "1", "-l", "1", "-png", "-singlefile", in, filepath.Join(dir, "notice")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	out, err := exec.Command(zbar.Path, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", filepath.Join(dir, "notice.png")).Output()
	if err != nil {
		t.Fatalf("zbarimg found no QR code on the printed notice: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// fullestVillages returns the village pages (slash paths under root) with
// the most content, at most n: the village with the most pledges, the one
// with the most list items (hearings, appraisals, actions, terms) and the
// one with the most table rows (training, charts), which a large file need
// not be, then the largest HTML files.
func fullestVillages(t *testing.T, root string, n int) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, "villages", "*", "index.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no village pages: %v", err)
	}
	type page struct {
		rel    string
		size   int
		counts []int
	}
	var pages []page
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		pg := page{rel: filepath.ToSlash(rel), size: len(b)}
		for _, m := range []string{`<li class="pledge`, `<li`, `<tr`} {
			pg.counts = append(pg.counts, strings.Count(string(b), m))
		}
		pages = append(pages, pg)
	}
	sort.Slice(pages, func(i, j int) bool {
		if pages[i].size != pages[j].size {
			return pages[i].size > pages[j].size
		}
		return pages[i].rel < pages[j].rel
	})
	seen := map[string]bool{}
	var out []string
	add := func(rel string) {
		if !seen[rel] && len(out) < n {
			seen[rel] = true
			out = append(out, rel)
		}
	}
	for k := range pages[0].counts {
		best := pages[0]
		for _, pg := range pages {
			if pg.counts[k] > best.counts[k] {
				best = pg
			}
		}
		add(best.rel)
	}
	for _, pg := range pages {
		add(pg.rel)
	}
	return out
}

// printedSmallJS lists the notice's body text (pledges, hearings and what
// they decided, actions, training, the glance, the intro) printed smaller
// than 10.5 pt (14 CSS px). Labels, badges and the small print under the
// figures may be smaller.
const printedSmallJS = `[...document.querySelectorAll(".notice-title p, .g-row dd, .pledge-title, .hearing-list li, .decision, .follow-up, .action-list li, .appraisal-list li, .notice td, .notice-foot p")]
  .filter(e => e.getClientRects().length && parseFloat(getComputedStyle(e).fontSize) < 13.95)
  .map(e => e.className + " " + getComputedStyle(e).fontSize + ": " + e.textContent.trim().slice(0, 20)).slice(0, 5)`

// printedCutJS lists the notice's sentences (what a hearing decided, what
// followed, an action and its reason) that print cut short: clamped to a
// number of lines, or taller than their box.
const printedCutJS = `[...document.querySelectorAll(".notice .decision, .notice .follow-up, .notice .action-list > li, .notice .action-list p")]
  .filter(e => e.getClientRects().length && (getComputedStyle(e).webkitLineClamp !== "none" || e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflow !== "visible"))
  .map(e => e.className + ": " + e.textContent.trim().slice(0, 30)).slice(0, 5)`

// printedHeightJS lays the page out as for print and returns how tall its
// content is, in CSS px.
const printedHeightJS = `document.documentElement.getBoundingClientRect().height`

// TestEveryVillageNoticeFits lays out every village page of the demo, in
// Chinese and in English (built with a whole base_url, so with QR code and
// address), as for print, at the
// width of an A4 sheet inside the stylesheet's margins, and checks that it
// is no taller than the sheet and that its body text is at least 10.5 pt:
// the PDF test prints the fullest; this one measures them all, and says how
// much room the tallest leaves.
func TestEveryVillageNoticeFits(t *testing.T) {
	for _, build := range []struct {
		lang string
		root func(testing.TB) string
	}{{"zh-CN", demoAbsSite}, {"en", demoEnSite}} {
		t.Run(build.lang, func(t *testing.T) { noticesFit(t, build.root(t)) })
	}
}

func noticesFit(t *testing.T, root string) {
	b := browser(t)
	srv := serveDir(t, root)
	files, err := filepath.Glob(filepath.Join(root, "villages", "*", "index.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no village pages: %v", err)
	}
	// A4 less the @page margins of site.css (9 mm top and bottom, 12 mm
	// left and right), in CSS px (96 per inch).
	const mm = 96 / 25.4
	width, height := int64(703), (297-18)*mm // 186 mm wide
	p, err := b.Open("about:blank", UnderOrigin(srv))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.EmulatePrint(width); err != nil {
		t.Fatal(err)
	}
	tallest, at := 0.0, ""
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		rel = filepath.ToSlash(rel)
		if err := p.Navigate(srv + "/" + rel); err != nil {
			t.Fatal(err)
		}
		h, err := Eval[float64](p, printedHeightJS)
		if err != nil {
			t.Fatal(err)
		}
		if h > height {
			t.Errorf("%s: printed, %.0f px tall, taller than an A4 sheet's %.0f px (%.0f mm over)", rel, h, height, (h-height)/mm)
		}
		if h > tallest {
			tallest, at = h, rel
		}
		small, err := Eval[[]string](p, printedSmallJS)
		if err != nil {
			t.Fatal(err)
		}
		if len(small) > 0 {
			t.Errorf("%s: printed body text below 10.5 pt: %s", rel, strings.Join(small, "; "))
		}
		cut, err := Eval[[]string](p, printedCutJS)
		if err != nil {
			t.Fatal(err)
		}
		if len(cut) > 0 {
			t.Errorf("%s: printed text cut short: %s", rel, strings.Join(cut, "; "))
		}
	}
	t.Logf("%d notices; the tallest, %s, leaves %.0f mm of the sheet", len(files), at, (height-tallest)/mm)
}

// qrCaptionJS lays out the printed notice's head and reports the QR
// caption's lines and how far its bottom is above the title's rule (the
// title block's bottom border), in CSS px: below 0, the caption crosses it.
const qrCaptionJS = `(() => {
  const cap = document.querySelector(".notice .qr-box p"), title = document.querySelector(".notice-title");
  if (!cap || !title) return {lines: 0, clear: 0, found: false};
  const lh = parseFloat(getComputedStyle(cap).lineHeight) || parseFloat(getComputedStyle(cap).fontSize) * 1.2;
  const rule = title.getBoundingClientRect().bottom - parseFloat(getComputedStyle(title).borderBottomWidth);
  return {found: true, lines: Math.round(cap.getBoundingClientRect().height / lh), clear: rule - cap.getBoundingClientRect().bottom};
})()`

// TestNoticeQRCaption: on the printed notice the QR code's caption stays
// above the title's rule, on every village of the demo in Chinese and in
// English, and in Chinese (扫码查看网上公开栏) on one line: a character that
// wrapped onto the rule read as struck through.
func TestNoticeQRCaption(t *testing.T) {
	b := browser(t)
	for _, build := range []struct {
		lang string
		root func(testing.TB) string
	}{{"zh-CN", demoAbsSite}, {"en", demoEnSite}} {
		t.Run(build.lang, func(t *testing.T) {
			root := build.root(t)
			srv := serveDir(t, root)
			files, err := filepath.Glob(filepath.Join(root, "villages", "*", "index.html"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no village pages: %v", err)
			}
			p, err := b.Open("about:blank", UnderOrigin(srv))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if err := p.EmulatePrint(703); err != nil {
				t.Fatal(err)
			}
			least := 1e9
			for _, f := range files {
				rel, _ := filepath.Rel(root, f)
				rel = filepath.ToSlash(rel)
				if err := p.Navigate(srv + "/" + rel); err != nil {
					t.Fatal(err)
				}
				r, err := Eval[struct {
					Found bool    `json:"found"`
					Lines int     `json:"lines"`
					Clear float64 `json:"clear"`
				}](p, qrCaptionJS)
				if err != nil {
					t.Fatal(err)
				}
				if !r.Found {
					t.Fatalf("%s: no QR caption on the printed notice", rel)
				}
				if r.Clear < 0 {
					t.Errorf("%s: the QR caption ends %.1f px below the title's rule", rel, -r.Clear)
				}
				if build.lang == "zh-CN" && r.Lines != 1 {
					t.Errorf("%s: the QR caption takes %d lines, want 1", rel, r.Lines)
				}
				least = min(least, r.Clear)
			}
			t.Logf("%d notices; the QR caption clears the rule by at least %.1f px", len(files), least)
		})
	}
}
