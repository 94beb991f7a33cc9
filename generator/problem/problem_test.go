package problem

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "data/pledges.csv", Line: 17, Column: 8, Key: "status", Value: "完成了", Zh: "应为 未启动/推进中", En: "expected one of not-started/in-progress"},
			`data/pledges.csv:17: status "完成了": 应为 未启动/推进中 (expected one of not-started/in-progress)`},
		{Problem{File: "data/pledges.toml", Line: 3, Column: 5, TOMLPos: true, Key: "due", Zh: "必填", En: "required"},
			`data/pledges.toml:3:5: due: 必填 (required)`},
		{Problem{File: "data/pledges.toml", Line: 3, TOMLPos: true, Zh: "语法错误", En: "syntax"},
			`data/pledges.toml:3: 语法错误 (syntax)`},
		{Problem{File: "site.toml", Line: 0, Column: 4, TOMLPos: true, Zh: "缺少", En: "missing"},
			`site.toml: 缺少 (missing)`}, // no line: no column either
		{Problem{File: "data/townships.csv", Zh: "文件为空", En: "empty file"},
			`data/townships.csv: 文件为空 (empty file)`},
		{Problem{File: "data/x.csv", Line: 2, Value: "a\"b\n", Zh: "坏", En: "bad"},
			`data/x.csv:2: "a\"b\n": 坏 (bad)`},
		// The ideographic space is shown as typed; invisible and
		// direction-changing characters stay escaped, and a backslash
		// before u3000 is not taken for an escape.
		{Problem{File: "data/x.csv", Line: 6, Key: "id", Value: "填表人：张三\u3000审核人：李四\u200b\u202e", Zh: "坏", En: "bad"},
			"data/x.csv:6: id \"填表人：张三\u3000审核人：李四\\u200b\\u202e\": 坏 (bad)"},
		{Problem{File: "data/x.csv", Line: 2, Value: `\u3000` + "\u3000", Zh: "坏", En: "bad"},
			"data/x.csv:2: \"\\\\u3000\u3000\": 坏 (bad)"},
		// So does a file named with a line break.
		{Problem{File: "content/a\nb.md", Zh: "坏", En: "bad"},
			`"content/a\nb.md": 坏 (bad)`},
		// A header typed with Alt+Enter keeps the message on one line.
		{Problem{File: "data/x.csv", Line: 1, Key: "承诺\n标题", Zh: "未知的列", En: "unknown column"},
			`data/x.csv:1: "承诺\n标题": 未知的列 (unknown column)`},
		{Problem{File: "data/x.csv", Line: 1, Key: "任职开始 (term_start)", Zh: "坏", En: "bad"},
			`data/x.csv:1: 任职开始 (term_start): 坏 (bad)`},
		{Problem{File: "data/x.csv", Line: 2, Key: "k", Zh: "只有中文"},
			`data/x.csv:2: k: 只有中文`},
		{Problem{File: "data/x.csv", Line: 9, Key: "grade", Value: "优秀", Zh: "不一致", En: "differs", Severity: Warning},
			`data/x.csv:9: 警告 warning: grade "优秀": 不一致 (differs)`},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("String() =\n  %s\nwant\n  %s", got, c.want)
		}
		if got := c.p.Error(); got != c.want {
			t.Errorf("Error() = %s", got)
		}
	}
}

func TestProblemAsError(t *testing.T) {
	var err error = fmt.Errorf("loading: %w", Problem{File: "site.toml", Line: 2, Zh: "坏", En: "bad"})
	var p Problem
	if !errors.As(err, &p) || p.Line != 2 || p.File != "site.toml" {
		t.Errorf("errors.As: %v, %+v", errors.As(err, &p), p)
	}
}

func TestSeverity(t *testing.T) {
	if Error.String() != "error" || Warning.String() != "warning" {
		t.Errorf("Severity strings: %s, %s", Error, Warning)
	}
	var zero Problem
	if zero.Severity != Error {
		t.Error("the zero Problem is not an error")
	}
}

func TestListCounts(t *testing.T) {
	var l List
	if l.Len() != 0 || l.Errors() != 0 || l.Warnings() != 0 || len(l.Sorted()) != 0 {
		t.Error("empty list not empty")
	}
	l.Errorf("a.csv", 1, "k", "v", "中", "en")
	l.Warnf("a.csv", 2, "k", "v", "中", "en")
	l.Add(Problem{File: "b.csv", Severity: Warning})
	var other List
	other.Errorf("c.csv", 3, "", "", "中", "en")
	l.Merge(other)
	if l.Len() != 4 || l.Errors() != 2 || l.Warnings() != 2 {
		t.Errorf("Len %d Errors %d Warnings %d, want 4 2 2", l.Len(), l.Errors(), l.Warnings())
	}
	for file, want := range map[string]int{"a.csv": 1, "b.csv": 0, "c.csv": 1, "d.csv": 0} {
		if got := l.ErrorsIn(file); got != want {
			t.Errorf("ErrorsIn(%q) = %d, want %d", file, got, want)
		}
	}
	if other.Len() != 1 {
		t.Errorf("Merge changed its argument: %d", other.Len())
	}
	got := l.Sorted()
	if got[1].Severity != Warning || got[1].Line != 2 || got[0].Key != "k" || got[0].Value != "v" {
		t.Errorf("Errorf/Warnf fields: %+v", got[:2])
	}
}

func TestSorted(t *testing.T) {
	var l List
	for _, p := range []Problem{
		{File: "data/villages.csv", Line: 2, Zh: "b"},
		{File: "data/pledges.csv", Line: 10, Column: 2, Zh: "b"},
		{File: "data/pledges.csv", Line: 10, Column: 2, Zh: "a"},
		{File: "data/pledges.csv", Line: 9, Column: 7, Zh: "z"},
		{File: "data/pledges.csv", Line: 10, Column: 1, Zh: "z"},
		{File: "data/pledges.csv", Line: 0, Zh: "whole file"},
		{File: "data/pledges.csv", Line: 10, Column: 2, Zh: "a", Severity: Warning}, // "警告" sorts after "a"
		{File: "site.toml", Line: 1, Zh: "s"},
		{File: "data/pledges.csv", Line: 100, Zh: "numeric, not text order"},
	} {
		l.Add(p)
	}
	want := []string{
		"data/pledges.csv: whole file",
		"data/pledges.csv:9: z",
		"data/pledges.csv:10: z",
		"data/pledges.csv:10: a",
		"data/pledges.csv:10: b",
		"data/pledges.csv:10: 警告 warning: a",
		"data/pledges.csv:100: numeric, not text order",
		"data/villages.csv:2: b",
		"site.toml:1: s",
	}
	var got []string
	for _, p := range l.Sorted() {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Sorted:\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	// Sorted copies: the list keeps its insertion order.
	if l.items[0].File != "data/villages.csv" {
		t.Error("Sorted reordered the list itself")
	}
}

// TestSortedByTabs: a workbook's problems are listed in the order of its
// sheet tabs, then by row and column, whichever list the order was given
// to (a list merged into another keeps it); the whole file's first, a sheet
// of unknown place last; CSV files keep their own order.
func TestSortedByTabs(t *testing.T) {
	var load List
	load.SheetOrder("data/台账.xlsx", []string{"说明", "行政村", "承诺", "培训"})
	load.Add(Problem{File: "data/台账.xlsx", Sheet: "培训", Cell: "B2", Line: 2, Column: 2, Zh: "t"})
	var later List // the checks across rows, which know no tabs
	for _, p := range []Problem{
		{File: "data/台账.xlsx", Sheet: "承诺", Cell: "C10", Line: 10, Column: 3, Zh: "p"},
		{File: "data/台账.xlsx", Sheet: "承诺", Cell: "G6", Line: 6, Column: 7, Zh: "p"},
		{File: "data/台账.xlsx", Sheet: "承诺", Cell: "L6", Line: 6, Column: 12, Zh: "p"},
		{File: "data/台账.xlsx", Sheet: "Sheet9", Zh: "unknown place"},
		{File: "data/台账.xlsx", Zh: "whole file"},
		{File: "data/台账.xlsx", Sheet: "行政村", Cell: "D40", Line: 40, Column: 4, Zh: "v"},
		{File: "data/a.csv", Line: 3, Zh: "c"},
	} {
		later.Add(p)
	}
	var l List
	l.Merge(later)
	l.Merge(load)
	want := []string{
		"data/a.csv:3: c",
		"data/台账.xlsx: whole file",
		"data/台账.xlsx:行政村!D40: v",
		"data/台账.xlsx:承诺!G6: p",
		"data/台账.xlsx:承诺!L6: p",
		"data/台账.xlsx:承诺!C10: p",
		"data/台账.xlsx:培训!B2: t",
		"data/台账.xlsx:Sheet9: unknown place",
	}
	var got []string
	sorted := l.Sorted()
	for _, p := range sorted {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Sorted:\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	// The tab travels with the problem: a list made of the sorted
	// problems (as check.locate makes one) sorts them the same way.
	var again []string
	for _, p := range ListOf(sorted).Sorted() {
		again = append(again, p.String())
	}
	if strings.Join(again, "\n") != strings.Join(want, "\n") {
		t.Errorf("re-sorted:\n  %s", strings.Join(again, "\n  "))
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{1: "A", 6: "F", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
	}
	if got := CellName(11, 4); got != "K4" {
		t.Errorf("CellName(11, 4) = %q, want K4", got)
	}
}
