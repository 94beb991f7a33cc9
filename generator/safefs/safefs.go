// Package safefs keeps gongshi's file access inside the folders it means to
// touch. Source files are read without following symbolic links and without
// reading devices, pipes or files too big to hold in memory; output paths are
// checked to stay inside the staging folder; and names that Windows or a USB
// stick cannot hold are recognised.
//
// Why refuse every symbolic link in the source, not only those that leave
// it: a link inside the folder still makes the site depend on where it was
// built (a link copied to a USB stick or a Windows share is lost or dangles),
// "leaves the source" cannot be judged without racing the file system, and a
// county clerk has no reason to make one. A link to /dev/zero, to a private
// file or to a folder outside the site is refused with the same problem.
package safefs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"gongshi/generator/problem"
)

// Size limits of source files: far more than any county types, small enough
// that reading one whole cannot exhaust a small machine's memory.
const (
	MaxTable = 1 << 30   // a data table (CSV, TOML): a province's largest is a few hundred MB
	MaxText  = 16 << 20  // site.toml, rules.toml, a Markdown page, a layout, an i18n file
	MaxAsset = 256 << 20 // a file of static/ (images, PDFs), copied into the site
)

// Problem codes of this package.
const (
	CodeSymlink    = "symlink"
	CodeNotRegular = "not-regular-file"
	CodeTooLarge   = "file-too-large"
)

// Read returns the contents of the regular file rel (slash-separated,
// relative to root). The file and every folder between root and it must be
// real (no symbolic link), the file regular (no device, FIFO or socket) and
// at most limit bytes. A file that breaks these rules is a problem.Problem
// (returned as the error; use errors.As); a missing file is an error
// matching fs.ErrNotExist; anything else is an I/O error.
func Read(root, rel string, limit int64) ([]byte, error) {
	info, err := checkPath(root, rel)
	if err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, tooLarge(rel, limit)
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	// os.Root refuses to leave root even if a folder is swapped for a link
	// after checkPath looked at it; openFlags keeps a FIFO swapped in from
	// blocking the open.
	f, err := r.OpenFile(filepath.FromSlash(rel), os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	got, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !os.SameFile(info, got) || !got.Mode().IsRegular() {
		return nil, notRegular(rel, got.Mode())
	}
	// Read into a buffer of the file's size (and room to see it grow):
	// io.ReadAll alone doubles its buffer as it goes, which for a
	// province's 100 MB table briefly takes twice that.
	var buf bytes.Buffer
	buf.Grow(int(min(got.Size(), limit)) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if int64(len(b)) > limit {
		return nil, tooLarge(rel, limit) // it grew while being read
	}
	return b, nil
}

// checkPath returns the Lstat of root/rel after making sure that neither it
// nor any folder on the way is a symbolic link, and that it is a regular file.
func checkPath(root, rel string) (os.FileInfo, error) {
	if !Valid(rel) {
		return nil, fmt.Errorf("safefs: %q is not a clean relative path", rel)
	}
	parts := strings.Split(rel, "/")
	var info os.FileInfo
	for i := range parts {
		sub := strings.Join(parts[:i+1], "/")
		var err error
		info, err = os.Lstat(filepath.Join(root, filepath.FromSlash(sub)))
		if err != nil {
			return nil, err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return nil, symlink(sub)
		}
		if i < len(parts)-1 && !info.IsDir() {
			return nil, &fs.PathError{Op: "open", Path: rel, Err: fs.ErrNotExist}
		}
	}
	if !info.Mode().IsRegular() {
		return nil, notRegular(rel, info.Mode())
	}
	return info, nil
}

// List returns the regular files under the folder dir of root (slash paths
// relative to root, sorted), for folders of many files such as content/ and
// static/. Symbolic links (to files or folders) and special files found on
// the way are reported, not listed or followed; hidden folders (".git",
// ".trash") are skipped. A missing dir lists nothing. The error is for I/O
// failures only.
func List(root, dir string) ([]string, *problem.List, error) {
	probs := &problem.List{}
	top := filepath.Join(root, filepath.FromSlash(dir))
	if info, err := os.Lstat(top); errors.Is(err, fs.ErrNotExist) {
		return nil, probs, nil
	} else if err != nil {
		return nil, probs, err
	} else if info.Mode()&fs.ModeSymlink != 0 {
		probs.Add(symlink(dir))
		return nil, probs, nil
	} else if !info.IsDir() {
		return nil, probs, nil
	}
	var files []string
	err := filepath.WalkDir(top, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(root, p)
		rel := filepath.ToSlash(r)
		switch t := e.Type(); {
		case t&fs.ModeSymlink != 0:
			probs.Add(symlink(rel))
		case e.IsDir():
			if p != top && strings.HasPrefix(e.Name(), ".") {
				return filepath.SkipDir
			}
		case t.IsRegular():
			files = append(files, rel)
		default:
			probs.Add(notRegular(rel, t))
		}
		return nil
	})
	sort.Strings(files)
	return files, probs, err
}

// Join returns root/rel for a file gongshi writes, after making sure that rel
// stays inside root: slash-separated, relative, clean (no "." or ".."
// segments, no empty ones) and free of backslashes and NUL. The page plan
// and the downloads never make another kind of path; this is the last line
// of defence should one ever slip through, so it is an internal error.
func Join(root, rel string) (string, error) {
	if !Valid(rel) {
		return "", fmt.Errorf("safefs: refusing to write %q: not a clean path inside the output folder", rel)
	}
	return filepath.Join(root, filepath.FromSlash(rel)), nil
}

// Valid reports whether rel is a clean, relative, slash-separated path of
// at least one segment that cannot leave the folder it is relative to.
func Valid(rel string) bool {
	if rel == "" || rel == "." || path.Clean(rel) != rel || path.IsAbs(rel) || filepath.IsAbs(rel) ||
		strings.ContainsAny(rel, "\\\x00") || filepath.VolumeName(rel) != "" {
		return false
	}
	// A clean relative path holds ".." only at its start.
	return rel != ".." && !strings.HasPrefix(rel, "../")
}

// SymlinkProblem is the problem of a symbolic link at rel, for callers that
// find one while listing a folder themselves.
func SymlinkProblem(rel string) problem.Problem { return symlink(rel) }

func symlink(rel string) problem.Problem {
	return problem.Problem{Code: CodeSymlink, File: rel,
		Zh: "是符号链接（快捷方式），gongshi 不跟随链接读取；请放入文件本身",
		En: "is a symbolic link, which gongshi does not follow: put the file itself here"}
}

func notRegular(rel string, m fs.FileMode) problem.Problem {
	kind := "folder"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeDevice != 0:
		kind = "device"
	case !m.IsDir():
		kind = "special file"
	}
	return problem.Problem{Code: CodeNotRegular, File: rel, Value: kind,
		Zh: "不是普通文件（设备、管道或套接字），无法读取",
		En: "not a regular file (a device, pipe or socket): cannot be read"}
}

func tooLarge(rel string, limit int64) problem.Problem {
	return problem.Problem{Code: CodeTooLarge, File: rel,
		Zh: fmt.Sprintf("文件过大：超过 %d MB 的上限", limit>>20),
		En: fmt.Sprintf("file too large: more than the limit of %d MB", limit>>20)}
}

// AsProblem reports whether err is a problem with the input (a link, a
// special file, a file too large) rather than an I/O failure, and returns it.
func AsProblem(err error) (problem.Problem, bool) {
	var p problem.Problem
	ok := errors.As(err, &p)
	return p, ok
}
