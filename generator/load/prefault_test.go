package load

import (
	"reflect"
	"testing"
	"unsafe"

	"gongshi/generator/dataset"
)

// TestNewRows checks that the rows made for a table are as reflect.MakeSlice
// makes them, whatever their size: the type, length and capacity asked for,
// and every byte zero after the pages were written.
func TestNewRows(t *testing.T) {
	typ := reflect.TypeOf([]dataset.Pledge{})
	size := int(typ.Elem().Size())
	for _, c := range []struct{ n, cap int }{
		{0, 0},
		{0, 1},
		{1, 1},
		{0, pageSize / size},      // under a page
		{3, pageSize/size + 1},    // just over one
		{0, 10 * pageSize / size}, // many, not a whole number of pages
		{100, 5000},
	} {
		rows := newRows(typ, c.n, c.cap)
		if rows.Type() != typ || rows.Len() != c.n || rows.Cap() != c.cap {
			t.Errorf("newRows(%d, %d): %v len %d cap %d", c.n, c.cap, rows.Type(), rows.Len(), rows.Cap())
			continue
		}
		if c.cap == 0 {
			continue
		}
		b := unsafe.Slice((*byte)(rows.UnsafePointer()), c.cap*size)
		for i, x := range b {
			if x != 0 {
				t.Errorf("newRows(%d, %d): byte %d is %d", c.n, c.cap, i, x)
				break
			}
		}
		// The rows are ordinary rows: filled and read back as any others.
		full := rows.Slice(0, c.cap)
		full.Index(c.cap - 1).Set(reflect.ValueOf(dataset.Pledge{ID: "P1", Title: "修路"}))
		if got := full.Interface().([]dataset.Pledge)[c.cap-1]; got.ID != "P1" || got.Title != "修路" {
			t.Errorf("newRows(%d, %d): last row reads %+v", c.n, c.cap, got)
		}
	}
}
