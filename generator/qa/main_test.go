package qa

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// The demo county is built once per test binary, served once, and one
// Chromium serves every browser test; TestMain tears them down.
var (
	repoRoot = filepath.Join("..", "..")

	demo struct {
		once sync.Once
		tmp  string // temp folder holding the build
		root string // the built site
		err  error
	}
	server struct {
		once sync.Once
		srv  *httptest.Server
	}
	chromium struct {
		once sync.Once
		b    *Browser
		err  error
	}
)

func TestMain(m *testing.M) {
	code := m.Run()
	if chromium.b != nil {
		chromium.b.Close()
	}
	if server.srv != nil {
		server.srv.Close()
	}
	if demo.tmp != "" {
		os.RemoveAll(demo.tmp)
	}
	os.Exit(code)
}

// demoSite returns the folder of the demo county's built site, building
// it on first use.
func demoSite(t testing.TB) string {
	t.Helper()
	demo.once.Do(func() {
		demo.tmp, demo.err = os.MkdirTemp("", "gongshi-qa-")
		if demo.err != nil {
			return
		}
		demo.root = filepath.Join(demo.tmp, "public")
		start := time.Now()
		demo.err = BuildSite(repoRoot, demo.root)
		t.Logf("built the demo county in %.1f s into %s", time.Since(start).Seconds(), demo.root)
	})
	if demo.err != nil {
		t.Fatalf("building the demo county: %v", demo.err)
	}
	return demo.root
}

// siteServer returns a server for the demo site on 127.0.0.1 (random port).
func siteServer(t testing.TB) *httptest.Server {
	root := demoSite(t)
	server.once.Do(func() { server.srv = httptest.NewServer(Handler(root)) })
	return server.srv
}

// browser returns the shared headless Chromium.
func browser(t testing.TB) *Browser {
	t.Helper()
	tool := Chromium()
	needTool(t, tool)
	chromium.once.Do(func() {
		start := time.Now()
		chromium.b, chromium.err = StartBrowser(tool.Path)
		t.Logf("started %s in %.1f s", tool.Path, time.Since(start).Seconds())
	})
	if chromium.err != nil {
		t.Fatal(chromium.err)
	}
	return chromium.b
}

// needTool skips the test when an outside tool is missing, saying how to
// install it — or fails it under CI=true, where .ci/run installs them.
func needTool(t testing.TB, tool Tool) {
	t.Helper()
	if tool.Found {
		return
	}
	msg := fmt.Sprintf("%s not found (looked for %s); install with: %s", tool.Name, tool.Path, tool.Install)
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true and " + msg)
	}
	t.Skip(msg)
}

// serveDir serves dir on 127.0.0.1 for the rest of the test and returns its URL.
func serveDir(t *testing.T, dir string) string {
	srv := httptest.NewServer(Handler(dir))
	t.Cleanup(srv.Close)
	return srv.URL
}
