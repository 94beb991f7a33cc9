package opendata

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// profiles compiles the vendored Frictionless JSON Schemas (see
// testdata/frictionless/README.md).
func profiles(t *testing.T) (dataPackage, tabularPackage, tableSchema *jsonschema.Schema) {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	compile := func(name string) *jsonschema.Schema {
		s, err := c.Compile(filepath.Join("testdata", "frictionless", name))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	return compile("data-package.json"), compile("tabular-data-package.json"), compile("table-schema.json")
}

func readDatapackage(t *testing.T, root string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(DatapackagePath)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// validate checks a descriptor against the Data Package and Tabular Data
// Package profiles, and each resource's schema against Table Schema.
func validate(t *testing.T, b []byte) error {
	t.Helper()
	dp, tdp, ts := profiles(t)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return err
	}
	if err := dp.Validate(doc); err != nil {
		return err
	}
	if err := tdp.Validate(doc); err != nil {
		return err
	}
	for _, r := range doc.(map[string]any)["resources"].([]any) {
		if err := ts.Validate(r.(map[string]any)["schema"]); err != nil {
			return err
		}
	}
	return nil
}

// TestDatapackageValid validates datapackage.json against the official
// profiles, and makes sure the validation can fail.
func TestDatapackageValid(t *testing.T) {
	for _, c := range []struct{ name, dir string }{{"base", baseSite}, {"sample", sampleSite(t, 20)}} {
		t.Run(c.name, func(t *testing.T) {
			root, _ := write(t, source(t, c.dir))
			b := readDatapackage(t, root)
			if err := validate(t, b); err != nil {
				t.Fatalf("datapackage.json is not a valid Tabular Data Package: %v", err)
			}
		})
	}
	root, _ := write(t, source(t, baseSite))
	b := readDatapackage(t, root)
	for _, bad := range []struct{ from, to string }{
		{`"name": "pledges"`, `"name": "Pledges"`},                 // resource names are lower case
		{`"type": "date"`, `"type": "calendar-date"`},              // no such field type
		{`"hash": "sha256:`, `"hash": "sha256:xyz`},                // hash is hex
		{`"created": "2025-12-31T00:00:00Z"`, `"created": "2025"`}, // not a date-time
		{`"profile": "tabular-data-package"`, `"profile": "tabular"`},
	} {
		broken := bytes.Replace(b, []byte(bad.from), []byte(bad.to), 1)
		if bytes.Equal(broken, b) {
			t.Errorf("control %q: not found in datapackage.json", bad.from)
			continue
		}
		if err := validate(t, broken); err == nil {
			t.Errorf("control %q → %q: validation passed", bad.from, bad.to)
		}
	}
}

// descriptor is the part of datapackage.json that TestDatapackageAgrees reads.
type descriptor struct {
	Name      string
	Created   string
	Licenses  []license
	Resources []struct {
		Name, Path string
		Schema     struct {
			Fields []struct {
				Name, Type  string
				Constraints struct {
					Required         bool
					Unique           bool
					Pattern          string
					Enum             []string
					Minimum, Maximum *float64
				}
			}
			PrimaryKey  []string
			ForeignKeys []struct {
				Fields    string
				Reference struct{ Resource, Fields string }
			}
			MissingValues []string
		}
	}
}

// TestDatapackageAgrees checks the descriptor against the data, as a
// Frictionless validator would: every resource's fields are its CSV's
// header, every cell has the declared type and meets the constraints,
// primary keys are unique and foreign keys resolve.
func TestDatapackageAgrees(t *testing.T) {
	d := source(t, sampleSite(t, 40))
	root, _ := write(t, d)
	var p descriptor
	if err := json.Unmarshal(readDatapackage(t, root), &p); err != nil {
		t.Fatal(err)
	}
	if p.Name != PackageName || p.Created != d.Site.AsOf+"T00:00:00Z" ||
		len(p.Licenses) != 1 || p.Licenses[0].Name != d.Site.License || p.Licenses[0].Path == "" {
		t.Errorf("package metadata: %s %s %+v", p.Name, p.Created, p.Licenses)
	}
	keys := map[string]map[string]bool{} // resource → values of its one-column primary key
	type ref struct{ table, field, target string }
	var refs []ref
	selfRefs := 0
	for _, r := range p.Resources {
		records := readCSV(t, filepath.Join(root, "data", r.Path))
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
		}
		if !slices.Equal(names, records[0]) {
			t.Errorf("%s: fields %q, CSV header %q", r.Name, names, records[0])
		}
		if !slices.Equal(r.Schema.MissingValues, []string{""}) {
			t.Errorf("%s: missingValues %q", r.Name, r.Schema.MissingValues)
		}
		for j, f := range r.Schema.Fields {
			var pattern *regexp.Regexp
			if f.Constraints.Pattern != "" {
				pattern = regexp.MustCompile("^(?:" + f.Constraints.Pattern + ")$")
			}
			seen := map[string]bool{}
			for i, rec := range records[1:] {
				v := rec[j]
				bad := func(why string) { t.Errorf("%s line %d %s %q: %s", r.Name, i+2, f.Name, v, why) }
				if v == "" {
					if f.Constraints.Required {
						bad("required")
					}
					continue
				}
				if !typeOK(f.Type, v) {
					bad("not a " + f.Type)
				}
				if f.Constraints.Enum != nil && !slices.Contains(f.Constraints.Enum, v) {
					bad("not in enum")
				}
				if pattern != nil && !pattern.MatchString(v) {
					bad("does not match pattern")
				}
				if x, err := strconv.ParseFloat(v, 64); err == nil {
					if f.Constraints.Minimum != nil && x < *f.Constraints.Minimum ||
						f.Constraints.Maximum != nil && x > *f.Constraints.Maximum {
						bad("out of range")
					}
				}
				if f.Constraints.Unique && seen[v] {
					bad("not unique")
				}
				seen[v] = true
			}
			if slices.Equal(r.Schema.PrimaryKey, []string{f.Name}) {
				keys[r.Name] = seen
			}
		}
		if len(r.Schema.PrimaryKey) > 1 {
			seen := map[string]bool{}
			for _, rec := range records[1:] {
				var parts []string
				for _, k := range r.Schema.PrimaryKey {
					parts = append(parts, rec[slices.Index(records[0], k)])
				}
				k := strings.Join(parts, "\x00")
				if seen[k] {
					t.Errorf("%s: primary key %q repeated", r.Name, parts)
				}
				seen[k] = true
			}
		}
		for _, fk := range r.Schema.ForeignKeys {
			target := fk.Reference.Resource
			if target == "" { // a self-reference (Table Schema v1)
				target = r.Name
				selfRefs++
			}
			refs = append(refs, ref{r.Name, fk.Fields, target})
			if fk.Reference.Fields != "id" {
				t.Errorf("%s.%s refers to %s.%s", r.Name, fk.Fields, fk.Reference.Resource, fk.Reference.Fields)
			}
		}
	}
	if len(refs) == 0 {
		t.Fatal("no foreign keys")
	}
	if selfRefs != 1 {
		t.Errorf("%d self-references, want 1 (pledges.replaced_by)", selfRefs)
	}
	for _, fk := range refs {
		target, ok := keys[fk.target]
		if !ok {
			t.Errorf("%s.%s refers to %s, which has no one-column key", fk.table, fk.field, fk.target)
			continue
		}
		records := readCSV(t, filepath.Join(root, "data", fk.table+".csv"))
		col := slices.Index(records[0], fk.field)
		for _, rec := range records[1:] {
			if rec[col] != "" && !target[rec[col]] {
				t.Errorf("%s.%s %q not in %s", fk.table, fk.field, rec[col], fk.target)
			}
		}
	}
}

// typeOK reports whether a CSV cell is a value of a Table Schema type.
func typeOK(typ, v string) bool {
	switch typ {
	case "integer":
		_, err := strconv.ParseInt(v, 10, 64)
		return err == nil
	case "number":
		_, err := strconv.ParseFloat(v, 64)
		return err == nil && !strings.ContainsAny(v, "eE")
	case "date":
		_, err := time.Parse(time.DateOnly, v)
		return err == nil
	case "boolean":
		return v == "true" || v == "false"
	case "year":
		n, err := strconv.Atoi(v)
		return err == nil && len(v) == 4 && n > 0
	case "string":
		return true
	}
	return false
}
