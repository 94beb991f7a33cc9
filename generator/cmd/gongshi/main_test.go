package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"io/fs"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"
)

const baseSource = "../../check/testdata/base"

// cli runs the command line and returns the exit code, stdout and stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// cliCase is one command line and what it must do.
type cliCase struct {
	name   string
	args   []string
	code   int
	out    string // must be in stdout
	errOut string // must be in stderr
}

func TestRun(t *testing.T) {
	tests := []cliCase{
		{name: "version", args: []string{"version"}, code: exitOK, out: "gongshi "},
		{name: "--version", args: []string{"--version"}, code: exitOK, out: "gongshi " + Version},
		{name: "help", args: []string{"help"}, code: exitOK, out: "用法 usage: gongshi <command>"},
		{name: "help lists serve", args: []string{"help"}, code: exitOK, out: "  serve "},
		{name: "help lists sample", args: []string{"help"}, code: exitOK, out: "  sample "},
		{name: "help of a command", args: []string{"help", "sample"}, code: exitOK, errOut: "用法 usage: gongshi sample --villages N"},
		{name: "no arguments", args: nil, code: exitUsage, errOut: "用法 usage"},
		{name: "unknown command", args: []string{"frobnicate"}, code: exitUsage, errOut: "未知命令"},
		{name: "build bad flag", args: []string{"build", "--nope"}, code: exitUsage, errOut: "-nope"},
		{name: "check bad flag", args: []string{"check", "--nope"}, code: exitUsage},
		{name: "serve bad flag", args: []string{"serve", "--nope"}, code: exitUsage},
		{name: "new bad flag", args: []string{"new", "--nope", "x"}, code: exitUsage},
		{name: "sample bad flag", args: []string{"sample", "--nope"}, code: exitUsage},
		{name: "version extra argument", args: []string{"version", "x"}, code: exitUsage},
		{name: "sample without villages", args: []string{"sample", "--out", "x"}, code: exitUsage, errOut: "--villages N is required"},
		{name: "sample zero villages", args: []string{"sample", "--villages", "0", "--out", "x"}, code: exitUsage, errOut: "--villages"},
		{name: "sample negative villages", args: []string{"sample", "--villages", "-3", "--out", "x"}, code: exitUsage, errOut: "N ≥ 1"},
		{name: "sample without out", args: []string{"sample", "--villages", "3"}, code: exitUsage, errOut: "--out DIR is required"},
		{name: "new without DIR", args: []string{"new"}, code: exitUsage, errOut: "DIR"},
		// Bad flags are said in both languages, then the usage.
		{name: "unknown flag", args: []string{"build", "--bogus"}, code: exitUsage, errOut: "gongshi build: 没有这个选项 --bogus；请用 --help 查看可用选项 (flag provided but not defined: -bogus)"},
		{name: "bad boolean", args: []string{"build", "--all=maybe"}, code: exitUsage, errOut: "gongshi build: 选项的取值无效 --all；请用 --help 查看可用选项 (invalid boolean value"},
		{name: "flag without value", args: []string{"check", "--source"}, code: exitUsage, errOut: "选项缺少取值 --source"},
		{name: "new unknown flag", args: []string{"new", "x", "--zz"}, code: exitUsage, errOut: "没有这个选项 --zz"},
		{name: "folder as argument", args: []string{"check", "本县"}, code: exitUsage, errOut: `gongshi check: 多余的参数 ["本县"] (unexpected argument)；站点目录请用 --source DIR 指定`},
		{name: "new with two DIRs", args: []string{"new", "a", "b"}, code: exitUsage, errOut: "exactly one argument"},
		{name: "serve bad port", args: []string{"serve", "--port", "70000"}, code: exitUsage, errOut: "0–65535"},
		{name: "check missing folder", args: []string{"check", "--source", "testdata-does-not-exist"}, code: exitInvalid, out: "site.toml: 找不到站点目录 testdata-does-not-exist（--source 指定的目录不存在） (the site folder testdata-does-not-exist does not exist (see --source))"},
		{name: "check a file as the folder", args: []string{"check", "--source", "main.go"}, code: exitInvalid, out: "site.toml: 站点源 main.go 是一个文件，不是文件夹：--source 应指定含 site.toml 的站点文件夹 (the source main.go is a file, not a folder"},
		{name: "build into a file", args: []string{"build", "--source", baseSource, "--dest", "main.go"}, code: exitUsage, errOut: "gongshi build: 输出目录 main.go 是一个文件，不是文件夹；请用 --dest 指定一个文件夹 (destination is a file, not a folder: give a folder with --dest)"},
		{name: "build into the source", args: []string{"build", "--source", baseSource, "--dest", baseSource}, code: exitUsage, errOut: "(destination is the source folder or above it)"},
		{name: "build changes into the source", args: []string{"build", "--source", baseSource, "--dest", "testdata-never-made", "--changes", baseSource + "/site.toml"}, code: exitUsage, errOut: "it would change the source or be published"},
		{name: "serve without site", args: []string{"serve", "--source", "testdata-does-not-exist"}, code: exitInvalid, errOut: "site.toml"},
		// The base county's base_url is "/": a warning (no QR code, no whole
		// sitemap addresses), which does not fail the check.
		{name: "check base", args: []string{"check", "--source", baseSource}, code: exitOK, out: "0 个错误，1 个警告 (0 errors, 1 warning)"},
	}
	for _, c := range commands() {
		tests = append(tests, cliCase{name: c.name + " --help", args: []string{c.name, "--help"}, code: exitOK, errOut: "用法 usage: gongshi " + c.name})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := cli(t, tt.args...)
			if code != tt.code {
				t.Errorf("run(%q) = %d, want %d\nstdout: %s\nstderr: %s", tt.args, code, tt.code, out, errOut)
			}
			if !strings.Contains(out, tt.out) {
				t.Errorf("run(%q) stdout lacks %q:\n%s", tt.args, tt.out, out)
			}
			if !strings.Contains(errOut, tt.errOut) {
				t.Errorf("run(%q) stderr lacks %q:\n%s", tt.args, tt.errOut, errOut)
			}
		})
	}
}

// copyDir copies a folder of test data.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCheckClean: the base county with a whole base_url has no problem at all.
func TestCheckClean(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, baseSource, dir)
	site := filepath.Join(dir, "site.toml")
	b, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	abs := strings.Replace(string(b), `base_url = "/"`, `base_url = "https://www.example.gov.cn/cwgk/"`, 1)
	if abs == string(b) {
		t.Fatal("test data changed: no base_url = \"/\" in site.toml")
	}
	if err := os.WriteFile(site, []byte(abs), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := cli(t, "check", "--source", dir); code != exitOK || !strings.Contains(out, "no problems found") {
		t.Errorf("check = %d, want %d and no problems:\n%s%s", code, exitOK, out, errOut)
	}
}

func TestCheckBadStatus(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, baseSource, dir)
	file := filepath.Join(dir, "data", "pledges.csv")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(b), ",已完成,", ",完成了,", 1)
	if bad == string(b) {
		t.Fatal("test data changed: no pledge with status 已完成")
	}
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cli(t, "check", "--source", dir)
	if code != exitInvalid {
		t.Errorf("check of a bad status = %d, want %d\n%s%s", code, exitInvalid, out, errOut)
	}
	if !strings.Contains(out, "data/pledges.csv:") || !strings.Contains(out, `"完成了"`) {
		t.Errorf("check output lacks a data/pledges.csv: line naming the value:\n%s", out)
	}
	// build stops before writing, and says the data is invalid.
	code, out, errOut = cli(t, "build", "--source", dir, "--dest", filepath.Join(t.TempDir(), "public"))
	if code != exitInvalid || !strings.Contains(errOut, "数据有误，未生成网站") {
		t.Errorf("build of a bad status = %d, want %d and 数据有误\n%s%s", code, exitInvalid, out, errOut)
	}
}

func TestSampleCheckBuild(t *testing.T) {
	tmp := t.TempDir()
	src, dest := filepath.Join(tmp, "src"), filepath.Join(tmp, "out")
	code, out, errOut := cli(t, "sample", "--villages", "3", "--out", src)
	if code != exitOK {
		t.Fatalf("sample = %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "3") || !strings.Contains(out, src) || !strings.Contains(out, "gongshi build --source") {
		t.Errorf("sample output should name the villages, the folder and how to build:\n%s", out)
	}
	if code, out, errOut := cli(t, "check", "--source", src); code != exitOK {
		t.Fatalf("check of the sample = %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := cli(t, "build", "--source", src, "--dest", dest, "--quiet"); code != exitOK {
		t.Fatalf("build of the sample = %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Errorf("build wrote no index.html: %v", err)
	}
	// Writing a sample again over an earlier one is allowed.
	if code, out, errOut := cli(t, "sample", "--villages", "2", "--seed", "7", "--county", "样例县", "--out", src); code != exitOK {
		t.Fatalf("sample over an earlier sample = %d\n%s%s", code, out, errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(src, "site.toml")); !strings.Contains(string(b), "样例县") {
		t.Errorf("--county not used in site.toml:\n%s", b)
	}
}

func TestSampleRefusesSite(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, baseSource, dir)
	before, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	code, _, errOut := cli(t, "sample", "--villages", "2", "--out", dir)
	if code != exitUsage || !strings.Contains(errOut, "--force") {
		t.Errorf("sample into a real site = %d, want %d with a hint at --force:\n%s", code, exitUsage, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "site.toml")); !bytes.Equal(before, after) {
		t.Error("refused sample still changed site.toml")
	}
	if code, out, errOut := cli(t, "sample", "--villages", "2", "--out", dir, "--force"); code != exitOK {
		t.Errorf("sample --force = %d\n%s%s", code, out, errOut)
	}
}

func TestNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "county")
	code, out, errOut := cli(t, "new", dir)
	if code != exitOK {
		t.Fatalf("new = %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"cd " + dir, "gongshi check", "gongshi build", "gongshi serve", "下一步", "next steps"} {
		if !strings.Contains(out, want) {
			t.Errorf("new output lacks %q:\n%s", want, out)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, ".gitignore")); err != nil || !strings.Contains(string(b), "public/") {
		t.Errorf(".gitignore = %q, %v; want it to ignore public/", b, err)
	}
	if code, out, errOut := cli(t, "check", "--source", dir); code != exitOK {
		t.Errorf("check of a new site = %d\n%s%s", code, out, errOut)
	}
	// Each new site gets a feed_id of its own, after base_url.
	feedID := regexp.MustCompile(`(?m)^base_url .*\nfeed_id   = "([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})" `)
	first := feedID.FindStringSubmatch(readText(t, filepath.Join(dir, "site.toml")))
	other := filepath.Join(t.TempDir(), "county2")
	if code, _, errOut := cli(t, "new", other); code != exitOK {
		t.Fatalf("second new: %d %s", code, errOut)
	}
	second := feedID.FindStringSubmatch(readText(t, filepath.Join(other, "site.toml")))
	if first == nil || second == nil || first[1] == second[1] {
		t.Errorf("feed_id of two new sites: %q, %q; want two random UUIDs after base_url", first, second)
	}
	code, _, errOut = cli(t, "new", dir)
	if code != exitUsage || !strings.Contains(errOut, "not empty") {
		t.Errorf("new over an existing site = %d, want %d with a message:\n%s", code, exitUsage, errOut)
	}
	// An existing empty folder is fine.
	empty := t.TempDir()
	if code, out, errOut := cli(t, "new", empty); code != exitOK {
		t.Errorf("new into an empty folder = %d\n%s%s", code, out, errOut)
	}
}

// syncBuffer is a bytes.Buffer safe for the rebuild goroutine to write while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// get returns the status, content type and body of a GET.
func get(t *testing.T, url string) (int, string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
}

// events connects to the build event stream and returns a channel of its data lines.
func events(t *testing.T, ctx context.Context, url string) <-chan string {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, "GET", url+eventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type = %q", ct)
	}
	ch := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				ch <- data
			}
		}
	}()
	return ch
}

// next waits at most 10 s for the next build token.
func next(t *testing.T, ch <-chan string, what string) string {
	t.Helper()
	select {
	case tok, ok := <-ch:
		if !ok {
			t.Fatalf("event stream ended while waiting for %s", what)
		}
		return tok
	case <-time.After(10 * time.Second):
		t.Fatalf("no build event within 10 s while waiting for %s", what)
	}
	return ""
}

// replaceFile gives file new contents in one step (written beside, then
// renamed over it), so that the dev server's watcher never sees it half
// written, as it may on a loaded machine when the file is rewritten in place.
func replaceFile(t *testing.T, file string, b []byte) error {
	t.Helper()
	tmp := filepath.Join(t.TempDir(), filepath.Base(file))
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}

// setPledgeStatus rewrites the status of the first pledge (line 2 of data/pledges.csv).
func setPledgeStatus(t *testing.T, src, status string) {
	t.Helper()
	file := filepath.Join(src, "data", "pledges.csv")
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "status" {
			col = i
		}
	}
	if col < 0 || len(rows) < 2 {
		t.Fatalf("sample pledges.csv has no status column or no rows: %q", rows[0])
	}
	rows[1][col] = status
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	if err := replaceFile(t, file, b.Bytes()); err != nil {
		t.Fatal(err)
	}
}

func TestServe(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	if code, out, errOut := cli(t, "sample", "--villages", "3", "--out", src); code != exitOK {
		t.Fatalf("sample = %d\n%s%s", code, out, errOut)
	}
	pledges := filepath.Join(src, "data", "pledges.csv")
	good, err := os.ReadFile(pledges)
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut syncBuffer
	d := newDevServer(src, t.TempDir(), "", &out, &errOut)
	d.rebuild()
	ts := httptest.NewServer(d.handler())
	defer ts.Close()
	defer d.close() // before ts.Close, which waits for the event stream to end

	code, ctype, body := get(t, ts.URL+"/")
	if code != http.StatusOK || !strings.HasPrefix(ctype, "text/html") {
		t.Fatalf("GET / = %d %q", code, ctype)
	}
	if !strings.Contains(body, "示范县") {
		t.Errorf("GET / is not the home page:\n%.500s", body)
	}
	if i, j := strings.Index(body, reloadScript), strings.LastIndex(body, "</body>"); i < 0 || j < i {
		t.Errorf("GET / lacks %s before </body>", reloadScript)
	}
	if strings.Contains(body, "gongshi-error") {
		t.Error("GET / shows the error overlay after a good build")
	}
	root, _, _ := d.state()
	if b, err := os.ReadFile(filepath.Join(root, "index.html")); err != nil || bytes.Contains(b, []byte("__gongshi")) {
		t.Errorf("the built index.html must not contain the reload script (err %v)", err)
	}
	code, ctype, body = get(t, ts.URL+reloadPath)
	if code != http.StatusOK || !strings.HasPrefix(ctype, "text/javascript") || !strings.Contains(body, "EventSource") {
		t.Errorf("GET %s = %d %q:\n%s", reloadPath, code, ctype, body)
	}
	code, _, body = get(t, ts.URL+"/data/pledges.csv")
	if code != http.StatusOK || strings.Contains(body, "__gongshi") {
		t.Errorf("GET /data/pledges.csv = %d, injected %v", code, strings.Contains(body, "__gongshi"))
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ev := events(t, ctx, ts.URL)
	first := next(t, ev, "the current build")

	stop := make(chan struct{})
	var watching sync.WaitGroup
	watching.Go(func() { d.watch(stop, 10*time.Millisecond) })
	defer func() { close(stop); watching.Wait() }()

	// A bad status: the rebuild fails, the page shows the problem over the last good site.
	setPledgeStatus(t, src, "<i>完成</i>")
	failed := next(t, ev, "the failed build")
	if failed == first {
		t.Fatalf("build token did not change: %q", failed)
	}
	code, _, body = get(t, ts.URL+"/")
	if code != http.StatusOK || !strings.Contains(body, "示范县") {
		t.Errorf("after a failed build GET / = %d; want the last good home page", code)
	}
	for _, want := range []string{`id="gongshi-error"`, "data/pledges.csv:2:", "&lt;i&gt;完成&lt;/i&gt;", reloadScript} {
		if !strings.Contains(body, want) {
			t.Errorf("error overlay lacks %q", want)
		}
	}
	if strings.Contains(body, "<i>完成</i>") {
		t.Error("error overlay does not escape the bad value")
	}
	if !strings.Contains(errOut.String(), "data/pledges.csv:2:") {
		t.Errorf("problems not printed to the terminal:\n%s", errOut.String())
	}
	if code, _, _ := get(t, ts.URL+"/data/pledges.csv"); code != http.StatusOK {
		t.Errorf("after a failed build files of the last good build = %d", code)
	}

	// Fixed: the site is back, without the overlay.
	if err := replaceFile(t, pledges, good); err != nil {
		t.Fatal(err)
	}
	if fixed := next(t, ev, "the fixed build"); fixed == failed {
		t.Fatalf("build token did not change: %q", fixed)
	}
	code, _, body = get(t, ts.URL+"/")
	if code != http.StatusOK || strings.Contains(body, "gongshi-error") || !strings.Contains(body, reloadScript) {
		t.Errorf("after the fix GET / = %d, overlay %v", code, strings.Contains(body, "gongshi-error"))
	}
}

func TestServeFirstBuildFails(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	if code, out, errOut := cli(t, "sample", "--villages", "1", "--out", src); code != exitOK {
		t.Fatalf("sample = %d\n%s%s", code, out, errOut)
	}
	setPledgeStatus(t, src, "完成了?")
	d := newDevServer(src, t.TempDir(), "", io.Discard, io.Discard)
	d.rebuild()
	ts := httptest.NewServer(d.handler())
	defer ts.Close()
	defer d.close()
	code, ctype, body := get(t, ts.URL+"/villages/")
	if code != http.StatusInternalServerError || !strings.HasPrefix(ctype, "text/html") {
		t.Errorf("GET with no good build = %d %q, want 500 text/html", code, ctype)
	}
	for _, want := range []string{"data/pledges.csv:2:", reloadScript} {
		if !strings.Contains(body, want) {
			t.Errorf("error page lacks %q:\n%s", want, body)
		}
	}
	if code, _, _ := get(t, ts.URL+"/css/site.css"); code != http.StatusServiceUnavailable {
		t.Errorf("GET of a file with no good build = %d, want 503", code)
	}
}

func TestFingerprint(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"data", "public", "content"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.toml", "title = 'x'\n")
	fp := fingerprint(dir)
	write("public/index.html", "output")
	write("data/.pledges.csv.swp", "editor")
	write("content/about.md~", "backup")
	if fingerprint(dir) != fp {
		t.Error("fingerprint changed for build output, hidden files or backups")
	}
	write("data/pledges.csv", "id\n")
	if fingerprint(dir) == fp {
		t.Error("fingerprint did not change for a new data file")
	}
	fp = fingerprint(dir)
	write("site.toml", "title = 'y2'\n")
	if fingerprint(dir) == fp {
		t.Error("fingerprint did not change for an edited site.toml")
	}
}

func TestInject(t *testing.T) {
	tests := []struct{ page, want string }{
		{"<html><body><p>x</p></body></html>", "<html><body><p>x</p>ADD</body></html>"},
		{"<BODY>x</BODY>", "<BODY>xADD</BODY>"},
		{"<p>no body end", "<p>no body endADD"},
		{"<body><pre></body></pre></body>", "<body><pre></body></pre>ADD</body>"},
	}
	for _, tt := range tests {
		if got := string(inject([]byte(tt.page), []byte("ADD"))); got != tt.want {
			t.Errorf("inject(%q) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

// TestCheckSeesContent: check reports what build would refuse in content/:
// an unknown shortcode and a bad argument, with file and line, and writes
// nothing.
func TestCheckSeesContent(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, baseSource, dir)
	report := "+++\ntitle = \"2024年度报告\"\n+++\n\n## 概况\n\n{{< chart \"pledge-stauts\" >}}\n\n{{< figure \"hearings-held\" yaer=2024 >}}\n"
	if err := os.MkdirAll(filepath.Join(dir, "content", "reports"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "reports", "2024.md"), []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cli(t, "check", "--source", dir)
	if code != exitInvalid {
		t.Fatalf("check = %d, want %d\n%s%s", code, exitInvalid, out, errOut)
	}
	for _, want := range []string{`content/reports/2024.md:7: chart "pledge-stauts": 未知的图表名称`, `content/reports/2024.md:9: yaer "2024":`} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("check wrote public/: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("check left files beside the source: %v", entries)
	}
}

// TestGCSettings: without GOMEMLIMIT and GOGC a build has gongshi's soft
// limit and collection target; with them, the runtime's (from the
// variables) are left alone.
func TestGCSettings(t *testing.T) {
	oldLimit := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(oldLimit)
	oldPercent := debug.SetGCPercent(100)
	defer debug.SetGCPercent(oldPercent)
	none := func(string) (string, bool) { return "", false }
	empty := func(k string) (string, bool) { return "", k == "GOMEMLIMIT" || k == "GOGC" } // GOMEMLIMIT= and GOGC= are no setting to Go
	for _, c := range []struct {
		name   string
		lookup func(string) (string, bool)
	}{{"unset", none}, {"empty", empty}} {
		debug.SetMemoryLimit(math.MaxInt64)
		debug.SetGCPercent(100)
		applyGCSettings(c.lookup)
		if got := debug.SetMemoryLimit(-1); got != defaultMemoryLimit {
			t.Errorf("%s GOMEMLIMIT: the limit is %d, want %d", c.name, got, defaultMemoryLimit)
		}
		if got := debug.SetGCPercent(100); got != defaultGCPercent {
			t.Errorf("%s GOGC: the target is %d%%, want %d%%", c.name, got, defaultGCPercent)
		}
	}
	debug.SetMemoryLimit(3 << 30)
	debug.SetGCPercent(150)
	applyGCSettings(func(k string) (string, bool) {
		switch k {
		case "GOMEMLIMIT":
			return "3GiB", true
		case "GOGC":
			return "150", true
		}
		return "", false
	})
	if got := debug.SetMemoryLimit(-1); got != 3<<30 {
		t.Errorf("with GOMEMLIMIT set the limit became %d", got)
	}
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("with GOGC set the target became %d%%", got)
	}
}

// TestBuildUnreadableData: a source whose data/ cannot be read (a file, not
// a folder) stops the build with the reason and exit code 3, not a crash.
func TestBuildUnreadableData(t *testing.T) {
	src := t.TempDir()
	b, err := os.ReadFile(filepath.Join(baseSource, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "site.toml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "data"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cli(t, "build", "--quiet", "--source", src, "--dest", filepath.Join(t.TempDir(), "public"))
	if code != exitFailure || !strings.Contains(errOut, "gongshi build: ") || !strings.Contains(errOut, "data") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

// readText returns a file's text.
func readText(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBuildOutputGuard: a mobile number that only the built files hold (a
// layout makes it from pieces) stops the build after the check's summary
// of no errors, under a heading that says the check of the data did not
// find it, and the last line says nothing was published (exit 1).
func TestBuildOutputGuard(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, baseSource, dir)
	footer := filepath.Join(dir, "layouts", "partials", "footer.html")
	if err := os.MkdirAll(filepath.Dir(footer), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(footer, []byte(`{{define "footer"}}<footer>值班手机 138{{"1234"}}5678</footer>{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cli(t, "build", "--source", dir, "--dest", filepath.Join(t.TempDir(), "public"))
	if code != exitInvalid {
		t.Fatalf("build = %d, want %d\n%s%s", code, exitInvalid, out, errOut)
	}
	all := out + errOut
	for _, want := range []string{"检查数据时没有发现、但检查生成的文件时发现了", `"13812345678"`, "已停止，网站没有发布，原有网站未改动"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in\n%s", want, all)
		}
	}
	if strings.Contains(all, "数据有误，未生成网站") {
		t.Errorf("the build says the data is invalid, though the check found nothing:\n%s", all)
	}
}
