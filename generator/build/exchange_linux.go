package build

import "golang.org/x/sys/unix"

// exchange swaps the folders a and b in one atomic step (renameat2 with
// RENAME_EXCHANGE). It fails on file systems that cannot (and on kernels
// before 3.15); swap then falls back to two renames.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
