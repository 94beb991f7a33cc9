package load

import (
	"strings"
	"unsafe"
)

// arenaChunk is the size of one block of an arena: large enough that a
// province's millions of short cells (IDs like TR0000001, dates) share a
// few thousand allocations, small enough that a block half used at the end
// of a file wastes little.
const arenaChunk = 64 << 10

// arena copies the cells a table keeps into large blocks. A cell copied
// alone is an allocation of its own, rounded up to a size class (a
// nine-byte ID takes sixteen) and one more object for the collector to
// find; three million training IDs were 48 MB that way. Nothing written
// into a block is ever changed, so the strings made from it are as
// immutable as any. A block lives as long as any string in it: the rows
// keep them until the search index, whose documents then keep the blocks
// that hold their IDs and texts. An arena must not be copied (two copies
// would append into one block); each sink has its own.
type arena struct {
	block []byte
}

// keep returns a copy of v that does not share memory with v.
func (a *arena) keep(v string) string {
	if len(v) == 0 {
		return ""
	}
	if len(v) > arenaChunk/8 {
		return strings.Clone(v) // a long text: its own allocation
	}
	if len(a.block)+len(v) > cap(a.block) {
		a.block = make([]byte, 0, arenaChunk)
	}
	start := len(a.block)
	a.block = append(a.block, v...)
	b := a.block[start:len(a.block):len(a.block)]
	return unsafe.String(unsafe.SliceData(b), len(b))
}
