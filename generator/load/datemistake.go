package load

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The date forms a clerk gets nearly right, which dateMistake names.
var (
	reDateParts = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)
	reYearMonth = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$`)
	reDateRun   = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
)

// dateMistake says what is wrong with s, a date cell that does not read as
// a date, when it is one of the near misses a clerk makes: a day the month
// does not have (2024-02-30), a month past 12, the day left out (2025年3月),
// or no separators (20230315). ok is false for anything else, which gets
// the general message.
func dateMistake(s string) (zh, en string, ok bool) {
	s = narrow(strings.TrimSpace(s))
	if m := reDateParts.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if mo < 1 || mo > 12 {
			return fmt.Sprintf("没有 %d 月：月份应为 1 到 12", mo), fmt.Sprintf("there is no month %d: months are 1 to 12", mo), true
		}
		if n := daysIn(y, mo); d < 1 || d > n {
			return fmt.Sprintf("%d 年 %d 月没有 %d 日（这个月只有 %d 天）", y, mo, d, n),
				fmt.Sprintf("%s %d has no day %d (it has %d days)", time.Month(mo), y, d, n), true
		}
		return "", "", false
	}
	if m := reYearMonth.FindStringSubmatch(s); m != nil {
		return "缺少日：应为完整的日期（年、月、日），如 " + m[1] + "-" + pad2(m[2]) + "-15",
			"the day is missing: expected a full date (year, month and day) such as " + m[1] + "-" + pad2(m[2]) + "-15", true
	}
	if m := reDateRun.FindStringSubmatch(s); m != nil {
		if d, ok := ParseDate(m[1] + "-" + m[2] + "-" + m[3]); ok {
			return "年、月、日之间要有分隔符：写成 " + d, "separate the year, month and day: write " + d, true
		}
	}
	return "", "", false
}

// pad2 writes a one-digit month with a leading zero.
func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
