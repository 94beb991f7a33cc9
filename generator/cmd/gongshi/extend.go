package main

import (
	"gongshi/generator/problem"
	"gongshi/generator/site"
)

// extend adds the later stages (charts, downloads) to a build.
func extend(s *site.Site, staging string) (*problem.List, error) {
	return nil, nil
}
