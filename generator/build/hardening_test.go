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

			probs, err := Check(Options{Source: src, Extend: cliExtend})
			if err != nil || probs.Errors() == 0 || !strings.Contains(problems(probs), name+": ") {
				t.Errorf("check: err %v, problems:\n%s\nwant an error naming %s", err, problems(probs), name)
			}
			_, probs, err = Run(Options{Source: src, Dest: dest, Extend: cliExtend})
			if !errors.Is(err, ErrInvalid) || !strings.Contains(problems(probs), name+": ") {
				t.Errorf("build: err %v, problems:\n%s", err, problems(probs))
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
	_, _, err := Run(Options{Source: src, Dest: link, Extend: cliExtend})
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
			probs, err := Check(Options{Source: src, Extend: cliExtend})
			if err != nil || !strings.Contains(problems(probs), want) {
				t.Errorf("check: %v\n%s\nwant a problem starting %q", err, problems(probs), want)
			}
			dest := filepath.Join(t.TempDir(), "public")
			_, probs, err = Run(Options{Source: src, Dest: dest, Extend: cliExtend})
			if !errors.Is(err, ErrInvalid) || !strings.Contains(problems(probs), want) {
				t.Errorf("build: %v\n%s", err, problems(probs))
			}
			if _, err := os.Stat(dest); !os.IsNotExist(err) {
				t.Errorf("the build wrote %s", dest)
			}
		})
	}
}
