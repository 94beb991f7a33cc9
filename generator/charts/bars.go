package charts

import (
	"gongshi/generator/route"
)

// Bars is a small chart drawn at build time rather than by ECharts: a table
// with one row per category and one column per series, each cell holding
// its number as text and a bar as long as the number's share of the scale.
// A village's notice page draws its charts this way, so that it runs no
// script and weighs a few kilobytes on a villager's phone, and prints as
// it reads.
type Bars struct {
	ID    string   // element ID from [A-Za-z0-9_]
	Title string   // the caption
	Desc  string   // one-sentence description (the same as an ECharts chart's)
	Head  []string // what the categories are, then the series names
	Rows  []BarRow
	CSV   string // site path of the CSV of its numbers
}

// BarRow is one category of a Bars chart.
type BarRow struct {
	Label string
	Cells []BarCell // one per series
}

// BarCell is one value: its text ("" when not given) and its bar's length
// as a share of the full scale, from 0 to 1.
type BarCell struct {
	Text  string
	Share float64
}

// bars lays out chart data as a Bars chart.
func (m *Maker) bars(d *Data, id, csvPath string) Bars {
	b := Bars{ID: id, Title: d.Title, Desc: m.describe(d), CSV: csvPath, Head: []string{d.XLabel}}
	top := make([]float64, len(d.Series))
	for k, s := range d.Series {
		b.Head = append(b.Head, s.Name)
		top[k] = s.Max
		if top[k] <= 0 {
			for _, v := range s.Values {
				top[k] = max(top[k], v)
			}
		}
	}
	for i, c := range d.Categories {
		row := BarRow{Label: c}
		for k, s := range d.Series {
			cell := BarCell{}
			if !s.empty(i) {
				cell.Text = fmtValue(s.Values[i])
				if top[k] > 0 {
					cell.Share = min(1, max(0, s.Values[i]/top[k]))
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		b.Rows = append(b.Rows, row)
	}
	return b
}

// VillageBars returns the charts of one village's notice page, its scores
// and its stars over the years, drawn at build time (Bars), with their CSVs
// by site path; none when the village has no appraisals.
func (m *Maker) VillageBars(id string) ([]Bars, map[string][]byte) {
	if len(m.d.AppraisalsOf.Of(id)) == 0 {
		return nil, nil
	}
	files := map[string][]byte{}
	var out []Bars
	for _, c := range []struct {
		name string
		data *Data
	}{{"scores", m.villageScores(id)}, {"stars", m.villageStars(id)}} {
		path := route.VillageChartCSV(id, c.name)
		out = append(out, m.bars(c.data, chartID(c.name+"-"+id), path))
		files[path] = CSV(c.data)
	}
	return out, files
}
