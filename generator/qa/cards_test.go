package qa

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// crampJS opens every <details>, then reports how the page's tables read
// on the screen: the table boxes that scroll sideways (a reader must swipe
// to see the status or the grade), and the short texts in a cell (a
// village's name, a status, a person: up to 8 characters) laid out on
// more than one line, as a column squeezed to one character's width
// breaks them. The header row of a table read as cards is out of sight
// (1 px) and not judged. It also counts the rows laid out as table rows.
const crampJS = `(() => {
  for (const d of document.querySelectorAll("details")) d.open = true;
  const out = {tables: 0, scroll: [], broken: [], tableRows: 0, cardTableRows: 0, rows: 0};
  for (const w of document.querySelectorAll(".table-wrap")) {
    if (!w.getClientRects().length) continue;
    out.tables++;
    const label = w.getAttribute("aria-label") || w.getAttribute("aria-labelledby") || "";
    if (w.scrollWidth > w.clientWidth + 1) out.scroll.push(label + ": " + w.scrollWidth + " px in " + w.clientWidth);
    for (const tr of w.querySelectorAll("tbody tr")) {
      out.rows++;
      if (getComputedStyle(tr).display === "table-row") { out.tableRows++; if (tr.closest("table.cards")) out.cardTableRows++; }
    }
    for (const cell of w.querySelectorAll("td, th")) {
      const head = cell.closest("thead");
      if (!cell.getClientRects().length || (head && head.getBoundingClientRect().width <= 1)) continue;
      const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const t = n.textContent.trim();
        if (!t || t.length > 8 || !n.parentElement.getClientRects().length) continue;
        const r = document.createRange();
        r.selectNodeContents(n);
        const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
        if (tops.size > 1) out.broken.push(t + " (" + tops.size + " lines)");
      }
    }
  }
  out.broken = [...new Set(out.broken)].slice(0, 8);
  return out;
})()`

type crampReport struct {
	Tables    int      `json:"tables"`
	Scroll    []string `json:"scroll"`
	Broken    []string `json:"broken"`
	TableRows int      `json:"tableRows"`
	// CardTableRows are the rows of a table.cards still laid out as table
	// rows: on a phone there must be none (each row is a card).
	CardTableRows int `json:"cardTableRows"`
	Rows          int `json:"rows"`
}

// TestListsReadOnPhone: on a 360 px phone, the list pages (the home
// page's and the pledge board's townships, the overdue pledges, pledges by
// status, what needs attention, the townships, a township's villages and
// its 督办单, a year's appraisals, a secretary's actions and training) read without swiping
// sideways, and no cell breaks a village's name, a status or a person's
// name one character a line (each row reads as a card; a chart's
// numbers fit their box). Printed, the same
// tables are tables again (the 督办单 and the lists print as tables).
func TestListsReadOnPhone(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	ratings, err := filepath.Glob(filepath.Join(root, "ratings", "20*", "index.html"))
	if err != nil || len(ratings) == 0 {
		t.Fatalf("no year's ratings page: %v", err)
	}
	last, _ := filepath.Rel(root, ratings[len(ratings)-1])
	rels := []string{"index.html", "pledges/index.html", "pledges/overdue/index.html", "pledges/by-status/in-progress/index.html",
		"attention/index.html", "townships/index.html", "townships/T01/index.html", filepath.ToSlash(last), "secretaries/S00001/index.html"}
	for _, rel := range rels {
		t.Run(strings.TrimSuffix(rel, "/index.html"), func(t *testing.T) {
			p := openPhone(t, b, srv.URL+"/"+rel, UnderOrigin(srv.URL))
			r, err := Eval[crampReport](p, crampJS)
			if err != nil {
				t.Fatal(err)
			}
			if r.Tables == 0 || r.Rows == 0 {
				t.Fatalf("%s: no table rows on the page: nothing was measured", rel)
			}
			if len(r.Scroll) > 0 {
				t.Errorf("%s at 360 px: %d tables scroll sideways: %s", rel, len(r.Scroll), strings.Join(r.Scroll, "; "))
			}
			if r.CardTableRows > 0 {
				t.Errorf("%s at 360 px: %d rows of card tables are still table rows", rel, r.CardTableRows)
			}
			if len(r.Broken) > 0 {
				t.Errorf("%s at 360 px: short texts broken over lines in a squeezed column: %s", rel, strings.Join(r.Broken, ", "))
			}
			if err := p.EmulatePrint(703); err != nil {
				t.Fatal(err)
			}
			pr, err := Eval[crampReport](p, crampJS)
			if err != nil {
				t.Fatal(err)
			}
			if pr.TableRows != pr.Rows {
				t.Errorf("%s printed: %d of %d rows are laid out as table rows; print keeps the tables", rel, pr.TableRows, pr.Rows)
			}
			t.Logf("%s: %d tables, %d rows", rel, r.Tables, r.Rows)
		})
	}
}

type dateReport struct {
	Dates int      `json:"dates"`
	Split []string `json:"split"`
}

// TestDatesWholeOnPhone: on a 360 px phone a date in a village's pledge
// cards and its notice line (完成时限 2025年12月31日, "Due 2025-12-31",
// 数据截至 …) and in a table's cells (what needs attention on a township's
// page, a secretary's actions) is never split over two lines, in Chinese
// and in English (they split as 2025年12 / 月31日 and 2025-12- / 31). A
// date in a sentence of prose may still break in English, at a hyphen.
func TestDatesWholeOnPhone(t *testing.T) {
	b := browser(t)
	for _, site := range []struct{ lang, base string }{{"zh-CN", siteServer(t).URL}, {"en", serveDir(t, demoEnSite(t))}} {
		for _, rel := range []string{"villages/V0038/index.html", "secretaries/S00001/index.html", "townships/T01/index.html"} {
			p := openPhone(t, b, site.base+"/"+rel, UnderOrigin(site.base))
			r, err := Eval[dateReport](p, `(() => {
  // Every date shown in a pledge card's line, the notice line and a
  // table's cells, found by its text (not by a class that would keep it
  // whole), and the lines each one is laid out on.
  const out = {dates: 0, split: []};
  const re = /\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}/g;
  const walk = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (!n.parentElement.getClientRects().length || !n.parentElement.closest(".pledge-meta, .as-of, td")) continue;
    for (const m of n.textContent.matchAll(re)) {
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
      if (!tops.size) continue;
      out.dates++;
      if (tops.size > 1) out.split.push(m[0]);
    }
  }
  out.split = [...new Set(out.split)].slice(0, 8);
  return out;
})()`)
			if err != nil {
				t.Fatal(err)
			}
			if r.Dates < 10 {
				t.Errorf("%s %s: %d dates found: nothing was measured", site.lang, rel, r.Dates)
			}
			if len(r.Split) > 0 {
				t.Errorf("%s %s at 360 px: dates split over two lines: %s", site.lang, rel, strings.Join(r.Split, ", "))
			}
		}
	}
}

// TestHiddenSortButtonsNotFocused: on a phone a sortable list reads as
// cards and its header row is out of sight, so js/sort.js takes its sort
// buttons out of the Tab order (the keyboard's focus would land on
// nothing visible); on a wide screen, where they show, they are in it
// again, also after the window is resized.
func TestHiddenSortButtonsNotFocused(t *testing.T) {
	b := browser(t)
	srv := siteServer(t)
	p := openPhone(t, b, srv.URL+"/pledges/overdue/index.html", UnderOrigin(srv.URL))
	const tabs = `[...document.querySelectorAll("table.sortable.cards thead button.sort")].map(b => b.tabIndex + ":" + (b.closest("thead").getBoundingClientRect().width > 1))`
	check := func(where string, wantTab int, wantShown bool) {
		t.Helper()
		got, err := Eval[[]string](p, tabs)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			t.Fatalf("%s: no sort buttons in a card table", where)
		}
		want := fmt.Sprintf("%d:%t", wantTab, wantShown)
		for i, g := range got {
			if g != want {
				t.Errorf("%s: button %d is %s (tabIndex:shown), want %s", where, i, g, want)
				break
			}
		}
	}
	check("360 px", -1, false)
	if err := p.SetViewport(Desktop); err != nil {
		t.Fatal(err)
	}
	check("1366 px", 0, true)
}
