package opendata

import (
	"sort"
	"strconv"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// Table is one table of the data dictionary, as the /data/ page shows it.
// Paths are relative to the site root and slash-separated, like File.Path
// ("data/pledges.csv"); a page at /data/ links to them without the "data/".
type Table struct {
	Name       string     // table name and file stem, e.g. "pledges"
	Title      string     // Chinese title, e.g. 承诺事项
	TitleEn    string     // English title, e.g. Pledges
	Desc       string     // what a row is, in Chinese
	Rows       int        // number of rows
	PrimaryKey []string   // keys that identify a row (empty: none)
	Columns    []Column   // published columns, in file order
	CSV        string     // "data/<name>.csv"
	JSON       string     // "data/<name>.json"
	ZhCSV      string     // "data/zh/<name>.csv": Chinese headers, names beside IDs
	Years      []YearFile // per-year CSVs, ascending; nil for a table without a date column (or rows)
	InWorkbook bool       // its rows are in WorkbookPath; false when Rows > MaxSheetRows
}

// YearFile is the slice of a table for one year.
type YearFile struct {
	Year int
	Rows int
	Path string // "data/<year>/<name>.csv"
}

// Column describes one published column.
type Column struct {
	Key      string // English key: the CSV header and JSON key
	Label    string // Chinese label
	Type     string // string, id, integer, number, date, boolean, enum, grade or year
	TypeZh   string // the type in Chinese: 文本, 编号, 整数 …
	Desc     string // what the column means, in Chinese
	Required bool   // never empty
	Derived  bool   // computed by gongshi (not in the input)
	// Constraints lists, in Chinese and English, what a value must be:
	// required, key, pattern, reference, format, enum values, range.
	Constraints []Note
}

// Note is a short text in both languages.
type Note struct {
	Zh, En string
}

var typeZh = map[schema.Type]string{
	schema.String: "文本", schema.ID: "编号", schema.Int: "整数", schema.Number: "数字",
	schema.Date: "日期", schema.Bool: "是否", schema.Enum: "选项", schema.Grade: "等次", schema.Year: "年份",
}

// Dictionary returns the data dictionary of d: every table in schema order
// with its published columns and its downloads. It describes exactly what
// Write writes (the same columns, files and row counts).
func Dictionary(d *dataset.Dataset) []Table {
	tables, err := bindTables(d)
	if err != nil {
		panic(err) // the schema and the row types disagree: a programming error, caught by the tests
	}
	out := make([]Table, 0, len(tables))
	for i := range tables {
		t := &tables[i]
		st := t.schema
		n := t.len()
		dt := Table{
			Name: st.Name, Title: st.Title, TitleEn: st.TitleEn, Desc: st.Desc,
			Rows: n, PrimaryKey: st.PrimaryKey,
			CSV: "data/" + st.Name + ".csv", JSON: "data/" + st.Name + ".json", ZhCSV: ZhCSVPath(st.Name),
			InWorkbook: n <= MaxSheetRows,
		}
		for _, c := range t.cols {
			dt.Columns = append(dt.Columns, describe(c.field, st, &d.Rules))
		}
		if t.date >= 0 {
			counts := map[int]int{}
			for r := 0; r < n; r++ {
				if y := t.year(t.row(r)); y > 0 {
					counts[y]++
				}
			}
			for y, c := range counts {
				dt.Years = append(dt.Years, YearFile{Year: y, Rows: c, Path: yearPath(y, st.Name)})
			}
			sort.Slice(dt.Years, func(a, b int) bool { return dt.Years[a].Year < dt.Years[b].Year })
		}
		out = append(out, dt)
	}
	return out
}

// describe returns the dictionary entry of one column.
func describe(f *schema.Field, t *schema.Table, rules *dataset.Rules) Column {
	c := Column{Key: f.Key, Label: f.Label, Type: f.Type.String(), TypeZh: typeZh[f.Type],
		Desc: f.Desc, Required: f.Required, Derived: f.Derived}
	add := func(zh, en string) { c.Constraints = append(c.Constraints, Note{zh, en}) }
	if f.Required {
		add("必填", "required")
	}
	if f.Derived {
		add("由 gongshi 计算", "computed by gongshi")
	}
	for _, k := range t.PrimaryKey {
		if k != f.Key {
			continue
		}
		if len(t.PrimaryKey) == 1 {
			add("唯一", "unique")
		} else {
			key := strings.Join(t.PrimaryKey, " + ")
			add(key+" 组合唯一", "unique together: "+key)
		}
	}
	switch f.Type {
	case schema.ID:
		add("字母、数字、下划线或连字符，以字母或数字开头，最长 64 位", "matches "+schema.IDPattern)
	case schema.Date:
		add("格式 YYYY-MM-DD", "format YYYY-MM-DD")
	case schema.Bool:
		add("true 或 false", "true or false")
	case schema.Year:
		add("四位年份", "four-digit year")
	case schema.Enum:
		add("取值："+strings.Join(f.Enum.Values(), "、"), "one of: "+choices(f.Enum))
	case schema.Grade:
		names := rules.GradeNames()
		var e schema.EnumSet
		for _, g := range names {
			e = append(e, schema.Choice{Zh: g, En: englishGrade(g)})
		}
		add("取值："+strings.Join(names, "、")+"（见 rules.toml）", "one of: "+choices(e)+" (from rules.toml)")
	}
	if f.Ref != "" {
		title := f.Ref
		if rt := schema.Get(f.Ref); rt != nil {
			title = rt.Title
		}
		add("引用 "+f.Ref+"（"+title+"）的 "+refKey(f.Ref), "refers to "+f.Ref+"."+refKey(f.Ref))
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	hasMax := f.HasMax && !openMax(f)
	switch {
	case f.HasMin && hasMax:
		add(num(f.Min)+" 至 "+num(f.Max), "from "+num(f.Min)+" to "+num(f.Max))
	case f.HasMin:
		add("不小于 "+num(f.Min), "at least "+num(f.Min))
	case hasMax:
		add("不大于 "+num(f.Max), "at most "+num(f.Max))
	}
	return c
}

// choices lists enum values as published (Chinese) with their English aliases.
func choices(e schema.EnumSet) string {
	parts := make([]string, len(e))
	for i, c := range e {
		parts[i] = c.Zh
		if c.En != "" {
			parts[i] += " [" + c.En + "]"
		}
	}
	return strings.Join(parts, ", ")
}

// englishGrade returns the English alias of a default grade, or "".
func englishGrade(g string) string {
	for _, c := range schema.DefaultGrades {
		if c.Zh == g {
			return c.En
		}
	}
	return ""
}
