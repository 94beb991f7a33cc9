package opendata

import (
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestWorkbookTempFiles: excelize spills a sheet over 16 MB into temporary
// files. They must be made inside the staging folder (which the next build
// removes if this one is killed), never in $TMPDIR, and be gone once the
// workbook is written.
func TestWorkbookTempFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 30 MB sheet")
	}
	d := source(t, baseSite)
	long := strings.Repeat("长文本", 100)
	p := d.Pledges[0]
	for i := 0; len(d.Pledges) < 40000; i++ {
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
	var inTMPDIR, inStaging atomic.Bool
	stop := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if es, _ := os.ReadDir(tmpdir); len(es) > 0 {
				inTMPDIR.Store(true)
			}
			if es, _ := os.ReadDir(filepath.Join(root, TmpDir)); len(es) > 0 {
				inStaging.Store(true)
			}
			time.Sleep(time.Millisecond)
		}
	}()
	_, err = writeWorkbook(dest{path: root}, tables, d.Site.Title, d.Site.AsOf, MaxSheetRows)
	close(stop)
	<-watched
	if err != nil {
		t.Fatal(err)
	}
	if inTMPDIR.Load() {
		t.Error("excelize made temporary files in $TMPDIR")
	}
	if !inStaging.Load() {
		t.Error("no temporary file was seen in the staging folder: the sheet did not spill, or it spilled elsewhere")
	}
	if _, err := os.Stat(filepath.Join(root, TmpDir)); !os.IsNotExist(err) {
		t.Errorf("%s left in the staging folder: %v", TmpDir, err)
	}
	if es, _ := os.ReadDir(tmpdir); len(es) > 0 {
		t.Errorf("$TMPDIR holds %d entries", len(es))
	}
}
