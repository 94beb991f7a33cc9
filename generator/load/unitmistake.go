package load

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"gongshi/generator/schema"
)

// reUnit is a number typed with its unit, as a register writes it beside
// the number (1600人, 433户, 81.1分, 3天, 16万元, 2021年), or with 约
// (about) before it: the cell is the number alone.
var reUnit = regexp.MustCompile(`^(约|大约)?\s*([+-]?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|万人|万户|万|元|人|户|名|个|位|分|天|日|年|次|岁|期|学时|课时|小时|项|条|票)?$`)

// unitMistake returns the problem of a number column's cell that is a
// number with a unit or 约 (about), saying what to type instead: the number
// alone, and a number of 万 (ten thousands) multiplied out; ok is false for
// other cells.
func unitMistake(f *schema.Field, s string) (e *cellError, ok bool) {
	code, whole := "number", true
	switch f.Type {
	case schema.Int:
		code = "int"
	case schema.Year:
		code = "year"
	default:
		whole = false
	}
	t := strings.TrimSpace(narrow(s))
	// Spaces between the digits (1 600, a non-breaking space from a web
	// page), or the apostrophe that makes Excel keep a number as text
	// ('1600), when a program wrote it into the file.
	if j := strings.Join(strings.FieldsFunc(t, unicode.IsSpace), ""); j != t {
		if _, err := parseNumber(j); err == nil {
			return &cellError{code, "数字中间不要有空格：" + j, "leave out the spaces between the digits: " + j}, true
		}
	}
	if n, cut := strings.CutPrefix(t, "'"); cut {
		if _, err := parseNumber(n); err == nil {
			return &cellError{code, "去掉开头的撇号 '，只填数字：" + n, "leave out the apostrophe before the number: " + n}, true
		}
	}
	m := reUnit.FindStringSubmatch(t)
	if m == nil || m[1] == "" && m[3] == "" {
		return nil, false
	}
	x, err := parseNumber(m[2])
	if err != nil {
		return nil, false
	}
	about, unit := m[1], m[3]
	if strings.HasPrefix(unit, "万") {
		x *= 1e4
	}
	if whole && x != math.Trunc(x) {
		return nil, false // "12.5人" in a column of whole numbers: 12.5 would be wrong too (应为整数)
	}
	n := strconv.FormatFloat(math.Round(x*1e6)/1e6, 'f', -1, 64)
	switch {
	case about != "":
		return &cellError{code, "不要写“" + about + "”，只填数字：" + n, "leave out " + about + " (about) and enter the number alone: " + n}, true
	case strings.HasPrefix(unit, "万"):
		return &cellError{code, "“万”要换算出来：请填 " + n + "（不带单位）", "万 is ten thousand: enter " + n + " (no unit)"}, true
	case unit == "年" && (f.Type == schema.Year || x >= 1900 && x <= 2200):
		return &cellError{code, "去掉“年”字，只填四位年份：" + n, "leave out 年 and enter the four-digit year alone: " + n}, true
	}
	return &cellError{code, "去掉单位“" + unit + "”，只填数字：" + n, "leave out the unit " + unit + " and enter the number alone: " + n}, true
}
