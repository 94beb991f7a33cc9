package load

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"gongshi/generator/dataset"
	"gongshi/generator/privacy"
	"gongshi/generator/problem"
	"gongshi/generator/safefs"
	"gongshi/generator/schema"
)

// Load reads the site source in dir. It returns the dataset (indexed, not yet
// validated across rows or derived) and every problem found while reading.
// The error is for failures that are not the input's fault (I/O); a bad input
// is reported as problems, never as the error.
func Load(dir string) (*dataset.Dataset, *problem.List, error) {
	probs := &problem.List{}
	d := &dataset.Dataset{}
	site, ok := readSite(dir, probs)
	d.Site = site
	if !ok {
		return d, probs, nil
	}
	if isLink(filepath.Join(dir, "data")) {
		probs.Add(safefs.SymlinkProblem("data"))
		return d, probs, nil
	}
	d.Rules = readRules(dir, probs)
	bindings, err := bind(d)
	if err != nil {
		return nil, nil, err
	}
	jobs, err := findFiles(dir, bindings, probs)
	if err != nil {
		return nil, nil, err
	}
	shared := shareRows(dir, jobs)
	readAll(dir, jobs, d, probs)
	closeWorkbooks(jobs)
	total := map[*binding]int{}
	files := map[*binding]int{}
	for _, j := range jobs {
		total[j.binding] += j.sink.rows.Len()
		files[j.binding]++
	}
	for b, arr := range shared {
		if !joinShared(b, arr, jobs) {
			delete(shared, b)
		}
	}
	for _, j := range jobs {
		b := j.binding
		switch {
		case shared[b].IsValid(): // joined in place by joinShared
		case files[b] == 1: // the file's rows are the table's: no copy
			b.rows.Elem().Set(j.sink.rows)
		default:
			if b.rows.Elem().Cap() == 0 {
				b.rows.Elem().Set(newRows(b.rows.Elem().Type(), 0, total[b]))
			}
			b.rows.Elem().Set(reflect.AppendSlice(b.rows.Elem(), j.sink.rows))
		}
		j.sink.rows = reflect.Value{} // let the file's copy go
		j.sink.strs = nil
		probs.Merge(*j.sink.probs)
	}
	d.Headers = map[dataset.SrcFile]map[string]dataset.Header{}
	for _, j := range jobs {
		if j.sink.header != nil {
			d.Headers[dataset.SrcFile{File: j.file, Sheet: j.sink.sheet}] = j.sink.header
		}
	}
	state := map[*schema.Table]tableState{}
	for _, b := range bindings {
		state[b.table] = tableState{missing: true}
	}
	for _, j := range jobs {
		st := state[j.binding.table]
		st.missing = false
		st.incomplete = st.incomplete || j.sink.incomplete
		if st.file == "" {
			st.file = j.where()
		}
		state[j.binding.table] = st
	}
	checkKeys(bindings, state, probs)
	if !d.Site.Privacy.PublishBirthYear {
		for i := range d.Secretaries {
			d.Secretaries[i].BirthYear = nil
		}
	}
	d.Index()
	return d, probs, nil
}

// job is one data file (or one sheet of a workbook) to read into one table.
type job struct {
	binding *binding
	file    string // relative, slash-separated
	isTOML  bool
	wb      *workbook // a workbook's sheet, when not nil
	sheet   string
	sink    *rowSink
	// window, when valid, is the part of the table's one array that this
	// file's rows are read into (see shareRows).
	window reflect.Value
}

// shareRows gives the files of a table kept in several CSV files (a
// province's trainings, one file a year) one array for all their rows:
// each file reads into its own window of it, as many rows long as the file
// has lines, so that joining them moves rows within the array (joinShared)
// instead of copying every file's rows into a second one. Counting the
// lines reads each file once more, which the disk cache makes cheap.
func shareRows(dir string, jobs []*job) map[*binding]reflect.Value {
	byTable := map[*binding][]*job{}
	for _, j := range jobs {
		byTable[j.binding] = append(byTable[j.binding], j)
	}
	shared := map[*binding]reflect.Value{}
	for b, js := range byTable {
		if len(js) < 2 {
			continue
		}
		lines := make([]int, len(js))
		total := 0
		ok := true
		for i, j := range js {
			if j.isTOML || j.wb != nil {
				ok = false
				break
			}
			data, err := safefs.Read(dir, j.file, safefs.MaxTable)
			if err != nil {
				ok = false // reported when the file is read
				break
			}
			lines[i] = bytes.Count(data, []byte{'\n'}) + 1
			total += lines[i]
		}
		if !ok {
			continue
		}
		arr := newRows(b.rows.Elem().Type(), total, total)
		off := 0
		for i, j := range js {
			j.window = arr.Slice3(off, off, off+lines[i])
			off += lines[i]
		}
		shared[b] = arr
	}
	return shared
}

// joinShared moves the rows of a shared table's files together, in file
// order, to the start of its array and makes that the table, reporting
// whether it could: a file with more rows than lines has left its window
// (the sink grew its own array), and its rows would overwrite the next
// file's, so the table is then joined by copying as usual.
func joinShared(b *binding, arr reflect.Value, jobs []*job) bool {
	var js []*job
	for _, j := range jobs {
		if j.binding == b {
			if !j.window.IsValid() || j.sink.rows.Pointer() != j.window.Pointer() {
				return false
			}
			js = append(js, j)
		}
	}
	filled := 0
	for _, j := range js {
		n := j.sink.rows.Len()
		reflect.Copy(arr.Slice(filled, filled+n), j.sink.rows) // moves left: never over a later file's rows
		filled += n
	}
	// The rows left behind past the end are copies: clear them, so that
	// the strings they point to can go.
	tail := arr.Slice(filled, arr.Len())
	reflect.Copy(tail, reflect.MakeSlice(arr.Type(), tail.Len(), tail.Len()))
	b.rows.Elem().Set(arr.Slice3(0, filled, filled))
	return true
}

// where names a job's source in a message: the file, or file:sheet.
func (j *job) where() string {
	if j.wb != nil {
		return j.file + ":" + j.sheet
	}
	return j.file
}

// findFiles lists the files of every table, in a fixed order: data/<t>.csv,
// data/<t>.txt (Excel's "Unicode text"), data/<t>.toml, then data/<t>/*
// sorted by name, then the sheets of the workbooks data/*.xlsx. Other files
// and sheets are reported, since a misspelt name would otherwise be
// ignored: as warnings, or as errors while some table is missing (the
// misspelt one may be it). A table given by a sheet and by another file or sheet
// is an error: rows in two places would not say which is current.
func findFiles(dir string, bindings []binding, probs *problem.List) ([]*job, error) {
	entries, err := os.ReadDir(filepath.Join(dir, "data"))
	if os.IsNotExist(err) {
		probs.Error("missing-folder", "data", 0, "", "", "找不到 data 目录", "the data/ folder is missing")
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	known := map[string]bool{"rules.toml": true}
	var jobs []*job
	// Files and sheets that name no table are held back until it is known
	// whether a table is missing: then one of them is likely it, misspelt,
	// and ignoring it would publish a site without that table.
	var unknown []unknownPlace
	// read are the tables' own files as found: on a file system that
	// ignores case, data/Trainings.csv is data/trainings.csv and was read.
	var read []os.FileInfo
	wasRead := func(n string) bool {
		fi, err := os.Lstat(filepath.Join(dir, "data", n))
		if err != nil {
			return false
		}
		for _, r := range read {
			if os.SameFile(fi, r) {
				return true
			}
		}
		return false
	}
	add := func(b *binding, rel string) {
		jobs = append(jobs, &job{binding: b, file: rel, isTOML: strings.HasSuffix(rel, ".toml")})
	}
	for i := range bindings {
		b := &bindings[i]
		name := b.table.Name
		for _, ext := range []string{".csv", ".txt", ".toml"} {
			// Lstat: a link is taken as the table's file, so that reading it
			// reports the link instead of the table being silently missing.
			if fi, err := os.Lstat(filepath.Join(dir, "data", name+ext)); err == nil && !fi.IsDir() {
				add(b, "data/"+name+ext)
				known[name+ext] = true
				read = append(read, fi)
			}
		}
		if isLink(filepath.Join(dir, "data", name)) {
			known[name] = true
			probs.Add(safefs.SymlinkProblem("data/" + name))
			continue
		}
		sub, err := os.ReadDir(filepath.Join(dir, "data", name))
		if err == nil {
			known[name] = true
			for _, e := range sub {
				n := e.Name()
				switch {
				case e.IsDir() || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "~$") || osFile(strings.ToLower(n)):
				case strings.HasSuffix(n, ".csv") || strings.HasSuffix(n, ".txt") || strings.HasSuffix(n, ".toml"):
					add(b, path.Join("data", name, n))
				case otherSpreadsheet(strings.ToLower(n)) != nil || strings.HasSuffix(strings.ToLower(n), ".xlsx"):
					// Rows the clerk meant as the table's: never ignored with a warning.
					probs.Error("unread-spreadsheet", path.Join("data", name, n), 0, "", "",
						"表的文件夹 data/"+name+"/ 里只读取 CSV 和 TOML 文件，这个表格文件没有读取：请另存为 CSV，或把其中的行并入 data/ 里工作簿的“"+b.table.Sheet+"”工作表",
						"the folder data/"+name+"/ of a table is read for CSV and TOML files only, so this spreadsheet was not read: save it as CSV, or move its rows into the sheet "+b.table.Sheet+" of the workbook in data/")
				default:
					probs.Warn("unknown-file", path.Join("data", name, n), 0, "", "", "不是 CSV 或 TOML 文件，已忽略", "not a CSV or TOML file: ignored")
				}
			}
		}
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	var books []string // the workbooks, read after the loop (see copyName)
	for _, n := range names {
		low := strings.ToLower(n)
		switch {
		case known[n] || strings.HasPrefix(n, ".") || wasRead(n):
		case strings.HasPrefix(n, "~$") || osFile(low):
			// Excel's lock file beside a workbook that is open, or a file
			// Windows or macOS leaves in any folder: not data.
		case strings.HasSuffix(low, ".xlsx") || strings.HasSuffix(low, ".xlsm"):
			books = append(books, n)
		case otherSpreadsheet(low) != nil:
			probs.Add(*otherSpreadsheet(low).problem("data/" + n))
		case backupFile(low):
			probs.Add(problem.Problem{Code: "unknown-file", File: "data/" + n, Severity: problem.Warning,
				Zh: "备份或临时文件（Excel、WPS 保存时留下的），未读取；不需要的话请把它移出 data 文件夹",
				En: "a backup or temporary file (as Excel and WPS leave when saving): not read; move it out of the data folder if it is not needed"})
		default:
			pr := problem.Problem{Code: "unknown-file", File: "data/" + n, Severity: problem.Warning,
				Zh: "不是已知的数据表，已忽略；文件名应为表的英文键：" + fileKeys("（", "）", "、"),
				En: "not a known table: ignored; files are named by the table's key: " + fileKeys(" (", ")", ", ")}
			ext := path.Ext(low)
			tableFile := ext == ".csv" || ext == ".txt" || ext == ".toml"
			if t := sheetTable(strings.TrimSuffix(n, path.Ext(n))); t != nil && tableFile {
				pr.Zh = "文件名应为 " + t.Name + ext + "（" + t.Sheet + "表的英文键），否则不会读取"
				pr.En = "name it " + t.Name + ext + " (the key of the table " + t.Sheet + "), or it is not read"
			}
			if tableFile {
				u := unknownPlace{pr: pr}
				if ext != ".toml" {
					u.header = headerTable(firstRecords(dir, "data/"+n, 3))
				}
				unknown = append(unknown, u)
			} else {
				probs.Add(pr) // a document beside the data: never a table
			}
		}
	}
	// A copy the clerk saved beside the workbook (台账 - 副本.xlsx,
	// 台账(1).xlsx) sorts before it: the workbook is read first, so that
	// the copy is the one reported unread and the problems found are at
	// the workbook's cells.
	sort.SliceStable(books, func(i, j int) bool { return !copyName(books[i]) && copyName(books[j]) })
	for _, n := range books {
		jobs = append(jobs, workbookJobs(dir, "data/"+n, bindings, jobs, &unknown, probs)...)
	}
	found := map[*schema.Table]bool{}
	home := map[*schema.Table]*job{} // where each table found is (its first place)
	for _, j := range jobs {
		found[j.binding.table] = true
		if home[j.binding.table] == nil {
			home[j.binding.table] = j
		}
	}
	var missing, missingEn []string
	var absent []*schema.Table
	for _, b := range bindings {
		t := b.table
		if found[t] {
			continue
		}
		absent = append(absent, t)
		missing, missingEn = append(missing, t.Sheet), append(missingEn, t.Name)
		if t.Required {
			zh, en := tableHome(t)
			probs.Error("missing-table", "data", 0, "", "", "缺少必需的数据表"+t.Sheet+"（"+t.Name+"）：应为"+zh, "the required table "+t.Name+" is missing: "+en)
		}
	}
	for _, u := range unknown {
		pr := u.pr
		switch t := u.header; {
		case t != nil && slices.Contains(absent, t):
			// A sheet or file renamed (Sheet1, export.csv) but still headed as
			// the table it holds.
			zhName, enName := "工作表名不是“"+t.Sheet+"”", "the sheet is not named "+t.Sheet
			zhFix, enFix := "请把工作表改名为 "+t.Sheet, "rename the sheet "+t.Sheet+" (or "+t.Name+")"
			if pr.Sheet == "" {
				file := t.Name + path.Ext(pr.File)
				zhName, enName = "文件名不是 "+file, "the file is not named "+file
				zhFix, enFix = "请把文件改名为 "+file, "rename the file "+file
			}
			pr.Severity = problem.Error
			pr.Zh = "表头与" + t.Sheet + "（" + t.Name + "）表一致，但" + zhName + "，所以没有读取，网站将没有" + t.Sheet + "表：" + zhFix
			pr.En = "its headers are those of the table " + t.Name + ", which is missing, but " + enName + ", so it was not read and the site would have no " + t.Name + ": " + enFix
		case t != nil && home[t] != nil:
			// Rows moved to a sheet or file of their own (培训2025 beside
			// 培训): read as an unknown place, they would be missing from
			// the site with only a warning.
			pr.Code = "table-split"
			pr.Severity = problem.Error
			h := home[t]
			zhHome, enHome := "“"+h.sheet+"”工作表", "the sheet "+h.sheet
			switch {
			case h.wb == nil:
				zhHome, enHome = " "+h.file, h.file
			case h.file != pr.File:
				zhHome, enHome = " "+h.file+" 的“"+h.sheet+"”工作表", "the sheet "+h.sheet+" of "+h.file
			}
			if pr.Sheet != "" {
				pr.Zh = "表头与“" + t.Sheet + "”相同：一张表只能在一个工作表里，此工作表未读取；请把这些行并入" + zhHome
				pr.En = "its headers are those of the table " + t.Name + " (" + t.Sheet + "): a table may be in one sheet only, so this sheet was not read; move these rows into " + enHome
			} else {
				pr.Zh = "表头与“" + t.Sheet + "”相同，但文件名不是表的英文键，此文件未读取；请把这些行并入" + zhHome
				pr.En = "its headers are those of the table " + t.Name + " (" + t.Sheet + "), but the file is not named for it, so it was not read; move these rows into " + enHome
				if h.wb == nil { // CSV files of one table may share its folder
					pr.Zh += "，或把一张表的各个文件都放进 data/" + t.Name + "/ 文件夹"
					pr.En += ", or put all the table's files in the folder data/" + t.Name + "/"
				}
			}
		case resemblesAny(unknownName(pr), absent):
			pr.Severity = problem.Error
			pr.Zh += "。没有找到表：" + strings.Join(missing, "、") + "；若这就是其中之一，请改正名字（确实没有这些记录的，删除或改名此文件或工作表）"
			pr.En += ". No table found for: " + strings.Join(missingEn, ", ") + "; if this is one of them, correct its name (if there are no such records, remove or rename this file or sheet)"
		}
		probs.Add(pr)
	}
	return jobs, nil
}

// spreadsheetFormat is a spreadsheet file format gongshi cannot read.
type spreadsheetFormat struct {
	code, zh, en string
}

// otherSpreadsheet returns the format of a spreadsheet file that is not
// .xlsx, by its lower-case name, or nil. Such a file in data/ is an error,
// never a warning: WPS saves .et and "Save As" offers .xls, so a stale
// .xlsx beside the clerk's current .et would be published unnoticed.
func otherSpreadsheet(low string) *spreadsheetFormat {
	switch path.Ext(low) {
	case ".xls", ".xlt":
		return &spreadsheetFormat{"old-excel", "旧版 Excel 格式（" + path.Ext(low) + "）", "old Excel format (" + path.Ext(low) + ")"}
	case ".et", ".ett":
		return &spreadsheetFormat{"old-excel", "WPS 表格格式（" + path.Ext(low) + "）", "WPS spreadsheet format (" + path.Ext(low) + ")"}
	case ".xlsb":
		return &spreadsheetFormat{"not-xlsx", "Excel 二进制工作簿格式（.xlsb）", "Excel binary workbook format (.xlsb)"}
	case ".ods", ".fods":
		return &spreadsheetFormat{"not-xlsx", "LibreOffice/OpenDocument 表格格式（" + path.Ext(low) + "）", "LibreOffice/OpenDocument spreadsheet format (" + path.Ext(low) + ")"}
	case ".numbers":
		return &spreadsheetFormat{"not-xlsx", "Apple Numbers 格式（.numbers）", "Apple Numbers format (.numbers)"}
	}
	return nil
}

// problem reports the file rel in the format as unread.
func (f *spreadsheetFormat) problem(rel string) *problem.Problem {
	return &problem.Problem{Code: f.code, File: rel, Severity: problem.Error,
		Zh: f.zh + "，无法读取，其中的数据不会发布：请用 Excel、WPS 或 LibreOffice 打开，另存为 .xlsx（Excel 工作簿）后删除此文件；如果它只是旧的副本，请把它移出 data 文件夹",
		En: f.en + " cannot be read, so none of its rows would be published: open it in Excel, WPS or LibreOffice, save it as .xlsx (Excel workbook) and delete this file; if it is only an old copy, move it out of the data folder"}
}

// unknownPlace is a file or sheet that no table's name fits: its warning,
// and the table its header row names, if it names one.
type unknownPlace struct {
	pr     problem.Problem
	header *schema.Table
}

// headerTable returns the table that one of rows (the first rows of a
// sheet: a merged title may come before the header) names every required
// column of, the one it names most columns of if several; nil if none.
func headerTable(rows [][]string) *schema.Table {
	var best *schema.Table
	most := 0
	for _, t := range schema.Tables {
		all := 0 // the table's required columns
		for _, f := range t.Fields {
			if f.Required {
				all++
			}
		}
		for _, row := range rows {
			seen := map[string]bool{}
			required := 0 // required columns the row names
			for _, c := range row {
				if f, ok := t.Lookup(strings.TrimSpace(c)); ok && !seen[f.Key] {
					seen[f.Key] = true
					if f.Required {
						required++
					}
				}
			}
			if all >= 2 && required == all && len(seen) > most {
				best, most = t, len(seen)
			}
		}
	}
	return best
}

// firstRecords returns the first n records of a CSV or Unicode-text file
// that are not empty, decoded as the file's own table would be.
func firstRecords(dir, rel string, n int) [][]string {
	b, err := safefs.Read(dir, rel, safefs.MaxTable)
	if err != nil {
		return nil
	}
	text := decodeText(rel, b, "", &problem.List{})
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.FieldsPerRecord = separator(text), -1
	var out [][]string
	for len(out) < n {
		rec, err := r.Read()
		if err != nil {
			break
		}
		if !allEmpty(rec) {
			out = append(out, rec)
		}
	}
	return out
}

// unknownName is the name of an unknown sheet, or of an unknown file
// without its extension.
func unknownName(pr problem.Problem) string {
	if pr.Sheet != "" {
		return pr.Sheet
	}
	n := path.Base(pr.File)
	return strings.TrimSuffix(n, path.Ext(n))
}

// resemblesAny reports whether an unknown file or sheet may be one of the
// missing tables misnamed: its name holds a table's key or Chinese name, or
// is held in one (培训记录 for 培训, training for trainings, 承诺进展 itself
// as a file). A stray notes.csv while the optional 处理 is missing is not.
func resemblesAny(name string, tables []*schema.Table) bool {
	n := strings.ToLower(name)
	if utf8.RuneCountInString(n) < 2 {
		return false
	}
	for _, t := range tables {
		for _, k := range []string{strings.ToLower(t.Name), t.Sheet} {
			if strings.Contains(n, k) || strings.Contains(k, n) {
				return true
			}
		}
	}
	return false
}

// workbookJobs returns a job for every sheet of the workbook rel that holds a
// table. Sheets are named by the table's key or its Chinese name; in
// data/<table>.xlsx with no such sheet, the one sheet with data is <table>.
// Hidden sheets and unknown sheets with data are skipped with a warning; the
// template's instructions sheet and empty sheets silently.
func workbookJobs(dir, rel string, bindings []binding, earlier []*job, unknown *[]unknownPlace, probs *problem.List) []*job {
	w := openWorkbook(dir, rel, probs)
	if w == nil {
		return nil
	}
	byTable := func(t *schema.Table) *binding {
		for i := range bindings {
			if bindings[i].table == t {
				return &bindings[i]
			}
		}
		return nil
	}
	sheets := w.x.GetSheetList()
	probs.SheetOrder(rel, sheets)
	named := false
	for _, sh := range sheets {
		named = named || sheetTable(sh) != nil
	}
	stem := strings.TrimSuffix(strings.TrimSuffix(path.Base(rel), ".xlsx"), ".xlsm")
	var jobs []*job
	var twice []problem.Problem // sheets of tables found earlier (table-twice)
	var twiceIn []*job          // where each was found
	for _, sh := range sheets {
		t := sheetTable(sh)
		if t == nil && !named && schema.Get(stem) != nil && !w.sheetEmpty(sh) {
			t = schema.Get(stem)
			named = true // one sheet only
		}
		visible, _ := w.x.GetSheetVisible(sh)
		switch {
		case t == nil && (strings.TrimSpace(sh) == InstructionsSheet || !visible || w.sheetEmpty(sh)):
			continue
		case t == nil:
			*unknown = append(*unknown, unknownPlace{header: headerTable(w.firstRows(sh, 3)),
				pr: problem.Problem{Code: "unknown-sheet", File: rel, Sheet: sh, Severity: problem.Warning,
					Zh: "不是已知的数据表，已忽略；工作表名应为 " + sheetNames(),
					En: "not a known table: ignored; sheets are named " + sheetKeys()}})
			continue
		case !visible:
			probs.Add(problem.Problem{Code: "hidden-sheet", File: rel, Sheet: sh, Severity: problem.Warning,
				Zh: "工作表已隐藏，未读取；要发布其中的数据，请取消隐藏",
				En: "hidden sheet: not read; unhide it to publish its rows"})
			continue
		}
		b := byTable(t)
		var other *job
		for _, j := range append(earlier, jobs...) {
			if j.binding == b && other == nil {
				other = j
			}
		}
		if other != nil {
			twice = append(twice, problem.Problem{Code: "table-twice", File: rel, Sheet: sh,
				Zh: t.Sheet + "（" + t.Name + "）表已在 " + other.where() + " 中，一张表只能放在一处；此工作表未读取",
				En: "the table " + t.Name + " is already in " + other.where() + "; a table may be in one place only: this sheet is not read"})
			twiceIn = append(twiceIn, other)
			continue
		}
		jobs = append(jobs, &job{binding: b, file: rel, wb: w, sheet: sh})
	}
	probs.Merge(*problem.ListOf(copiedSheets(rel, twice, twiceIn, len(jobs))))
	if len(jobs) == 0 {
		w.x.Close() // nothing to read (closeWorkbooks closes the others)
	}
	return jobs
}

// copiedSheets returns the problems of the sheets of the workbook rel that
// hold tables found earlier (twice, each found in twiceIn; read is how
// many of its sheets are read): when two or more of them are in one other
// workbook, it is a copy of that workbook (saved as 台账 - 副本.xlsx or
// 台账(1).xlsx, or the old one kept beside the new), and it is one problem
// naming both files, not one a sheet.
func copiedSheets(rel string, twice []problem.Problem, twiceIn []*job, read int) []problem.Problem {
	byFile := map[string][]int{}
	for i, j := range twiceIn {
		if j.wb != nil {
			byFile[j.file] = append(byFile[j.file], i)
		}
	}
	var out []problem.Problem
	done := map[int]bool{}
	for _, j := range twiceIn {
		idx := byFile[j.file]
		if j.wb == nil || len(idx) < 2 || done[idx[0]] {
			continue
		}
		var zhNames, enNames []string
		for _, k := range idx {
			done[k] = true
			t := twiceIn[k].binding.table
			zhNames, enNames = append(zhNames, t.Sheet), append(enNames, t.Name)
		}
		p := problem.Problem{Code: "workbook-copy", File: rel}
		if read == 0 && len(idx) == len(twice) {
			p.Zh = fmt.Sprintf("与 %s 含有同样的 %d 张数据表（%s），像是同一台账另存的副本；一张表只能放在一处，此工作簿未读取：请确认哪个是最新的，只保留那一个，把另一个移出 data 文件夹",
				j.file, len(idx), strings.Join(zhNames, "、"))
			p.En = fmt.Sprintf("holds the same %d tables as %s (%s), as a copy of it would: a table may be in one place only, so this workbook was not read; check which of the two is current, keep that one and move the other out of the data folder",
				len(idx), j.file, strings.Join(enNames, ", "))
		} else {
			p.Zh = fmt.Sprintf("其中 %d 张数据表（%s）已在 %s 中，一张表只能放在一处，这些工作表未读取：请确认哪个工作簿是最新的，只在那一个里保留这些表",
				len(idx), strings.Join(zhNames, "、"), j.file)
			p.En = fmt.Sprintf("%d of its tables (%s) are in %s as well: a table may be in one place only, so these sheets were not read; check which workbook is current and keep these tables in that one only",
				len(idx), strings.Join(enNames, ", "), j.file)
		}
		out = append(out, p)
	}
	for i, p := range twice {
		if !done[i] {
			out = append(out, p)
		}
	}
	return out
}

// copyName reports whether a workbook's name is that of a copy: Windows'
// "台账 - 副本.xlsx" ("台账 - Copy.xlsx"), a download's "台账(1).xlsx",
// a "备份" (backup).
func copyName(n string) bool {
	low := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(n), ".xlsx"), ".xlsm")
	for _, w := range []string{"副本", "备份", "copy", "backup", "bak"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	low = strings.TrimSpace(low)
	if i := strings.LastIndexAny(low, "(（"); i >= 0 && (strings.HasSuffix(low, ")") || strings.HasSuffix(low, "）")) {
		inner := strings.TrimRight(strings.TrimLeft(low[i:], "(（"), ")）")
		return inner != "" && strings.Trim(inner, "0123456789") == ""
	}
	return false
}

// closeWorkbooks closes every workbook the jobs read, which removes the
// temporary files excelize keeps for large sheets.
func closeWorkbooks(jobs []*job) {
	closed := map[*workbook]bool{}
	for _, j := range jobs {
		if j.wb != nil && !closed[j.wb] {
			closed[j.wb] = true
			j.wb.x.Close()
		}
	}
}

// sheetNames lists the sheet names of the tables, for a message.
func sheetNames() string {
	var names []string
	for _, t := range schema.Tables {
		names = append(names, t.Sheet)
	}
	return strings.Join(names, "、")
}

// fileKeys lists the tables' keys, each with its Chinese name in brackets.
func fileKeys(open, close, sep string) string {
	var names []string
	for _, t := range schema.Tables {
		names = append(names, t.Name+open+t.Sheet+close)
	}
	return strings.Join(names, sep)
}

func sheetKeys() string {
	var names []string
	for _, t := range schema.Tables {
		names = append(names, t.Sheet+" ("+t.Name+")")
	}
	return strings.Join(names, ", ")
}

// isLink reports whether p is a symbolic link (read through package
// safefs, which refuses links: see there).
func isLink(p string) bool {
	fi, err := os.Lstat(p)
	return err == nil && fi.Mode()&os.ModeSymlink != 0
}

// readAll reads the files on all cores. Each job keeps its own rows and
// problems, merged afterwards in file order, so the result does not depend
// on scheduling.
func readAll(dir string, jobs []*job, d *dataset.Dataset, probs *problem.List) {
	var wg sync.WaitGroup
	next := make(chan *job)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				readOne(dir, j, d)
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
}

func readOne(dir string, j *job, d *dataset.Dataset) {
	fp := &problem.List{}
	drop := d.Site.Privacy.DropColumns
	if j.wb != nil {
		j.sink = newSink(j.binding, j.file, false, &d.Rules, fp, 64)
		j.sink.allow = privacy.NewAllow(d.Site.Privacy.AllowNumbers)
		j.sink.sheet = j.sheet
		readSheet(j.wb, j.sheet, j.sink, drop)
		return
	}
	b, err := safefs.Read(dir, j.file, safefs.MaxTable)
	if j.window.IsValid() {
		j.sink = newSink(j.binding, j.file, j.isTOML, &d.Rules, fp, 0)
		j.sink.rows = j.window
	} else {
		j.sink = newSink(j.binding, j.file, j.isTOML, &d.Rules, fp, bytes.Count(b, []byte{'\n'}))
	}
	j.sink.allow = privacy.NewAllow(d.Site.Privacy.AllowNumbers)
	if p, ok := safefs.AsProblem(err); ok {
		fp.Add(p)
		return
	}
	if err != nil {
		fp.Error("unreadable", j.file, 0, "", "", "无法读取", fmt.Sprint(err))
		j.sink.incomplete = true
		return
	}
	force := d.Site.Encoding
	if j.isTOML {
		force = ""
	}
	text := decodeText(j.file, b, force, fp)
	if j.isTOML {
		readTOMLTable(text, j.sink, drop)
	} else {
		readCSV(text, j.sink, drop, separator(text))
	}
}

// backupFile reports whether name (in lower case) is a backup or
// temporary file that a spreadsheet program leaves beside a workbook:
// Excel's "Backup of 台账.xlk" and ~WRL0001.tmp, a copy kept as
// 台账.xlsx.bak, a .wbk or .old.
func backupFile(name string) bool {
	switch path.Ext(name) {
	case ".bak", ".xlk", ".tmp", ".wbk", ".old", ".backup":
		return true
	}
	return strings.HasPrefix(name, "~") || strings.HasPrefix(name, "backup of ")
}

// osFile reports whether name (in lower case) is a file the system leaves
// in folders it shows: Windows' thumbnail cache and folder settings
// (Thumbs.db, desktop.ini); macOS's start with a dot.
func osFile(name string) bool {
	return name == "thumbs.db" || name == "desktop.ini" || name == "ehthumbs.db"
}
