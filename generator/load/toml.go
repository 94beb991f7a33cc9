package load

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"gongshi/generator/limits"
	"gongshi/generator/problem"
)

// tomlPositions finds, by scanning the text, the line of each [[name]]
// header and the line and column of each key inside it, since the TOML
// decoder does not expose key positions. Rows written as inline tables get
// the position of the array instead.
type tomlPositions struct {
	rows []int                        // line of the k-th [[name]] header
	keys []map[string][2]int          // per row: key → line, column
	top  map[string][2]int            // top-level keys (site.toml, rules.toml)
	sect map[string]map[string][2]int // [section] → key → position
}

var (
	reArrayHeader = regexp.MustCompile(`^\s*\[\[\s*"?([^\]"]+?)"?\s*\]\]`)
	reHeader      = regexp.MustCompile(`^\s*\[\s*"?([^\]"]+?)"?\s*\]`)
	reKey         = regexp.MustCompile(`^(\s*)("[^"]*"|[A-Za-z0-9_\-\p{Han}]+)\s*=`)
)

func scanTOML(text, array string) tomlPositions {
	p := tomlPositions{top: map[string][2]int{}, sect: map[string]map[string][2]int{}}
	var cur map[string][2]int
	for i, l := range strings.Split(text, "\n") {
		line := i + 1
		if m := reArrayHeader.FindStringSubmatch(l); m != nil {
			if strings.TrimSpace(m[1]) == array {
				p.rows = append(p.rows, line)
				cur = map[string][2]int{}
				p.keys = append(p.keys, cur)
			} else {
				cur = nil
			}
			continue
		}
		if m := reHeader.FindStringSubmatch(l); m != nil {
			name := strings.TrimSpace(m[1])
			cur = map[string][2]int{}
			p.sect[name] = cur
			continue
		}
		if m := reKey.FindStringSubmatch(l); m != nil {
			k := strings.Trim(m[2], `"`)
			pos := [2]int{line, len([]rune(m[1])) + 1}
			if cur == nil {
				p.top[k] = pos
			} else if _, ok := cur[k]; !ok {
				cur[k] = pos
			}
		}
	}
	return p
}

// tomlSyntax turns a decode error into a problem with its position.
func tomlSyntax(file string, err error, probs *problem.List) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		col := pe.Position.Col
		if col < 1 {
			col = 1
		}
		zh, en := "TOML 语法错误（详见英文说明）", "TOML syntax error: "+pe.Message
		switch {
		case strings.HasPrefix(pe.Message, "invalid datetime"):
			zh = "日期不存在或写法不对：应写成 2025-12-31 这样的年-月-日（不加引号）"
			en = "not a date that exists, or not written as one: write year-month-day such as 2025-12-31, without quotes (" + pe.Message + ")"
		case strings.Contains(pe.Message, "年") || strings.Contains(pe.Message, "月"):
			zh = "日期请写成 2025-12-31 这样的年-月-日（不加引号），不要写“年月日”"
			en = "write a date as year-month-day such as 2025-12-31, without quotes, not with 年月日 (" + pe.Message + ")"
		case strings.HasPrefix(pe.Message, "strings cannot contain newlines"):
			zh = "文字缺少结尾的英文双引号 \"（文字要用一对英文双引号括起来，且写在一行里）"
			en = "the text has no closing quote \" (text goes between a pair of ASCII double quotes, on one line)"
		case strings.HasPrefix(pe.Message, "expected value but found"):
			zh = "这个值的写法不对：文字要用英文双引号括起来，如 title = \"示范县村党组织书记履职公开\"；数字、日期和 true/false 不加引号"
			en = "this value is not written right: text goes in ASCII double quotes, such as title = \"Model County\"; numbers, dates and true/false go without (" + pe.Message + ")"
		}
		if strings.ContainsAny(pe.Message, "“”‘’＝，：［］　") {
			// A Chinese input method's full-width quotes, equals sign or
			// brackets: the commonest slip in a file typed by hand.
			zh = "TOML 语法错误：用了中文输入法的全角符号；引号、等号、方括号和逗号请用英文半角 \" = [ ] ,"
			en = `full-width symbols from a Chinese input method: use ASCII quotes, equals signs, brackets and commas (" = [ ] ,) (` + pe.Message + ")"
		}
		probs.Add(problem.Problem{Code: "toml-syntax", File: file, Line: pe.Position.Line, Column: col, TOMLPos: true, Zh: zh, En: en})
		return
	}
	line := 0
	if m := regexp.MustCompile(`line (\d+)`).FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	zh, en := "TOML 格式错误", err.Error()
	if m := regexp.MustCompile(`last key "([^"]+)"\): incompatible types: TOML value has type \w+; destination has type (\w+)`).FindStringSubmatch(err.Error()); m != nil {
		want, ok := map[string][2]string{
			"string":  {"应为文字，用英文双引号括起来，如 \"示范县\"", "must be text in double quotes, such as \"示范县\""},
			"boolean": {"应写 true 或 false（不加引号，不写“是”“否”）", "must be true or false, without quotes"},
			"integer": {"应为整数（不加引号），如 7", "must be a whole number without quotes, such as 7"},
			"float":   {"应为数字（不加引号）", "must be a number without quotes"},
			"slice":   {"应为列表，用英文方括号，如 [\"身份证号\", \"联系电话\"]", "must be a list in square brackets, such as [\"身份证号\", \"联系电话\"]"},
		}[m[2]]
		if ok {
			zh, en = m[1]+" 的值"+want[0], m[1]+" "+want[1]
		}
	}
	probs.Add(problem.Problem{Code: "toml-syntax", File: file, Line: line, TOMLPos: true, Zh: zh, En: en})
}

// readTOMLTable reads a TOML file holding an array of tables [[name]] into sink.
func readTOMLTable(text string, sink *rowSink, drop []string) {
	file, t, probs := sink.file, sink.b.table, sink.probs
	if p := limits.TOMLProblem(file, 1, text); p != nil {
		probs.Add(*p)
		return
	}
	var doc map[string]any
	if _, err := toml.Decode(text, &doc); err != nil {
		tomlSyntax(file, err, probs)
		return
	}
	pos := scanTOML(text, t.Name)
	for _, k := range sortedKeys(doc) {
		if k != t.Name {
			at := pos.top[k]
			probs.Add(problem.Problem{Code: "unknown-key", File: file, Line: at[0], Column: at[1], TOMLPos: true, Key: k,
				Zh: "未知的键；应为 [[" + t.Name + "]] 数组", En: "unknown key; expected an array [[" + t.Name + "]]"})
		}
	}
	raw, ok := doc[t.Name]
	if !ok {
		return
	}
	rows, ok := raw.([]map[string]any)
	if !ok {
		at := pos.top[t.Name]
		probs.Add(problem.Problem{Code: "toml-array", File: file, Line: at[0], Column: at[1], TOMLPos: true, Key: t.Name,
			Zh: "应为表数组 [[" + t.Name + "]]", En: "expected an array of tables [[" + t.Name + "]]"})
		return
	}
	for k, row := range rows {
		line, keys := 0, map[string][2]int{}
		if k < len(pos.rows) {
			line, keys = pos.rows[k], pos.keys[k]
		} else {
			line = pos.top[t.Name][0]
		}
		var cells []cell
		for _, key := range sortedKeys(row) {
			at := keys[key]
			if at[0] == 0 {
				at = [2]int{line, 0}
			}
			if dropped(key, drop) {
				continue
			}
			f, ok := t.Lookup(key)
			if !ok {
				probs.Add(problem.Problem{Code: "unknown-column", File: file, Line: at[0], Column: at[1], TOMLPos: true, Key: key,
					Zh: "未知的键；可用的键为 " + keyList(t), En: "unknown key; expected one of " + keyList(t)})
				continue
			}
			s, ok := tomlScalar(row[key])
			if !ok {
				probs.Add(problem.Problem{Code: "toml-value", File: file, Line: at[0], Column: at[1], TOMLPos: true, Key: key,
					Zh: "应为单个值（文字、数字、日期或布尔值）", En: "expected a single value (string, number, date or boolean)"})
				continue
			}
			cells = append(cells, cell{f: f, fi: sink.b.fieldIndex(f), raw: s, line: at[0], col: at[1]})
		}
		sink.add(line, 0, cells, nil)
	}
}

// tomlScalar renders a decoded TOML value as the text a CSV cell would hold,
// so that both forms go through the same checks. Dates keep only their date:
// TOML local dates decode in the machine's zone, and a build must not depend on TZ.
func tomlScalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	case time.Time:
		// Local dates come in a zone named "date-local" whose fields are as written.
		return fmt.Sprintf("%04d-%02d-%02d", x.Year(), x.Month(), x.Day()), true
	}
	return "", false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
