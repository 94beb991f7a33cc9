package privacy

import (
	"strings"
	"testing"

	"gongshi/generator/internal/testdoc"
	"gongshi/generator/problem"
)

const leak = id18X + " " + phone

// TestFile: the published files of static/ are read as a clerk's
// documents: numbers in their names, their text, their parts and members
// are errors placed in the file (and member); files that cannot be read
// completely are a warning; dates, amounts and allowed numbers pass.
func TestFile(t *testing.T) {
	gif := append([]byte("GIF89a"), make([]byte, 40)...)
	for _, c := range []struct {
		name string
		body []byte
		want []string // problems as printed, shortened: code, place, value
	}{
		{"static/files/名单.txt", []byte("名单\n张三 " + leak + "\n"), []string{
			"privacy-id-number static/files/名单.txt:2:4 " + id18X,
			"privacy-mobile static/files/名单.txt:2:23 " + phone}},
		{"static/files/张三_13812345678_11010519491231002X.txt", []byte("无"), []string{
			"privacy-id-number static/files/张三_13812345678_11010519491231002X.txt name " + id18X,
			"privacy-mobile static/files/张三_13812345678_11010519491231002X.txt name " + phone}},
		{"static/files/名单.docx", testdoc.Docx([]string{"身份证 ", id18X}, []string{"电话 138", "1234", "5678"}), []string{
			"privacy-id-number static/files/名单.docx " + id18X,
			"privacy-mobile static/files/名单.docx " + phone}},
		{"static/files/分组.docx", testdoc.Docx([]string{"110105 1949 1231 002X；（１３８）１２３４５６７８"}), []string{
			"privacy-id-number static/files/分组.docx " + id18X,
			"privacy-mobile static/files/分组.docx " + phone}},
		{"static/名单.xlsx", testdoc.Xlsx("姓名", "张三", "+8613812345678"), []string{
			"privacy-mobile static/名单.xlsx " + phone}},
		{"static/汇报.pptx", testdoc.Pptx("联系 138.1234.5678"), []string{
			"privacy-mobile static/汇报.pptx " + phone}},
		{"static/files/附件.zip", testdoc.Zip(
			testdoc.Member{Name: "说明.txt", Body: []byte("联系人 " + leak)},
			testdoc.Member{Name: "13912345678.txt", Body: []byte("空")},
			testdoc.Member{Name: "内/名单.docx", Body: testdoc.Docx([]string{"身份证 440301199003071230"})},
		), []string{
			"privacy-mobile static/files/附件.zip 13912345678.txt name 13912345678",
			"privacy-id-number static/files/附件.zip 内/名单.docx " + id18,
			"privacy-id-number static/files/附件.zip 说明.txt " + id18X,
			"privacy-mobile static/files/附件.zip 说明.txt " + phone,
		}},
		{"static/files/名单.pdf", testdoc.PDF("BT /F1 12 Tf 72 720 Td ("+leak+") Tj ET", ""), []string{
			"privacy-id-number static/files/名单.pdf " + id18X,
			"privacy-mobile static/files/名单.pdf " + phone}},
		{"static/files/拆分.pdf", testdoc.PDF("BT /F1 12 Tf 72 720 Td [(1381)-15(2345678)] TJ 0 -14 Td <3131303130353139343931323331303032> Tj (X) Tj ET", ""), []string{
			"privacy-id-number static/files/拆分.pdf " + id18X,
			"privacy-mobile static/files/拆分.pdf " + phone}},
		{"static/files/中文.pdf", testdoc.PDF("BT /F1 12 Tf 72 720 Td <001300140015> Tj ET", "/Encoding /Identity-H"), []string{
			"privacy-unchecked static/files/中文.pdf warning"}},
		{"static/files/旧.doc", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 100)...), []string{
			"privacy-unchecked static/files/旧.doc warning"}},
		{"static/img/合影.gif", gif, []string{"privacy-unchecked static/img/合影.gif warning"}},
		{"static/files/bomb.zip", testdoc.Zip(testdoc.Member{Name: "a.txt", Body: make([]byte, maxMember+10)}), []string{
			"privacy-unchecked static/files/bomb.zip warning"}},
		// Quiet: dates, amounts, record IDs, the hotline; cells next to each
		// other in a sheet and paragraphs do not join; allowed numbers.
		{"static/files/通知.docx", testdoc.Docx([]string{"2024-05-01 召开，20240501 公告，投资 1,380,000 元"}, []string{"P000123 监督电话 12380"}, []string{"办公室 +86 139 0000 0000"}), nil},
		{"static/files/表.xlsx", testdoc.Xlsx("138123", "45678", "1381234", "5678"), nil},
		{"static/files/通知.pdf", testdoc.PDF("BT /F1 12 Tf 72 720 Td (2024-05-01 1,380,000) Tj 0 -14 Td (13900000000) Tj ET", ""), nil},
		{"static/css/site.css", []byte("body { margin: 0 }"), nil},
		{"static/fonts/a.woff2", []byte("wOF2\x00\x01\x00\x00"), nil},
	} {
		probs := &problem.List{}
		File(c.name, c.body, NewAllow([]string{"13900000000"}), probs)
		var got []string
		for _, p := range probs.Sorted() {
			s := p.Code + " " + p.Place()
			if p.Key != "" {
				s += " " + p.Key
			}
			if strings.HasPrefix(p.Zh, "文件名") || strings.HasPrefix(p.Zh, "压缩包中此文件的名称") {
				s += " name"
			}
			if p.Severity == problem.Warning {
				s += " warning"
			} else {
				s += " " + p.Value
			}
			got = append(got, s)
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestGuardDocuments: the build's scan of its output reads a copied
// attachment as check reads it, and a published path is scanned too.
func TestGuardDocuments(t *testing.T) {
	g := NewGuard(nil, nil)
	g.Scan("files/名单.docx", testdoc.Docx([]string{"电话 ", phone}))
	g.Scan("files/名单.pdf", testdoc.PDF("BT ("+id18X+") Tj ET", ""))
	g.Scan("files/张三_13712345678.txt", []byte("无"))
	g.Scan("files/通知.docx", testdoc.Docx([]string{"2024-05-01"}))
	var got []string
	for _, p := range g.Problems().Sorted() {
		got = append(got, p.Value+" "+p.File)
	}
	want := []string{phone + " files/名单.docx", id18X + " files/名单.pdf", "13712345678 files/张三_13712345678.txt"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("guard found\n %q\nwant %q", got, want)
	}
}
