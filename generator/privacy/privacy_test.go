package privacy

import (
	"archive/zip"
	"bytes"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"gongshi/generator/problem"
)

const (
	id18  = "440301199003071230" // valid check digit
	id18X = "11010519491231002X" // valid, X check digit
	id15  = "440301900307123"
	phone = "13812345678"
)

func TestFind(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string // "kind:number@offset"
	}{
		{"", nil},
		{"联系电话" + phone + "。", []string{"m:" + phone + "@12"}},
		{phone, []string{"m:" + phone + "@0"}},
		{"V" + phone + "x", []string{"m:" + phone + "@1"}}, // letters around do not hide it
		{"0" + phone, nil}, // inside a longer digit run
		{phone + "9", nil},
		{"12345678901", nil}, // 1 then 2: not a mobile prefix
		{"19912345678 16612345678 14512345678", []string{"m:19912345678@0", "m:16612345678@12", "m:14512345678@24"}},
		{"身份证" + id18 + "号", []string{"i:" + id18 + "@9"}},
		{"440301199003071231", nil}, // wrong check digit
		{id18X, []string{"i:" + id18X + "@0"}},
		{strings.ToLower(id18X), []string{"i:" + id18X + "@0"}},
		{"51010719780815331X", []string{"i:51010719780815331X@0"}},
		{"510107197808153310", nil}, // X was the right check digit
		{id15, []string{"i:" + id15 + "@0"}},
		{"1" + id15, nil},                                // 16 digits
		{id18 + "0", nil},                                // 19 digits
		{"金额 12345.13812345678 元", nil},                  // a decimal fraction
		{"13812345678.5", nil},                           // the whole part of a decimal
		{"电话 13812345678.", []string{"m:13812345678@7"}}, // a full stop
		{"1.2.13812345678", nil},                         // after "2." the run is a fraction
		{"第1. 13812345678", []string{"m:13812345678@6"}}, // a numbered list item
		{"１３８１２３４５６７８", []string{"m:" + phone + "@0"}},   // full-width digits
		{"１１０１０５１９４９１２３１００２Ｘ", []string{"i:" + id18X + "@0"}},
		{"138１２３４5678", []string{"m:" + phone + "@0"}}, // mixed
		{"138-1234-5678 138 1234 5678", nil},           // grouped: not one run
		{"\uFEFF" + phone, []string{"m:" + phone + "@3"}},
		// Digits inside a hex digest (data/SHA256SUMS, datapackage.json) are no number.
		{"9f2c19844250238ab" + strings.Repeat("0", 47) + "  pledges.csv", nil},
		{strings.Repeat("ab", 16) + "19844250238", nil},
		{"19844250238" + strings.Repeat("cd", 16), nil},
		{"sha256:" + strings.Repeat("e", 30) + "37838746186951500", nil},
		// … nor in the last group of a UUID (feed entry and event IDs) …
		{"urn:uuid:1b4e28ba-2fa1-5d2b-a28c-a18585045233</id>", nil},
		{"UID:1b4e28ba-2fa1-5d2b-a28c-18585045233a@x", nil},
		{"1b4e28ba-2fa1-5d2b-a28c-185850452330", nil}, // 12 digits: no number anyway
		{strings.Repeat("<a href=\"cafe\">", 9) + "<id>urn:uuid:73a7a593-d42f-55c8-abe3-c14378853869</id>", nil},
		// … but a group of another length or a longer run is not a UUID's.
		{"1b4e28ba-2fa1-5d2b-a28c-aa18585045233", []string{"m:18585045233@26"}},
		{"1b4e28ba-2fa15d2b-a28c-a18585045233", []string{"m:18585045233@24"}},
		{"01b4e28ba-2fa1-5d2b-a28c-a18585045233", []string{"m:18585045233@26"}},
		{"13800138000-13900139000-13700137000", []string{"m:13800138000@0", "m:13900139000@12", "m:13700137000@24"}},
		// … and a short hex run is just letters around it.
		{"abc13812345678def", []string{"m:" + phone + "@3"}},
		{"ab13812345678.x", []string{"m:" + phone + "@2"}},
		// The country code typed into the run: 86, 0086, +86, full-width.
		{"联系人 +8613812345678", []string{"m:" + phone + "@11"}},
		{"微信同号8613912345678", []string{"m:13912345678@12"}},
		{"008613812345678", []string{"m:" + phone + "@0"}},
		{"＋８６１３８１２３４５６７８", []string{"m:" + phone + "@3"}},
		{"[电话](tel:+8613912345670)", []string{"m:13912345670@14"}},
		{"8612345678901", nil},  // 86, then no mobile number
		{"1381234567890", nil},  // 13 digits without 86
		{"9613812345678", nil},  // another country's code: a run of 13
		{"86138123456789", nil}, // 14 digits
		{"0086138123456", nil},  // 13 digits
		{"1381234567", nil},     // 10 digits
		{"2024-05-01 20240501 1,380,000 元 P000123 12380", nil},
	} {
		var got []string
		for _, m := range Find(c.text) {
			k := "i"
			if m.Kind == Mobile {
				k = "m"
			}
			got = append(got, k+":"+m.Number+"@"+strconv.Itoa(m.Offset))
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Find(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestFindGrouped: numbers written in groups, as people type them to be
// read, are found with their digits; dates, amounts, landlines, IDs of
// records and groups of other sizes are not.
func TestFindGrouped(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string // "kind:number@offset"
	}{
		{"", nil},
		{"电话 138 1234 5678。", []string{"m:" + phone + "@7"}},
		{"138-1234-5678", []string{"m:" + phone + "@0"}},
		{"+86 138 1234 5678", []string{"m:" + phone + "@4"}},
		{"手机：138\u00a01234\u00a05678", []string{"m:" + phone + "@9"}},
		{"１３８　１２３４　５６７８", []string{"m:" + phone + "@0"}},
		{"身份证 440301 19900307 1230 号", []string{"i:" + id18 + "@10"}},
		{"110105 19491231 002x", []string{"i:" + id18X + "@0"}},
		{"440301 900307 123", []string{"i:" + id15 + "@0"}},
		{"440301 19900307 1231", nil},                         // wrong check digit
		{"138 1234-5678", nil},                                // two kinds of separator
		{"138  1234  5678", nil},                              // two spaces
		{"138 1234 5678 9012", []string{"m:" + phone + "@0"}}, // more digits after it do not hide it
		{"电话 138 1234 5678 2024年3月登记", []string{"m:" + phone + "@7"}},
		{"138 1234 5678 139 8765 4321", []string{"m:" + phone + "@0", "m:13987654321@14"}},
		{"440301-19900307-1230 2024", []string{"i:" + id18 + "@0"}},
		{"138－1234－5678", []string{"m:" + phone + "@0"}}, // the full-width hyphen of a Chinese input method
		{"１３８－１２３４－５６７８", []string{"m:" + phone + "@0"}},
		{"138–1234–5678 138—1234—5678", []string{"m:" + phone + "@0", "m:" + phone + "@18"}},
		{"项目编号 330106-202401-012", nil},                      // area, year and month, a serial: no birth date
		{"440301 19901307 1230", nil},                        // no 13th month
		{"HT-158-2024-0012", nil},                            // a contract number
		{"Tel 138 1234 5678", []string{"m:" + phone + "@4"}}, // a word, then a space, is no code
		{"手机 138 1234 5678 Wang", []string{"m:" + phone + "@7"}},
		{"138 1234 5678 ext 12", []string{"m:" + phone + "@0"}},
		{"ID 110105 19491231 002X", []string{"i:" + id18X + "@3"}},
		{"abcde138-1234-5678-9abc", nil}, // inside a hex code
		{"138-1234-5678abc", nil},
		{"128 1234 5678", nil},           // not a mobile prefix
		{"0571-8888 8888", nil},          // a landline
		{"2021-01-19 至 2024-12-31", nil}, // dates
		{"P000065-2 1234 5678", nil},     // a record ID and numbers
		{"共 138 户 1234 人 5678 元", nil},   // counts in a sentence
		{"13812345678", nil},             // one run: Find's, not this
		{"138 1234 5678、139-8765-4321", []string{"m:" + phone + "@0", "m:13987654321@16"}},
		// The 6-4-4-4 grouping of an ID number.
		{"身份证 110105 1949 1231 002X", []string{"i:" + id18X + "@10"}},
		{"110105-1949-1231-002X", []string{"i:" + id18X + "@0"}},
		{"１１０１０５　１９４９　１２３１　００２Ｘ", []string{"i:" + id18X + "@0"}},
		{"110105 1949 1231 0021", nil}, // wrong check digit
		{"110105 1949 1331 002X", nil}, // no 13th month
		{"110105 1949-1231 002X", nil}, // two kinds of separator
		{"2024 0501 1380 0001", nil},   // 4-4-4-4
		{"330106 2024 0101 0012", nil}, // a check digit that does not fit
		// Brackets around the first three digits.
		{"（１３８）１２３４５６７８", []string{"m:" + phone + "@3"}},
		{"(138)12345678", []string{"m:" + phone + "@1"}},
		{"(138) 1234 5678", []string{"m:" + phone + "@1"}},
		{"电话(138)1234-5678", []string{"m:" + phone + "@7"}},
		{"(138)  12345678", nil}, // two spaces
		{"(138) 1234-5678 9", []string{"m:" + phone + "@1"}},
		{"(010)12345678", nil}, // a landline with its area code
		{"(0571)8888 8888", nil},
		{"138 12345678", nil}, // 3-8 without brackets: a count and a number
		{"第(135)号 20240501", nil},
		// Dots as separators.
		{"138.1234.5678", []string{"m:" + phone + "@0"}},
		{"138．1234．5678", []string{"m:" + phone + "@0"}},
		{"110105.19491231.002X", []string{"i:" + id18X + "@0"}},
		{"138.1234-5678", nil},
		{"2024.05.01 1.380.000 3.14", nil},
		{"192.168.100.200", nil},
		// The country code typed into the first group.
		{"+86138 1234 5678", []string{"m:" + phone + "@1"}},
		{"0086138-1234-5678", []string{"m:" + phone + "@0"}},
		{"96138 1234 5678", nil},
		// One digit at a time, spaced out to be read aloud.
		{"Tel 1 3 8 1 2 3 4 5 6 7 8", []string{"m:" + phone + "@4"}}, // a word, then a space, is no code
		{"电话 1 3 8 1 2 3 4 5 6 7 8", []string{"m:" + phone + "@7"}},
		{"1-3-8-1-2-3-4-5-6-7-8。", []string{"m:" + phone + "@0"}},
		{"１　３　８　１　２　３　４　５　６　７　８", []string{"m:" + phone + "@0"}},
		{"4 4 0 3 0 1 1 9 9 0 0 3 0 7 1 2 3 0", []string{"i:" + id18 + "@0"}},
		{"4 4 0 3 0 1 9 0 0 3 0 7 1 2 3", []string{"i:" + id15 + "@0"}},
		{"1 3 8 1 2 3 4 5 6 7 8 2024", []string{"m:" + phone + "@0"}}, // a longer group after it does not hide it
		// … but only a whole run of single digits that is such a number.
		{"1 3 8 1 2 3 4 5 6 7 8 9", nil},             // 12 digits
		{"9 1 3 8 1 2 3 4 5 6 7 8", nil},             // 12 digits
		{"1 2 3 4 5 6 7 8 9 0 1", nil},               // not a mobile prefix
		{"评分 5 4 3 5 4 3 5 4 3 5 4", nil},            // scores
		{"1 3 8 1 2-3 4 5 6 7 8", nil},               // two kinds of separator
		{"1  3 8 1 2 3 4 5 6 7 8", nil},              // two spaces
		{"4 4 0 3 0 1 1 9 9 0 0 3 0 7 1 2 3 1", nil}, // wrong check digit
		{"1 2 3 4 5", nil},
		{"V1 3 8 1 2 3 4 5 6 7 8", nil}, // a code first
	} {
		text := c.text
		var got []string
		for _, m := range FindGrouped(text) {
			k := "i"
			if m.Kind == Mobile {
				k = "m"
			}
			got = append(got, k+":"+m.Number+"@"+strconv.Itoa(m.Offset))
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("FindGrouped(%q) = %q, want %q", text, got, c.want)
		}
	}
}

// TestStreamPieces: a number cut across the pieces a file is written in
// is found exactly as in one piece, wherever the cut falls (inside a
// full-width digit too).
func TestStreamPieces(t *testing.T) {
	text := "甲" + phone + "乙１３８１２３４５６７８丙" + id18X + "；3.13812345678；" + id15 + "。13900000000 " +
		strings.Repeat("a", 30) + "13912345678 ab13712345678cd <id>urn:uuid:73a7a593-d42f-55c8-abe3-c14378853869</id>"
	want := Find(text)
	if len(want) != 6 {
		t.Fatalf("Find found %d numbers, want 6", len(want))
	}
	for cut1 := 0; cut1 <= len(text); cut1++ {
		for _, cut2 := range []int{cut1, min(cut1+1, len(text)), min(cut1+2, len(text)), len(text)} {
			var got []Match
			sc := scanner{found: func(m Match) { got = append(got, m) }}
			sc.write([]byte(text[:cut1]))
			sc.write([]byte(text[cut1:cut2]))
			sc.write([]byte(text[cut2:]))
			sc.close()
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("cut at %d and %d: %v, want %v", cut1, cut2, got, want)
			}
		}
	}
}

func TestCheckDigit(t *testing.T) {
	for _, id := range []string{id18, id18X, "320102198501010012", "51010719780815331X"} {
		if got := checkDigit([]byte(id[:17])); got != id[17] {
			t.Errorf("checkDigit(%s) = %c, want %c", id[:17], got, id[17])
		}
	}
}

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{
		"138-1234-5678":     phone,
		"(138) 1234 5678":   phone,
		"+86 138 1234 5678": phone,
		"+８６１３８１２３４５６７８":    phone,
		"86138":              "86138",
		"8613812345678":      phone,
		"008613812345678":    phone,
		"8612345678901":      "8612345678901",
		"(138)1234.5678":     phone,
		"11010519491231002x": id18X,
		"0571-88888888":      "057188888888",
	} {
		if got := Normalise(in); got != want {
			t.Errorf("Normalise(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestText: numbers in a text are placed at their own line (and, for
// character positions, column); allowed ones pass.
func TestText(t *testing.T) {
	allow := NewAllow([]string{"139-0000-0000"})
	probs := &problem.List{}
	Text(Place{File: "data/pledges.csv", Line: 7, Column: 9, Key: "detail"}, "第一行\n电话 "+phone+"\n办公室 13900000000", allow, probs)
	Text(Place{File: "content/about.md", Line: 1, Column: 1, Chars: true}, "# 关于\n\n身份证："+id18+"，电话"+phone, allow, probs)
	var got []string
	for _, p := range probs.Sorted() {
		got = append(got, p.Code+" "+p.String())
	}
	want := []string{
		"privacy-id-number content/about.md:3:5: \"" + id18 + "\": 含有居民身份证号码，不得公开；请删除。若这是编码而不是身份证号码（如 15 位的村编码），请列入 site.toml 的 privacy.allow_numbers (holds a resident ID number, which must not be published: delete it, or if it is a code rather than an ID number (a 15-digit village code, say), list it in privacy.allow_numbers in site.toml)",
		"privacy-mobile content/about.md:3:26: \"" + phone + "\": 含有手机号码，不得公开；请删除。若是可以公开的办公电话，请列入 site.toml 的 privacy.allow_numbers (holds a mobile number, which must not be published: delete it, or if it is a public office line list it in privacy.allow_numbers in site.toml)",
		"privacy-mobile data/pledges.csv:8: detail \"" + phone + "\": 含有手机号码，不得公开；请删除。若是可以公开的办公电话，请列入 site.toml 的 privacy.allow_numbers (holds a mobile number, which must not be published: delete it, or if it is a public office line list it in privacy.allow_numbers in site.toml)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
	if p := probs.Sorted()[2]; p.Column != 9 {
		t.Errorf("CSV column %d, want the field number 9", p.Column)
	}
	// A table's cell: the row is Excel's, as for every problem of a cell;
	// in a CSV file it differs from the line below a cell with a line
	// break, and a workbook's line is the cell's row.
	for _, c := range []struct {
		at            Place
		line, row     int
		cell, printed string
	}{
		{Place{File: "data/pledges.csv", Line: 9, Row: 8, Column: 9}, 10, 8, "", "data/pledges.csv:10 (Excel 第 8 行 row 8): "},
		{Place{File: "data/台账.xlsx", Sheet: "承诺", Line: 6, Row: 6, Column: 9}, 6, 6, "I6", "data/台账.xlsx:承诺!I6: "},
	} {
		probs := &problem.List{}
		Text(c.at, "第一行\n电话 "+phone, nil, probs)
		ps := probs.Sorted()
		if len(ps) != 1 || ps[0].Line != c.line || ps[0].Row != c.row || ps[0].Cell != c.cell || !strings.HasPrefix(ps[0].String(), c.printed) {
			t.Errorf("%+v: %+v, want line %d, row %d, cell %q, printed %q", c.at, ps, c.line, c.row, c.cell, c.printed)
		}
	}
	// A number after invisible characters is placed as written: the
	// format characters before it count as characters of the line.
	probs = &problem.List{}
	Text(Place{File: "content/about.md", Line: 1, Column: 1, Chars: true}, "\u200b\u200b电话 138\u200b1234\u200b5678", nil, probs)
	if ps := probs.Sorted(); len(ps) != 1 || ps[0].Column != 6 {
		t.Errorf("problems %v, want one at column 6", ps)
	}
}

// TestGuard: numbers in output files are found however the file is written,
// reported once each with the first file and the count, at their source
// place when check found one; allowed numbers and a nil guard pass.
func TestGuard(t *testing.T) {
	src := problem.Problem{Code: CodeMobile, File: "data/pledges.csv", Line: 3, Column: 9, Key: "detail", Value: phone, Zh: "含有手机号码", En: "holds a mobile number"}
	g := NewGuard(NewAllow([]string{"13900000000"}), []problem.Problem{src, {Code: "enum", Value: "x"}})
	g.Scan("villages/V1/index.html", []byte("<p>电话 "+phone+"，办公室 13900000000</p>"))
	g.Scan("pledges/P1/index.html", []byte("<p>"+phone+"</p><p>"+phone+"</p>"))
	s := g.Stream("data/pledges.csv")
	for _, piece := range []string{"\uFEFFid,title,detail,note\n", "P1,硬化,138", "1234", "5678,\n", "P2,\"路灯\n", "（两处）\",无," + id18[:9], id18[9:], "\n"} {
		s.Write([]byte(piece))
	}
	s.Close()
	// A calendar folds long lines: a number cut by a fold is still found.
	g.Scan("hearings/calendar.ics", []byte("DESCRIPTION:身份证"+id15[:5]+"\r\n "+id15[5:]+"\r\n"))
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for _, e := range []struct{ name, body string }{{"xl/worksheets/sheet1.xml", "<t>" + id18X + "</t>"}, {"xl/worksheets/sheet2.xml", "<t>" + id18X + "</t>"}} {
		w, _ := zw.Create(e.name)
		w.Write([]byte(e.body))
	}
	zw.Close()
	g.Scan("data/gongshi.xlsx", zbuf.Bytes())
	var nilGuard *Guard
	nilGuard.Scan("x.html", []byte(phone))
	nilGuard.Stream("x.csv").Write([]byte(phone))
	nilGuard.Stream("x.csv").Close()
	if nilGuard.Problems().Len() != 0 {
		t.Error("a nil guard reported problems")
	}

	var got []string
	for _, p := range g.Problems().Sorted() {
		got = append(got, p.Code+" "+p.String())
	}
	// A number no check found: where it is (the pledges download's row
	// and column, across a cell with a line break and a number cut in
	// two pieces), that nothing was published, where to look.
	stopped := "。为保护个人信息，已停止生成，没有发布任何文件，原有网站未改动。请在 data/ 的表格中查找这串数字（可能写成带空格、逗号或小数点的数，或由相邻的单元格拼成），以及 content/、layouts/、i18n/ 和 static/ 中的文件"
	stoppedEn := ". The build was stopped so that nothing was published; the previous site is untouched. Look for these digits in the tables of data/ (perhaps written with spaces, commas or a decimal point, or made of neighbouring cells) and in the files of content/, layouts/, i18n/ and static/"
	unknown := "，但检查时没有在任何单元格或页面中发现它（来源不明）：在 "
	unknownEn := " but in no data cell or page the check read (source unknown): in "
	want := []string{
		"privacy-id-number data/gongshi.xlsx: \"" + id18X + "\": 生成的网站文件中有居民身份证号码" + unknown + "data/gongshi.xlsx" + stopped +
			" (a resident ID number is in the built site" + unknownEn + "data/gongshi.xlsx" + stoppedEn + ")",
		"privacy-id-number data/pledges.csv: \"" + id18 + "\": 生成的网站文件中有居民身份证号码" + unknown + "data/pledges.csv 中 id 为 P2 的一行的 note 列" + stopped +
			" (a resident ID number is in the built site" + unknownEn + "data/pledges.csv, the row of id P2, column note" + stoppedEn + ")",
		"privacy-mobile data/pledges.csv:3: detail \"" + phone + "\": 含有手机号码；它会出现在 data/pledges.csv 等 3 个文件中，已停止发布 (holds a mobile number; it would be published in data/pledges.csv and 2 other files: nothing was published)",
		"privacy-id-number hearings/calendar.ics: \"" + id15 + "\": 生成的网站文件中有居民身份证号码" + unknown + "hearings/calendar.ics" + stopped +
			" (a resident ID number is in the built site" + unknownEn + "hearings/calendar.ics" + stoppedEn + ")",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
}

// TestGuardPlace: a number no check found in the source is reported at
// the output file that says best where it is: a download's row and column,
// traced to the source table's column and row (by key or Chinese header,
// in CSV or JSON, whole or in pieces), before a page's text, or a file's
// name; a path's own order decides between equals, so every run says the
// same.
func TestGuardPlace(t *testing.T) {
	traced := "，但检查数据时没有发现它：在 "
	for _, c := range []struct {
		name   string
		files  map[string][]string // path → pieces
		zh, en string              // in the message
	}{
		{"csv", map[string][]string{
			"villages/V1/index.html": {"<dt>村集体收入</dt><dd>" + phone + "</dd>"},
			"data/villages.json":     {`[` + "\n" + `{"id":"V1","name":"上村","collective_income":` + phone + `}` + "\n]"},
			"data/villages.csv":      {"\uFEFFid,name,township_id,population,households,party_members,collective_income\r\nV1,上村,T1,1200,380,45," + phone + "\r\n"},
		}, traced + "data/villages.csv 中 id 为 V1 的一行的 collective_income 列，即数据中行政村（villages）表编号 V1 一行的“村集体收入”（collective_income）列（共 3 个文件含有它）",
			", the row of id V1, column collective_income, which comes from the column collective_income (村集体收入) of the table villages (行政村), row V1 (3 files hold it)"},
		{"csv in pieces, Chinese header", map[string][]string{
			"data/zh/villages.csv": {"\uFEFF村编码,村名,乡镇编码", ",村集体收入\r\nV1,上村,T1,", "138", "12345678\r\n"},
		}, traced + "data/zh/villages.csv 中 村编码 为 V1 的一行的 村集体收入 列，即数据中行政村（villages）表编号 V1 一行的“村集体收入”（collective_income）列。",
			"the row of 村编码 V1, column 村集体收入, which comes from the column collective_income (村集体收入) of the table villages (行政村), row V1."},
		{"json", map[string][]string{
			"data/villages.json":     {`[` + "\n" + `{"id":"V1","name":"上村","collective_income":` + phone + `}` + "\n]"},
			"villages/V1/index.html": {"<dt>村集体收入</dt><dd>" + phone + "</dd>"},
		}, traced + "data/villages.json 中 id 为 V1 的一项的 collective_income，即数据中行政村（villages）表编号 V1 一行的“村集体收入”（collective_income）列",
			"data/villages.json, the record with id V1, key collective_income, which comes from"},
		{"page", map[string][]string{
			"about/index.html": {strings.Repeat("<p>概况</p>", 60) + `<p class="contact">办公室 <b>联系电话：</b>` + phone + "</p>"},
			"a.css":            {"x" + phone},
		}, "（来源不明）：在 about/index.html 中“…概况 概况 概况 概况 概况 办公室 联系电话：”之后（共 2 个文件含有它）", // the last 24 characters shown, no markup
			"(source unknown): in about/index.html, after the text «…概况 概况 概况 概况 概况 办公室 联系电话：» (2 files hold it)"},
		{"name", map[string][]string{
			"files/张三" + phone + ".txt": {"名单"},
		}, "：在 files/张三" + phone + ".txt 的文件名。", "in files/张三" + phone + ".txt's name."},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := NewGuard(nil, nil)
			for p, pieces := range c.files {
				s := g.Stream(p)
				for _, piece := range pieces {
					s.WriteString(piece)
				}
				s.Close()
			}
			ps := g.Problems().Sorted()
			if len(ps) != 1 || !strings.Contains(ps[0].Zh, c.zh) || !strings.Contains(ps[0].En, c.en) {
				t.Errorf("problems %v\nwant one saying\n%s\n%s", ps, c.zh, c.en)
			}
		})
	}
}

// TestGuardFileCount: a number no check found is reported at one file,
// with the count of the files that hold it when there are more.
func TestGuardFileCount(t *testing.T) {
	for n, want := range map[int][2]string{
		1: {"：在 a0.html。", ": in a0.html. "},
		2: {"：在 a0.html（共 2 个文件含有它）。", ": in a0.html (2 files hold it). "},
		3: {"：在 a0.html（共 3 个文件含有它）。", ": in a0.html (3 files hold it). "},
	} {
		g := NewGuard(nil, nil)
		for i := 0; i < n; i++ {
			g.Scan("a"+strconv.Itoa(i)+".html", []byte(phone))
		}
		ps := g.Problems().Sorted()
		if len(ps) != 1 || !strings.Contains(ps[0].Zh, want[0]) || !strings.Contains(ps[0].En, want[1]) {
			t.Errorf("%d files: %v, want one saying %q and %q", n, ps, want[0], want[1])
		}
	}
}

// TestNumberRunPrefilter: the guard's first pass never rules out a file
// the scanner would find a number in, on random texts made of what matters
// to either (digits of both widths, X, ".", hex letters, "-", other text).
func TestNumberRunPrefilter(t *testing.T) {
	parts := []string{"1", "3", "8", "0", "9", "１", "３", "Ｘ", "X", "x", ".", "a", "f", "-", " ", "甲", "，"}
	rng := rand.New(rand.NewPCG(3, 4))
	runs, found := 0, 0
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.IntN(40); k >= 0; k-- {
			if rng.IntN(3) == 0 { // a long run of digits
				for j := 10 + rng.IntN(9); j > 0; j-- {
					b.WriteString(parts[rng.IntN(6)])
				}
			}
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		has := hasNumberRun([]byte(s))
		if has {
			runs++
		}
		if m := Find(s); len(m) > 0 {
			found++
			if !has {
				t.Fatalf("hasNumberRun(%q) = false, but Find finds %v", s, m)
			}
		}
	}
	if found == 0 || runs == 200000 {
		t.Fatalf("the texts test nothing: %d with numbers, %d passed the first pass", found, runs)
	}
}

// TestStreamUnfoldsCalendar: in a calendar, a number cut by a fold (CR LF
// and a space or tab) is found wherever the file is cut into pieces; line
// breaks that are not folds still end a number; a lone CR is kept.
func TestStreamUnfoldsCalendar(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"DESCRIPTION:电话138\r\n 12345678\r\nEND:VEVENT\r\n", 1},
		{"DESCRIPTION:电话138\r\n\t12345678\r\n", 1},
		{"DESCRIPTION:138\r\n12345678\r\n", 0},  // a real line break: two short runs
		{"A:13812345678\r\nB:1\r\n", 1},         // a whole number before a break
		{"A:1381234\r5678\r\n", 0},              // a lone CR splits too
		{"A:13\r\n 8\r\n 12\r\n 345678\r\n", 1}, // several folds in one number
		{"A:13812345678\r\n \r\n", 1},           // a fold that continues nothing
	} {
		for cut := 0; cut <= len(c.text); cut++ {
			g := NewGuard(nil, nil)
			s := g.Stream("hearings/calendar.ics")
			s.Write([]byte(c.text[:cut]))
			s.Write([]byte(c.text[cut:]))
			s.Close()
			if got := g.Problems().Len(); got != c.want {
				t.Fatalf("%q cut at %d: %d numbers, want %d", c.text, cut, got, c.want)
			}
		}
		g := NewGuard(nil, nil)
		g.Scan("villages/V1/calendar.ics", []byte(c.text))
		if got := g.Problems().Len(); got != c.want {
			t.Fatalf("Scan(%q): %d numbers, want %d", c.text, got, c.want)
		}
	}
}

// TestTextWritings: the ways of writing a number that a review found
// published (a hearing's summary cell), as check reads a cell (Find and
// FindGrouped), and what must stay quiet: dates, amounts, record IDs, the
// supervision hotline, runs of other lengths and allowed numbers however
// they are written.
func TestTextWritings(t *testing.T) {
	allow := NewAllow([]string{"+86 139 0000 0000"})
	for _, c := range []struct {
		text string
		want string // "kind:number" of every number found, space-separated
	}{
		{"联系人 +8613812345678", "m:" + phone},
		{"微信同号8613912345678", "m:13912345678"},
		{"联系 0086 138 1234 5678", "m:" + phone},
		{"身份证 110105 1949 1231 002X", "i:" + id18X},
		{"110105-1949-1231-002X", "i:" + id18X},
		{"（１３８）１２３４５６７８", "m:" + phone},
		{"138.1234.5678", "m:" + phone},
		{"[电话](tel:+8613912345670)", "m:13912345670"},
		{"+86 186-1234-5678", "m:18612345678"},
		{"2024-05-01 召开，20240501 公告", ""},
		{"投资 1,380,000 元，1380000.00 元", ""},
		{"承诺 P000123、HT-2024-0012", ""},
		{"监督电话 12380", ""},
		{"编号 1381234567890", ""},                                              // 13 digits, no 86
		{"编号 1381234567", ""},                                                 // 10 digits
		{"办公室 +8613900000000、（139）0000 0000、139.0000.0000、8613900000000", ""}, // allowed
		// Invisible format characters inside the number, as text copied
		// from WeChat or a web page carries them, do not hide it.
		{"138\u200b12345678", "m:" + phone},
		{"138\u00ad1234\u00ad5678", "m:" + phone},
		{"138\u20601234\u20605678", "m:" + phone},
		{"电话138\ufeff1234\u200c5678\u200d", "m:" + phone},
		{"\u200b1\u200b3\u200b8\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7\u200b8", "m:" + phone},
		{"110105\u200b19491231\u200b002X", "i:" + id18X},
		{"1 3 8 1 2 3 4 5 6 7 8", "m:" + phone},
		{"139\u200b0000\u200b0000", ""},              // allowed
		{"2024\u200b0501 召开，1380000\u200b.00 元", ""}, // a date and an amount
		{"编号 1381234\u200b567890", ""},               // 13 digits
		{"第\u200b1\u200b3\u200b8 户", ""},             // a count
	} {
		probs := &problem.List{}
		Text(Place{File: "data/hearings.csv", Line: 2, Column: 14, Key: "summary"}, c.text, allow, probs)
		var got []string
		for _, p := range probs.Sorted() {
			k := "i"
			if p.Code == CodeMobile {
				k = "m"
			}
			got = append(got, k+":"+Normalise(p.Value))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("Text(%q) found %q, want %q", c.text, g, c.want)
		}
	}
}

// TestTextQuotesAsWritten: a problem quotes the number as the cell or page
// writes it, so that a search in Excel or an editor finds it.
func TestTextQuotesAsWritten(t *testing.T) {
	for text, want := range map[string]string{
		"请拨打 139 1234 5678 咨询":      "139 1234 5678",
		"（１３８）１２３４５６７８":             "（１３８）１２３４５６７８",
		"电话(138)1234-5678。":         "(138)1234-5678",
		"联系人 +8613812345678":        "8613812345678",
		"１３８１２３４５６７８":               "１３８１２３４５６７８",
		"身份证 110105 1949 1231 002x": "110105 1949 1231 002x",
		"电话 1 3 8 1 2 3 4 5 6 7 8":  "1 3 8 1 2 3 4 5 6 7 8",
		"电话 138\u200b12345678":      "138\u200b12345678",
		phone:                       phone,
	} {
		probs := &problem.List{}
		Text(Place{File: "data/hearings.csv", Line: 2, Column: 14, Key: "summary"}, text, nil, probs)
		if ps := probs.Sorted(); len(ps) != 1 || ps[0].Value != want {
			t.Errorf("Text(%q): %v, want one quoting %q", text, ps, want)
		}
	}
}
