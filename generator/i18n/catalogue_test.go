package i18n

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/schema"
)

// TestThemeLanguagesAgree: the theme's languages name the same keys and
// parse (Load reports any key one of them lacks).
func TestThemeLanguagesAgree(t *testing.T) {
	for _, lang := range Languages {
		_, probs := Load(t.TempDir(), lang)
		for _, p := range probs.Sorted() {
			t.Errorf("%s: %s", lang, p)
		}
	}
}

// TestMissingKeyIsReported: a key asked for that no file has is recorded,
// so that the build can refuse to publish the bare key.
func TestMissingKeyIsReported(t *testing.T) {
	c, _ := Load(t.TempDir(), "zh-CN")
	if got := c.T("nav_home"); got != "首页" {
		t.Errorf("T(nav_home) = %q", got)
	}
	if len(c.Missing()) != 0 {
		t.Fatalf("missing before: %v", c.Missing())
	}
	c.T("no_such_key")
	if m := c.Missing(); len(m) != 1 || m[0] != "no_such_key" {
		t.Errorf("Missing() = %v, want [no_such_key]", m)
	}
}

// TestSiteOverrides: a site's file replaces words key by key; an unknown
// key is a warning (a typo would silently do nothing); a file that does not
// parse is an error.
func TestSiteOverrides(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "i18n"), 0o755)
	os.WriteFile(filepath.Join(dir, "i18n", "en.toml"), []byte("nav_home = \"Start\"\nnav_hom = \"x\"\n[enum]\ndone = \"Finished\"\n"), 0o644)
	c, probs := Load(dir, "en")
	if c.T("nav_home") != "Start" || c.T("enum.done") != "Finished" || c.T("nav_data") != "Data" {
		t.Errorf("overrides: %q %q %q", c.T("nav_home"), c.T("enum.done"), c.T("nav_data"))
	}
	if ps := probs.Sorted(); len(ps) != 1 || ps[0].Code != "i18n-unknown-key" || ps[0].Key != "nav_hom" {
		t.Errorf("problems = %v", ps)
	}
	os.WriteFile(filepath.Join(dir, "i18n", "en.toml"), []byte("nav_home = \n"), 0o644)
	if _, probs := Load(dir, "en"); probs.Errors() != 1 {
		t.Errorf("a broken file: %v", probs.Sorted())
	}
}

// TestEnumNames: every enum value has a display name in both languages,
// and the Chinese one is the canonical value itself.
func TestEnumNames(t *testing.T) {
	zh, _ := Load(t.TempDir(), "zh-CN")
	en, _ := Load(t.TempDir(), "en")
	sets := map[string]schema.EnumSet{"roles": schema.Roles, "genders": schema.Genders, "sources": schema.Sources,
		"kinds": schema.PledgeKinds, "categories": schema.PledgeCategories, "statuses": schema.PledgeStatuses,
		"outcomes": schema.Outcomes, "trainings": schema.TrainingKinds, "grades": schema.DefaultGrades,
		"leave reasons": schema.LeaveReasons, "actions": schema.ActionKinds}
	for name, e := range sets {
		for _, ch := range e {
			if got := zh.T("enum." + ch.En); got != ch.Zh {
				t.Errorf("%s: zh-CN enum.%s = %q, want %q", name, ch.En, got, ch.Zh)
			}
			got := en.Enum(e, ch.Zh)
			if got == ch.Zh || got == ch.En || strings.HasPrefix(got, "enum.") {
				t.Errorf("%s: English name of %s is %q", name, ch.Zh, got)
			}
			if zh.Enum(e, ch.Zh) != ch.Zh {
				t.Errorf("%s: Chinese name of %s is %q", name, ch.Zh, zh.Enum(e, ch.Zh))
			}
		}
	}
	if len(en.Missing())+len(zh.Missing()) > 0 {
		t.Errorf("missing: %v %v", en.Missing(), zh.Missing())
	}
	if got := en.Grade("实绩突出"); got != "实绩突出" {
		t.Errorf("a county's own grade %q", got)
	}
}

func TestFormats(t *testing.T) {
	zh, _ := Load(t.TempDir(), "zh-CN")
	en, _ := Load(t.TempDir(), "en")
	for _, c := range []struct{ got, want string }{
		{zh.Date("2024-03-01"), "2024年3月1日"},
		{en.Date("2024-03-01"), "2024-03-01"},
		{zh.Date(""), ""},
		{zh.Date("2024-03-01"), "2024年3月1日"}, // again, from the days held
		{zh.Date("1900-01-01"), "1900年1月1日"}, // the first day held
		{zh.Date("2099-12-31"), "2099年12月31日"},
		{zh.Date("2099-12-31"), "2099年12月31日"},
		{zh.Date("2100-01-01"), "2100年1月1日"}, // after: kept in the map
		{zh.Date("2100-01-01"), "2100年1月1日"},
		{zh.Date("1899-12-31"), "1899年12月31日"},
		{en.Date("1899-12-31"), "1899-12-31"},
		{zh.Date("2024-02-30"), "2024年2月30日"}, // as written: the loader refuses such dates
		{zh.Date("2024-13-01"), "2024年13月1日"},
		{zh.Date("2024-13-01"), "2024年13月1日"},
		{zh.Date("2024/03/01"), "2024/03/01"},
		{zh.Int(1234567), "1,234,567"},
		{zh.Int(-1234), "-1,234"},
		{zh.Yuan(123456), "12.3 万元"},
		{zh.Yuan(950.5), "950.5 元"},
		{en.Yuan(123456), "¥123,456"},
		{zh.YearTitle(2024, "承诺"), "2024年承诺"},
		{en.YearTitle(2024, "Pledges"), "Pledges (2024)"},
		{zh.YearTitle(0, "承诺"), "承诺"},
		{zh.Paren("3"), "（3）"},
		{en.Paren("3"), " (3)"},
		{zh.List([]string{"甲", "乙"}), "甲、乙"},
		{en.List([]string{"a", "b"}), "a, b"},
		{Num(1.1 + 2.2), "3.3"},
		{Fixed(92.3, 2), "92.30"},
		{Percent(1, 8), "13%"},
		{Percent(0, 0), "—"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestDayIndex: every day of 1900–2099 has its own place among the dates
// a catalogue holds; anything else has none.
func TestDayIndex(t *testing.T) {
	seen := map[int]string{}
	for y := 1900; y < 2100; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= 31; d++ {
				s := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
				i, ok := dayIndex(s)
				if !ok || i < 0 || i >= dayYears*12*31 {
					t.Fatalf("dayIndex(%s) = %d, %v", s, i, ok)
				}
				if other, dup := seen[i]; dup {
					t.Fatalf("%s and %s share place %d", s, other, i)
				}
				seen[i] = s
			}
		}
	}
	for _, s := range []string{"1899-12-31", "2100-01-01", "2024-00-01", "2024-13-01", "2024-01-00", "2024-01-32", "2024-1x-01", "202a-01-01", "2024-01-0 "} {
		if i, ok := dayIndex(s); ok {
			t.Errorf("dayIndex(%s) = %d, want none", s, i)
		}
	}
}

// TestTf: placeholders are filled from the pairs in one reading of the
// words; a value is never read for placeholders, and one no pair names
// stays as written.
func TestTf(t *testing.T) {
	c := &Catalogue{strs: map[string]string{
		"a": "{title}：{county}村党组织书记履职公开",
		"b": "no placeholders",
		"c": "{x} and {y} and {x}",
		"d": "unclosed {title",
		"e": "{} {unknown} {title}",
		"f": "a {b {title} c {{title}}",
	}}
	for _, tc := range []struct {
		key   string
		pairs []string
		want  string
	}{
		{"a", []string{"title", "承诺{county}", "county", "基准县"}, "承诺{county}：基准县村党组织书记履职公开"},
		{"b", []string{"title", "x"}, "no placeholders"},
		{"c", []string{"x", "1", "y", "2"}, "1 and 2 and 1"},
		{"d", []string{"title", "x"}, "unclosed {title"},
		{"e", []string{"title", "T"}, "{} {unknown} T"},
		{"f", []string{"title", "T"}, "a {b T c {T}"},
		{"a", nil, "{title}：{county}村党组织书记履职公开"},
	} {
		if got := c.Tf(tc.key, tc.pairs...); got != tc.want {
			t.Errorf("Tf(%q, %q) = %q, want %q", tc.key, tc.pairs, got, tc.want)
		}
	}
}

// TestTn: a count takes the singular words for one, when the catalogue has
// them, and its digits grouped; other placeholders are filled as by Tf.
func TestTn(t *testing.T) {
	c := &Catalogue{lang: "en", strs: map[string]string{
		"format.thousands": ",",
		"days":             "overdue {n} days",
		"days_one":         "overdue {n} day",
		"late":             "{n} days late, due {due}",
	}}
	for _, tc := range []struct {
		key  string
		n    int
		want string
	}{
		{"days", 0, "overdue 0 days"},
		{"days", 1, "overdue 1 day"},
		{"days", 2, "overdue 2 days"},
		{"days", 1461, "overdue 1,461 days"},
		{"late", 1, "1 days late, due 1 May"}, // no late_one: the one form
	} {
		if got := c.Tn(tc.key, tc.n, "due", "1 May"); got != tc.want {
			t.Errorf("Tn(%q, %d) = %q, want %q", tc.key, tc.n, got, tc.want)
		}
	}
	if m := c.Missing(); len(m) != 0 {
		t.Errorf("Tn recorded %v as missing: asking whether a singular exists is not a miss", m)
	}
}
