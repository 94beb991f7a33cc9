// Package extend holds the stages that `gongshi build` adds to the core
// build (package build): charts and the open-data downloads. It is a package
// of its own so that build depends on neither, and their tests can use build.
package extend

import (
	"gongshi/generator/charts"
	"gongshi/generator/opendata"
	"gongshi/generator/problem"
	"gongshi/generator/site"
)

// Standard is the build.Options.Extend of `gongshi build`: charts (with the
// chart, figure and table shortcodes) and the open-data downloads under
// data/. The downloads are written while pages render: on a disk that makes
// files slowly, one core formats the workbook while the other waits on it.
//
// With no staging folder (`gongshi check`), only the charts are attached,
// so that shortcodes are checked; nothing is written.
func Standard(s *site.Site, staging string) (*problem.List, error) {
	charts.Attach(s)
	if staging == "" {
		return nil, nil
	}
	s.Go(func() error {
		files, err := opendata.Write(staging, s.D, s.Guard)
		var bytes int64
		for _, f := range files {
			bytes += f.Bytes
		}
		s.AddStats(len(files), bytes)
		return err
	})
	return nil, nil
}
