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
		"leave reasons": schema.LeaveReasons, "actions": schema.ActionKinds, "educations": schema.Educations}
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
		{en.Or([]string{"a", "b", "c"}), "a, b or c"},
		{en.Or([]string{"a", "b"}), "a or b"},
		{en.Or([]string{"a"}), "a"},
		{en.Or(nil), ""},
		{zh.Or([]string{"甲", "乙", "丙"}), "甲、乙、丙"},
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

// TestTn: words about a count take their singular form (one.<key>) when
// the count is exactly 1 and the catalogue has one; otherwise, and always
// in a language without singular forms, the words for key.
func TestTn(t *testing.T) {
	en := New("en", map[string]string{
		"days":            "{n} days",
		"one.days":        "{n} day",
		"pledges":         "Pledges",
		"one.pledges":     "Pledge",
		"note":            "at least {days} days, {min} points",
		"one.note":        "at least {days} day, {min} points",
		"no_singular":     "{n} more",
		"one.no_such_key": "orphan",
	})
	zh := New("zh-CN", map[string]string{"days": "{n} 天"})
	for _, tc := range []struct {
		c     *Catalogue
		key   string
		n     float64
		pairs []string
		want  string
	}{
		{en, "days", 1, []string{"n", "1"}, "1 day"},
		{en, "days", 0, []string{"n", "0"}, "0 days"},
		{en, "days", 2, []string{"n", "2"}, "2 days"},
		{en, "days", 1.5, []string{"n", "1.5"}, "1.5 days"},
		{en, "days", -1, []string{"n", "-1"}, "-1 days"},
		{en, "pledges", 1, nil, "Pledge"},
		{en, "pledges", 3, nil, "Pledges"},
		{en, "note", 1, []string{"days", "1", "min", "60"}, "at least 1 day, 60 points"},
		{en, "note", 7, []string{"days", "7", "min", "1"}, "at least 7 days, 1 points"},
		{en, "no_singular", 1, []string{"n", "1"}, "1 more"},
		{zh, "days", 1, []string{"n", "1"}, "1 天"},
	} {
		if got := tc.c.Tn(tc.key, tc.n, tc.pairs...); got != tc.want {
			t.Errorf("%s Tn(%q, %v, %q) = %q, want %q", tc.c.Lang(), tc.key, tc.n, tc.pairs, got, tc.want)
		}
	}
	if m := en.Missing(); len(m) != 0 {
		t.Errorf("missing: %v", m)
	}
	en.Tn("no_such_key", 1)
	if m := en.Missing(); len(m) != 1 || m[0] != "no_such_key" {
		t.Errorf("a singular form alone: missing %v, want [no_such_key]", m)
	}
}

// TestThemeSingulars: every count message the English theme has a
// singular form for reads in the singular at 1, Chinese has none, and each
// singular form goes with a key of the theme (Load would report an orphan).
func TestThemeSingulars(t *testing.T) {
	en, probs := Load(t.TempDir(), "en")
	zh, _ := Load(t.TempDir(), "zh-CN")
	if probs.Len() != 0 {
		t.Fatalf("problems: %v", probs.Sorted())
	}
	for _, tc := range []struct {
		key   string
		pairs []string
		n     float64
		want  string
	}{
		{"attention.overdue_days", []string{"n", "1"}, 1, "1 day overdue"},
		{"attention.overdue_days", []string{"n", "2"}, 2, "2 days overdue"},
		{"browse.days_n", []string{"n", "1"}, 1, "1 day"},
		{"pledges_total", nil, 1, "Pledge"},
		{"pledges_total", nil, 0, "Pledges"},
		{"attention.quiet_explain", []string{"date", "2024-12-31", "n", "1"}, 1, "Villages that have held no democratic hearing since 2024-12-31 (1 year)."},
		{"attention.view_township", []string{"n", "1"}, 1, "View the township's 1 item"},
		{"attention.duban_as_of", []string{"date", "2025-12-31", "n", "1"}, 1, "Data as of 2025-12-31; 1 item"},
	} {
		if got := en.Tn(tc.key, tc.n, tc.pairs...); got != tc.want {
			t.Errorf("Tn(%q, %v) = %q, want %q", tc.key, tc.n, got, tc.want)
		}
	}
	singulars := 0
	for _, k := range en.Keys() {
		base, ok := strings.CutPrefix(k, singular)
		if !ok {
			continue
		}
		singulars++
		if !en.Has(base) {
			t.Errorf("%s: no %s", k, base)
		}
		if en.T(k) == en.T(base) {
			t.Errorf("%s is the same as %s: %q", k, base, en.T(k))
		}
		if zh.Tn(base, 1) != zh.T(base) {
			t.Errorf("zh-CN has a singular form of %s", base)
		}
	}
	if singulars < 10 {
		t.Errorf("only %d singular forms in en.toml", singulars)
	}
}

// TestSingularOverrides: a site may give a singular form of a theme key;
// a site that rewords a key without giving its singular form gets its own
// words for every count, not the theme's singular; a singular form of a
// key the theme lacks is an unknown key.
func TestSingularOverrides(t *testing.T) {
	for _, tc := range []struct {
		name, file   string
		key          string
		n            float64
		pairs        []string
		want         string
		unknown      string
		langOverride string
	}{
		{"theme singular", "", "attention.overdue_days", 1, []string{"n", "1"}, "1 day overdue", "", ""},
		{"reworded, no singular", "[attention]\noverdue_days = \"{n} days late\"\n", "attention.overdue_days", 1, []string{"n", "1"}, "1 days late", "", ""},
		{"reworded, plural", "[attention]\noverdue_days = \"{n} days late\"\n", "attention.overdue_days", 3, []string{"n", "3"}, "3 days late", "", ""},
		{"reworded with singular", "[attention]\noverdue_days = \"{n} days late\"\n[one.attention]\noverdue_days = \"{n} day late\"\n", "attention.overdue_days", 1, []string{"n", "1"}, "1 day late", "", ""},
		{"singular only", "[one]\npledges_total = \"One pledge\"\n", "pledges_total", 1, nil, "One pledge", "", ""},
		{"singular only, root key sorts after", "pledges_total = \"Commitments\"\n[one]\npledges_total = \"Commitment\"\n", "pledges_total", 1, nil, "Commitment", "", ""},
		{"singular of a key without one", "[one]\nnav_home = \"Home page\"\n", "nav_home", 1, nil, "Home page", "", ""},
		{"singular of an unknown key", "[one]\nno_such = \"x\"\n", "pledges_total", 1, nil, "Pledge", "one.no_such", ""},
		{"Chinese site gives one", "[one]\npledges_total = \"承诺\"\n", "pledges_total", 1, nil, "承诺", "", "zh-CN"},
		{"Chinese theme has none", "", "pledges_total", 1, nil, "承诺总数", "", "zh-CN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lang := "en"
			if tc.langOverride != "" {
				lang = tc.langOverride
			}
			dir := t.TempDir()
			if tc.file != "" {
				os.MkdirAll(filepath.Join(dir, "i18n"), 0o755)
				os.WriteFile(filepath.Join(dir, "i18n", lang+".toml"), []byte(tc.file), 0o644)
			}
			c, probs := Load(dir, lang)
			if got := c.Tn(tc.key, tc.n, tc.pairs...); got != tc.want {
				t.Errorf("Tn(%q, %v) = %q, want %q", tc.key, tc.n, got, tc.want)
			}
			ps := probs.Sorted()
			switch {
			case tc.unknown == "" && len(ps) != 0:
				t.Errorf("problems: %v", ps)
			case tc.unknown != "" && (len(ps) != 1 || ps[0].Code != "i18n-unknown-key" || ps[0].Key != tc.unknown):
				t.Errorf("problems = %v, want an unknown key %s", ps, tc.unknown)
			}
		})
	}
}

// TestLabelOf: a key's label is its words and the language's colon, the
// same on every call (it is made once and kept).
func TestLabelOf(t *testing.T) {
	for _, c := range []struct{ lang, want string }{{"zh-CN", "村："}, {"en", "Village: "}} {
		cat, _ := Load(t.TempDir(), c.lang)
		for i := 0; i < 2; i++ {
			if got := cat.LabelOf("village"); got != c.want || got != cat.Label(cat.T("village"), "") {
				t.Errorf("%s: LabelOf(village) = %q, want %q", c.lang, got, c.want)
			}
		}
	}
}
