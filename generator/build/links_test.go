package build

import (
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestLinks walks every page of the built base county, in both base_url
// variants, and checks every href and src (see checkLinks).
func TestLinks(t *testing.T) {
	for _, v := range []struct{ name, baseURL string }{{"root", ""}, {"absolute", absBase}} {
		t.Run(v.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			mustBuild(t, baseSite(t), dest, v.baseURL)
			base := v.baseURL
			if base == "" {
				base = "/" // the base county's site.toml
			}
			reportLinks(t, checkLinks(t, dest, base))
		})
	}
}

// TestDataPage: the navigation and footer of every page link to the /data/
// page, which lists the downloads that the open-data stage writes.
func TestDataPage(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, baseSite(t), dest, "")
	if !strings.Contains(readFile(t, dest, "index.html"), `href="data/index.html"`) {
		t.Error("the home page does not link to data/index.html")
	}
	for _, f := range []string{"data/index.html", "data/pledges.csv", "data/pledges.json", "data/datapackage.json", "data/SHA256SUMS"} {
		if !fileExists(dest, f) {
			t.Errorf("%s not written", f)
		}
	}
}

// reportLinks fails the test with every bad link.
func reportLinks(t *testing.T, bad []string) {
	t.Helper()
	if len(bad) > 0 {
		t.Errorf("%d bad links:\n%s", len(bad), strings.Join(bad, "\n"))
	}
}

// dataPage is the /data/ page: downloads and the data dictionary.
const dataPage = "data/index.html"

// checkLinks checks every href and src of every .html file under root, the
// output of a build with base_url base, and reports every bad link at once:
//
//   - no link starts with "/" (it would break under a sub-path and from file://);
//   - no scheme but http and https (no javascript:, data:, file:, mailto:),
//     and tel: for phone numbers, which must be digits;
//   - http(s) only on a pledge's evidence (<a rel="nofollow noopener">), on
//     the licence deed of the data (<a rel="license">, the /data/ page), on
//     <link rel="canonical"> (which must be base_url + the page's folder), and
//     on the 404 page (from base_url, absolute or a path): a server shows that page at
//     whatever depth the missing URL had, so relative links could not work
//     there and it links absolutely on purpose (the targets must still exist);
//     the QR code is inline SVG and links nowhere; and the footer's links
//     (rel="external") to the site's ICP and public-security records;
//   - every relative link names a file (never a folder: "x/" does not open
//     from file://, "x/index.html" does) that exists in the output, inside
//     it; a #fragment must name an id on the target page.
//
// It returns the bad links, one "page: <tag> link: why" per line, sorted.
func checkLinks(t *testing.T, root, base string) []string {
	t.Helper()
	ids := map[string]map[string]bool{} // page → its ids, parsed once
	idsOf := func(p string) map[string]bool {
		if m, ok := ids[p]; ok {
			return m
		}
		m := map[string]bool{}
		walk(parseHTML(t, root, p), func(n *html.Node) {
			if id, ok := attr(n, "id"); ok && n.Type == html.ElementNode {
				m[id] = true
			}
		})
		ids[p] = m
		return m
	}
	exists := func(p string) bool { return fileExists(root, p) }
	absolute := strings.HasPrefix(base, "http://") || strings.HasPrefix(base, "https://")
	var bad []string
	checked := 0
	for _, page := range htmlFiles(t, root) {
		report := func(n *html.Node, v, why string) {
			bad = append(bad, page+": <"+n.Data+"> "+v+": "+why)
		}
		// target checks a site path (relative to root) with an optional fragment.
		target := func(n *html.Node, v, p, frag string) {
			switch {
			case strings.HasSuffix(p, "/") || p == ".":
				report(n, v, "links to a folder; name its index.html")
			case p == ".." || strings.HasPrefix(p, "../"):
				report(n, v, "leaves the site")
			case !exists(p):
				report(n, v, "no such file in the output")
			case frag != "" && strings.HasSuffix(p, ".html") && !idsOf(p)[frag]:
				report(n, v, "no id "+frag+" on "+p)
			}
		}
		walk(parseHTML(t, root, page), func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			for _, a := range n.Attr {
				if a.Key != "href" && a.Key != "src" {
					continue
				}
				checked++
				v := a.Val
				if v == "" {
					report(n, v, "empty link")
					continue
				}
				if strings.HasPrefix(v, "/") {
					if page == "404.html" && !absolute && strings.HasPrefix(v, base) {
						// The 404 page is shown at any depth: it links from
						// base_url on purpose, like with an absolute base_url.
						p := strings.TrimPrefix(v, base)
						if p == "" {
							p = "index.html"
						}
						target(n, v, p, "")
						continue
					}
					report(n, v, "starts with /")
					continue
				}
				u, err := url.Parse(v)
				if err != nil {
					report(n, v, err.Error())
					continue
				}
				if u.Scheme != "" {
					switch {
					case u.Scheme == "tel" && isElem(n, "a"):
						if !reTel.MatchString(v) {
							report(n, v, "a tel: link must be the number's digits (RFC 3966)")
						}
					case u.Scheme != "http" && u.Scheme != "https":
						report(n, v, "scheme "+u.Scheme+": is never allowed")
					case isElem(n, "link") && hasToken(n, "rel", "canonical"):
						if want := base + strings.TrimSuffix(page, "index.html"); !absolute || v != want {
							report(n, v, "canonical should be "+want+" (only with an absolute base_url)")
						}
					case isElem(n, "a") && hasToken(n, "rel", "nofollow") && hasToken(n, "rel", "noopener"):
						// evidence link: external on purpose
					case isElem(n, "a") && hasToken(n, "rel", "license") && page == dataPage:
						// the licence's own web page
					case isElem(n, "a") && hasToken(n, "rel", "external") && recordSites[u.Host]:
						// the ICP and public-security record of the site, in the footer
					case page == "404.html" && absolute && strings.HasPrefix(v, base):
						p := strings.TrimPrefix(u.Path, strings.TrimPrefix(base, u.Scheme+"://"+u.Host))
						if p == "" {
							p = "index.html"
						}
						target(n, v, p, u.Fragment)
					default:
						report(n, v, "absolute link where a relative one belongs")
					}
					continue
				}
				if u.Path == "" { // "#frag" on the same page
					if !idsOf(page)[u.Fragment] {
						report(n, v, "no id "+u.Fragment+" on this page")
					}
					continue
				}
				p := path.Join(path.Dir(page), u.Path)
				if strings.HasSuffix(u.Path, "/") {
					p += "/"
				}
				target(n, v, p, u.Fragment)
			}
		})
	}
	if checked == 0 {
		t.Fatal("no links found")
	}
	sort.Strings(bad)
	return bad
}

// reTel is a phone link as gongshi writes it (dataset.TelURI).
var reTel = regexp.MustCompile(`^tel:\+?[0-9]+(;ext=[0-9]+)?$`)

// recordSites are the government record sites the footer links to.
var recordSites = map[string]bool{"beian.miit.gov.cn": true, "beian.mps.gov.cn": true}
