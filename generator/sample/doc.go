// Package sample writes a synthetic, clearly fictional site source: site.toml, the data tables
// of DESIGN.md (townships, villages, secretaries, pledges, pledge_updates, appraisals, hearings,
// hearing_questions, trainings, actions) and a few Markdown pages. It feeds the demo county, the
// `gongshi sample` command and the benchmarks.
//
// The output depends only on Options: the same seed and size give byte-identical files, because
// every random choice comes from two PCG streams (one for the accountability records, so that
// adding them left the other rows as they were) consumed in a fixed order, the clock is never
// read and no map is iterated. Rows are streamed village by village through buffered CSV
// writers, so memory stays bounded at any size.
//
// The source deliberately exercises several loader paths: townships are TOML, villages.csv has
// Chinese header labels and an extra column listed in privacy.drop_columns, and trainings are
// split into one file per year under data/trainings/.
package sample
