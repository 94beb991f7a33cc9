package problem

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
)

func TestPlace(t *testing.T) {
	for _, c := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "data/台账.xlsx", Sheet: "承诺", Cell: "K4", Line: 4, Row: 4, Column: 11}, "data/台账.xlsx:承诺!K4"},
		{Problem{File: "data/台账.xlsx", Sheet: "承诺", Line: 4, Row: 4}, "data/台账.xlsx:承诺 第 4 行 (row 4)"},
		{Problem{File: "data/台账.xlsx", Sheet: "承诺"}, "data/台账.xlsx:承诺"},
		{Problem{File: "data/pledges.csv", Line: 18, Row: 17}, "data/pledges.csv:18 (Excel 第 17 行 row 17)"},
		{Problem{File: "data/pledges.csv", Line: 18, Row: 18}, "data/pledges.csv:18"},
		{Problem{File: "data/pledges.toml", Line: 3, Column: 5, TOMLPos: true}, "data/pledges.toml:3:5"},
	} {
		if got := c.p.Place(); got != c.want {
			t.Errorf("Place() = %q, want %q", got, c.want)
		}
	}
	p := Problem{File: "data/台账.xlsx", Sheet: "承诺", Cell: "K4", Line: 4, Key: "status", Value: "完成了", Zh: "应为 未启动", En: "expected not-started"}
	if got, want := p.String(), `data/台账.xlsx:承诺!K4: status "完成了": 应为 未启动 (expected not-started)`; got != want {
		t.Errorf("String() = %s, want %s", got, want)
	}
}

func TestDigest(t *testing.T) {
	var l List
	for i := 1; i <= 8; i++ {
		l.Error("enum", "data/pledges.csv", i+1, "status", "x", "坏", "bad")
	}
	for i := 1; i <= 3; i++ {
		l.Error("date", "data/pledges.csv", i+1, "due", "x", "坏", "bad")
	}
	l.Warn("enum", "data/pledges.csv", 20, "status", "x", "坏", "bad") // a warning is a kind of its own
	d := l.Digest(5)
	if len(d.Shown) != 5+3+1 {
		t.Errorf("shown %d problems, want 9", len(d.Shown))
	}
	want := []Group{{File: "data/pledges.csv", Key: "status", Code: "enum", Count: 8, Hidden: 3}}
	if !reflect.DeepEqual(d.Cut, want) {
		t.Errorf("cut = %+v, want %+v", d.Cut, want)
	}
	if all := l.Digest(0); len(all.Shown) != l.Len() || len(all.Cut) != 0 {
		t.Errorf("Digest(0) left out problems: %d of %d, cut %v", len(all.Shown), l.Len(), all.Cut)
	}
	// The first five of the kind are shown, in file order.
	var lines []int
	for _, p := range d.Shown {
		if p.Code == "enum" && p.Severity == Error {
			lines = append(lines, p.Line)
		}
	}
	if !reflect.DeepEqual(lines, []int{2, 3, 4, 5, 6}) {
		t.Errorf("shown enum lines %v, want 2…6", lines)
	}
}

func TestJSON(t *testing.T) {
	var l List
	l.Add(Problem{Code: "enum", File: "data/台账.xlsx", Sheet: "承诺", Cell: "K4", Line: 4, Row: 4, Column: 11,
		Key: "状态 (status)", Value: "完成了", Zh: "应为", En: "expected"})
	l.Warn("other-village", "data/pledges.csv", 7, "secretary_id", "S2", "不在本村", "elsewhere")
	b, err := l.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Problems []map[string]any `json:"problems"`
		Errors   int              `json:"errors"`
		Warnings int              `json:"warnings"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if got.Errors != 1 || got.Warnings != 1 || len(got.Problems) != 2 {
		t.Fatalf("counts: %+v", got)
	}
	keys := []string{"code", "severity", "file", "sheet", "cell", "line", "row", "column", "key", "value", "zh", "en"}
	for _, p := range got.Problems {
		for _, k := range keys {
			if _, ok := p[k]; !ok {
				t.Errorf("problem lacks %q: %v", k, p)
			}
		}
	}
	first := got.Problems[0] // data/pledges.csv sorts before data/台账.xlsx
	if first["code"] != "other-village" || first["severity"] != "warning" || first["line"] != float64(7) {
		t.Errorf("first = %v", first)
	}
	second := got.Problems[1]
	if fmt.Sprintf("%v %v %v", second["sheet"], second["cell"], second["column"]) != "承诺 K4 11" {
		t.Errorf("second = %v", second)
	}
	var empty List
	if b, _ := empty.JSON(); string(b) != "{\n  \"problems\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n" {
		t.Errorf("empty list: %s", b)
	}
}
