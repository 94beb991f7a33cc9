package opendata

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestZhCSV: the CSV for people has a BOM, Chinese headers, Chinese values
// and the names beside the IDs.
func TestZhCSV(t *testing.T) {
	root, _ := write(t, source(t, baseSite))
	b, err := os.ReadFile(filepath.Join(root, ZhCSVPath("pledges")))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte(bom)) {
		t.Error("data/zh/pledges.csv has no BOM")
	}
	recs := readCSV(t, filepath.Join(root, ZhCSVPath("pledges")))
	wantHead := []string{"编号", "村编码", "村名", "乡镇名称", "书记编号", "书记姓名", "类型", "类别", "标题", "承诺日期", "状态",
		"内容", "目标", "完成时限", "进度", "更新日期", "佐证", "调整后承诺", "调整后承诺标题", "逾期"}
	if !slices.Equal(recs[0], wantHead) {
		t.Errorf("header %q\nwant   %q", recs[0], wantHead)
	}
	row := recs[1] // P1,V1,S2 (李四), 上村 in 东乡镇
	if row[0] != "P1" || row[1] != "V1" || row[2] != "上村" || row[3] != "东乡镇" || row[4] != "S2" || row[5] != "李四" {
		t.Errorf("first row %q", row)
	}
	if last := row[len(row)-1]; last != "是" && last != "否" {
		t.Errorf("overdue = %q, want 是 or 否", last)
	}
	// A table without a village column of its own gets the title and the
	// village and township of the row it refers to.
	updates := readCSV(t, filepath.Join(root, ZhCSVPath("pledge_updates")))
	if !slices.Equal(updates[0][:4], []string{"承诺编号", "承诺标题", "村名", "乡镇名称"}) {
		t.Errorf("pledge_updates header %q", updates[0])
	}
	for _, r := range updates[1:] {
		if r[1] == "" || r[2] == "" || r[3] == "" {
			t.Errorf("pledge_updates row without title, village or township: %q", r)
		}
	}
	for table, head := range map[string][]string{
		"trainings": {"编号", "书记编号", "书记姓名", "村名", "乡镇名称"},
		"pledges":   {"编号", "村编码", "村名", "乡镇名称", "书记编号", "书记姓名"}, // its own village: not twice
	} {
		if got := readCSV(t, filepath.Join(root, ZhCSVPath(table)))[0]; !slices.Equal(got[:len(head)], head) || slices.Index(got[len(head):], "村名") >= 0 {
			t.Errorf("%s header %q, want it to start %q with one 村名", table, got, head)
		}
	}
	villages := readCSV(t, filepath.Join(root, ZhCSVPath("villages")))
	if !slices.Equal(villages[0][:4], []string{"村编码", "村名", "乡镇编码", "乡镇名称"}) || villages[1][3] != "东乡镇" {
		t.Errorf("villages: %q / %q", villages[0], villages[1])
	}
}

// TestFormulaGuard: text that a spreadsheet would run as a formula gets a
// leading ' in every CSV download, and stays as entered in the JSON.
func TestFormulaGuard(t *testing.T) {
	d := source(t, baseSite)
	hostile := []string{"=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}
	for i, s := range hostile {
		if i < len(d.Pledges) {
			d.Pledges[i].Title = s
		} else {
			d.Pledges[i-len(d.Pledges)].Detail = s
		}
	}
	d.Pledges[0].Progress = nil
	root, _ := write(t, d)
	for _, f := range []string{"data/pledges.csv", ZhCSVPath("pledges"), "data/2024/pledges.csv"} {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range readCSV(t, filepath.Join(root, f))[1:] {
			for _, cell := range rec {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: unguarded cell %q", f, cell)
				}
			}
		}
		if !bytes.Contains(b, []byte("'=HYPERLINK")) && f != "data/2024/pledges.csv" {
			t.Errorf("%s lacks the guarded formula", f)
		}
	}
	var rows []map[string]any
	b, _ := os.ReadFile(filepath.Join(root, "data/pledges.json"))
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	if rows[0]["title"] != hostile[0] {
		t.Errorf("JSON title = %q, want %q as entered", rows[0]["title"], hostile[0])
	}
}
