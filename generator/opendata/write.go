package opendata

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"gongshi/generator/dataset"
	"gongshi/generator/output"
)

// Write writes every download under root/data/ and returns them sorted by
// path: for each table data/<table>.csv and data/<table>.json, the per-year
// slices data/<year>/<table>.csv, the CSV for people data/zh/<table>.csv
// (Chinese headers, names beside IDs), then data/gongshi.xlsx,
// data/datapackage.json and data/SHA256SUMS (which lists all the others).
// The dataset must be derived (check.Source does it), since the overdue flag,
// computed totals and grades and consequences are published.
//
// Same dataset, byte-identical files: nothing depends on the clock, the time
// zone, map order or scheduling. Other files in root/data/ (the /data/ page)
// are left alone. Tables are written in parallel, the workbook alongside.
func Write(root *output.Writer, d *dataset.Dataset) ([]File, error) {
	tables, err := bindTables(d)
	if err != nil {
		return nil, err
	}
	years := sliceYears(tables)
	// Job 0 is the workbook, the longest; jobs 1… are the tables.
	results := make([][]File, len(tables)+1)
	errs := make([]error, len(tables)+1)
	jobs := make(chan int)
	var wg sync.WaitGroup
	var failed atomic.Bool // the first failure (a full disk, say) stops the rest
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(results)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if failed.Load() {
					continue
				}
				if j == 0 {
					f, err := writeWorkbook(root, tables, d, MaxSheetRows, workbookLevel)
					results[j], errs[j] = []File{f}, err
				} else {
					results[j], errs[j] = writeTable(root, &tables[j-1], d, years)
				}
				if errs[j] != nil {
					failed.Store(true)
				}
			}
		}()
	}
	for j := range results {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	var files []File
	for j := range results {
		if errs[j] != nil {
			return nil, errs[j]
		}
		files = append(files, results[j]...)
	}
	written := make(map[string]File, len(files))
	for _, f := range files {
		written[f.Path] = f
	}
	dp, err := datapackage(d, tables, written)
	if err != nil {
		return nil, err
	}
	f, err := writeFile(root, DatapackagePath, dp)
	if err != nil {
		return nil, err
	}
	files = append(files, f)
	sortFiles(files)
	sums, err := writeSums(root, files)
	if err != nil {
		return nil, err
	}
	files = append(files, sums)
	sortFiles(files)
	return files, nil
}

// sliceYears returns every year in which some table with a year or date
// has a row, ascending: each such table gets a slice for each of them.
func sliceYears(tables []table) []int {
	seen := map[int]bool{}
	for i := range tables {
		t := &tables[i]
		if t.date < 0 {
			continue
		}
		for r, n := 0, t.len(); r < n; r++ {
			if y := t.year(t.row(r)); y > 0 {
				seen[y] = true
			}
		}
	}
	years := make([]int, 0, len(seen))
	for y := range seen {
		years = append(years, y)
	}
	slices.Sort(years)
	return years
}

// writeTable writes one table's CSV, per-year CSVs, JSON and CSV for people.
func writeTable(root *output.Writer, t *table, d *dataset.Dataset, years []int) ([]File, error) {
	files, err := writeCSVs(root, t, years)
	if err != nil {
		return nil, err
	}
	f, err := writeJSON(root, t)
	if err != nil {
		return nil, err
	}
	zh, err := writeZhCSV(root, t, d)
	if err != nil {
		return nil, err
	}
	return append(files, f, zh), nil
}
