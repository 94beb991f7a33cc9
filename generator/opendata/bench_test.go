package opendata

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"gongshi/generator/check"
	"gongshi/generator/dataset"
	"gongshi/generator/output"
	"gongshi/generator/privacy"
	"gongshi/generator/sample"
)

// benchVillages is the size of the synthetic county the benchmarks write:
// about a million rows in all, a fiftieth of a province.
const benchVillages = 10000

var bench struct {
	once sync.Once
	d    *dataset.Dataset
	rows int
	err  error
}

// benchDataset loads a synthetic county of benchVillages villages once.
func benchDataset(b *testing.B) (*dataset.Dataset, int) {
	bench.once.Do(func() {
		dir, err := os.MkdirTemp("", "opendata-bench-")
		if err != nil {
			bench.err = err
			return
		}
		defer os.RemoveAll(dir)
		if err := sample.Write(dir, sample.Options{Villages: benchVillages, Seed: 1}); err != nil {
			bench.err = err
			return
		}
		d, probs, err := check.Source(dir)
		if err == nil && probs.Errors() > 0 {
			err = os.ErrInvalid
		}
		bench.d, bench.err = d, err
		if tables, err := bindTables(d); err == nil {
			for _, t := range tables {
				bench.rows += t.len()
			}
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.d, bench.rows
}

// BenchmarkWrite writes every download of a 10,000-village county.
func BenchmarkWrite(b *testing.B) {
	d, rows := benchDataset(b)
	root := b.TempDir()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := Write(output.New(mkdir(b, filepath.Join(root, strconv.Itoa(i)))), d); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.RemoveAll(filepath.Join(root, strconv.Itoa(i)))
		b.StartTimer()
	}
	b.ReportMetric(float64(rows), "rows")
}

// BenchmarkWriteTables writes the CSV, per-year CSV and JSON files only.
func BenchmarkWriteTables(b *testing.B) {
	d, _ := benchDataset(b)
	tables, err := bindTables(d)
	if err != nil {
		b.Fatal(err)
	}
	root := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		for i := range tables {
			if _, err := writeTable(output.New(root), &tables[i], d, sliceYears(tables)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkWriteWorkbook writes data/gongshi.xlsx only, at the deflate
// level builds use and at two faster ones, and reports the file's size.
func BenchmarkWriteWorkbook(b *testing.B) {
	d, _ := benchDataset(b)
	tables, err := bindTables(d)
	if err != nil {
		b.Fatal(err)
	}
	// "guarded" is the build's: its text passes the privacy guard.
	for _, l := range []struct {
		name    string
		level   int
		guarded bool
	}{{"build", workbookLevel, false}, {"guarded", workbookLevel, true}, {"level-1", 1, false}, {"level-3", 3, false}, {"level-9", 9, false}} {
		b.Run(l.name, func(b *testing.B) {
			root := b.TempDir()
			b.ReportAllocs()
			var f File
			for b.Loop() {
				w := output.New(root)
				if l.guarded {
					w.Guard(privacy.NewGuard(nil, nil))
				}
				if f, err = writeWorkbook(w, tables, d, MaxSheetRows, l.level); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(f.Bytes), "bytes/file")
		})
	}
}

// mkdir makes dir and returns it.
func mkdir(t testing.TB, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
