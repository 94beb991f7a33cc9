package i18n

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTOMLDepth: a site's i18n file nested past the TOML bound is a
// problem with its position, not a decoder running out of memory.
func TestTOMLDepth(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "i18n"), 0o755); err != nil {
		t.Fatal(err)
	}
	deep := "home = \"首页\"\nx = " + strings.Repeat("{a=", 10000) + "1" + strings.Repeat("}", 10000) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "i18n", "zh-CN.toml"), []byte(deep), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs := Load(dir, "zh-CN")
	got := probs.Sorted()
	if len(got) != 1 || got[0].Code != "toml-depth" || got[0].File != "i18n/zh-CN.toml" || got[0].Line != 2 || got[0].Column != 101 {
		t.Errorf("problems %v, want one toml-depth at i18n/zh-CN.toml:2:101", got)
	}
}
