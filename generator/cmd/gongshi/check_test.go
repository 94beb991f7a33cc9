package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badSource returns a copy of the base source with problems of every stage:
// 12 bad statuses in data, a front-matter key, an unknown shortcode and a
// shortcode inside a paragraph in content.
func badSource(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, baseSource, dir)
	var b strings.Builder
	b.WriteString("id,village_id,secretary_id,kind,category,title,made_on,status\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "P%d,V1,S2,任期目标,公益事业,事项%d,2023-07-10,完成了\n", i, i)
	}
	write(t, filepath.Join(dir, "data", "pledges.csv"), b.String())
	os.Remove(filepath.Join(dir, "data", "pledge_updates.csv"))
	write(t, filepath.Join(dir, "content", "reports", "2024.md"),
		"+++\ntitel = \"x\"\n+++\n\n{{< chart \"nope\" >}}\n\n文字 {{< figure \"villages\" >}} 文字\n")
	return dir
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCheckJSON: every problem of every stage has a code, a file and (where
// it has one) a line; the counts match the text output's.
func TestCheckJSON(t *testing.T) {
	dir := badSource(t)
	code, out, errOut := cli(t, "check", "--source", dir, "--format", "json")
	if code != exitInvalid {
		t.Fatalf("check --format json = %d, want %d\n%s%s", code, exitInvalid, out, errOut)
	}
	var got struct {
		Problems []struct {
			Code, Severity, File, Sheet, Cell, Key, Value, Zh, En string
			Line, Row, Column                                     int
		}
		Errors, Warnings int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	codes := map[string]int{}
	for _, p := range got.Problems {
		codes[p.Code]++
		if p.Code == "" || p.File == "" || p.Zh == "" {
			t.Errorf("problem without code, file or message: %+v", p)
		}
	}
	// Shortcodes are resolved only when everything else is clean.
	clean := t.TempDir()
	copyDir(t, baseSource, clean)
	write(t, filepath.Join(clean, "content", "reports", "2024.md"), "# 报告\n\n{{< chart \"nope\" >}}\n\n{{< table \"grades\" limit=0 >}}\n")
	_, out2, _ := cli(t, "check", "--source", clean, "--format", "json")
	var got2 struct{ Problems []struct{ Code string } }
	if err := json.Unmarshal([]byte(out2), &got2); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out2)
	}
	for _, p := range got2.Problems {
		codes[p.Code]++
	}
	for _, c := range []string{"enum", "front-matter-key", "shortcode-name", "shortcode-value", "shortcode-inline"} {
		if codes[c] == 0 {
			t.Errorf("no problem with code %q in %v", c, codes)
		}
	}
	if codes["enum"] != 12 {
		t.Errorf("%d enum problems, want all 12 (JSON is never summarised)", codes["enum"])
	}
	if got.Errors+got.Warnings != len(got.Problems) {
		t.Errorf("errors %d + warnings %d != %d problems", got.Errors, got.Warnings, len(got.Problems))
	}
	if code, _, _ := cli(t, "check", "--source", dir, "--format", "xml"); code != exitUsage {
		t.Errorf("--format xml = %d, want %d", code, exitUsage)
	}
}

// TestCheckSummarises: a kind of problem repeated past shownPerKind is cut
// short with its count; --all prints every line.
func TestCheckSummarises(t *testing.T) {
	dir := badSource(t)
	_, out, _ := cli(t, "check", "--source", dir)
	if n := strings.Count(out, `status "完成了"`); n != shownPerKind {
		t.Errorf("%d status lines shown, want %d:\n%s", n, shownPerKind, out)
	}
	want := "  data/pledges.csv  列 column status  规则 rule enum: 共 12 个错误，另有 7 个未列出 (12 errors, 7 not listed)"
	if !strings.Contains(out, want) {
		t.Errorf("summary lacks\n%s\n%s", want, out)
	}
	_, out, _ = cli(t, "check", "--source", dir, "--all")
	if n := strings.Count(out, `status "完成了"`); n != 12 {
		t.Errorf("--all: %d status lines, want 12", n)
	}
	if strings.Contains(out, "未列出") {
		t.Errorf("--all printed a summary:\n%s", out)
	}
}
