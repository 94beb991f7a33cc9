package opendata

import (
	"reflect"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/formula"
	"gongshi/generator/output"
)

// The downloads for people — data/zh/<table>.csv and the workbook — carry
// what a reader in Excel needs without looking anything up: Chinese headers,
// Chinese values (是/否 for booleans), and beside every village, township or
// secretary ID the name it stands for (a village ID also gets its
// township's name, to sort and filter by), beside a pledge or hearing ID its
// title or topic, and on a row about a pledge, hearing or secretary the
// village and township it belongs to. The machine-readable CSV and JSON
// keep English keys and IDs only.

// ZhCSVPath returns the download for people of a table.
func ZhCSVPath(table string) string { return "data/zh/" + table + ".csv" }

// personCol is one column of a download for people: a published column, or
// a name looked up from the ID column before it.
type personCol struct {
	label string
	col   *column                        // the published column, or nil for a name
	name  func(row reflect.Value) string // for a name column
}

// peopleColumns returns the columns of table t for people, in order. A
// table with no village column of its own (updates, questions, trainings,
// actions) also gets the village and township of the pledge, hearing or
// secretary it refers to, and a pledge or hearing ID its title or topic.
func peopleColumns(t *table, d *dataset.Dataset) []personCol {
	ownVillage := false
	for i := range t.cols {
		ownVillage = ownVillage || t.cols[i].field.Ref == "villages"
	}
	township := d.TownshipName
	// places returns the village and township name columns of the village
	// that vid finds for a row.
	places := func(vid func(row reflect.Value) string) []personCol {
		village := func(row reflect.Value) *dataset.Village { return d.VillageOf(vid(row)) }
		return []personCol{
			{label: "村名", name: func(row reflect.Value) string {
				if v := village(row); v != nil {
					return v.Name
				}
				return ""
			}},
			{label: "乡镇名称", name: func(row reflect.Value) string {
				if v := village(row); v != nil {
					return township(v.TownshipID)
				}
				return ""
			}},
		}
	}
	// about returns the columns beside an ID into another table: the name
	// (or title) of the row it names and, for a table without a village of
	// its own, that row's village and township. of gives both of row i.
	about := func(id func(row reflect.Value) string, label string, byID map[string]int, of func(i int) (name, village string)) []personCol {
		look := func(row reflect.Value) (string, string) {
			if i, ok := byID[id(row)]; ok {
				return of(i)
			}
			return "", ""
		}
		cols := []personCol{{label: label, name: func(row reflect.Value) string { n, _ := look(row); return n }}}
		if !ownVillage {
			cols = append(cols, places(func(row reflect.Value) string { _, v := look(row); return v })...)
		}
		return cols
	}
	var out []personCol
	for i := range t.cols {
		c := &t.cols[i]
		out = append(out, personCol{label: c.field.Label, col: c})
		idx := c.index
		id := func(row reflect.Value) string { return row.Field(idx).String() }
		switch c.field.Ref {
		case "villages":
			out = append(out, places(id)...)
		case "townships":
			out = append(out, personCol{label: "乡镇名称", name: func(row reflect.Value) string { return township(id(row)) }})
		case "secretaries":
			out = append(out, about(id, "书记姓名", d.SecretaryByID, func(i int) (string, string) {
				return d.Secretaries[i].Name, d.Secretaries[i].VillageID
			})...)
		case "pledges":
			out = append(out, about(id, strings.TrimSuffix(c.field.Label, "编号")+"标题", d.PledgeByID, func(i int) (string, string) {
				return d.Pledges[i].Title, d.Pledges[i].VillageID
			})...)
		case "hearings":
			out = append(out, about(id, strings.TrimSuffix(c.field.Label, "编号")+"议题", d.HearingByID, func(i int) (string, string) {
				return d.Hearings[i].Topic, d.Hearings[i].VillageID
			})...)
		}
	}
	return out
}

// text returns a cell for the Chinese CSV: booleans 是/否, the rest as the
// machine CSV writes it (formula-like text escaped there too).
func (p *personCol) text(row reflect.Value) string {
	if p.col == nil {
		return formula.Guard(p.name(row))
	}
	switch p.col.kind {
	case kBool:
		return yesNo(row.Field(p.col.index).Bool())
	case kBoolPtr:
		if v := row.Field(p.col.index); !v.IsNil() {
			return yesNo(v.Elem().Bool())
		}
		return ""
	}
	return p.col.csvText(row)
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// csvText returns a cell as every CSV download writes it: text as the
// machine CSV does (column.text), with formula-like text escaped.
func (c *column) csvText(row reflect.Value) string {
	if c.kind == kString {
		return formula.Guard(row.Field(c.index).String())
	}
	return c.text(row)
}

// writeZhCSV writes data/zh/<table>.csv: Chinese headers, names beside IDs,
// UTF-8 with BOM.
func writeZhCSV(root *output.Writer, t *table, d *dataset.Dataset) (File, error) {
	cols := peopleColumns(t, d)
	o, err := create(root, ZhCSVPath(t.schema.Name))
	if err != nil {
		return File{}, err
	}
	c := &csvOut{o: o, w: newCSVWriter(o)}
	o.WriteString(bom)
	rec := make([]string, len(cols))
	for i, p := range cols {
		rec[i] = p.label
	}
	c.w.Write(rec)
	for i, n := 0, t.len(); i < n; i++ {
		row := t.row(i)
		for j := range cols {
			rec[j] = cols[j].text(row)
		}
		if err := c.w.Write(rec); err != nil {
			o.abort()
			return File{}, err
		}
	}
	return c.close()
}
