package site

import (
	"io/fs"
	"sort"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestI18nFilesAgree: every UI language of the theme names the same keys,
// so a site in English never falls back to a Chinese string by accident.
func TestI18nFilesAgree(t *testing.T) {
	keys := func(name string) map[string]string {
		b, err := fs.ReadFile(themeFS(), "i18n/"+name)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if _, err := toml.Decode(string(b), &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return m
	}
	zh, en := keys("zh-CN.toml"), keys("en.toml")
	var diff []string
	for k := range zh {
		if _, ok := en[k]; !ok {
			diff = append(diff, "en.toml lacks "+k)
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			diff = append(diff, "zh-CN.toml lacks "+k)
		}
	}
	sort.Strings(diff)
	for _, d := range diff {
		t.Error(d)
	}
}

// TestMissingUIStringIsReported: a layout asking for a key that no i18n file
// has is recorded, and Render refuses to publish the bare key.
func TestMissingUIStringIsReported(t *testing.T) {
	th, probs, err := LoadTheme(t.TempDir(), "zh-CN")
	if err != nil || probs.Len() > 0 {
		t.Fatalf("LoadTheme: %v %v", err, probs.Sorted())
	}
	if got := th.T("nav_home"); got != "首页" {
		t.Errorf("T(nav_home) = %q", got)
	}
	if len(th.Missing()) != 0 {
		t.Fatalf("missing before: %v", th.Missing())
	}
	th.T("no_such_key")
	if m := th.Missing(); len(m) != 1 || m[0] != "no_such_key" {
		t.Errorf("Missing() = %v, want [no_such_key]", m)
	}
}
