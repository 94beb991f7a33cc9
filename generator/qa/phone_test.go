package qa

import (
	"path/filepath"
	"strings"
	"testing"
)

// layoutReport is what the page looks like to a phone's reader, measured in
// the browser (layoutJS).
type layoutReport struct {
	Width     int      `json:"width"`     // the page's scroll width, CSS px
	Viewport  int      `json:"viewport"`  // the screen's width
	Wide      []string `json:"wide"`      // elements that reach past the right edge, outside a scrolling box
	Nav       int      `json:"nav"`       // navigation links
	NavHidden []string `json:"navHidden"` // those not wholly on screen, or covered, or in a box that scrolls
	Small     []string `json:"small"`     // text set smaller than 14 px
	RootSize  float64  `json:"rootSize"`  // the root font size, px
}

// layoutJS measures a page as layoutReport describes. An element inside a
// box that scrolls sideways (a table in .table-wrap) may be wider than the
// screen: the box scrolls, the page does not. Hidden text (display: none,
// the visually-hidden class, aria-hidden) is not judged for its size.
const layoutJS = `(() => {
  const vw = document.documentElement.clientWidth;
  const r = {width: document.documentElement.scrollWidth, viewport: vw, wide: [], nav: 0, navHidden: [], small: [],
    rootSize: parseFloat(getComputedStyle(document.documentElement).fontSize)};
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX; if ((o === "auto" || o === "scroll") && p !== document.body && p !== document.documentElement) return true; } return false; };
  const hidden = el => el.closest(".visually-hidden, [aria-hidden=true], svg, script, style, template");
  for (const el of document.body.querySelectorAll("*")) {
    if (hidden(el) || !el.getClientRects().length) continue;
    const b = el.getBoundingClientRect();
    if (b.right > vw + 0.5 && !scrolls(el)) r.wide.push(name(el) + " right=" + Math.round(b.right));
    const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== "");
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (text && size < 14) r.small.push(name(el) + " " + size + "px: " + el.textContent.trim().slice(0, 30));
  }
  for (const a of document.querySelectorAll(".site-nav a")) {
    r.nav++;
    const b = a.getBoundingClientRect();
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    if (b.width === 0 || b.left < 0 || b.right > vw + 0.5 || scrolls(a) || !(hit === a || a.contains(hit)))
      r.navHidden.push(a.textContent.trim() + " at " + Math.round(b.left) + "–" + Math.round(b.right));
  }
  r.wide = r.wide.slice(0, 10); r.small = r.small.slice(0, 10);
  return r;
})()`

// TestPhoneLayout opens one page of each kind on a 360 px phone, and at
// 320 px (WCAG 1.4.10: content reflows to 320 CSS px without scrolling
// sideways) and 640 px (a 1280 px screen at 200% zoom, WCAG 1.4.4): no page
// is wider than the screen (tables scroll inside their box); every
// navigation item is on screen, uncovered, none behind a hidden sideways
// scroll; no text is smaller than 14 px.
func TestPhoneLayout(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	for _, k := range pageKinds(t, root) {
		t.Run(k.kind, func(t *testing.T) {
			p, err := b.Open(srv.URL+"/"+k.path, UnderOrigin(srv.URL))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			for _, w := range []int64{360, 320, 640} {
				vp := Phone
				vp.Width = w
				if err := p.SetViewport(vp); err != nil {
					t.Fatal(err)
				}
				// Load the page again at this width, as a phone of that
				// width would: charts are laid out when they are drawn.
				if err := p.Navigate(srv.URL + "/" + k.path); err != nil {
					t.Fatal(err)
				}
				r, err := Eval[layoutReport](p, layoutJS)
				if err != nil {
					t.Fatal(err)
				}
				if r.Width > r.Viewport {
					t.Errorf("%d px: %s is %d px wide; wider than the screen: %s", w, k.path, r.Width, strings.Join(r.Wide, ", "))
				}
				if len(r.NavHidden) > 0 {
					t.Errorf("%d px: %s: %d of %d navigation items hidden or covered: %s", w, k.path, len(r.NavHidden), r.Nav, strings.Join(r.NavHidden, "; "))
				}
				if k.kind != "404" && r.Nav == 0 {
					t.Errorf("%d px: %s has no navigation", w, k.path)
				}
				if len(r.Small) > 0 {
					t.Errorf("%d px: %s: text smaller than 14 px: %s", w, k.path, strings.Join(r.Small, "; "))
				}
			}
		})
	}
}

// TestPhoneFontSetting: a reader who sets a larger font on the phone gets
// it (the theme sizes text relative to the browser's font size, never in
// fixed pixels), and the village page still fits the screen's width.
func TestPhoneFontSetting(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	rel := firstVillage(t, root)
	p := openPhone(t, b, srv.URL+"/"+rel, UnderOrigin(srv.URL))
	before, err := Eval[layoutReport](p, layoutJS)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetDefaultFontSize(24); err != nil {
		t.Fatal(err)
	}
	defer p.SetDefaultFontSize(16)
	after, err := Eval[layoutReport](p, layoutJS)
	if err != nil {
		t.Fatal(err)
	}
	if want := before.RootSize * 24 / 16; after.RootSize < want-0.5 || after.RootSize > want+0.5 {
		t.Errorf("with the browser's font at 24 px instead of 16, the root font is %.1f px (was %.1f), want %.1f", after.RootSize, before.RootSize, want)
	}
	if after.Width > after.Viewport {
		t.Errorf("with a larger font %s is %d px wide on a %d px screen: %s", rel, after.Width, after.Viewport, strings.Join(after.Wide, ", "))
	}
}

// glanceReport is where the village page's first answers end, in CSS px
// from the top of the page (0: not on the page).
type glanceReport struct {
	Secretary float64 `json:"secretary"` // the sitting secretary's name
	Pledges   float64 `json:"pledges"`   // the pledge counts
	Grade     float64 `json:"grade"`     // the latest grade with the county's average
	GradeText string  `json:"gradeText"`
	Decision  float64 `json:"decision"` // what the last hearing decided
	Hearing   bool    `json:"hearing"`  // the village has held a hearing
	Script    int     `json:"script"`   // <script> elements on the page
}

const glanceJS = `(() => {
  const bottom = sel => { const el = document.querySelector(sel); if (!el) return 0;
    return el.getBoundingClientRect().bottom + window.scrollY; };
  const grade = document.querySelector(".g-grade");
  return {secretary: bottom(".g-secretary .g-name"), pledges: bottom(".g-pledges"), grade: bottom(".g-grade"),
    gradeText: grade ? grade.textContent.replace(/\s+/g, " ").trim() : "",
    decision: bottom(".g-hearing .decision"), hearing: !!document.querySelector(".g-hearing:not(.g-no-hearing)"),
    script: document.querySelectorAll("script").length};
})()`

// TestVillageFirstScreen is the ten-second test on a 360 × 640 phone: within
// the first screen and a half (960 CSS px) of the fullest village pages
// stand the sitting secretary, the pledge counts, the latest grade with the
// county's average, and the last hearing's decision; and the page has no
// script at all.
func TestVillageFirstScreen(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	limit := 1.5 * float64(Phone.Height)
	avg := "全县平均" // the county average, as the demo (a Chinese site) words it
	for _, rel := range fullestVillages(t, root, 8) {
		t.Run(rel, func(t *testing.T) {
			p := openPhone(t, b, srv.URL+"/"+rel, UnderOrigin(srv.URL))
			g, err := Eval[glanceReport](p, glanceJS)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				what string
				at   float64
			}{{"the secretary's name", g.Secretary}, {"the pledge counts", g.Pledges}, {"the latest grade", g.Grade}, {"the last hearing's decision", g.Decision}} {
				switch {
				case c.at == 0 && (c.what != "the last hearing's decision" || g.Hearing):
					t.Errorf("%s: %s is not on the page", rel, c.what)
				case c.at > limit:
					t.Errorf("%s: %s ends %.0f px down, below the first screen and a half (%.0f px)", rel, c.what, c.at, limit)
				}
			}
			if !strings.Contains(g.GradeText, avg) {
				t.Errorf("%s: the latest grade %q is not set against the county average (%q)", rel, g.GradeText, avg)
			}
			if g.Script > 0 {
				t.Errorf("%s: %d <script> elements; a village page runs none", rel, g.Script)
			}
			t.Logf("%s: secretary %.0f, pledges %.0f, grade %.0f, decision %.0f px", rel, g.Secretary, g.Pledges, g.Grade, g.Decision)
		})
	}
}

// firstVillage returns the first village page of the build.
func firstVillage(t *testing.T, root string) string {
	t.Helper()
	for _, k := range pageKinds(t, root) {
		if k.kind == "village" {
			return k.path
		}
	}
	t.Fatal("no village page")
	return ""
}

// stickyJS scrolls every table box that scrolls sideways to its far right
// and reports the first-column cells that moved with it (out of view).
const stickyJS = `(() => {
  const out = {boxes: 0, lost: []};
  for (const w of document.querySelectorAll(".table-wrap")) {
    if (w.scrollWidth <= w.clientWidth + 1) continue;
    out.boxes++;
    const left = w.getBoundingClientRect().left;
    w.scrollLeft = w.scrollWidth;
    for (const row of w.querySelectorAll("tr")) {
      const c = row.cells[0];
      if (c && Math.abs(c.getBoundingClientRect().left - left) > 1.5) out.lost.push(c.textContent.trim().slice(0, 20));
    }
    w.scrollLeft = 0;
  }
  out.lost = out.lost.slice(0, 5);
  return out;
})()`

// TestTablesKeepFirstColumn: on a 360 px phone, a table wider than the
// screen scrolls inside its box, and its first column (the village, the
// year: what each row is about) stays in view while the rest scrolls.
func TestTablesKeepFirstColumn(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	boxes := 0
	for _, k := range pageKinds(t, root) {
		p, err := b.Open("about:blank", UnderOrigin(srv.URL))
		if err != nil {
			t.Fatal(err)
		}
		if err := p.SetViewport(Phone); err != nil {
			t.Fatal(err)
		}
		if err := p.Navigate(srv.URL + "/" + k.path); err != nil {
			t.Fatal(err)
		}
		r, err := Eval[struct {
			Boxes int      `json:"boxes"`
			Lost  []string `json:"lost"`
		}](p, stickyJS)
		p.Close()
		if err != nil {
			t.Fatal(err)
		}
		boxes += r.Boxes
		if len(r.Lost) > 0 {
			t.Errorf("%s: scrolled sideways, a table's first column leaves the screen: %s", k.path, strings.Join(r.Lost, "; "))
		}
	}
	if boxes == 0 {
		t.Error("no table on any page kind is wider than a phone: the first column's staying was not tested")
	}
	t.Logf("%d scrolling tables checked", boxes)
}

// verdictJS opens every <details>, then measures each table box named (by
// its aria-label) as one of labels: how wide its table is against the
// box, and the rightmost edge of any badge in it against the box's.
const verdictJS = `((labels) => {
  for (const d of document.querySelectorAll("details")) d.open = true;
  const out = [];
  for (const w of document.querySelectorAll(".table-wrap")) {
    const label = w.getAttribute("aria-label") || "";
    if (!labels.some(l => label.startsWith(l)) || !w.getClientRects().length) continue;
    const box = w.getBoundingClientRect();
    let badge = 0;
    for (const b of w.querySelectorAll(".badge")) badge = Math.max(badge, b.getBoundingClientRect().right - box.right);
    out.push({label, scroll: w.scrollWidth, client: w.clientWidth, badgeOver: badge,
      badges: w.querySelectorAll(".badge").length});
  }
  return out;
})`

// TestVerdictOnPhone: on a 360 px phone, the tables whose last columns say
// how a secretary was judged (the training table of a village page; a
// secretary's training, training records and actions) fit their box: the
// verdict is read without swiping sideways, on every village and
// secretary page of the demo.
func TestVerdictOnPhone(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	var rels []string
	for _, dir := range []string{"villages", "secretaries"} {
		files, err := filepath.Glob(filepath.Join(root, dir, "*", "index.html"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no %s pages: %v", dir, err)
		}
		for _, f := range files {
			rel, _ := filepath.Rel(root, f)
			rels = append(rels, filepath.ToSlash(rel))
		}
	}
	p := openPhone(t, b, "about:blank", UnderOrigin(srv.URL))
	// The demo is Chinese: the boxes' labels as its catalogue words them.
	labels := `["培训积分表", "培训记录", "表彰与处理"]`
	tables, badges, widest := 0, 0, 0
	for _, rel := range rels {
		if err := p.Navigate(srv.URL + "/" + rel); err != nil {
			t.Fatal(err)
		}
		r, err := Eval[[]struct {
			Label     string  `json:"label"`
			Scroll    int     `json:"scroll"`
			Client    int     `json:"client"`
			BadgeOver float64 `json:"badgeOver"`
			Badges    int     `json:"badges"`
		}](p, verdictJS+"("+labels+")")
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range r {
			tables++
			badges += w.Badges
			widest = max(widest, w.Scroll)
			if w.Scroll > w.Client+1 {
				t.Errorf("%s: %s is %d px wide in a %d px box: part of it is off-screen", rel, w.Label, w.Scroll, w.Client)
			}
			if w.BadgeOver > 0.5 {
				t.Errorf("%s: %s: a verdict badge ends %.0f px past the box's right edge", rel, w.Label, w.BadgeOver)
			}
		}
	}
	if tables == 0 || badges == 0 {
		t.Fatalf("found %d training or action tables with %d badges on %d pages: nothing was measured", tables, badges, len(rels))
	}
	t.Logf("%d tables (%d badges) on %d pages; the widest %d px", tables, badges, len(rels), widest)
}

// listJS opens every <details>, then measures each list table of a page
// (a year's hearings, pledges by status, the overdue list): how wide it is
// against its box, and the rightmost edge of any badge (the outcome or
// status) against the box's.
const listJS = `(() => {
  for (const d of document.querySelectorAll("details")) d.open = true;
  const out = [];
  for (const w of document.querySelectorAll(".table-wrap")) {
    if (!w.querySelector("table.hearing-table, table.pledge-table") || !w.getClientRects().length) continue;
    const box = w.getBoundingClientRect();
    let badge = 0;
    for (const b of w.querySelectorAll(".badge")) badge = Math.max(badge, b.getBoundingClientRect().right - box.right);
    out.push({label: w.getAttribute("aria-label") || "", scroll: w.scrollWidth, client: w.clientWidth, badgeOver: badge,
      badges: w.querySelectorAll(".badge").length});
  }
  return out;
})()`

// TestListStatusOnPhone: on a 360 px phone, the list tables whose point is
// an outcome or a status (each year's hearings, /pledges/overdue/ and
// /pledges/by-status/*, every page of them) fit their box: the outcome or
// status is read without swiping sideways.
func TestListStatusOnPhone(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	var rels []string
	for _, pattern := range []string{"hearings/*/index.html", "hearings/*/*/index.html", "pledges/overdue/index.html",
		"pledges/overdue/*/index.html", "pledges/by-status/*/index.html", "pledges/by-status/*/*/index.html"} {
		files, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(pattern)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			rel, _ := filepath.Rel(root, f)
			if rel = filepath.ToSlash(rel); !strings.HasPrefix(rel, "hearings/H") { // a hearing's own page has no list
				rels = append(rels, rel)
			}
		}
	}
	p := openPhone(t, b, "about:blank", UnderOrigin(srv.URL))
	tables, badges, widest := 0, 0, 0
	for _, rel := range rels {
		if err := p.Navigate(srv.URL + "/" + rel); err != nil {
			t.Fatal(err)
		}
		r, err := Eval[[]struct {
			Label     string  `json:"label"`
			Scroll    int     `json:"scroll"`
			Client    int     `json:"client"`
			BadgeOver float64 `json:"badgeOver"`
			Badges    int     `json:"badges"`
		}](p, listJS)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range r {
			tables++
			badges += w.Badges
			widest = max(widest, w.Scroll)
			if w.Scroll > w.Client+1 {
				t.Errorf("%s: %s is %d px wide in a %d px box: part of it is off-screen", rel, w.Label, w.Scroll, w.Client)
			}
			if w.BadgeOver > 0.5 {
				t.Errorf("%s: %s: an outcome or status badge ends %.0f px past the box's right edge", rel, w.Label, w.BadgeOver)
			}
		}
	}
	if tables == 0 || badges == 0 || len(rels) < 8 {
		t.Fatalf("found %d list tables with %d badges on %d pages: nothing was measured", tables, badges, len(rels))
	}
	t.Logf("%d tables (%d badges) on %d pages; the widest %d px", tables, badges, len(rels), widest)
}

// noHearingJS reports the glance's row for a village with no hearing held:
// whether it is laid out (not display: none), its text, and where it ends.
const noHearingJS = `(() => {
  const el = document.querySelector(".glance .g-no-hearing");
  if (!el) return {found: false};
  return {found: true, shown: el.getClientRects().length > 0 && el.getBoundingClientRect().height > 0,
    text: el.textContent.replace(/\s+/g, " ").trim(), bottom: el.getBoundingClientRect().bottom + window.scrollY};
})()`

// TestNoHearingInGlance: on a village page whose village never held a
// hearing (53 of the demo's 160), the glance says so: on a 360 px phone
// within the first screen and a half, and on the printed notice.
func TestNoHearingInGlance(t *testing.T) {
	b := browser(t)
	demoSite(t)
	srv := siteServer(t)
	type report struct {
		Found  bool    `json:"found"`
		Shown  bool    `json:"shown"`
		Text   string  `json:"text"`
		Bottom float64 `json:"bottom"`
	}
	want := "最近一次听证暂无（本村尚未召开民主听证）" // dt and dd
	for _, id := range []string{"V0062", "V0016", "V0071"} {
		rel := "villages/" + id + "/index.html"
		t.Run(id, func(t *testing.T) {
			p := openPhone(t, b, srv.URL+"/"+rel, UnderOrigin(srv.URL))
			r, err := Eval[report](p, noHearingJS)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case !r.Found || !r.Shown:
				t.Errorf("%s on a phone: the glance does not say no hearing was held (found %v, shown %v)", rel, r.Found, r.Shown)
			case r.Text != want:
				t.Errorf("%s on a phone: the glance says %q, want %q", rel, r.Text, want)
			case r.Bottom > 1.5*float64(Phone.Height):
				t.Errorf("%s on a phone: the no-hearing row ends %.0f px down, below the first screen and a half", rel, r.Bottom)
			}
			if err := p.EmulatePrint(703); err != nil {
				t.Fatal(err)
			}
			if r, err = Eval[report](p, noHearingJS); err != nil {
				t.Fatal(err)
			}
			if !r.Shown || r.Text != want {
				t.Errorf("%s printed: the notice's glance does not say no hearing was held (shown %v, %q)", rel, r.Shown, r.Text)
			}
		})
	}
}
