package load

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongshi/generator/dataset"
	"gongshi/generator/problem"
	"gongshi/generator/safefs"
	"gongshi/generator/schema"
)

// Reading workbooks. A table may be a sheet of data/*.xlsx, named by the
// table's key or its Chinese name (DESIGN.md). Cells are read as the clerk
// sees them, which takes more than Excel's stored text:
//
//   - Dates are numbers (days since 1900) with a date format: a date-formatted
//     number in any column is read as YYYY-MM-DD, whatever the format shows
//     (m/d/yy on an English Windows), so no locale can change it. A number
//     without a date format in a date column (2024 typed into it) stays a
//     number and is reported. A date cell in a number column reads as its
//     date too (reported, quoting what the clerk sees), never as 28611. A
//     date before 1927-05-18 (day 10,000) in a date or year column is a
//     number typed into a date-formatted cell (2024 shows as 1905-07-16):
//     reported, quoting the date shown.
//   - Text cells are read as their text, even when it reads as a number
//     ("2024" or "007" typed as text): a cell's number format does not
//     apply to text, and Excel shows it as typed.
//   - Numbers are read by value, rounded to Excel's 15 significant digits, so
//     12 stays "12" and 0.1 stays "0.1", never 0.30000000000000004. In a text
//     or ID column, a number with a format ("000" showing 007) is read as
//     shown. A percentage format shows the value × 100: 0.803 is read as
//     "80.3%" in any column, which a column out of 100 takes as 80.3.
//   - Formulas are read by the value Excel last computed (the cached value);
//     a formula whose value is an error (#DIV/0!, #N/A …) is reported, and so
//     is one with no saved value (a workbook written by a program), which
//     would otherwise read as an empty cell.
//   - Merged cells: every cell of a merged range reads the range's value (a
//     township merged down over its villages). A merged header cell is an
//     error, and a title row above the header (one merged cell across the
//     columns, as printed registers have) is skipped; so is a title typed
//     into one cell without merging (titles.go).
//   - The used range ends at the last cell with a value: empty trailing rows
//     and columns, formatted or not, are not read.
//   - Hidden sheets are not read, with a warning: a clerk hides a sheet to
//     put it aside, and its rows should not be published unnoticed. Hidden
//     rows and columns are read (a filter hides rows only from view).
//
// excelize reads the file and its rows; it is used nowhere else for
// reading. The merged ranges, number styles and formulas without values
// come from one reading of each sheet's XML (sheetxml.go): excelize gives
// them only by loading the whole sheet as structs, which made a county's
// workbook take seconds and hundreds of MB.

// InstructionsSheet is the sheet of instructions in gongshi's template
// workbook; it is never read as data.
const InstructionsSheet = schema.InstructionsSheet

// workbook is one opened data/*.xlsx file.
type workbook struct {
	file     string // relative, slash-separated
	x        *excelize.File
	date1904 bool
	parts    map[string]*zip.File // worksheet parts by sheet name, to find formulas without values
	// numeric holds the indexes of the shared strings that read as numbers
	// (numericStrings): text cells holding them are read as text.
	numeric map[int]bool
}

// openWorkbook opens a workbook; a file that is not one is reported.
func openWorkbook(dir, rel string, probs *problem.List) *workbook {
	// Read through safefs like every input (no links, no devices, a size
	// cap), then opened from memory.
	b, err := safefs.Read(dir, rel, safefs.MaxTable)
	if p, ok := safefs.AsProblem(err); ok {
		probs.Add(p)
		return nil
	}
	if n := unzippedSize(b); n > maxWorkbookXML {
		mb := (n + 1<<20 - 1) >> 20 // rounded up: never "513 MB" read as "512 MB, more than 512 MB"
		probs.Error(safefs.CodeTooLarge, rel, 0, "", "",
			fmt.Sprintf("工作簿解压后有 %d MB，超过 %d MB 的上限：请把大的工作表另存为 CSV 文件", mb, maxWorkbookXML>>20),
			fmt.Sprintf("the workbook unzips to %d MB, more than the limit of %d MB: save its large sheets as CSV files", mb, maxWorkbookXML>>20))
		return nil
	}
	var x *excelize.File
	if err == nil {
		// Every part is unzipped into memory. By default excelize unzips a
		// sheet of more than 16 MB into a file in the system's temporary
		// folder, which a killed build would leave behind, outside any
		// folder gongshi cleans up; the limit above bounds the memory.
		x, err = excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: maxWorkbookXML, UnzipXMLSizeLimit: maxWorkbookXML})
	}
	if err != nil {
		probs.Error("unreadable", rel, 0, "", "", "无法读取 Excel 工作簿（文件损坏、加密或不是 .xlsx 格式）",
			"cannot read the workbook (damaged, encrypted or not .xlsx): "+err.Error())
		return nil
	}
	parts, sst := worksheetParts(b)
	w := &workbook{file: rel, x: x, parts: parts, numeric: numericStrings(sst)}
	if p, err := x.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		w.date1904 = *p.Date1904
	}
	return w
}

// maxWorkbookXML is the most a workbook may unzip to, all its parts
// together: read in memory, a workbook takes about twice that while it is
// read (5,000 villages: 186 MB of XML, a peak of about 575 MiB). A variable
// so that tests can lower it.
var maxWorkbookXML int64 = 512 << 20

// unzippedSize returns what the parts of the zip archive b unzip to, as its
// directory says (archive/zip refuses a part that unzips to more than its
// entry says); 0 when b is not a zip archive, which opening then reports.
func unzippedSize(b []byte) int64 {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return 0
	}
	var n int64
	for _, f := range z.File {
		if f.UncompressedSize64 > uint64(math.MaxInt64-n) {
			return math.MaxInt64 // a directory that claims more than can be counted
		}
		n += int64(f.UncompressedSize64)
	}
	return n
}

// sheetTable returns the table a sheet is named for: by key (any case),
// Chinese sheet name or Chinese title.
func sheetTable(name string) *schema.Table {
	name = strings.TrimSpace(name)
	for _, t := range schema.Tables {
		if strings.EqualFold(name, t.Name) || name == t.Sheet || name == t.Title {
			return t
		}
	}
	return nil
}

// sheetEmpty reports whether a sheet holds no value at all (or cannot be
// read).
func (w *workbook) sheetEmpty(sheet string) bool { return len(w.firstRows(sheet, 1)) == 0 }

// firstRows returns the first n rows of a sheet that are not empty.
func (w *workbook) firstRows(sheet string, n int) [][]string {
	rows, err := w.x.Rows(sheet)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out [][]string
	for len(out) < n && rows.Next() {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			break
		}
		if !allEmpty(cols) {
			out = append(out, cols)
		}
	}
	return out
}

// readSheet reads one sheet of a workbook into sink.
func readSheet(w *workbook, sheet string, sink *rowSink, drop []string) {
	rows, err := w.x.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		sink.probs.Add(sink.problem("unreadable", pos{}, "", "", "无法读取此工作表", "cannot read the sheet: "+err.Error()))
		sink.incomplete = true
		return
	}
	s := &sheetRecords{w: w, sheet: sheet, rows: rows, sink: sink, styles: map[int]styleKind{}, r: -1}
	if sc, ok := scanSheet(w.parts[sheet], w.numeric); ok {
		s.scan = &sc
	}
	s.merges()
	if len(rows) == 0 || allEmptyRows(rows) {
		sink.probs.Add(sink.problem("empty-file", pos{}, "", "", "工作表为空，至少应有表头行", "empty sheet: expected at least a header row"))
		sink.incomplete = true
		return
	}
	h := 0
	for s.titles[h+1] {
		h++
	}
	// A title typed above the header without merging it (or a blank row):
	// skipped like a merged one when it is one cell; other rows above a
	// header are reported, not read as the header.
	skip, at := leadingTitles(sink.b.table, s.rows[h:min(len(s.rows), h+maxTitleRows)], drop)
	if at >= 0 {
		reportLowHeader(sink, h+at+1)
		return
	}
	for i := 0; i < skip; i++ {
		if s.titles == nil {
			s.titles = map[int]bool{}
		}
		h++
		s.titles[h] = true
	}
	s.mergedHeaders(sink)
	// GetRows cuts each row after its last value: the header row is as wide
	// as the widest row, so that a value under no header is reported.
	width := 0
	for _, r := range s.rows {
		width = max(width, len(r))
	}
	if h < len(s.rows) {
		for len(s.rows[h]) < width {
			s.rows[h] = append(s.rows[h], "")
		}
	}
	readRecords(s, sink, drop)
	if len(s.rects) == 0 && (s.scan == nil || len(s.scan.unvalued) == 0) {
		return
	}
	read := map[int]bool{}
	for i := 0; i < sink.rows.Len(); i++ {
		read[sink.rows.Index(i).Field(0).Interface().(dataset.Src).Row()] = true
	}
	s.mergedAcross(read)
	// A formula without a saved value reads as empty: say so at the cell,
	// as the clerk sees a number there; only in the rows read (not a
	// title, the header or a footer row) and columns that are fields.
	if s.scan == nil || len(s.scan.unvalued) == 0 {
		return
	}
	for _, u := range s.scan.unvalued {
		c, r, err := cellCoordinates(u.cell)
		f := s.field(c)
		if err != nil || f == nil || !read[r] {
			continue
		}
		key := f.Key
		v := ""
		if u.formula != "" {
			v = "=" + u.formula
		}
		sink.probs.Add(sink.problem("formula-no-value", pos{r, c, r}, key, v,
			"单元格是公式，但文件里没有保存计算结果（程序生成的表格常会这样），读出来是空的：请用 Excel 或 WPS 打开后保存一次，或改填数值",
			"the cell holds a formula but the file has no saved value for it (as workbooks written by programs often do), so it reads as empty: open and save the workbook once in Excel or WPS, or enter the value"))
	}
}

func allEmptyRows(rows [][]string) bool {
	for _, r := range rows {
		if !allEmpty(r) {
			return false
		}
	}
	return true
}

// sheetRecords yields a sheet's rows as records (see recordReader).
type sheetRecords struct {
	w      *workbook
	sheet  string
	rows   [][]string // raw values, as GetRows gives them
	sink   *rowSink
	r      int      // index of the last record in rows
	header []string // the header row as read, to type the cells below it
	// topLeft maps every cell of a merged range to the range's first cell.
	topLeft map[[2]int][2]int
	// titles are rows above the header that are one merged cell across
	// columns (a register's title): skipped.
	titles map[int]bool
	styles map[int]styleKind // style index → how its numbers read
	// mergedHead holds the 0-based columns of header cells merged across
	// columns (reported once, not read).
	mergedHead map[int]bool
	// scan is the sheet's merged ranges and number styles, read from its
	// XML once; nil when that reading failed, and excelize is asked.
	scan *sheetScan
	// rects are the merged ranges.
	rects []mergeRect
}

// mergeRect is a merged range, 1-based, inclusive.
type mergeRect struct{ c1, r1, c2, r2 int }

func (s *sheetRecords) mergedHeader(i int) bool { return s.mergedHead[i] }

// merges reads the sheet's merged ranges: values fill every cell of a range,
// and leading rows that are one merged range are titles.
func (s *sheetRecords) merges() {
	var ms [][2]string
	if s.scan != nil {
		ms = s.scan.merges
	} else if cells, err := s.w.x.GetMergeCells(s.sheet, true); err == nil {
		for _, m := range cells {
			ms = append(ms, [2]string{m.GetStartAxis(), m.GetEndAxis()})
		}
	}
	if len(ms) == 0 {
		return
	}
	s.topLeft = map[[2]int][2]int{}
	s.titles = map[int]bool{}
	var rects []mergeRect
	for _, m := range ms {
		c1, r1, err1 := excelize.CellNameToCoordinates(m[0])
		c2, r2, err2 := excelize.CellNameToCoordinates(m[1])
		if err1 != nil || err2 != nil || (r2-r1+1)*(c2-c1+1) > 1<<20 {
			continue
		}
		rects = append(rects, mergeRect{c1, r1, c2, r2})
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				s.topLeft[[2]int{c, r}] = [2]int{c1, r1}
			}
		}
	}
	// Title rows: from the top, rows whose values all lie in one range
	// spanning columns.
	for r := 1; r <= len(s.rows) && r <= 5; r++ {
		title := false
		for _, m := range rects {
			if m.r1 <= r && r <= m.r2 && m.c2 > m.c1 && onlyIn(s.rows[r-1], m.c1, m.c2) {
				title = true
			}
		}
		if !title {
			break
		}
		s.titles[r] = true
	}
	// Fill the ranges with their first cell's value.
	for cell, tl := range s.topLeft {
		if cell == tl {
			continue
		}
		v := s.raw(tl[1]-1, tl[0]-1)
		if v == "" {
			continue
		}
		r, c := cell[1]-1, cell[0]-1
		for len(s.rows) <= r {
			s.rows = append(s.rows, nil)
		}
		for len(s.rows[r]) <= c {
			s.rows[r] = append(s.rows[r], "")
		}
		s.rows[r][c] = v
	}
	s.rects = rects
}

// mergedHeaders reports header cells merged across columns, which would
// read as two columns of one name, and sets them aside (see mergedHeader).
func (s *sheetRecords) mergedHeaders(sink *rowSink) {
	hr := 1
	for s.titles[hr] {
		hr++
	}
	for _, m := range s.rects {
		if m.r1 <= hr && hr <= m.r2 && m.c2 > m.c1 {
			if s.mergedHead == nil {
				s.mergedHead = map[int]bool{}
			}
			for c := m.c1; c <= m.c2; c++ {
				s.mergedHead[c-1] = true
			}
			sink.probs.Add(sink.problem("merged-header", pos{hr, m.c1, hr}, "", s.raw(m.r1-1, m.c1-1),
				"表头单元格不能合并（"+problem.CellName(m.c1, m.r1)+":"+problem.CellName(m.c2, m.r2)+"），请取消合并，每列一个表头",
				"a header cell is merged across columns ("+problem.CellName(m.c1, m.r1)+":"+problem.CellName(m.c2, m.r2)+"): unmerge it, one header per column"))
		}
	}
}

// mergedAcross reports each merged range of the rows read (read: Excel
// row numbers) that spans two or more columns of fields: every cell of a
// range reads its value, so a pledge's 内容 merged over 目标, or 人口 over
// 户数, would publish the one value in both columns. A range down one
// column (a township merged over its villages) is read as meant.
func (s *sheetRecords) mergedAcross(read map[int]bool) {
	for _, m := range s.rects {
		if m.c2 == m.c1 {
			continue
		}
		row := 0
		for r := m.r1; r <= m.r2 && row == 0; r++ {
			if read[r] {
				row = r
			}
		}
		var keys []string // the columns' headers, as the sheet writes them
		for c := m.c1; c <= m.c2; c++ {
			if f := s.field(c); f != nil {
				keys = append(keys, strings.TrimSpace(s.header[c-1]))
			}
		}
		if row == 0 || len(keys) < 2 {
			continue
		}
		v := s.raw(m.r1-1, m.c1-1)
		if v == "" {
			continue // an empty range reads as empty cells
		}
		rng := problem.CellName(m.c1, m.r1) + ":" + problem.CellName(m.c2, m.r2)
		key := ""
		if f := s.field(m.c1); f != nil {
			key = f.Key
		}
		if v[0] != '#' {
			v = s.value(m.r1, m.c1, v) // as the clerk sees it (a date, not its serial)
		}
		s.sink.probs.Add(s.sink.problem("merged-cells", pos{m.r1, m.c1, m.r1}, key, v,
			"单元格 "+rng+" 跨列合并，"+strings.Join(keys, "、")+" 各列都会读到这个值：请取消合并，每列填写自己的值（没有的留空）",
			"the cells "+rng+" are merged across columns, so "+strings.Join(keys, ", ")+" would each read this value: unmerge them and give each column its own value (or leave it empty)"))
	}
}

// onlyIn reports whether the row has values only in columns c1…c2 (1-based).
func onlyIn(row []string, c1, c2 int) bool {
	any := false
	for i, v := range row {
		if strings.TrimSpace(v) == "" {
			continue
		}
		if i+1 < c1 || i+1 > c2 {
			return false
		}
		any = true
	}
	return any
}

func (s *sheetRecords) raw(r, c int) string {
	if r < len(s.rows) && c < len(s.rows[r]) {
		return s.rows[r][c]
	}
	return ""
}

func (s *sheetRecords) next() ([]string, bool) {
	s.r++
	for s.titles[s.r+1] && s.header == nil {
		s.r++
	}
	if s.r >= len(s.rows) {
		return nil, false
	}
	rec := s.rows[s.r]
	if s.header == nil {
		s.header = rec
		return rec, true
	}
	out := make([]string, len(rec))
	for i, v := range rec {
		out[i] = s.value(s.r+1, i+1, v)
	}
	return out, true
}

func (s *sheetRecords) at(i int) pos { return pos{line: s.r + 1, col: i + 1, row: s.r + 1} }

func (s *sheetRecords) emptyColumn(i int) bool {
	for r, row := range s.rows {
		if s.titles[r+1] {
			continue
		}
		if i < len(row) && strings.TrimSpace(row[i]) != "" {
			return false
		}
	}
	return true
}

// field returns the field of column c (1-based) by the header, or nil.
func (s *sheetRecords) field(c int) *schema.Field {
	if c-1 >= len(s.header) {
		return nil
	}
	f, _ := s.sink.b.table.Lookup(strings.TrimSpace(strings.TrimPrefix(s.header[c-1], "\uFEFF")))
	return f
}

// styleKind is how a number cell with a given style reads.
type styleKind uint8

const (
	styleGeneral styleKind = iota // General: the number itself
	styleDate                     // a date format: YYYY-MM-DD
	stylePercent                  // a percentage (0%, 0.0%): shown as the number × 100 with %
	styleOther                    // another format (000, #,##0, …): as shown, in text columns
)

// value returns cell (r, c) (1-based) as the clerk sees it (see the top of
// this file). v is its raw value.
func (s *sheetRecords) value(r, c int, v string) string {
	if v == "" {
		return ""
	}
	if v[0] == '#' && isExcelError(v) {
		cell := s.origin(c, r)
		if t, _ := s.w.x.GetCellType(s.sheet, problem.CellName(cell[0], cell[1])); t == excelize.CellTypeError {
			key := ""
			if f := s.field(c); f != nil {
				key = f.Key
			}
			s.sink.probs.Add(s.sink.problem("cell-error", pos{r, c, r}, key, v,
				"公式的结果是错误值，请修正公式或改填数值", "the formula's value is an error: fix the formula or enter the value"))
			return ""
		}
		return v
	}
	if !numberLike(v) {
		return v // text (a number never looks like this in the file)
	}
	cell := s.origin(c, r)
	if s.isText(cell[0], cell[1]) {
		// Text that reads as a number ("2024", "007"): Excel shows it as
		// typed, whatever the cell's format, so it is read as typed.
		return v
	}
	x, _ := strconv.ParseFloat(v, 64)
	f := s.field(c)
	kind := s.style(cell[0], cell[1])
	if kind == styleDate && f != nil && (f.Type == schema.Date || f.Type == schema.Year) && x >= 1 && x < minDateSerial {
		return s.typedIntoDate(r, c, f, x)
	}
	numeric := f != nil && (f.Type == schema.Int || f.Type == schema.Number || f.Type == schema.Year || f.Type == schema.Bool)
	if numeric {
		// The number as the clerk reads it: 0.803 shown as 80.3% is
		// "80.3%" (a column out of 100 takes it as 80.3, another reports
		// it: see parseCell), a date is its date, never the serial 28611.
		// Other formats (0.0, #,##0, 0"分") only round or decorate the
		// number, which is read by value.
		switch kind {
		case stylePercent:
			return cleanNumber(x*100) + "%"
		case styleDate:
			if d, ok := s.date(x); ok {
				return d
			}
		}
		return cleanNumber(x)
	}
	name := problem.CellName(cell[0], cell[1])
	switch kind {
	case styleDate:
		if d, ok := s.date(x); ok {
			return d
		}
	case styleOther, stylePercent:
		if shown, err := s.w.x.GetCellValue(s.sheet, name); err == nil && shown != "" {
			return shown
		}
	}
	return cleanNumber(x)
}

// minDateSerial is the serial of 1927-05-18, day 10,000: a date cell
// before it in a date or year column is no date of these records but a
// number typed into a cell formatted as a date (2024, a year, shows as
// 1905-07-16), which the cell's format hides.
const minDateSerial = 10000

// typedIntoDate records the problem of cell (r, c) of a date or year
// column: a number x shown as a date long past, because it was typed into
// a date-formatted cell. The cell is reported once, by the sink (see
// rowSink.bad), quoting the date Excel shows.
func (s *sheetRecords) typedIntoDate(r, c int, f *schema.Field, x float64) string {
	shown, _ := s.date(x)
	n := cleanNumber(x)
	e := &cellError{code: "date-serial",
		zh: "单元格显示为 " + shown + "，像是在日期格式的单元格里填了数字 " + n + "（Excel 把数字当作从 1900 年起的天数）：请填写完整日期，如 2024-03-15",
		en: "the cell shows " + shown + ": the number " + n + " seems to have been typed into a cell formatted as a date (Excel counts it as days from 1900): enter the full date, such as 2024-03-15"}
	if f.Type == schema.Year {
		e.zh = "单元格显示为 " + shown + "，像是在日期格式的单元格里填了年份 " + n + "：请把单元格格式改为“常规”，填写四位年份"
		e.en = "the cell shows " + shown + ": the year " + n + " seems to have been typed into a cell formatted as a date: set the cell's format to General and enter the four-digit year"
	}
	s.sink.markBad(r, c, e)
	return shown
}

// isText reports whether cell (c, r), 1-based, is a text cell (sheetScan.text).
func (s *sheetRecords) isText(c, r int) bool {
	if s.scan != nil {
		return s.scan.text[[2]int32{int32(c), int32(r)}]
	}
	t, err := s.w.x.GetCellType(s.sheet, problem.CellName(c, r))
	return err == nil && (t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString || t == excelize.CellTypeFormula)
}

// origin returns the cell whose value (c, r) shows: the first cell of its
// merged range, or itself.
func (s *sheetRecords) origin(c, r int) [2]int {
	if tl, ok := s.topLeft[[2]int{c, r}]; ok {
		return tl
	}
	return [2]int{c, r}
}

// style returns how numbers with the cell's style read, cached per style.
func (s *sheetRecords) style(c, r int) styleKind {
	var idx int
	if s.scan != nil {
		idx = s.scan.style(c, r)
	} else {
		i, err := s.w.x.GetCellStyle(s.sheet, problem.CellName(c, r))
		if err != nil {
			return styleGeneral
		}
		idx = i
	}
	if idx == 0 {
		return styleGeneral
	}
	if k, ok := s.styles[idx]; ok {
		return k
	}
	k := styleGeneral
	if st, err := s.w.x.GetStyle(idx); err == nil {
		custom := ""
		if st.CustomNumFmt != nil {
			custom = *st.CustomNumFmt
		}
		switch {
		case isDateFormat(st.NumFmt, custom):
			k = styleDate
		case isPercentFormat(st.NumFmt, custom):
			k = stylePercent
		case st.NumFmt != 0 || (custom != "" && !strings.EqualFold(custom, "General")):
			k = styleOther
		}
	}
	s.styles[idx] = k
	return k
}

// date converts a date serial to YYYY-MM-DD (the time of day is dropped);
// ok is false outside the years a date cell may hold.
func (s *sheetRecords) date(x float64) (string, bool) {
	if x < 1 {
		return "", false // a time of day alone
	}
	t, err := excelize.ExcelDateToTime(math.Floor(x), s.w.date1904)
	if err != nil || t.Year() < 1900 || t.Year() > 2200 {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// builtinDates are Excel's built-in number formats that show a date
// (ECMA-376 18.8.30, with the CJK ones 27–31, 36, 50–54, 57, 58); 18–21,
// 32–35, 45–47, 55 and 56 are times of day.
var builtinDates = map[int]bool{14: true, 15: true, 16: true, 17: true, 22: true,
	27: true, 28: true, 29: true, 30: true, 31: true, 36: true,
	50: true, 51: true, 52: true, 53: true, 54: true, 57: true, 58: true}

// isDateFormat reports whether a number format shows a date: a built-in
// date format, or a custom code with a year or day part outside quoted text,
// escapes and [brackets].
func isDateFormat(id int, custom string) bool {
	if custom == "" {
		return builtinDates[id]
	}
	code := formatCode(custom)
	return strings.ContainsAny(code, "yd") && !strings.Contains(code, "general")
}

// isPercentFormat reports whether a number format shows the number × 100
// with a percent sign: the built-in 0% and 0.00% (9 and 10), or a custom code
// with a % outside quoted text, escapes and [brackets] (0.0%, as typing
// "80.3%" gives; \% or "%" is a literal sign and does not multiply).
func isPercentFormat(id int, custom string) bool {
	if custom == "" {
		return id == 9 || id == 10
	}
	return strings.Contains(formatCode(custom), "%")
}

// formatCode returns the part of a custom number format that formats the
// positive numbers, without quoted text, escaped characters and
// [brackets], in lower case.
func formatCode(custom string) string {
	var b strings.Builder
	quoted, bracket := false, false
	for i := 0; i < len(custom); i++ {
		ch := custom[i]
		switch {
		case quoted:
			quoted = ch != '"'
		case bracket:
			bracket = ch != ']'
		case ch == '"':
			quoted = true
		case ch == '[':
			bracket = true
		case ch == '\\' || ch == '_' || ch == '*':
			i++ // the next character is literal (or padding)
		default:
			b.WriteByte(ch)
		}
	}
	code := strings.ToLower(b.String())
	code, _, _ = strings.Cut(code, ";") // the positive-number section decides
	return code
}

// excelErrors are the values Excel shows for a formula that failed.
var excelErrors = map[string]bool{"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true,
	"#NAME?": true, "#NUM!": true, "#N/A": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true}

func isExcelError(v string) bool { return excelErrors[v] }

// cleanNumber formats a number cell as Excel shows it in General format at
// most: rounded to 15 significant digits, without exponent or trailing zeros.
func cleanNumber(x float64) string {
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	if err != nil {
		r = x
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
