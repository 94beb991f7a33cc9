package load

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"

	"gongshi/generator/dataset"
	"gongshi/generator/privacy"
	"gongshi/generator/problem"
	"gongshi/generator/safefs"
)

// Load reads the site source in dir. It returns the dataset (indexed, not yet
// validated across rows or derived) and every problem found while reading.
// The error is for failures that are not the input's fault (I/O); a bad input
// is reported as problems, never as the error.
func Load(dir string) (*dataset.Dataset, *problem.List, error) {
	probs := &problem.List{}
	d := &dataset.Dataset{}
	site, ok := readSite(dir, probs)
	d.Site = site
	if !ok {
		return d, probs, nil
	}
	if isLink(filepath.Join(dir, "data")) {
		probs.Add(safefs.SymlinkProblem("data"))
		return d, probs, nil
	}
	d.Rules = readRules(dir, probs)
	bindings, err := bind(d)
	if err != nil {
		return nil, nil, err
	}
	jobs, err := findFiles(dir, bindings, probs)
	if err != nil {
		return nil, nil, err
	}
	readAll(dir, jobs, d, probs)
	total := map[*binding]int{}
	for _, j := range jobs {
		total[j.binding] += j.sink.rows.Len()
	}
	for _, j := range jobs {
		b := j.binding
		if b.rows.Elem().Cap() == 0 {
			b.rows.Elem().Set(reflect.MakeSlice(b.rows.Elem().Type(), 0, total[b]))
		}
		b.rows.Elem().Set(reflect.AppendSlice(b.rows.Elem(), j.sink.rows))
		probs.Merge(*j.sink.probs)
	}
	checkKeys(bindings, probs)
	if !d.Site.Privacy.PublishBirthYear {
		for i := range d.Secretaries {
			d.Secretaries[i].BirthYear = nil
		}
	}
	d.Index()
	return d, probs, nil
}

// job is one data file to read into one table.
type job struct {
	binding *binding
	file    string // relative, slash-separated
	isTOML  bool
	sink    *rowSink
}

// findFiles lists the files of every table, in a fixed order: data/<t>.csv,
// data/<t>.toml, then data/<t>/* sorted by name. Other files in data/ are
// reported as warnings, since a misspelt file name would otherwise be ignored.
func findFiles(dir string, bindings []binding, probs *problem.List) ([]*job, error) {
	entries, err := os.ReadDir(filepath.Join(dir, "data"))
	if os.IsNotExist(err) {
		probs.Errorf("data", 0, "", "", "找不到 data 目录", "the data/ folder is missing")
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	known := map[string]bool{"rules.toml": true}
	var jobs []*job
	add := func(b *binding, rel string) {
		jobs = append(jobs, &job{binding: b, file: rel, isTOML: strings.HasSuffix(rel, ".toml")})
	}
	for i := range bindings {
		b := &bindings[i]
		name := b.table.Name
		for _, ext := range []string{".csv", ".toml"} {
			// Lstat: a link is taken as the table's file, so that reading it
			// reports the link instead of the table being silently missing.
			if fi, err := os.Lstat(filepath.Join(dir, "data", name+ext)); err == nil && !fi.IsDir() {
				add(b, "data/"+name+ext)
				known[name+ext] = true
			}
		}
		if isLink(filepath.Join(dir, "data", name)) {
			known[name] = true
			probs.Add(safefs.SymlinkProblem("data/" + name))
			continue
		}
		sub, err := os.ReadDir(filepath.Join(dir, "data", name))
		if err == nil {
			known[name] = true
			for _, e := range sub {
				n := e.Name()
				switch {
				case e.IsDir() || strings.HasPrefix(n, "."):
				case strings.HasSuffix(n, ".csv") || strings.HasSuffix(n, ".toml"):
					add(b, path.Join("data", name, n))
				default:
					probs.Warnf(path.Join("data", name, n), 0, "", "", "不是 CSV 或 TOML 文件，已忽略", "not a CSV or TOML file: ignored")
				}
			}
		}
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	for _, n := range names {
		if !known[n] && !strings.HasPrefix(n, ".") {
			probs.Warnf("data/"+n, 0, "", "", "不是已知的数据表，已忽略（表名见 DESIGN.md）", "not a known table: ignored")
		}
	}
	for _, b := range bindings {
		if b.table.Name == "townships" || b.table.Name == "villages" {
			found := false
			for _, j := range jobs {
				found = found || j.binding.table == b.table
			}
			if !found {
				probs.Errorf("data/"+b.table.Name+".csv", 0, "", "", "缺少必需的数据表", "required table is missing")
			}
		}
	}
	return jobs, nil
}

// isLink reports whether p is a symbolic link (read through package
// safefs, which refuses links: see there).
func isLink(p string) bool {
	fi, err := os.Lstat(p)
	return err == nil && fi.Mode()&os.ModeSymlink != 0
}

// readAll reads the files on all cores. Each job keeps its own rows and
// problems, merged afterwards in file order, so the result does not depend
// on scheduling.
func readAll(dir string, jobs []*job, d *dataset.Dataset, probs *problem.List) {
	var wg sync.WaitGroup
	next := make(chan *job)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				readOne(dir, j, d)
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
}

func readOne(dir string, j *job, d *dataset.Dataset) {
	fp := &problem.List{}
	b, err := safefs.Read(dir, j.file, safefs.MaxTable)
	j.sink = newSink(j.binding, j.file, j.isTOML, &d.Rules, fp, bytes.Count(b, []byte{'\n'}))
	j.sink.allow = privacy.NewAllow(d.Site.Privacy.AllowNumbers)
	if p, ok := safefs.AsProblem(err); ok {
		fp.Add(p)
		return
	}
	if err != nil {
		fp.Errorf(j.file, 0, "", "", "无法读取", fmt.Sprint(err))
		return
	}
	force := d.Site.Encoding
	if j.isTOML {
		force = ""
	}
	text := decodeText(j.file, b, force, fp)
	if j.isTOML {
		readTOMLTable(text, j.sink, d.Site.Privacy.DropColumns)
	} else {
		readCSV(text, j.sink, d.Site.Privacy.DropColumns)
	}
}
