// Package limits holds the bounds gongshi puts on the shape of its input, so
// that no file, however written, can exhaust memory or take minutes: how
// deeply TOML may nest (checked before decoding) and how deeply Markdown
// lists and block quotes may nest (checked before goldmark parses a page).
// Each check is a linear pre-scan of the text that returns where the bound
// is first passed.
//
// Why pre-scan instead of trusting the parsers: BurntSushi/toml decodes
// nested inline tables and long dotted keys in time and memory that grow
// with the square of the depth (10,000 levels: 13 s and 11 GB), and goldmark
// parses nested list items in time that grows with depth times size (2 MB of
// 1,000-deep lists: 2 s; a 16 MB page would take minutes). No real page or
// settings file nests more than a handful of levels.
package limits
