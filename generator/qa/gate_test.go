package qa

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// brokenPage has a defect for each check of the gate: a duplicate id (vnu),
// a text field with no label (axe rule "label"), a script from a CDN (a
// request outside the site), a missing image (a failed request), a console
// error and an uncaught exception, and a chart box that never draws, outside
// a figure and with its written label replaced by script.
const brokenPage = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>坏页面</title>
<script src="https://cdn.example.com/x.js"></script>
</head>
<body>
<main>
<h1 id="dup">坏页面</h1>
<p id="dup">同一个 id 出现了两次。</p>
<input type="text">
<img src="missing.png" alt="">
<div data-chart="never" role="img" aria-label="写好的说明"></div>
<script>
document.querySelector("[data-chart]").setAttribute("aria-label", "被脚本改掉的说明");
console.error("gate self-test");
undefinedFunction();
</script>
</main>
</body>
</html>
`

// TestGateCatchesDefects shows that the gate can fail: the same helpers the
// real tests use report each defect of a deliberately broken page.
func TestGateCatchesDefects(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(brokenPage), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("vnu reports the duplicate id", func(t *testing.T) {
		java, jar := Java(), VNUJar(repoRoot)
		needTool(t, java)
		needTool(t, jar)
		msgs, err := RunVNU(java.Path, jar.Path, dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range msgs {
			got = append(got, m.Format(dir))
		}
		if !slices.ContainsFunc(got, func(s string) bool {
			return strings.HasPrefix(s, "index.html:") && strings.Contains(s, "Duplicate ID")
		}) {
			t.Errorf("vnu did not report the duplicate id; it reported %q", got)
		}
	})

	t.Run("axe reports the unlabelled input", func(t *testing.T) {
		axeTool := AxeJS(repoRoot)
		needTool(t, axeTool)
		b := browser(t)
		axe, err := Axe(axeTool.Path)
		if err != nil {
			t.Fatal(err)
		}
		srv := serveDir(t, dir)
		p, err := b.Open(srv+"/index.html", UnderOrigin(srv))
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		res, err := p.RunAxe(axe)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, v := range res.Violations {
			ids = append(ids, v.ID)
		}
		if !slices.Contains(ids, "label") {
			t.Errorf("axe did not report rule \"label\"; it reported %q", ids)
		}
	})

	for _, via := range []string{"http", "file"} {
		t.Run("the request to the CDN is flagged/"+via, func(t *testing.T) {
			b := browser(t)
			var url string
			var inSite func(string) bool
			if via == "http" {
				srv := serveDir(t, dir)
				url, inSite = srv+"/index.html", UnderOrigin(srv)
			} else {
				u, err := FileURL(filepath.Join(dir, "index.html"))
				if err != nil {
					t.Fatal(err)
				}
				url, inSite = u, UnderDir(dir)
			}
			p, err := b.Open(url, inSite)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			rep := p.Report()
			if !slices.Contains(rep.External, "https://cdn.example.com/x.js") {
				t.Errorf("the CDN request was not flagged; report: %q", rep.Problems())
			}
			for _, want := range []string{"missing.png", "cdn.example.com/x.js"} {
				if !slices.ContainsFunc(rep.Failed, func(s string) bool { return strings.Contains(s, want) }) {
					t.Errorf("the request for %s did not count as failed; report: %q", want, rep.Problems())
				}
			}
			for _, want := range []string{"console.error: gate self-test", "uncaught exception: ", "undefinedFunction"} {
				if !slices.ContainsFunc(rep.Errors, func(s string) bool { return strings.Contains(s, want) }) {
					t.Errorf("no error containing %q; report: %q", want, rep.Problems())
				}
			}
			if t.Failed() {
				return
			}
			t.Logf("report of the broken page:\n\t%s", strings.Join(rep.Problems(), "\n\t"))
		})
	}

	t.Run("the undrawn chart and its alternatives are flagged", func(t *testing.T) {
		b := browser(t)
		srv := serveDir(t, dir)
		p, err := b.Open(srv+"/index.html", UnderOrigin(srv))
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		cs, err := p.WaitCharts(500 * time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 1 || cs[0].Drawn() {
			t.Errorf("want one chart, not drawn; got %+v", cs)
		}
		got := strings.Join(ChartAlternatives(cs, []byte(brokenPage)), "\n")
		for _, want := range []string{"replaced the aria-label", "not inside a <figure>"} {
			if !strings.Contains(got, want) {
				t.Errorf("ChartAlternatives did not say %q; it said:\n%s", want, got)
			}
		}
	})

	t.Run("the site's own requests are not flagged", func(t *testing.T) {
		for _, tc := range []struct {
			inSite func(string) bool
			url    string
			want   bool
		}{
			{UnderOrigin("http://127.0.0.1:8080"), "http://127.0.0.1:8080/css/site.css", true},
			{UnderOrigin("http://127.0.0.1:8080"), "http://127.0.0.1:8081/css/site.css", false},
			{UnderOrigin("http://127.0.0.1:8080"), "https://cdn.example.com/x.js", false},
			{UnderOrigin("http://127.0.0.1:8080"), "data:image/png;base64,AAAA", true},
			{UnderDir("/srv/site"), "file:///srv/site/css/site.css", true},
			{UnderDir("/srv/site"), "file:///srv/site/../other/x.js", false},
			{UnderDir("/srv/site"), "file:///srv/site2/x.js", false},
			{UnderDir("/srv/site"), "https://cdn.example.com/x.js", false},
		} {
			if got := tc.inSite(tc.url); got != tc.want {
				t.Errorf("inSite(%s) = %v, want %v", tc.url, got, tc.want)
			}
		}
	})
}
