package main

import (
	"gongshi/generator/charts"
	"gongshi/generator/opendata"
	"gongshi/generator/problem"
	"gongshi/generator/site"
)

// extend adds the later stages to a build: charts (with shortcodes) and the
// open-data downloads under data/.
func extend(s *site.Site, staging string) (*problem.List, error) {
	charts.Attach(s)
	files, err := opendata.Write(staging, s.D)
	var bytes int64
	for _, f := range files {
		bytes += f.Bytes
	}
	s.AddStats(len(files), bytes)
	return nil, err
}
