package site

import (
	"strings"

	"gongshi/generator/i18n"
	"gongshi/generator/opendata"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// DataView is the downloads page: every table with its columns and files,
// the whole-dataset files, licence and how to verify the checksums.
type DataView struct {
	License     string
	LicenseHref string
	AsOf        string
	Cite        string // how to credit the data: the site's title and as_of
	CiteHref    string // with an absolute base_url, the page's address, as text after Cite (every link on a page is relative)
	Workbook    string // link to gongshi.xlsx
	Package     string // link to datapackage.json
	Sums        string // link to SHA256SUMS
	Tables      []DataTable
}

// DataTable is one table of the data dictionary, worded for the page.
type DataTable struct {
	Name       string // table name and file stem, e.g. "pledges"
	Title      string // in the site's language
	OtherTitle string // in the other language,
	OtherLang  string // which is this
	Desc       string
	Rows       int
	InWorkbook bool
	Columns    []DataColumn
	CSVHref    string
	JSONHref   string
	ZhCSVHref  string // the CSV for people: Chinese headers, names beside IDs
	YearLinks  []YearLink
	YearKey    string // the date column whose year puts a row in a year's file
	Anchor     string
	KeyText    string // the primary key, in words
}

// DataColumn is one column of the data dictionary, worded for the page.
type DataColumn struct {
	Key         string
	Label       string // the Chinese header (marked lang="zh-CN" on the page)
	Type        string // the type in the site's language
	Desc        string
	Derived     bool
	Constraints []Constraint // what a value must be, one phrase each
}

// Constraint is one phrase of what a value must be: Text, then (for enums)
// the values as published, each a Chinese word marked as such, then After.
type Constraint struct {
	Text   string
	Values []EnumValue
	After  string
}

// EnumValue is one allowed value of an enum column: the Chinese value the
// files hold and, on English pages, its English alias.
type EnumValue struct {
	Value, Alias string
}

func (s *Site) dataPage(path string) (*Page, error) {
	d := s.D
	p := s.frame(path, s.T("nav_data"), route.Section(route.DataPage))
	p.Description = s.T("data_description")
	v := &DataView{License: d.Site.License, LicenseHref: opendata.LicenseURL(d.Site.License), AsOf: s.date(d.Site.AsOf),
		Workbook: route.Rel(path, opendata.WorkbookPath), Package: route.Rel(path, opendata.DatapackagePath), Sums: route.Rel(path, opendata.SumsPath)}
	v.Cite, v.CiteHref = s.C.Tf("data_cite", "title", d.Site.Title, "as_of", v.AsOf), p.Canonical
	for _, t := range opendata.Dictionary(d) {
		st := schema.Get(t.Name)
		dt := DataTable{Name: t.Name, Title: t.Title, OtherTitle: t.TitleEn, OtherLang: "en", Desc: t.Desc, Rows: t.Rows, InWorkbook: t.InWorkbook,
			CSVHref: route.Rel(path, t.CSV), JSONHref: route.Rel(path, t.JSON), ZhCSVHref: route.Rel(path, t.ZhCSV), Anchor: "t-" + t.Name,
			KeyText: strings.Join(t.PrimaryKey, " + ")}
		if s.C.English() {
			dt.Title, dt.OtherTitle, dt.OtherLang, dt.Desc = t.TitleEn, t.Title, "zh-CN", st.DescEn
		}
		if len(t.Years) > 0 {
			dt.YearKey = st.DateKey
		}
		for _, y := range t.Years {
			dt.YearLinks = append(dt.YearLinks, YearLink{Year: y.Year, Href: route.Rel(path, y.Path), Count: y.Rows})
		}
		for _, c := range t.Columns {
			dt.Columns = append(dt.Columns, s.dataColumn(c))
		}
		v.Tables = append(v.Tables, dt)
	}
	p.Main = v
	return p, nil
}

// dataColumn words one column of the dictionary (keys dict.*).
func (s *Site) dataColumn(c opendata.Column) DataColumn {
	dc := DataColumn{Key: c.Key, Label: c.Label, Type: s.T("dict.type." + c.Type.String()), Desc: c.Desc, Derived: c.Derived}
	if s.C.English() {
		dc.Desc = c.DescEn
	}
	add := func(key string, pairs ...string) {
		dc.Constraints = append(dc.Constraints, Constraint{Text: s.C.Tf("dict."+key, pairs...)})
	}
	if c.Required {
		add("required")
	}
	if c.Derived {
		add("derived")
	}
	switch {
	case c.Unique && len(c.UniqueWith) > 0:
		add("unique_together", "key", strings.Join(c.UniqueWith, " + "))
	case c.Unique:
		add("unique")
	}
	switch c.Type {
	case schema.ID:
		add("pattern", "pattern", c.Pattern)
	case schema.Date:
		add("date")
	case schema.Bool:
		add("bool")
	case schema.Year:
		add("year")
	case schema.Enum, schema.Grade:
		key := "enum"
		if c.FromRules {
			key = "grades"
		}
		before, after, _ := strings.Cut(s.T("dict."+key), "{list}")
		k := Constraint{Text: before, After: after}
		for _, ch := range c.Enum {
			v := EnumValue{Value: ch.Zh}
			if s.C.English() {
				v.Alias = ch.En
			}
			k.Values = append(k.Values, v)
		}
		dc.Constraints = append(dc.Constraints, k)
	}
	if c.Ref != "" {
		title := c.Ref
		if rt := schema.Get(c.Ref); rt != nil {
			title = rt.Title
			if s.C.English() {
				title = rt.TitleEn
			}
		}
		add("ref", "table", c.Ref, "title", title, "key", c.RefKey)
	}
	switch {
	case c.Min != nil && c.Max != nil:
		add("range", "min", i18n.Num(*c.Min), "max", i18n.Num(*c.Max))
	case c.Min != nil:
		add("min", "min", i18n.Num(*c.Min))
	case c.Max != nil:
		add("max", "max", i18n.Num(*c.Max))
	}
	return dc
}
