package limits

import (
	"strconv"
	"strings"
	"testing"
)

func TestTOMLDepth(t *testing.T) {
	deep := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "1" + strings.Repeat(close, n)
	}
	for _, c := range []struct {
		name      string
		text      string
		line, col int // 0, 0: within bounds
	}{
		{"flat", "title = \"x\"\nas_of = 2025-12-31\n[privacy]\ndrop_columns = [\"a\", \"b\"]\n", 0, 0},
		{"rules.toml", "[appraisal]\nweights = { masses = 0.4, members = 0.3, org = 0.3 }\ngrades = [ { min = 90, grade = \"优秀\" },\n  { min = 0, grade = \"x\" } ]\n[appraisal.consequences]\n\"优秀\" = \"奖励\"\n", 0, 0},
		{"floats and dates are not dotted keys", "a = [" + strings.Repeat("1.5, ", 100) + "2.5]\nb = 1979-05-27T07:32:00.999\n", 0, 0},
		{"brackets in strings", "a = \"" + strings.Repeat("[{", 100) + "\"\nb = '" + strings.Repeat("[", 100) + "'\n", 0, 0},
		{"brackets in a multi-line string", "a = \"\"\"\n" + strings.Repeat("[", 100) + "\n\"\"\"\nb = 1\n", 0, 0},
		{"brackets in a comment", "a = 1 # " + strings.Repeat("[", 100) + "\n", 0, 0},
		{"dots in a quoted key", "\"" + strings.Repeat("a.", 100) + "\" = 1\n", 0, 0},
		{"32 arrays", "a = " + deep("[", "]", 32) + "\n", 0, 0},
		{"33 arrays", "a = " + deep("[", "]", 33) + "\n", 1, 37},
		{"33 inline tables", "x = 1\na = " + deep("{b=", "}", 33) + "\n", 2, 5 + 32*3},
		{"deep on a later line of an array", "a = [\n[\n" + strings.Repeat("[", 40) + "\n", 3, 32 - 1},
		{"33-part dotted key", "a" + strings.Repeat(".b", 32) + " = 1\n", 1, 2 + 31*2},
		{"33-part table header", "[a" + strings.Repeat(".b", 32) + "]\n", 1, 3 + 31*2},
		{"33-part key in an inline table", "t = {a" + strings.Repeat(".b", 32) + " = 1}\n", 1, 7 + 31*2},
		{"a million unclosed brackets", "a = " + strings.Repeat("[", 1_000_000), 1, 37},
		{"an array of tables header is not nesting", "[[pledges]]\nid = \"P1\"\n[[pledges]]\nid = \"P2\"\n", 0, 0},
		{"escaped quote in a string", "a = \"x\\\"[[[\" \nb = " + deep("[", "]", 33), 2, 37},
	} {
		t.Run(c.name, func(t *testing.T) {
			line, col, ok := TOMLDepth(c.text)
			if ok != (c.line == 0) || line != c.line || col != c.col {
				t.Errorf("TOMLDepth = %d:%d %v, want %d:%d", line, col, ok, c.line, c.col)
			}
		})
	}
}

func TestMarkdownDepth(t *testing.T) {
	indented := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}
	for _, c := range []struct {
		name string
		text string
		line int // 0: within bounds
	}{
		{"prose", "# 标题\n\n正文，*强调*，**加粗**。\n\n- 一\n  - 二\n    - 三\n\n> 引用\n> > 再引用\n", 0},
		{"ordered", "1. 一\n2. 二\n   1) 三\n", 0},
		{"rules are not lists", strings.Repeat("- ", 100) + "\n" + strings.Repeat("* ", 100) + "\n", 0},
		{"32 quotes", strings.Repeat("> ", 32) + "x\n", 0},
		{"33 quotes", "正文\n\n" + strings.Repeat("> ", 33) + "x\n", 3},
		{"33 list markers", strings.Repeat("- ", 33) + "x\n", 1},
		{"33 ordered markers", strings.Repeat("1. ", 33) + "x\n", 1},
		{"mixed", strings.Repeat("> - 1. ", 11) + "x\n", 1},
		{"nested by indentation", indented(40), 33},
		{"inside a code fence", "```\n" + strings.Repeat("> ", 100) + "\n```\n", 0},
		{"after a code fence", "~~~~\n" + strings.Repeat("> ", 100) + "\n~~~\n~~~~\n" + strings.Repeat("> ", 40) + "\n", 5},
		{"numbers are not markers", strings.Repeat("1.5 ", 100) + "\n", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			line, ok := MarkdownDepth(c.text)
			if ok != (c.line == 0) || line != c.line {
				t.Errorf("MarkdownDepth = %d %v, want %d", line, ok, c.line)
			}
		})
	}
}

// BenchmarkTOMLDepth: the scan is linear (compare the ns/byte of the sizes).
func BenchmarkTOMLDepth(b *testing.B) {
	for _, n := range []int{1 << 10, 1 << 14, 1 << 18} {
		text := strings.Repeat("[[pledges]]\nid = \"P1\"\ntitle = \"硬化村道 [1]\"\nprogress = 50.5\n", n/64+1)
		b.Run(strconv.Itoa(len(text))+"B", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				TOMLDepth(text)
			}
		})
	}
}
