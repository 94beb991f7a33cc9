package qa

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
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
	// demoAbs is the demo built with a whole base_url, as a county that
	// sets one publishes it: its notices carry a QR code.
	demoAbs struct {
		once sync.Once
		root string
		err  error
	}
	// demoEn is the demo in English, with the same whole base_url.
	demoEn struct {
		once sync.Once
		root string
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

// absBase is the whole base_url of demoAbsSite.
const absBase = "https://www.example.gov.cn/cwgk/"

// demoAbsSite returns the folder of the demo county built with base_url
// absBase, building it on first use (beside demoSite's, removed with it).
func demoAbsSite(t testing.TB) string {
	t.Helper()
	demoSite(t)
	demoAbs.once.Do(func() {
		demoAbs.root = filepath.Join(demo.tmp, "public-abs")
		demoAbs.err = BuildSiteAt(repoRoot, demoAbs.root, absBase)
	})
	if demoAbs.err != nil {
		t.Fatalf("building the demo county with base_url %s: %v", absBase, demoAbs.err)
	}
	return demoAbs.root
}

// demoEnSite returns the folder of the demo county built in English (its
// site.toml with language = "en") with base_url absBase, building it on
// first use.
func demoEnSite(t testing.TB) string {
	t.Helper()
	demoSite(t)
	demoEn.once.Do(func() {
		src := filepath.Join(demo.tmp, "source-en")
		if demoEn.err = copyTree(repoRoot, src, "site.toml", "data", "content"); demoEn.err != nil {
			return
		}
		site := filepath.Join(src, "site.toml")
		b, err := os.ReadFile(site)
		if err != nil {
			demoEn.err = err
			return
		}
		en := regexp.MustCompile(`(?m)^language\s*=.*$`).ReplaceAll(b, []byte(`language = "en"`))
		if demoEn.err = os.WriteFile(site, en, 0o644); demoEn.err != nil {
			return
		}
		demoEn.root = filepath.Join(demo.tmp, "public-en")
		demoEn.err = BuildSiteAt(src, demoEn.root, absBase)
	})
	if demoEn.err != nil {
		t.Fatalf("building the demo county in English: %v", demoEn.err)
	}
	return demoEn.root
}

// copyTree copies the named files and folders of from into to.
func copyTree(from, to string, names ...string) error {
	for _, n := range names {
		err := filepath.WalkDir(filepath.Join(from, n), func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			dst := filepath.Join(to, rel)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			return err
		}
	}
	return nil
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

// openPhone opens url in a new tab at the phone's viewport (see Open for
// inSite), closed when the test ends.
func openPhone(t testing.TB, b *Browser, url string, inSite func(string) bool) *Page {
	t.Helper()
	p, err := b.Open(url, inSite)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	if err := p.SetViewport(Phone); err != nil {
		t.Fatal(err)
	}
	return p
}
