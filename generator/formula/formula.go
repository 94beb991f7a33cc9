// Package formula keeps text that a spreadsheet would take for a formula
// from running when a CSV download is opened (the OWASP advice on CSV
// injection): every CSV gongshi writes, the downloads and the charts' data,
// passes its text cells through Guard.
package formula

// Guard returns text that starts like a formula (=, +, -, @, a tab or a
// carriage return) with a leading ', which spreadsheets show as text; other
// text as it is. Only text goes through here: numbers such as -5 are numbers.
func Guard(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
