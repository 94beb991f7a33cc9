package main

import (
	"flag"
	"fmt"
	"io"

	"gongshi/generator/build"
	"gongshi/generator/problem"
)

// shownPerKind is how many problems of one kind (the same rule broken in the
// same column of one file) a terminal shows before it only counts them.
const shownPerKind = 5

func checkCommand() command {
	return command{
		name: "check", usage: "[--source DIR] [--format text|json] [--all]",
		summary: "只检查数据和页面，列出所有问题 (validate only; print every problem)",
		details: "检查 site.toml、data/ 中的全部数据表、content/ 中的页面和短代码，以及自定义的模板；不写任何文件。\n" +
			"每个问题以 文件:行号: 开头（Excel 工作簿为 文件:工作表!单元格:），并说明应填写的格式。有错误时退出码为 1；警告不影响退出码。\n" +
			fmt.Sprintf("同一列同一规则的问题只列出前 %d 个，再给出总数；--all 列出全部。--format json 输出全部问题及其代码（code），供程序读取。\n", shownPerKind) +
			"Checks site.toml, every table in data/, the pages and shortcodes in content/ and any layouts; writes nothing.\n" +
			"Each problem starts with file:line: (for a workbook file:sheet!cell:) and says what is expected. Exit 1 on any error; warnings never fail.\n" +
			fmt.Sprintf("Only the first %d problems of a kind (one rule, one column) are listed, then their count; --all lists every one.\n", shownPerKind) +
			"--format json writes every problem with its code for scripts.",
		run: func(fs *flag.FlagSet, args []string, out, errOut io.Writer) int {
			src := fs.String("source", ".", "站点源目录 site source folder")
			format := fs.String("format", "text", "输出格式 output format: text 或 or json")
			all := fs.Bool("all", false, "列出每一个问题，不汇总 (list every problem, no summary)")
			if code, ok := parse(fs, args); !ok {
				return code
			}
			if *format != "text" && *format != "json" {
				fmt.Fprintf(errOut, "gongshi check: --format %q: 应为 text 或 json (expected text or json)\n", *format)
				return exitUsage
			}
			probs, err := build.Check(build.Options{Source: *src})
			if err != nil {
				fmt.Fprintf(errOut, "gongshi check: %v\n", err)
				return exitFailure
			}
			if *format == "json" {
				b, err := probs.JSON()
				if err != nil {
					fmt.Fprintf(errOut, "gongshi check: %v\n", err)
					return exitFailure
				}
				out.Write(b)
			} else {
				printProblems(out, probs, *all)
			}
			if probs.Errors() > 0 {
				return exitInvalid
			}
			return exitOK
		},
	}
}

// printProblems prints the problems sorted by file and line, at most
// shownPerKind of each kind unless all is set, then a count of those left
// out per column and rule, then the totals.
func printProblems(w io.Writer, probs *problem.List, all bool) {
	limit := shownPerKind
	if all {
		limit = 0
	}
	d := probs.Digest(limit)
	for _, p := range d.Shown {
		fmt.Fprintln(w, p)
	}
	if len(d.Cut) > 0 {
		fmt.Fprintf(w, "\n以下同类问题只列出了前 %d 个；加 --all 列出全部 (only the first %d of each kind are listed above; --all lists every one):\n",
			shownPerKind, shownPerKind)
		for _, g := range d.Cut {
			where := g.File
			if g.Sheet != "" {
				where += ":" + g.Sheet
			}
			col := g.Key
			if col == "" {
				col = "-"
			}
			kind, kindEn := "错误", "error"
			if g.Severity == problem.Warning {
				kind, kindEn = "警告", "warning"
			}
			fmt.Fprintf(w, "  %s  列 column %s  规则 rule %s: 共 %d 个%s，另有 %d 个未列出 (%s, %d not listed)\n",
				where, col, g.Code, g.Count, kind, g.Hidden, count(g.Count, kindEn), g.Hidden)
		}
		fmt.Fprintln(w)
	}
	e, wn := probs.Errors(), probs.Warnings()
	if e == 0 && wn == 0 {
		fmt.Fprintln(w, "检查通过，没有发现问题 (no problems found)")
		return
	}
	fmt.Fprintf(w, "%d 个错误，%d 个警告 (%s, %s)\n", e, wn, count(e, "error"), count(wn, "warning"))
}

// count words a number of things in English: "1 error", "2 errors".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
