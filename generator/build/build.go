// Package build runs the whole pipeline for `gongshi build`: check the
// source, render the site into a staging folder beside the destination, and
// swap it in only when everything succeeded, so that a failed or killed
// build leaves the published site exactly as it was.
package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gongshi/generator/check"
	"gongshi/generator/content"
	"gongshi/generator/load"
	"gongshi/generator/privacy"
	"gongshi/generator/problem"
	"gongshi/generator/site"
)

// Options says what to build and where.
type Options struct {
	Source  string // site source folder
	Dest    string // output folder; default Source/public
	BaseURL string // overrides site.toml base_url when not empty
	// Progress, if not nil, is called with pages done and total while
	// rendering (from one goroutine at a time; last with done == total).
	Progress func(done, total int)
	// Extend, if not nil, is called after the site is prepared and before it
	// renders, to add charts and downloads (packages charts and opendata).
	Extend func(s *site.Site, staging string) (*problem.List, error)
	// Interrupt, if not nil, is closed to stop the build (Ctrl+C, SIGTERM):
	// rendering stops, the staging folder is removed and Run returns
	// ErrInterrupted. Closed after the swap has begun, it is ignored.
	Interrupt <-chan struct{}
}

// Summary is what a build wrote and how long it took (wall time, for the
// summary only: nothing timed is ever written into the site).
type Summary struct {
	site.Stats
	Seconds       float64 // the whole build
	CheckSeconds  float64 // reading and checking the source
	RenderSeconds float64 // pages, assets and downloads into the staging folder
	SwapSeconds   float64 // replacing the previous output
}

// Marker is the file that marks a folder as gongshi output, so a build
// never replaces a folder it did not make.
const Marker = ".gongshi-build"

// ErrInvalid means the input has errors; the problems say which.
var ErrInvalid = errors.New("invalid input")

// Run builds the site. Problems are returned whatever happens; err is
// ErrInvalid when they include errors, another error for other failures.
func Run(o Options) (Summary, *problem.List, error) {
	start := time.Now()
	var sum Summary
	if o.Dest == "" {
		o.Dest = filepath.Join(o.Source, "public")
	}
	if o.BaseURL != "" && !ValidBaseURL(o.BaseURL) {
		return sum, &problem.List{}, fmt.Errorf("base URL %q: %s (%s)", o.BaseURL, load.BaseURLZh, load.BaseURLEn)
	}
	if err := checkDest(o.Source, o.Dest); err != nil {
		return sum, &problem.List{}, err
	}
	unlock := func() {}
	defer func() { unlock() }() // last: after staging is removed
	probs, s, err := prepare(o, func() (string, error) {
		sum.CheckSeconds = time.Since(start).Seconds()
		staging, release, err := makeStaging(o.Dest) // lock, remove leftovers, make
		if err == nil {
			unlock = release
		}
		return staging, err
	})
	if s != nil {
		defer os.RemoveAll(s.Staging) // gone after a successful swap; cleans up after a failure
		defer s.Wait()                // work Extend started must end before staging is removed
	}
	if err != nil {
		return sum, probs, err
	}
	staging := s.Staging
	s.Interrupt = o.Interrupt
	renderStart := time.Now()
	st, err := s.Render(staging, o.Progress)
	if interrupted(o.Interrupt) {
		return sum, probs, ErrInterrupted
	}
	if err != nil {
		return sum, probs, err
	}
	if found := s.Guard.Problems(); found.Len() > 0 { // personal numbers in the output: never swap it in
		probs.Merge(*found)
		return sum, probs, ErrInvalid
	}
	sum.RenderSeconds = time.Since(renderStart).Seconds()
	if err := os.WriteFile(filepath.Join(staging, Marker), []byte("gongshi build output; safe to delete with the folder\n"), 0o644); err != nil {
		return sum, probs, err
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		return sum, probs, err
	}
	swapStart := time.Now()
	if err := swap(staging, o.Dest); err != nil {
		return sum, probs, err
	}
	sum.SwapSeconds = time.Since(swapStart).Seconds()
	sum.Stats = st
	sum.Seconds = time.Since(start).Seconds()
	return sum, probs, nil
}

func absPath(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

// Check does everything Run does short of writing anything: it checks the
// data, the Markdown pages with every shortcode (through o.Extend, which is
// given no staging folder), and the theme's templates, so that `gongshi
// check` passes exactly when `gongshi build` would.
func Check(o Options) (*problem.List, error) {
	probs, s, err := prepare(o, func() (string, error) { return "", nil })
	if s != nil {
		s.Wait()
	}
	if errors.Is(err, ErrInvalid) {
		return probs, nil
	}
	return probs, err
}

// prepare runs the stages before rendering: check the source, read content and
// theme, then (if all is well) make the staging folder with mkStaging,
// prepare the site and let o.Extend add to it. The site is returned as soon
// as it exists, so that the caller can clean up after a later failure.
func prepare(o Options, mkStaging func() (string, error)) (*problem.List, *site.Site, error) {
	d, probs, err := check.Source(o.Source)
	if err != nil {
		return probs, nil, err
	}
	if o.BaseURL != "" {
		d.Site.BaseURL = strings.TrimSuffix(o.BaseURL, "/") + "/"
	}
	allow := privacy.NewAllow(d.Site.Privacy.AllowNumbers)
	pages, cp := content.Load(o.Source, allow)
	probs.Merge(*cp)
	theme, tp, err := site.LoadTheme(o.Source, d.Site.Language)
	if err != nil {
		return probs, nil, err
	}
	probs.Merge(*tp)
	probs.Merge(*privacy.Files(o.Source, []string{"layouts", "static", "i18n"}, allow))
	if probs.Errors() > 0 {
		return probs, nil, ErrInvalid
	}
	staging, err := mkStaging()
	if err != nil {
		return probs, nil, err
	}
	s := site.NewSite(d, theme, pages)
	s.Staging = staging
	s.Guard = privacy.NewGuard(allow, probs.Sorted())
	if o.Extend != nil {
		ep, err := o.Extend(s, staging)
		if ep != nil {
			probs.Merge(*ep)
		}
		if err != nil {
			return probs, s, err
		}
	}
	probs.Merge(*s.Prepare())
	if probs.Errors() > 0 {
		return probs, s, ErrInvalid
	}
	return probs, s, nil
}

// ValidBaseURL reports whether u can be a base_url (the rule of site.toml).
var ValidBaseURL = load.ValidBaseURL

// checkDest refuses destinations a build must never replace: the source
// folder itself or a folder above it, and a non-empty folder that is not a
// previous gongshi output.
func checkDest(source, dest string) error {
	src, dst := absPath(source), absPath(dest)
	// A link as the destination is refused rather than followed: replacing
	// the link would orphan the release it points to (deploy scripts flip
	// such links themselves), and replacing the folder it points to would
	// change a release other links may share. Either way gongshi would be
	// second-guessing a layout someone made on purpose.
	if fi, err := os.Lstat(dst); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("输出目录 %s 是符号链接，拒绝替换；请用 --dest 指定实际的目录 (destination is a symbolic link: give the real folder with --dest)", dest)
	}
	if r, err := filepath.EvalSymlinks(src); err == nil {
		src = r
	}
	if r, err := filepath.EvalSymlinks(dst); err == nil {
		dst = r
	}
	if dst == src || strings.HasPrefix(src, dst+string(filepath.Separator)) || dst == string(filepath.Separator) {
		return fmt.Errorf("输出目录 %s 是站点源目录或其上级，拒绝覆盖 (destination is the source folder or above it)", dest)
	}
	entries, err := os.ReadDir(dst)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dst, Marker)); err != nil {
		return fmt.Errorf("输出目录 %s 不为空，且不是 gongshi 生成的，拒绝覆盖 (destination is not empty and not a previous gongshi output)", dest)
	}
	return nil
}
