package site

import (
	"math"
	"strconv"
	"strings"
)

func itoa(i int) string { return strconv.Itoa(i) }

// FormatDate shows a normalised date as the site does (for other packages).
func FormatDate(d, lang string) string { return fmtDate(d, lang) }

// fmtDate shows a normalised date the way readers write it: 2024年3月1日 in
// Chinese, 2024-03-01 in English.
func fmtDate(d string, lang string) string {
	if len(d) != 10 || lang == "en" {
		return d
	}
	m, _ := strconv.Atoi(d[5:7])
	day, _ := strconv.Atoi(d[8:10])
	return d[:4] + "年" + itoa(m) + "月" + itoa(day) + "日"
}

// fmtNum formats a number with at most two decimals and no trailing zeros
// (sums of decimals carry float noise: 1.1 + 2.2 is 3.3000000000000003).
func fmtNum(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

// fmtFixed formats with exactly n decimals (scores: 92.30 → "92.3" is ambiguous; totals keep 2).
func fmtFixed(x float64, n int) string { return strconv.FormatFloat(x, 'f', n, 64) }

// fmtInt formats a whole number with thousands separators.
func fmtInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// fmtYuan formats an amount of money in yuan, in 万元 above ten thousand.
func fmtYuan(x float64, lang string) string {
	if lang == "en" {
		return "¥" + fmtInt(int(x+0.5))
	}
	if x >= 10000 {
		return strconv.FormatFloat(x/10000, 'f', 1, 64) + " 万元"
	}
	return fmtNum(x) + " 元"
}

// percent returns part/whole as a whole percentage (0 when whole is 0).
func percent(part, whole int) int {
	if whole == 0 {
		return 0
	}
	return int(float64(part)*100/float64(whole) + 0.5)
}

// stars renders n filled of max stars as text, e.g. ★★★☆☆.
func stars(n, max int) string {
	if n < 0 {
		n = 0
	}
	if n > max {
		n = max
	}
	return strings.Repeat("★", n) + strings.Repeat("☆", max-n)
}
