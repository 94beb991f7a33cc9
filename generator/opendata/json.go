package opendata

import (
	"reflect"
	"strconv"
	"unicode/utf8"
)

// writeJSON writes data/<table>.json: an array with one object per row, one
// row per line, keys in schema order (the CSV's columns), numbers as numbers,
// booleans as booleans and null for an empty cell. It is written by hand
// rather than through encoding/json with maps, whose keys would come out
// sorted, or with per-table structs, which would repeat the schema.
func writeJSON(root dest, t *table) (File, error) {
	o, err := create(root, "data/"+t.schema.Name+".json")
	if err != nil {
		return File{}, err
	}
	keys := make([][]byte, len(t.cols)) // `"key":` with its leading { or ,
	for i, c := range t.cols {
		sep := ","
		if i == 0 {
			sep = "{"
		}
		keys[i] = appendString([]byte(sep), c.field.Key)
		keys[i] = append(keys[i], ':')
	}
	n := t.len()
	if n == 0 {
		o.WriteString("[]\n")
		return o.close()
	}
	o.WriteString("[\n")
	buf := make([]byte, 0, 1024)
	for i := 0; i < n; i++ {
		row := t.row(i)
		buf = buf[:0]
		for j := range t.cols {
			buf = append(buf, keys[j]...)
			buf = t.cols[j].appendJSON(buf, row)
		}
		buf = append(buf, '}')
		if i < n-1 {
			buf = append(buf, ',')
		}
		buf = append(buf, '\n')
		if _, err := o.Write(buf); err != nil {
			o.abort()
			return File{}, err
		}
	}
	o.WriteString("]\n")
	return o.close()
}

// appendJSON appends a cell as a JSON value.
func (c *column) appendJSON(b []byte, row reflect.Value) []byte {
	v := row.Field(c.index)
	switch c.kind {
	case kString:
		if v.Len() == 0 {
			return append(b, "null"...)
		}
		return appendString(b, v.String())
	case kIntPtr, kFloatPtr, kBoolPtr:
		if v.IsNil() {
			return append(b, "null"...)
		}
		v = v.Elem()
	}
	switch c.kind {
	case kInt, kIntPtr:
		return strconv.AppendInt(b, v.Int(), 10)
	case kFloat, kFloatPtr:
		return strconv.AppendFloat(b, v.Float(), 'f', -1, 64)
	default:
		return strconv.AppendBool(b, v.Bool())
	}
}

// appendString appends s as a JSON string. Only what JSON requires is
// escaped (quote, backslash, control characters), plus U+2028 and U+2029 so
// that the output is also valid JavaScript; Chinese stays readable.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u2028' || r == '\u2029' || r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			switch {
			case r == utf8.RuneError:
				b = append(b, `\ufffd`...)
			case r == '\u2028':
				b = append(b, `\u2028`...)
			default:
				b = append(b, `\u2029`...)
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
