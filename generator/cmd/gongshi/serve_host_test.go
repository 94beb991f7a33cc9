package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeHostAndPaths: the dev server answers only requests addressed to
// 127.0.0.1, localhost or [::1] on its port (a DNS-rebinding page names its
// own host); over-long path segments and paths through a file are 404, not
// 500.
func TestServeHostAndPaths(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	if code, out, errOut := cli(t, "sample", "--villages", "2", "--out", src); code != exitOK {
		t.Fatalf("sample = %d\n%s%s", code, out, errOut)
	}
	var out, errOut syncBuffer
	d := newDevServer(src, t.TempDir(), "", &out, &errOut)
	d.port = "1313"
	d.rebuild()
	h := d.handler()
	defer d.close()
	for _, c := range []struct {
		host, path string
		code       int
	}{
		{"127.0.0.1:1313", "/", http.StatusOK},
		{"localhost:1313", "/", http.StatusOK},
		{"LOCALHOST:1313", "/", http.StatusOK},
		{"[::1]:1313", "/", http.StatusOK},
		{"127.0.0.1:1313", "/__gongshi/reload.js", http.StatusOK},
		{"evil.example:1313", "/", http.StatusForbidden},
		{"evil.example:1313", "/__gongshi/reload.js", http.StatusForbidden},
		{"127.0.0.1.evil.example:1313", "/", http.StatusForbidden},
		{"localhost", "/", http.StatusForbidden},
		{"127.0.0.1:8080", "/", http.StatusForbidden},
		{"", "/", http.StatusForbidden},
		{"127.0.0.1:1313", "/" + strings.Repeat("a", 300) + "/", http.StatusNotFound},
		{"127.0.0.1:1313", "/" + strings.Repeat("a", 300) + ".css", http.StatusNotFound},
		{"127.0.0.1:1313", "/" + strings.Repeat("a/", 3000) + "x.css", http.StatusNotFound},
		{"127.0.0.1:1313", "/index.html/x.css", http.StatusNotFound},
		{"127.0.0.1:1313", "/robots.txt/x", http.StatusNotFound},
		{"127.0.0.1:1313", "/no-such.css", http.StatusNotFound},
	} {
		r := httptest.NewRequest("GET", "http://x"+c.path, nil)
		r.Host = c.host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != c.code {
			t.Errorf("Host %q GET %.60s = %d, want %d", c.host, c.path, w.Code, c.code)
		}
	}
}
