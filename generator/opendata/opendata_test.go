package opendata

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gongshi/generator/check"
	"gongshi/generator/dataset"
	"gongshi/generator/output"
	"gongshi/generator/sample"
	"gongshi/generator/schema"
)

const baseSite = "../check/testdata/base"

// source loads and derives a site source, failing the test on any error.
func source(t testing.TB, dir string) *dataset.Dataset {
	t.Helper()
	d, probs, err := check.Source(dir)
	if err != nil {
		t.Fatal(err)
	}
	if probs.Errors() > 0 {
		t.Fatalf("%s has errors:\n%v", dir, probs.Sorted())
	}
	return d
}

// write runs Write into a fresh folder and returns the folder and the files.
func write(t testing.TB, d *dataset.Dataset) (string, []File) {
	t.Helper()
	root := t.TempDir()
	files, err := Write(output.New(root), d)
	if err != nil {
		t.Fatal(err)
	}
	return root, files
}

// copySite copies a site source (site.toml and data/) into a new folder,
// letting edit change site.toml's text.
func copySite(t *testing.T, src string, edit func(string) string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rel == "site.toml" && edit != nil {
			b = []byte(edit(string(b)))
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// sampleSite writes a small synthetic county (every table, multi-line and
// quoted cells, Chinese headers, split training files).
func sampleSite(t *testing.T, villages int) string {
	t.Helper()
	dir := t.TempDir()
	if err := sample.Write(dir, sample.Options{Villages: villages, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFilesOfBase pins the list of downloads of the small clean site.
func TestFilesOfBase(t *testing.T) {
	root, files := write(t, source(t, baseSite))
	var got []string
	for _, f := range files {
		got = append(got, f.Path)
	}
	// Every year any dated table has a row in (secretaries' terms from
	// 2021, appraisals to 2025) has a slice of every dated table, rows or not.
	var want []string
	for y := 2021; y <= 2025; y++ {
		for _, t := range []string{"actions", "appraisals", "hearings", "pledge_updates", "pledges", "secretaries", "trainings"} {
			want = append(want, YearCSVPath(y, t))
		}
	}
	want = append(want,
		"data/SHA256SUMS",
		"data/actions.csv", "data/actions.json",
		"data/appraisals.csv", "data/appraisals.json", "data/datapackage.json", "data/gongshi.xlsx",
		"data/hearing_questions.csv", "data/hearing_questions.json",
		"data/hearings.csv", "data/hearings.json",
		"data/pledge_updates.csv", "data/pledge_updates.json",
		"data/pledges.csv", "data/pledges.json",
		"data/secretaries.csv", "data/secretaries.json",
		"data/townships.csv", "data/townships.json",
		"data/trainings.csv", "data/trainings.json",
		"data/villages.csv", "data/villages.json",
		"data/zh/actions.csv", "data/zh/appraisals.csv", "data/zh/hearing_questions.csv", "data/zh/hearings.csv",
		"data/zh/pledge_updates.csv", "data/zh/pledges.csv", "data/zh/secretaries.csv",
		"data/zh/townships.csv", "data/zh/trainings.csv", "data/zh/villages.csv",
	)
	if !slices.Equal(got, want) {
		t.Errorf("files:\n got %q\nwant %q", got, want)
	}
	// A year without actions: the header alone, as the whole table has it.
	all, err := os.ReadFile(filepath.Join(root, "data", "actions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	empty, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(YearCSVPath(2021, "actions"))))
	if head, _, _ := strings.Cut(string(all), "\n"); err != nil || string(empty) != head+"\n" {
		t.Errorf("data/2021/actions.csv = %q, %v; want the header %q alone", empty, err, head)
	}
}

// TestRoundTrip loads the published CSVs back through the loader, with the
// original site.toml, and expects the same rows. The derived columns
// (overdue, consequence) are not input columns, so the reloading site lists
// them in privacy.drop_columns; Derive computes them again. Computed totals
// and grades come back as given values, equal to the derived ones.
func TestRoundTrip(t *testing.T) {
	for _, c := range []struct{ name, dir string }{
		{"base", baseSite},
		{"sample", sampleSite(t, 60)},
	} {
		t.Run(c.name, func(t *testing.T) {
			orig := source(t, c.dir)
			root, _ := write(t, orig)
			site, err := os.ReadFile(filepath.Join(c.dir, "site.toml"))
			if err != nil {
				t.Fatal(err)
			}
			drop := regexp.MustCompile(`drop_columns\s*=\s*\[`)
			if !drop.Match(site) {
				t.Fatal("site.toml has no drop_columns to extend")
			}
			site = drop.ReplaceAll(site, []byte(`drop_columns = ["overdue", "consequence", "total_computed", "grade_computed", `))
			re := t.TempDir()
			os.MkdirAll(filepath.Join(re, "data"), 0o755)
			os.WriteFile(filepath.Join(re, "site.toml"), site, 0o644)
			if rules, err := os.ReadFile(filepath.Join(c.dir, "data", "rules.toml")); err == nil {
				os.WriteFile(filepath.Join(re, "data", "rules.toml"), rules, 0o644)
			}
			for _, st := range schema.Tables {
				b, err := os.ReadFile(filepath.Join(root, "data", st.Name+".csv"))
				if err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(re, "data", st.Name+".csv"), b, 0o644)
			}
			back := source(t, re)
			compareRows(t, orig, back)
		})
	}
}

// compareRows compares every table's rows on their published (`col`) fields.
func compareRows(t *testing.T, a, b *dataset.Dataset) {
	t.Helper()
	for _, st := range schema.Tables {
		ra, rb := reflect.ValueOf(a.Rows(st.Name)).Elem(), reflect.ValueOf(b.Rows(st.Name)).Elem()
		if ra.Len() != rb.Len() {
			t.Errorf("%s: %d rows, reloaded %d", st.Name, ra.Len(), rb.Len())
			continue
		}
		if ra.Len() == 0 {
			t.Errorf("%s: no rows to compare", st.Name)
		}
		typ := ra.Type().Elem()
		for i := 0; i < ra.Len(); i++ {
			for f := 0; f < typ.NumField(); f++ {
				key := typ.Field(f).Tag.Get("col")
				if key == "" || key == "total_computed" || key == "grade_computed" {
					// Whether a total was computed does not survive publishing: the
					// published file gives every total, so reloaded they are all "given".
					continue
				}
				x, y := ra.Index(i).Field(f).Interface(), rb.Index(i).Field(f).Interface()
				if !reflect.DeepEqual(x, y) {
					t.Errorf("%s row %d %s: %v, reloaded %v", st.Name, i+1, key, show(x), show(y))
				}
			}
		}
	}
}

func show(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		return rv.Elem().Interface()
	}
	return v
}

// TestChecksums recomputes every download's digest and size and compares them
// with what Write returned, with SHA256SUMS and with datapackage.json, then
// lets sha256sum check SHA256SUMS where it is installed.
func TestChecksums(t *testing.T) {
	root, files := write(t, source(t, baseSite))
	onDisk := map[string]File{}
	err := filepath.WalkDir(filepath.Join(root, "data"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		sum := sha256.Sum256(b)
		onDisk[filepath.ToSlash(rel)] = File{filepath.ToSlash(rel), int64(len(b)), hex.EncodeToString(sum[:])}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(onDisk) != len(files) {
		t.Errorf("%d files on disk, Write returned %d", len(onDisk), len(files))
	}
	for _, f := range files {
		if onDisk[f.Path] != f {
			t.Errorf("Write returned %+v, on disk %+v", f, onDisk[f.Path])
		}
	}

	sums, err := os.ReadFile(filepath.Join(root, "data", "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, line := range strings.Split(strings.TrimSuffix(string(sums), "\n"), "\n") {
		hexsum, name, ok := strings.Cut(line, "  ")
		if !ok {
			t.Fatalf("SHA256SUMS line %q", line)
		}
		listed = append(listed, name)
		if f := onDisk["data/"+name]; f.SHA256 != hexsum {
			t.Errorf("SHA256SUMS: %s %s, file %s", name, hexsum, f.SHA256)
		}
	}
	if !slices.IsSorted(listed) {
		t.Errorf("SHA256SUMS is not sorted: %q", listed)
	}
	if len(listed) != len(onDisk)-1 || slices.Contains(listed, "SHA256SUMS") {
		t.Errorf("SHA256SUMS lists %d files, want every download but itself (%d)", len(listed), len(onDisk)-1)
	}

	var dp struct {
		Resources []struct {
			Path  string
			Bytes int64
			Hash  string
		}
	}
	b, _ := os.ReadFile(filepath.Join(root, "data", "datapackage.json"))
	if err := json.Unmarshal(b, &dp); err != nil {
		t.Fatal(err)
	}
	if len(dp.Resources) != len(schema.Tables) {
		t.Errorf("datapackage.json has %d resources, want %d", len(dp.Resources), len(schema.Tables))
	}
	for _, r := range dp.Resources {
		f, ok := onDisk["data/"+r.Path]
		if !ok || r.Bytes != f.Bytes || r.Hash != "sha256:"+f.SHA256 {
			t.Errorf("datapackage.json: %s %d %s, file %+v", r.Path, r.Bytes, r.Hash, f)
		}
	}

	if _, err := exec.LookPath("sha256sum"); err != nil {
		t.Log("sha256sum not installed: skipped `sha256sum -c`")
		return
	}
	cmd := exec.Command("sha256sum", "--check", "--strict", "--quiet", "SHA256SUMS")
	cmd.Dir = filepath.Join(root, "data")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c: %v\n%s", err, out)
	}
}

// TestCSVFormat checks the published CSVs: BOM, English keys in schema
// order, LF line ends, values as validated (canonical enums, dates, numbers
// without float noise, computed totals, derived columns).
func TestCSVFormat(t *testing.T) {
	root, _ := write(t, source(t, baseSite))
	for _, st := range schema.Tables {
		b, err := os.ReadFile(filepath.Join(root, "data", st.Name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte(bom)) {
			t.Errorf("%s.csv does not start with the UTF-8 BOM", st.Name)
		}
		if bytes.Contains(b, []byte("\r\n")) {
			t.Errorf("%s.csv has CRLF line ends", st.Name)
		}
		header, _, _ := strings.Cut(strings.TrimPrefix(string(b), bom), "\n")
		var keys []string
		for _, f := range st.Fields {
			keys = append(keys, f.Key)
		}
		if header != strings.Join(keys, ",") {
			t.Errorf("%s.csv header %q, want %q", st.Name, header, strings.Join(keys, ","))
		}
	}
	for _, c := range []struct{ file, want string }{
		// total 80.9 and grade 称职 computed (and flagged so); 92.3 given; no consequence for 称职.
		{"appraisals.csv", "2024,V1,S2,92,95,90,92.3,优秀,9,5,,按不低于当年报酬财政补贴的10%给予奖励,false,false\n"},
		{"appraisals.csv", "2024,V2,S3,80,78,85,80.9,称职,7,4,,,true,true\n"},
		{"appraisals.csv", "2025,V3,S5,50,52,58,53,不称职,2,2,连续不称职,不计算当年任职年限，酌情降低当年报酬补贴,true,true\n"},
		// multi-line cell kept with LF; overdue derived against as_of.
		{"pledges.csv", "P1,V1,S2,任期目标,公益事业,硬化村道2公里,2023-07-10,已完成,\"村道硬化，\n宽4.5米\",2公里,2024-12-31,100,2024-10-01,https://www.example.gov.cn/p1,,false\n"},
		{"pledges.csv", "P2,V1,S2,年度实事,经济发展,建成光伏电站,2024-03-01,推进中,,,2025-06-30,60,2025-09-01,,,true\n"},
		{"villages.csv", "V3,下村,T2,900,260,30,52000.5\n"},
		// leave_reason published as entered; the optional actions table with its year.
		{"secretaries.csv", "S1,张三,V1,书记,2021-01-15,2023-06-30,男,1970,高中,本地能人,true,调任\n"},
		{"actions.csv", "id,secretary_id,date,kind,year,reason,by\nA1,S2,2025-03-15,表彰,2024,2024年度考评优秀，评为优秀村党组织书记,东乡镇党委\n"},
		{"2025/actions.csv", "A2,S5,2025-01-20,谈话诫勉,2024,2024年度考评不称职,西乡镇党委\n"},
		{"2024/appraisals.csv", "2024,V2,S3,80,78,85,80.9,称职,7,4,,,true,true\n"},
	} {
		b, _ := os.ReadFile(filepath.Join(root, "data", c.file))
		if !strings.Contains(string(b), c.want) {
			t.Errorf("%s lacks %q:\n%s", c.file, c.want, b)
		}
	}
	// The per-year files hold exactly the rows of their year.
	b, _ := os.ReadFile(filepath.Join(root, "data", "2025", "appraisals.csv"))
	if strings.Contains(string(b), "2024,") {
		t.Errorf("2025/appraisals.csv has 2024 rows:\n%s", b)
	}
}

// TestJSON checks that each JSON file parses, holds the CSV's rows with the
// same keys in the same order, and types its values.
func TestJSON(t *testing.T) {
	root, _ := write(t, source(t, sampleSite(t, 30)))
	for _, st := range schema.Tables {
		records := readCSV(t, filepath.Join(root, "data", st.Name+".csv"))
		b, err := os.ReadFile(filepath.Join(root, "data", st.Name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(b) {
			t.Fatalf("%s.json is not valid JSON", st.Name)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if tok, _ := dec.Token(); tok != json.Delim('[') {
			t.Fatalf("%s.json does not start with [", st.Name)
		}
		for row := 1; dec.More(); row++ {
			if row >= len(records) {
				t.Fatalf("%s.json has more rows than the CSV", st.Name)
			}
			dec.Token() // {
			for col := 0; dec.More(); col++ {
				key, _ := dec.Token()
				val, _ := dec.Token()
				if key != records[0][col] {
					t.Fatalf("%s.json row %d key %d is %v, want %s", st.Name, row, col, key, records[0][col])
				}
				f, _ := st.Field(records[0][col])
				if got, want := jsonText(val), records[row][col]; got != want {
					t.Errorf("%s.json row %d %s = %q, CSV %q", st.Name, row, key, got, want)
				}
				if !jsonTypeOK(f, val) {
					t.Errorf("%s.json row %d %s: %T %v for a %s column", st.Name, row, key, val, val, f.Type)
				}
			}
			dec.Token() // }
		}
	}
}

func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(bom)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return records
}

// jsonText renders a decoded JSON value as the CSV writes it.
func jsonText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "true"
		}
		return "false"
	case string:
		return v
	}
	return "?"
}

func jsonTypeOK(f *schema.Field, v any) bool {
	switch v.(type) {
	case nil:
		return !f.Required
	case json.Number:
		return f.Type == schema.Int || f.Type == schema.Number || f.Type == schema.Year
	case bool:
		return f.Type == schema.Bool
	case string:
		return f.Type != schema.Int && f.Type != schema.Number && f.Type != schema.Year && f.Type != schema.Bool
	}
	return false
}

// TestDeterministic writes the same dataset three times (excelize's map
// order varies from run to run) and expects byte-identical files.
func TestDeterministic(t *testing.T) {
	d := source(t, sampleSite(t, 40))
	first, files := write(t, d)
	for run := 0; run < 2; run++ {
		again, files2 := write(t, d)
		if !reflect.DeepEqual(files, files2) {
			t.Fatalf("run %d: files differ", run+2)
		}
		for _, f := range files {
			a, _ := os.ReadFile(filepath.Join(first, f.Path))
			b, _ := os.ReadFile(filepath.Join(again, f.Path))
			if !bytes.Equal(a, b) {
				t.Errorf("run %d: %s differs", run+2, f.Path)
			}
		}
	}
}

// TestPrivacy: with publish_birth_year = false no file, descriptor or
// dictionary entry has a birth_year column, and the files still load back.
func TestPrivacy(t *testing.T) {
	dir := copySite(t, baseSite, func(s string) string {
		out := strings.Replace(s, "publish_birth_year = true", "publish_birth_year = false", 1)
		if out == s {
			t.Fatal("site.toml does not set publish_birth_year = true")
		}
		return out
	})
	d := source(t, dir)
	root, files := write(t, d)
	for _, f := range files {
		if f.Path == WorkbookPath {
			continue // checked below
		}
		b, _ := os.ReadFile(filepath.Join(root, f.Path))
		if bytes.Contains(b, []byte("birth_year")) || bytes.Contains(b, []byte("出生年份")) {
			t.Errorf("%s mentions birth_year", f.Path)
		}
	}
	for _, h := range sheetHeaders(t, filepath.Join(root, WorkbookPath))["书记"] {
		if h == "出生年份" {
			t.Error("gongshi.xlsx has a birth_year column")
		}
	}
	for _, tb := range Dictionary(d) {
		for _, c := range tb.Columns {
			if c.Key == "birth_year" {
				t.Error("the dictionary lists birth_year")
			}
		}
	}
	// Control: published, the column is there.
	root, _ = write(t, source(t, baseSite))
	b, _ := os.ReadFile(filepath.Join(root, "data", "secretaries.csv"))
	if !bytes.Contains(b, []byte("birth_year")) {
		t.Error("secretaries.csv lacks birth_year although publish_birth_year = true")
	}
}

// TestDictionary checks the dictionary against the files Write produces.
func TestDictionary(t *testing.T) {
	d := source(t, baseSite)
	root, files := write(t, d)
	paths := map[string]bool{}
	for _, f := range files {
		paths[f.Path] = true
	}
	dict := Dictionary(d)
	if len(dict) != len(schema.Tables) {
		t.Fatalf("%d tables, want %d", len(dict), len(schema.Tables))
	}
	for _, tb := range dict {
		records := readCSV(t, filepath.Join(root, tb.CSV))
		if tb.Rows != len(records)-1 {
			t.Errorf("%s: Rows %d, CSV has %d", tb.Name, tb.Rows, len(records)-1)
		}
		var keys []string
		for _, c := range tb.Columns {
			keys = append(keys, c.Key)
			if c.Label == "" || c.Desc == "" || c.DescEn == "" {
				t.Errorf("%s.%s: incomplete %+v", tb.Name, c.Key, c)
			}
		}
		if !slices.Equal(keys, records[0]) {
			t.Errorf("%s: columns %q, CSV header %q", tb.Name, keys, records[0])
		}
		if !paths[tb.CSV] || !paths[tb.JSON] || !tb.InWorkbook {
			t.Errorf("%s: downloads %s %s (workbook %v) not all written", tb.Name, tb.CSV, tb.JSON, tb.InWorkbook)
		}
		sum := 0
		for _, y := range tb.Years {
			sum += y.Rows
			if !paths[y.Path] {
				t.Errorf("%s: %s not written", tb.Name, y.Path)
			}
			if got := len(readCSV(t, filepath.Join(root, y.Path))) - 1; got != y.Rows {
				t.Errorf("%s: %s has %d rows, dictionary says %d", tb.Name, y.Path, got, y.Rows)
			}
		}
		if (tb.Years != nil) != (schema.Get(tb.Name).DateKey != "") || tb.Years != nil && sum != tb.Rows {
			t.Errorf("%s: years %+v for %d rows", tb.Name, tb.Years, tb.Rows)
		}
	}
	// A few constraints spelled out.
	col := func(table, key string) Column {
		for _, tb := range dict {
			for _, c := range tb.Columns {
				if tb.Name == table && c.Key == key {
					return c
				}
			}
		}
		t.Fatalf("no column %s.%s", table, key)
		return Column{}
	}
	f := func(x float64) *float64 { return &x }
	for _, c := range []struct {
		got  Column
		want Column
	}{
		{col("pledges", "status"), Column{Enum: schema.PledgeStatuses}},
		{col("pledges", "progress"), Column{Min: f(0), Max: f(100)}},
		{col("pledges", "village_id"), Column{Pattern: schema.IDPattern, Ref: "villages", RefKey: "id"}},
		{col("pledges", "id"), Column{Pattern: schema.IDPattern, Unique: true}},
		{col("appraisals", "grade"), Column{Enum: schema.DefaultGrades, FromRules: true}},
		{col("appraisals", "year"), Column{Unique: true, UniqueWith: []string{"year", "secretary_id"}}},
		{col("villages", "population"), Column{Min: f(0)}},
		{col("hearing_questions", "seq"), Column{Min: f(1), Unique: true, UniqueWith: []string{"hearing_id", "seq"}}}, // its max (1e9) only stands for "no limit"
	} {
		w, g := c.want, c.got
		if !reflect.DeepEqual(w.Enum, g.Enum) || w.FromRules != g.FromRules || w.Pattern != g.Pattern || w.Ref != g.Ref ||
			w.RefKey != g.RefKey || w.Unique != g.Unique || !slices.Equal(w.UniqueWith, g.UniqueWith) ||
			!reflect.DeepEqual(w.Min, g.Min) || !reflect.DeepEqual(w.Max, g.Max) {
			t.Errorf("%s: %+v, want %+v", g.Key, g, w)
		}
	}
	if c := col("pledges", "overdue"); !c.Derived || c.Required {
		t.Errorf("overdue: %+v, want derived", c)
	}
	for _, c := range []struct {
		got  Column
		want Column
	}{
		{col("secretaries", "leave_reason"), Column{Enum: schema.LeaveReasons}},
		{col("pledges", "replaced_by"), Column{Pattern: schema.IDPattern, Ref: "pledges", RefKey: "id"}},
		{col("hearings", "outcome"), Column{Enum: schema.Outcomes}},
		{col("actions", "kind"), Column{Enum: schema.ActionKinds}},
		{col("actions", "secretary_id"), Column{Pattern: schema.IDPattern, Ref: "secretaries", RefKey: "id"}},
	} {
		if !reflect.DeepEqual(c.want.Enum, c.got.Enum) || c.want.Ref != c.got.Ref || c.want.Pattern != c.got.Pattern {
			t.Errorf("%s: %+v, want %+v", c.got.Key, c.got, c.want)
		}
	}
	if c := col("pledges", "replaced_by"); c.Required {
		t.Error("replaced_by is required")
	}
}
