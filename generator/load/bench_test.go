package load_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"gongshi/generator/check"
	"gongshi/generator/dataset"
	"gongshi/generator/load"
	"gongshi/generator/problem"
	"gongshi/generator/sample"
	"gongshi/generator/schema"
	"gongshi/generator/workbook"
)

// big is a 10,000-village source written once, on first use, and removed
// by TestMain when the test binary ends.
var big struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if big.dir != "" {
		os.RemoveAll(big.dir)
	}
	os.Exit(code)
}

func bigSource(b *testing.B) string {
	big.once.Do(func() {
		big.dir, big.err = os.MkdirTemp("", "gongshi-bench-")
		if big.err == nil {
			big.err = sample.Write(big.dir, sample.Options{Villages: 10000, Seed: 1})
		}
	})
	if big.err != nil {
		b.Fatal(big.err)
	}
	return big.dir
}

// rowCount returns the number of rows in every table of d.
func rowCount(d *dataset.Dataset) int {
	n := 0
	v := reflect.ValueOf(d).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct {
			if _, ok := f.Type().Elem().FieldByName("Src"); ok {
				n += f.Len()
			}
		}
	}
	return n
}

// BenchmarkLoad10000 times reading a 10,000-village source (load.Load) and
// reading, validating and deriving it (check.Source).
func BenchmarkLoad10000(b *testing.B) {
	dir := bigSource(b)
	for _, c := range []struct {
		name string
		run  func(string) (*dataset.Dataset, int, int, error)
	}{
		{"load", func(dir string) (*dataset.Dataset, int, int, error) {
			d, probs, err := load.Load(dir)
			if err != nil {
				return nil, 0, 0, err
			}
			return d, probs.Errors(), probs.Warnings(), nil
		}},
		{"check", func(dir string) (*dataset.Dataset, int, int, error) {
			d, probs, err := check.Source(dir)
			if err != nil {
				return nil, 0, 0, err
			}
			if probs.Errors() > 0 {
				for i, p := range probs.Sorted() {
					if i == 20 {
						break
					}
					b.Log(p)
				}
			}
			return d, probs.Errors(), probs.Warnings(), nil
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var rows, errs, warns int
			for b.Loop() {
				d, e, w, err := c.run(dir)
				if err != nil {
					b.Fatal(err)
				}
				rows, errs, warns = rowCount(d), e, w
			}
			b.ReportMetric(float64(rows), "rows")
			b.ReportMetric(float64(warns), "warnings")
			if errs > 0 {
				b.Errorf("%d errors in the sample source", errs)
			}
		})
	}
}

// TestSampleIsClean makes sure the sample generator writes a source that
// passes every check, so that the benchmark measures a clean load.
func TestSampleIsClean(t *testing.T) {
	for _, n := range []int{1, 200} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			dir := t.TempDir()
			if err := sample.Write(dir, sample.Options{Villages: n, Seed: 1}); err != nil {
				t.Fatal(err)
			}
			d, probs, err := check.Source(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range probs.Sorted() {
				if p.Severity == problem.Error {
					t.Errorf("%s", p)
				}
			}
			if len(d.Villages) != n {
				t.Errorf("%d villages, want %d", len(d.Villages), n)
			}
		})
	}
}

// BenchmarkLoadWorkbook loads a 1,000-village county (a county's size) kept
// as one workbook, data/台账.xlsx, as `gongshi new --workbook` writes it.
func BenchmarkLoadWorkbook(b *testing.B) {
	dir := b.TempDir()
	if err := sample.Write(dir, sample.Options{Villages: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	d, probs, err := load.Load(dir)
	if err != nil || probs.Errors() > 0 {
		b.Fatalf("%v %v", err, probs.Sorted())
	}
	rows := rowCount(d)
	if err := workbook.Write(filepath.Join(dir, "data", workbook.FileName), d.Rules, d); err != nil {
		b.Fatal(err)
	}
	for _, t := range schema.Tables {
		for _, p := range []string{t.Name + ".csv", t.Name + ".toml", t.Name} {
			os.RemoveAll(filepath.Join(dir, "data", p))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		d, probs, err := load.Load(dir)
		if err != nil || probs.Errors() > 0 || rowCount(d) != rows {
			b.Fatalf("%v %d errors, %d rows of %d", err, probs.Errors(), rowCount(d), rows)
		}
	}
	b.ReportMetric(float64(rows), "rows")
}
