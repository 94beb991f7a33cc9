package sitemap

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/output"
)

// TestSitemapIndex: past 50,000 URLs, sitemap.xml becomes an index of
// sitemap-N.xml files of at most 50,000 URLs each, with absolute addresses
// when base_url is absolute; robots.txt names the sitemap then.
func TestSitemapIndex(t *testing.T) {
	for _, n := range []int{3, maxURLs, maxURLs + 1, 2*maxURLs + 7} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			root := t.TempDir()
			site := dataset.Site{BaseURL: "https://x.gov.cn/cwgk/", AsOf: "2025-12-31"}
			paths := make([]string, n)
			for i := range paths {
				paths[i] = fmt.Sprintf("pledges/P%07d/index.html", i)
			}
			files, err := Write(output.New(root), site, paths)
			if err != nil {
				t.Fatal(err)
			}
			read := func(name string) string {
				b, err := os.ReadFile(filepath.Join(root, name))
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
			main := read("sitemap.xml")
			urls := regexp.MustCompile(`<loc>`)
			if n <= maxURLs {
				if files != 2 || !strings.Contains(main, "<urlset") || len(urls.FindAllString(main, -1)) != n {
					t.Fatalf("%d URLs: want one urlset with them all; files=%d", n, files)
				}
				if !strings.Contains(main, "<loc>https://x.gov.cn/cwgk/pledges/P0000000/</loc>") {
					t.Error("URLs are not absolute folder addresses")
				}
			} else {
				parts := (n + maxURLs - 1) / maxURLs
				if !strings.Contains(main, "<sitemapindex") || len(urls.FindAllString(main, -1)) != parts || files != parts+2 {
					t.Fatalf("%d URLs: want an index of %d sitemaps, files=%d", n, parts, files)
				}
				total := 0
				for k := 1; k <= parts; k++ {
					part := read(fmt.Sprintf("sitemap-%d.xml", k))
					c := len(urls.FindAllString(part, -1))
					if c > maxURLs {
						t.Errorf("sitemap-%d.xml has %d URLs", k, c)
					}
					total += c
					if !strings.Contains(main, fmt.Sprintf("<loc>https://x.gov.cn/cwgk/sitemap-%d.xml</loc>", k)) {
						t.Errorf("index lacks sitemap-%d.xml", k)
					}
				}
				if total != n {
					t.Errorf("%d URLs across the parts, want %d", total, n)
				}
			}
			if !strings.Contains(read("robots.txt"), "Sitemap: https://x.gov.cn/cwgk/sitemap.xml") {
				t.Error("robots.txt does not name the sitemap")
			}
		})
	}
}

// TestSitemapRelative: with a base_url that is not a whole address (the
// default "/", or "/cwgk/"), every URL is relative to sitemap.xml, which sits
// at the site root, so it names the right page wherever the site is
// uploaded; robots.txt names no sitemap (it needs a whole address).
func TestSitemapRelative(t *testing.T) {
	for _, base := range []string{"/", "/cwgk/"} {
		t.Run(base, func(t *testing.T) {
			root := t.TempDir()
			site := dataset.Site{BaseURL: base, AsOf: "2025-12-31"}
			paths := []string{"index.html", "villages/V1/index.html", "404.html", "pledges/page/2/index.html"}
			if _, err := Write(output.New(root), site, paths); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join(root, "sitemap.xml"))
			if err != nil {
				t.Fatal(err)
			}
			var locs []string
			for _, m := range regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(string(b), -1) {
				locs = append(locs, m[1])
			}
			if want := []string{"./", "pledges/page/2/", "villages/V1/"}; strings.Join(locs, " ") != strings.Join(want, " ") {
				t.Errorf("locs %q, want %q", locs, want)
			}
			robots, _ := os.ReadFile(filepath.Join(root, "robots.txt"))
			if strings.Contains(string(robots), "Sitemap:") {
				t.Errorf("robots.txt names a sitemap without a whole address:\n%s", robots)
			}
		})
	}
}
