package opendata

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"
)

// writeWorkbook writes data/gongshi.xlsx: one sheet per table, named after
// the table, with the CSV's columns, a bold and frozen header row of English
// keys, and typed cells (numbers as numbers, booleans as booleans, text as
// inline strings — never formulas, so a cell starting with "=" is just text).
// Dates stay YYYY-MM-DD text, as in the CSV, so that no time zone or Excel
// date system can shift them. A table with more rows than a sheet holds gets
// a sheet with a note pointing at its CSV.
//
// Sheets are written with excelize's StreamWriter, which keeps memory flat
// for large tables. excelize never reads the clock when writing (its default
// document properties are a template's: creator "xuri", 2006-09-16; they are
// set here from the site title and as_of), but it writes stream-written
// sheets into the zip in map order, which differs between runs: normaliseZip
// sorts the entries, and stamps them with as_of instead of excelize's invalid
// zero date. Cells longer than Excel's 32,767 characters are cut by
// excelize; the CSV and JSON keep them whole.
func writeWorkbook(root dest, tables []table, title, asOf string, limit int) (_ File, err error) {
	// excelize spills sheets over 16 MB into temporary files, by default in
	// $TMPDIR, where a killed build would leave them. Here they go into a
	// folder of the staging folder instead: removed below once the workbook
	// is written, or with the staging folder by the next build.
	tmp := filepath.Join(root.path, TmpDir)
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return File{}, err
	}
	defer func() {
		if rerr := os.RemoveAll(tmp); err == nil {
			err = rerr
		}
	}()
	x := excelize.NewFile(excelize.Options{TmpDir: tmp})
	defer x.Close()
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return File{}, err
	}
	for i := range tables {
		t := &tables[i]
		sheet := t.schema.Name
		if i == 0 {
			err = x.SetSheetName("Sheet1", sheet)
		} else {
			_, err = x.NewSheet(sheet)
		}
		if err != nil {
			return File{}, err
		}
		if err := writeSheet(x, sheet, t, bold, limit); err != nil {
			return File{}, fmt.Errorf("opendata: sheet %s: %w", sheet, err)
		}
	}
	props := &excelize.DocProperties{Title: title, Creator: "gongshi", LastModifiedBy: "gongshi", Language: "zh-CN"}
	if asOf != "" {
		props.Created = asOf + "T00:00:00Z"
		props.Modified = props.Created
	}
	if err := x.SetDocProps(props); err != nil {
		return File{}, err
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		return File{}, err
	}
	b, err := normaliseZip(buf.Bytes(), zipTime(asOf))
	if err != nil {
		return File{}, err
	}
	return writeFile(root, WorkbookPath, b)
}

// TmpDir is the folder of the staging folder that holds excelize's
// temporary files while the workbook is written. It never reaches the site.
const TmpDir = ".gongshi-xlsx-tmp"

// writeSheet streams one table into its sheet, or a note when it has more
// than limit rows.
func writeSheet(x *excelize.File, sheet string, t *table, bold, limit int) error {
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, c := range t.cols {
		if err := sw.SetColWidth(i+1, i+1, colWidth(c)); err != nil {
			return err
		}
	}
	n := t.len()
	if n > limit {
		note := fmt.Sprintf("此表共 %d 行，超过 Excel 工作表的上限（%d 行），请下载 %s.csv。"+
			" This table has %d rows, more than an Excel sheet holds: download %s.csv.",
			n, limit, t.schema.Name, n, t.schema.Name)
		if err := sw.SetRow("A1", []any{note}); err != nil {
			return err
		}
		return sw.Flush()
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	vals := make([]any, len(t.cols))
	for i, c := range t.cols {
		vals[i] = excelize.Cell{StyleID: bold, Value: c.field.Key}
	}
	if err := sw.SetRow("A1", vals); err != nil {
		return err
	}
	for r := 0; r < n; r++ {
		row := t.row(r)
		for i := range t.cols {
			vals[i] = t.cols[i].value(row)
		}
		cell, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// colWidth is a column's width in characters: enough for its header and a
// typical value.
func colWidth(c column) float64 {
	w := float64(len(c.field.Key)) + 2
	switch c.kind {
	case kString:
		w = max(w, 12)
	default:
		w = max(w, 8)
	}
	return min(w, 40)
}

// zipTime is the modification time of the workbook's zip entries: as_of at
// midnight UTC (1980-01-01, the zip epoch, without one).
func zipTime(asOf string) time.Time {
	if t, err := time.Parse(time.DateOnly, asOf); err == nil && t.Year() >= 1980 && t.Year() <= 2107 {
		return t
	}
	return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
}

// normaliseZip rewrites a zip archive with its entries sorted by name and
// stamped with modified. Each entry's compressed bytes are copied as they are.
func normaliseZip(b []byte, modified time.Time) ([]byte, error) {
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	files := append([]*zip.File(nil), r.File...)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	var out bytes.Buffer
	out.Grow(len(b))
	w := zip.NewWriter(&out)
	for _, f := range files {
		fh := f.FileHeader
		fh.Modified = time.Time{} // CreateRaw keeps the MS-DOS fields below as they are
		fh.ModifiedTime = 0
		fh.ModifiedDate = uint16((modified.Year()-1980)<<9 | int(modified.Month())<<5 | modified.Day())
		dst, err := w.CreateRaw(&fh)
		if err != nil {
			return nil, err
		}
		src, err := f.OpenRaw()
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(dst, src); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
