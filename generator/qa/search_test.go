package qa

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// TestSearchFindsAVillage, over http and from disk: the home page's form
// leads to the search page, which loads the index shard of the first
// character, lists the village and links to its page.
func TestSearchFindsAVillage(t *testing.T) {
	b := browser(t)
	root := demoSite(t)
	srv := siteServer(t)
	home, err := os.ReadFile(filepath.Join(root, "villages", "V0001", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<h1>([^<]+)</h1>`).FindSubmatch(home)
	if m == nil {
		t.Fatal("village V0001 has no <h1>")
	}
	name := string(m[1])
	prefix := string([]rune(name)[:2])
	for _, via := range []string{"http", "file"} {
		t.Run(via, func(t *testing.T) {
			start, inSite := srv.URL+"/index.html", UnderOrigin(srv.URL)
			if via == "file" {
				u, err := FileURL(filepath.Join(root, "index.html"))
				if err != nil {
					t.Fatal(err)
				}
				start, inSite = u, UnderDir(root)
			}
			p, err := b.Open(start, inSite)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			// Type into the home page's search box and submit it, as a villager would.
			if _, err := Eval[bool](p, `(function(){var i=document.getElementById("q"); i.value=`+strconv.Quote(prefix)+`; i.form.submit(); return true})()`); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(10 * time.Second)
			var n int
			for time.Now().Before(deadline) {
				n, _ = Eval[int](p, `document.querySelectorAll("#search-results a").length`)
				if n > 0 {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			if n == 0 {
				t.Fatalf("searching %q listed nothing", prefix)
			}
			sel := `#search-results a[href="../villages/V0001/index.html"]`
			if err := p.Click(sel); err != nil {
				t.Fatalf("no result links to V0001 for %q: %v", prefix, err)
			}
			h1, err := Eval[string](p, `document.querySelector("h1").textContent`)
			if err != nil || h1 != name {
				t.Errorf("after the click the page's <h1> is %q, want %q (%v)", h1, name, err)
			}
			loc, _ := Eval[string](p, `location.href`)
			if u, _ := url.Parse(loc); u == nil || filepath.Base(u.Path) != "index.html" {
				t.Errorf("landed on %s", loc)
			}
			for _, s := range p.Report().Problems() {
				t.Errorf("search: %s", s)
			}
		})
	}
}
