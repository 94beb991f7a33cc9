package i18n

import (
	"math"
	"strconv"
	"strings"

	"gongshi/generator/schema"
)

// Date shows a normalised date (YYYY-MM-DD) the way readers of the language
// write it, from the pattern format.date: 2024年3月1日 in Chinese,
// 2024-03-01 in English. Anything else is returned as is.
func (c *Catalogue) Date(d string) string {
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return d
	}
	i, ok := dayIndex(d)
	if ok {
		if s := c.days[i].Load(); s != nil {
			return *s
		}
	} else if s, ok := c.dates.Load(d); ok {
		return s.(string)
	}
	m, _ := strconv.Atoi(d[5:7])
	day, _ := strconv.Atoi(d[8:10])
	s := c.Tf("format.date", "yyyy", d[:4], "mm", d[5:7], "dd", d[8:10], "m", strconv.Itoa(m), "d", strconv.Itoa(day))
	if ok {
		c.days[i].Store(&s)
	} else {
		c.dates.Store(d, s)
	}
	return s
}

// dayIndex returns the place in Catalogue.days of a date YYYY-MM-DD of
// 1900–2099 with a month 01–12 and a day 01–31 (all digits), or false.
func dayIndex(d string) (int, bool) {
	for _, k := range [8]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if d[k] < '0' || d[k] > '9' {
			return 0, false
		}
	}
	num := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	y, m, day := num(d[:4])-1900, num(d[5:7]), num(d[8:10])
	if y < 0 || y >= dayYears || m < 1 || m > 12 || day < 1 || day > 31 {
		return 0, false
	}
	return (y*12+m-1)*31 + day - 1, true
}

// Int formats a whole number with thousands separators (format.thousands).
func (c *Catalogue) Int(n int) string { return groupDigits(strconv.Itoa(n), c.T("format.thousands")) }

func groupDigits(s, sep string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Num formats a number with at most two decimals and no trailing zeros
// (sums of decimals carry float noise: 1.1 + 2.2 is 3.3000000000000003).
func Num(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) }

// Fixed formats with exactly n decimals (totals keep two: 92.30).
func Fixed(x float64, n int) string { return strconv.FormatFloat(x, 'f', n, 64) }

// Yuan formats an amount of money: in 万元 from ten thousand up in Chinese
// (money.wan, money.yuan), with the currency sign in English (money.en).
func (c *Catalogue) Yuan(x float64) string {
	if c.English() {
		return c.Tf("money.yuan", "n", c.Int(int(x+0.5)))
	}
	if x >= 10000 {
		return c.Tf("money.wan", "n", strconv.FormatFloat(x/10000, 'f', 1, 64))
	}
	return c.Tf("money.yuan", "n", Num(x))
}

// Enum returns the display name of an enum value (its canonical Chinese
// value): the value itself in Chinese, enum.<English alias> in English.
// A value outside the set (a county's own grade names) is shown as entered.
func (c *Catalogue) Enum(e schema.EnumSet, zh string) string {
	if !c.English() || zh == "" {
		return zh
	}
	for _, ch := range e {
		if ch.Zh == zh && ch.En != "" {
			return c.T("enum." + ch.En)
		}
	}
	return zh
}

// Grade returns the display name of an appraisal grade: a default grade
// (优秀 …) in the site's language, a county's own grade name as written.
func (c *Catalogue) Grade(g string) string { return c.Enum(schema.DefaultGrades, g) }

// Consequence returns what the rules make follow from grade, given their
// text for it: the built-in consequence of a default grade (DefaultRules,
// builtIn true) in the site's language, from the catalogue's consequence
// keys; a county's own rules.toml text as written.
func (c *Catalogue) Consequence(grade, text string, builtIn bool) string {
	if !builtIn || text == "" || !c.English() {
		return text
	}
	for _, ch := range schema.DefaultGrades {
		if ch.Zh == grade {
			if k := "consequences." + ch.En; c.Has(k) {
				return c.T(k)
			}
		}
	}
	return text
}

// YearTitle puts a year before a title ("2024年承诺事项") or after it
// ("Pledges (2024)"), from format.year_title; year 0 leaves the title alone.
func (c *Catalogue) YearTitle(year int, title string) string {
	if year == 0 {
		return title
	}
	return c.Tf("format.year_title", "year", strconv.Itoa(year), "title", title)
}

// Paren wraps s in the language's parentheses: （s） or " (s)".
func (c *Catalogue) Paren(s string) string { return c.T("punct.lparen") + s + c.T("punct.rparen") }

// Label joins a label and its value with the language's colon: 结果：通过, "Outcome: passed".
func (c *Catalogue) Label(label, value string) string { return label + c.T("punct.colon") + value }

// LabelOf is Label(T(key), ""), made once a key: "村：", "Village: ".
// Lists name every cell of a row with it (a card's labels on a phone), so
// it is asked for thousands of times a page.
func (c *Catalogue) LabelOf(key string) string {
	if v, ok := c.labels.Load(key); ok {
		return v.(string)
	}
	l := c.Label(c.T(key), "")
	c.labels.Store(key, l)
	return l
}

// List joins items with the language's list separator: 甲、乙 or "a, b".
func (c *Catalogue) List(items []string) string { return strings.Join(items, c.T("punct.list")) }

// Or joins items as alternatives, the last after list.or: "a, b or c",
// 甲、乙、丙. One item is itself, none is "".
func (c *Catalogue) Or(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	last := len(items) - 1
	return c.List(items[:last]) + c.T("list.or") + items[last]
}

// Percent formats part of whole as a whole percentage, "—" when whole is 0.
func Percent(part, whole int) string {
	if whole == 0 {
		return "—"
	}
	return strconv.Itoa(Pct(part, whole)) + "%"
}

// Pct returns part/whole as a whole percentage (0 when whole is 0), rounded
// half up.
func Pct(part, whole int) int {
	if whole == 0 {
		return 0
	}
	return int(float64(part)*100/float64(whole) + 0.5)
}
