package load

import (
	"strings"
	"testing"

	"gongshi/generator/internal/testfs"
)

func TestBadRune(t *testing.T) {
	for _, c := range []struct {
		s    string
		at   int
		r    rune
		code string
	}{
		{"上村", -1, 0, ""},
		{"第一行\n第二行\r\n\t缩进", -1, 0, ""},
		{"a\x00b", 1, 0, CodeControlChar},
		{"村\x07", 3, 7, CodeControlChar},
		{"x\x1b[31m", 1, 0x1b, CodeControlChar},
		{"del\x7f", 3, 0x7f, CodeControlChar},
		{"c1\u0085", 2, 0x85, CodeControlChar},
		{"\u00a0nbsp é ü", -1, 0, ""}, // C2 A0 and other C2 letters are fine
		{"evil\u202egpj.exe", 4, 0x202e, CodeBidi},
		{"\u202a", 0, 0x202a, CodeBidi},
		{"x\u2066y\u2069", 1, 0x2066, CodeBidi},
		{"\u2067", 0, 0x2067, CodeBidi},
		{"—“引号”…\u2028", -1, 0, ""}, // E2 80 … punctuation is fine
		{"\u200f", -1, 0, ""},       // marks do not override: allowed
	} {
		at, r, code := badRune(c.s)
		if at != c.at || (at >= 0 && (r != c.r || code != c.code)) {
			t.Errorf("badRune(%q) = %d %U %q, want %d %U %q", c.s, at, r, code, c.at, c.r, c.code)
		}
	}
}

// TestInvisibleRune: format characters are found, except the bidi
// controls badRune refuses; Chinese text, full-width punctuation and other
// characters that start with the same bytes are not.
func TestInvisibleRune(t *testing.T) {
	for _, c := range []struct {
		s  string
		at int
		r  rune
	}{
		{"上村，（原上湾村）：１２３", -1, 0},
		{"\u00a0nbsp é — “引号” …", -1, 0},
		{"村\u200b道", 3, 0x200b},
		{"138\u00ad1234", 3, 0xad},
		{"a\u2060b", 1, 0x2060},
		{"ab\ufeff", 2, 0xfeff},
		{"\u200c\u200d", 0, 0x200c},
		{"\u200f", 0, 0x200f},
		{"x\u202ey", -1, 0},               // a bidi override: badRune's error
		{"x\u202ey\u200bz", 5, 0x200b},    // … and a zero-width space after it
		{"\U000e0041 tag", 0, 0xe0041},    // a tag character
		{"\xef", -1, 0},                   // a cut character
		{"\xef\xbb", -1, 0},               //
		{"\uff0c\uffe5\ufe30", -1, 0},     // EF BC, EF BF A5, EF B8: no format character
		{"\ufff9\u0600", 0, 0xfff9},       // an interlinear annotation anchor
		{"\u0627\u0644\u0600", 4, 0x0600}, // Arabic letters, then a number sign
	} {
		at, r := invisibleRune(c.s)
		if at != c.at || (at >= 0 && r != c.r) {
			t.Errorf("invisibleRune(%q) = %d %U, want %d %U", c.s, at, r, c.at, c.r)
		}
	}
}

func TestValidBaseURL(t *testing.T) {
	for u, want := range map[string]bool{
		"/":                                  true,
		"/cwgk/":                             true,
		"https://www.example.gov.cn/cwgk/":   true,
		"http://127.0.0.1:1313/":             true,
		"https://例子.政务.cn/公开/":               true,
		"":                                   false,
		"cwgk/":                              false,
		"//evil.example/":                    false,
		"/\\evil.example/":                   false,
		"/x\nSitemap: https://evil.example/": false,
		"/x\r/":                              false,
		"https://x.gov.cn/\x00/":             false,
		"https://x.gov.cn/a b/":              false,
		"https://x.gov.cn/?a=1":              false,
		"https://x.gov.cn/#top":              false,
		"https:///nohost/":                   false,
		"https://user:pw@x.gov.cn/":          false,
		"https://x.gov.cn//evil/":            false,
		"https://x.gov.cn/\u202e/":           false,
		"ftp://x.gov.cn/":                    false,
		"javascript:alert(1)//":              false,
		"https://x.gov.cn/cwgk/index.html/":  false,
		"https://x.gov.cn/cwgk/Index.HTM":    false,
		"/cwgk/default.aspx/":                false,
		"https://x.gov.cn/v1.0/":             true,
		"https://x.gov.cn/html/":             true,
	} {
		if got := ValidBaseURL(u); got != want {
			t.Errorf("ValidBaseURL(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestBaseURLProblem: the commonest wrong base_urls are told what to
// write: a page's address copied from the browser, an address without
// https://; others get the general rule.
func TestBaseURLProblem(t *testing.T) {
	for _, c := range []struct{ u, zh, en string }{
		{"https://x.gov.cn/cwgk/index.html/", "末尾的 index.html 是一个网页的文件名", "ends in index.html, a page's file name"},
		{"/cwgk/list.shtml", "末尾的 list.shtml", "ends in list.shtml"},
		{"www.example.gov.cn/cwgk/", "缺少开头的 https://（或 http://）：应写成 https://www.example.gov.cn/cwgk/", "write a full address such as https://www.example.gov.cn/cwgk/"},
		{"cwgk/", BaseURLZh, BaseURLEn},
		{"localhost:8080/", BaseURLZh, BaseURLEn},
		{"https://x.gov.cn/cwgk/", "", ""},
	} {
		zh, en := BaseURLProblem(c.u)
		if !strings.HasPrefix(zh, c.zh) || !strings.Contains(en, c.en) || (c.zh == "") != (zh == "") {
			t.Errorf("BaseURLProblem(%q) = %q, %q; want %q…, …%q…", c.u, zh, en, c.zh, c.en)
		}
	}
}

// TestBaseURLLineBreak: a base_url with a line break in site.toml is
// refused (it used to add a line to robots.txt and to every calendar event).
func TestBaseURLLineBreak(t *testing.T) {
	dir := baseCopy(t)
	testfs.WriteFiles(t, dir, map[string]string{"site.toml": "title = \"县\"\nas_of = 2025-12-31\nbase_url = \"https://x.gov.cn/\\nSitemap: https://evil.example/\"\n"})
	got := loadProblems(t, dir)
	if len(got) != 1 || !strings.HasPrefix(got[0], `base-url site.toml:3:1: base_url "https://x.gov.cn/\nSitemap: https://evil.example/": 应为`) {
		t.Errorf("problems %q", got)
	}
}
