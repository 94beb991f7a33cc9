package schema

import (
	"fmt"
	"strconv"
	"strings"
)

// TypeZh returns the type's name in Chinese, as the reference and the
// template's instructions give it.
func (t Type) TypeZh() string {
	return [...]string{"文本", "编号", "整数", "数字", "日期", "是/否", "选项", "等次", "年份"}[t]
}

// Allowed says in Chinese what a cell of f may hold beyond its type: the
// enum values with their English aliases, the range, the ID pattern, the
// table an ID points at, the date forms. "" when nothing more is to be said.
func (f *Field) Allowed() string {
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	var parts []string
	switch f.Type {
	case Enum:
		var vs []string
		for _, c := range f.Enum {
			vs = append(vs, c.Zh+" ["+c.En+"]")
		}
		parts = append(parts, strings.Join(vs, " / "))
	case Grade:
		var vs []string
		for _, c := range DefaultGrades {
			vs = append(vs, c.Zh+" ["+c.En+"]")
		}
		parts = append(parts, strings.Join(vs, " / ")+"（默认；以 rules.toml 中的 grades 为准）")
	case Bool:
		parts = append(parts, "是 / 否（也可写 true/false、1/0）")
	case Date:
		parts = append(parts, "2024-03-15、2024/3/15、2024.3.15、2024年3月15日，或 Excel 日期单元格")
	case ID:
		parts = append(parts, "字母、数字、_ 和 -，以字母或数字开头，最长 64 个字符")
	case Year:
		parts = append(parts, "四位年份，如 2024")
	}
	if f.Ref != "" {
		parts = append(parts, "须为 "+Get(f.Ref).Sheet+"（"+f.Ref+"）表中已有的编号")
	}
	switch {
	case f.HasMin && f.HasMax && f.Max < 1e9:
		parts = append(parts, num(f.Min)+"–"+num(f.Max))
	case f.HasMin:
		parts = append(parts, "≥ "+num(f.Min))
	}
	return strings.Join(parts, "；")
}

// Reference returns the reference of every table and column as Markdown:
// docs/data-reference.md is this text (a test keeps it so).
func Reference() string {
	var b strings.Builder
	b.WriteString("# 数据表参考 (data reference)\n\n")
	b.WriteString("<!-- Generated from generator/schema by `go test ./generator/schema -run TestDataReference -update`: do not edit by hand. -->\n\n")
	b.WriteString("每张表可以是 `data/<表名>.csv`（或 `.txt`：Excel 的“Unicode 文本”）、`data/<表名>.toml`、`data/<表名>/` 里的多个文件，\n")
	b.WriteString("或 Excel 工作簿 `data/*.xlsx` 中以表名或中文名命名的工作表（`gongshi template` 生成的空白台账即是如此）。\n")
	b.WriteString("表头可以写中文表头或英文键。**必填**的列不能留空；其他列可以留空。\n")
	b.WriteString("整数、数字和年份列只填数字，不带单位（写 `1600`，不写 `1600人`、`约1600`；`16万元` 要写成 `160000`）；日期用阿拉伯数字；是/否 列填“是”或“否”，不打勾。\n\n")
	b.WriteString("Each table is `data/<table>.csv` (or `.txt`, Excel's \"Unicode text\"), `data/<table>.toml`, several files in `data/<table>/`,\n")
	b.WriteString("or a sheet of a workbook `data/*.xlsx` named by the table's key or its Chinese name (as in the template `gongshi template` writes).\n")
	b.WriteString("A header may be the Chinese header or the English key. Required columns must not be empty.\n")
	b.WriteString("Whole-number, number and year columns hold the number alone, without a unit (`1600`, not `1600人` or `约1600`; `16万元` is `160000`); dates are in Arabic numerals; yes/no columns hold 是 or 否, not a tick.\n\n")
	b.WriteString("| 工作表 sheet | 表名 table | 文件 file |\n| --- | --- | --- |\n")
	for _, t := range Tables {
		fmt.Fprintf(&b, "| %s | `%s` | `data/%s.csv` |\n", t.Sheet, t.Name, t.Name)
	}
	for _, t := range Tables {
		fmt.Fprintf(&b, "\n## %s `%s` — %s (%s)\n\n%s\n\n", t.Sheet, t.Name, t.Title, t.TitleEn, t.Desc)
		if len(t.PrimaryKey) > 0 {
			fmt.Fprintf(&b, "每行由 %s 唯一确定 (unique: %s).\n\n", "`"+strings.Join(t.PrimaryKey, "` + `")+"`", strings.Join(t.PrimaryKey, " + "))
		}
		b.WriteString("| 表头 header | 英文键 key | 类型 type | 必填 required | 可填的值 allowed values | 说明 meaning |\n")
		b.WriteString("| --- | --- | --- | --- | --- | --- |\n")
		for _, f := range t.Input() {
			req := ""
			if f.Required {
				req = "必填 yes"
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s (%s) | %s | %s | %s |\n",
				f.Label, f.Key, f.Type.TypeZh(), f.Type, req, escapeCell(f.Allowed()), escapeCell(f.Desc))
		}
	}
	return b.String()
}

func escapeCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
