package load

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"gongshi/generator/problem"
)

// readCSV reads one CSV file of a table into sink (tab-separated when comma
// is '\t': Excel's "Unicode text"). Line numbers are the physical lines of
// the file (the header is line 1), taken from the reader's FieldPos so that
// quoted cells spanning lines do not shift them; each row also carries the
// row number Excel shows for it, which is smaller by the line breaks inside
// cells above it.
func readCSV(text string, sink *rowSink, drop []string, comma rune) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	c := &csvRecords{r: r, text: text, comma: comma, sink: sink}
	skip, at, line := csvTitles(text, comma, sink, drop)
	if at >= 0 {
		reportLowHeader(sink, line)
		return
	}
	c.skip = skip
	readRecords(c, sink, drop)
	if c.n == 0 && !c.failed {
		sink.probs.Add(sink.problem("empty-file", pos{}, "", "", "文件为空，至少应有表头行", "empty file: expected at least a header row"))
		sink.incomplete = true
	}
}

// csvTitles finds title rows above the header of a CSV file (a sheet with
// a title saved as CSV; see leadingTitles) in its first records: skip is
// how many records to skip, at >= 0 a header that is reported instead, on
// the physical line line.
func csvTitles(text string, comma rune, sink *rowSink, drop []string) (skip, at, line int) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = comma
	r.FieldsPerRecord = -1
	var recs [][]string
	var lines []int
	for len(recs) < maxTitleRows {
		rec, err := r.Read()
		if err != nil {
			break
		}
		l, _ := r.FieldPos(0)
		recs, lines = append(recs, rec), append(lines, l)
	}
	skip, at = leadingTitles(sink.b.table, recs, drop)
	if at >= 0 {
		line = lines[at]
	}
	return skip, at, line
}

// csvRecords reads records with encoding/csv and keeps Excel's row count.
type csvRecords struct {
	r      *csv.Reader
	text   string
	comma  rune
	sink   *rowSink
	n      int  // records read
	failed bool // a syntax error stopped reading
	shift  int  // line breaks inside the cells of the records read so far
	row    int  // Excel's row of the last record
	rec    []string
	used   map[int]bool // columns with a value in some record (see emptyColumn)
	skip   int          // title records above the header, not read
}

func (c *csvRecords) next() ([]string, bool) {
	for _, f := range c.rec {
		c.shift += strings.Count(f, "\n")
	}
	rec, err := c.r.Read()
	for ; c.skip > 0 && err == nil; c.skip-- {
		for _, f := range rec {
			c.shift += strings.Count(f, "\n")
		}
		rec, err = c.r.Read()
	}
	if err == io.EOF {
		c.rec = nil
		return nil, false
	}
	if err != nil {
		reportCSVError(c.sink, err)
		c.sink.incomplete = true
		c.failed = true
		c.rec = nil
		return nil, false
	}
	c.n++
	line, _ := c.r.FieldPos(0)
	c.row = line - c.shift
	c.rec = rec
	return rec, true
}

func (c *csvRecords) at(i int) pos {
	line, _ := c.r.FieldPos(i)
	return pos{line: line, col: i + 1, row: c.row}
}

// emptyColumn reports whether column i has no header (already known) and no
// value in any row; it is only called for unnamed columns. The columns that
// hold a value are found in one pass over the file, the first time: Excel's
// "used range" leftovers give every line thousands of empty cells, and a
// pass per column took minutes (BenchmarkWideEmptyColumns).
func (c *csvRecords) emptyColumn(i int) bool {
	if c.used == nil {
		c.used = map[int]bool{}
		r := csv.NewReader(strings.NewReader(c.text))
		r.Comma = c.comma
		r.FieldsPerRecord = -1
		r.ReuseRecord = true
		for {
			rec, err := r.Read()
			if err != nil {
				break
			}
			for j, v := range rec {
				if !c.used[j] && strings.TrimSpace(v) != "" {
					c.used[j] = true
				}
			}
		}
	}
	return !c.used[i]
}

func (c *csvRecords) mergedHeader(int) bool { return false }

// reportCSVError turns a syntax error into a problem at the line where the
// broken record starts (for an unbalanced quote, where the quote opened).
func reportCSVError(sink *rowSink, err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line := pe.StartLine
		if line == 0 {
			line = pe.Line
		}
		zh := "CSV 格式错误"
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			zh = "引号不成对：单元格中的引号应写成两个（\"\"），或整个单元格用引号括起"
		}
		sink.probs.Add(sink.problem("csv-syntax", pos{line: line}, "", "", zh, "CSV syntax error: "+pe.Err.Error()))
		return
	}
	sink.probs.Add(problem.Problem{Code: "unreadable", File: sink.file, Zh: "无法读取", En: err.Error()})
}

// separator returns the field separator of a text table: a tab when the
// header line holds tabs and no commas, as Excel's "Unicode text" export
// writes it (UTF-16, tab-separated; also when such a file was renamed .csv
// or re-saved as UTF-8), else a comma.
func separator(text string) rune {
	first, _, _ := strings.Cut(text, "\n")
	if strings.Contains(first, "\t") && !strings.Contains(first, ",") {
		return '\t'
	}
	return ','
}
