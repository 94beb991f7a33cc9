package main

import (
	"gongshi/generator/charts"
	"gongshi/generator/problem"
	"gongshi/generator/site"
)

// extend adds the later stages to a build: charts (and shortcodes) now,
// open-data downloads when that package lands.
func extend(s *site.Site, staging string) (*problem.List, error) {
	charts.Attach(s)
	return nil, nil
}
