package site

import "strings"

// rel returns the relative link from the page at from (an output file path
// such as "villages/V1/index.html") to the site path to. A path ending in "/"
// gets "index.html", so links work opened from disk (file://), at a domain
// root and under any sub-folder alike.
func rel(from, to string) string {
	if to == "" || strings.HasSuffix(to, "/") {
		to += "index.html"
	}
	return rootOf(from) + to
}

// Rel is rel for other packages that add links to pages (charts).
func Rel(from, to string) string { return rel(from, to) }

// rootOf returns the relative path from a page to the site root: "" for
// "index.html", "../../" for "villages/V1/index.html".
func rootOf(from string) string {
	return strings.Repeat("../", strings.Count(from, "/"))
}

// Site paths of each kind of page (directory form; rel adds index.html).
func villagePath(id string) string   { return "villages/" + id + "/" }
func townshipPath(id string) string  { return "townships/" + id + "/" }
func secretaryPath(id string) string { return "secretaries/" + id + "/" }
func pledgePath(id string) string    { return "pledges/" + id + "/" }
func hearingPath(id string) string   { return "hearings/" + id + "/" }
func ratingsPath(year int) string    { return "ratings/" + itoa(year) + "/" }
func hearingsPath(year int) string   { return "hearings/" + itoa(year) + "/" }
func reportPath(year int) string     { return "reports/" + itoa(year) + "/" }

// file returns the output file of a directory path: "a/b/" → "a/b/index.html".
func file(dir string) string {
	if dir == "" {
		return "index.html"
	}
	return dir + "index.html"
}
