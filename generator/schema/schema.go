// Package schema is the single definition of gongshi's data tables: every
// column's key, Chinese label, type, whether it is required, its enum values
// with their English aliases, its range and the table it refers to. The loader
// reads and checks cells with it, and the data dictionary and the published
// Frictionless schema are written from it, so no fact about a column is
// written twice.
package schema

import "strings"

// Type is the kind of value a column holds.
type Type int

const (
	String Type = iota // free text
	ID                 // an identifier matching IDPattern
	Int                // a whole number
	Number             // a decimal number
	Date               // a date, normalised to YYYY-MM-DD
	Bool               // 是/否, true/false, 1/0
	Enum               // one of Field.Enum's choices (Chinese value or English alias)
	Grade              // an appraisal grade named in rules.toml
	Year               // a four-digit year
)

// String returns the type's name as the data dictionary shows it.
func (t Type) String() string {
	return [...]string{"string", "id", "integer", "number", "date", "boolean", "enum", "grade", "year"}[t]
}

// IDPattern is the pattern every ID matches (DESIGN.md).
const IDPattern = `^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`

// Choice is one value of an enum: the canonical Chinese value and its English alias.
type Choice struct {
	Zh, En string
}

// EnumSet is a closed list of choices.
type EnumSet []Choice

// Parse returns the canonical (Chinese) value for s, which may be the Chinese
// value or the English alias (case-insensitive).
func (e EnumSet) Parse(s string) (string, bool) {
	for _, c := range e {
		if s == c.Zh || (c.En != "" && strings.EqualFold(s, c.En)) {
			return c.Zh, true
		}
	}
	return "", false
}

// Values returns the canonical (Chinese) values in order.
func (e EnumSet) Values() []string {
	out := make([]string, len(e))
	for i, c := range e {
		out[i] = c.Zh
	}
	return out
}

// ZhList returns the Chinese values joined by "/".
func (e EnumSet) ZhList() string { return e.join(func(c Choice) string { return c.Zh }) }

// EnList returns the English aliases joined by "/".
func (e EnumSet) EnList() string { return e.join(func(c Choice) string { return c.En }) }

// English returns the English alias of a canonical value, or the value itself.
func (e EnumSet) English(zh string) string {
	for _, c := range e {
		if c.Zh == zh && c.En != "" {
			return c.En
		}
	}
	return zh
}

func (e EnumSet) join(f func(Choice) string) string {
	parts := make([]string, len(e))
	for i, c := range e {
		parts[i] = f(c)
	}
	return strings.Join(parts, "/")
}

// Field is one column of a table.
type Field struct {
	Key      string  // English key, used in published files and as a header
	Label    string  // Chinese label, accepted as a header
	Type     Type    //
	Required bool    // an empty cell is an error
	Enum     EnumSet // the choices, for Type Enum
	Min, Max float64 // inclusive range for Int and Number, when HasMin/HasMax
	HasMin   bool
	HasMax   bool
	Ref      string // for IDs that point at another table: that table's name
	Desc     string // what the column means, in Chinese, for the data dictionary
	DescEn   string // the same in English (from english.go)
	Private  bool   // published only when site.toml allows it (birth_year)
	Derived  bool   // computed by gongshi, never read from input (published downloads only)
}

// Hundredths reports whether f is a number out of 100 (scores, progress):
// a percentage such as 80.3% in its cell means 80.3.
func (f *Field) Hundredths() bool {
	return (f.Type == Int || f.Type == Number) && f.HasMin && f.HasMax && f.Min == 0 && f.Max == 100
}

// Table is one data table.
type Table struct {
	Name       string   // file name stem: data/<Name>.csv
	Sheet      string   // the workbook sheet that holds it (data/*.xlsx), in Chinese, e.g. 承诺
	Title      string   // Chinese title
	TitleEn    string   // English title
	Desc       string   // what a row is, in Chinese
	DescEn     string   // the same in English (from english.go)
	PrimaryKey []string // keys that identify a row
	DateKey    string   // the column that places a row in a year, for per-year slices ("" if none)
	Required   bool     // every source must have this table (the others may be left out)
	Fields     []Field
}

// InstructionsSheet is the sheet of instructions in the template workbook
// (`gongshi template`); the loader never reads it as data.
const InstructionsSheet = "说明"

// Field returns the field with the given key.
func (t *Table) Field(key string) (*Field, bool) {
	for i := range t.Fields {
		if t.Fields[i].Key == key {
			return &t.Fields[i], true
		}
	}
	return nil, false
}

// Lookup returns the field a header cell names: the English key (any case)
// or the Chinese label.
func (t *Table) Lookup(header string) (*Field, bool) {
	for i := range t.Fields {
		f := &t.Fields[i]
		if f.Derived {
			continue
		}
		if header == f.Label || strings.EqualFold(header, f.Key) {
			return f, true
		}
	}
	return nil, false
}

// Input returns the fields read from input (all but derived ones).
func (t *Table) Input() []Field {
	var out []Field
	for _, f := range t.Fields {
		if !f.Derived {
			out = append(out, f)
		}
	}
	return out
}

// Get returns the table with the given name, or nil.
func Get(name string) *Table {
	for _, t := range Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}
