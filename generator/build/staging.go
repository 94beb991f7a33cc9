package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// The folders a build makes beside its destination DEST, in DEST's parent:
//
//	.DEST.staging-XXXX   the new site while it is written; marked by
//	                     StagingMarker from the moment it exists
//	DEST.old-XXXX        the previous site between the two renames of a swap
//	                     where the file system cannot exchange two folders
//
// A build that is killed (SIGKILL, a power cut) leaves them behind. The next
// build to the same destination removes them before it makes its own, but
// only what is provably gongshi's: a folder of exactly these names that is
// empty or holds gongshi's marker, while this build holds the lock (so no
// live build is writing into it).

// StagingMarker marks a staging folder while a build writes it. It is
// replaced by Marker just before the swap.
const StagingMarker = ".gongshi-staging"

// ErrInterrupted means the build was stopped (Ctrl+C, SIGTERM) before the
// swap: its staging folder was removed and the published site is untouched.
var ErrInterrupted = errors.New("build interrupted")

// stagingPrefix and oldPrefix start the names of dest's staging and old folders.
func stagingPrefix(dest string) string { return "." + filepath.Base(dest) + ".staging-" }
func oldPrefix(dest string) string     { return filepath.Base(dest) + ".old-" }

// makeStaging takes the lock on dest's parent folder, removes what killed
// builds left there, and makes a new staging folder, marked. The lock is
// held until release is called, after the swap.
func makeStaging(dest string) (staging string, release func(), err error) {
	dest = absPath(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", nil, err
	}
	release, err = lockDir(parent)
	if err != nil {
		return "", nil, err
	}
	if err := removeLeftovers(dest); err != nil {
		release()
		return "", nil, err
	}
	staging, err = os.MkdirTemp(parent, stagingPrefix(dest))
	if err == nil {
		err = os.WriteFile(filepath.Join(staging, StagingMarker), []byte("gongshi build in progress; safe to delete when no build runs\n"), 0o644)
	}
	if err != nil {
		if staging != "" {
			os.RemoveAll(staging)
		}
		release()
		return "", nil, err
	}
	return staging, release, nil
}

// tidyLeftovers removes what killed builds to dest left behind (see
// removeLeftovers) when no other build is writing beside dest: a running
// build's staging folder is not a leftover, and that build holds the lock.
// Errors are left for makeStaging to report, if the build gets that far.
func tidyLeftovers(dest string) {
	dest = absPath(dest)
	release, err := lockDir(filepath.Dir(dest))
	if err != nil {
		return
	}
	defer release()
	removeLeftovers(dest)
}

// removeLeftovers removes the staging and old folders that earlier builds
// to dest left behind. If dest itself is missing and an old folder is there
// (a build killed between the two renames of a swap), that folder is the
// published site: it is put back first.
func removeLeftovers(dest string) error {
	parent := filepath.Dir(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	var stale, olds []string
	for _, e := range entries {
		n := e.Name()
		switch {
		case !e.IsDir() || e.Type()&os.ModeSymlink != 0:
		case strings.HasPrefix(n, stagingPrefix(dest)) && ours(filepath.Join(parent, n), StagingMarker, Marker):
			stale = append(stale, filepath.Join(parent, n))
		case strings.HasPrefix(n, oldPrefix(dest)) && ours(filepath.Join(parent, n), Marker):
			olds = append(olds, filepath.Join(parent, n))
		}
	}
	sort.Strings(olds)
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		// The latest site moved aside (there is only ever one) goes back.
		back, latest := -1, time.Time{}
		for i, d := range olds {
			if fi, err := os.Stat(filepath.Join(d, Marker)); err == nil && (back < 0 || fi.ModTime().After(latest)) {
				back, latest = i, fi.ModTime()
			}
		}
		if back >= 0 {
			if err := os.Rename(olds[back], dest); err != nil {
				return fmt.Errorf("恢复上次中断时移开的网站 %s 失败 (could not put back the site a killed build moved aside): %w", olds[back], err)
			}
			olds = slices.Delete(olds, back, back+1)
		}
	}
	for _, d := range append(stale, olds...) {
		if err := removeAll(d); err != nil {
			return fmt.Errorf("删除上次中断留下的 %s 失败 (could not remove what a killed build left): %w", d, err)
		}
	}
	return nil
}

// ours reports whether dir is empty or holds one of the marker files.
func ours(dir string, markers ...string) bool {
	for _, m := range markers {
		if fi, err := os.Lstat(filepath.Join(dir, m)); err == nil && fi.Mode().IsRegular() {
			return true
		}
	}
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	names, _ := f.Readdirnames(1)
	return len(names) == 0
}

// swap replaces dest with staging. Where the file system can, the two
// folders are exchanged in one step (renameat2 RENAME_EXCHANGE), so dest
// is never missing; the old site, now at the staging path, is then removed.
// Elsewhere the old folder is renamed aside, the new one into place, and the
// old one removed; a build killed between the two renames leaves dest
// missing, which the next build repairs (removeLeftovers). Every rename is
// within one parent folder, so each is atomic.
func swap(staging, dest string) error {
	dest = absPath(dest)
	// The staging folder becomes the site: only Marker stays.
	if err := os.Remove(filepath.Join(staging, StagingMarker)); err != nil {
		return err
	}
	if _, err := os.Lstat(dest); err == nil {
		if exchange(staging, dest) == nil {
			return removeAll(staging) // the old site, marked by its Marker until the end
		}
		old := filepath.Join(filepath.Dir(dest), oldPrefix(dest)+strings.TrimPrefix(filepath.Base(staging), stagingPrefix(dest)))
		if err := os.Rename(dest, old); err != nil {
			return err
		}
		if err := os.Rename(staging, dest); err != nil {
			os.Rename(old, dest)
			return err
		}
		return removeAll(old)
	}
	return os.Rename(staging, dest)
}

// removeAll removes a tree like os.RemoveAll, its top-level entries on all
// cores: a county's old site is tens of thousands of files, and removing
// them one by one took a sixth of a rebuild. The marker files go last, so a
// removal cut short still leaves a folder the next build knows as gongshi's.
func removeAll(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	var wg sync.WaitGroup
	next := make(chan string)
	errs := make(chan error, len(entries))
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				if err := os.RemoveAll(p); err != nil {
					errs <- err
				}
			}
		}()
	}
	for _, e := range entries {
		if n := e.Name(); n != Marker && n != StagingMarker {
			next <- filepath.Join(dir, n)
		}
	}
	close(next)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}
	return os.RemoveAll(dir)
}

// interrupted reports whether the channel (nil: never) is closed.
func interrupted(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}
