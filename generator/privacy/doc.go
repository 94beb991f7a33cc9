// Package privacy finds personal numbers that must never be published:
// mainland resident ID numbers (18 characters with a valid GB 11643 check
// digit, the last may be X; or the old 15 digits) and mobile numbers (1, then
// 3–9, then nine digits; also after the country code written into the same
// run, 8613812345678 or 008613812345678, as +86 without a space is typed).
// A number counts only as a whole digit run: digits
// just before or after it, or a decimal point joining it to more digits
// (12345.138123456789), make it part of something else. Full-width digits
// (１３８…), as a Chinese input method types them, count as digits.
//
// FindGrouped finds the numbers people write in groups (138 1234 5678,
// 138.1234.5678, (138)1234 5678, 110105 1949 1231 002X) or one digit at a
// time (1 3 8 1 2 3 4 5 6 7 8), which only check, reading the source, looks
// for; there, invisible format characters (U+200B, U+00AD, U+2060 …) are
// looked through, as a reader of the page does not see them. File reads a published file as a clerk's
// document: its name, an Office document's text, a zip archive's members,
// a PDF's strings; what it cannot read is a warning (CodeUnchecked).
//
// It is used twice. `gongshi check` (and so every build) scans each cell and
// each Markdown page of the source and reports every number found, with its
// place (Cell, Text). Then, as a last line of defence, the build scans every
// byte of every output file as it is written (Guard): pages, feeds,
// calendars, the search index and every download; of the workbook, the
// text of its parts and every cell's value as the sheet holds it (not the
// markup around cells, whose digits are cell references and styles). A number found there stops the build before the swap; it is
// named by the place check found it (none, unless check missed it) or by the
// output file. Numbers listed in site.toml's privacy.allow_numbers (a
// village office's public line) pass both.
package privacy
