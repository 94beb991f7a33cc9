package safefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
)

func write(t *testing.T, dir, rel, body string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlinkOrSkip(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symlinks here: %v", err)
	}
}

func TestRead(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write(t, root, "data/pledges.csv", "id\n")
	write(t, root, "data/big.csv", "0123456789")
	write(t, outside, "secret.md", "private")
	write(t, root, "content/real/x.md", "x")
	symlinkOrSkip(t, filepath.Join(outside, "secret.md"), filepath.Join(root, "content", "leak.md"))
	symlinkOrSkip(t, outside, filepath.Join(root, "content", "dir"))
	symlinkOrSkip(t, "real/x.md", filepath.Join(root, "content", "inside.md"))
	symlinkOrSkip(t, "/dev/zero", filepath.Join(root, "data", "zero.csv"))
	for _, c := range []struct {
		rel   string
		limit int64
		want  string // contents, or the problem code
		file  string // the problem's file
	}{
		{"data/pledges.csv", MaxTable, "id\n", ""},
		{"data/big.csv", 10, "0123456789", ""},
		{"data/big.csv", 9, CodeTooLarge, "data/big.csv"},
		{"content/leak.md", MaxText, CodeSymlink, "content/leak.md"},
		{"content/dir/secret.md", MaxText, CodeSymlink, "content/dir"},
		{"content/inside.md", MaxText, CodeSymlink, "content/inside.md"}, // even one that stays inside
		{"data/zero.csv", MaxTable, CodeSymlink, "data/zero.csv"},
		{"data", MaxTable, CodeNotRegular, "data"},
	} {
		t.Run(c.rel, func(t *testing.T) {
			b, err := Read(root, c.rel, c.limit)
			if c.file == "" {
				if err != nil || string(b) != c.want {
					t.Fatalf("got %q, %v; want %q", b, err, c.want)
				}
				return
			}
			p, ok := AsProblem(err)
			if !ok {
				t.Fatalf("got %q, %v; want problem %s", b, err, c.want)
			}
			if p.Code != c.want || p.File != c.file || p.Zh == "" || p.En == "" {
				t.Errorf("problem %+v, want code %s at %s", p, c.want, c.file)
			}
		})
	}
	if _, err := Read(root, "data/missing.csv", MaxTable); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want ErrNotExist", err)
	}
	if _, err := Read(root, "data/pledges.csv/x", MaxTable); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("file used as a folder: %v, want ErrNotExist", err)
	}
	if _, err := Read(root, "../x", MaxTable); err == nil {
		t.Errorf("../x was read")
	}
}

func TestReadDevice(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /dev/zero")
	}
	// The root is / here, so /dev/zero is reached without a link.
	_, err := Read("/", "dev/zero", MaxTable)
	if p, ok := AsProblem(err); !ok || p.Code != CodeNotRegular {
		t.Errorf("/dev/zero: %v, want %s", err, CodeNotRegular)
	}
}

func TestList(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write(t, root, "content/about.md", "")
	write(t, root, "content/reports/2024.md", "")
	write(t, root, "content/.hidden.md", "")
	write(t, root, "content/.trash/old.md", "")
	write(t, outside, "x.md", "")
	symlinkOrSkip(t, filepath.Join(outside, "x.md"), filepath.Join(root, "content", "leak.md"))
	symlinkOrSkip(t, outside, filepath.Join(root, "content", "more"))
	files, probs, err := List(root, "content")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"content/.hidden.md", "content/about.md", "content/reports/2024.md"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	var got []string
	for _, p := range probs.Sorted() {
		got = append(got, p.Code+" "+p.File)
	}
	if want := []string{"symlink content/leak.md", "symlink content/more"}; !reflect.DeepEqual(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
	if files, probs, err := List(root, "static"); err != nil || len(files) != 0 || probs.Len() != 0 {
		t.Errorf("missing folder: %q %d %v", files, probs.Len(), err)
	}
	symlinkOrSkip(t, outside, filepath.Join(root, "layouts"))
	if files, probs, _ := List(root, "layouts"); len(files) != 0 || probs.Len() != 1 || probs.Sorted()[0].Code != CodeSymlink {
		t.Errorf("linked folder: %q %v", files, probs.Sorted())
	}
}

func TestJoin(t *testing.T) {
	for _, c := range []struct {
		rel string
		ok  bool
	}{
		{"index.html", true},
		{"villages/V1/index.html", true},
		{"data/2024/pledges.csv", true},
		{"a..b/index.html", true}, // dots inside a name are fine
		{"", false},
		{".", false},
		{"..", false},
		{"../index.html", false},
		{"./index.html", false},
		{"x/../../index.html", false},
		{"x/./index.html", false},
		{"x//index.html", false},
		{"x/", false},
		{"/etc/passwd", false},
		{`a\..\index.html`, false},
		{"C:/x", true}, // on Unix a folder named "C:"; Windows sees a volume, below
		{"a\x00b", false},
	} {
		p, err := Join("/staging", c.rel)
		if c.rel == "C:/x" && runtime.GOOS == "windows" {
			c.ok = false
		}
		if (err == nil) != c.ok {
			t.Errorf("Join(%q) = %q, %v; want ok=%v", c.rel, p, err, c.ok)
		}
		if err == nil && p != filepath.Join("/staging", filepath.FromSlash(c.rel)) {
			t.Errorf("Join(%q) = %q", c.rel, p)
		}
	}
}

func TestReserved(t *testing.T) {
	for name, want := range map[string]bool{
		"CON": true, "con": true, "Nul": true, "aux": true, "PRN": true,
		"COM1": true, "com9": true, "LPT0": true, "lpt5": true,
		"nul.txt": true, "CON.tar.gz": true, "con ": true,
		"COM": false, "COM10": false, "CONSOLE": false, "NULL": false, "V1": false,
		"con-1": false, "LPTX": false, "": false, "auxiliary": false,
	} {
		if got := Reserved(name); got != want {
			t.Errorf("Reserved(%q) = %v, want %v", name, got, want)
		}
	}
}
