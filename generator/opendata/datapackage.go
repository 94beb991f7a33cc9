package opendata

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// The descriptor follows Frictionless Data Package v1 with the Tabular Data
// Package profile: one tabular-data-resource per table (its CSV), each with
// an inline Table Schema. The structs below give the JSON its key order.

type dataPackage struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Title       string     `json:"title,omitempty"`
	Description string     `json:"description,omitempty"`
	Homepage    string     `json:"homepage,omitempty"`
	Created     string     `json:"created,omitempty"`
	Keywords    []string   `json:"keywords,omitempty"`
	Licenses    []license  `json:"licenses,omitempty"`
	Resources   []resource `json:"resources"`
}

type license struct {
	Name  string `json:"name,omitempty"`
	Path  string `json:"path,omitempty"`
	Title string `json:"title,omitempty"`
}

type resource struct {
	Profile     string      `json:"profile"`
	Name        string      `json:"name"`
	Path        string      `json:"path"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Format      string      `json:"format"`
	Mediatype   string      `json:"mediatype"`
	Encoding    string      `json:"encoding"`
	Bytes       int64       `json:"bytes"`
	Hash        string      `json:"hash"`
	Dialect     dialect     `json:"dialect"`
	Schema      tableSchema `json:"schema"`
}

type dialect struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
	Header         bool   `json:"header"`
}

type tableSchema struct {
	Fields        []tsField    `json:"fields"`
	PrimaryKey    []string     `json:"primaryKey,omitempty"`
	ForeignKeys   []foreignKey `json:"foreignKeys,omitempty"`
	MissingValues []string     `json:"missingValues"`
}

type tsField struct {
	Name        string       `json:"name"`
	Title       string       `json:"title"`
	Description string       `json:"description,omitempty"`
	Type        string       `json:"type"`
	Format      string       `json:"format"`
	Constraints *constraints `json:"constraints,omitempty"`
}

type constraints struct {
	Required bool     `json:"required,omitempty"`
	Unique   bool     `json:"unique,omitempty"`
	Pattern  string   `json:"pattern,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	Minimum  *float64 `json:"minimum,omitempty"`
	Maximum  *float64 `json:"maximum,omitempty"`
}

type foreignKey struct {
	Fields    string    `json:"fields"`
	Reference reference `json:"reference"`
}

type reference struct {
	Resource string `json:"resource"`
	Fields   string `json:"fields"`
}

// PackageName is the descriptor's name: Frictionless wants lower-case ASCII,
// and county names are Chinese, so it is the same for every site.
const PackageName = "gongshi-data"

// idPattern is schema.IDPattern without anchors: Table Schema patterns are
// XML Schema regular expressions, which are anchored implicitly and read ^
// and $ as literal characters.
var idPattern = strings.TrimSuffix(strings.TrimPrefix(schema.IDPattern, "^"), "$")

// knownLicenses gives the URL and title of common open-data licences, by
// SPDX identifier (matched case-insensitively).
var knownLicenses = map[string]license{
	"cc-by-4.0":    {Path: "https://creativecommons.org/licenses/by/4.0/", Title: "Creative Commons Attribution 4.0 International"},
	"cc-by-sa-4.0": {Path: "https://creativecommons.org/licenses/by-sa/4.0/", Title: "Creative Commons Attribution-ShareAlike 4.0 International"},
	"cc0-1.0":      {Path: "https://creativecommons.org/publicdomain/zero/1.0/", Title: "Creative Commons Zero v1.0 Universal"},
	"odc-by-1.0":   {Path: "https://opendatacommons.org/licenses/by/1-0/", Title: "Open Data Commons Attribution License v1.0"},
	"odbl-1.0":     {Path: "https://opendatacommons.org/licenses/odbl/1-0/", Title: "Open Data Commons Open Database License v1.0"},
	"pddl-1.0":     {Path: "https://opendatacommons.org/licenses/pddl/1-0/", Title: "Open Data Commons Public Domain Dedication and License v1.0"},
}

// LicenseURL returns the web page of a well-known licence (SPDX id, any
// case), or "".
func LicenseURL(id string) string { return knownLicenses[strings.ToLower(id)].Path }

// licenseName is what the Data Package profile accepts as a licence name.
var licenseName = regexp.MustCompile(`^[-a-zA-Z0-9._]+$`)

// datapackage returns data/datapackage.json for the tables, given the
// written CSVs (for their sizes and hashes).
func datapackage(d *dataset.Dataset, tables []table, written map[string]File) ([]byte, error) {
	p := dataPackage{
		Profile:     "tabular-data-package",
		Name:        PackageName,
		Title:       d.Site.Title,
		Description: description(d),
		Keywords:    []string{"gongshi", "村党组织书记"},
	}
	if d.Site.County != "" {
		p.Keywords = append(p.Keywords, d.Site.County)
	}
	if strings.HasPrefix(d.Site.BaseURL, "https://") || strings.HasPrefix(d.Site.BaseURL, "http://") {
		p.Homepage = d.Site.BaseURL
	}
	if d.Site.AsOf != "" {
		p.Created = d.Site.AsOf + "T00:00:00Z"
	}
	if lic := d.Site.License; licenseName.MatchString(lic) {
		l := knownLicenses[strings.ToLower(lic)]
		l.Name = lic
		p.Licenses = []license{l}
	}
	for i := range tables {
		t := &tables[i]
		f := written["data/"+t.schema.Name+".csv"]
		p.Resources = append(p.Resources, resource{
			Profile:     "tabular-data-resource",
			Name:        t.schema.Name,
			Path:        t.schema.Name + ".csv",
			Title:       t.schema.Title + " " + t.schema.TitleEn,
			Description: bilingual(t.schema.Desc, t.schema.DescEn),
			Format:      "csv",
			Mediatype:   "text/csv",
			Encoding:    "utf-8", // with a BOM, which Frictionless readers skip
			Bytes:       f.Bytes,
			Hash:        "sha256:" + f.SHA256,
			Dialect:     dialect{Delimiter: ",", LineTerminator: "\n", QuoteChar: `"`, DoubleQuote: true, Header: true},
			Schema:      tableSchemaOf(t, &d.Rules),
		})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func description(d *dataset.Dataset) string {
	s := d.Site.County + "村党组织书记履职公开数据：承诺事项、年度评议、民主听证、教育培训等。"
	if d.Site.AsOf != "" {
		s += "数据截至 " + d.Site.AsOf + "。"
	}
	return s + " Records on the village Party-branch secretaries of a county, published by gongshi."
}

// bilingual joins a Chinese description and its English (Data Package has
// one description per field, and readers of either language use the file).
func bilingual(zh, en string) string {
	if en == "" || en == zh {
		return zh
	}
	return zh + " / " + en
}

// tableSchemaOf returns the Table Schema of a table's published columns.
func tableSchemaOf(t *table, rules *dataset.Rules) tableSchema {
	s := tableSchema{PrimaryKey: t.schema.PrimaryKey, MissingValues: []string{""}}
	single := len(t.schema.PrimaryKey) == 1
	for _, c := range t.cols {
		f := c.field
		tf := tsField{Name: f.Key, Title: f.Label, Description: bilingual(f.Desc, f.DescEn), Type: tsType(f.Type), Format: "default"}
		var k constraints
		k.Required = f.Required
		k.Unique = single && t.schema.PrimaryKey[0] == f.Key
		switch f.Type {
		case schema.ID:
			k.Pattern = idPattern
		case schema.Enum:
			k.Enum = f.Enum.Values()
		case schema.Grade:
			k.Enum = rules.GradeNames()
		}
		if f.HasMin {
			k.Minimum = ptr(f.Min)
		}
		if f.HasMax && !openMax(f) {
			k.Maximum = ptr(f.Max)
		}
		if k.Required || k.Unique || k.Pattern != "" || k.Enum != nil || k.Minimum != nil || k.Maximum != nil {
			tf.Constraints = &k
		}
		s.Fields = append(s.Fields, tf)
		if f.Ref != "" {
			// Table Schema v1: a reference within the same table (pledges.replaced_by
			// → pledges.id) names the resource "", not itself.
			res := f.Ref
			if res == t.schema.Name {
				res = ""
			}
			s.ForeignKeys = append(s.ForeignKeys, foreignKey{Fields: f.Key, Reference: reference{Resource: res, Fields: refKey(f.Ref)}})
		}
	}
	return s
}

// tsType maps a schema type to a Table Schema type. IDs, enums and grades are
// strings with a pattern or enum constraint.
func tsType(t schema.Type) string {
	switch t {
	case schema.Int:
		return "integer"
	case schema.Number:
		return "number"
	case schema.Date:
		return "date" // format "default": YYYY-MM-DD
	case schema.Bool:
		return "boolean"
	case schema.Year:
		return "year"
	}
	return "string"
}

// openMax reports whether a field's maximum is only a sentinel (seq's 1e9),
// which the loader does not report as a bound either.
func openMax(f *schema.Field) bool { return f.Max >= 1e9 }

// refKey returns the key column a reference points at: the referenced
// table's one-column primary key.
func refKey(table string) string {
	if t := schema.Get(table); t != nil && len(t.PrimaryKey) == 1 {
		return t.PrimaryKey[0]
	}
	return "id"
}

func ptr(f float64) *float64 { return &f }
