package qa

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// pageKind is one kind of generated page and the page that stands for it.
type pageKind struct {
	kind string
	path string // slash path under the site root
}

// optionalKinds may be missing from a build (the page is still being
// added); every other kind must exist.
var optionalKinds = map[string]bool{"data": true}

// pageKinds returns one page of each kind the site generates. IDs and years
// are taken from the build, so the list follows the demo data.
func pageKinds(t *testing.T, root string) []pageKind {
	t.Helper()
	first := func(dir string, want func(name string) bool) string {
		t.Helper()
		names := subdirs(t, filepath.Join(root, dir))
		for _, n := range names {
			if want(n) {
				return dir + "/" + n + "/index.html"
			}
		}
		t.Fatalf("no page under %s/ for this kind (found %v)", dir, names)
		return ""
	}
	last := func(dir string, want func(string) bool) string {
		t.Helper()
		names := subdirs(t, filepath.Join(root, dir))
		slices.Reverse(names)
		for _, n := range names {
			if want(n) {
				return dir + "/" + n + "/index.html"
			}
		}
		t.Fatalf("no page under %s/ for this kind (found %v)", dir, names)
		return ""
	}
	// firstWith is the first record page under dir whose HTML holds all of marks.
	firstWith := func(dir string, marks ...string) func(string) bool {
		return func(name string) bool {
			if !isID(name) {
				return false
			}
			b, err := os.ReadFile(filepath.Join(root, dir, name, "index.html"))
			if err != nil {
				return false
			}
			for _, m := range marks {
				if !strings.Contains(string(b), m) {
					return false
				}
			}
			return true
		}
	}
	markdownReport := func(y string) bool {
		_, err := os.Stat(filepath.Join(repoRoot, "content", "reports", y+".md"))
		return isYear(y) && err == nil
	}
	generatedReport := func(y string) bool { return isYear(y) && !markdownReport(y) }
	kinds := []pageKind{
		{"home", "index.html"},
		{"township", first("townships", isID)},
		{"village", first("villages", isID)},
		{"secretary", first("secretaries", isID)},
		{"pledge-board", "pledges/index.html"},
		{"overdue", "pledges/overdue/index.html"},
		{"attention", "attention/index.html"},
		{"pledge-list", "pledges/by-status/in-progress/index.html"},
		{"pledge", first("pledges", isID)},
		{"ratings-year", last("ratings", isYear)},
		{"hearings-year", last("hearings", isYear)},
		{"hearing", first("hearings", isID)},
		{"hearing-scheduled", first("hearings", firstWith("hearings", "badge-scheduled"))},
		{"secretary-accountability", first("secretaries", firstWith("secretaries", `<table class="actions`, "carried-note", "badge-carried-over"))},
		{"pledge-revised", first("pledges", firstWith("pledges", `class="replaced-by"`))},
		{"report-markdown", first("reports", markdownReport)},
		{"report-generated", last("reports", generatedReport)},
		{"about", "about/index.html"},
		{"rules", "rules/index.html"},
		{"404", "404.html"},
		{"data", "data/index.html"},
		{"search", "search/index.html"},
	}
	var out []pageKind
	for _, k := range kinds {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(k.path))); err != nil {
			if optionalKinds[k.kind] {
				t.Logf("%s page %s not generated (yet): not checked", k.kind, k.path)
				continue
			}
			t.Errorf("%s page %s not generated: %v", k.kind, k.path, err)
			continue
		}
		out = append(out, k)
	}
	return out
}

// subdirs lists the folders in dir that hold an index.html, sorted.
func subdirs(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(dir, e.Name(), "index.html")); e.IsDir() && err == nil {
			out = append(out, e.Name())
		}
	}
	return out
}

var yearRE = regexp.MustCompile(`^(19|20)\d\d$`)

func isYear(name string) bool { return yearRE.MatchString(name) }

// listingDirs are folders under a section that are lists, not records.
var listingDirs = map[string]bool{"overdue": true, "page": true, "calendar": true, "by-status": true, "by-kind": true, "by-category": true}

// isID reports whether a folder under a section is a record's own page.
func isID(name string) bool {
	return !isYear(name) && !listingDirs[name] && !strings.HasPrefix(name, "page-")
}

// hasCharts reports whether a page's HTML has chart boxes.
func hasCharts(html []byte) bool { return strings.Contains(string(html), "data-chart=") }

func readPage(t *testing.T, root, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
