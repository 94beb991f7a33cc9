package charts_test

import (
	"flag"
	"gongshi/generator/internal/htmlnorm"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden from the current output")

// goldenReports are the report pages of the base county built with
// testdata/content: 2024 from testdata/content/reports/2024.md (every kind of
// shortcode), 2025 generated (no Markdown: the report hook fills it).
var goldenReports = []string{
	"reports/2024/index.html",
	"reports/2025/index.html",
	"charts/pledge-status-2024.csv",
}

// TestGoldenReport compares report pages against testdata/golden/. Run
// `go test ./generator/charts -run TestGoldenReport -update` to rewrite them
// after an intended change, and review the diff.
func TestGoldenReport(t *testing.T) {
	src := baseSite(t, nil)
	copyTree(t, filepath.Join("testdata", "content"), filepath.Join(src, "content"))
	dest := mustBuild(t, src)
	for _, f := range goldenReports {
		got := readFile(t, dest, f)
		if strings.HasSuffix(f, ".html") {
			n, err := htmlnorm.Normalize(got)
			if err != nil {
				t.Fatal(err)
			}
			got = n
		}
		golden := filepath.Join("testdata", "golden", filepath.FromSlash(f))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		b, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if want := string(b); got != want {
			t.Errorf("%s differs from %s:\n%s", f, golden, firstDiff(got, want))
		}
	}
}

// firstDiff shows the first line that differs, with its neighbours.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got  " + gl + "\n want " + wl
		}
	}
	return "(same lines; different line ends?)"
}
