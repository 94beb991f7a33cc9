package opendata

import (
	"fmt"
	"gongshi/generator/output"
	"reflect"
	"slices"
	"time"

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
// The workbook is streamed straight into the download, sheet by sheet and
// row by row (package xlsx of this module's own, see xlsxwriter.go): a
// province's workbook never sits in memory, and no temporary file is made.
// (excelize, which reads the clerks' workbooks, kept every sheet's buffer
// until the end: 130 MB for a 5,000-village county, and its cell encoding
// was a fifth of a build.) Entries are in a fixed order and stamped with
// as_of, so the same data makes the same bytes. Cells longer than Excel's
// 32,767 characters are cut; the CSV and JSON keep them whole. Tests read
// the result back with excelize, and with LibreOffice where it is installed.
//
// level is the deflate level of the zip entries (workbookLevel in builds).
func writeWorkbook(root *output.Writer, tables []table, d *dataset.Dataset, limit, level int) (File, error) {
	o, err := create(root, WorkbookPath)
	if err != nil {
		return File{}, err
	}
	scan := root.Scan(WorkbookPath) // the zip's bytes are compressed: the writer gives the guard each part's text and each cell's value
	defer scan.Close()
	wb := newWorkbook(o, level, zipTime(d.Site.AsOf), scan)
	sheets := []string{schema.InstructionsSheet}
	for i := range tables {
		sheets = append(sheets, tables[i].schema.Sheet)
	}
	if err := wb.begin(d.Site.Title, d.Site.AsOf, sheets); err != nil {
		o.abort()
		return File{}, err
	}
	if err := writeAbout(wb, 0, d); err != nil {
		o.abort()
		return File{}, err
	}
	for i := range tables {
		t := &tables[i]
		if err := writeSheet(wb, i+1, t, peopleColumns(t, d), limit); err != nil {
			o.abort()
			return File{}, fmt.Errorf("opendata: sheet %s: %w", t.schema.Sheet, err)
		}
	}
	if err := wb.close(); err != nil {
		o.abort()
		return File{}, err
	}
	return o.close()
}

// writeAbout writes the first sheet, 说明: what the workbook is, as of
// when, under which licence and from where, so that a copy sent on alone
// still says so.
func writeAbout(wb *workbook, i int, d *dataset.Dataset) error {
	s := d.Site
	lic := s.License
	if u := LicenseURL(lic); u != "" {
		lic += " " + u
	}
	rows := [][2]string{
		{"标题 Title", s.Title},
		{"数据截至 Data as of", s.AsOf},
		{"发布单位 Publisher", s.Publisher.Organiser},
		{"许可 Licence", lic},
	}
	if s.AbsoluteURL() {
		rows = append(rows, [2]string{"网址 Address", s.BaseURL})
	}
	rows = append(rows,
		[2]string{"内容 Contents", "每张工作表是网站“数据下载”的一张表，表头为中文，村、乡镇和书记的名称列在编号旁。" +
			" Each sheet is one table of the site's downloads, with Chinese headers and names beside the IDs."},
		[2]string{"完整数据 Full data", "CSV 和 JSON 下载保存每一段文字的全文（超过 Excel 单元格上限的文字在本工作簿中被截断）；各列的含义见 datapackage.json 和网站的数据说明。" +
			" The CSV and JSON downloads hold every text whole (a text longer than an Excel cell holds is cut here); datapackage.json and the site's data page describe every column."})
	rows = slices.DeleteFunc(rows, func(r [2]string) bool { return r[1] == "" })
	sw, err := wb.sheet(i, 2, len(rows), []float64{22, 100}, false)
	if err != nil {
		return err
	}
	for _, r := range rows {
		sw.row()
		sw.text(r[0], 0)
		sw.text(r[1], 0)
	}
	return sw.end()
}

// workbookLevel is the deflate level of the workbook, with the deflate of
// github.com/klauspost/compress: on the largest sheet of a 5,000-village
// county (123 MB of XML), its level 5 makes 11.74 MB in 0.26 s where the
// standard library's default level makes 11.55 MB in 1.44 s (its fastest,
// level 1, 15.35 MB in 0.41 s). BenchmarkWriteWorkbook compares the levels.
const workbookLevel = 5

// writeSheet streams one table into its sheet, or a note when it has more
// than limit rows.
func writeSheet(wb *workbook, i int, t *table, cols []personCol, limit int) error {
	n := t.len()
	if n > limit {
		sw, err := wb.sheet(i, 1, 1, nil, false)
		if err != nil {
			return err
		}
		note := fmt.Sprintf("此表共 %d 行，超过 Excel 工作表的上限（%d 行），请下载 %s.csv。"+
			" This table has %d rows, more than an Excel sheet holds: download %s.csv.",
			n, limit, t.schema.Name, n, t.schema.Name)
		sw.row()
		sw.text(note, 0)
		return sw.end()
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = colWidth(c)
	}
	sw, err := wb.sheet(i, len(cols), n+1, widths, true)
	if err != nil {
		return err
	}
	sw.row()
	for _, c := range cols {
		sw.text(c.label, styleBold)
	}
	for r := 0; r < n; r++ {
		row := t.row(r)
		sw.row()
		for i := range cols {
			cols[i].cell(sw, row)
		}
		// A write error (a full disk) is looked for every few thousand rows:
		// asking after each row flushed the buffer each time, handing the
		// deflate writer and the privacy scan one small piece per row.
		if r%4096 == 4095 {
			if err := sw.err(); err != nil {
				return err
			}
		}
	}
	return sw.end()
}

// cell writes one cell of the workbook: a date as a date cell, a boolean as
// 是/否, a number as a number, text as text, nothing when empty.
func (p *personCol) cell(sw *sheetWriter, row reflect.Value) {
	if p.col == nil {
		sw.text(p.name(row), 0)
		return
	}
	switch x := p.col.value(row).(type) {
	case nil:
		sw.skip()
	case bool:
		sw.text(yesNo(x), 0)
	case int:
		sw.int(x)
	case float64:
		sw.float(x)
	case string:
		if p.col.field.Type == schema.Date {
			if day, ok := dataset.ExcelDay(x); ok {
				sw.date(day)
				return
			}
		}
		sw.text(x, 0)
	}
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
