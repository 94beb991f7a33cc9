//go:build unix

package safefs

import "syscall"

// openFlags are added to the flags of every source file opened: a FIFO
// opened without O_NONBLOCK blocks until someone writes to it.
const openFlags = syscall.O_NONBLOCK
