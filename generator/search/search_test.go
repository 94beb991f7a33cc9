package search

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/output"
)

// TestSearchIndex: one shard per first character, each a call
// gongshiSearch([...]) whose JSON cannot end a script, with links from the
// search page to each page.
func TestSearchIndex(t *testing.T) {
	c, _ := i18n.Load(t.TempDir(), "zh-CN")
	d := &dataset.Dataset{
		Site:      dataset.Site{AsOf: "2025-12-31"},
		Townships: []dataset.Township{{ID: "T1", Name: "东乡镇"}},
		Villages:  []dataset.Village{{ID: "V1", Name: "上村", TownshipID: "T1"}, {ID: "V2", Name: "</script><b>x", TownshipID: "T1"}},
		Secretaries: []dataset.Secretary{
			{ID: "S1", Name: "上官云", VillageID: "V1", Role: "书记", TermStart: "2021-01-01"},
			{ID: "S2", Name: "李四", VillageID: "V1", Role: "书记", TermStart: "2018-01-01", TermEnd: "2021-01-01"},
		},
	}
	d.Index()
	root := t.TempDir()
	n, err := Write(output.New(root), d, c)
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 { // 东, 上, <, 李
		t.Errorf("%d shards, want 4", n)
	}
	read := func(r rune) []Entry {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(Shard(r))))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if strings.Contains(text, "</script") || strings.Contains(text, "<b>") {
			t.Errorf("shard %c holds markup: %s", r, text)
		}
		body := strings.TrimSuffix(strings.TrimPrefix(text, "gongshiSearch("), ");\n")
		var list []Entry
		if err := json.Unmarshal([]byte(body), &list); err != nil {
			t.Fatalf("shard %c: %v in %s", r, err, text)
		}
		return list
	}
	got := read('上')
	want := []Entry{
		{"上村", "村", "东乡镇", "../villages/V1/index.html"},
		{"上官云", "村党组织书记", "上村 书记", "../secretaries/S1/index.html"},
	}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("shard 上 = %q, want %q", got, want)
	}
	if l := read('李'); len(l) != 1 || l[0][2] != "上村 书记（已离任）" {
		t.Errorf("a former secretary is not marked: %q", l)
	}
	if l := read('<'); len(l) != 1 || l[0][0] != "</script><b>x" {
		t.Errorf("the hostile name does not round-trip: %q", l)
	}
}
