package check

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongshi/generator/internal/testdoc"
	"gongshi/generator/internal/testxlsx"
	"gongshi/generator/schema"
)

// The corpus cases that hold workbooks or UTF-16 text are generated here,
// since they cannot be written by hand: with -update (run this test before
// TestCorpus: go test ./generator/check -run 'TestCorpusFixtures|TestCorpus'
// -update) the files are rewritten; without it, the committed workbooks are
// checked to have the sheets and rows described here.
type fixture struct {
	dir    string                // the case folder under testdata/bad
	files  map[string][]byte     // text files (relative path → content)
	sheets map[string][]fixSheet // workbooks (relative path → sheets)
}

type fixSheet struct {
	testxlsx.Sheet
	from string // base CSV the rows start from ("" if Rows are given)
	// edit changes the rows (after conversion from the base CSV).
	edit func(rows [][]any) [][]any
}

func fixtures(t *testing.T) []fixture {
	base := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata/base/data", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16Tab := func(text string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(strings.ReplaceAll(text, "\n", "\r\n")))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	return append([]fixture{
		{dir: "50-xlsx-bad-cells", sheets: map[string][]fixSheet{"data/台账.xlsx": {{
			Sheet: testxlsx.Sheet{Name: "承诺"}, from: "pledges.csv",
			edit: func(rows [][]any) [][]any {
				rows[2][7] = "完成了"  // H3: status
				rows[3][6] = 2024.0 // G4: a year typed into made_on
				rows[4][11] = "一半"  // L5: progress
				return rows
			}}}}},
		// A workbook written by a program: formulas without saved values.
		{dir: "65-xlsx-formula-without-value", files: map[string][]byte{"remove": []byte("data/pledges.csv\n")}, sheets: map[string][]fixSheet{"data/台账.xlsx": {{
			Sheet: testxlsx.Sheet{Name: "承诺"}, from: "pledges.csv",
			edit: func(rows [][]any) [][]any {
				rows[2][11] = testxlsx.Formula{F: "50+10"}              // L3: progress, no value
				rows[3][11] = testxlsx.Formula{F: "50+20", Value: 70.0} // L4: saved, read as 70
				return rows
			}}}}},
		// Number cells as the clerk sees them: percentages (80.3% is 80.3 in
		// a score, an error in a population), a date in the birth year.
		{dir: "330-xlsx-percent-and-date-cells", files: map[string][]byte{"remove": []byte("data/appraisals.csv\ndata/villages.csv\ndata/secretaries.csv\ndata/pledge_updates.csv\n")},
			sheets: map[string][]fixSheet{"data/台账.xlsx": {
				{Sheet: testxlsx.Sheet{Name: "年度评议"}, from: "appraisals.csv", edit: func(rows [][]any) [][]any {
					for i, v := range []float64{0.803, 0.883, 0.783} { // V2: read 80.3, 88.3, 78.3
						rows[2][3+i] = testxlsx.Styled{Value: v, Format: "0.0%"}
					}
					return rows
				}},
				{Sheet: testxlsx.Sheet{Name: "承诺进展"}, from: "pledge_updates.csv", edit: func(rows [][]any) [][]any {
					rows[2][3] = testxlsx.Styled{Value: 1, NumFmt: 9}          // D3: 100%, read 100
					rows[1][3] = testxlsx.Styled{Value: 0.405, Format: "0.0%"} // D2: 40.5%, not whole
					return rows
				}},
				{Sheet: testxlsx.Sheet{Name: "行政村"}, from: "villages.csv", edit: func(rows [][]any) [][]any {
					rows[2][3] = testxlsx.Styled{Value: 0.12, NumFmt: 9} // D3: 12% people
					return rows
				}},
				{Sheet: testxlsx.Sheet{Name: "书记"}, from: "secretaries.csv", edit: func(rows [][]any) [][]any {
					rows[3][7] = testxlsx.Date{Y: 1978, M: 5, D: 1} // H4: a birth date
					return rows
				}},
			}}},
		// 2025's trainings moved to a sheet of their own, headed as 培训:
		// an error, not a warning (the rows would be missing).
		{dir: "331-xlsx-table-split-across-sheets", files: map[string][]byte{"remove": []byte("data/trainings.csv\n")},
			sheets: map[string][]fixSheet{"data/台账.xlsx": {
				{Sheet: testxlsx.Sheet{Name: "培训"}, from: "trainings.csv", edit: func(rows [][]any) [][]any { return rows[:4] }},
				{Sheet: testxlsx.Sheet{Name: "培训2025"}, from: "trainings.csv", edit: func(rows [][]any) [][]any {
					return append(rows[:1], rows[4:]...)
				}},
			}}},
		// WPS's "Save As" copy beside the workbook: the .xlsx may be stale,
		// so the unreadable .et is an error.
		{dir: "332-xlsx-beside-wps-et", files: map[string][]byte{"remove": []byte("data/pledges.csv\n"), "data/台账.et": []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")},
			sheets: map[string][]fixSheet{"data/台账.xlsx": {{Sheet: testxlsx.Sheet{Name: "承诺"}, from: "pledges.csv"}}}},
		// A LibreOffice workbook: save it as .xlsx (not "rename it").
		{dir: "333-ods-workbook", files: map[string][]byte{"data/pledges.ods": []byte("PK\x03\x04")}},
		// Titles typed above headers, unmerged: one cell (书记) is skipped;
		// a title and a line of several cells (承诺) are one error, not an
		// error per column.
		{dir: "334-xlsx-title-rows-above-header", files: map[string][]byte{"remove": []byte("data/pledges.csv\ndata/secretaries.csv\n")},
			sheets: map[string][]fixSheet{"data/台账.xlsx": {
				{Sheet: testxlsx.Sheet{Name: "承诺"}, from: "pledges.csv", edit: func(rows [][]any) [][]any {
					return append([][]any{{"示范县村党组织书记承诺台账（2024年）"}, {"填报单位：示范镇", nil, nil, nil, "填报日期：2024-06-30"}}, rows...)
				}},
				{Sheet: testxlsx.Sheet{Name: "书记"}, from: "secretaries.csv", edit: func(rows [][]any) [][]any {
					return append([][]any{{"示范县村党组织书记名册"}}, rows...)
				}},
			}}},
		// A UTF-8 file with line 6 pasted from a GBK program: that line
		// is reported, not the whole file read as GBK.
		{dir: "335-csv-utf8-with-a-gbk-line", files: map[string][]byte{"data/pledges.csv": gbkLine(t, base("pledges.csv"), 6)}},
		// A workbook whose directory says it unzips to 600 MB: refused
		// before it is opened (read in memory, it would need twice that).
		{dir: "66-xlsx-too-large", files: map[string][]byte{"data/台账.xlsx": claimsLarge(t, 600<<20)}},
		{dir: "51-xlsx-table-twice", sheets: map[string][]fixSheet{"data/台账.xlsx": {
			{Sheet: testxlsx.Sheet{Name: "乡镇"}, from: "townships.csv"},
			{Sheet: testxlsx.Sheet{Name: "pledges"}, from: "pledges.csv"},
		}}},
		{dir: "warn-52-xlsx-hidden-and-unknown-sheets", sheets: map[string][]fixSheet{"data/台账.xlsx": {
			{Sheet: testxlsx.Sheet{Name: "承诺"}, from: "pledges.csv"},
			{Sheet: testxlsx.Sheet{Name: "培训", Hidden: true}, from: "trainings.csv"},
			{Sheet: testxlsx.Sheet{Name: "Sheet2", Rows: [][]any{{"备忘"}, {"下周补录"}}}},
			{Sheet: testxlsx.Sheet{Name: "Sheet3"}},
			{Sheet: testxlsx.Sheet{Name: schema.InstructionsSheet, Rows: [][]any{{"按表头填写"}}}},
		}}},
		// A misspelt sheet and a CSV named in Chinese, while their tables are
		// missing: errors (they are probably those tables), not warnings.
		{dir: "60-misspelt-sheet-and-file", files: map[string][]byte{
			"remove":        []byte("data/trainings.csv\ndata/pledge_updates.csv\n"),
			"data/承诺进展.csv": base("pledge_updates.csv"),
		}, sheets: map[string][]fixSheet{"data/台账.xlsx": {
			{Sheet: testxlsx.Sheet{Name: "培训记录"}, from: "trainings.csv"},
		}}},
		{dir: "53-xlsx-merged-header", sheets: map[string][]fixSheet{"data/台账.xlsx": {{
			Sheet: testxlsx.Sheet{Name: "听证质询", Rows: [][]any{
				{"听证编号", "序号", "质询与答复", nil, "提问人身份"},
				{"H1", 1.0, "流转价格如何确定？", "参照周边村市场价", "村民代表"},
			}, Merge: []string{"C1:D1"}}}}}},
		{dir: "54-xlsx-chinese-unknown-column", sheets: map[string][]fixSheet{"data/台账.xlsx": {{
			Sheet: testxlsx.Sheet{Name: "行政村"}, from: "villages.csv",
			edit: func(rows [][]any) [][]any {
				t := schema.Get("villages")
				for i, h := range rows[0] {
					if f, ok := t.Lookup(h.(string)); ok {
						rows[0][i] = f.Label
					}
				}
				rows[0] = append(rows[0][:len(rows[0])-1], "村主任") // 村集体收入 → an unknown column
				rows[0] = rows[0][1:]                             // and no 村编码
				for i := 1; i < len(rows); i++ {
					rows[i] = rows[i][1:]
				}
				return rows
			}}}}},
		{dir: "55-xlsx-secretaries-without-id-column", sheets: map[string][]fixSheet{"data/台账.xlsx": {{
			Sheet: testxlsx.Sheet{Name: "书记"}, from: "secretaries.csv",
			edit: func(rows [][]any) [][]any {
				for i := range rows {
					rows[i] = rows[i][1:]
				}
				return rows
			}}}}},
		{dir: "59-xlsx-rules-across-rows", sheets: map[string][]fixSheet{"data/台账.xlsx": {{
			Sheet: testxlsx.Sheet{Name: "书记"}, from: "secretaries.csv",
			edit: func(rows [][]any) [][]any {
				t := schema.Get("secretaries")
				for i, h := range rows[0] {
					if f, ok := t.Lookup(h.(string)); ok {
						rows[0][i] = f.Label
					}
				}
				rows[2][4] = testxlsx.Date{Y: 2023, M: 6, D: 1} // E3: S2 starts before S1 ends
				rows[5][0] = "S4"                               // A6: S5 becomes a second S4
				return rows
			}}}}},
		{dir: "58-unicode-text-bad-number", files: map[string][]byte{
			"data/villages.txt": utf16Tab("村编码\t村名\t乡镇编码\t人口\n" +
				"V1\t\"上村\n（原上湾村）\"\tT1\t1200\n" +
				"V2\t中村\tT1\t两千\n" +
				"V3\t下村\tT2\t900\n"),
		}},
		// A hearing sheet whose 摘要 cells hold numbers written as people
		// write them: with the country code, grouped 6-4-4-4, in brackets.
		{dir: "305-privacy-xlsx-hearings", files: map[string][]byte{"remove": []byte("data/hearings.csv\n")}, sheets: map[string][]fixSheet{"data/台账.xlsx": {{
			Sheet: testxlsx.Sheet{Name: "民主听证"}, from: "hearings.csv",
			edit: func(rows [][]any) [][]any {
				rows[1][14] = "联系人 +8613812345678；身份证 110105 1949 1231 002X" // O2: summary
				rows[2][14] = "（１３８）１２３４５６７８，[电话](tel:+8613912345670)"       // O3
				return rows
			}}}}},
		// Digits in date-formatted cells: text (a year typed or pasted as
		// text) is read as the text shown, and a number shows as a date of
		// 1905, which is no date of these records.
		{dir: "400-xlsx-digits-in-date-cells", files: map[string][]byte{"remove": []byte("data/pledges.csv\ndata/trainings.csv\n")},
			sheets: map[string][]fixSheet{"data/台账.xlsx": {
				{Sheet: testxlsx.Sheet{Name: "承诺"}, from: "pledges.csv", edit: func(rows [][]any) [][]any {
					rows[1][6] = testxlsx.Styled{Text: "2024", NumFmt: 14}           // G2: made_on, text
					rows[2][10] = testxlsx.Styled{Text: "1", Format: "yyyy/m/d"}     // K3: due, text
					rows[3][10] = testxlsx.Styled{Text: "45000", Format: "yyyy/m/d"} // K4: due, text
					return rows
				}},
				{Sheet: testxlsx.Sheet{Name: "培训"}, from: "trainings.csv", edit: func(rows [][]any) [][]any {
					rows[1][2] = testxlsx.Styled{Value: 2024, NumFmt: 14} // C2: a number, shown as 1905-07-16
					return rows
				}},
			}}},
		// Numbers hidden by invisible characters (copied from WeChat or a web
		// page) and spelt out one digit at a time: found, at the Excel row
		// (P3 and P4 are below a cell with a line break); an invisible
		// character where no number is, a warning with its place.
		{dir: "401-privacy-invisible-characters", files: map[string][]byte{
			"remove": []byte("data/trainings.csv\n"),
			"data/pledges.csv": []byte(strings.NewReplacer(
				"P2,V1,S2,年度实事,经济发展,建成光伏电站,2024-03-01,推进中,,", "P2,V1,S2,年度实事,经济发展,建成光伏电站,2024-03-01,推进中,联系138\u200b12345678,",
				"P3,V2,S3,选前承诺,热点难点,解决饮水难,2021-01-10,部分完成,,", "P3,V2,S3,选前承诺,热点难点,解决饮水难,2021-01-10,部分完成,电话 1 3 8 1 2 3 4 5 6 7 8,",
				"P4,V3,S5,年度实事,组织建设,新发展党员2名,2025-02-01,未启动,,", "P4,V3,S5,年度实事,组织建设,新发展党员2名,2025-02-01,未启动,139\u00ad1234\u00ad5678,",
			).Replace(string(base("pledges.csv")))),
			"data/villages.csv": bytes.Replace(base("villages.csv"), []byte("V2,中村"), []byte("V2,中\u200b村"), 1),
		}, sheets: map[string][]fixSheet{"data/台账.xlsx": {
			{Sheet: testxlsx.Sheet{Name: "培训"}, from: "trainings.csv", edit: func(rows [][]any) [][]any {
				rows[1][5] = "联系人 186\u20601234\ufeff5678" // F2: title
				return rows
			}},
		}}},
		// Attachments in static/, published as they are.
		{dir: "310-static-docx", files: map[string][]byte{"static/files/名单.docx": testdoc.Docx([]string{"张三 ", "11010519491231002X"}, []string{"电话 138", "1234", "5678"})}},
		{dir: "311-static-pdf", files: map[string][]byte{"static/files/名单.pdf": testdoc.PDF("BT /F1 12 Tf 72 720 Td (11010519491231002X 13812345678) Tj ET", "")}},
		{dir: "312-static-zip", files: map[string][]byte{"static/files/附件.zip": testdoc.Zip(
			testdoc.Member{Name: "名单.txt", Body: []byte("11010519491231002X 13812345678\n")},
			testdoc.Member{Name: "联系人_13912345678.txt", Body: []byte("见名单\n")},
			testdoc.Member{Name: "表/名单.docx", Body: testdoc.Docx([]string{"440301199003071230"})})}},
		{dir: "313-static-file-name", files: map[string][]byte{"static/files/张三_13812345678_11010519491231002X.txt": []byte("名单见附件\n")}},
		{dir: "314-static-xlsx", files: map[string][]byte{"static/名单.xlsx": testdoc.Xlsx("姓名", "张三", "11010519491231002X", "13812345678")}},
		// Files the guard cannot read: published, with a warning each.
		// The clerk saved a copy of the workbook beside it (and has it open
		// in Excel, which leaves its lock file ~$台账.xlsx): one problem
		// naming both files, at the copy; the workbook itself is read, so
		// its bad cell is reported at its own cell.
		{dir: "430-xlsx-workbook-and-its-copy", files: map[string][]byte{
			"remove":         []byte("data/pledges.csv\ndata/trainings.csv\n"),
			"data/~$台账.xlsx": append([]byte("\x0c张三"), make([]byte, 150)...),
		}, sheets: map[string][]fixSheet{
			"data/台账.xlsx": {
				{Sheet: testxlsx.Sheet{Name: "承诺"}, from: "pledges.csv", edit: func(rows [][]any) [][]any {
					rows[2][7] = "完成了" // H3: status
					return rows
				}},
				{Sheet: testxlsx.Sheet{Name: "培训"}, from: "trainings.csv"},
			},
			"data/台账 - 副本.xlsx": {
				{Sheet: testxlsx.Sheet{Name: "承诺"}, from: "pledges.csv"},
				{Sheet: testxlsx.Sheet{Name: "培训"}, from: "trainings.csv"},
			},
		}},
		// A newer workbook that holds two of the old one's tables and a
		// third of its own: one problem for the two, the third is read.
		{dir: "431-xlsx-two-workbooks-share-tables", files: map[string][]byte{
			"remove": []byte("data/pledges.csv\ndata/trainings.csv\ndata/actions.csv\n"),
		}, sheets: map[string][]fixSheet{
			"data/台账.xlsx": {
				{Sheet: testxlsx.Sheet{Name: "承诺"}, from: "pledges.csv"},
				{Sheet: testxlsx.Sheet{Name: "培训"}, from: "trainings.csv"},
			},
			"data/台账2025.xlsx": {
				{Sheet: testxlsx.Sheet{Name: "承诺"}, from: "pledges.csv"},
				{Sheet: testxlsx.Sheet{Name: "处理"}, from: "actions.csv"},
				{Sheet: testxlsx.Sheet{Name: "培训"}, from: "trainings.csv"},
			},
		}},
		// Cells merged across columns in data rows: each column would read
		// the one value (a pledge's 目标 its 内容, a village's 户数 its
		// 人口), an error at the range; a township merged down over its
		// villages is read as meant.
		{dir: "435-xlsx-merged-across-columns", files: map[string][]byte{"remove": []byte("data/pledges.csv\ndata/villages.csv\n")},
			sheets: map[string][]fixSheet{"data/台账.xlsx": {
				{Sheet: testxlsx.Sheet{Name: "行政村", Merge: []string{"D3:E3", "C2:C3"}}, from: "villages.csv", edit: func(rows [][]any) [][]any {
					rows[2][4] = nil // E3, under the merge
					rows[2][2] = nil // C3: T1 merged down from C2
					return rows
				}},
				{Sheet: testxlsx.Sheet{Name: "承诺", Merge: []string{"I4:J5"}}, from: "pledges.csv", edit: func(rows [][]any) [][]any {
					rows[3][8] = "建设村级光伏电站一座"
					rows[3][9], rows[4][8], rows[4][9] = nil, nil, nil
					return rows
				}},
			}}},
		{dir: "warn-315-static-unchecked", files: map[string][]byte{
			"static/files/名单.pdf": testdoc.PDF("BT /F1 12 Tf 72 720 Td <001300140015> Tj ET", "/Encoding /Identity-H"),
			"static/files/旧表.doc": append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 504)...),
			"static/img/合影.jpg":   append([]byte("\xFF\xD8\xFF\xE0"), make([]byte, 60)...),
		}},
	}, fixture{dir: "57-csv-syntax-cascade", files: map[string][]byte{
		"data/villages.csv": bytes.Replace(base("villages.csv"), []byte("V2,中村"), []byte("V2,\"中村"), 1),
	}})
}

// gbkLine returns UTF-8 text b with its n-th line (1-based) in GBK.
func gbkLine(t *testing.T, b []byte, n int) []byte {
	lines := bytes.SplitAfter(b, []byte("\n"))
	g, err := simplifiedchinese.GBK.NewEncoder().Bytes(lines[n-1])
	if err != nil {
		t.Fatal(err)
	}
	lines[n-1] = g
	return bytes.Join(lines, nil)
}

// claimsLarge returns a small zip archive whose one sheet part claims, in
// the archive's directory, to unzip to size bytes.
func claimsLarge(t *testing.T, size uint64) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	body := []byte("<worksheet/>")
	w, err := z.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store,
		Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), CRC32: crc32.ChecksumIEEE(body),
		CompressedSize64: uint64(len(body)), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCorpusFixtures(t *testing.T) {
	for _, f := range fixtures(t) {
		dir := filepath.Join("testdata/bad", f.dir)
		for rel, b := range f.files {
			p := filepath.Join(dir, filepath.FromSlash(rel))
			if *update {
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			got, err := os.ReadFile(p)
			if err != nil || !bytes.Equal(got, b) {
				t.Errorf("%s is stale (go test ./generator/check -run 'TestCorpusFixtures|TestCorpus' -update)", p)
			}
		}
		for rel, sheets := range f.sheets {
			p := filepath.Join(dir, filepath.FromSlash(rel))
			var list []testxlsx.Sheet
			for _, s := range sheets {
				sh := s.Sheet
				if s.from != "" {
					b, err := os.ReadFile(filepath.Join("testdata/base/data", s.from))
					if err != nil {
						t.Fatal(err)
					}
					conv := testxlsx.FromCSV(t, schema.Get(strings.TrimSuffix(s.from, ".csv")), b, sh.Name)
					sh.Rows = conv.Rows
				}
				if s.edit != nil {
					sh.Rows = s.edit(sh.Rows)
				}
				list = append(list, sh)
			}
			if *update {
				testxlsx.Write(t, p, list...)
				continue
			}
			x, err := excelize.OpenFile(p)
			if err != nil {
				t.Errorf("%s: %v (go test ./generator/check -run 'TestCorpusFixtures|TestCorpus' -update)", p, err)
				continue
			}
			names := x.GetSheetList()
			for i, sh := range list {
				if i >= len(names) || names[i] != sh.Name {
					t.Errorf("%s: sheets %v, want %s at %d (stale: rerun with -update)", p, names, sh.Name, i)
					continue
				}
				rows, _ := x.GetRows(sh.Name)
				if len(rows) != len(sh.Rows) {
					t.Errorf("%s:%s: %d rows, want %d (stale: rerun with -update)", p, sh.Name, len(rows), len(sh.Rows))
				}
			}
			x.Close()
		}
	}
}
