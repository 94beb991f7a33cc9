package dataset

import "testing"

// TestExcelDay: Excel's own day numbers, from 1900-03-01 (its day 61: it
// counts 1900 as a leap year) to today's;
// anything but a normalised date is refused.
func TestExcelDay(t *testing.T) {
	for _, c := range []struct {
		date string
		day  int
		ok   bool
	}{
		{"1899-12-31", 1, true}, {"1900-03-01", 61, true}, {"2024-01-01", 45292, true},
		{"2024-05-01", 45413, true}, {"2025-12-31", 46022, true},
		{"", 0, false}, {"2024-5-1", 0, false}, {"2024/05/01", 0, false}, {"20240501xx", 0, false},
	} {
		if day, ok := ExcelDay(c.date); day != c.day || ok != c.ok {
			t.Errorf("ExcelDay(%q) = %d, %v; want %d, %v", c.date, day, ok, c.day, c.ok)
		}
	}
}
