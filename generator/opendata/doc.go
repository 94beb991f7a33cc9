// Package opendata writes the open-data downloads under /data/: every table
// as CSV (UTF-8 with BOM, English keys as headers) and JSON, the same rows cut
// by year, one Excel workbook, a Frictionless Data Package descriptor and a
// SHA256SUMS file; and it prepares the data dictionary that the /data/ page
// shows. Columns, labels, types and constraints all come from package schema,
// so the files, the descriptor and the dictionary cannot disagree.
//
// Output is deterministic: the same dataset gives byte-identical files,
// whatever the clock, the time zone or the scheduling.
package opendata

// Paths of the package-wide downloads, relative to the site root.
const (
	WorkbookPath    = "data/gongshi.xlsx"
	DatapackagePath = "data/datapackage.json"
	SumsPath        = "data/SHA256SUMS"
)

// MaxSheetRows is the number of data rows an Excel sheet holds (1,048,576
// rows less the header). A larger table gets a sheet with a note pointing at
// its CSV instead of its rows.
const MaxSheetRows = 1048575
