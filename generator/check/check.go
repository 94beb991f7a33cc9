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
	}
	return d, probs, nil
}
