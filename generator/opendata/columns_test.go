package opendata

import (
	"reflect"
	"testing"

	"gongshi/generator/schema"
)

func TestKindOf(t *testing.T) {
	var (
		s  string
		ps *string
		i  int
		pi *int
		pf *float64
		pb *bool
	)
	for _, c := range []struct {
		typ  schema.Type
		v    any
		want kind
		ok   bool
	}{
		{schema.Date, s, kString, true},
		{schema.Enum, ps, 0, false},
		{schema.Year, i, kInt, true},
		{schema.Int, pi, kIntPtr, true},
		{schema.Int, s, 0, false},
		{schema.Number, pf, kFloatPtr, true},
		{schema.Number, pi, 0, false},
		{schema.Bool, pb, kBoolPtr, true},
	} {
		k, err := kindOf(&schema.Field{Key: "x", Type: c.typ}, reflect.TypeOf(c.v))
		if (err == nil) != c.ok || c.ok && k != c.want {
			t.Errorf("kindOf(%s, %T) = %v, %v", c.typ, c.v, k, err)
		}
	}
}
