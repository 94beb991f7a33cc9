package build

import (
	"path/filepath"
	"testing"

	"golang.org/x/net/html"
)

// TestEveryPageHead: every page of the base county, in both base_url
// variants, has a meta description (search engines show it under the
// title) that is not empty, and links the favicon (without a link, a
// browser asks the domain's root for /favicon.ico, which under a
// sub-folder is missing: a console error on every page). The one exception
// is 404.html with a relative base_url, which can link nothing.
func TestEveryPageHead(t *testing.T) {
	for _, v := range []struct{ name, baseURL string }{{"root", ""}, {"absolute", absBase}} {
		t.Run(v.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			mustBuild(t, baseSite(t), dest, v.baseURL)
			pages := htmlFiles(t, dest)
			if len(pages) < 20 {
				t.Fatalf("only %d pages", len(pages))
			}
			for _, p := range pages {
				var desc, icon string
				walk(parseHTML(t, dest, p), func(n *html.Node) {
					if n.Type != html.ElementNode {
						return
					}
					if name, _ := attr(n, "name"); isElem(n, "meta") && name == "description" {
						desc, _ = attr(n, "content")
					}
					if isElem(n, "link") && hasToken(n, "rel", "icon") {
						icon, _ = attr(n, "href")
					}
				})
				if desc == "" {
					t.Errorf("%s has no meta description", p)
				}
				switch {
				case p == "404.html" && v.baseURL == "":
					if icon != "" {
						t.Errorf("404.html links the favicon %q, which cannot work at every depth", icon)
					}
				case icon == "":
					t.Errorf("%s links no favicon", p)
				}
			}
		})
	}
}
