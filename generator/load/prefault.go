package load

import (
	"reflect"
	"unsafe"
)

// newRows returns a slice of type typ of length n and capacity c whose
// memory has been written once, page by page, with plain byte stores.
//
// A large array comes to the process as pages the kernel has not mapped
// yet. Filling it row by row while the collector is marking, each
// pointer store goes through the write barrier, which reads the slot's
// old value first: the kernel maps its shared zero page for that read,
// and the store right after it costs a copy-on-write fault and a flush
// of every core's TLB (the collector scanning an array not yet filled
// does the same). Checking 5,000 villages spent about a seventh of its
// CPU time in those faults. A byte store on each page first makes the
// kernel map a private zeroed page at once: one cheaper fault, no flush.
// The stores write zero over zero, so the array is unchanged: every row
// is still the zero value, and the collector sees only nil pointers.
func newRows(typ reflect.Type, n, c int) reflect.Value {
	rows := reflect.MakeSlice(typ, n, c)
	size := c * int(typ.Elem().Size())
	if size < pageSize { // no capacity, or less than a page: nothing to gain
		return rows
	}
	b := unsafe.Slice((*byte)(rows.UnsafePointer()), size)
	for i := 0; i < size; i += pageSize {
		b[i] = 0
	}
	return rows
}

// pageSize is the smallest page size of the systems gongshi runs on; on
// larger pages some stores are redundant, never wrong.
const pageSize = 4096
