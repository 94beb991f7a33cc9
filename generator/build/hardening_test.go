package build

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestContentCannotWriteOutside: content files named so that their page
// would land outside the site ("...md" made ../index.html) or over the home
// page (".md", "x/...md" made ./index.html) stop both check and build, and a
// build writes nothing, neither beside the site nor into it.
func TestContentCannotWriteOutside(t *testing.T) {
	for _, name := range []string{"content/...md", "content/.md", "content/x/...md", "content/x/..md"} {
		t.Run(name, func(t *testing.T) {
			src := baseSite(t)
			parent := t.TempDir()
			dest := filepath.Join(parent, "site", "public")
			mustBuild(t, src, dest, "")
			before := tree(t, parent)
			writeFiles(t, src, map[string]string{name: "# defaced\n"})

			probs, err := Check(Options{Source: src})
			if err != nil || probs.Errors() == 0 || !strings.Contains(probs.String(), name+": ") {
				t.Errorf("check: err %v, problems:\n%s\nwant an error naming %s", err, probs.String(), name)
			}
			_, probs, err = Run(Options{Source: src, Dest: dest})
			if !errors.Is(err, ErrInvalid) || !strings.Contains(probs.String(), name+": ") {
				t.Errorf("build: err %v, problems:\n%s", err, probs.String())
			}
			if d := diffTrees(before, tree(t, parent)); len(d) > 0 {
				t.Errorf("the build changed files:\n%s", strings.Join(d, "\n"))
			}
		})
	}
}

// TestDestSymlinkRefused: a --dest that is a symbolic link (to a release
// folder, as deploy scripts make) is refused, and the folder it points to is
// left as it was. (It used to be emptied: the link was moved aside as the
// "old" site and removed through.)
func TestDestSymlinkRefused(t *testing.T) {
	src := baseSite(t)
	root := t.TempDir()
	release := filepath.Join(root, "releases", "r1")
	mustBuild(t, src, release, "")
	link := filepath.Join(root, "public")
	if err := os.Symlink(release, link); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	before := tree(t, root)
	_, _, err := Run(Options{Source: src, Dest: link})
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("err = %v, want a refusal naming the symbolic link", err)
	}
	if d := diffTrees(before, tree(t, root)); len(d) > 0 {
		t.Errorf("the build changed files:\n%s", strings.Join(d, "\n"))
	}
	if got := listDir(t, root); !slices.Equal(got, []string{"public", "releases"}) {
		t.Errorf("root holds %v", got)
	}
}

// TestSourceSymlinksRefused: a symbolic link anywhere a build reads (data/,
// content/, layouts/, static/, i18n/, site.toml) stops check and build with a
// "symlink" problem naming it; nothing it points to is published.
func TestSourceSymlinksRefused(t *testing.T) {
	outside := t.TempDir()
	writeFiles(t, outside, map[string]string{
		"secret.txt":  "SECRET-OUTSIDE",
		"layout.html": `{{define "main"}}SECRET-OUTSIDE{{end}}`,
		"en.toml":     `home = "SECRET-OUTSIDE"`,
	})
	for _, c := range []struct{ rel, target string }{
		{"content/leak.md", filepath.Join(outside, "secret.txt")},
		{"content/more", outside},
		{"static/leak.txt", filepath.Join(outside, "secret.txt")},
		{"static/css", outside},
		{"layouts/page.html", filepath.Join(outside, "layout.html")},
		{"i18n/zh-CN.toml", filepath.Join(outside, "en.toml")},
		{"data/villages.csv", "/dev/zero"},
		{"site.toml", filepath.Join(outside, "secret.txt")},
	} {
		t.Run(c.rel, func(t *testing.T) {
			src := baseSite(t)
			p := filepath.Join(src, filepath.FromSlash(c.rel))
			os.Remove(p)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(c.target, p); err != nil {
				t.Skipf("symlinks: %v", err)
			}
			want := c.rel + ": 是符号链接"
			probs, err := Check(Options{Source: src})
			if err != nil || !strings.Contains(probs.String(), want) {
				t.Errorf("check: %v\n%s\nwant a problem starting %q", err, probs.String(), want)
			}
			dest := filepath.Join(t.TempDir(), "public")
			_, probs, err = Run(Options{Source: src, Dest: dest})
			if !errors.Is(err, ErrInvalid) || !strings.Contains(probs.String(), want) {
				t.Errorf("build: %v\n%s", err, probs.String())
			}
			if _, err := os.Stat(dest); !os.IsNotExist(err) {
				t.Errorf("the build wrote %s", dest)
			}
		})
	}
}

// TestPrivacyPlantedNumbers: resident ID and mobile numbers planted in a
// cell and in a Markdown page stop check and build with their source place;
// nothing is written.
func TestPrivacyPlantedNumbers(t *testing.T) {
	src := baseSite(t)
	p := filepath.Join(src, "data", "pledges.csv")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, src, map[string]string{
		"data/pledges.csv": strings.Replace(string(b), "解决饮水难", "解决饮水难 联系13812345678", 1),
		"content/about.md": "# 关于\n\n举报人身份证：11010519491231002X。\n",
	})
	want := []string{
		`data/pledges.csv:5 (Excel 第 4 行 row 4): title "13812345678": 含有手机号码`,
		`content/about.md:3:8: "11010519491231002X": 含有居民身份证号码`,
	}
	probs, err := Check(Options{Source: src})
	for _, w := range want {
		if err != nil || !strings.Contains(probs.String(), w) {
			t.Errorf("check: %v, want %q in\n%s", err, w, probs.String())
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	_, probs, err = Run(Options{Source: src, Dest: dest})
	if !errors.Is(err, ErrInvalid) || !strings.Contains(probs.String(), want[0]) {
		t.Errorf("build: %v\n%s", err, probs.String())
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("the build wrote %s", dest)
	}
}

// TestPrivacyThemeFiles: a number in the site's own layouts, static files
// or UI strings is found by check, with its place.
func TestPrivacyThemeFiles(t *testing.T) {
	src := baseSite(t)
	writeFiles(t, src, map[string]string{
		"layouts/partials/footer.html": "{{define \"footer\"}}\n<footer>值班手机 13812345678</footer>{{end}}",
		"static/contact.txt":           "身份证 11010519491231002X",
		"static/office.html":           "<p>电话: 139 8765 4321</p>", // grouped, in a file with no full-width character
		"i18n/zh-CN.toml":              "home = \"首页 13700000000\"\n",
	})
	probs, err := Check(Options{Source: src})
	got := probs.String()
	for _, want := range []string{
		`layouts/partials/footer.html:2:14: "13812345678": 含有手机号码`,
		`static/contact.txt:1:5: "11010519491231002X": 含有居民身份证号码`,
		`i18n/zh-CN.toml:1:12: "13700000000": 含有手机号码`,
		`static/office.html:1:8: "13987654321": 含有手机号码`,
	} {
		if err != nil || !strings.Contains(got, want) {
			t.Errorf("check: %v, want %q in\n%s", err, want, got)
		}
	}
}

// TestPrivacyOutputGuard: a number that only the build puts together (here
// a layout joining two pieces, neither a number) is found in the pages as
// they are written, stops the build before the swap naming the output file
// and the text before the number, and leaves the published site as it was.
func TestPrivacyOutputGuard(t *testing.T) {
	src := baseSite(t)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mustBuild(t, src, dest, "")
	before := tree(t, parent)
	writeFiles(t, src, map[string]string{
		"layouts/partials/footer.html": `{{define "footer"}}<footer>值班手机 138{{"1234"}}5678</footer>{{end}}`,
	})
	if probs, err := Check(Options{Source: src}); err != nil || probs.Errors() > 0 {
		t.Fatalf("check: %v\n%s\nwant no error: the number is made by the build", err, probs.String())
	}
	_, probs, err := Run(Options{Source: src, Dest: dest})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	got := probs.String()
	if !strings.Contains(got, `"13812345678": 生成的网站文件中有手机号码`) || !strings.Contains(got, "在 404.html 中“…") ||
		!strings.Contains(got, "值班手机”之后（共 ") || !strings.Contains(got, "没有发布任何文件") {
		t.Errorf("problems:\n%s\nwant the number, named by the first output file holding it and the text before it, saying nothing was published", got)
	}
	if d := diffTrees(before, tree(t, parent)); len(d) > 0 {
		t.Errorf("the failed build changed files:\n%s", strings.Join(d, "\n"))
	}
}

// TestPrivacyAllowNumbers: a number in privacy.allow_numbers (a village
// office's public line) is published, in pages and downloads alike.
func TestPrivacyAllowNumbers(t *testing.T) {
	src := baseSite(t)
	site, err := os.ReadFile(filepath.Join(src, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(src, "data", "pledges.csv"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, src, map[string]string{
		"site.toml":        strings.Replace(string(site), "[privacy]", "[privacy]\nallow_numbers = [\"139 0000 0000\"]", 1),
		"data/pledges.csv": strings.Replace(string(b), "解决饮水难", "解决饮水难 村部电话13900000000", 1),
	})
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	for _, f := range []string{"pledges/P3/index.html", "data/pledges.csv", "data/pledges.json"} {
		if !strings.Contains(readFile(t, dest, f), "13900000000") {
			t.Errorf("%s lacks the allowed number", f)
		}
	}
}
