package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEnglishEducation: in English, a secretary's education of the usual
// levels (高中, 大专, 本科 …, schema.Educations) is named in English on the
// secretary's and village's pages and on the education chart, in its
// categories and in the sentence a screen reader hears; Chinese pages keep
// the words as entered.
func TestEnglishEducation(t *testing.T) {
	src := englishSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	mustBuild(t, src, dest, "")
	for file, want := range map[string]string{
		"secretaries/S1/index.html": "Education Senior high school",
		"secretaries/S3/index.html": "Education Junior college",
		"secretaries/S4/index.html": "Education Postgraduate",
		"villages/V3/index.html":    "Education Vocational secondary school",
	} {
		if text := plainText(t, filepath.Join(dest, file)); !strings.Contains(text, want) {
			t.Errorf("%s: no %q in %q", file, want, text)
		}
	}
	// A generated report (no Markdown for 2023) draws the education chart.
	report, err := os.ReadFile(filepath.Join(dest, "reports", "2023", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"data":["Vocational secondary school","Junior college","Bachelor's degree"]`,
		"By education, 3 groups; 3 people in all, the most in Vocational secondary school: 1.", "<td>Bachelor&#39;s degree</td>"} {
		if !strings.Contains(string(report), want) {
			t.Errorf("reports/2023: the education chart has no %s", want)
		}
	}
	zh := filepath.Join(t.TempDir(), "zh")
	mustBuild(t, baseSite(t), zh, "")
	if text := plainText(t, filepath.Join(zh, "secretaries/S3/index.html")); !strings.Contains(text, "学历 大专") {
		t.Errorf("Chinese secretaries/S3: no 学历 大专 in %q", text)
	}
}
