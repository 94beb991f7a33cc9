package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/workbook"
)

func templateCommand() command {
	return command{
		name: "template", usage: "[--out FILE]",
		summary: "生成待填写的 Excel 台账 (write an Excel workbook to fill in)",
		details: "写出一个空白 Excel 工作簿：每张数据表一个工作表（乡镇、行政村、书记、承诺……），中文表头（批注中有英文键和填写要求），\n" +
			"选项列和是/否列带下拉列表，日期列为日期格式，首行冻结，第一个工作表“说明”讲怎样填写。\n" +
			"填好后放进 data/ 文件夹，gongshi check 即可检查。FILE 已存在时不会覆盖。\n" +
			"Writes a blank workbook: one sheet per table with Chinese headers (the English key in each header's comment),\n" +
			"drop-down lists for every enum and yes/no column, date-formatted date columns, a frozen header row and an\n" +
			"instructions sheet (说明). Put the filled-in file into data/ and run gongshi check. An existing FILE is never overwritten.",
		run: func(fs *flag.FlagSet, args []string, out, errOut io.Writer) int {
			file := fs.String("out", workbook.FileName, "输出文件 output file")
			if code, ok := parse(fs, args); !ok {
				return code
			}
			if !strings.EqualFold(filepath.Ext(*file), ".xlsx") {
				fmt.Fprintf(errOut, "gongshi template: --out %s：台账是 Excel 工作簿，文件名应以 .xlsx 结尾，如 台账.xlsx (a workbook's name ends in .xlsx, e.g. 台账.xlsx)\n", *file)
				return exitUsage
			}
			if _, err := os.Stat(*file); err == nil {
				fmt.Fprintf(errOut, "gongshi template: %s 已存在，请换一个文件名 (exists; choose another name with --out)\n", *file)
				return exitUsage
			}
			if dir := filepath.Dir(*file); dir != "." {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					fmt.Fprintf(errOut, "gongshi template: %v\n", err)
					return exitFailure
				}
			}
			if err := workbook.Write(*file, dataset.DefaultRules(), nil); err != nil {
				fmt.Fprintf(errOut, "gongshi template: %v\n", err)
				return exitFailure
			}
			fmt.Fprintf(out, "已写出 %s：填好后放进站点的 data/ 文件夹，运行 gongshi check (wrote %s: fill it in, put it into data/ and run gongshi check)\n", *file, *file)
			return exitOK
		},
	}
}
