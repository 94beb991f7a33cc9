package charts_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"gongshi/generator/charts"
	"gongshi/generator/check"
	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/site"
)

// Hostile labels: each would break out of a <script> or run as code if the
// option JSON reached the page unescaped, or through go-echarts' own script
// output, which turns "__f__…__f__" strings into JavaScript functions.
const (
	evilClose   = `</script><script>alert(1)</script>`
	evilQuotes  = `"quotes"`
	evilFunc    = `__f__alert(2)__f__`
	evilComment = `<!--`
)

// jsonScript is one <script type="application/json"> of a page: its raw
// source text and the text the HTML parser gives it.
type jsonScript struct {
	id, raw, text string
}

var reJSONScript = regexp.MustCompile(`(?is)<script type="application/json" id="([^"]*)">(.*?)</script`)

// jsonScripts returns the JSON scripts of a page, checking that the raw
// source and the parsed document agree on where each one ends.
func jsonScripts(t *testing.T, page string) []jsonScript {
	t.Helper()
	var out []jsonScript
	for _, m := range reJSONScript.FindAllStringSubmatch(page, -1) {
		out = append(out, jsonScript{id: m[1], raw: m[2]})
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var parsed []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" {
			typ, src := "", false
			for _, a := range n.Attr {
				if a.Key == "type" {
					typ = a.Val
				}
				src = src || a.Key == "src"
			}
			if typ == "application/json" {
				parsed = append(parsed, n)
			} else if !src {
				var b strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					b.WriteString(c.Data)
				}
				t.Errorf("inline <script type=%q>: %q", typ, b.String())
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(parsed) != len(out) {
		t.Fatalf("%d JSON scripts in the source, %d after HTML parsing: a label broke out", len(out), len(parsed))
	}
	for i, n := range parsed {
		if n.FirstChild != nil {
			out[i].text = n.FirstChild.Data
		}
		if out[i].text != out[i].raw {
			t.Errorf("script %s: the HTML parser ends it elsewhere than the source suggests", out[i].id)
		}
	}
	return out
}

// jsonStrings returns every string value in a JSON document.
func jsonStrings(t *testing.T, text string) map[string]bool {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatalf("JSON.parse of the script text fails: %v\n%s", err, text)
	}
	out := map[string]bool{}
	walkJSON(v, "", func(_, _ string, s *string) {
		if s != nil {
			out[*s] = true
		}
	})
	return out
}

// checkScript asserts that a JSON script cannot end the element or open a
// comment, parses, and holds the labels as plain strings.
func checkScript(t *testing.T, where string, s jsonScript, labels []string) {
	t.Helper()
	low := strings.ToLower(s.raw)
	for _, bad := range []string{"</script", "<!--", "<script"} {
		if strings.Contains(low, bad) {
			t.Errorf("%s: script %s contains %q", where, s.id, bad)
		}
	}
	got := jsonStrings(t, s.text)
	for _, l := range labels {
		if !got[l] {
			t.Errorf("%s: script %s: label %q does not round-trip through JSON.parse", where, s.id, l)
		}
	}
	// __f__ stays inside a JSON string: no function is emitted.
	if strings.Count(s.raw, "alert(2)") != strings.Count(s.raw, `"`+evilFunc+`"`) {
		t.Errorf("%s: script %s: alert(2) outside the string %q: __f__ markers stripped?", where, s.id, evilFunc)
	}
	if strings.Contains(s.raw, "function") {
		t.Errorf("%s: script %s: a function in the option: %s", where, s.id, s.raw)
	}
}

// TestHostileLabelsPartial renders charts of every kind whose categories,
// series, titles and axes are hostile (township names from the data; every
// other word from a site's own i18n file, which a site author controls)
// as pages lay them out.
func TestHostileLabelsPartial(t *testing.T) {
	ds := loadDataset(t, hostileSite(t))
	real, _ := i18n.Load(t.TempDir(), "en")
	words := map[string]string{}
	for _, k := range real.Keys() {
		words[k] = real.T(k)
	}
	evil := []string{evilClose, evilQuotes, evilFunc, evilComment}
	n := 0
	for _, prefix := range []string{"chart.", "axis.", "unit.", "series.", "category.", "enum.", "month."} {
		for _, k := range real.Keys() {
			if strings.HasPrefix(k, prefix) {
				words[k] = evil[n%len(evil)]
				n++
			}
		}
	}
	c := i18n.New("en", words)
	m := charts.New(ds, c)
	kinds := map[string]bool{}
	for _, name := range []string{"pledge-status", "pledge-categories", "stars", "grades", "hearing-outcomes", "channels", "ages", "education", "training"} {
		v, err := m.County(name, 0)
		if err != nil {
			t.Fatal(err)
		}
		var opt struct{ Series []struct{ Type string } }
		json.Unmarshal(v.JSON, &opt)
		for _, s := range opt.Series {
			kinds[s.Type] = true
		}
		h, err := site.ChartsHTML(c, []site.ChartView{{Chart: v, CSVHref: "x.csv"}})
		if err != nil {
			t.Fatal(err)
		}
		page := "<!DOCTYPE html><html><head><title>t</title></head><body>" + string(h) + "</body></html>"
		if strings.Contains(page, "<script>alert") {
			t.Errorf("%s: page has a live <script>alert: %s", name, h)
		}
		scripts := jsonScripts(t, page)
		if len(scripts) != 1 || scripts[0].id != "chart-"+v.ID {
			t.Fatalf("%s: JSON scripts %+v, want one, chart-%s", name, scripts, v.ID)
		}
		checkScript(t, name, scripts[0], nil)
		if !strings.Contains(scripts[0].text, evilClose) && !strings.Contains(scripts[0].text, evilFunc) {
			t.Errorf("%s: no hostile label reached the chart: %s", name, scripts[0].text)
		}
	}
	for _, k := range []string{"bar", "line", "pie"} {
		if !kinds[k] {
			t.Errorf("no %s chart was checked", k)
		}
	}
}

// loadDataset returns the derived dataset of a site source.
func loadDataset(t *testing.T, dir string) *dataset.Dataset {
	t.Helper()
	ds, probs, err := check.Source(dir)
	if err != nil || probs.Errors() > 0 {
		t.Fatalf("check %s: %v\n%s", dir, err, probs.String())
	}
	return ds
}

// hostileSite is the base county with hostile township and village names.
func hostileSite(t *testing.T) string {
	t.Helper()
	rows := func(rs ...[]string) string {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		if err := w.WriteAll(rs); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	return baseSite(t, map[string]string{
		"data/townships.csv": rows([]string{"id", "name"},
			[]string{"T1", evilClose + evilQuotes + evilComment}, []string{"T2", evilFunc}),
		"data/villages.csv": rows([]string{"id", "name", "township_id"},
			[]string{"V1", evilFunc, "T1"}, []string{"V2", evilComment + evilClose, "T1"}, []string{"V3", evilQuotes, "T2"}),
		"content/reports/2024.md": "+++\ntitle = \"报告\"\n+++\n\n{{< chart \"pledge-status\" >}}\n\n{{< table \"township-pledges\" >}}\n",
	})
}

// TestHostileLabelsBuild builds a county whose township and village names
// are hostile and checks every JSON script of every page.
func TestHostileLabelsBuild(t *testing.T) {
	dest := mustBuild(t, hostileSite(t))
	towns := []string{evilClose + evilQuotes + evilComment, evilFunc}
	for _, c := range []struct {
		page   string
		labels []string
	}{
		{"index.html", towns},                                                    // pledge-status on the home page
		{"pledges/index.html", towns},                                            // the pledge board
		{"reports/2024/index.html", towns},                                       // Markdown report with a chart shortcode
		{"reports/2025/index.html", towns},                                       // generated report
		{"townships/T1/index.html", []string{evilFunc, evilComment + evilClose}}, // village completion
		{"townships/T2/index.html", []string{evilQuotes}},
	} {
		scripts := jsonScripts(t, readFile(t, dest, c.page))
		if len(scripts) == 0 {
			t.Errorf("%s: no chart", c.page)
			continue
		}
		found := map[string]bool{}
		for _, s := range scripts {
			checkScript(t, c.page, s, nil)
			for l := range jsonStrings(t, s.text) {
				found[l] = true
			}
		}
		for _, l := range c.labels {
			if !found[l] {
				t.Errorf("%s: label %q not in any chart", c.page, l)
			}
		}
	}
	// Every page: scripts well formed, nothing live.
	err := filepath.WalkDir(dest, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		if bytes.Contains(b, []byte("<script>alert")) {
			t.Errorf("%s: live <script>alert", rel)
		}
		for _, s := range jsonScripts(t, string(b)) {
			checkScript(t, rel, s, nil)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The CSV beside the chart holds the names as written, quoted.
	ps := readFile(t, dest, "charts/pledge-status.csv")
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(ps, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("charts/pledge-status.csv: %v", err)
	}
	if len(recs) != 3 || recs[1][0] != towns[0] || recs[2][0] != towns[1] {
		t.Errorf("charts/pledge-status.csv rows %q", recs)
	}

	chromium(t, dest, []string{"index.html", "townships/T1/index.html", "reports/2024/index.html"})
}

// chromium opens pages in headless Chromium, if there is one
// ($GONGSHI_CHROMIUM or /usr/bin/chromium; required when CI=true), with
// window.alert replaced by a probe, and checks that no alert fired and that
// the charts were drawn.
func chromium(t *testing.T, root string, pages []string) {
	t.Helper()
	bin := os.Getenv("GONGSHI_CHROMIUM")
	if bin == "" {
		bin = "/usr/bin/chromium"
	}
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no Chromium at %s (set GONGSHI_CHROMIUM)", bin)
		}
		t.Logf("skipping the browser check: no Chromium at %s", bin)
		return
	}
	if testing.Short() {
		t.Log("skipping the browser check in -short")
		return
	}
	// The probe goes first in <head>, before any page script; it marks <html>.
	const probe = `<script>window.alert=window.confirm=window.prompt=function(m){document.documentElement.setAttribute("data-alert",String(m))};</script>`
	reFired := regexp.MustCompile(`<html[^>]*\sdata-alert="([^"]*)"`)
	open := func(t *testing.T, page string, extra string) string {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(page))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.Replace(b, []byte("<head>"), []byte("<head>"+probe), 1)
		b = bytes.Replace(b, []byte("</body>"), []byte(extra+"</body>"), 1)
		probed := filepath.Join(filepath.Dir(p), "probe.html")
		if err := os.WriteFile(probed, b, 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(probed)
		cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
			"--user-data-dir="+t.TempDir(), "--virtual-time-budget=5000", "--dump-dom", "file://"+probed)
		var out, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(90 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatal("chromium did not finish within 90 s")
		}
		if err != nil {
			t.Fatalf("chromium: %v\n%s", err, stderr.String())
		}
		return out.String()
	}
	// The probe must see an alert that does fire, or the checks below prove nothing.
	t.Run("chromium/control", func(t *testing.T) {
		if m := reFired.FindStringSubmatch(open(t, pages[0], `<script>alert("control")</script>`)); m == nil || m[1] != "control" {
			t.Fatalf("the alert probe did not see a control alert (match %q)", m)
		}
	})
	for _, page := range pages {
		t.Run("chromium/"+page, func(t *testing.T) {
			dom := open(t, page, "")
			if m := reFired.FindStringSubmatch(dom); m != nil {
				t.Errorf("an alert fired: %q", m[1])
			}
			if !strings.Contains(dom, "<svg") {
				t.Errorf("no chart drawn (no <svg> in the DOM): did JSON.parse fail?")
			}
		})
	}
}
