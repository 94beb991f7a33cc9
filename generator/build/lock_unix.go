//go:build unix

package build

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// lockDir takes an exclusive lock on the folder dir (flock on the folder
// itself), or fails at once if another build holds it. The lock lives on
// the destination's parent folder because that is where a build writes
// (staging, swap): two builds to one destination always share it, and
// locking the folder itself writes nothing, neither beside the published
// site nor anywhere else. (A lock file would have to be made there, and a
// lock in $TMPDIR is not seen by a build run with another TMPDIR.) The price:
// builds to two destinations in the same parent folder also take turns.
// The kernel drops the lock when the process ends, however it ends.
func lockDir(dir string) (release func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, fmt.Errorf("另一个 gongshi build 正在向 %s 中的输出目录生成网站，请等它结束后再试 (another gongshi build is writing to a destination in %s: try again when it has finished)", dir, dir)
		}
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	return func() { f.Close() }, nil
}
