package site

import (
	"strings"

	"gongshi/generator/opendata"
)

// DataView is the downloads page: every table with its columns and files,
// the whole-dataset files, licence and how to verify the checksums.
type DataView struct {
	License     string
	LicenseHref string
	AsOf        string
	Workbook    string // link to gongshi.xlsx
	Package     string // link to datapackage.json
	Sums        string // link to SHA256SUMS
	Tables      []DataTable
}

// DataTable is one table of the data dictionary with links relative to the page.
type DataTable struct {
	opendata.Table
	CSVHref   string
	JSONHref  string
	ZhCSVHref string // the CSV for people
	YearLinks []YearLink
	Anchor    string
	KeyText   string // the primary key, in words
}

func (s *Site) dataPage(path string) (*Page, error) {
	d := s.D
	p := s.frame(path, s.Theme.T("nav_data"), "data")
	p.Description = s.Theme.T("data_description")
	v := &DataView{License: d.Site.License, LicenseHref: opendata.LicenseURL(d.Site.License), AsOf: s.date(d.Site.AsOf),
		Workbook: rel(path, opendata.WorkbookPath), Package: rel(path, opendata.DatapackagePath), Sums: rel(path, opendata.SumsPath)}
	for _, t := range opendata.Dictionary(d) {
		dt := DataTable{Table: t, CSVHref: rel(path, t.CSV), JSONHref: rel(path, t.JSON), ZhCSVHref: rel(path, t.ZhCSV), Anchor: "t-" + t.Name,
			KeyText: strings.Join(t.PrimaryKey, " + ")}
		for _, y := range t.Years {
			dt.YearLinks = append(dt.YearLinks, YearLink{Year: y.Year, Href: rel(path, y.Path), Count: y.Rows})
		}
		v.Tables = append(v.Tables, dt)
	}
	p.Main = v
	return p, nil
}
