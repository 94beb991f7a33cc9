package load

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongshi/generator/safefs"
)

// TestWorkbookTooLarge: a workbook that unzips to more than the limit is
// one error at the file, which says to save the large sheets as CSV files,
// and it is not opened.
func TestWorkbookTooLarge(t *testing.T) {
	dir := writeWorkbookSite(t)
	defer func(n int64) { maxWorkbookXML = n }(maxWorkbookXML)
	maxWorkbookXML = 4 << 10
	_, probs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, p := range probs.Sorted() {
		if p.Code == safefs.CodeTooLarge {
			found = append(found, p.File+": "+p.En)
		}
	}
	if len(found) != 1 || !strings.HasPrefix(found[0], "data/台账.xlsx: the workbook unzips to ") ||
		!strings.HasSuffix(found[0], " MB: save its large sheets as CSV files") {
		t.Errorf("problems %q, want one file-too-large at data/台账.xlsx", found)
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
	if fi, err := os.Stat(tmp); err != nil || !fi.ModTime().Equal(long) {
		t.Errorf("files were made in the temporary folder (it changed at %v)", fi.ModTime())
	}
}
