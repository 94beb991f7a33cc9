// Package load reads a site source — site.toml, data/rules.toml and every
// table under data/ — into a dataset.Dataset, reporting every problem it
// finds in one pass with its file, line and key. It owns the outside
// readers: encoding/csv for CSV and Excel's tab-separated "Unicode text",
// BurntSushi/toml for TOML, golang.org/x/text for GB18030 and UTF-16, and
// excelize for workbooks (data/*.xlsx, see xlsx.go). All of them yield rows
// of text cells that readRecords checks alike (records.go). It checks
// single cells (type, range, required, ID form, enum value); rules across
// rows live in package validate.
package load
