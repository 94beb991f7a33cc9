//go:build !unix

package safefs

// openFlags are added to the flags of every source file opened (none needed
// where there are no FIFOs to block on).
const openFlags = 0
