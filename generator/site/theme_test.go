package site

import (
	"os"
	"path/filepath"
	"testing"
)

// TestStaticFileNames: a static file whose name holds a control character
// (a line break) is a problem named with the character escaped, and is not
// published; its neighbours are.
func TestStaticFileNames(t *testing.T) {
	dir := t.TempDir()
	static := filepath.Join(dir, "static")
	if err := os.MkdirAll(static, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a\nb.css", "ok.css", "tab\there.txt"} {
		if err := os.WriteFile(filepath.Join(static, name), []byte("x"), 0o644); err != nil {
			t.Skipf("this file system refuses the name %q: %v", name, err)
		}
	}
	th, probs, err := LoadTheme(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, p := range probs.Sorted() {
		if p.Code == CodeFileName {
			files = append(files, p.Place())
		}
	}
	// The name is kept as it is and printed quoted, on one line.
	if len(files) != 2 || files[0] != `"static/a\nb.css"` || files[1] != `"static/tab\there.txt"` {
		t.Errorf("problems at %q, want \"static/a\\nb.css\" and \"static/tab\\there.txt\"", files)
	}
	if _, ok := th.static["ok.css"]; !ok {
		t.Error("ok.css not published")
	}
	if _, ok := th.static["a\nb.css"]; ok {
		t.Error("a\\nb.css published")
	}
}
