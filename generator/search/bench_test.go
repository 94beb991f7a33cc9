package search_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/check"
	"gongshi/generator/i18n"
	"gongshi/generator/internal/searchread"
	"gongshi/generator/output"
	"gongshi/generator/sample"
	"gongshi/generator/search"
)

// benchSource returns a sample county of n villages: under
// $GONGSHI_BENCH_DIR (kept for the next run) when set, else in a temporary
// folder removed at the end.
func benchSource(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.Getenv("GONGSHI_BENCH_DIR"), fmt.Sprintf("gongshi-sample-%d", n))
	if os.Getenv("GONGSHI_BENCH_DIR") == "" {
		dir = filepath.Join(b.TempDir(), "src")
	}
	if _, err := os.Stat(filepath.Join(dir, "site.toml")); err != nil {
		if err := sample.Write(dir, sample.Options{Villages: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkIndex writes the index of sample counties of 20,000 and 50,000
// villages (a province) and reports what it holds and, the point of the
// sharding, what one query downloads gzipped: the largest file of each
// kind, the worst any query could load (the manifest, MaxTerms posting
// lists each through a route, ScreenChunks document files, every one the
// largest of its kind), and the heaviest of a set of real queries. It
// fails if the worst exceeds search.QueryCap. Run once, the samples are
// large (-v shows every query's line):
//
//	go test -run '^$' -bench Index -benchtime 1x -timeout 60m -v ./generator/search/
func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{20000, 50000} {
		b.Run(fmt.Sprintf("villages=%d", n), func(b *testing.B) {
			src := benchSource(b, n)
			d, probs, err := check.Source(src)
			if err != nil || probs.Errors() > 0 {
				b.Fatalf("%v %v", err, probs)
			}
			c, _ := i18n.Load(src, d.Site.Language)
			var root string
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				root = b.TempDir()
				if _, err := search.Write(output.New(root), d, c); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()

			// Every file, gzipped, by what it is.
			largest := map[string]int{}
			files, raw, zipped := 0, 0, 0
			err = filepath.WalkDir(filepath.Join(root, "search"), func(p string, e fs.DirEntry, err error) error {
				if err != nil || e.IsDir() {
					return err
				}
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(filepath.Join(root, "search"), p)
				what := "chunk"
				switch rel = filepath.ToSlash(rel); {
				case rel == search.ManifestFile:
					what = "manifest"
				case strings.HasPrefix(rel, "t/") && strings.Contains(rel, "-"):
					what = "part"
				case strings.HasPrefix(rel, "t/") && strings.Contains(string(data), `.js",{"":{`):
					what = "route"
				case strings.HasPrefix(rel, "t/"):
					what = "bucket"
				}
				z := gz(data)
				files, raw, zipped = files+1, raw+len(data), zipped+z
				largest[what] = max(largest[what], z)
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			term := max(largest["bucket"], largest["route"]+largest["part"]) // a bucket, or a route and a part
			worst := largest["manifest"] + search.MaxTerms*term + search.ScreenChunks*largest["chunk"]
			if worst > search.QueryCap {
				b.Errorf("a query could download %d bytes gzipped, over %d", worst, search.QueryCap)
			}

			// Real queries: the words of the issue, the middle of a
			// secretary's name, an ID, a full village name, one character.
			v := d.Villages[len(d.Villages)/2]
			town := d.Townships[d.TownshipByID[v.TownshipID]].Name
			sec := []rune(d.Secretaries[len(d.Secretaries)/2].Name)
			queries := []string{"光伏", "电商服务站", "土地流转", "宅基地", string(sec[1:]), v.ID, town + v.Name,
				v.Name + " 光伏", "李", "村", "村民代表会议", "道路 硬化 村民"}
			heaviest, heaviestQ, lines := 0, "", []string{}
			for _, q := range queries {
				x, err := searchread.Open(root)
				if err != nil {
					b.Fatal(err)
				}
				r, err := x.Search(q)
				if err != nil {
					b.Fatal(err)
				}
				size := 0
				for _, f := range append([]string{search.ManifestFile}, r.Files...) {
					data, err := os.ReadFile(filepath.Join(root, "search", filepath.FromSlash(f)))
					if err != nil {
						b.Fatal(err)
					}
					size += gz(data)
				}
				hits := 0
				for _, g := range r.Groups {
					hits += g.Count
				}
				lines = append(lines, fmt.Sprintf("%q: %d files, %d B gzipped, %d candidates, partial %v", q, len(r.Files)+1, size, hits, r.Partial))
				if size > heaviest {
					heaviest, heaviestQ = size, q
				}
			}
			// The summary first: without -v, go test shows only the first lines.
			b.Logf("%d files, %d MB, %d MB gzipped; largest gzipped: %v; heaviest query %q", files, raw>>20, zipped>>20, largest, heaviestQ)
			for _, l := range lines {
				b.Log(l)
			}
			b.ReportMetric(float64(files), "files")
			b.ReportMetric(float64(zipped)/(1<<20), "MB-gz")
			b.ReportMetric(float64(largest["bucket"]), "max-bucket-B-gz")
			b.ReportMetric(float64(largest["route"]), "max-route-B-gz")
			b.ReportMetric(float64(largest["part"]), "max-part-B-gz")
			b.ReportMetric(float64(largest["chunk"]), "max-chunk-B-gz")
			b.ReportMetric(float64(worst), "worst-query-B-gz")
			b.ReportMetric(float64(heaviest), "heaviest-real-query-B-gz")
		})
	}
}
