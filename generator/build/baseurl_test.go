package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRelativeBaseURLWarning: `check` and `build` warn when base_url is not
// a whole http(s) address (no QR code on the notices, no full sitemap
// addresses, no links on the 404 page), at the base_url line of site.toml or
// at the --base-url flag that replaced it, and say nothing when the address
// in effect is absolute.
func TestRelativeBaseURLWarning(t *testing.T) {
	const code = "base-url-relative"
	noKey := func(t *testing.T, src string) {
		b, err := os.ReadFile(filepath.Join(src, "site.toml"))
		if err != nil {
			t.Fatal(err)
		}
		var keep []string
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(l, "base_url") {
				keep = append(keep, l)
			}
		}
		if err := os.WriteFile(filepath.Join(src, "site.toml"), []byte(strings.Join(keep, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	absolute := func(t *testing.T, src string) {
		b, _ := os.ReadFile(filepath.Join(src, "site.toml"))
		s := strings.Replace(string(b), `base_url = "/"`, `base_url = "`+absBase+`"`, 1)
		if err := os.WriteFile(filepath.Join(src, "site.toml"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit := func(from, to string) func(*testing.T, string) {
		return func(t *testing.T, src string) {
			b, _ := os.ReadFile(filepath.Join(src, "site.toml"))
			if !strings.Contains(string(b), from) {
				t.Fatalf("site.toml has no %q", from)
			}
			s := strings.Replace(string(b), from, to, 1)
			if err := os.WriteFile(filepath.Join(src, "site.toml"), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, c := range []struct {
		name string
		edit func(*testing.T, string)
		flag string
		want string // the warning as printed, "" for none
	}{
		{"site.toml", nil, "", `site.toml:3:1: 警告 warning: base_url "/": 不是完整网址`},
		{"not set", noKey, "", `site.toml: 警告 warning: base_url "/": 不是完整网址`},
		{"absolute in site.toml", absolute, "", ""},
		{"flag makes it absolute", nil, absBase, ""},
		{"flag makes it relative", absolute, "/cwgk/", `--base-url: 警告 warning: "/cwgk/": 不是完整网址`},
		// An error at base_url or a slip elsewhere in site.toml is the word
		// that counts: the base_url in effect is a default, not the file's.
		{"no https://", edit(`base_url = "/"`, `base_url = "www.example.gov.cn/cwgk/"`), "", ""},
		{"a slip elsewhere", func(t *testing.T, src string) {
			absolute(t, src)
			edit(`2025-12-31`, `2025年12月31日`)(t, src)
		}, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := baseSite(t)
			if c.edit != nil {
				c.edit(t, src)
			}
			probs, err := Check(Options{Source: src, BaseURL: c.flag})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range probs.Sorted() {
				if p.Code == code {
					got = append(got, p.String())
				}
			}
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("got %q, want no %s warning", got, code)
			case c.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], c.want)):
				t.Errorf("got %q, want one warning starting %q", got, c.want)
			}
		})
	}
}
