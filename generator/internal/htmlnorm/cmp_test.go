package htmlnorm

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompareTrees compares two built sites given by $HTMLNORM_A and
// $HTMLNORM_B page by page in normal form (a tool for template work; skipped
// without them).
func TestCompareTrees(t *testing.T) {
	a, b := os.Getenv("HTMLNORM_A"), os.Getenv("HTMLNORM_B")
	if a == "" || b == "" {
		t.Skip("set HTMLNORM_A and HTMLNORM_B to two built sites")
	}
	n := 0
	filepath.WalkDir(a, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			t.Errorf("%s: missing in B", rel)
			return nil
		}
		nx, _ := Normalize(string(x))
		ny, _ := Normalize(string(y))
		if nx != ny && n < 15 {
			n++
			xl, yl := strings.Split(nx, "\n"), strings.Split(ny, "\n")
			for i := 0; i < len(xl) || i < len(yl); i++ {
				var l1, l2 string
				if i < len(xl) {
					l1 = xl[i]
				}
				if i < len(yl) {
					l2 = yl[i]
				}
				if l1 != l2 {
					t.Errorf("%s line %d:\nA: %.300s\nB: %.300s", rel, i, l1, l2)
					break
				}
			}
		}
		return nil
	})
}
