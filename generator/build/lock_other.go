//go:build !unix

package build

// lockDir is a no-op where flock does not exist (Windows): two builds to
// one destination at once are not prevented there.
func lockDir(dir string) (release func(), err error) { return func() {}, nil }
