package qa

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// artefactRules are traces of a bug that no page may show: values that
// leaked from Go or JavaScript unformatted, and tables with nothing in them.
var artefactRules = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`\d\.\d*(?:9{6,}|0{6,})\d`), "a float printed unrounded"},
	{regexp.MustCompile(`\b(?:NaN|undefined|Infinity)\b`), "a JavaScript non-value"},
	{regexp.MustCompile(`%!\w?\(|<no value>|ZgotmplZ|&lt;nil&gt;|\bmap\[|0001-01-01`), "a Go formatting or template artefact"},
	{regexp.MustCompile(`<tbody>\s*</tbody>`), "a table with no rows (say 暂无记录 instead)"},
}

// Artefacts returns, for one page's HTML, each trace of a bug it shows, as
// "line N: what: excerpt".
func Artefacts(page []byte) []string {
	var out []string
	for _, r := range artefactRules {
		for _, loc := range r.re.FindAllIndex(page, -1) {
			line := bytes.Count(page[:loc[0]], []byte("\n")) + 1
			from, to := max(loc[0]-60, 0), min(loc[1]+20, len(page))
			excerpt := strings.Join(strings.Fields(string(bytes.ToValidUTF8(page[from:to], nil))), " ")
			out = append(out, fmt.Sprintf("line %d: %s: …%s…", line, r.what, excerpt))
		}
	}
	return out
}
