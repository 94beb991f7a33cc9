package load

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"gongshi/generator/safefs"
)

// TestWorkbookTooLarge: a workbook that unzips to more than the limit is
// one error at the file, which gives its size rounded up and says to save
// the large sheets as CSV files, and it is not opened; one that unzips to
// exactly the limit opens.
func TestWorkbookTooLarge(t *testing.T) {
	dir := writeWorkbookSite(t)
	b, err := os.ReadFile(filepath.Join(dir, "data", "台账.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	size := unzippedSize(b)
	defer func(n int64) { maxWorkbookXML = n }(maxWorkbookXML)
	for _, c := range []struct {
		limit int64
		want  []string
	}{
		{size, nil},
		{size - 1, []string{fmt.Sprintf("data/台账.xlsx: the workbook unzips to %d MB, more than the limit of %d MB: save its large sheets as CSV files", (size+1<<20-1)>>20, (size-1)>>20)}},
	} {
		maxWorkbookXML = c.limit
		d, probs, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		var found []string
		for _, p := range probs.Sorted() {
			if p.Code == safefs.CodeTooLarge {
				found = append(found, p.File+": "+p.En)
			}
		}
		if !slices.Equal(found, c.want) {
			t.Errorf("limit %d (the workbook unzips to %d): problems %q, want %q", c.limit, size, found, c.want)
		}
		if opened := len(d.Pledges) > 0; opened != (c.want == nil) {
			t.Errorf("limit %d: pledges read: %v", c.limit, opened)
		}
	}
}

// TestWorkbookNoTemporaryFiles: a workbook with a sheet of more than 16 MB
// is read without a file in the system's temporary folder (excelize's
// default for such a sheet), which a killed build would leave behind.
func TestWorkbookNoTemporaryFiles(t *testing.T) {
	dir := writeWorkbookSite(t)
	name := filepath.Join(dir, "data", "台账.xlsx")
	old, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, f := range old.File {
		if err := z.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	// A sheet part no sheet refers to, 17 MB of XML that zips to a few KB:
	// excelize unzips every worksheet part when it opens the workbook.
	w, err := z.Create("xl/worksheets/sheet99.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`))
	w.Write(bytes.Repeat([]byte(" "), 17<<20))
	w.Write([]byte(`</sheetData></worksheet>`))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// excelize removes its files when the workbook is closed, and reads
	// the part into memory when it cannot make one: the folder's time of
	// change tells whether anything was made in it meanwhile.
	tmp := t.TempDir()
	long := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(tmp, long, long); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", tmp)
	d, probs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if probs.Errors() > 0 {
		t.Errorf("errors: %v", probs.Sorted())
	}
	if len(d.Pledges) == 0 {
		t.Error("no pledges read")
	}
	if fi, err := os.Stat(tmp); err != nil {
		t.Error(err)
	} else if !fi.ModTime().Equal(long) {
		t.Errorf("files were made in the temporary folder (it changed at %v)", fi.ModTime())
	}
}
