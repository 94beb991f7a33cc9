// Package sitemap writes sitemap.xml (an index of sitemap-N.xml files past
// 50,000 URLs, the protocol's limit) and robots.txt for the pages a build
// published.
package sitemap

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/output"
	"gongshi/generator/route"
	"gongshi/generator/xmltext"
)

// maxURLs is the sitemap protocol's limit per file.
const maxURLs = 50000

// Write writes the sitemap of the pages at paths (output files; 404.html is
// left out) and robots.txt, and returns how many files it wrote. With an
// absolute base_url, URLs are base_url + path, whole as search engines want
// them. Otherwise they are relative to sitemap.xml itself ("villages/V1/",
// "./" for the home page), which sits at the site root: they name the right
// pages wherever the site is uploaded, where base_url + path would be wrong
// for a site under a sub-folder with the default base_url "/" (check warns
// that the addresses are not whole).
func Write(w *output.Writer, site dataset.Site, paths []string) (int, error) {
	var list []string
	for _, p := range paths {
		if p != route.NotFoundPath {
			list = append(list, p)
		}
	}
	sort.Strings(list)
	base := ""
	if site.AbsoluteURL() {
		base = site.BaseURL
	}
	loc := func(p string) string {
		u := base + strings.TrimSuffix(p, "index.html")
		if u == "" {
			u = "./"
		}
		return xmltext.Escape(u)
	}
	files := 0
	urlset := func(ps []string) []byte {
		var b bytes.Buffer
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, p := range ps {
			fmt.Fprintf(&b, "<url><loc>%s</loc><lastmod>%s</lastmod></url>\n", loc(p), site.AsOf)
		}
		b.WriteString("</urlset>\n")
		return b.Bytes()
	}
	if len(list) <= maxURLs {
		if err := w.Write(route.SitemapPath, urlset(list)); err != nil {
			return files, err
		}
		files++
	} else {
		var idx bytes.Buffer
		idx.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for k := 0; k*maxURLs < len(list); k++ {
			end := min((k+1)*maxURLs, len(list))
			name := fmt.Sprintf("sitemap-%d.xml", k+1)
			if err := w.Write(name, urlset(list[k*maxURLs:end])); err != nil {
				return files, err
			}
			files++
			fmt.Fprintf(&idx, "<sitemap><loc>%s</loc><lastmod>%s</lastmod></sitemap>\n", loc(name), site.AsOf)
		}
		idx.WriteString("</sitemapindex>\n")
		if err := w.Write(route.SitemapPath, idx.Bytes()); err != nil {
			return files, err
		}
		files++
	}
	robots := "User-agent: *\nAllow: /\n"
	if site.AbsoluteURL() {
		robots += "Sitemap: " + base + route.SitemapPath + "\n"
	}
	if err := w.Write(route.RobotsPath, []byte(robots)); err != nil {
		return files, err
	}
	return files + 1, nil
}
