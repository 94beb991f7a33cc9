//go:build !linux

package output

import "os"

// writeFile writes b to a new or truncated file name.
func writeFile(name string, b []byte) error { return os.WriteFile(name, b, 0o644) }
