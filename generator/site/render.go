package site

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"

	"gongshi/generator/langpart"
	"gongshi/generator/output"
	"gongshi/generator/route"

	"github.com/a-h/templ"
)

// Stats counts what a render wrote.
type Stats struct {
	Pages int // HTML pages
	Files int // other files (assets, chart CSVs)
}

// Render writes the theme's static files, every page of the plan (with the
// files that belong to it) and the county charts' CSVs. Pages are rendered
// on all cores; progress, if not nil, is called now and then with the pages
// done and the total (from one worker at a time; last with done == total).
// The first failure stops the workers: on a full disk the build ends at the
// first page that cannot be written, not after all of them.
func (p *Plan) Render(w *output.Writer, progress func(done, total int)) (Stats, error) {
	var st Stats
	if err := p.check(); err != nil {
		return st, err
	}
	s := p.s
	for _, name := range s.Theme.staticFiles() {
		if err := w.Write(name, s.Theme.static[name]); err != nil {
			return st, err
		}
		st.Files++
	}
	for _, c := range p.charts {
		if err := w.Write(route.ChartCSV(c.name, c.year), s.Charts.CountyCSV(c.name, c.year)); err != nil {
			return st, err
		}
		st.Files++
	}
	var done, extra atomic.Int64
	var progressMu sync.Mutex
	var failed atomic.Bool
	var firstErr error
	var errOnce sync.Once
	jobs := make(chan entry, 256)
	var wg sync.WaitGroup
	for k := 0; k < runtime.GOMAXPROCS(0); k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for e := range jobs {
				if failed.Load() {
					continue
				}
				n, err := s.renderOne(w, e, &buf)
				extra.Add(int64(n))
				if err != nil {
					errOnce.Do(func() { firstErr = err })
					failed.Store(true)
				}
				if n := done.Add(1); progress != nil && n%1000 == 0 && int(n) < p.pages {
					progressMu.Lock()
					progress(int(n), p.pages)
					progressMu.Unlock()
				}
			}
		}()
	}
	for e := range p.all {
		if failed.Load() {
			break
		}
		jobs <- e
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return st, firstErr
	}
	if keys := s.C.Missing(); len(keys) > 0 {
		return st, fmt.Errorf("theme: words missing from the catalogue (i18n/*.toml): %s", strings.Join(keys, ", "))
	}
	if progress != nil {
		progress(p.pages, p.pages)
	}
	st.Pages = p.pages
	st.Files += int(extra.Load())
	return st, nil
}

// renderOne builds, renders and writes one page and its own files,
// returning how many files beside the page it wrote. A panic in a view
// builder or a layout (a bug, or a site's own layout) is reported with the
// page and layout rather than crashing the build.
func (s *Site) renderOne(w *output.Writer, e entry, buf *bytes.Buffer) (files int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s (layout %s): internal error: %v\n%s", e.path, e.layout, r, firstFrames(debug.Stack()))
		}
	}()
	p, err := e.build()
	if err != nil {
		return 0, fmt.Errorf("%s: %w", e.path, err)
	}
	if err := s.frameParts(p); err != nil {
		return 0, fmt.Errorf("%s: %w", e.path, err)
	}
	buf.Reset()
	if err := s.execute(e.layout, p, buf); err != nil {
		return 0, fmt.Errorf("%s (layout %s): %w", e.path, e.layout, err)
	}
	for _, f := range p.Files {
		if err := w.Write(f.Path, f.Data); err != nil {
			return files, err
		}
		files++
	}
	return files, w.Write(e.path, buf.Bytes())
}

// firstFrames keeps the top of a stack trace: enough to find the bug, not
// a screenful.
func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 12 {
		lines = lines[:12]
	}
	return strings.Join(lines, "\n")
}

// execute renders a page with its layout into buf. A page in a language
// other than Chinese has its Chinese parts (the county's data) marked as
// such (langpart).
func (s *Site) execute(layoutName string, p *Page, buf *bytes.Buffer) error {
	c, err := layout(layoutName, p)
	if err != nil {
		return err
	}
	if err := c.Render(context.Background(), buf); err != nil || strings.HasPrefix(p.Lang, "zh") {
		return err
	}
	marked := markBufs.Get().(*[]byte)
	*marked = langpart.Mark((*marked)[:0], buf.Bytes())
	buf.Reset()
	buf.Write(*marked)
	markBufs.Put(marked)
	return nil
}

// markBufs hold the marked pages of an English site while they are
// copied back, one a render worker at a time: not a new page-sized
// buffer for every page.
var markBufs = sync.Pool{New: func() any { return new([]byte) }}

// frameParts fills the page's head additions, header and footer. The
// theme's own follow from the page's home link (its depth, or base_url on
// 404.html) and its nav section, so that pair is the key of a memo and they
// are rendered only for a new pair. A site's own partial may show anything
// of the page (its title, its breadcrumbs), so it is rendered for every
// page; the parts it does not replace still come from the memo.
func (s *Site) frameParts(p *Page) error {
	key := p.Home + "\x00" + p.Section
	var parts [3]HTML
	v, cached := s.frames.Load(key)
	if cached {
		parts = v.([3]HTML)
	}
	for i, name := range [3]string{"head", "header", "footer"} {
		if _, own := s.Theme.partials[name]; cached && !own {
			continue // the theme's, as rendered for a page like this one
		}
		s.links(p)
		var def templ.Component
		switch name {
		case "head":
			extra := ""
			if s.Theme.hasStatic(route.ExtraStylePath) && p.Path != route.NotFoundPath { // 404.html inlines it with the stylesheet (notFound)
				extra = route.Rel(p.Path, route.ExtraStylePath)
			}
			def = headExtra(extra)
		case "header":
			def = header(p)
		case "footer":
			def = footer(p)
		}
		var err error
		if parts[i], err = s.Theme.part(name, p, def); err != nil {
			return err
		}
	}
	if !cached {
		s.frames.Store(key, parts)
	}
	p.Head, p.Header, p.FooterHTML = parts[0], parts[1], parts[2]
	return nil
}

// PageRenderer returns a function that renders the planned page at path
// into a buffer, for benchmarks and tools that need one page.
func (p *Plan) PageRenderer(path string) (func(buf *bytes.Buffer) error, error) {
	for e := range p.all {
		if e.path == path {
			return func(buf *bytes.Buffer) error {
				pg, err := e.build()
				if err != nil {
					return err
				}
				if err := p.s.frameParts(pg); err != nil {
					return err
				}
				return p.s.execute(e.layout, pg, buf)
			}, nil
		}
	}
	return nil, fmt.Errorf("site: no page %s", path)
}
