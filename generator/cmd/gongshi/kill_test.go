package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"gongshi/generator/build"
	"gongshi/generator/sample"
)

// TestMain lets the test binary stand in for the gongshi command: run with
// GONGSHI_TEST_CLI=1 it is `gongshi`, so that the kill tests signal a real
// build process without compiling one.
func TestMain(m *testing.M) {
	if os.Getenv("GONGSHI_TEST_CLI") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// gongshiProcess starts `gongshi build --quiet` from src to dest as a child
// process with its own TMPDIR.
func gongshiProcess(t *testing.T, src, dest, tmpdir string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "build", "--quiet", "--source", src, "--dest", dest)
	cmd.Env = append(os.Environ(), "GONGSHI_TEST_CLI=1", "TMPDIR="+tmpdir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// treeHash returns every file and folder under root: path → SHA-256 of the
// contents ("dir" for folders).
func treeHash(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if e.IsDir() {
			out[rel] = "dir"
			return nil
		}
		b, err := os.ReadFile(p)
		sum := sha256.Sum256(b)
		out[rel] = hex.EncodeToString(sum[:])
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// waitFor polls cond every millisecond until it holds (true) or the process
// ends or a minute passes (false).
func waitFor(cmd *exec.Cmd, exited <-chan struct{}, cond func() bool) bool {
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		select {
		case <-exited:
			return cond()
		default:
		}
		time.Sleep(time.Millisecond)
	}
	return false
}

// stagingDirs returns the staging folders beside dest.
func stagingDirs(dest string) []string {
	m, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".staging-*"))
	return m
}

func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// TestKilledBuild kills a real `gongshi build` at several moments, with
// SIGKILL (nothing can clean up) and with SIGTERM and SIGINT (the build
// removes its staging folder itself and exits 3). Each time the published
// site is either exactly the old one or exactly the new one, complete; and
// the next build leaves nothing beside the site and nothing in $TMPDIR.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 300-village county many times")
	}
	root := t.TempDir()
	src := filepath.Join(root, "src")
	if err := sample.Write(src, sample.Options{Villages: 300, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	// The new site differs from the old one in every page's footer.
	site, err := os.ReadFile(filepath.Join(src, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	oldSite, newSite := string(site), strings.Replace(string(site), "title", "title = \"新标题\"\n#", 1)
	reference := func(siteToml string) map[string]string {
		if err := os.WriteFile(filepath.Join(src, "site.toml"), []byte(siteToml), 0o644); err != nil {
			t.Fatal(err)
		}
		dest := filepath.Join(t.TempDir(), "public")
		if code, out, errOut := cli(t, "build", "--quiet", "--source", src, "--dest", dest); code != exitOK {
			t.Fatalf("reference build = %d\n%s%s", code, out, errOut)
		}
		return treeHash(t, dest)
	}
	oldTree, newTree := reference(oldSite), reference(newSite)

	for _, c := range []struct {
		name   string
		signal syscall.Signal
		when   func(dest string) bool // the moment to send it
		// after is what the published site may be once the process is gone.
		oldOK, newOK bool
	}{
		{"SIGKILL while rendering", syscall.SIGKILL, rendering, true, false},
		{"SIGKILL at the swap", syscall.SIGKILL, swapping, true, true},
		{"SIGKILL while removing the old site", syscall.SIGKILL, removingOld, false, true},
		{"SIGTERM while rendering", syscall.SIGTERM, rendering, true, false},
		{"SIGINT while rendering", syscall.SIGINT, rendering, true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			parent := filepath.Join(t.TempDir(), "www")
			dest := filepath.Join(parent, "public")
			tmpdir := t.TempDir()
			if err := os.WriteFile(filepath.Join(src, "site.toml"), []byte(oldSite), 0o644); err != nil {
				t.Fatal(err)
			}
			if code, out, errOut := cli(t, "build", "--quiet", "--source", src, "--dest", dest); code != exitOK {
				t.Fatalf("first build = %d\n%s%s", code, out, errOut)
			}
			if err := os.WriteFile(filepath.Join(src, "site.toml"), []byte(newSite), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd, out := gongshiProcess(t, src, dest, tmpdir)
			exited := make(chan struct{})
			var waitErr error
			go func() { waitErr = cmd.Wait(); close(exited) }()
			if !waitFor(cmd, exited, func() bool { return c.when(dest) }) {
				<-exited
				t.Fatalf("the moment never came; the build ended: %v\n%s", waitErr, out)
			}
			cmd.Process.Signal(c.signal)
			<-exited

			got := treeHash(t, dest)
			isOld, isNew := maps(got, oldTree), maps(got, newTree)
			if !(c.oldOK && isOld || c.newOK && isNew) {
				t.Errorf("after the kill the site is old=%v new=%v; want old %v or new %v", isOld, isNew, c.oldOK, c.newOK)
			}
			if c.signal != syscall.SIGKILL {
				var ee *exec.ExitError
				if !errors.As(waitErr, &ee) || ee.ExitCode() != exitFailure || !strings.Contains(out.String(), "interrupted") {
					t.Errorf("exit %v, output %q; want exit 3 and a message", waitErr, out)
				}
				if names := dirNames(t, parent); !slices.Equal(names, []string{"public"}) {
					t.Errorf("after %s the parent holds %v, want only public", c.signal, names)
				}
			}
			// The next build cleans up whatever is left, and completes.
			if code, o, e := cli(t, "build", "--quiet", "--source", src, "--dest", dest); code != exitOK {
				t.Fatalf("next build = %d\n%s%s", code, o, e)
			}
			if names := dirNames(t, parent); !slices.Equal(names, []string{"public"}) {
				t.Errorf("after the next build the parent holds %v, want only public", names)
			}
			if !maps(treeHash(t, dest), newTree) {
				t.Error("the next build did not publish the new site")
			}
			if names := dirNames(t, tmpdir); len(names) > 0 {
				t.Errorf("$TMPDIR holds %v", names)
			}
		})
	}
}

// rendering: the staging folder holds some pages.
func rendering(dest string) bool {
	s := stagingDirs(dest)
	return len(s) == 1 && countFiles(filepath.Join(s[0], "villages")) > 50
}

// swapping: the staging folder is marked as a finished site, about to be
// swapped in.
func swapping(dest string) bool {
	for _, s := range stagingDirs(dest) {
		if _, err := os.Stat(filepath.Join(s, build.Marker)); err == nil {
			return true
		}
	}
	return false
}

// removingOld: the new site is published and the old one, beside it, not
// yet removed.
func removingOld(dest string) bool {
	b, err := os.ReadFile(filepath.Join(dest, "index.html"))
	return err == nil && bytes.Contains(b, []byte("新标题")) && len(stagingDirs(dest)) > 0
}

func maps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// TestConcurrentBuildRefused: while one build writes to a destination, a
// second build to it refuses with a clear message and changes nothing.
func TestConcurrentBuildRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 300-village county")
	}
	root := t.TempDir()
	src := filepath.Join(root, "src")
	if err := sample.Write(src, sample.Options{Villages: 300, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(root, "www", "public")
	cmd, out := gongshiProcess(t, src, dest, t.TempDir())
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	if !waitFor(cmd, exited, func() bool { return rendering(dest) }) {
		<-exited
		t.Fatalf("the first build never rendered:\n%s", out)
	}
	code, o, e := cli(t, "build", "--quiet", "--source", src, "--dest", dest)
	if code != exitFailure || !strings.Contains(e, "another gongshi build is writing") {
		t.Errorf("second build = %d\n%s%s\nwant exit 3 and a message naming the other build", code, o, e)
	}
	select {
	case <-exited:
		t.Log("the first build finished before the second was refused")
	default:
	}
	<-exited
	if !fileExistsAt(filepath.Join(dest, "index.html")) {
		t.Errorf("the first build did not complete:\n%s", out)
	}
}

func fileExistsAt(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
