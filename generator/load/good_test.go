package load

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
	"gongshi/generator/validate"
)

var update = flag.Bool("update", false, "rewrite testdata/good from ../check/testdata/base")

// baseDir is the clean site every good variant is derived from; it is the
// base of the bad-input corpus too, so both corpora describe one county.
const (
	baseDir = "../check/testdata/base"
	goodDir = "testdata/good"
)

// site is a site source in memory: slash-separated path → content.
type site map[string][]byte

// variants returns every good variant, each a transformation of the base
// site. Each variant holds the same data as the plain "utf8" one in another
// encoding or form that DESIGN.md promises to accept.
func variants(t testing.TB) map[string]site {
	base := readTree(t, baseDir)
	return map[string]site{
		"utf8":                 base,
		"utf8-bom":             eachCSV(base, func(b []byte) []byte { return append([]byte("\uFEFF"), b...) }),
		"gb18030":              eachCSV(base, toGB18030(t)),
		"utf16le-bom":          eachCSV(base, toUTF16LE(t)),
		"crlf":                 eachCSV(base, func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }),
		"chinese-headers":      chineseHeaders(t, base),
		"english-enum-aliases": englishAliases(t, base),
		"date-forms":           dateForms(t, base),
		"toml-tables":          tomlTables(t, base, "townships", "secretaries", "pledges", "appraisals", "trainings"),
		"split-dir":            splitDir(t, base),
		"drop-columns":         dropColumns(t, base),
		"unicode-text":         unicodeText(t, base),
	}
}

// TestGenerateGood keeps testdata/good in step with the base site: with
// -update it rewrites the variants, otherwise it fails when a committed file
// differs from what the transformations produce.
func TestGenerateGood(t *testing.T) {
	vs := variants(t)
	if *update {
		if err := os.RemoveAll(goodDir); err != nil {
			t.Fatal(err)
		}
		for name, s := range vs {
			for rel, b := range s {
				p := filepath.Join(goodDir, name, filepath.FromSlash(rel))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		return
	}
	for name, want := range vs {
		got := readTree(t, filepath.Join(goodDir, name))
		for _, rel := range unionKeys(got, want) {
			switch {
			case got[rel] == nil:
				t.Errorf("%s: %s missing (run go test ./generator/load -run TestGenerateGood -update)", name, rel)
			case want[rel] == nil:
				t.Errorf("%s: %s is not generated (run go test ./generator/load -run TestGenerateGood -update)", name, rel)
			case !bytes.Equal(got[rel], want[rel]):
				t.Errorf("%s: %s is stale (run go test ./generator/load -run TestGenerateGood -update)", name, rel)
			}
		}
	}
}

// TestGoodInputs loads every variant and expects no problem at all and the
// very rows of the plain UTF-8 variant (positions aside).
func TestGoodInputs(t *testing.T) {
	want := loadClean(t, filepath.Join(goodDir, "utf8"))
	if len(want.Pledges) != 4 || len(want.Secretaries) != 5 || len(want.Trainings) != 5 {
		t.Fatalf("utf8 variant: %d pledges, %d secretaries, %d trainings; want 4, 5, 5",
			len(want.Pledges), len(want.Secretaries), len(want.Trainings))
	}
	if got := want.Pledges[0].Detail; got != "村道硬化，\n宽4.5米" {
		t.Errorf("utf8 variant: multi-line detail = %q", got)
	}
	stripSrc(want)
	names := make([]string, 0)
	for name := range variants(t) {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			got := loadClean(t, filepath.Join(goodDir, name))
			stripSrc(got)
			if reflect.DeepEqual(got, want) {
				return
			}
			gv, wv := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
			for i := 0; i < gv.NumField(); i++ {
				if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
					t.Errorf("%s differs:\n got %s\nwant %s", gv.Type().Field(i).Name, show(gv.Field(i)), show(wv.Field(i)))
				}
			}
		})
	}
}

// TestDropColumnsNeverLoaded checks that the values of a column listed in
// privacy.drop_columns appear nowhere in the dataset.
func TestDropColumnsNeverLoaded(t *testing.T) {
	d := loadClean(t, filepath.Join(goodDir, "drop-columns"))
	ids := idNumbers(len(d.Secretaries))
	seen := 0
	eachRow(d, func(row reflect.Value) {
		seen++
		s := show(row)
		for _, id := range ids {
			if strings.Contains(s, id) || strings.Contains(s, id[6:14]) {
				t.Errorf("dropped value %s leaked into %s", id, s)
			}
		}
	})
	if seen < 30 {
		t.Errorf("saw %d rows, want at least 30", seen)
	}
	if s := fmt.Sprintf("%+v", d.Site); strings.Contains(s, ids[0]) {
		t.Errorf("dropped value in site: %s", s)
	}
}

// loadClean loads, validates and derives a source and fails on any problem.
func loadClean(t *testing.T, dir string) *dataset.Dataset {
	t.Helper()
	d, probs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	probs.Merge(*validate.Check(d))
	for _, p := range probs.Sorted() {
		t.Errorf("%s: %s", filepath.Base(dir), p)
	}
	d.Derive()
	return d
}

// eachRow calls f with every row of every table.
func eachRow(d *dataset.Dataset, f func(row reflect.Value)) {
	v := reflect.ValueOf(d).Elem()
	for i := 0; i < v.NumField(); i++ {
		fv := v.Field(i)
		if fv.Kind() != reflect.Slice || fv.Type().Elem().Kind() != reflect.Struct {
			continue
		}
		if _, ok := fv.Type().Elem().FieldByName("Src"); !ok {
			continue
		}
		for j := 0; j < fv.Len(); j++ {
			f(fv.Index(j))
		}
	}
}

// stripSrc zeroes the position of every row, which legitimately differs
// between variants.
func stripSrc(d *dataset.Dataset) {
	d.Headers = nil // where columns are differs by form; the rows must not
	eachRow(d, func(row reflect.Value) { row.FieldByName("Src").Set(reflect.Zero(row.FieldByName("Src").Type())) })
}

// show prints a value with pointers followed, for readable diffs.
func show(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return "nil"
		}
		return show(v.Elem())
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = show(v.Index(i))
		}
		return "[" + strings.Join(parts, " ") + "]"
	case reflect.Struct:
		parts := make([]string, v.NumField())
		for i := range parts {
			parts[i] = v.Type().Field(i).Name + ":" + show(v.Field(i))
		}
		return "{" + strings.Join(parts, " ") + "}"
	}
	if !v.CanInterface() { // an unexported field (Src's row)
		return fmt.Sprint(v)
	}
	return fmt.Sprintf("%+v", v.Interface())
}

func readTree(t testing.TB, dir string) site {
	t.Helper()
	s := site{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		s[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(s) == 0 {
		t.Fatalf("%s: no files", dir)
	}
	return s
}

func unionKeys(a, b site) []string {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return sortedKeys(m)
}

func (s site) clone() site {
	out := site{}
	for k, v := range s {
		out[k] = v
	}
	return out
}

// table returns the table a data file belongs to.
func table(t testing.TB, rel string) *schema.Table {
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	if dir := path.Dir(rel); dir != "data" {
		name = path.Base(dir)
	}
	tb := schema.Get(name)
	if tb == nil {
		t.Fatalf("%s: no table", rel)
	}
	return tb
}

func eachCSV(s site, f func([]byte) []byte) site {
	out := s.clone()
	for rel, b := range s {
		if strings.HasSuffix(rel, ".csv") {
			out[rel] = f(b)
		}
	}
	return out
}

// unicodeText saves every CSV table as Excel's "Unicode text" does:
// data/<table>.txt, UTF-16 LE with a BOM, tab-separated, CRLF line ends,
// cells with line breaks quoted.
func unicodeText(t testing.TB, s site) site {
	out := site{}
	for rel, b := range s {
		if !strings.HasSuffix(rel, ".csv") {
			out[rel] = b
			continue
		}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Comma, w.UseCRLF = '\t', true
		if err := w.WriteAll(records(t, b)); err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(rel, ".csv")+".txt"] = toUTF16LE(t)(buf.Bytes())
	}
	return out
}

func toGB18030(t testing.TB) func([]byte) []byte {
	return func(b []byte) []byte {
		out, err := simplifiedchinese.GB18030.NewEncoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
}

func toUTF16LE(t testing.TB) func([]byte) []byte {
	return func(b []byte) []byte {
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
}

// records parses a base CSV file.
func records(t testing.TB, b []byte) [][]string {
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func writeCSV(t testing.TB, recs [][]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// transform parses each CSV file, lets f change its records and writes it back.
func (s site) transform(t testing.TB, f func(tb *schema.Table, recs [][]string)) site {
	out := s.clone()
	for rel, b := range s {
		if !strings.HasSuffix(rel, ".csv") {
			continue
		}
		recs := records(t, b)
		f(table(t, rel), recs)
		out[rel] = writeCSV(t, recs)
	}
	return out
}

func chineseHeaders(t testing.TB, base site) site {
	return base.transform(t, func(tb *schema.Table, recs [][]string) {
		for i, h := range recs[0] {
			f, ok := tb.Lookup(h)
			if !ok {
				t.Fatalf("%s: unknown header %s", tb.Name, h)
			}
			recs[0][i] = f.Label
		}
	})
}

func englishAliases(t testing.TB, base site) site {
	return base.transform(t, func(tb *schema.Table, recs [][]string) {
		for c, h := range recs[0] {
			f, _ := tb.Lookup(h)
			for r := 1; r < len(recs); r++ {
				v := recs[r][c]
				if v == "" {
					continue
				}
				switch f.Type {
				case schema.Enum:
					v = f.Enum.English(v)
					if r%2 == 0 {
						v = strings.ToUpper(v) // aliases are case-insensitive
					}
				case schema.Grade:
					v = schema.DefaultGrades.English(v)
				case schema.Bool:
					v = map[string][]string{"是": {"true", "1", "TRUE"}, "否": {"false", "0", "False"}}[v][r%3]
				default:
					continue
				}
				if v == recs[r][c] {
					t.Fatalf("%s.%s: no English alias for %s", tb.Name, f.Key, v)
				}
				recs[r][c] = v
			}
		}
	})
}

func dateForms(t testing.TB, base site) site {
	forms := []string{"%d/%d/%d", "%d.%d.%d", "%d年%d月%d日", "%d/%02d/%02d", "%d年%02d月%02d日", " %d.%02d.%d "}
	out := base.transform(t, func(tb *schema.Table, recs [][]string) {
		n := len(tb.Name) // each file starts at another form, the same on every run
		for c, h := range recs[0] {
			f, _ := tb.Lookup(h)
			if f.Type != schema.Date {
				continue
			}
			for r := 1; r < len(recs); r++ {
				var y, m, d int
				if recs[r][c] == "" {
					continue
				}
				if _, err := fmt.Sscanf(recs[r][c], "%d-%d-%d", &y, &m, &d); err != nil {
					t.Fatal(err)
				}
				recs[r][c] = fmt.Sprintf(forms[n%len(forms)], y, m, d)
				n++
			}
		}
	})
	out["site.toml"] = bytes.Replace(base["site.toml"], []byte("as_of    = 2025-12-31"), []byte(`as_of    = "2025年12月31日"`), 1)
	if bytes.Equal(out["site.toml"], base["site.toml"]) {
		t.Fatal("site.toml: as_of not found")
	}
	return out
}

// tomlTables turns the named tables into data/<t>.toml arrays, with TOML's
// own integers, floats, dates and booleans where the column has that type.
func tomlTables(t testing.TB, base site, names ...string) site {
	out := base.clone()
	for _, name := range names {
		rel := "data/" + name + ".csv"
		recs := records(t, base[rel])
		tb := schema.Get(name)
		var b strings.Builder
		fmt.Fprintf(&b, "# %s as TOML\n", tb.Title)
		for _, rec := range recs[1:] {
			fmt.Fprintf(&b, "\n[[%s]]\n", name)
			for c, h := range recs[0] {
				v := rec[c]
				if v == "" {
					continue
				}
				f, _ := tb.Lookup(h)
				switch f.Type {
				case schema.Int, schema.Year, schema.Number, schema.Date:
					// bare: 2024, 52000.5, 2024-03-01
				case schema.Bool:
					v = map[string]string{"是": "true", "否": "false"}[v]
				default:
					v = strconv.Quote(v)
				}
				fmt.Fprintf(&b, "%s = %s\n", f.Key, v)
			}
		}
		delete(out, rel)
		out["data/"+name+".toml"] = []byte(b.String())
	}
	return out
}

// splitDir splits pledges and trainings into data/<t>/a.csv and b.csv (one
// in English headers, one in Chinese), whose rows are concatenated by name.
func splitDir(t testing.TB, base site) site {
	out := base.clone()
	for _, name := range []string{"pledges", "trainings"} {
		rel := "data/" + name + ".csv"
		recs := records(t, base[rel])
		zh := make([]string, len(recs[0]))
		for i, h := range recs[0] {
			f, _ := schema.Get(name).Lookup(h)
			zh[i] = f.Label
		}
		delete(out, rel)
		out["data/"+name+"/a.csv"] = writeCSV(t, recs[:2])
		out["data/"+name+"/b.csv"] = writeCSV(t, append([][]string{zh}, recs[2:]...))
	}
	return out
}

// idNumbers are made-up resident ID numbers (身份证号) for the drop-columns variant.
func idNumbers(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("4201%02d19%02d0%d15%03dX", i+1, 70+i, i%9+1, 137*(i+1)%1000)
	}
	return out
}

// dropColumns adds a 身份证号 column (listed in the base's
// privacy.drop_columns) in the middle of secretaries and at the end of trainings.
func dropColumns(t testing.TB, base site) site {
	if !bytes.Contains(base["site.toml"], []byte(`drop_columns = ["身份证号"]`)) {
		t.Fatal("base site.toml no longer drops 身份证号")
	}
	ids := idNumbers(5)
	out := base.clone()
	recs := records(t, base["data/secretaries.csv"])
	for r, rec := range recs {
		v := "身份证号"
		if r > 0 {
			v = ids[(r-1)%len(ids)]
		}
		recs[r] = append(append(append([]string{}, rec[:2]...), v), rec[2:]...)
	}
	out["data/secretaries.csv"] = writeCSV(t, recs)
	recs = records(t, base["data/trainings.csv"])
	for r := range recs {
		v := " 身份证号 "
		if r > 0 {
			v = ids[(r-1)%len(ids)]
		}
		recs[r] = append(recs[r], v)
	}
	out["data/trainings.csv"] = writeCSV(t, recs)
	return out
}
