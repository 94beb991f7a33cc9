package opendata

import (
	"os"
	"strings"
	"testing"

	"gongshi/generator/output"
	"gongshi/generator/privacy"
)

// TestNoTemporaryFiles: the workbook of a large table is streamed into the
// download: nothing is made in $TMPDIR (which a killed build would leave
// behind), and the staging folder holds only the downloads.
func TestNoTemporaryFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 30 MB sheet")
	}
	d := source(t, baseSite)
	long := strings.Repeat("长文本", 100)
	p := d.Pledges[0]
	for len(d.Pledges) < 40000 {
		q := p
		q.Detail = long
		d.Pledges = append(d.Pledges, q)
	}
	tables, err := bindTables(d)
	if err != nil {
		t.Fatal(err)
	}
	tmpdir := t.TempDir()
	t.Setenv("TMPDIR", tmpdir)
	root := t.TempDir()
	if _, err := writeWorkbook(output.New(root), tables, d, MaxSheetRows, workbookLevel); err != nil {
		t.Fatal(err)
	}
	if es, _ := os.ReadDir(tmpdir); len(es) > 0 {
		t.Errorf("$TMPDIR holds %d entries", len(es))
	}
	if es, _ := os.ReadDir(root); len(es) != 1 || es[0].Name() != "data" {
		t.Errorf("the staging folder holds %v, want data/ only", es)
	}
}

// TestGuardScansEveryDownload: a personal number typed into a cell is seen
// in every download that publishes it, the workbook's XML included.
func TestGuardScansEveryDownload(t *testing.T) {
	d := source(t, baseSite)
	d.Pledges[0].Detail = "联系人 13812345678"
	g := privacy.NewGuard(nil, nil)
	w := output.New(t.TempDir())
	w.Guard(g)
	if _, err := Write(w, d); err != nil {
		t.Fatal(err)
	}
	got := g.Problems().Sorted()
	if len(got) != 1 || got[0].Value != "13812345678" || got[0].File != "data/2023/pledges.csv" ||
		!strings.Contains(got[0].En, "(5 files hold it)") || !strings.Contains(got[0].Zh, "data/2023/pledges.csv 中 id 为 P1 的一行的 detail 列") {
		t.Fatalf("problems %v, want one for the number in 5 files (CSV, year CSV, JSON, zh CSV, workbook), first data/2023/pledges.csv", got)
	}
	g = privacy.NewGuard(nil, nil)
	w = output.New(t.TempDir())
	w.Guard(g)
	tables, err := bindTables(d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := writeWorkbook(w, tables, d, MaxSheetRows, workbookLevel); err != nil {
		t.Fatal(err)
	}
	if p := g.Problems().Sorted(); len(p) != 1 || p[0].File != WorkbookPath {
		t.Errorf("workbook: problems %v, want one in %s", p, WorkbookPath)
	}
}

// TestGuardSeesTheSheetsText: the workbook's cells are scanned as the
// sheet holds them. XML cannot hold U+FFFE, which the sheet drops, so the
// two halves around it are one mobile number there (though not in the CSV).
func TestGuardSeesTheSheetsText(t *testing.T) {
	d := source(t, baseSite)
	d.Pledges[0].Detail = "联系人 1381234\uFFFE5678"
	tables, err := bindTables(d)
	if err != nil {
		t.Fatal(err)
	}
	g := privacy.NewGuard(nil, nil)
	w := output.New(t.TempDir())
	w.Guard(g)
	if _, err := writeWorkbook(w, tables, d, MaxSheetRows, workbookLevel); err != nil {
		t.Fatal(err)
	}
	if p := g.Problems().Sorted(); len(p) != 1 || p[0].File != WorkbookPath || p[0].Value != "13812345678" {
		t.Errorf("problems %v, want 13812345678 in %s", p, WorkbookPath)
	}
}
