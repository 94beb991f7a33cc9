//go:build unix

package safefs

import (
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO is refused without being opened: opening one to read blocks until
// a writer comes, which would hang the build.
func TestReadFIFO(t *testing.T) {
	root := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(root, "pledges.csv"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	_, err := Read(root, "pledges.csv", MaxTable)
	if p, ok := AsProblem(err); !ok || p.Code != CodeNotRegular {
		t.Errorf("FIFO: %v, want %s", err, CodeNotRegular)
	}
	files, probs, _ := List(root, ".")
	if len(files) != 0 || probs.Len() != 1 || probs.Sorted()[0].Code != CodeNotRegular {
		t.Errorf("List: %v", probs.Sorted())
	}
}
