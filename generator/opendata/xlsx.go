package opendata

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"gongshi/generator/output"
	"io"
	"reflect"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// writeWorkbook writes data/gongshi.xlsx, the download for people who live
// in Excel: one sheet per table, named in Chinese as the input workbook's
// sheets are (乡镇 … 培训), with the columns of the CSV for people (Chinese
// headers, names beside IDs), a bold and frozen header row, and typed cells:
// numbers as numbers, dates as date cells shown yyyy-mm-dd (whatever the
// reader's locale), booleans as 是/否 text, and other text as inline strings,
// never formulas, so a cell starting with "=" is just text. Every sheet
// declares its used range (<dimension ref="A1:K120">): readers that trust it,
// such as openpyxl in read-only mode, would otherwise see one row. A table
// with more rows than a sheet holds gets a sheet with a note pointing at its
// CSV.
//
// Sheets are written with excelize's StreamWriter, which keeps memory flat
// for large tables; the dimension is set before each stream starts, since the
// stream writes it first. excelize never reads the clock when writing (its
// default document properties are a template's: creator "xuri", 2006-09-16;
// they are set here from the site title and as_of), but it writes
// stream-written sheets into the zip in map order, which differs between
// runs: normaliseZip sorts the entries, and stamps them with as_of instead of
// excelize's invalid zero date. Cells longer than Excel's 32,767 characters
// are cut by excelize; the CSV and JSON keep them whole.
//
// level is the deflate level of the zip entries (workbookLevel in builds).
func writeWorkbook(root *output.Writer, tables []table, d *dataset.Dataset, limit, level int) (File, error) {
	x := excelize.NewFile()
	defer x.Close()
	x.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newZip(w, level) })
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return File{}, err
	}
	dateFmt := "yyyy-mm-dd"
	date, err := x.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return File{}, err
	}
	for i := range tables {
		t := &tables[i]
		sheet := t.schema.Sheet
		if i == 0 {
			err = x.SetSheetName("Sheet1", sheet)
		} else {
			_, err = x.NewSheet(sheet)
		}
		if err != nil {
			return File{}, err
		}
		if err := writeSheet(x, sheet, t, peopleColumns(t, d), bold, date, limit); err != nil {
			return File{}, fmt.Errorf("opendata: sheet %s: %w", sheet, err)
		}
	}
	props := &excelize.DocProperties{Title: d.Site.Title, Creator: "gongshi", LastModifiedBy: "gongshi", Language: "zh-CN"}
	if asOf := d.Site.AsOf; asOf != "" {
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
	b, err := normaliseZip(buf.Bytes(), zipTime(d.Site.AsOf))
	if err != nil {
		return File{}, err
	}
	return writeFile(root, WorkbookPath, b)
}

// workbookLevel is the deflate level of the workbook. BenchmarkWriteWorkbook
// compares it with faster levels: on the 2-core machine, busy with other
// work, BestSpeed took about a fifth less time for a file a third larger
// (68.6 MB against 52.2 MB for 10,000 villages), level 3 a sixth larger. The
// workbook is written while pages render, so its time rarely lengthens a
// build, and a journalist downloads every extra byte: the default stays.
const workbookLevel = flate.DefaultCompression

// newZip returns a zip writer for excelize that deflates at level.
func newZip(w io.Writer, level int) excelize.ZipWriter {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, level)
	})
	return z
}

// writeSheet streams one table into its sheet, or a note when it has more
// than limit rows.
func writeSheet(x *excelize.File, sheet string, t *table, cols []personCol, bold, date, limit int) error {
	n := t.len()
	if n > limit {
		if err := x.SetSheetDimension(sheet, "A1"); err != nil {
			return err
		}
		sw, err := x.NewStreamWriter(sheet)
		if err != nil {
			return err
		}
		note := fmt.Sprintf("此表共 %d 行，超过 Excel 工作表的上限（%d 行），请下载 %s.csv。"+
			" This table has %d rows, more than an Excel sheet holds: download %s.csv.",
			n, limit, t.schema.Name, n, t.schema.Name)
		if err := sw.SetRow("A1", []any{note}); err != nil {
			return err
		}
		return sw.Flush()
	}
	last, err := excelize.CoordinatesToCellName(len(cols), n+1)
	if err != nil {
		return err
	}
	if err := x.SetSheetDimension(sheet, "A1:"+last); err != nil {
		return err
	}
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, colWidth(c)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	for i, c := range cols {
		vals[i] = excelize.Cell{StyleID: bold, Value: c.label}
	}
	if err := sw.SetRow("A1", vals); err != nil {
		return err
	}
	for r := 0; r < n; r++ {
		row := t.row(r)
		for i := range cols {
			vals[i] = cols[i].value(row, date)
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

// value returns a cell of the workbook: a date as a date cell, a boolean as
// 是/否, a number as a number, text as text, nil when empty.
func (p *personCol) value(row reflect.Value, date int) any {
	if p.col == nil {
		if s := p.name(row); s != "" {
			return s
		}
		return nil
	}
	v := p.col.value(row)
	switch x := v.(type) {
	case bool:
		return yesNo(x)
	case string:
		if p.col.field.Type == schema.Date {
			if serial, ok := excelDate(x); ok {
				return excelize.Cell{StyleID: date, Value: serial}
			}
		}
	}
	return v
}

// colWidth is a column's width in characters: enough for its header and a
// typical value.
func colWidth(c personCol) float64 {
	w := 2*float64(len([]rune(c.label))) + 2
	switch {
	case c.col == nil || c.col.kind == kString:
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
