package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestMixedEncoding: a UTF-8 file (or one with a UTF-8 BOM) with lines
// pasted in GBK is read as UTF-8, each bad line reported on its own (a few,
// then a count) and read as GBK, so that its cells are not garbage; a file
// that is GBK throughout is still read as GBK without a problem.
func TestMixedEncoding(t *testing.T) {
	gbk := func(s string) string {
		b, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	head := "id,secretary_id,date,kind,points,title,days\n"
	row := func(i int) string {
		return fmt.Sprintf("TR%d,S2,2024-03-10,集中培训,1,县委党校培训班,1\n", i)
	}
	const bom = "\xEF\xBB\xBF"
	lineMsg := func(n, tr int) string {
		return fmt.Sprintf(`data/trainings.csv:%d: "TR%d,S2,2024-03-10,集中培训,1,县委党校培训班,1": 第 %d 行不是 UTF-8 编码，而本文件按 UTF-8 读取（有 UTF-8 标记，或大多数行是 UTF-8）：这一行像是从 GBK 编码的文件或程序粘贴来的，按 GBK 读出如引号中所示；请在 Excel 或 WPS 中重新输入这一行的中文后保存 (line %d is not UTF-8, but the file is read as UTF-8 (it has a UTF-8 mark, or most of its lines are UTF-8): the line looks pasted from a GBK file or program, and read as GBK it is the text quoted; retype its Chinese text in Excel or WPS and save)`, n, tr, n, n)
	}
	for _, c := range []struct {
		name string
		text func() string
		want []string
	}{
		{"UTF-8 with one GBK line", func() string {
			return head + row(1) + row(2) + row(3) + row(4) + gbk(row(5)) + row(6)
		}, []string{lineMsg(6, 5)}},
		{"BOM, then a GBK line", func() string { return bom + head + gbk(row(1)) + row(2) }, []string{lineMsg(2, 1)}},
		{"BOM and a GBK body", func() string {
			s := bom + head
			for i := 1; i <= 7; i++ {
				s += gbk(row(i))
			}
			return s
		}, []string{"data/trainings.csv: 另有 2 行不是 UTF-8 编码 (2 more lines are not UTF-8)",
			lineMsg(2, 1), lineMsg(3, 2), lineMsg(4, 3), lineMsg(5, 4), lineMsg(6, 5)}},
		{"GBK throughout", func() string { return gbk(head + row(1) + row(2) + row(3)) }, nil},
		// Read as GBK (its Chinese lines are): the one UTF-8 line is then
		// garbage, and reported where a cell is checked.
		{"GBK, the UTF-8 lines fewer", func() string {
			return head + "TR1,S2,2024-03-10,其他,1,,\n" + gbk(row(2)+row(3))
		}, []string{`data/trainings.csv:2: kind "鍏朵粬": 应为 集中培训/集体学习/心得体会/异地培训/远程教育/其他 (expected one of concentrated/group-study/reflection/off-site/distance/other)`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			copyDirTest(t, baseDir, dir)
			if err := os.WriteFile(filepath.Join(dir, "data", "trainings.csv"), []byte(c.text()), 0o644); err != nil {
				t.Fatal(err)
			}
			d, probs, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range probs.Sorted() {
				if p.File == "data/trainings.csv" {
					got = append(got, p.String())
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
			}
			for _, tr := range d.Trainings {
				if strings.Contains(c.name, "fewer") {
					break
				}
				if tr.Kind == "" || !strings.HasPrefix(tr.ID, "TR") || bytes.ContainsRune([]byte(tr.Kind), '\uFFFD') {
					t.Errorf("training %+v not read as its text", tr)
				}
			}
		})
	}
}
