package build

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFailedBuildLeavesSiteUntouched builds the base county, then breaks the
// source in one way after another and builds again into the same folder:
// every failed build returns an error (ErrInvalid when the input is at
// fault), the published folder is byte-identical to before, and no staging
// or old folder is left beside it.
func TestFailedBuildLeavesSiteUntouched(t *testing.T) {
	for _, c := range []struct {
		name    string
		break_  func(t *testing.T, src string)
		invalid bool // ErrInvalid expected; otherwise some other error
	}{
		{name: "bad pledge status", invalid: true, break_: func(t *testing.T, src string) {
			p := filepath.Join(src, "data", "pledges.csv")
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			bad := strings.Replace(string(b), ",推进中,", ",完成了,", 1)
			if bad == string(b) {
				t.Fatal("fixture changed: no 推进中 status to break")
			}
			writeFiles(t, src, map[string]string{"data/pledges.csv": bad})
		}},
		{name: "unknown shortcode", invalid: true, break_: func(t *testing.T, src string) {
			writeFiles(t, src, map[string]string{"content/about.md": "# 关于\n\n{{< nope \"x\" >}}\n"})
		}},
		{name: "content on a reserved path", invalid: true, break_: func(t *testing.T, src string) {
			writeFiles(t, src, map[string]string{"content/villages.md": "# 村\n"})
		}},
		{name: "layout does not parse", invalid: true, break_: func(t *testing.T, src string) {
			writeFiles(t, src, map[string]string{"layouts/partials/header.html": `{{define "header"}}{{if}}{{end}}`})
		}},
		// Fails half-way through rendering, after other pages were written to staging.
		{name: "layout fails to execute", break_: func(t *testing.T, src string) {
			writeFiles(t, src, map[string]string{"layouts/partials/footer.html": `{{define "footer"}}{{.NoSuchField}}{{end}}`})
		}},
		{name: "shortcode with a year without data", invalid: true, break_: func(t *testing.T, src string) {
			writeFiles(t, src, map[string]string{"content/reports/2024.md": "# 2024\n\n{{< chart \"pledge-status\" year=1999 >}}\n"})
		}},
		// Fails after every page was written to staging: a site layout asks
		// for words the catalogue does not have.
		{name: "layout asks for unknown words", break_: func(t *testing.T, src string) {
			writeFiles(t, src, map[string]string{"layouts/partials/header.html": `{{define "header"}}{{T "no_such_words"}}{{end}}`})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := baseSite(t)
			parent := t.TempDir()
			dest := filepath.Join(parent, "public")
			mustBuild(t, src, dest, "")
			if got := listDir(t, parent); !slices.Equal(got, []string{"public"}) {
				t.Fatalf("after a successful build the parent holds %v, want only public", got)
			}
			before := tree(t, dest)
			if before[Marker] == "" {
				t.Fatalf("no %s in the output", Marker)
			}

			if c.break_ != nil {
				c.break_(t, src)
			}
			_, probs, err := Run(Options{Source: src, Dest: dest})
			switch {
			case err == nil:
				t.Fatalf("build of a broken source succeeded")
			case c.invalid && !errors.Is(err, ErrInvalid):
				t.Errorf("err = %v, want ErrInvalid", err)
			case c.invalid && probs.Errors() == 0:
				t.Errorf("ErrInvalid without an error problem")
			case !c.invalid && errors.Is(err, ErrInvalid):
				t.Errorf("err = ErrInvalid, want the failure itself")
			}
			if d := diffTrees(before, tree(t, dest)); len(d) > 0 {
				t.Errorf("failed build changed the published site:\n%s", strings.Join(d, "\n"))
			}
			if got := listDir(t, parent); !slices.Equal(got, []string{"public"}) {
				t.Errorf("after a failed build the parent holds %v, want only public", got)
			}
		})
	}
}

// TestFirstBuildFails: a failed first build writes nothing at all.
func TestFirstBuildFails(t *testing.T) {
	src := baseSite(t)
	writeFiles(t, src, map[string]string{"layouts/partials/footer.html": `{{define "footer"}}{{.NoSuchField}}{{end}}`})
	parent := t.TempDir()
	if _, _, err := Run(Options{Source: src, Dest: filepath.Join(parent, "public")}); err == nil {
		t.Fatal("build succeeded with a failing layout")
	}
	if got := listDir(t, parent); len(got) != 0 {
		t.Errorf("after a failed first build the parent holds %v, want nothing", got)
	}
}

// TestRebuildLeavesNothingBeside: a successful rebuild over a previous output
// replaces it and leaves no staging or old folder beside it; the output
// folder is world-readable like any other folder (not MkdirTemp's 0700).
func TestRebuildLeavesNothingBeside(t *testing.T) {
	src := baseSite(t)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mustBuild(t, src, dest, "")
	writeFiles(t, src, map[string]string{"content/about.md": "# 新的关于页\n"})
	mustBuild(t, src, dest, "")
	if got := listDir(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("after a rebuild the parent holds %v, want only public", got)
	}
	if !strings.Contains(readFile(t, dest, "about/index.html"), "新的关于页") {
		t.Error("the rebuild did not replace about/index.html")
	}
	fi, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o755 {
		t.Errorf("output folder mode %v, want 0755", fi.Mode().Perm())
	}
}

// TestDefaultDest: without Dest the site goes to SOURCE/public, which is
// inside the source and allowed.
func TestDefaultDest(t *testing.T) {
	src := baseSite(t)
	if _, probs, err := Run(Options{Source: src}); err != nil {
		t.Fatalf("%v\n%s", err, probs.String())
	}
	if !fileExists(src, "public/index.html") || !fileExists(src, "public/"+Marker) {
		t.Error("no public/index.html or marker in the source folder")
	}
	// And again, over its own previous output.
	if _, probs, err := Run(Options{Source: src}); err != nil {
		t.Fatalf("rebuild: %v\n%s", err, probs.String())
	}
}

// TestDestParentMissing: a destination whose parent folders do not exist
// yet (gongshi build --dest out/site/public on a fresh checkout) is created.
func TestDestParentMissing(t *testing.T) {
	src := baseSite(t)
	dest := filepath.Join(t.TempDir(), "out", "site", "public")
	if _, probs, err := Run(Options{Source: src, Dest: dest}); err != nil {
		t.Fatalf("%v\n%s", err, probs.String())
	}
	if !fileExists(dest, "index.html") {
		t.Error("no index.html")
	}
}

// TestCheckDest lists destinations a build must refuse and ones it accepts.
func TestCheckDest(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "county", "src")
	writeFiles(t, src, map[string]string{"site.toml": "title = \"x\"\n", "data/townships.csv": "id,name\n"})
	writeFiles(t, root, map[string]string{
		"other/notes.txt":    "not ours",
		"previous/" + Marker: "gongshi build output\n",
		"previous/a.html":    "<p>old</p>",
		"afile":              "x",
	})
	if err := os.MkdirAll(filepath.Join(root, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(src, filepath.Join(root, "link-to-src")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, dest string
		ok         bool
	}{
		{"the source itself", src, false},
		{"the source, spelled with ..", filepath.Join(src, "data", ".."), false},
		{"the parent of the source", filepath.Join(root, "county"), false},
		{"two folders above the source", root, false},
		{"the file system root", string(filepath.Separator), false},
		{"a symlink to the source", filepath.Join(root, "link-to-src"), false},
		{"a non-empty folder without the marker", filepath.Join(root, "other"), false},
		{"a folder of the source (data/)", filepath.Join(src, "data"), false},
		{"inside data/", filepath.Join(src, "data", "out"), false},
		{"inside content/", filepath.Join(src, "content", "site"), false},
		{"inside static/", filepath.Join(src, "static", "public"), false},
		{"static/ itself, absent", filepath.Join(src, "static"), false},
		{"i18n/ itself, absent", filepath.Join(src, "i18n"), false},
		{"a file", filepath.Join(root, "afile"), false},
		{"an empty folder", filepath.Join(root, "empty"), true},
		{"a previous output", filepath.Join(root, "previous"), true},
		{"a folder that does not exist", filepath.Join(root, "new"), true},
		{"public inside the source", filepath.Join(src, "public"), true},
		{"a sibling of the source", filepath.Join(root, "county", "public"), true},
	} {
		err := checkDest(src, c.dest)
		if c.ok && err != nil {
			t.Errorf("%s (%s): refused: %v", c.name, c.dest, err)
		}
		if !c.ok && err == nil {
			t.Errorf("%s (%s): accepted, want refused", c.name, c.dest)
		}
	}
}

// TestCheckChanges: a --changes file may go anywhere but into the source
// (site.toml, data/, content/ …) or the output.
func TestCheckChanges(t *testing.T) {
	root := t.TempDir()
	src, dest := filepath.Join(root, "county"), filepath.Join(root, "county", "public")
	writeFiles(t, root, map[string]string{"county/site.toml": "", "county/content/index.md": ""})
	if err := os.Symlink(src, filepath.Join(root, "link-to-src")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, changes string
		ok            bool
	}{
		{"site.toml", filepath.Join(src, "site.toml"), false},
		{"a new file in the source", filepath.Join(src, "changes.txt"), false},
		{"a page of content/", filepath.Join(src, "content", "changes.md"), false},
		{"a data file", filepath.Join(src, "data", "x.csv"), false},
		{"in the output", filepath.Join(dest, "changes.txt"), false},
		{"the source, through a link", filepath.Join(root, "link-to-src", "site.toml"), false},
		{"the source, spelled with ..", filepath.Join(src, "data", "..", "site.toml"), false},
		{"beside the source", filepath.Join(root, "changes.txt"), true},
		{"a name that starts like the source", filepath.Join(root, "county-changes.txt"), true},
		{"none", "", true},
		{"a folder that does not exist", filepath.Join(root, "missing", "changes.txt"), false},
		{"a folder", root, false},
	} {
		err := checkChanges(c.changes, src, dest)
		if c.ok != (err == nil) {
			t.Errorf("%s (%s): err = %v, want ok %v", c.name, c.changes, err, c.ok)
		}
		var ue *UsageError
		if err != nil && !errors.As(err, &ue) {
			t.Errorf("%s: %T is not a UsageError", c.name, err)
		}
	}
}

// TestRunRefusesDest: Run checks the destination before anything else and
// leaves a refused folder as it was.
func TestRunRefusesDest(t *testing.T) {
	src := baseSite(t)
	other := t.TempDir()
	writeFiles(t, other, map[string]string{"keep.txt": "precious"})
	srcBefore, otherBefore := tree(t, src), tree(t, other)
	for _, dest := range []string{src, filepath.Dir(src), other} {
		if _, _, err := Run(Options{Source: src, Dest: dest}); err == nil || errors.Is(err, ErrInvalid) {
			t.Errorf("Run with dest %s: err = %v, want a refusal", dest, err)
		}
	}
	if d := diffTrees(srcBefore, tree(t, src)); len(d) > 0 {
		t.Errorf("refused build changed the source:\n%s", strings.Join(d, "\n"))
	}
	if d := diffTrees(otherBefore, tree(t, other)); len(d) > 0 {
		t.Errorf("refused build changed the folder:\n%s", strings.Join(d, "\n"))
	}
	if got := listDir(t, filepath.Dir(src)); !slices.Equal(got, []string{"src"}) {
		t.Errorf("beside the source: %v, want only src", got)
	}
}
