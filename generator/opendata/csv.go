package opendata

import (
	"encoding/csv"
	"gongshi/generator/output"
	"io"
	"sort"
)

// The CSV downloads are written with encoding/csv over the schema's columns,
// reading each row struct through its `col` tags. gocsv's Marshal was the
// other candidate, but it wants `csv` tags, would publish every tagged field
// (derived flags, Src) unless told otherwise, cannot drop a private column by
// setting, and formats nil pointers and floats its own way; the columns, their
// order and their formatting must be exactly those of the schema and of the
// loader, so one small loop over column.text is simpler, and it is fast: a
// million rows of ten columns take well under a second.
//
// Lines end in LF, not RFC 4180's CRLF: Excel, WPS, LibreOffice, pandas and R
// all read LF, and encoding/csv's UseCRLF would also turn the LF inside a
// multi-line cell into CRLF, changing the published value.

// bom makes Excel and WPS on Chinese Windows read the file as UTF-8 rather
// than as GBK.
const bom = "\uFEFF"

// newCSVWriter returns the writer of every CSV download.
func newCSVWriter(w io.Writer) *csv.Writer { return csv.NewWriter(w) }

// csvOut is one CSV download being written.
type csvOut struct {
	o *out
	w *csv.Writer
}

func newCSV(root *output.Writer, rel string, t *table) (*csvOut, error) {
	o, err := create(root, rel)
	if err != nil {
		return nil, err
	}
	c := &csvOut{o: o, w: newCSVWriter(o)}
	o.WriteString(bom)
	header := make([]string, len(t.cols))
	for i, col := range t.cols {
		header[i] = col.field.Key
	}
	c.w.Write(header)
	return c, nil
}

func (c *csvOut) close() (File, error) {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		c.o.abort()
		return File{}, err
	}
	return c.o.close()
}

// writeCSVs writes data/<table>.csv and, for a table with a DateKey, the
// per-year slices data/<year>/<table>.csv, in one pass over the rows. Rows
// keep their input order in every file.
//
// A table with a year or date has a slice for each of years (every year
// any such table has a row in), header only when none of its rows falls in
// it, so that a script looping over years and tables finds every file.
func writeCSVs(root *output.Writer, t *table, allYears []int) (files []File, err error) {
	name := t.schema.Name
	all, err := newCSV(root, "data/"+name+".csv", t)
	if err != nil {
		return nil, err
	}
	years := map[int]*csvOut{}
	defer func() {
		if err != nil {
			all.o.abort()
			for _, y := range years {
				y.o.abort()
			}
		}
	}()
	rec := make([]string, len(t.cols))
	for i, n := 0, t.len(); i < n; i++ {
		row := t.row(i)
		for j := range t.cols {
			rec[j] = t.cols[j].csvText(row)
		}
		if err := all.w.Write(rec); err != nil {
			return nil, err
		}
		if t.date < 0 {
			continue
		}
		y := t.year(row)
		if y <= 0 {
			continue
		}
		yc := years[y]
		if yc == nil {
			if yc, err = newCSV(root, YearCSVPath(y, name), t); err != nil {
				return nil, err
			}
			years[y] = yc
		}
		if err := yc.w.Write(rec); err != nil {
			return nil, err
		}
	}
	if t.date >= 0 {
		for _, y := range allYears {
			if years[y] == nil && y > 0 {
				yc, err := newCSV(root, YearCSVPath(y, name), t)
				if err != nil {
					return nil, err
				}
				years[y] = yc
			}
		}
	}
	keys := make([]int, 0, len(years))
	for y := range years {
		keys = append(keys, y)
	}
	sort.Ints(keys)
	f, err := all.close()
	if err != nil {
		return nil, err
	}
	files = append(files, f)
	for _, y := range keys {
		f, err := years[y].close()
		delete(years, y)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}
