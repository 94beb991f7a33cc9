package load

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/problem"
)

// checkKeys reports, for every table, primary keys used twice and references
// (*_id columns) to rows that do not exist. Both come from the schema, so a
// new table or column is checked without new code here.
func checkKeys(bindings []binding, probs *problem.List) {
	ids := map[string]map[string]bool{} // table → IDs present
	for _, b := range bindings {
		if len(b.table.PrimaryKey) == 0 {
			continue
		}
		rows := b.rows.Elem()
		first := make(map[string]dataset.Src, rows.Len())
		// IDs become folder names, and Windows, macOS and FAT/exFAT USB sticks
		// do not tell V1 from v1: such IDs must differ in more than case.
		folded := make(map[string]string, rows.Len())
		idx := make([]int, len(b.table.PrimaryKey))
		for i, k := range b.table.PrimaryKey {
			idx[i] = b.fields[k]
		}
		single := len(idx) == 1
		if single {
			ids[b.table.Name] = make(map[string]bool, rows.Len())
		}
		for i := 0; i < rows.Len(); i++ {
			row := rows.Index(i)
			parts := make([]string, len(idx))
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
			src := row.Field(0).Interface().(dataset.Src)
			if single {
				ids[b.table.Name][key] = true
			}
			if single {
				lower := strings.ToLower(key)
				if other, clash := folded[lower]; clash && other != key {
					prev := first[other]
					probs.Add(problem.Problem{File: src.File, Line: src.Line, Key: b.table.PrimaryKey[0], Value: key,
						Zh: fmt.Sprintf("与 %s:%d 的 %s 只有大小写不同（编号会成为文件夹名，不区分大小写的系统上会冲突）", prev.File, prev.Line, other),
						En: fmt.Sprintf("differs from %s at %s:%d only in case (IDs become folder names)", other, prev.File, prev.Line)})
					continue
				}
				folded[lower] = key
			}
			if prev, dup := first[key]; dup {
				probs.Add(problem.Problem{File: src.File, Line: src.Line, Key: strings.Join(b.table.PrimaryKey, "+"), Value: key,
					Zh: fmt.Sprintf("重复：与 %s:%d 相同", prev.File, prev.Line),
					En: fmt.Sprintf("duplicate of %s:%d", prev.File, prev.Line)})
				continue
			}
			first[key] = src
		}
	}
	for _, b := range bindings {
		rows := b.rows.Elem()
		for _, f := range b.table.Fields {
			if f.Ref == "" {
				continue
			}
			target := ids[f.Ref]
			fi := b.fields[f.Key]
			for i := 0; i < rows.Len(); i++ {
				row := rows.Index(i)
				v := row.Field(fi).String()
				if v == "" || target[v] {
					continue
				}
				src := row.Field(0).Interface().(dataset.Src)
				probs.Add(problem.Problem{File: src.File, Line: src.Line, Key: f.Key, Value: v,
					Zh: "找不到此编号（应为 " + f.Ref + " 表中已有的 id）",
					En: "no such ID in " + f.Ref})
			}
		}
	}
}

// keyString renders a key cell (an ID string or a whole number) without fmt,
// which would cost an allocation and a reflective walk per row.
func keyString(v reflect.Value) string {
	if v.Kind() == reflect.String {
		return v.String()
	}
	return strconv.FormatInt(v.Int(), 10)
}
