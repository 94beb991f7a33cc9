package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/problem"
)

// The dev server: `gongshi serve` builds the site into a temporary folder,
// serves it on 127.0.0.1 only, polls the source for changes and rebuilds,
// and tells open pages to reload when a build finishes. Nothing it adds to
// pages (the reload script, the error overlay) is ever written into a built
// file: the HTTP handler injects it into responses.

const (
	defaultPort  = 1313 // as `hugo server`
	pollInterval = 500 * time.Millisecond
	reloadPath   = "/__gongshi/reload.js"
	eventsPath   = "/__gongshi/events"
)

// reloadScript is the tag injected before </body> of every HTML response.
const reloadScript = `<script src="` + reloadPath + `"></script>`

// watched are the parts of a site source that a build reads.
var watched = append([]string{"site.toml"}, build.InputFolders...)

func serveCommand() command {
	return command{
		name: "serve", usage: "[--source DIR] [--port N]",
		summary: "本地预览，修改后自动刷新 (build, serve on 127.0.0.1, rebuild and live-reload on change)",
		details: "生成到临时目录（退出时删除），不改动 DIR/public。只监听 127.0.0.1，局域网其他电脑无法访问。\n" +
			"每 0.5 秒检查 site.toml、data/、content/、layouts/、static/、i18n/ 有无修改；生成失败时继续提供上次成功的版本，\n" +
			"并在页面上显示问题列表。base_url 改为本地地址。按 Ctrl+C 退出。\n" +
			"Builds into a temporary folder (removed on exit), never touching DIR/public. Listens on 127.0.0.1 only.\n" +
			"Polls site.toml, data/, content/, layouts/, static/ and i18n/ every 0.5 s; when a rebuild fails the last good\n" +
			"site is still served, with the problems shown over every page. base_url becomes the local address. Ctrl+C stops.",
		run: func(fs *flag.FlagSet, args []string, out, errOut io.Writer) int {
			src := fs.String("source", ".", "站点源目录 site source folder")
			port := fs.Int("port", defaultPort, "端口，0 为任选空闲端口 (port; 0 picks a free one)")
			if code, ok := parse(fs, args); !ok {
				return code
			}
			if *port < 0 || *port > 65535 {
				fmt.Fprintf(errOut, "gongshi serve: --port %d: 应为 0–65535 (expected a port number 0–65535)\n", *port)
				return exitUsage
			}
			if _, err := os.Stat(filepath.Join(*src, "site.toml")); err != nil {
				fmt.Fprintf(errOut, "site.toml: 在 %s 中找不到 site.toml，请用 --source 指定站点目录 (no site.toml in %s; point --source at a site folder)\n", *src, *src)
				return exitInvalid
			}
			return serve(*src, *port, out, errOut)
		},
	}
}

// serve runs the dev server until SIGINT or SIGTERM and returns the exit code.
func serve(source string, port int, out, errOut io.Writer) int {
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintf(errOut, "gongshi serve: 无法使用端口 %d，可用 --port 换一个 (cannot listen on port %d; choose another with --port): %v\n", port, port, err)
		return exitFailure
	}
	defer ln.Close()
	tmp, err := os.MkdirTemp("", "gongshi-serve-")
	if err != nil {
		fmt.Fprintf(errOut, "gongshi serve: %v\n", err)
		return exitFailure
	}
	defer os.RemoveAll(tmp) // on every return; emptied explicitly below after a clean stop
	url := "http://" + ln.Addr().String() + "/"

	ctx, stopSignals := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stopSignals()

	d := newDevServer(source, tmp, url, out, errOut)
	d.port = strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	defer d.close()
	d.rebuild()

	stop := make(chan struct{})
	var watching sync.WaitGroup
	watching.Go(func() { d.watch(stop, pollInterval) })

	srv := &http.Server{Handler: d.handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(out, "本地预览 serving at %s\n修改源文件后自动重新生成；按 Ctrl+C 退出 (rebuilds on change; Ctrl+C to stop)\n", url)

	code := exitOK
	select {
	case <-ctx.Done():
	case err := <-served:
		fmt.Fprintf(errOut, "gongshi serve: %v\n", err)
		code = exitFailure
	}
	stopSignals() // a second Ctrl+C kills at once
	close(stop)
	d.close() // ends the event streams, so Shutdown need not wait for them
	shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	watching.Wait() // no build may still be writing into tmp when it is removed
	if err := os.RemoveAll(tmp); err != nil {
		fmt.Fprintf(errOut, "gongshi serve: %v\n", err)
	}
	fmt.Fprintln(out, "\n已停止，临时目录已删除 (stopped; temporary folder removed)")
	return code
}

// devServer holds the state of `gongshi serve`: the folder of the last good
// build, the problems of the last build if it failed, and the pages waiting
// to hear about the next build.
type devServer struct {
	source  string    // site source folder
	tmp     string    // builds go to tmp/site-N
	baseURL string    // overrides base_url; "" keeps site.toml's
	port    string    // the port served on: requests must name it in Host ("": any port)
	out     io.Writer // build summaries
	errOut  io.Writer // problems

	building sync.Mutex // one build at a time

	mu       sync.Mutex
	seq      int      // builds started, names tmp/site-N
	root     string   // folder of the last good build; "" before the first
	prevRoot string   // the good build before root, kept while requests may still read it
	failure  []string // problems (or the error) of the last build when it failed; nil after a good build
	builtFP  uint64   // source fingerprint taken before the last build
	token    string   // changes with every finished build; pages reload when it differs from theirs
	epoch    string   // distinguishes this process's tokens from an earlier run's
	subs     map[chan struct{}]struct{}
	quit     chan struct{} // closed by close: event streams end
	quitOnce sync.Once
}

// newDevServer returns a server for the site source, building into
// subfolders of tmp. Call rebuild before serving, and watch to follow changes.
func newDevServer(source, tmp, baseURL string, out, errOut io.Writer) *devServer {
	d := &devServer{
		source: source, tmp: tmp, baseURL: baseURL, out: out, errOut: errOut,
		epoch: strconv.FormatInt(time.Now().UnixNano(), 36),
		subs:  map[chan struct{}]struct{}{},
		quit:  make(chan struct{}),
	}
	d.token = d.epoch + "-0"
	return d
}

// close ends every event stream. It is safe to call more than once.
func (d *devServer) close() { d.quitOnce.Do(func() { close(d.quit) }) }

// rebuild builds the site into a fresh folder. On success that folder is
// served from then on; on failure the last good one stays and the problems
// are printed and shown over every page. Either way open pages reload.
func (d *devServer) rebuild() {
	d.building.Lock()
	defer d.building.Unlock()
	fp := fingerprint(d.source)
	d.mu.Lock()
	d.seq++
	dest := filepath.Join(d.tmp, "site-"+strconv.Itoa(d.seq))
	d.mu.Unlock()

	sum, probs, err := build.Run(build.Options{Source: d.source, Dest: dest, BaseURL: d.baseURL})
	if probs != nil && probs.Len() > 0 {
		printProblems(d.errOut, probs, false)
	}
	var failure []string
	if err != nil {
		failure = failureLines(probs, err)
		os.RemoveAll(dest)
		fmt.Fprintln(d.errOut, "生成失败，继续提供上次成功的版本 (build failed; still serving the last good build)")
	} else {
		fmt.Fprintf(d.out, "已生成 built: %d 页面 pages, %d 其他 files, %.2f s\n", sum.Pages, sum.Files, sum.Seconds)
	}

	d.mu.Lock()
	d.builtFP = fp
	d.failure = failure
	var stale string
	if err == nil {
		stale, d.prevRoot, d.root = d.prevRoot, d.root, dest
	}
	d.token = d.epoch + "-" + strconv.Itoa(d.seq)
	for ch := range d.subs {
		select {
		case ch <- struct{}{}:
		default: // already has a pending wake-up
		}
	}
	d.mu.Unlock()
	if stale != "" {
		os.RemoveAll(stale)
	}
}

// failureLines returns what the error overlay lists: the problems, or the
// error itself when it is not about the input.
func failureLines(probs *problem.List, err error) []string {
	var lines []string
	if probs != nil {
		for _, p := range probs.Sorted() {
			lines = append(lines, p.String())
		}
	}
	if !errors.Is(err, build.ErrInvalid) || len(lines) == 0 {
		lines = append(lines, err.Error())
	}
	return lines
}

// watch polls the source every interval until stop is closed, and rebuilds
// once a change has held still for one interval, so that an editor saving
// several files or a spreadsheet writing a CSV in pieces makes one build.
func (d *devServer) watch(stop <-chan struct{}, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	d.mu.Lock()
	prev := d.builtFP
	d.mu.Unlock()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		fp := fingerprint(d.source)
		d.mu.Lock()
		changed := fp != d.builtFP
		d.mu.Unlock()
		if changed && fp == prev {
			fmt.Fprintln(d.out, "检测到修改，重新生成 (change detected, rebuilding)")
			d.rebuild()
		}
		prev = fp
	}
}

// fingerprint returns a hash of the names, sizes and modification times of
// the files a build reads. Hidden files and editor backups (name~) are
// skipped: editors create and delete them while a file is open.
func fingerprint(source string) uint64 {
	h := fnv.New64a()
	for _, name := range watched {
		filepath.WalkDir(filepath.Join(source, name), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(h, "%s\x00missing\x00", p)
				return nil
			}
			if n := e.Name(); p != filepath.Join(source, name) && (strings.HasPrefix(n, ".") || strings.HasSuffix(n, "~")) {
				if e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if e.IsDir() {
				return nil // its mtime moves with hidden files too; its files are hashed one by one
			}
			info, err := e.Info()
			if err != nil {
				return nil
			}
			fmt.Fprintf(h, "%s\x00%d\x00%d\x00%d\x00", p, info.Mode(), info.Size(), info.ModTime().UnixNano())
			return nil
		})
	}
	return h.Sum64()
}

// state returns what a request needs, under the lock.
func (d *devServer) state() (root string, failure []string, token string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.root, d.failure, d.token
}

// subscribe returns a channel that receives a value after every build.
func (d *devServer) subscribe() chan struct{} {
	ch := make(chan struct{}, 1)
	d.mu.Lock()
	d.subs[ch] = struct{}{}
	d.mu.Unlock()
	return ch
}

func (d *devServer) unsubscribe(ch chan struct{}) {
	d.mu.Lock()
	delete(d.subs, ch)
	d.mu.Unlock()
}

// handler returns the HTTP handler of the dev server: the reload script, the
// build event stream, and the last good build with the script (and, after a
// failed build, the error overlay) injected into every HTML page.
func (d *devServer) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(reloadPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadJS)
	})
	mux.HandleFunc(eventsPath, d.serveEvents)
	mux.HandleFunc("/", d.serveSite)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !d.localHost(r.Host) {
			http.Error(w, "gongshi serve 只回答发往 127.0.0.1 或 localhost 的请求 (gongshi serve answers requests to 127.0.0.1 or localhost only)", http.StatusForbidden)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// localHost reports whether a request's Host names this server on the
// loopback interface: 127.0.0.1, localhost or [::1], with its port. The
// server listens on 127.0.0.1 only, but a web page can still reach it by a
// DNS name of its own that resolves to 127.0.0.1 (DNS rebinding) and read
// the preview; the browser then sends that name as Host, which is refused.
func (d *devServer) localHost(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		return false // browsers always send the port of a non-80 server
	}
	switch strings.ToLower(name) {
	case "127.0.0.1", "localhost", "::1":
	default:
		return false
	}
	return d.port == "" || port == d.port
}

// serveEvents streams server-sent events: the current build token at once,
// then the new one after every build. The page reloads when it differs from
// the token it was served with.
func (d *devServer) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := d.subscribe()
	defer d.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	_, _, token := d.state()
	fmt.Fprintf(w, "retry: 1000\ndata: %s\n\n", token)
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-d.quit:
			return
		case <-ch:
			_, _, token := d.state()
			if _, err := fmt.Fprintf(w, "data: %s\n\n", token); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}

// serveSite serves a file of the last good build. HTML pages are read and
// sent with the reload script (and the error overlay after a failed build)
// inserted before </body>; every other file goes through http.FileServer.
func (d *devServer) serveSite(w http.ResponseWriter, r *http.Request) {
	root, failure, token := d.state()
	w.Header().Set("Cache-Control", "no-store")
	name := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	if !servablePath(name) {
		http.NotFound(w, r)
		return
	}
	isHTML := strings.HasSuffix(name, ".html")
	if root == "" {
		if isHTML && failure != nil {
			d.writeHTML(w, http.StatusInternalServerError, []byte(errorPage), failure, token)
			return
		}
		http.Error(w, "正在生成 building…", http.StatusServiceUnavailable)
		return
	}
	if isHTML {
		if b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name))); err == nil {
			d.writeHTML(w, http.StatusOK, b, failure, token)
			return
		}
	}
	// Conditional requests could answer 304 with a page missing a new overlay.
	r.Header.Del("If-Modified-Since")
	r.Header.Del("If-None-Match")
	http.FileServer(notFoundFS{http.Dir(root)}).ServeHTTP(w, r)
}

// servablePath reports whether a cleaned URL path can name a file of a
// site: no segment longer than a file name may be (255 bytes), and not
// over-long as a whole. Others are 404, never the file system's error.
func servablePath(name string) bool {
	if len(name) > 4096 {
		return false
	}
	for _, seg := range strings.Split(name, "/") {
		if len(seg) > 255 {
			return false
		}
	}
	return true
}

// notFoundFS reports every failure to open a file as "not found" (404),
// except a permission error (403): a path through a file ("index.html/x")
// would otherwise be a 500.
type notFoundFS struct{ fs http.FileSystem }

func (n notFoundFS) Open(name string) (http.File, error) {
	f, err := n.fs.Open(name)
	if err != nil && !errors.Is(err, fs.ErrPermission) {
		return nil, fs.ErrNotExist
	}
	return f, err
}

// writeHTML sends page with the dev server's additions before </body>.
func (d *devServer) writeHTML(w http.ResponseWriter, status int, page []byte, failure []string, token string) {
	var add bytes.Buffer
	if failure != nil {
		if err := overlayTmpl.Execute(&add, failure); err != nil {
			fmt.Fprintf(d.errOut, "gongshi serve: %v\n", err)
		}
	}
	fmt.Fprintf(&add, `<div hidden data-gongshi-build="%s"></div>%s`, template.HTMLEscapeString(token), reloadScript)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(inject(page, add.Bytes()))
}

// inject returns page with add inserted before the last </body>, or
// appended when there is none.
func inject(page, add []byte) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		return append(append([]byte(nil), page...), add...)
	}
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:i]...)
	out = append(out, add...)
	return append(out, page[i:]...)
}

// overlayTmpl shows the problems of a failed build over the page. Problems
// quote the user's data, so they go through html/template.
var overlayTmpl = template.Must(template.New("overlay").Parse(`<div id="gongshi-error" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2em;background:rgba(24,24,24,.95);color:#f5f5f5;font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left">
<button type="button" style="float:right;font:inherit;padding:.2em .8em;cursor:pointer">关闭 close</button>
<h1 style="margin:0 0 .5em;font-size:1.4em;color:#ff8a80">生成失败 Build failed</h1>
<p style="margin:0 0 1em">改正以下问题并保存后会自动重新生成；在此之前显示的是上次成功生成的网站。<br>
Fix these problems and save: the site rebuilds by itself. Until then the last good build is served.</p>
<ul style="margin:0;padding-left:1.5em">{{range .}}
<li style="margin:.3em 0;white-space:pre-wrap">{{.}}</li>{{end}}
</ul>
</div>`))

// errorPage is the page behind the overlay when no build has succeeded yet.
const errorPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>生成失败 Build failed · gongshi serve</title></head>
<body>
</body></html>
`

// reloadJS reloads the page when a build finishes (its token differs from
// the one the page was served with), and lets the error overlay be closed.
// It is served by `gongshi serve` only and never written into a site.
const reloadJS = `// gongshi serve: live reload (development only)
(function () {
  "use strict";
  var mark = document.querySelector("[data-gongshi-build]");
  var shown = mark ? mark.getAttribute("data-gongshi-build") : "";
  var events = new EventSource("` + eventsPath + `");
  events.onmessage = function (e) {
    if (e.data && e.data !== shown) {
      events.close();
      location.reload();
    }
  };
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (t && t.closest && t.closest("#gongshi-error button")) {
      var overlay = document.getElementById("gongshi-error");
      if (overlay) overlay.remove();
    }
  });
})();
`
