package qa

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gongshi/generator/build"
)

// BuildSite builds the site source at src into dest as `gongshi build` does.
func BuildSite(src, dest string) error { return BuildSiteAt(src, dest, "") }

// BuildSiteAt builds the site as `gongshi build --base-url base` does (the
// site's own base_url when base is "").
func BuildSiteAt(src, dest, base string) error {
	_, probs, err := build.Run(build.Options{Source: src, Dest: dest, BaseURL: base})
	if err != nil {
		var b strings.Builder
		if probs != nil {
			for _, p := range probs.Sorted() {
				fmt.Fprintln(&b, p)
			}
		}
		return fmt.Errorf("building %s: %w\n%s", src, err, b.String())
	}
	return nil
}

// Handler serves a built site the way a plain static web host does: a
// folder answers with its index.html (a folder path without its final
// slash is redirected), a missing file answers 404 with the site's 404.html.
func Handler(root string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		name := filepath.Join(root, filepath.FromSlash(p))
		fi, err := os.Stat(name)
		if err == nil && fi.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, path.Base(p)+"/", http.StatusMovedPermanently)
				return
			}
			name = filepath.Join(name, "index.html")
			fi, err = os.Stat(name)
		}
		if err != nil || fi.IsDir() {
			body, _ := os.ReadFile(filepath.Join(root, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(body)
			return
		}
		f, err := os.Open(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer f.Close()
		http.ServeContent(w, r, name, fi.ModTime(), f)
	})
}

// UnderOrigin returns an inSite func for a site served at origin (e.g.
// http://127.0.0.1:1234): a URL is in the site when it has that scheme,
// host and port. data: and blob: URLs never leave the page.
func UnderOrigin(origin string) func(string) bool {
	o, err := url.Parse(origin)
	return func(raw string) bool {
		if local(raw) {
			return true
		}
		u, uerr := url.Parse(raw)
		return err == nil && uerr == nil && u.Scheme == o.Scheme && u.Host == o.Host
	}
}

// UnderDir returns an inSite func for a site opened from disk: a URL is in
// the site when it is a file:// URL of a file inside dir.
func UnderDir(dir string) func(string) bool {
	abs, err := filepath.Abs(dir)
	prefix := filepath.ToSlash(abs) + "/"
	return func(raw string) bool {
		if local(raw) {
			return true
		}
		u, uerr := url.Parse(raw)
		return err == nil && uerr == nil && u.Scheme == "file" && strings.HasPrefix(path.Clean(u.Path), prefix)
	}
}

func local(raw string) bool {
	return strings.HasPrefix(raw, "data:") || strings.HasPrefix(raw, "blob:") || raw == "about:blank"
}

// FileURL returns the file:// URL of a file on disk.
func FileURL(name string) (string, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", err
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String(), nil
}

// HTMLPages returns every .html file under root, as slash paths relative to
// root, in lexical order.
func HTMLPages(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out, err
}

// GzipSize returns the size of b compressed with gzip at the default level,
// roughly what a web server sends.
func GzipSize(b []byte) (int, error) {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, err
	}
	return buf.Len(), nil
}

// Compressed serves h as a web host set up for a public site does: text
// (HTML, CSS, JavaScript, SVG, XML, JSON, CSV) gzipped for a browser that
// accepts it, and assets other than pages cacheable for a day. (Handler
// alone serves files as they are, which page-speed audits count against a
// page though any real host compresses.)
func Compressed(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/") && !strings.HasSuffix(r.URL.Path, ".html") {
			w.Header().Set("Cache-Control", "public, max-age=86400")
		}
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || !compressible(r.URL.Path) {
			h.ServeHTTP(w, r)
			return
		}
		rec := &bufferedResponse{header: http.Header{}, code: http.StatusOK}
		h.ServeHTTP(rec, r)
		for k, v := range rec.header {
			w.Header()[k] = v
		}
		if rec.code != http.StatusOK && rec.code != http.StatusNotFound {
			w.WriteHeader(rec.code)
			w.Write(rec.body.Bytes())
			return
		}
		var zipped bytes.Buffer
		zw := gzip.NewWriter(&zipped)
		zw.Write(rec.body.Bytes())
		zw.Close()
		w.Header().Del("Content-Length")
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		w.WriteHeader(rec.code)
		w.Write(zipped.Bytes())
	})
}

// compressible reports whether a path names text a host would gzip: a
// folder (its index.html) or a file of a text type.
func compressible(p string) bool {
	if strings.HasSuffix(p, "/") {
		return true
	}
	switch path.Ext(p) {
	case ".html", ".css", ".js", ".svg", ".xml", ".json", ".csv", ".txt", ".ics", ".ico":
		return true
	}
	return false
}

// bufferedResponse holds a response until it is compressed.
type bufferedResponse struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header         { return b.header }
func (b *bufferedResponse) WriteHeader(code int)        { b.code = code }
func (b *bufferedResponse) Write(p []byte) (int, error) { return b.body.Write(p) }
