package load

import (
	"strings"
	"testing"
	"unsafe"
)

func TestArenaKeep(t *testing.T) {
	var a arena
	src := []byte("TR0000001")
	// The cell as a reader hands it out: a view of bytes that are not
	// the kept copy's (the file as read).
	got := a.keep(unsafe.String(&src[0], len(src)))
	src[0] = 'X' // the caller's bytes change: the kept copy must not
	if got != "TR0000001" {
		t.Fatalf("kept %q, want TR0000001", got)
	}
	if a.keep("") != "" {
		t.Fatal("empty text kept as non-empty")
	}
	// Many cells share blocks; a full block starts a new one and the
	// earlier strings stay intact.
	var kept []string
	for i := 0; i < 3*arenaChunk/9; i++ {
		kept = append(kept, a.keep("TR0000001"))
	}
	blocks := 1
	for i, k := range kept {
		if k != "TR0000001" {
			t.Fatalf("cell %d became %q", i, k)
		}
		if i > 0 && uintptr(unsafe.Pointer(unsafe.StringData(k))) != uintptr(unsafe.Pointer(unsafe.StringData(kept[i-1])))+9 {
			blocks++ // not right after the one before: a new block
		}
	}
	if blocks > 4 {
		t.Errorf("%d cells took %d blocks: not packed", len(kept), blocks)
	}
	// A long text is copied on its own and is whole.
	long := strings.Repeat("长", arenaChunk)
	if k := a.keep(long); k != long || unsafe.StringData(k) == unsafe.StringData(long) {
		t.Error("long text not copied whole")
	}
}
