package site

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"gongshi/generator/privacy"
	"gongshi/generator/safefs"
)

// Stats counts what a render wrote.
type Stats struct {
	Pages int   // HTML pages
	Files int   // other files (assets, sitemap, robots.txt)
	Bytes int64 // total bytes written
}

// Render writes the whole site into root (an empty staging folder). Pages
// are rendered on all cores; progress, if not nil, is called now and then
// with the pages done and the total.
func (s *Site) Render(root string, progress func(done, total int)) (Stats, error) {
	plan := s.plan()
	var st Stats
	seen := make(map[string]bool, len(plan))
	for _, e := range plan {
		if seen[e.path] {
			// Prepare refuses content that would do this; two workers writing one
			// file would interleave its bytes, so never go on.
			return st, fmt.Errorf("site: two pages planned at %s", e.path)
		}
		seen[e.path] = true
	}
	w := newWriter(root)
	w.guard = s.Guard
	for _, name := range s.Theme.staticFiles() {
		if err := w.write(name, s.Theme.static[name]); err != nil {
			return st, err
		}
		st.Files++
	}
	var done atomic.Int64
	var progressMu sync.Mutex // progress is called from one worker at a time
	var firstErr error
	var errOnce sync.Once
	// failed stops the render at the first error: on a full disk every later
	// page would fail too, after rendering for nothing.
	var failed atomic.Bool
	jobs := make(chan entry, 256)
	var wg sync.WaitGroup
	for k := 0; k < runtime.GOMAXPROCS(0); k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for e := range jobs {
				if failed.Load() {
					continue // drain: the sender stops soon
				}
				if err := s.renderOne(w, e, &buf); err != nil {
					errOnce.Do(func() { firstErr = err })
					failed.Store(true)
				}
				if n := done.Add(1); progress != nil && n%1000 == 0 && int(n) < len(plan) {
					progressMu.Lock()
					progress(int(n), len(plan))
					progressMu.Unlock()
				}
			}
		}()
	}
	for _, e := range plan {
		if failed.Load() || s.goFailed.Load() || s.interrupted() {
			break // a page or a download failed, or the build was stopped: stop now
		}
		jobs <- e
	}
	close(jobs)
	wg.Wait()
	if err := s.Wait(); err != nil && firstErr == nil {
		firstErr = err
	}
	if firstErr != nil {
		return st, firstErr
	}
	if s.interrupted() {
		return st, errors.New("site: render interrupted")
	}
	if keys := s.Theme.Missing(); len(keys) > 0 {
		return st, fmt.Errorf("theme: UI strings missing from i18n/zh-CN.toml: %s", strings.Join(keys, ", "))
	}
	if progress != nil {
		progress(len(plan), len(plan))
	}
	st.Pages = len(plan)
	if s.AfterRender != nil {
		before := w.files.Load()
		if err := s.AfterRender(w.write); err != nil {
			return st, err
		}
		st.Files += int(w.files.Load() - before)
	}
	paths := make([]string, 0, len(plan))
	for _, e := range plan {
		if e.path != "404.html" {
			paths = append(paths, e.path)
		}
	}
	extra, err := s.writeSitemap(w, paths)
	if err != nil {
		return st, err
	}
	st.Files += extra
	extra, err = s.writeFeeds(w)
	if err != nil {
		return st, err
	}
	st.Files += extra
	extra, err = s.writeSearchIndex(w)
	if err != nil {
		return st, err
	}
	st.Files += extra
	st.Bytes = w.bytes.Load() + s.extra.Bytes
	st.Files += s.extra.Files
	return st, nil
}

func (s *Site) renderOne(w *writer, e entry, buf *bytes.Buffer) error {
	p, err := e.build()
	if err != nil {
		return fmt.Errorf("%s: %w", e.path, err)
	}
	if s.Hook != nil {
		s.Hook(p)
	}
	if err := s.frameParts(p); err != nil {
		return fmt.Errorf("%s: %w", e.path, err)
	}
	buf.Reset()
	if err := s.Theme.execute(e.layout, p, buf); err != nil {
		return fmt.Errorf("%s: %w", e.path, err)
	}
	for _, f := range p.Files {
		if err := w.write(f.Path, f.Data); err != nil {
			return err
		}
	}
	return w.write(e.path, buf.Bytes())
}

// interrupted reports whether s.Interrupt is closed.
func (s *Site) interrupted() bool {
	select {
	case <-s.Interrupt:
		return true
	default:
		return false
	}
}

// frameParts fills the page's header and footer from a memo. Both follow
// from the page's home link (its depth, or base_url on 404.html) and its nav
// section, so that pair is the key: a partial is rendered only for a new pair.
func (s *Site) frameParts(p *Page) error {
	key := p.Home + "\x00" + p.Section
	if v, ok := s.frames.Load(key); ok {
		parts := v.([2]HTML)
		p.Header, p.FooterHTML = parts[0], parts[1]
		return nil
	}
	h, err := s.Theme.Partial("header", p)
	if err != nil {
		return err
	}
	f, err := s.Theme.Partial("footer", p)
	if err != nil {
		return err
	}
	s.frames.Store(key, [2]HTML{h, f})
	p.Header, p.FooterHTML = h, f
	return nil
}

// writer writes files under root, creating each folder once. Workers that
// need the same new folder wait for the one that makes it.
type writer struct {
	root  string
	guard *privacy.Guard // scans every file written for personal numbers
	mu    sync.Mutex
	dirs  map[string]*dirOnce
	bytes atomic.Int64
	files atomic.Int64
}

func newWriter(root string) *writer { return &writer{root: root, dirs: map[string]*dirOnce{}} }

type dirOnce struct {
	once sync.Once
	err  error
}

func (w *writer) mkdir(dir string) error {
	w.mu.Lock()
	d := w.dirs[dir]
	if d == nil {
		d = &dirOnce{}
		w.dirs[dir] = d
	}
	w.mu.Unlock()
	d.once.Do(func() {
		// The parent is usually made already (pages come in plan order):
		// one mkdir instead of MkdirAll's stat-then-mkdir walk.
		if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
			d.err = os.MkdirAll(dir, 0o755)
		}
	})
	return d.err
}

func (w *writer) write(rel string, b []byte) error {
	full, err := safefs.Join(w.root, rel) // never outside the staging folder
	if err != nil {
		return err
	}
	if err := w.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	w.guard.Scan(rel, b)
	w.bytes.Add(int64(len(b)))
	w.files.Add(1)
	return os.WriteFile(full, b, 0o644)
}

// maxSitemapURLs is the sitemap protocol's limit per file.
const maxSitemapURLs = 50000

// writeSitemap writes sitemap.xml (an index of sitemap-N.xml past 50,000
// URLs) and robots.txt. Sitemap URLs are base_url + path: absolute when
// base_url is, as search engines want; path-absolute otherwise.
func (s *Site) writeSitemap(w *writer, paths []string) (int, error) {
	sort.Strings(paths)
	base := s.D.Site.BaseURL
	loc := func(p string) string { return xmlEscape(base + strings.TrimSuffix(p, "index.html")) }
	files := 0
	urlset := func(ps []string) []byte {
		var b bytes.Buffer
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, p := range ps {
			fmt.Fprintf(&b, "<url><loc>%s</loc><lastmod>%s</lastmod></url>\n", loc(p), s.D.Site.AsOf)
		}
		b.WriteString("</urlset>\n")
		return b.Bytes()
	}
	if len(paths) <= maxSitemapURLs {
		if err := w.write("sitemap.xml", urlset(paths)); err != nil {
			return files, err
		}
		files++
	} else {
		var idx bytes.Buffer
		idx.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for k := 0; k*maxSitemapURLs < len(paths); k++ {
			end := (k + 1) * maxSitemapURLs
			if end > len(paths) {
				end = len(paths)
			}
			name := fmt.Sprintf("sitemap-%d.xml", k+1)
			if err := w.write(name, urlset(paths[k*maxSitemapURLs:end])); err != nil {
				return files, err
			}
			files++
			fmt.Fprintf(&idx, "<sitemap><loc>%s</loc><lastmod>%s</lastmod></sitemap>\n", xmlEscape(base+name), s.D.Site.AsOf)
		}
		idx.WriteString("</sitemapindex>\n")
		if err := w.write("sitemap.xml", idx.Bytes()); err != nil {
			return files, err
		}
		files++
	}
	robots := "User-agent: *\nAllow: /\n"
	if strings.HasPrefix(base, "http") {
		robots += "Sitemap: " + base + "sitemap.xml\n"
	}
	if err := w.write("robots.txt", []byte(robots)); err != nil {
		return files, err
	}
	return files + 1, nil
}

// xmlEscape escapes s for XML text and attributes. Characters XML 1.0 does
// not allow at all (C0 controls but tab and line breaks, U+FFFE, U+FFFF,
// lone surrogates) are dropped: the loader refuses them in data, and this
// keeps feed.xml and the sitemaps well-formed whatever text reaches them.
func xmlEscape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		if !xmlChar(r) {
			continue
		}
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar reports whether r is a Char of XML 1.0.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// PageRenderer returns a function that renders the planned page at path
// into a buffer, for benchmarks and tools that need one page.
func (s *Site) PageRenderer(path string) (func(buf *bytes.Buffer) error, error) {
	for _, e := range s.plan() {
		if e.path == path {
			e := e
			return func(buf *bytes.Buffer) error {
				p, err := e.build()
				if err != nil {
					return err
				}
				if err := s.frameParts(p); err != nil {
					return err
				}
				return s.Theme.execute(e.layout, p, buf)
			}, nil
		}
	}
	return nil, fmt.Errorf("site: no page %s", path)
}
