package output

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("公示"), 1<<18) // larger than one write may take
	tests := []struct {
		name   string
		before []byte // the file's bytes beforehand (nil: no file)
		write  []byte
	}{
		{"new", nil, []byte("<p>new</p>")},
		{"empty", nil, []byte{}},
		{"shorter than before", []byte("a much longer old page"), []byte("short")},
		{"longer than before", []byte("old"), big},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			name := filepath.Join(dir, string(rune('a'+i))+".html")
			if tc.before != nil {
				if err := os.WriteFile(name, tc.before, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if err := writeFile(name, tc.write); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tc.write) {
				t.Errorf("file holds %d bytes, want the %d written", len(got), len(tc.write))
			}
			fi, err := os.Stat(name)
			if err != nil {
				t.Fatal(err)
			}
			if tc.before == nil && fi.Mode().Perm()&0o044 == 0 {
				t.Errorf("a new file is %v, not readable by the web server", fi.Mode().Perm())
			}
		})
	}
	t.Run("no folder", func(t *testing.T) {
		err := writeFile(filepath.Join(dir, "missing", "index.html"), []byte("x"))
		var pe *fs.PathError
		if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) {
			t.Errorf("err = %v, want a *fs.PathError for a missing folder", err)
		}
	})
	t.Run("a folder in the way", func(t *testing.T) {
		if err := writeFile(dir, []byte("x")); err == nil {
			t.Error("writing over a folder succeeded")
		}
	})
}

// TestCreateMakesPageFolder: a page's folder is made before the page when
// its parent exists, and otherwise after a failed first try; every file
// ends written.
func TestCreateMakesPageFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "villages", "V0002"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rel   string
		tries int // calls of make
	}{
		{"villages/V0001/index.html", 1}, // parent there: made first
		{"villages/V0002/index.html", 1}, // folder there already
		{"index.html", 1},                // the root
		{"a/b/c/index.html", 2},          // parent missing: MkdirAll after a try
		{"data/2025/pledges.csv", 2},     // not a page: tried first
		{"villages/V0001/data.json", 1},  // not a page, folder there
	}
	for _, tc := range tests {
		full := filepath.Join(dir, filepath.FromSlash(tc.rel))
		tries := 0
		err := create(full, func() error { tries++; return writeFile(full, []byte(tc.rel)) })
		if err != nil {
			t.Fatalf("%s: %v", tc.rel, err)
		}
		if got, _ := os.ReadFile(full); string(got) != tc.rel {
			t.Errorf("%s holds %q", tc.rel, got)
		}
		if tries != tc.tries {
			t.Errorf("%s: %d tries to create, want %d", tc.rel, tries, tc.tries)
		}
	}
}
