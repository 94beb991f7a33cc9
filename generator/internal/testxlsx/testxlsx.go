// Package testxlsx writes small Excel workbooks for tests, with the kinds of
// cells clerks' workbooks hold: text, numbers, booleans, date cells in any
// number format, formulas with cached values, merged ranges and hidden
// sheets. It is for tests only; gongshi itself reads workbooks in package
// load and writes them in packages opendata and workbook.
package testxlsx

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// Date is a date cell: the serial number Excel stores, shown with Format
// (a custom number format; "" for the built-in short date, format 14).
type Date struct {
	Y, M, D int
	Format  string
}

// Formula is a formula cell with the value Excel cached for it.
type Formula struct {
	F     string
	Value any // string, number or bool
}

// Styled is a number shown with a custom number format (e.g. "000"), or
// with the built-in format NumFmt when Format is "" (9 is 0%, 10 is 0.00%).
// With Text set, the cell holds that text (a shared string) instead of
// Value, in the same format, as a cell of a column formatted as a whole
// holds what is pasted or typed into it as text.
type Styled struct {
	Value  float64
	Format string
	NumFmt int
	Text   string
}

// Sheet is one sheet: its name, its rows of cells (nil for an empty cell)
// and how it looks.
type Sheet struct {
	Name   string
	Rows   [][]any
	Merge  []string // ranges such as "A1:C1"
	Hidden bool
}

// Write writes the sheets to path as a workbook, creating its folder.
func Write(t testing.TB, path string, sheets ...Sheet) {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, sh := range sheets {
		var err error
		if i == 0 {
			err = x.SetSheetName("Sheet1", sh.Name)
		} else {
			_, err = x.NewSheet(sh.Name)
		}
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range sh.Rows {
			for c, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := setCell(x, sh.Name, cell, v); err != nil {
					t.Fatalf("%s!%s: %v", sh.Name, cell, err)
				}
			}
		}
		for _, m := range sh.Merge {
			a, b, _ := cut(m)
			if err := x.MergeCell(sh.Name, a, b); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, sh := range sheets {
		if sh.Hidden {
			if err := x.SetSheetVisible(sh.Name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func cut(r string) (string, string, bool) {
	for i := 0; i < len(r); i++ {
		if r[i] == ':' {
			return r[:i], r[i+1:], true
		}
	}
	return r, r, false
}

func setCell(x *excelize.File, sheet, cell string, v any) error {
	switch v := v.(type) {
	case Date:
		day, _ := dataset.ExcelDay(fmt.Sprintf("%04d-%02d-%02d", v.Y, v.M, v.D))
		serial := float64(day)
		st := &excelize.Style{NumFmt: 14}
		if v.Format != "" {
			st = &excelize.Style{CustomNumFmt: &v.Format}
		}
		id, err := x.NewStyle(st)
		if err != nil {
			return err
		}
		if err := x.SetCellValue(sheet, cell, serial); err != nil {
			return err
		}
		return x.SetCellStyle(sheet, cell, cell, id)
	case Styled:
		st := &excelize.Style{CustomNumFmt: &v.Format}
		if v.Format == "" {
			st = &excelize.Style{NumFmt: v.NumFmt}
		}
		id, err := x.NewStyle(st)
		if err != nil {
			return err
		}
		var value any = v.Value
		if v.Text != "" {
			value = v.Text
		}
		if err := x.SetCellValue(sheet, cell, value); err != nil {
			return err
		}
		return x.SetCellStyle(sheet, cell, cell, id)
	case Formula:
		// SetCellValue drops a formula, SetCellFormula keeps the value:
		// value first, then the formula, as Excel saves a computed cell.
		if err := x.SetCellValue(sheet, cell, v.Value); err != nil {
			return err
		}
		return x.SetCellFormula(sheet, cell, v.F)
	}
	return x.SetCellValue(sheet, cell, v)
}

// DateFormats are the number formats FromCSV gives date cells in turn:
// Excel's built-in short date (m/d/yy on an English Windows), and two a
// Chinese clerk picks.
var DateFormats = []string{"", "yyyy/m/d", `yyyy"年"m"月"d"日"`}

// FromCSV turns CSV text of table tb (ISO dates, as gongshi's test sources
// write them) into a sheet of typed cells, as a clerk's workbook holds them:
// dates as date cells, numbers as numbers, booleans as booleans, the rest as
// text. The header is kept as written.
func FromCSV(t testing.TB, tb *schema.Table, text []byte, name string) Sheet {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	sh := Sheet{Name: name}
	fields := make([]*schema.Field, len(recs[0]))
	hdr := make([]any, len(recs[0]))
	for i, h := range recs[0] {
		fields[i], _ = tb.Lookup(h)
		hdr[i] = h
	}
	sh.Rows = append(sh.Rows, hdr)
	for r, rec := range recs[1:] {
		row := make([]any, len(rec))
		for i, v := range rec {
			row[i] = typed(t, fields[i], v, r)
		}
		sh.Rows = append(sh.Rows, row)
	}
	return sh
}

func typed(t testing.TB, f *schema.Field, v string, r int) any {
	if v == "" {
		return nil
	}
	if f == nil {
		return v
	}
	switch f.Type {
	case schema.Date:
		d, err := time.Parse("2006-01-02", v)
		if err != nil {
			return v // a date in another form stays text, as typed
		}
		return Date{Y: d.Year(), M: int(d.Month()), D: d.Day(), Format: DateFormats[r%len(DateFormats)]}
	case schema.Int, schema.Number, schema.Year:
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return v
		}
		return x
	case schema.Bool:
		return v == "是" || v == "true" || v == "1"
	}
	return v
}
