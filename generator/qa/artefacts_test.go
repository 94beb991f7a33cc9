package qa

import (
	"strings"
	"testing"
)

// TestNoArtefacts scans the HTML of every generated page (attributes
// included, so chart descriptions are read too) for traces of a bug: an
// unrounded float, NaN/undefined, a Go template or fmt artefact, or a
// table with no rows.
func TestNoArtefacts(t *testing.T) {
	root := demoSite(t)
	pages, err := HTMLPages(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range pages {
		for _, a := range Artefacts(readPage(t, root, rel)) {
			t.Errorf("%s: %s", rel, a)
		}
	}
}

// TestArtefactsFound shows each artefact rule can fail.
func TestArtefactsFound(t *testing.T) {
	for _, bad := range []string{
		`<div aria-label="合计 1279.8999999999999 %">`,
		`<td>0.30000000000000004</td>`,
		`<td>NaN</td>`,
		`<p>undefined</p>`,
		`<td>%!d(string=x)</td>`,
		`<td>&lt;nil&gt;</td>`,
		`<a href="#ZgotmplZ">`,
		"<table><thead><tr><th>村</th></tr></thead><tbody>\n</tbody></table>",
	} {
		if got := Artefacts([]byte(bad)); len(got) == 0 {
			t.Errorf("no artefact found in %s", bad)
		}
	}
	for _, good := range []string{`<td>1279.9 %</td>`, `<td>2025-12-31</td>`, `<tbody><tr><td>1</td></tr></tbody>`, `<p>100000 元</p>`} {
		if got := Artefacts([]byte(good)); len(got) != 0 {
			t.Errorf("artefacts found in %s: %s", good, strings.Join(got, "; "))
		}
	}
}
