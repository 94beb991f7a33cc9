package site

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriterStaysInside: the page writer refuses any path that would leave
// the staging folder or is not clean, and writes nothing for it. (Content
// names are checked in package content; this is the defence behind it.)
func TestWriterStaysInside(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "staging")
	if err := os.Mkdir(root, 0o755); err != nil {
		t.Fatal(err)
	}
	w := newWriter(root)
	for _, rel := range []string{"../index.html", "./index.html", "x/../../index.html", "/tmp/x.html", "", ".", "a//b.html", `..\index.html`} {
		if err := w.write(rel, []byte("defaced")); err == nil {
			t.Errorf("write(%q) succeeded", rel)
		}
	}
	if es, _ := os.ReadDir(parent); len(es) != 1 {
		t.Errorf("the parent holds %d entries, want only the staging folder", len(es))
	}
	if es, _ := os.ReadDir(root); len(es) != 0 {
		t.Errorf("the staging folder holds %d entries, want none", len(es))
	}
	if err := w.write("about/index.html", []byte("ok")); err != nil {
		t.Errorf("a clean path: %v", err)
	}
}
