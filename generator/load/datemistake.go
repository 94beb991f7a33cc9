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
	if zh, en, ok := dateDecorated(s); ok {
		return zh, en, true
	}
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
	if m := reDateHan.FindStringSubmatch(s); m != nil {
		y, mo, d := hanDigits(m[1]), hanNumber(m[2]), hanNumber(m[3])
		if date, ok := ParseDate(fmt.Sprintf("%s-%d-%d", y, mo, d)); ok && len(y) == 4 {
			return "日期请用阿拉伯数字填写：写成 " + date, "write the date in Arabic numerals: " + date, true
		}
	}
	return "", "", false
}

// The dates written with more than a date or with other separators, as
// exports and hands write them.
var (
	reDateTime    = regexp.MustCompile(`^(.+?)\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$`) // 2021-01-14 00:00:00
	reDateWeekday = regexp.MustCompile(`^(.+?)\s*[（(]?(星期|礼拜|周)[一二三四五六日天][)）]?$`)  // 2021年1月14日星期四
	reDateOddSep  = regexp.MustCompile(`^(\d{4})\s*[。、,，\s]\s*(\d{1,2})\s*[。、,，\s]\s*(\d{1,2})$`)
	reDateShortY  = regexp.MustCompile(`^(\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$`)
	reDateMDY     = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$`)
)

// dateDecorated names a date written with a time of day, a weekday, 号 for
// 日, spaces, other separators (2021。1。14, 2021、1、14), a two-digit
// year or the year last (1/14/2021, when the day says which is the month),
// giving the date to write.
func dateDecorated(s string) (zh, en string, ok bool) {
	write := func(zh, en, d string) (string, string, bool) {
		return zh + "写成 " + d, en + "write " + d, true
	}
	if m := reDateTime.FindStringSubmatch(s); m != nil {
		if d, ok := ParseDate(m[1]); ok {
			return write("去掉时间，只填日期：", "leave out the time of day: ", d)
		}
	}
	if m := reDateWeekday.FindStringSubmatch(s); m != nil {
		if d, ok := ParseDate(m[1]); ok {
			return write("去掉星期，只填日期：", "leave out the weekday: ", d)
		}
	}
	if strings.HasSuffix(s, "号") {
		if d, ok := ParseDate(strings.TrimSuffix(s, "号") + "日"); ok {
			return write("“号”应写作“日”，或", "write 日 for 号, or ", d)
		}
	}
	if strings.ContainsAny(s, " \t") {
		if d, ok := ParseDate(strings.Join(strings.Fields(s), "")); ok {
			return write("日期中不要有空格：", "leave out the spaces: ", d)
		}
	}
	if m := reDateOddSep.FindStringSubmatch(s); m != nil {
		if d, ok := ParseDate(m[1] + "-" + m[2] + "-" + m[3]); ok {
			return write("年、月、日之间请用 - 或 / 分隔：", "separate the year, month and day with - or /: ", d)
		}
	}
	if m := reDateShortY.FindStringSubmatch(s); m != nil {
		if d, ok := ParseDate("20" + m[1] + "-" + m[2] + "-" + m[3]); ok {
			return "年份要写四位，如 " + d, "write the year in four digits, such as " + d, true
		}
	}
	if m := reDateMDY.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		switch {
		case a > 12 && b <= 12: // day first
			if d, ok := ParseDate(m[3] + "-" + m[2] + "-" + m[1]); ok {
				return write("年份应在前：", "put the year first: ", d)
			}
		case b > 12 && a <= 12: // month first
			if d, ok := ParseDate(m[3] + "-" + m[1] + "-" + m[2]); ok {
				return write("年份应在前：", "put the year first: ", d)
			}
		default: // which is the month? both, and the clerk knows
			d1, ok1 := ParseDate(m[3] + "-" + m[1] + "-" + m[2])
			d2, ok2 := ParseDate(m[3] + "-" + m[2] + "-" + m[1])
			switch {
			case ok1 && (d1 == d2 || !ok2):
				return write("年份应在前：", "put the year first: ", d1)
			case ok1:
				return "年份应在前，按 年-月-日 填写：是 " + d1 + " 还是 " + d2 + "？", "put the year first, as year-month-day: is it " + d1 + " or " + d2 + "?", true
			}
		}
	}
	return "", "", false
}

// reDateHan is a date written in Chinese numerals, as on a printed
// notice: 二〇二一年一月十四日.
var reDateHan = regexp.MustCompile(`^([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$`)

// hanValue is the value of a Chinese numeral digit.
func hanValue(r rune) int {
	return strings.IndexRune("〇一二三四五六七八九", r) / 3 // each is 3 bytes in UTF-8
}

// hanDigits reads a year written digit by digit (二〇二一 is 2021).
func hanDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '零', '○', 'Ｏ':
			r = '〇'
		}
		b.WriteByte(byte('0' + hanValue(r)))
	}
	return b.String()
}

// hanNumber reads a month or day in Chinese numerals up to 99 (十四 is 14,
// 二十一 is 21, 三十 is 30); 0 if it is none.
func hanNumber(s string) int {
	tens, ones, ok := strings.Cut(s, "十")
	switch {
	case !ok:
		if len([]rune(s)) != 1 {
			return 0
		}
		return hanValue([]rune(s)[0])
	case strings.Contains(ones, "十") || len([]rune(tens)) > 1 || len([]rune(ones)) > 1:
		return 0
	}
	n := 10
	if tens != "" {
		n = 10 * hanValue([]rune(tens)[0])
	}
	if ones != "" {
		n += hanValue([]rune(ones)[0])
	}
	return n
}

// pad2 writes a one-digit month with a leading zero.
func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
