// Package check runs the first stages of the pipeline on the data — load,
// then validate — and, when the input has no errors, derives the dataset's
// facts. build.Run and build.Check (behind `gongshi build` and `gongshi
// check`) both start here and then check content and theme the same way, so
// the two commands always agree on what is wrong with a source.
package check

import (
	"gongshi/generator/dataset"
	"gongshi/generator/load"
	"gongshi/generator/problem"
	"gongshi/generator/validate"
)

// Source loads and validates the site source in dir. The dataset is derived
// (ready to render) only when there are no errors. err is for failures that
// are not the input's fault.
func Source(dir string) (*dataset.Dataset, *problem.List, error) {
	d, probs, err := load.Load(dir)
	if err != nil {
		return nil, nil, err
	}
	if probs.Errors() > 0 && len(d.Townships)+len(d.Villages) == 0 {
		return d, probs, nil // site.toml or data/ unusable: later checks would only add noise
	}
	probs.Merge(*validate.Check(d))
	if probs.Errors() == 0 {
		d.Derive()
		if len(d.Villages) == 0 {
			// A blank template in data/, say: every table found, none filled.
			probs.Warn("no-villages", "data", 0, "", "",
				"还没有任何行政村的记录，生成的网站只有空页面；请先填写乡镇和行政村",
				"no village has a row yet, so the site would have only empty pages: fill in the townships and villages first")
		}
	}
	return d, locate(d, probs), nil
}

// locate names, for problems about a row and a column (a duplicate, a
// reference, a rule across rows), the column as the file writes its header
// ("任职开始 (term_start)" in a Chinese-headed file) and, in a workbook, the
// cell (书记!E5): the checks that find them know rows and keys only.
func locate(d *dataset.Dataset, probs *problem.List) *problem.List {
	ps := probs.Sorted() // a copy, changed in place
	for i := range ps {
		p := &ps[i]
		if h, ok := d.Headers[dataset.SrcFile{File: p.File, Sheet: p.Sheet}][p.Key]; ok && p.Line > 0 {
			if p.Column == 0 {
				p.Column = h.Column
			}
			if p.Sheet != "" && p.Cell == "" {
				p.Cell = problem.CellName(h.Column, p.Line)
			}
			if h.Name != p.Key {
				p.Key = h.Name + " (" + p.Key + ")"
			}
		}
	}
	return problem.ListOf(ps)
}
