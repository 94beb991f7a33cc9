//go:build !linux

package build

import "errors"

// exchange is not available here: swap uses two renames.
func exchange(a, b string) error { return errors.New("exchange: not supported") }
