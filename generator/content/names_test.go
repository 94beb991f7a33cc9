package content

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"gongshi/generator/internal/testfs"
	"gongshi/generator/privacy"
)

// TestLoadNames: content files whose names cannot become a page address are
// problems, never pages. "...md", ".md" and "x/...md" used to become
// ../index.html (the folder above the site) and ./index.html (over the home
// page).
func TestLoadNames(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"content/about.md":         "关于\n",
		"content/guide/_index.md":  "指南\n",
		"content/政策-解读_2024.md":    "政策\n",
		"content/v1.2.md":          "版本\n",
		"content/...md":            "escape\n",
		"content/.md":              "home\n",
		"content/x/...md":          "home\n",
		"content/x/..md":           "dot\n",
		"content/.hidden.md":       "hidden\n",
		"content/con.md":           "device\n",
		"content/x/LPT1/page.md":   "device folder\n",
		"content/a b.md":           "space\n",
		"content/a#b.md":           "fragment\n",
		"content/trailing..md":     "trailing dot\n",
		"content/evil\u202egpj.md": "bidi\n",
	}
	testfs.WriteFiles(t, dir, files)
	pages, probs := Load(dir, nil)
	var slugs []string
	for _, p := range pages {
		slugs = append(slugs, p.Slug)
	}
	if want := []string{"about", "guide/_index", "v1.2", "政策-解读_2024"}; !reflect.DeepEqual(slugs, want) {
		t.Errorf("pages %q, want %q", slugs, want)
	}
	got := map[string]string{}
	for _, p := range probs.Sorted() {
		if p.Code != CodeName || p.Zh == "" || p.En == "" {
			t.Errorf("problem %+v: want code %s and both messages", p, CodeName)
		}
		got[p.File] = p.Value
	}
	want := map[string]string{
		"content/...md":            "..",
		"content/.md":              "",
		"content/x/...md":          "..",
		"content/x/..md":           ".",
		"content/.hidden.md":       ".hidden",
		"content/con.md":           "con",
		"content/x/LPT1/page.md":   "LPT1",
		"content/a b.md":           "a b",
		"content/a#b.md":           "a#b",
		"content/trailing..md":     "trailing.",
		"content/evil\u202egpj.md": "evil\u202egpj",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems (file → part named)\n got %q\nwant %q", got, want)
	}
}

// TestLoadSymlinks: a link in content/ is reported and never read, whether
// it leads out of the site (any file on the machine would be published) or
// stays inside.
func TestLoadSymlinks(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	testfs.WriteFiles(t, dir, map[string]string{"content/about.md": "关于\n"})
	testfs.WriteFiles(t, outside, map[string]string{"secret.md": "SECRET\n", "more/x.md": "SECRET\n"})
	links := map[string]string{
		"content/leak.md":   filepath.Join(outside, "secret.md"),
		"content/folder":    filepath.Join(outside, "more"),
		"content/inside.md": "about.md",
	}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	pages, probs := Load(dir, nil)
	if len(pages) != 1 || pages[0].Slug != "about" {
		t.Errorf("pages %v, want only about", pages)
	}
	var got []string
	for _, p := range probs.Sorted() {
		got = append(got, p.Code+" "+p.File)
	}
	want := []string{"symlink content/folder", "symlink content/inside.md", "symlink content/leak.md"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestLoadNumberNames: a page whose file or folder name is a mobile or ID
// number is reported at the content file (its name becomes the page's
// address); a draft, never published, and other digits are not.
func TestLoadNumberNames(t *testing.T) {
	dir := t.TempDir()
	testfs.WriteFiles(t, dir, map[string]string{
		"content/13912345678.md":                 "+++\ntitle = \"x\"\n+++\n正文\n",
		"content/人员/11010519491231002X/index.md": "正文\n",
		"content/13812345678.md":                 "+++\ntitle = \"x\"\ndraft = true\n+++\n正文\n",
		"content/reports/2024.md":                "年报\n",
		"content/notice-20240501-12380.md":       "通知\n",
		"content/allowed-13900000000.md":         "办公电话\n",
	})
	_, probs := Load(dir, privacy.NewAllow([]string{"13900000000"}))
	var got []string
	for _, p := range probs.Sorted() {
		got = append(got, p.Code+" "+p.String())
	}
	want := []string{
		`privacy-mobile content/13912345678.md: "13912345678": 文件名含有手机号码，不得公开；请改名 (the file's name holds a mobile number, which must not be published: rename it)`,
		`privacy-id-number content/人员/11010519491231002X/index.md: "11010519491231002X": 文件名含有居民身份证号码，不得公开；请改名 (the file's name holds a resident ID number, which must not be published: rename it)`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
}
