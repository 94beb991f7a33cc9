package opendata

import (
	"fmt"
	"reflect"
	"strconv"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// table is one schema table bound to its rows in a dataset, with the columns
// that are published.
type table struct {
	schema *schema.Table
	rows   reflect.Value // the dataset's slice of rows
	cols   []column      // published columns, in schema order
	date   int           // struct field index of the DateKey column, -1 if none
}

// column is one published column: its schema field and where its value sits
// in the row struct.
type column struct {
	field *schema.Field
	index int  // struct field index
	kind  kind // how the Go value is read
}

// kind is the Go shape of a column's value.
type kind uint8

const (
	kString kind = iota
	kInt
	kIntPtr
	kFloat
	kFloatPtr
	kBool
	kBoolPtr
	kNone kind = 255 // no column kind: a Go type that cannot hold a value
)

// bindTables returns every schema table bound to d's rows, in schema order.
// A column is published when it is in the schema, unless it is Private and
// site.toml does not allow it. The row structs' `col` tags tie fields to
// schema keys, as in package load; a field the schema names but the struct
// lacks is a programming error.
func bindTables(d *dataset.Dataset) ([]table, error) {
	out := make([]table, 0, len(schema.Tables))
	for _, st := range schema.Tables {
		pv, index, err := d.Columns(st.Name)
		if err != nil {
			return nil, err
		}
		rows := pv.Elem()
		rt := rows.Type().Elem()
		t := table{schema: st, rows: rows, date: -1}
		for i := range st.Fields {
			f := &st.Fields[i]
			fi, ok := index[f.Key]
			if !ok {
				return nil, fmt.Errorf("opendata: %s.%s has no struct field", st.Name, f.Key)
			}
			if f.Key == st.DateKey {
				t.date = fi
			}
			if f.Private && !d.Site.Privacy.PublishBirthYear {
				continue
			}
			k, err := kindOf(f, rt.Field(fi).Type)
			if err != nil {
				return nil, fmt.Errorf("opendata: %s.%s: %w", st.Name, f.Key, err)
			}
			t.cols = append(t.cols, column{field: f, index: fi, kind: k})
		}
		out = append(out, t)
	}
	return out, nil
}

// goKind is the Go kind that holds each schema type.
var goKind = map[schema.Type]reflect.Kind{
	schema.String: reflect.String, schema.ID: reflect.String, schema.Date: reflect.String,
	schema.Enum: reflect.String, schema.Grade: reflect.String,
	schema.Int: reflect.Int, schema.Year: reflect.Int,
	schema.Number: reflect.Float64, schema.Bool: reflect.Bool,
}

// kinds gives the column kind of a Go kind held as a value and as a pointer
// (optional strings are "", never nil, so there is no string pointer).
var kinds = map[reflect.Kind][2]kind{
	reflect.String:  {kString, kNone},
	reflect.Int:     {kInt, kIntPtr},
	reflect.Float64: {kFloat, kFloatPtr},
	reflect.Bool:    {kBool, kBoolPtr},
}

// kindOf checks that a Go type can hold a schema type and says how to read it.
func kindOf(f *schema.Field, t reflect.Type) (kind, error) {
	ptr, base := 0, t
	if t.Kind() == reflect.Pointer {
		ptr, base = 1, t.Elem()
	}
	if k, ok := kinds[base.Kind()]; ok && base.Kind() == goKind[f.Type] && k[ptr] != kNone {
		return k[ptr], nil
	}
	return 0, fmt.Errorf("Go type %s cannot hold %s", t, f.Type)
}

// len returns the number of rows.
func (t *table) len() int { return t.rows.Len() }

// row returns row i.
func (t *table) row(i int) reflect.Value { return t.rows.Index(i) }

// year returns the year row i belongs to for the per-year files (the year
// column of appraisals, the year of the date column of others), or 0 when
// the table has no DateKey or the row no date.
func (t *table) year(row reflect.Value) int {
	if t.date < 0 {
		return 0
	}
	v := row.Field(t.date)
	if v.Kind() == reflect.Int {
		return int(v.Int())
	}
	return dataset.Year(v.String())
}

// text returns a cell as the CSV shows it: dates YYYY-MM-DD and canonical
// enum values as validated, numbers in the shortest form that reads back to
// the same value without an exponent ('f', -1: 92.3, not 92.30000000000001),
// booleans true/false, and "" for an empty cell.
func (c *column) text(row reflect.Value) string {
	v := row.Field(c.index)
	switch c.kind {
	case kString:
		return v.String()
	case kIntPtr, kFloatPtr, kBoolPtr:
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	switch c.kind {
	case kInt, kIntPtr:
		return strconv.FormatInt(v.Int(), 10)
	case kFloat, kFloatPtr:
		return dataset.NumberText(v.Float())
	default:
		return strconv.FormatBool(v.Bool())
	}
}

// value returns a cell as a typed value: string, int, float64, bool, or nil
// for an empty cell (nil pointer or empty string).
func (c *column) value(row reflect.Value) any {
	v := row.Field(c.index)
	switch c.kind {
	case kString:
		if s := v.String(); s != "" {
			return s
		}
		return nil
	case kIntPtr, kFloatPtr, kBoolPtr:
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	switch c.kind {
	case kInt, kIntPtr:
		return int(v.Int())
	case kFloat, kFloatPtr:
		return v.Float()
	default:
		return v.Bool()
	}
}
