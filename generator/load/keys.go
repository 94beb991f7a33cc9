package load

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/problem"
	"gongshi/generator/schema"
)

// tableState is what reading left of a table: whether it has no file at all,
// whether some of its rows could not be read, and its first file.
type tableState struct {
	missing, incomplete bool
	file                string
}

// checkKeys reports, for every table, primary keys used twice and references
// (*_id columns) to rows that do not exist. Both come from the schema, so a
// new table or column is checked without new code here.
//
// References into a table that is missing or could not be read whole are not
// reported row by row: one missing villages.csv would otherwise bury its own
// error under an error for every row that names a village. They are counted
// into one problem that names the cause.
func checkKeys(bindings []binding, state map[*schema.Table]tableState, probs *problem.List) {
	// Maps from an ID to its row (position): the IDs present, for the
	// references below, and for duplicates; folded by case, for IDs that
	// differ only in case. strings.ToUpper returns the ID itself when it has
	// no lower-case letter, so the usual upper-case IDs cost no copy: a
	// province has millions of rows.
	ids := map[string]map[string]int32{} // table → ID → row
	byCase := map[string]caseIndex{}     // single-key tables: each upper-case ID's row, for the case-only hints
	for _, b := range bindings {
		if len(b.table.PrimaryKey) == 0 {
			continue
		}
		rows := b.rows.Elem()
		first := make(map[string]int32, rows.Len())
		// IDs become folder names, and Windows, macOS and FAT/exFAT USB sticks
		// do not tell V1 from v1: such IDs must differ in more than case.
		var folded map[string]int32
		idx := make([]int, len(b.table.PrimaryKey))
		for i, k := range b.table.PrimaryKey {
			idx[i] = b.fields[k]
		}
		single := len(idx) == 1
		if single {
			ids[b.table.Name] = first
			folded = make(map[string]int32, rows.Len())
			byCase[b.table.Name] = caseIndex{rows: rows, field: idx[0], folded: folded}
		}
		parts := make([]string, len(idx))
		srcOf := func(i int32) dataset.Src { return rows.Index(int(i)).Field(0).Interface().(dataset.Src) }
		for i := 0; i < rows.Len(); i++ {
			row := rows.Index(i)
			empty := false
			for j, fi := range idx {
				parts[j] = keyString(row.Field(fi))
				empty = empty || row.Field(fi).IsZero()
			}
			if empty {
				continue // already reported as a missing or bad cell
			}
			key := parts[0]
			if !single {
				key = strings.Join(parts, ", ")
			}
			if single {
				up := strings.ToUpper(key)
				if o, clash := folded[up]; clash {
					if other := keyString(rows.Index(int(o)).Field(idx[0])); other != key {
						prev, src := srcOf(o), srcOf(int32(i))
						probs.Add(at(src, problem.Problem{Code: "id-case", Key: b.table.PrimaryKey[0], Value: key,
							Zh: fmt.Sprintf("与 %s 的 %s 只有大小写不同（编号会成为文件夹名，不区分大小写的系统上会冲突）", prev.PlaceZh(), other),
							En: fmt.Sprintf("differs from %s at %s only in case (IDs become folder names)", other, prev.PlaceEn())}))
						continue
					}
				} else {
					folded[up] = int32(i)
				}
			}
			if o, dup := first[key]; dup {
				prev, src := srcOf(o), srcOf(int32(i))
				probs.Add(at(src, problem.Problem{Code: "duplicate", Key: strings.Join(b.table.PrimaryKey, "+"), Value: key,
					Zh: fmt.Sprintf("重复：与 %s 相同", prev.PlaceZh()),
					En: fmt.Sprintf("duplicate of %s", prev.PlaceEn())}))
				continue
			}
			first[key] = int32(i)
		}
	}
	// Dangling references into a table that is missing or incomplete, per
	// target table: the count per referring file and column.
	type place struct{ where, key string }
	cascade := map[string]map[place]int{}
	for _, b := range bindings {
		rows := b.rows.Elem()
		for _, f := range b.table.Fields {
			if f.Ref == "" {
				continue
			}
			target := ids[f.Ref]
			st := state[schema.Get(f.Ref)]
			fi := b.fields[f.Key]
			for i := 0; i < rows.Len(); i++ {
				row := rows.Index(i)
				v := row.Field(fi).String()
				if _, ok := target[v]; v == "" || ok {
					continue
				}
				src := row.Field(0).Interface().(dataset.Src)
				if st.missing || st.incomplete {
					where := src.File()
					if src.Sheet() != "" {
						where += ":" + src.Sheet()
					}
					if cascade[f.Ref] == nil {
						cascade[f.Ref] = map[place]int{}
					}
					cascade[f.Ref][place{where, f.Key}]++
					continue
				}
				pr := problem.Problem{Code: "ref", Key: f.Key, Value: v,
					Zh: "找不到此编号（应为" + schema.Get(f.Ref).Sheet + "（" + f.Ref + "）表中已有的编号）",
					En: "no such ID in " + f.Ref}
				if c, ok := byCase[f.Ref]; ok {
					if o, ok := c.folded[strings.ToUpper(v)]; ok {
						id := keyString(c.rows.Index(int(o)).Field(c.field))
						pr.Zh += "；只有大小写不同：是 " + id + " 吗？"
						pr.En += "; it differs only in case from " + id
					}
				}
				probs.Add(at(src, pr))
			}
		}
	}
	for _, name := range sortedKeys(cascade) {
		st := state[schema.Get(name)]
		places := cascade[name]
		list := make([]place, 0, len(places))
		total := 0
		for p, n := range places {
			list = append(list, p)
			total += n
		}
		sort.Slice(list, func(i, j int) bool {
			if list[i].where != list[j].where {
				return list[i].where < list[j].where
			}
			return list[i].key < list[j].key
		})
		var zh, en []string
		for _, p := range list {
			zh = append(zh, fmt.Sprintf("%s 的 %s 列 %d 处", p.where, p.key, places[p]))
			en = append(en, fmt.Sprintf("%d in %s column %s", places[p], p.where, p.key))
		}
		t := schema.Get(name)
		file, why, whyEn := st.file, "未能完整读取（见本文件的其他问题）", "could not be read whole (see its other problems)"
		if st.missing {
			file, why, whyEn = "data", "不存在", "is missing"
			if !t.Required { // a required table's own error says where it belongs
				zh, en := tableHome(t)
				why, whyEn = "不存在（应为"+zh+"）", "is missing ("+en+")"
			}
		}
		probs.Error("ref-unloaded", file, 0, "", "",
			fmt.Sprintf("%s（%s）表%s，因此有 %d 处引用其编号的单元格无法核对（%s）；请先修正本表", t.Sheet, name, why, total, strings.Join(zh, "；")),
			fmt.Sprintf("the table %s %s, so %d references to its IDs cannot be checked (%s): fix this table first", name, whyEn, total, strings.Join(en, "; ")))
	}
}

// caseIndex finds the rows of a table by their ID in upper case.
type caseIndex struct {
	rows   reflect.Value // the table's rows
	field  int           // the ID's struct field
	folded map[string]int32
}

// tableHome says where a table belongs, in Chinese and English: 台账中的工作表“培训”或文件 data/trainings.csv.
func tableHome(t *schema.Table) (zh, en string) {
	return "台账中的工作表“" + t.Sheet + "”或文件 data/" + t.Name + ".csv",
		"a sheet " + t.Sheet + " in a workbook, or the file data/" + t.Name + ".csv"
}

// at places p at the row src: file, sheet and line (Excel's row too).
func at(src dataset.Src, p problem.Problem) problem.Problem {
	p.File, p.Sheet, p.Line, p.Row = src.File(), src.Sheet(), int(src.Line), src.Row()
	return p
}

// keyString renders a key cell (an ID string or a whole number) without fmt,
// which would cost an allocation and a reflective walk per row.
func keyString(v reflect.Value) string {
	if v.Kind() == reflect.String {
		return v.String()
	}
	return strconv.FormatInt(v.Int(), 10)
}
