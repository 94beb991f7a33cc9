package qa

import (
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// loadRE finds what a page makes the browser load: stylesheets, icons and
// other <link href>, <script src>, <img src> and CSS url(…).
var loadRE = regexp.MustCompile(`<link\b[^>]*\bhref="([^"]+)"|<(?:script|img)\b[^>]*\bsrc="([^"]+)"|url\(["']?([^"')]+)["']?\)`)

// loads returns the site files a page at rel loads (its own links, and what
// the stylesheets it loads load in turn), as slash paths under root; links
// that are not files of the site (the Atom feed is a <link> but not loaded,
// canonical addresses) are left out.
func loads(t *testing.T, root, rel string) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	var walk func(from string, body []byte)
	walk = func(from string, body []byte) {
		for _, m := range loadRE.FindAllSubmatch(body, -1) {
			tag, ref := string(m[0]), string(m[1])+string(m[2])+string(m[3])
			if strings.HasPrefix(tag, "<link") && !regexp.MustCompile(`rel="(stylesheet|icon|preload|modulepreload)"`).MatchString(tag) {
				continue
			}
			u, err := url.Parse(ref)
			if err != nil || u.Scheme != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
				continue
			}
			p := path.Join(path.Dir(from), u.Path)
			if seen[p] {
				continue
			}
			seen[p] = true
			out = append(out, p)
			if strings.HasSuffix(p, ".css") {
				walk(p, readPage(t, root, p))
			}
		}
	}
	walk(rel, readPage(t, root, rel))
	sort.Strings(out)
	return out
}

// TestVillageWeightEverything holds every village page of the demo to the
// budget with everything it loads — HTML, stylesheet, favicon and any
// script or image — each gzipped as a web server sends it, and checks that
// none loads a script. Then, on the heaviest, it asks the browser what it
// actually fetched, so that nothing the static reading misses slips by.
func TestVillageWeightEverything(t *testing.T) {
	root := demoSite(t)
	files, err := filepath.Glob(filepath.Join(root, "villages", "*", "index.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no village pages: %v", err)
	}
	sizes := map[string]int{}
	gz := func(p string) int {
		if n, ok := sizes[p]; ok {
			return n
		}
		n, err := GzipSize(readPage(t, root, p))
		if err != nil {
			t.Fatal(err)
		}
		sizes[p] = n
		return n
	}
	var heaviest string
	most := 0
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		rel = filepath.ToSlash(rel)
		total := gz(rel)
		parts := []string{rel}
		for _, p := range loads(t, root, rel) {
			total += gz(p)
			parts = append(parts, p)
			if strings.HasSuffix(p, ".js") {
				t.Errorf("%s loads a script: %s", rel, p)
			}
		}
		if total > villageBudget {
			t.Errorf("%s: %d B gzipped with what it loads (%s), over the %d B budget", rel, total, strings.Join(parts, ", "), villageBudget)
		}
		if total > most {
			most, heaviest = total, rel
		}
	}
	t.Logf("%d village pages; heaviest %s: %d B of %d B with %v", len(files), heaviest, most, villageBudget, loads(t, root, heaviest))

	b := browser(t)
	srv := siteServer(t)
	p, err := b.Open(srv.URL+"/"+heaviest, UnderOrigin(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	fetched, err := Eval[[]string](p, `[location.href, ...performance.getEntriesByType("resource").map(e => e.name)]`)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, u := range fetched {
		pu, err := url.Parse(u)
		if err != nil {
			t.Fatal(err)
		}
		f := strings.TrimPrefix(pu.Path, "/")
		if f == "" || strings.HasSuffix(f, "/") {
			f += "index.html"
		}
		if strings.HasSuffix(f, ".js") {
			t.Errorf("%s: the browser fetched a script: %s", heaviest, u)
		}
		total += gz(f)
	}
	if fav := "favicon.ico"; !strings.Contains(strings.Join(fetched, " "), fav) {
		total += gz(fav) // fetched by the browser outside the page's resource timing
	}
	if total > villageBudget {
		t.Errorf("%s: the browser fetched %d B gzipped (%v), over the %d B budget", heaviest, total, fetched, villageBudget)
	}
	t.Logf("in the browser %s fetched %d B gzipped: %v", heaviest, total, fetched)
}
