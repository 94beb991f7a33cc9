package load

import "testing"

// TestDateMistake names the near misses and leaves the rest to the general
// message.
func TestDateMistake(t *testing.T) {
	for _, c := range []struct{ in, zh, en string }{
		{"2024-02-30", "2024 年 2 月没有 30 日（这个月只有 29 天）", "February 2024 has no day 30 (it has 29 days)"},
		{"2023-02-29", "2023 年 2 月没有 29 日（这个月只有 28 天）", "February 2023 has no day 29 (it has 28 days)"},
		{"2024年4月31日", "2024 年 4 月没有 31 日（这个月只有 30 天）", "April 2024 has no day 31 (it has 30 days)"},
		{"2025/13/01", "没有 13 月：月份应为 1 到 12", "there is no month 13: months are 1 to 12"},
		{"２０２５．０．１", "没有 0 月：月份应为 1 到 12", "there is no month 0: months are 1 to 12"},
		{"2025年3月", "缺少日：应为完整的日期（年、月、日），如 2025-03-15", "the day is missing: expected a full date (year, month and day) such as 2025-03-15"},
		{"2025-11", "缺少日：应为完整的日期（年、月、日），如 2025-11-15", "the day is missing: expected a full date (year, month and day) such as 2025-11-15"},
		{"20230315", "年、月、日之间要有分隔符：写成 2023-03-15", "separate the year, month and day: write 2023-03-15"},
		{"二〇二一年一月十四日", "日期请用阿拉伯数字填写：写成 2021-01-14", "write the date in Arabic numerals: 2021-01-14"},
		{"二零二四年十二月三十一日", "日期请用阿拉伯数字填写：写成 2024-12-31", "write the date in Arabic numerals: 2024-12-31"},
		{"二〇二五年三月二十日", "日期请用阿拉伯数字填写：写成 2025-03-20", "write the date in Arabic numerals: 2025-03-20"},
		{"二〇二三年二月二十九日", "", ""}, // no such day: the general message
		{"二〇二五年十三月一日", "", ""},
		{"二〇二五年三月十十日", "", ""},
		{"2021-01-14 00:00:00", "去掉时间，只填日期：写成 2021-01-14", "leave out the time of day: write 2021-01-14"},
		{"2021/1/14 9:30", "去掉时间，只填日期：写成 2021-01-14", "leave out the time of day: write 2021-01-14"},
		{"2021年1月14日星期四", "去掉星期，只填日期：写成 2021-01-14", "leave out the weekday: write 2021-01-14"},
		{"2021-01-14（周四）", "去掉星期，只填日期：写成 2021-01-14", "leave out the weekday: write 2021-01-14"},
		{"2021年1月14号", "“号”应写作“日”，或写成 2021-01-14", "write 日 for 号, or write 2021-01-14"},
		{"2021 年 1 月 14 日", "日期中不要有空格：写成 2021-01-14", "leave out the spaces: write 2021-01-14"},
		{"2021。1。14", "年、月、日之间请用 - 或 / 分隔：写成 2021-01-14", "separate the year, month and day with - or /: write 2021-01-14"},
		{"2021、1、14", "年、月、日之间请用 - 或 / 分隔：写成 2021-01-14", "separate the year, month and day with - or /: write 2021-01-14"},
		{"2021 1 14", "年、月、日之间请用 - 或 / 分隔：写成 2021-01-14", "separate the year, month and day with - or /: write 2021-01-14"},
		{"21.1.14", "年份要写四位，如 2021-01-14", "write the year in four digits, such as 2021-01-14"},
		{"14/1/2021", "年份应在前：写成 2021-01-14", "put the year first: write 2021-01-14"},
		{"1/14/2021", "年份应在前：写成 2021-01-14", "put the year first: write 2021-01-14"},
		{"3/4/2021", "年份应在前，按 年-月-日 填写：是 2021-03-04 还是 2021-04-03？", "put the year first, as year-month-day: is it 2021-03-04 or 2021-04-03?"}, // which is the month?
		{"5/5/2021", "年份应在前：写成 2021-05-05", "put the year first: write 2021-05-05"},
		{"0/0/2021", "", ""},
		{"2021-02-30 00:00", "", ""}, // no such day: the general message
		{"20231315", "", ""},         // not a date run: the general message
		{"完成了", "", ""},
		{"2024-03-15", "", ""}, // a date: nothing wrong
		{"3/15/2024", "年份应在前：写成 2024-03-15", "put the year first: write 2024-03-15"},
	} {
		zh, en, ok := dateMistake(c.in)
		if ok != (c.zh != "") || zh != c.zh || en != c.en {
			t.Errorf("dateMistake(%q) = %q, %q, %v; want %q, %q", c.in, zh, en, ok, c.zh, c.en)
		}
	}
}
