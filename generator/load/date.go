package load

import (
	"fmt"
	"strings"
)

// ParseDate normalises a date cell to YYYY-MM-DD. It accepts the forms of
// DESIGN.md: 2024-03-15, 2024/3/15, 2024.3.15 and 2024年3月15日 (one- or
// two-digit month and day, surrounding spaces ignored). It checks that the
// day exists (no 2023-02-29).
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if isISODate(s) {
		return s, true // already normal: no new string
	}
	s = narrow(s) // ２０２４．５．１, typed with a Chinese input method
	var y, m, d int
	var sep1, sep2 string
	i := 0
	num := func(min, max int) (int, bool) {
		start, v := i, 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && i-start < max {
			v = v*10 + int(s[i]-'0')
			i++
		}
		return v, i-start >= min
	}
	sep := func() string {
		for _, c := range []string{"-", "/", ".", "年", "月", "日"} {
			if strings.HasPrefix(s[i:], c) {
				i += len(c)
				return c
			}
		}
		return ""
	}
	var ok bool
	if y, ok = num(4, 4); !ok {
		return "", false
	}
	if sep1 = sep(); sep1 == "" {
		return "", false
	}
	if m, ok = num(1, 2); !ok {
		return "", false
	}
	if sep2 = sep(); sep2 == "" {
		return "", false
	}
	if d, ok = num(1, 2); !ok {
		return "", false
	}
	switch {
	case sep1 == "年" && sep2 == "月":
		if strings.HasPrefix(s[i:], "日") {
			i += len("日")
		}
	case sep1 != sep2 || sep1 == "年" || sep1 == "月" || sep1 == "日":
		return "", false
	}
	if i != len(s) {
		return "", false
	}
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// isISODate reports whether s is already a valid YYYY-MM-DD date, the common
// case, checked without allocating.
func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	d := int(s[8]-'0')*10 + int(s[9]-'0')
	return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}
