// Package build runs the whole pipeline for `gongshi build`, calling the
// stages in order: check the source (package check), read the content,
// words and theme, plan the pages (site), render them while the downloads
// are written (opendata), write the search index, feeds and sitemap, all
// into a staging folder beside the destination (output), and swap it in
// only when everything succeeded, so that a failed or killed build leaves
// the published site exactly as it was.
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
	"gongshi/generator/dataset"
	"gongshi/generator/feeds"
	"gongshi/generator/i18n"
	"gongshi/generator/load"
	"gongshi/generator/opendata"
	"gongshi/generator/output"
	"gongshi/generator/privacy"
	"gongshi/generator/problem"
	"gongshi/generator/search"
	"gongshi/generator/site"
	"gongshi/generator/sitemap"
)

// Options says what to build and where.
type Options struct {
	Source  string // site source folder
	Dest    string // output folder; default Source/public
	BaseURL string // overrides site.toml base_url when not empty
	// Progress, if not nil, is called with pages done and total while
	// rendering (from one goroutine at a time; last with done == total).
	Progress func(done, total int)
	// Changes, if not empty, names a file to write the list of output paths
	// added, changed and removed since the previous build into (DESIGN.md:
	// "A path", "M path", "D path", one a line).
	Changes string
	// Interrupt, if not nil, is closed to stop the build (Ctrl+C, SIGTERM):
	// writing stops, the staging folder is removed and Run returns
	// ErrInterrupted. Closed after the swap has begun, it is ignored.
	Interrupt <-chan struct{}
}

// Summary is what a build wrote and how long it took (wall time, for the
// summary only: nothing timed is ever written into the site).
type Summary struct {
	Pages         int     // HTML pages
	Files         int     // every other file: assets, chart CSVs, downloads, search index, feeds, sitemap
	Bytes         int64   // everything written
	Seconds       float64 // the whole build
	CheckSeconds  float64 // reading and checking the source
	RenderSeconds float64 // pages, assets and downloads into the staging folder
	SwapSeconds   float64 // replacing the previous output
	// What changed since the previous output: files added, changed and
	// removed, and files kept (their bytes unchanged: hard-linked from the
	// previous output, not written again).
	Added, Changed, Removed, Kept int
	// ByHand are the files of the previous output that no build wrote
	// (put there by hand, as a site verification file may be): the swap
	// removed them, and Removed counts them.
	ByHand []string
}

// InputFolders are the folders of a site source that a build reads
// (beside site.toml).
var InputFolders = []string{"data", "content", "layouts", "static", "i18n"}

// Marker is the file that marks a folder as gongshi output, so a build
// never replaces a folder it did not make.
const Marker = ".gongshi-build"

// ErrInvalid means the input has errors; the problems say which.
var ErrInvalid = errors.New("invalid input")

// UsageError is a refused option: a destination a build must not replace,
// a --changes file inside the source or the
// output. The command exits 2 for it, as for any usage error.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error { return &UsageError{fmt.Sprintf(format, args...)} }

// Run builds the site, stage by stage: check the source; read content,
// words and theme; plan the pages; render the pages while the downloads are
// written; write the search index, feeds and sitemap; swap the staging
// folder in. Problems are returned whatever happens; err is ErrInvalid when
// they include errors, another error for other failures. It is Prepare and
// then Write, with their problems in one list.
func Run(o Options) (Summary, *problem.List, error) {
	p, probs, err := Prepare(o)
	if err != nil {
		return Summary{}, probs, err
	}
	sum, found, err := p.Write()
	probs.Merge(*found)
	return sum, probs, err
}

// Prepared is a source that passed its checks, planned and ready to be
// written: what Prepare returns and Write takes. It holds none of the
// problems, so that a caller that has printed them (gongshi build) can let
// a province's many warnings go before the pages are rendered.
type Prepared struct {
	o       Options
	in      inputs
	start   time.Time
	checked time.Time // when the checks were done
}

// Prepare runs the stages before writing anything: check the destination
// and the source; read content, words and theme; plan the pages. Problems
// are returned whatever happens (never nil); err is ErrInvalid when they
// include errors. The Prepared it returns (never nil) is to be written only
// when err is nil.
func Prepare(o Options) (*Prepared, *problem.List, error) {
	p := &Prepared{o: o, start: time.Now()}
	if p.o.Dest == "" {
		p.o.Dest = filepath.Join(o.Source, "public")
	}
	if zh, en := load.BaseURLProblem(o.BaseURL); o.BaseURL != "" && zh != "" {
		return p, &problem.List{}, fmt.Errorf("base URL %q: %s (%s)", o.BaseURL, zh, en)
	}
	if err := checkDest(o.Source, p.o.Dest); err != nil {
		return p, &problem.List{}, err
	}
	if err := checkChanges(o.Changes, o.Source, p.o.Dest); err != nil {
		return p, &problem.List{}, err
	}
	// What killed builds left beside the destination goes now, not only
	// when this build gets as far as writing: a build stopped by invalid
	// input leaves nothing behind either.
	tidyLeftovers(p.o.Dest)
	in, probs, err := prepare(p.o)
	if probs == nil { // the source could not be read at all (err says why)
		probs = &problem.List{}
	}
	p.checked = time.Now()
	if err != nil {
		return p, probs, err
	}
	p.in = in
	return p, probs, nil
}

// Write renders the prepared site into a staging folder, the downloads
// alongside, then the search index, feeds and sitemap, and swaps the
// folder in. found are the problems only the output shows (a personal
// number from a layout or static file); with any, nothing is swapped in
// and err is ErrInvalid. A Prepared is written once.
func (p *Prepared) Write() (Summary, *problem.List, error) {
	o, in, start := p.o, p.in, p.start
	sum := Summary{CheckSeconds: p.checked.Sub(start).Seconds()}
	probs := &problem.List{}
	if in.plan == nil {
		return sum, probs, errors.New("build: nothing prepared to write (Prepare failed, or Write was called twice)")
	}
	p.in = inputs{} // written once: the rows can go with the index below

	// Stage into a folder beside the destination (after taking the
	// destination's lock and removing what killed builds left): a failed or
	// killed build leaves the published site as it was.
	renderStart := time.Now()
	staging, unlock, err := makeStaging(o.Dest)
	if err != nil {
		return sum, probs, err
	}
	defer unlock()              // last: after staging is removed
	defer os.RemoveAll(staging) // gone after a successful swap; cleans up after a failure
	w := output.New(staging)
	w.Guard(in.guard)
	w.Interrupt(o.Interrupt)
	var prev output.Manifest
	if isOutput(o.Dest) {
		prev = output.ReadManifest(o.Dest)
		w.Previous(absPath(o.Dest), prev)
	}

	// Pages on all cores; the downloads and the feeds alongside, each on one
	// goroutine (on a disk that makes files slowly, one core formats the
	// workbook while the other waits on it). The search index comes after
	// them: it holds every record's text at once, and a province's pages
	// and index together would need twice the memory.
	downloads, feedsDone := make(chan error, 1), make(chan error, 1)
	go func() {
		_, err := opendata.Write(w, in.d)
		downloads <- err
	}()
	go func() {
		_, err := feeds.Write(w, in.d, in.words)
		feedsDone <- err
	}()
	st, err := in.plan.Render(w, o.Progress)
	for _, ch := range []chan error{downloads, feedsDone} {
		if derr := <-ch; err == nil {
			err = derr
		}
	}
	if interrupted(o.Interrupt) {
		return sum, probs, ErrInterrupted
	}
	if err != nil {
		return sum, probs, err
	}
	if _, err := sitemap.Write(w, in.d.Site, in.plan.Paths()); err != nil {
		return sum, probs, err
	}
	// The search index is last and the plan and dataset are let go before
	// it: what it needs of the rows it copies into its documents first, so
	// that in a province the rows can be collected while it builds.
	d, words := in.d, in.words
	in = inputs{guard: in.guard}
	if _, err := search.Write(w, d, words); err != nil {
		return sum, probs, err
	}
	if interrupted(o.Interrupt) {
		return sum, probs, ErrInterrupted
	}
	if found := in.guard.Problems(); found.Len() > 0 { // personal numbers in the output: never swap it in
		probs.Merge(*found)
		return sum, probs, ErrInvalid
	}
	changes, err := w.Finish()
	if err != nil {
		return sum, probs, err
	}
	// Files put into the previous output by hand go with it: they are
	// named in the summary and listed as removed.
	sum.ByHand = output.Unlisted(o.Dest, prev)
	changes.Removed = append(changes.Removed, sum.ByHand...)
	sum.RenderSeconds = time.Since(renderStart).Seconds()

	if err := os.WriteFile(filepath.Join(staging, Marker), []byte("gongshi build output; safe to delete with the folder\n"), 0o644); err != nil {
		return sum, probs, err
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		return sum, probs, err
	}
	// The list of changes is written before the swap, beside its file,
	// and renamed into place after it: a list that cannot be written stops
	// the build with the published site as it was (a sync script that
	// uploads the files listed would otherwise miss this build's for good).
	list := ""
	if o.Changes != "" {
		if list, err = stageChanges(o.Changes, changes); err != nil {
			return sum, probs, err
		}
	}
	swapStart := time.Now()
	if err := swap(staging, o.Dest); err != nil {
		if list != "" {
			os.Remove(list)
		}
		return sum, probs, err
	}
	sum.SwapSeconds = time.Since(swapStart).Seconds()
	sum.Added, sum.Changed, sum.Removed, sum.Kept = len(changes.Added), len(changes.Changed), len(changes.Removed), changes.Kept
	if list != "" {
		if err := os.Rename(list, o.Changes); err != nil {
			return sum, probs, fmt.Errorf("网站已更新，但变更列表未能改名为 %s，见 %s (the site was updated, but the list of changes could not be renamed to %s; it is %s): %w", o.Changes, list, o.Changes, list, err)
		}
	}
	files, bytes := w.Stats()
	sum.Pages, sum.Files, sum.Bytes = st.Pages, files-st.Pages, bytes
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
// data, the Markdown pages with every shortcode, the words and the theme's
// templates, so that `gongshi check` passes exactly when `gongshi build`
// would.
func Check(o Options) (*problem.List, error) {
	_, probs, err := prepare(o)
	if errors.Is(err, ErrInvalid) {
		return probs, nil
	}
	return probs, err
}

// inputs are what the stages before rendering produce.
type inputs struct {
	d     *dataset.Dataset
	words *i18n.Catalogue
	plan  *site.Plan
	guard *privacy.Guard // scans every file written for personal numbers
}

// prepare runs the stages before rendering: check the source; read the
// content, the catalogue of words and the theme; plan the pages (which
// renders the Markdown with its shortcodes). Any error problem stops here.
func prepare(o Options) (inputs, *problem.List, error) {
	var in inputs
	d, probs, err := check.Source(o.Source)
	if err != nil {
		return in, probs, err
	}
	if fi, err := os.Stat(o.Source); err == nil && !fi.IsDir() {
		return in, probs, ErrInvalid // a file, not a folder: site.toml's problem says so, and there is nothing more to read
	}
	dataErrors := probs.Errors()
	if o.BaseURL != "" {
		d.Site.BaseURL = strings.TrimSuffix(o.BaseURL, "/") + "/"
	}
	// A site.toml with an error (a base_url that is not one, a slip that
	// left the settings unread) gets no second word about its base_url.
	if o.BaseURL != "" || probs.ErrorsIn("site.toml") == 0 {
		if w, ok := load.RelativeBaseURL(o.Source, d.Site.BaseURL, o.BaseURL != ""); ok {
			probs.Add(w)
		}
	}
	// Content, words and theme are read even when the data has errors, so
	// that one run reports every problem.
	allow := privacy.NewAllow(d.Site.Privacy.AllowNumbers)
	pages, cp := content.Load(o.Source, allow)
	probs.Merge(*cp)
	if !strings.Contains(d.Site.Title, content.SampleMarker) {
		for _, p := range pages {
			if p.Sample {
				probs.Warn("sample-content", p.File, 0, "", "",
					"仍是 gongshi new 写入的虚构示例内容（含“"+content.SampleMarker+"”），请改写或删除后再发布",
					"still the fictional example text gongshi new wrote (it says “"+content.SampleMarker+"”): rewrite or delete it before publishing")
			}
		}
	}
	lang := d.Site.Language
	if lang != "en" {
		lang = "zh-CN"
	}
	words, ip := i18n.Load(o.Source, lang)
	probs.Merge(*ip)
	theme, tp, err := site.LoadTheme(o.Source, words)
	if err != nil {
		return in, probs, err
	}
	probs.Merge(*tp)
	probs.Merge(*check.Published(o.Source, allow))
	// The plan renders the Markdown with its shortcodes, which finds bad
	// ones: it is made whenever the data, words and theme it needs are
	// sound, even if a page had another problem (a personal number), so
	// that one run reports both.
	if dataErrors == 0 && ip.Errors() == 0 && tp.Errors() == 0 {
		plan, pp := site.NewPlan(d, theme, words, pages)
		probs.Merge(*pp)
		if probs.Errors() == 0 {
			return inputs{d: d, words: words, plan: plan, guard: privacy.NewGuard(allow, probs.Sorted())}, probs, nil
		}
	}
	return in, probs, ErrInvalid
}

// isOutput reports whether dir is a previous gongshi output.
func isOutput(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, Marker))
	return err == nil
}

// stageChanges writes the list of changed output paths to a new file
// beside name, to be renamed to name once the site is swapped in (the list
// is about the published site, and is not part of it), and returns the new
// file's name. A list that cannot be written is a usage error, which says
// that the site was not changed.
func stageChanges(name string, c output.Changes) (string, error) {
	fail := func(err error) (string, error) {
		return "", usagef("--changes %s 无法写入，网站未改动 (--changes %s cannot be written; the site was not changed): %v", name, name, err)
	}
	if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() {
		return fail(fmt.Errorf("不是普通文件 (not a regular file)"))
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".gongshi-*")
	if err != nil {
		return fail(err)
	}
	if _, err := c.WriteTo(f); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return fail(err)
	}
	return f.Name(), nil
}

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
		return usagef("输出目录 %s 是符号链接，拒绝替换；请用 --dest 指定实际的目录 (destination is a symbolic link: give the real folder with --dest)", dest)
	}
	if r, err := filepath.EvalSymlinks(src); err == nil {
		src = r
	}
	if r, err := filepath.EvalSymlinks(dst); err == nil {
		dst = r
	}
	if dst == src || strings.HasPrefix(src, dst+string(filepath.Separator)) || dst == string(filepath.Separator) {
		return usagef("输出目录 %s 是站点源目录或其上级，拒绝覆盖 (destination is the source folder or above it)", dest)
	}
	// In a folder the build reads (data/out, static), the output would be
	// read as input by the next check and build.
	for _, in := range InputFolders {
		if d := filepath.Join(src, in); dst == d || strings.HasPrefix(dst, d+string(filepath.Separator)) {
			return usagef("输出目录 %s 是站点源的 %s/ 文件夹或在其中，下次检查和生成时会被当作输入读取；请放在它外面（默认为 public/） (destination is or is inside the source's %s/ folder, which the next check and build would read as input: put it outside, the default is public/)", dest, in, in)
		}
	}
	if fi, err := os.Stat(dst); err == nil && !fi.IsDir() {
		return usagef("输出目录 %s 是一个文件，不是文件夹；请用 --dest 指定一个文件夹 (destination is a file, not a folder: give a folder with --dest)", dest)
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
		return usagef("输出目录 %s 不为空，且不是 gongshi 生成的，拒绝覆盖 (destination is not empty and not a previous gongshi output)", dest)
	}
	return nil
}

// checkChanges refuses a --changes file inside the source (it would replace
// site.toml or a data file, or be read as content by the next build) or
// inside the output (it would be published, and removed by the next build).
func checkChanges(changes, source, dest string) error {
	if changes == "" {
		return nil
	}
	file := resolved(absPath(changes))
	if fi, err := os.Stat(filepath.Dir(file)); err != nil || !fi.IsDir() {
		return usagef("--changes %s：没有 %s 这个文件夹，变更列表无法写入 (--changes %s: there is no folder %s to write the list of changes in)", changes, filepath.Dir(changes), changes, filepath.Dir(changes))
	}
	if fi, err := os.Stat(file); err == nil && fi.IsDir() {
		return usagef("--changes %s 是一个文件夹；请给出文件名，如 ../changes.txt (--changes %s is a folder: name a file, e.g. ../changes.txt)", changes, changes)
	}
	for _, c := range []struct{ dir, zh, en string }{
		{source, "站点源目录", "the source folder"},
		{dest, "输出目录", "the output folder"},
	} {
		dir := resolved(absPath(c.dir))
		if file == dir || strings.HasPrefix(file, dir+string(filepath.Separator)) {
			return usagef("--changes %s 在%s中：会改动站点源或被一同发布；请写到别处，如 ../changes.txt (--changes %s is inside %s: it would change the source or be published; write it elsewhere, e.g. ../changes.txt)", changes, c.zh, changes, c.en)
		}
	}
	return nil
}

// resolved is p with its symbolic links resolved as far as it exists: the
// file a --changes path names may not exist yet, its folder does.
func resolved(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	if r, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		return filepath.Join(r, filepath.Base(p))
	}
	return p
}
