package opendata

import (
	"sort"

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

// Column describes one published column: what it is and what a value must
// be, as facts; the /data/ page words them in the site's language.
type Column struct {
	Key      string // English key: the CSV header and JSON key
	Label    string // Chinese label (also accepted as an input header)
	Type     schema.Type
	Desc     string // what the column means, in Chinese
	DescEn   string // the same in English
	Required bool   // never empty
	Derived  bool   // computed by gongshi (not in the input)
	// Unique: no two rows share the value; with UniqueWith, the values of
	// those columns (the whole primary key, this one included) together.
	Unique     bool
	UniqueWith []string
	Pattern    string         // IDs: the pattern they match
	Enum       schema.EnumSet // enum and grade columns: the values (published as the Chinese value)
	FromRules  bool           // the values are the grades named in rules.toml
	Ref        string         // the table this column refers to, and its key
	RefKey     string         //
	Min, Max   *float64       // inclusive range, when set
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
				dt.Years = append(dt.Years, YearFile{Year: y, Rows: c, Path: YearCSVPath(y, st.Name)})
			}
			sort.Slice(dt.Years, func(a, b int) bool { return dt.Years[a].Year < dt.Years[b].Year })
		}
		out = append(out, dt)
	}
	return out
}

// describe returns the dictionary entry of one column.
func describe(f *schema.Field, t *schema.Table, rules *dataset.Rules) Column {
	c := Column{Key: f.Key, Label: f.Label, Type: f.Type, Desc: f.Desc, DescEn: f.DescEn, Required: f.Required, Derived: f.Derived}
	for _, k := range t.PrimaryKey {
		if k == f.Key {
			c.Unique = true
			if len(t.PrimaryKey) > 1 {
				c.UniqueWith = t.PrimaryKey
			}
		}
	}
	switch f.Type {
	case schema.ID:
		c.Pattern = schema.IDPattern
	case schema.Enum:
		c.Enum = f.Enum
	case schema.Grade:
		for _, g := range rules.GradeNames() {
			c.Enum = append(c.Enum, schema.Choice{Zh: g, En: englishGrade(g)})
		}
		c.FromRules = true
	}
	if f.Ref != "" {
		c.Ref, c.RefKey = f.Ref, refKey(f.Ref)
	}
	if f.HasMin {
		c.Min = ptr(f.Min)
	}
	if f.HasMax && !openMax(f) {
		c.Max = ptr(f.Max)
	}
	return c
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
