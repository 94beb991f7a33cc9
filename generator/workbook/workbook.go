// Package workbook writes the Excel workbook a county clerk keeps the data
// in: one sheet per table, named in Chinese (乡镇 … 培训), with Chinese
// headers (the English key and what the column holds in each header's
// comment), drop-down lists for every enum and boolean column, date-formatted
// date columns, text-formatted ID and text columns (so Excel keeps 007 and
// does not turn 3-1 into a date), a frozen header row, and an instructions
// sheet (说明) first. `gongshi template` writes it empty; `gongshi new
// --workbook` writes it holding the example county. Filled in and saved by
// Excel, WPS or LibreOffice, it is a source that package load reads.
package workbook

import (
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// FileName is the workbook's name in data/ when gongshi writes one there.
const FileName = "台账.xlsx"

// lastRow bounds drop-down lists and formats: Excel's last row.
const lastRow = 1048576

// Write writes the workbook to path. rules names the grades offered in the
// appraisal grade drop-down (dataset.DefaultRules() for a blank template);
// d, if not nil, gives rows to fill the sheets with (its input columns, in
// schema order).
func Write(path string, rules dataset.Rules, d *dataset.Dataset) error {
	x := excelize.NewFile()
	defer x.Close()
	st, err := newStyles(x)
	if err != nil {
		return err
	}
	if err := x.SetSheetName("Sheet1", schema.InstructionsSheet); err != nil {
		return err
	}
	if err := instructions(x, st); err != nil {
		return err
	}
	for _, t := range schema.Tables {
		if _, err := x.NewSheet(t.Sheet); err != nil {
			return err
		}
		if err := tableSheet(x, st, t, &rules); err != nil {
			return fmt.Errorf("workbook: sheet %s: %w", t.Sheet, err)
		}
		if d != nil {
			if err := fill(x, t, d); err != nil {
				return fmt.Errorf("workbook: sheet %s: %w", t.Sheet, err)
			}
		}
	}
	x.SetActiveSheet(0)
	props := &excelize.DocProperties{Title: "村党组织书记履职公开台账", Creator: "gongshi", LastModifiedBy: "gongshi",
		Language: "zh-CN", Created: "2025-01-01T00:00:00Z", Modified: "2025-01-01T00:00:00Z"}
	if err := x.SetDocProps(props); err != nil {
		return err
	}
	// Written here rather than by excelize's SaveAs, which makes the file
	// executable (mode 0777 less the umask) and would replace one that
	// appeared since the caller looked: the file is new, a plain document.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := x.WriteTo(f); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

type styles struct {
	header, required, date, text, title, wrap int
}

func newStyles(x *excelize.File) (styles, error) {
	var s styles
	var err error
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	dateFmt, textFmt := "yyyy-mm-dd", "@"
	for _, c := range []struct {
		to    *int
		style *excelize.Style
	}{
		{&s.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("DDEBF7"), NumFmt: 49}},
		{&s.required, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("FFE699"), NumFmt: 49}},
		{&s.date, &excelize.Style{CustomNumFmt: &dateFmt}},
		{&s.text, &excelize.Style{CustomNumFmt: &textFmt}},
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&s.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	} {
		if *c.to, err = x.NewStyle(c.style); err != nil {
			return s, err
		}
	}
	return s, nil
}

// tableSheet lays out one table's sheet: headers, comments, formats and
// drop-down lists.
func tableSheet(x *excelize.File, st styles, t *schema.Table, rules *dataset.Rules) error {
	sheet := t.Sheet
	for i, f := range t.Input() {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		switch f.Type {
		case schema.Date:
			err = x.SetColStyle(sheet, col, st.date)
		case schema.String, schema.ID, schema.Enum, schema.Grade:
			err = x.SetColStyle(sheet, col, st.text)
		}
		if err != nil {
			return err
		}
		if err := x.SetColWidth(sheet, col, col, width(f)); err != nil {
			return err
		}
		cell := col + "1"
		if err := x.SetCellStr(sheet, cell, f.Label); err != nil {
			return err
		}
		hs := st.header
		if f.Required {
			hs = st.required
		}
		if err := x.SetCellStyle(sheet, cell, cell, hs); err != nil {
			return err
		}
		if err := x.AddComment(sheet, excelize.Comment{Cell: cell, Author: "gongshi", Text: comment(&f), Width: 280, Height: 120}); err != nil {
			return err
		}
		if err := validation(x, sheet, col, &f, rules); err != nil {
			return err
		}
	}
	return x.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// comment is a header's comment: the English key, then what the column
// holds.
func comment(f *schema.Field) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s（%s）", f.Key, f.Desc, f.Type.TypeZh())
	if f.Required {
		b.WriteString("，必填")
	}
	if a := f.Allowed(); a != "" {
		b.WriteString("\n" + a)
	}
	return b.String()
}

// validation adds a drop-down list for an enum, boolean or grade column, and
// a range check for a number column with bounds.
func validation(x *excelize.File, sheet, col string, f *schema.Field, rules *dataset.Rules) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, lastRow)
	switch f.Type {
	case schema.Enum:
		if err := dv.SetDropList(f.Enum.Values()); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, f.Label, "请从下拉列表中选择："+f.Enum.ZhList())
	case schema.Bool:
		if err := dv.SetDropList([]string{"是", "否"}); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, f.Label, "请选择 是 或 否")
	case schema.Grade:
		names := rules.GradeNames()
		if err := dv.SetDropList(names); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, f.Label, "请从下拉列表中选择："+strings.Join(names, "/"))
	case schema.Int, schema.Number, schema.Year:
		lo, hi := -1e15, 1e15
		if f.HasMin {
			lo = f.Min
		}
		if f.HasMax {
			hi = f.Max
		}
		if f.Type == schema.Year {
			lo, hi = 1900, 2200
		}
		if !f.HasMin && !f.HasMax && f.Type != schema.Year {
			return nil
		}
		kind := excelize.DataValidationTypeDecimal
		if f.Type != schema.Number {
			kind = excelize.DataValidationTypeWhole
		}
		if err := dv.SetRange(lo, hi, kind, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, f.Label, "应为 "+f.Allowed())
	default:
		return nil
	}
	return x.AddDataValidation(sheet, dv)
}

func width(f schema.Field) float64 {
	switch f.Type {
	case schema.Date:
		return 12
	case schema.String:
		return 24
	case schema.Enum:
		return 14
	}
	return float64(max(10, 2*len([]rune(f.Label))+2))
}

// instructions writes the 说明 sheet: how to fill the workbook in, and the
// columns of every table.
func instructions(x *excelize.File, st styles) error {
	const sheet = schema.InstructionsSheet
	var sheets, required []string // from the schema, so that a new table is named here too
	for _, t := range schema.Tables {
		sheets = append(sheets, t.Sheet)
		if t.Required {
			required = append(required, t.Sheet)
		}
	}
	lines := []string{
		"村党组织书记履职公开台账：填写说明",
		"",
		"1. 每张数据表一个工作表（" + strings.Join(sheets, "、") + "），工作表名和第 1 行的表头不要改动。",
		"2. 从第 2 行起每行填一条记录。黄色表头的列为必填，其余可以留空。把鼠标移到表头上可以看到英文键和填写要求。",
		"3. 带下拉箭头的列请从列表中选择；日期列直接输入日期（如 2024-03-15 或 2024/3/15）。",
		"4. 各表用编号互相引用：行政村的“乡镇编码”须是乡镇表中已有的编码，书记、承诺等表的“村编码”须是行政村表中已有的编码，依此类推。",
		"5. 不要合并单元格，不要在表头上方插入标题行以外的内容；不需要的工作表可以留空（" + strings.Join(required, "和") + "必须填写）。",
		"6. 保存为 .xlsx，放进站点的 data/ 文件夹，运行 gongshi check 检查：每个问题都写明工作表和单元格，如 data/台账.xlsx:承诺!H3。",
		"7. 本工作表（说明）不会被读取。已隐藏的工作表不会被读取。",
		"",
		"各表的列 (columns of every table)",
	}
	for i, l := range lines {
		if err := x.SetCellStr(sheet, fmt.Sprintf("A%d", i+1), l); err != nil {
			return err
		}
	}
	if err := x.SetCellStyle(sheet, "A1", "A1", st.title); err != nil {
		return err
	}
	row := len(lines) + 1
	if err := x.SetSheetRow(sheet, fmt.Sprintf("A%d", row), &[]any{"工作表", "表头", "英文键", "类型", "必填", "可填的值", "说明"}); err != nil {
		return err
	}
	if err := x.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("G%d", row), st.header); err != nil {
		return err
	}
	for _, t := range schema.Tables {
		for _, f := range t.Input() {
			row++
			req := ""
			if f.Required {
				req = "必填"
			}
			if err := x.SetSheetRow(sheet, fmt.Sprintf("A%d", row), &[]any{t.Sheet, f.Label, f.Key, f.Type.TypeZh(), req, f.Allowed(), f.Desc}); err != nil {
				return err
			}
		}
	}
	for col, w := range map[string]float64{"A": 12, "B": 14, "C": 18, "D": 8, "E": 6, "F": 60, "G": 40} {
		if err := x.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// fill writes the rows of table t from d below the header: dates as date
// cells, numbers as numbers, booleans as 是/否 (as the drop-down offers),
// text as text.
func fill(x *excelize.File, t *schema.Table, d *dataset.Dataset) error {
	pv, index, err := d.Columns(t.Name)
	if err != nil {
		return err
	}
	rows := pv.Elem()
	fields := t.Input()
	for r := 0; r < rows.Len(); r++ {
		vals := make([]any, len(fields))
		for i, f := range fields {
			fi, ok := index[f.Key]
			if !ok {
				return fmt.Errorf("%s.%s has no struct field", t.Name, f.Key)
			}
			vals[i] = cellValue(&f, rows.Index(r).Field(fi))
		}
		if err := x.SetSheetRow(t.Sheet, fmt.Sprintf("A%d", r+2), &vals); err != nil {
			return err
		}
	}
	return nil
}

// cellValue returns the value to write for one field of a row, or nil.
func cellValue(f *schema.Field, v reflect.Value) any {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if s == "" {
			return nil
		}
		if f.Type == schema.Date {
			if day, ok := dataset.ExcelDay(s); ok {
				return float64(day)
			}
		}
		return s
	case reflect.Int:
		return v.Int()
	case reflect.Float64:
		return v.Float()
	case reflect.Bool:
		if v.Bool() {
			return "是"
		}
		return "否"
	}
	return nil
}
