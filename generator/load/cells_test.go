package load

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/problem"
)

// readTable reads CSV text as the given table's file data/<table>.csv and
// returns the dataset holding its rows and the problems found.
func readTable(t testing.TB, table, text string) (*dataset.Dataset, []problem.Problem) {
	t.Helper()
	d := &dataset.Dataset{Rules: dataset.DefaultRules()}
	sink, probs := newTestSink(t, d, table, "data/"+table+".csv", false)
	readCSV(text, sink, []string{"身份证号"}, separator(text))
	sink.b.rows.Elem().Set(sink.rows)
	return d, probs.Sorted()
}

// newTestSink returns a sink for one file of a table of d.
func newTestSink(t testing.TB, d *dataset.Dataset, table, file string, isTOML bool) (*rowSink, *problem.List) {
	t.Helper()
	bindings, err := bind(d)
	if err != nil {
		t.Fatal(err)
	}
	for i := range bindings {
		if bindings[i].table.Name == table {
			probs := &problem.List{}
			return newSink(&bindings[i], file, isTOML, &d.Rules, probs, 0), probs
		}
	}
	t.Fatalf("no table %s", table)
	return nil, nil
}

func problemText(ps []problem.Problem) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.String())
	}
	return strings.Join(s, "\n")
}

func TestNumberCells(t *testing.T) {
	const head = "id,name,township_id,population,collective_income\n"
	for _, c := range []struct {
		pop, income string
		wantPop     int
		wantIncome  float64
		err         string // substring of the problem; "" for none
	}{
		{"1200", "150000", 1200, 150000, ""},
		{`"1,234"`, `"1,234,567.5"`, 1234, 1234567.5, ""},
		{"１２３４", "５２０００．５", 1234, 52000.5, ""}, // full-width digits and point
		{`"１，２３４"`, "0", 1234, 0, ""},          // full-width comma
		{"010", "007.50", 10, 7.5, ""},         // not octal
		{" 42 ", " 3 ", 42, 3, ""},             // spaces trimmed
		{"12.0", "1e3", 12, 1000, ""},          // a whole number written with a point
		{"0", "0.0", 0, 0, ""},                 //
		{"2099", "1", 2099, 1, ""},             // the last of the shared small numbers
		{"2100", "1", 2100, 1, ""},             // the first with a number of its own
		{"987654", "1", 987654, 1, ""},         //
		{"12.9", "1", 0, 1, `population "12.9": 应为整数 (expected a whole number)`},
		{"-5", "1", 0, 1, `population "-5": 不能小于 0 (expected at least 0)`},
		{"1", "-0.5", 1, 0, `collective_income "-0.5": 不能小于 0 (expected at least 0)`},
		{"abc", "1", 0, 1, `population "abc": 应为整数`},
		{"0x10", "1", 0, 1, `population "0x10": 应为整数`},
		{"1_000", "1", 0, 1, `population "1_000": 应为整数`},
		{"NaN", "1", 0, 1, `population "NaN": 应为整数`},
		{"1", "Inf", 1, 0, `collective_income "Inf": 应为数字 (expected a number)`},
		{"1", "0x1p3", 1, 0, `collective_income "0x1p3": 应为数字`},
		{"1e16", "1", 0, 1, `population "1e16": 应为整数`},
		{`"1,5"`, "1", 0, 1, `population "1,5": 应为整数`},                  // a decimal comma, not 15
		{"1", `"12,34"`, 1, 0, `collective_income "12,34": 应为数字`},       // not 1234
		{`"1,2,3,4"`, "1", 0, 1, `population "1,2,3,4": 应为整数`},          // misplaced separators
		{"1", `"1234,567"`, 1, 0, `collective_income "1234,567": 应为数字`}, //
		{"1", `",100"`, 1, 0, `collective_income ",100": 应为数字`},         //
		{"1", `"1,000.5,0"`, 1, 0, `collective_income "1,000.5,0": 应为数字`},
		// A number typed with its unit, or with 约 (about): the number to type.
		{"1600人", "1", 0, 1, `population "1600人": 去掉单位“人”，只填数字：1600 (leave out the unit 人 and enter the number alone: 1600)`},
		{"１２００ 人", "1", 0, 1, `population "１２００ 人": 去掉单位“人”，只填数字：1200`},
		{"约1200", "1", 0, 1, `population "约1200": 不要写“约”，只填数字：1200 (leave out 约 (about) and enter the number alone: 1200)`},
		{"1", "16万元", 1, 0, `collective_income "16万元": “万”要换算出来：请填 160000（不带单位） (万 is ten thousand: enter 160000 (no unit))`},
		{"1", "16.1万", 1, 0, `collective_income "16.1万": “万”要换算出来：请填 161000`},
		{"1", `"150,000元"`, 1, 0, `collective_income "150,000元": 去掉单位“元”，只填数字：150000`},
		{"1", "2024年", 1, 0, `collective_income "2024年": 去掉“年”字，只填四位年份：2024`},
		{"1200人次", "1", 0, 1, `population "1200人次": 应为整数 (expected a whole number)`}, // no unit it knows
		{"1 600", "1", 0, 1, `population "1 600": 数字中间不要有空格：1600 (leave out the spaces between the digits: 1600)`},
		{"1\u00a0600", "1", 0, 1, `population "1\u00a0600": 数字中间不要有空格：1600`},
		{"'1600", "1", 0, 1, `population "'1600": 去掉开头的撇号 '，只填数字：1600 (leave out the apostrophe before the number: 1600)`},
		{"12.5人", "1", 0, 1, `population "12.5人": 应为整数`}, // not "type 12.5": a whole number is wanted
	} {
		t.Run(c.pop+"|"+c.income, func(t *testing.T) {
			d, probs := readTable(t, "villages", head+"V1,上村,T1,"+c.pop+","+c.income+"\n")
			got := problemText(probs)
			if c.err == "" && got != "" || !strings.Contains(got, c.err) {
				t.Fatalf("problems:\n%s\nwant one containing %q", got, c.err)
			}
			if len(probs) > 1 {
				t.Errorf("%d problems, want at most 1:\n%s", len(probs), got)
			}
			v := d.Villages[0]
			if (v.Population == nil) != strings.HasPrefix(c.err, "population") {
				t.Errorf("population = %v", v.Population)
			} else if v.Population != nil && *v.Population != c.wantPop {
				t.Errorf("population = %d, want %d", *v.Population, c.wantPop)
			}
			badIncome := strings.HasPrefix(c.err, "collective_income")
			if (v.CollectiveIncome == nil) != badIncome {
				t.Errorf("collective_income = %v", v.CollectiveIncome)
			} else if v.CollectiveIncome != nil && *v.CollectiveIncome != c.wantIncome {
				t.Errorf("collective_income = %g, want %g", *v.CollectiveIncome, c.wantIncome)
			}
			if v.Bad() != (c.err != "") {
				t.Errorf("Src.Bad = %v", v.Bad())
			}
		})
	}
	for i, n := range smallInts {
		if n != i {
			t.Fatalf("the shared small number %d was changed to %d", i, n)
		}
	}
	for i, x := range smallFloats {
		if x != float64(i)/100 {
			t.Fatalf("the shared small decimal %d/100 was changed to %g", i, x)
		}
	}
}

func TestBoolCells(t *testing.T) {
	const head = "id,name,village_id,role,term_start,dual_role\n"
	for _, c := range []struct {
		in   string
		want *bool
		bad  bool
	}{
		{"是", ptr(true), false}, {"否", ptr(false), false},
		{"true", ptr(true), false}, {"false", ptr(false), false},
		{"TRUE", ptr(true), false}, {"False", ptr(false), false},
		{"1", ptr(true), false}, {"0", ptr(false), false},
		{"yes", ptr(true), false}, {"no", ptr(false), false},
		{" 是 ", ptr(true), false},
		{"", nil, false},
		{"2", nil, true}, {"是的", nil, true}, {"１", nil, true},
		{"√", nil, true}, {"对", nil, true}, {"×", nil, true},
	} {
		t.Run(c.in, func(t *testing.T) {
			d, probs := readTable(t, "secretaries", head+"S1,张三,V1,书记,2021-01-15,"+c.in+"\n")
			if c.bad {
				want := `data/secretaries.csv:2: dual_role "` + strings.TrimSpace(c.in) + `": 应为 是/否 (expected true/false, 是/否 or 1/0)`
				switch c.in {
				case "√", "对": // a tick
					want = `data/secretaries.csv:2: dual_role "` + c.in + `": 应为 是/否：打勾请填“是” (expected 是/否 (yes/no): for a tick enter 是)`
				case "×":
					want = `data/secretaries.csv:2: dual_role "×": 应为 是/否：打叉请填“否” (expected 是/否 (yes/no): for a cross enter 否)`
				}
				if got := problemText(probs); got != want {
					t.Errorf("problems:\n%s\nwant\n%s", got, want)
				}
			} else if len(probs) > 0 {
				t.Errorf("problems:\n%s", problemText(probs))
			}
			got := d.Secretaries[0].DualRole
			if (got == nil) != (c.want == nil) || got != nil && *got != *c.want {
				t.Errorf("dual_role = %v, want %v", deref(got), deref(c.want))
			}
		})
	}
}

func TestOtherCells(t *testing.T) {
	const head = "id,name,village_id,role,term_start,term_end,gender,birth_year\n"
	for _, c := range []struct {
		row   string
		want  string // problems, joined by newlines
		check func(*dataset.Secretary) bool
	}{
		{"S1,张三,V1,第一书记,2021/1/5,2024年2月29日,女,1985", "",
			func(s *dataset.Secretary) bool {
				return s.Role == "第一书记" && s.TermStart == "2021-01-05" && s.TermEnd == "2024-02-29" &&
					s.Gender == "女" && *s.BirthYear == 1985
			}},
		{"S1,张三,V1,First-Secretary,2021-01-05,,Male,", "",
			func(s *dataset.Secretary) bool {
				return s.Role == "第一书记" && s.Gender == "男" && s.BirthYear == nil
			}},
		{"S1,张三,V1,主任,2023-02-29,,M,85",
			"data/secretaries.csv:2: role \"主任\": 应为 书记/第一书记 (expected one of secretary/first-secretary)\n" +
				"data/secretaries.csv:2: term_start \"2023-02-29\": 2023 年 2 月没有 29 日（这个月只有 28 天） (February 2023 has no day 29 (it has 28 days))\n" +
				"data/secretaries.csv:2: gender \"M\": 应为 男/女 (expected one of male/female)\n" +
				"data/secretaries.csv:2: birth_year \"85\": 应为四位年份，如 2024 (expected a four-digit year such as 2024)",
			func(s *dataset.Secretary) bool {
				return s.Role == "" && s.TermStart == "" && s.BirthYear == nil && s.Bad()
			}},
		{"../x,张三,V1,书记,2021-01-05,,,", "data/secretaries.csv:2: id \"../x\": 编号只能由字母、数字、下划线和连字符组成，以字母或数字开头，最长64个字符 (expected an ID of letters, digits, _ and - only, starting with a letter or digit, at most 64 characters (^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$))",
			func(s *dataset.Secretary) bool { return s.ID == "" && s.Bad() }},
		// Full-width letters, digits and punctuation, as a Chinese input
		// method types them, are read as ASCII (as full-width numbers are).
		{"Ｓ１,张三,Ｖ－１,书记,２０２１．１．５,２０２４年２月２９日,,１９８５", "",
			func(s *dataset.Secretary) bool {
				return s.ID == "S1" && s.VillageID == "V-1" && s.TermStart == "2021-01-05" && s.TermEnd == "2024-02-29" && *s.BirthYear == 1985
			}},
		{",张三,V1,书记,2021-01-05,,,", "data/secretaries.csv:2: id: 必填，不能为空 (required, must not be empty)",
			func(s *dataset.Secretary) bool { return s.Bad() }},
	} {
		t.Run(c.row, func(t *testing.T) {
			d, probs := readTable(t, "secretaries", head+c.row+"\n")
			if got := problemText(probs); got != c.want {
				t.Errorf("problems:\n%s\nwant\n%s", got, c.want)
			}
			if len(d.Secretaries) != 1 || !c.check(&d.Secretaries[0]) {
				t.Errorf("rows: %s", show(reflect.ValueOf(d.Secretaries)))
			}
		})
	}
}

// TestCSVPositions checks that lines are physical lines even after a quoted
// cell that spans lines, that the Excel row is given beside a line it
// differs from (Excel shows the two-line cell in one row, and the blank line
// as an empty row), and that columns are 1-based field numbers.
func TestCSVPositions(t *testing.T) {
	text := "id,name,township_id,population\r\n" +
		"V1,\"上\r\n村\",T1,1\r\n" +
		"\r\n" +
		"V2,中村,T1,x\r\n" +
		",,,\r\n" +
		"V3,下村,T2,3,extra\r\n"
	d, probs := readTable(t, "villages", text)
	want := "data/villages.csv:5 (Excel 第 4 行 row 4): population \"x\": 应为整数 (expected a whole number)\n" +
		"data/villages.csv:7 (Excel 第 6 行 row 6): 本行有 5 个字段，但表头只有 4 列 (row has 5 fields but the header has 4 columns)"
	if got := problemText(probs); got != want {
		t.Errorf("problems:\n%s\nwant\n%s", got, want)
	}
	if probs[0].Column != 4 {
		t.Errorf("column = %d, want 4", probs[0].Column)
	}
	var lines []int
	for _, v := range d.Villages {
		lines = append(lines, int(v.Line))
	}
	if len(lines) != 3 || lines[0] != 2 || lines[1] != 5 || lines[2] != 7 {
		t.Errorf("row lines = %v, want [2 5 7]", lines)
	}
	if d.Villages[0].Name != "上\n村" {
		t.Errorf("name = %q", d.Villages[0].Name)
	}
}

func TestCSVHeaders(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"unknown label, key in upper case", "ID,名称\nT1,东\n", "data/townships.csv:1: name: 缺少必填列（乡镇名称） (missing required column (乡镇名称))\n" +
			"data/townships.csv:1: 名称: 未知的列；可用的列为 id, name；不公开的列请列入 site.toml 的 privacy.drop_columns (unknown column; expected one of id, name, or list it in privacy.drop_columns to ignore it)"},
		{"label", "乡镇编码,乡镇名称\nT1,东\n", ""},
		{"dropped column", "id,身份证号,NAME\nT1,123,东\n", ""},
		{"trailing empty column", "id,name,\nT1,东,\n", ""},
		{"unnamed column with data", "id,name,\nT1,东,x\n", "data/townships.csv:1: (第 3 列 column 3): 这一列没有表头，下面却有内容"},
		{"duplicate", "id,name,乡镇名称\nT1,东,西\n", "data/townships.csv:1: 乡镇名称: 与 B 列（第 2 列）重复 (duplicate of column B (column 2))"},
		{"empty", "", "data/townships.csv: 文件为空，至少应有表头行 (empty file: expected at least a header row)"},
		{"header only", "id,name\n", ""},
		{"bare quote", "id,name\nT1,东\"乡\n", "data/townships.csv:2: 引号不成对"},
		{"unclosed quote", "id,name\nT1,\"东\n\nT2,西\n", "data/townships.csv:2: 引号不成对"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, probs := readTable(t, "townships", c.text)
			got := problemText(probs)
			if c.want == "" && got != "" || !strings.HasPrefix(got, c.want) {
				t.Errorf("problems:\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestSharedFloat: optional decimals in hundredths from 0 to 100 point into
// one table; any other number, -0 among them, keeps a number of its own.
func TestSharedFloat(t *testing.T) {
	for _, c := range []struct {
		x      float64
		shared bool
	}{
		{0, true}, {0.07, true}, {0.5, true}, {92.5, true}, {99.99, true}, {100, true},
		{100.01, false}, {0.001, false}, {1.0 / 3, false}, {math.Copysign(0, -1), false},
		{-1, false}, {1e300, false}, {math.NaN(), false}, {math.Inf(1), false},
	} {
		p := sharedFloat(c.x)
		if (p != nil) != c.shared {
			t.Errorf("sharedFloat(%g) = %v, want shared %v", c.x, p, c.shared)
		} else if p != nil && math.Float64bits(*p) != math.Float64bits(c.x) {
			t.Errorf("sharedFloat(%g) points to %g", c.x, *p)
		}
	}
	// Every hundredth as a clerk types it ("92.5", "0.07") parses to the
	// table's number.
	for i := range smallFloats {
		s := strconv.FormatFloat(float64(i)/100, 'f', -1, 64)
		x, err := parseNumber(s)
		if err != nil || sharedFloat(x) != &smallFloats[i] {
			t.Fatalf("%q parsed to %g (%v), not shared with smallFloats[%d]", s, x, err, i)
		}
	}
}
