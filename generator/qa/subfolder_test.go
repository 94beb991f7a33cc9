package qa

import (
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSubFolder uploads the demo, built with the default base_url "/", under
// /cwgk/ of a web server, as a county does on its government site, and
// checks the two files that are not plain relative pages: a missing address
// deep in the site answers with 404.html, which still has its look (its
// stylesheet is inline) and no link that leads off the site's folder or
// fails; and every address in sitemap.xml, read relative to where the
// sitemap is, names a page of the site.
func TestSubFolder(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	mux := http.NewServeMux()
	mux.Handle("/cwgk/", http.StripPrefix("/cwgk", Handler(root)))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	base := srv.URL + "/cwgk/"

	missing := base + "villages/no-such-village/index.html"
	p, err := b.Open(missing, UnderOrigin(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for _, s := range p.Report().Problems() {
		if strings.Contains(s, missing) || strings.Contains(s, srv.URL+"/favicon.ico") {
			continue // the page's own 404; the browser's guess at a favicon at the domain root
		}
		t.Errorf("404 under a sub-folder: %s", s)
	}
	st, err := Eval[struct {
		H1     string   `json:"h1"`
		Header string   `json:"header"`
		Links  []string `json:"links"`
	}](p, `({h1: document.querySelector("h1").textContent,
		header: getComputedStyle(document.querySelector(".site-header")).backgroundColor,
		links: [...document.querySelectorAll("[href], [src]")].map(e => e.getAttribute("href") || e.getAttribute("src"))})`)
	if err != nil {
		t.Fatal(err)
	}
	if st.Header != "rgb(164, 22, 26)" {
		t.Errorf("404 under a sub-folder: the header is %s, not the theme's red: its stylesheet did not apply", st.Header)
	}
	if st.H1 == "" {
		t.Error("404 under a sub-folder has no heading")
	}
	for _, l := range st.Links {
		if u, err := url.Parse(l); err != nil || u.Scheme == "" && u.Host == "" && u.Path != "" {
			t.Errorf("404 under a sub-folder links to %q, which depends on where it is shown", l) // (a #fragment is this page)
		}
	}

	res, err := http.Get(base + "sitemap.xml")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(body, &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	if len(sm.URLs) == 0 {
		t.Fatal("sitemap.xml lists no page")
	}
	at, _ := url.Parse(base + "sitemap.xml")
	for _, u := range sm.URLs {
		loc, err := url.Parse(u.Loc)
		if err != nil {
			t.Errorf("sitemap.xml: %q: %v", u.Loc, err)
			continue
		}
		abs := at.ResolveReference(loc).String()
		rel, ok := strings.CutPrefix(abs, base)
		if !ok {
			t.Errorf("sitemap.xml: %q resolves to %s, outside the site's folder %s", u.Loc, abs, base)
			continue
		}
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel), "index.html")); err != nil {
			t.Errorf("sitemap.xml: %q resolves to %s, which is no page of the site", u.Loc, abs)
		}
	}
	t.Logf("sitemap.xml: %d addresses, each a page under %s", len(sm.URLs), base)
}
