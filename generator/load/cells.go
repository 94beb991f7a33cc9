package load

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/safefs"
	"gongshi/generator/schema"
)

// binding ties a schema table to its row type in package dataset: for each
// input field, the index of the struct field its `col` tag names.
type binding struct {
	table     *schema.Table
	rows      reflect.Value  // pointer to the dataset's slice of rows
	fields    map[string]int // key → struct field index
	structIdx []int          // table.Fields[i] → struct field index
}

// fieldIndex returns the position of f in the table's fields.
func (b *binding) fieldIndex(f *schema.Field) int {
	for i := range b.table.Fields {
		if &b.table.Fields[i] == f {
			return i
		}
	}
	return -1
}

// bind returns the binding of every table, in schema order.
func bind(d *dataset.Dataset) ([]binding, error) {
	var out []binding
	for _, t := range schema.Tables {
		rv, fields, err := d.Columns(t.Name)
		if err != nil {
			return nil, err
		}
		et := rv.Elem().Type().Elem()
		b := binding{table: t, rows: rv, fields: fields}
		if len(t.Fields) > 64 {
			return nil, fmt.Errorf("load: table %s has more than 64 fields", t.Name)
		}
		for _, f := range t.Fields {
			i, ok := b.fields[f.Key]
			if !ok {
				return nil, fmt.Errorf("load: %s.%s has no struct field", t.Name, f.Key)
			}
			if err := checkKind(f, et.Field(i).Type); err != nil {
				return nil, fmt.Errorf("load: %s.%s: %w", t.Name, f.Key, err)
			}
			b.structIdx = append(b.structIdx, i)
		}
		out = append(out, b)
	}
	return out, nil
}

// checkKind makes sure a schema type fits the Go type that holds it.
func checkKind(f schema.Field, t reflect.Type) error {
	want := map[schema.Type][]reflect.Kind{
		schema.String: {reflect.String}, schema.ID: {reflect.String}, schema.Date: {reflect.String},
		schema.Enum: {reflect.String}, schema.Grade: {reflect.String},
		schema.Int: {reflect.Int}, schema.Year: {reflect.Int},
		schema.Number: {reflect.Float64}, schema.Bool: {reflect.Bool},
	}[f.Type]
	k := t.Kind()
	if k == reflect.Pointer {
		k = t.Elem().Kind()
	}
	for _, w := range want {
		if k == w {
			return nil
		}
	}
	return fmt.Errorf("Go type %s cannot hold %s", t, f.Type)
}

// cellError is why a cell is bad: the rule broken (a problem code) and what
// is expected, in both languages.
type cellError struct{ code, zh, en string }

// value is a checked cell, unboxed: the one field its kind names is set.
// (Returning an interface would cost an allocation per cell.)
type value struct {
	kind byte // 's', 'i', 'f' or 'b'
	s    string
	i    int
	f    float64
	b    bool
}

func str(s string) value     { return value{kind: 's', s: s} }
func integer(i int) value    { return value{kind: 'i', i: i} }
func number(f float64) value { return value{kind: 'f', f: f} }
func boolean(b bool) value   { return value{kind: 'b', b: b} }

// parseCell checks one non-empty cell against its field and returns the value to store.
func parseCell(f *schema.Field, s string, rules *dataset.Rules) (value, *cellError) {
	switch f.Type {
	case schema.String:
		return str(s), nil
	case schema.ID:
		if !ValidID(s) {
			s = narrow(s) // Ｖ０２ is V02, as ３００ is 300
		}
		if !ValidID(s) {
			return value{}, &cellError{"id", "编号只能由字母、数字、下划线和连字符组成，以字母或数字开头，最长64个字符",
				"expected an ID of letters, digits, _ and - only, starting with a letter or digit, at most 64 characters (" + schema.IDPattern + ")"}
		}
		if safefs.Reserved(s) {
			return value{}, &cellError{"id-device-name", "编号不能是 Windows 的保留设备名（CON、PRN、AUX、NUL、COM0–9、LPT0–9）：编号会成为文件夹名，这样的文件夹在 Windows 和 U 盘上无法复制",
				"an ID may not be a device name Windows reserves (CON, PRN, AUX, NUL, COM0-9, LPT0-9, any case): IDs become folder names, and such a folder cannot be copied to Windows or a USB stick"}
		}
		return str(s), nil
	case schema.Date:
		d, ok := ParseDate(s)
		if ok {
			return str(d), nil
		}
		// Only a cell that is not a date is looked at again (the near
		// misses are regular expressions: a province has millions of dates).
		if y, only := yearAlone(s); only {
			return value{}, &cellError{"date", "只有年份，应为完整的日期（年、月、日），如 " + y + "-03-15",
				"only a year: expected a full date (year, month and day) such as " + y + "-03-15"}
		}
		if zh, en, near := dateMistake(s); near {
			return value{}, &cellError{"date", zh, en}
		}
		return value{}, &cellError{"date", "应为日期，如 2024-03-15、2024/3/15、2024.3.15 或 2024年3月15日",
			"expected a date such as 2024-03-15"}
	case schema.Bool:
		switch strings.ToLower(s) {
		case "是", "true", "1", "yes", "y":
			return boolean(true), nil
		case "否", "false", "0", "no", "n":
			return boolean(false), nil
		case "√", "✓", "✔", "☑", "对":
			return value{}, &cellError{"bool", "应为 是/否：打勾请填“是”", "expected 是/否 (yes/no): for a tick enter 是"}
		case "×", "✗", "✘", "☒", "错":
			return value{}, &cellError{"bool", "应为 是/否：打叉请填“否”", "expected 是/否 (yes/no): for a cross enter 否"}
		}
		return value{}, &cellError{"bool", "应为 是/否", "expected true/false, 是/否 or 1/0"}
	case schema.Enum:
		v, ok := f.Enum.Parse(s)
		if !ok {
			return value{}, &cellError{"enum", "应为 " + f.Enum.ZhList(), "expected one of " + f.Enum.EnList()}
		}
		return str(v), nil
	case schema.Grade:
		if rules.HasGrade(s) {
			return str(s), nil
		}
		if v, ok := schema.DefaultGrades.Parse(s); ok && rules.HasGrade(v) {
			return str(v), nil
		}
		names := strings.Join(rules.GradeNames(), "/")
		return value{}, &cellError{"grade", "应为 " + names, "expected one of the grades in rules.toml: " + names}
	case schema.Int, schema.Year:
		s, e := percent(f, s)
		if e != nil {
			return value{}, e
		}
		x, err := parseNumber(s)
		if err != nil && f.Type == schema.Year {
			if d, ok := ParseDate(s); ok {
				return value{}, &cellError{"year", "是日期，此列应为四位年份，如 " + d[:4], "a date: expected a four-digit year such as " + d[:4]}
			}
		}
		if err != nil {
			if e, ok := unitMistake(f, s); ok {
				return value{}, e
			}
		}
		if err != nil || x != math.Trunc(x) || math.Abs(x) > 1e15 {
			return value{}, &cellError{"int", "应为整数", "expected a whole number"}
		}
		if f.Type == schema.Year && (x < 1900 || x > 2200) {
			return value{}, &cellError{"year", "应为四位年份，如 2024", "expected a four-digit year such as 2024"}
		}
		if e := checkRange(f, x); e != nil {
			return value{}, e
		}
		return integer(int(x)), nil
	case schema.Number:
		s, e := percent(f, s)
		if e != nil {
			return value{}, e
		}
		x, err := parseNumber(s)
		if err != nil {
			if e, ok := unitMistake(f, s); ok {
				return value{}, e
			}
			return value{}, &cellError{"number", "应为数字", "expected a number"}
		}
		if e := checkRange(f, x); e != nil {
			return value{}, e
		}
		return number(x), nil
	}
	return value{}, &cellError{"type", "未知类型", "unknown type"}
}

// yearAlone returns the year when s is a four-digit year alone (2024,
// ２０２４, 2024年), as a date cell holds when only the year was typed.
func yearAlone(s string) (string, bool) {
	y := strings.TrimSpace(strings.TrimSuffix(narrow(strings.TrimSpace(s)), "年"))
	if len(y) != 4 || strings.Trim(y, "0123456789") != "" {
		return "", false
	}
	n, _ := strconv.Atoi(y)
	return y, n >= 1900 && n <= 2200
}

// percent returns a number cell without its percent sign when it is a
// percentage ("80.3%" typed, or 0.803 shown as 80.3% by a percentage format)
// in a column out of 100, where 80.3% is 80.3; in any other column a
// percentage is an error, since 12% of a population or of a training's
// points has no one meaning. Other cells are returned as they are.
func percent(f *schema.Field, s string) (string, *cellError) {
	n := strings.TrimSpace(narrow(s)) // ８０％ too
	if !strings.HasSuffix(n, "%") {
		return s, nil
	}
	if f.Hundredths() {
		return strings.TrimSpace(strings.TrimSuffix(n, "%")), nil
	}
	return "", &cellError{"percent", "显示为 " + s + "（百分比），但此列不是百分数：请把单元格格式改为“常规”，填写应有的数",
		"shown as " + s + " (a percentage), but this column is not a percentage: set the cell's format to General and enter the number it should hold"}
}

// narrow turns the full-width forms of ASCII letters, digits and
// punctuation (U+FF01–U+FF5E, which a Chinese input method types: Ｖ０２,
// ２０２４．５．１) into ASCII, and the ideographic space into a space. Other
// text is returned as it is, without a copy.
func narrow(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '！' && r <= '～':
			return r - '！' + '!'
		case r == '\u3000':
			return ' '
		}
		return r
	}, s)
}

// parseNumber reads a decimal number as people type it in Excel: thousands
// separators (1,234) and full-width digits are accepted; "010" is ten. A
// comma that does not separate thousands ("1,5", a decimal comma) is an
// error, not fifteen.
func parseNumber(s string) (float64, error) {
	s = narrow(s)
	if strings.Contains(s, ",") {
		if !thousands(s) {
			return 0, strconv.ErrSyntax
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || strings.ContainsAny(s, "xXpP_") {
		return 0, strconv.ErrSyntax
	}
	return x, nil
}

// thousands reports whether the commas of s separate groups of three digits
// in its whole part, as in 1,234,567.5.
func thousands(s string) bool {
	whole, frac, _ := strings.Cut(strings.TrimLeft(s, "+-"), ".")
	if strings.Contains(frac, ",") {
		return false
	}
	for i, g := range strings.Split(whole, ",") {
		if len(g) < 1 || len(g) > 3 || (i > 0 && len(g) != 3) || strings.Trim(g, "0123456789") != "" {
			return false
		}
	}
	return true
}

func checkRange(f *schema.Field, x float64) *cellError {
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch {
	case f.HasMin && f.HasMax && (x < f.Min || x > f.Max):
		if f.Max >= 1e9 {
			return &cellError{"range", "不能小于 " + num(f.Min), "expected at least " + num(f.Min)}
		}
		return &cellError{"range", "应在 " + num(f.Min) + " 到 " + num(f.Max) + " 之间",
			"expected a value from " + num(f.Min) + " to " + num(f.Max)}
	case f.HasMin && x < f.Min:
		return &cellError{"range", "不能小于 " + num(f.Min), "expected at least " + num(f.Min)}
	case f.HasMax && x > f.Max:
		return &cellError{"range", "不能大于 " + num(f.Max), "expected at most " + num(f.Max)}
	}
	return nil
}

// ValidID reports whether s matches schema.IDPattern. IDs become file paths,
// so nothing else may pass.
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || (c != '_' && c != '-')) {
			return false
		}
	}
	return true
}

// smallInts holds the whole numbers an optional int field most often has
// (progress, attendees, votes, stars, birth years): such a field points
// into it instead of to a number of its own, saving an allocation per cell
// (400,000 in 5,000 villages). Nothing writes through the pointers of a
// dataset's optional numbers (package dataset says so).
var smallInts = func() *[2100]int {
	var a [2100]int
	for i := range a {
		a[i] = i
	}
	return &a
}()

// smallFloats does the same for optional decimals in hundredths from 0 to
// 100 (scores, days of training, incomes): 1.7 million cells of a
// province. Each is i/100 as the nearest float64, which is what parsing
// "92.5" or "0.07" gives; a number is shared only when its bits are equal.
var smallFloats = func() *[10001]float64 {
	var a [10001]float64
	for i := range a {
		a[i] = float64(i) / 100
	}
	return &a
}()

var intPointer = reflect.TypeFor[*int]()
var floatPointer = reflect.TypeFor[*float64]()

// sharedFloat returns x's place in smallFloats, or nil.
func sharedFloat(x float64) *float64 {
	k := math.Round(x * 100)
	if k >= 0 && k < float64(len(smallFloats)) && math.Float64bits(smallFloats[int(k)]) == math.Float64bits(x) {
		return &smallFloats[int(k)]
	}
	return nil
}

// set stores a parsed value in a struct field, allocating pointers for
// optional fields.
func set(field reflect.Value, v value) {
	if field.Type() == intPointer && v.kind == 'i' && v.i >= 0 && v.i < len(smallInts) {
		field.Set(reflect.ValueOf(&smallInts[v.i]))
		return
	}
	if field.Type() == floatPointer && v.kind == 'f' {
		if p := sharedFloat(v.f); p != nil {
			field.Set(reflect.ValueOf(p))
			return
		}
	}
	if field.Kind() == reflect.Pointer {
		p := reflect.New(field.Type().Elem())
		field.Set(p)
		field = p.Elem()
	}
	switch v.kind {
	case 's':
		field.SetString(v.s)
	case 'i':
		field.SetInt(int64(v.i))
	case 'f':
		field.SetFloat(v.f)
	case 'b':
		field.SetBool(v.b)
	}
}
