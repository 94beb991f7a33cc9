package main

import (
	"flag"
	"fmt"
	"io"

	"gongshi/generator/build"
	"gongshi/generator/problem"
)

func checkCommand() command {
	return command{
		name: "check", usage: "[--source DIR]",
		summary: "只检查数据和页面，列出所有问题 (validate only; print every problem)",
		details: "检查 site.toml、data/ 中的全部数据表、content/ 中的页面和短代码，以及自定义的模板；不写任何文件。\n" +
			"每个问题以 文件:行号: 开头，并说明应填写的格式。有错误时退出码为 1；警告不影响退出码。\n" +
			"Checks site.toml, every table in data/, the pages and shortcodes in content/ and any layouts; writes nothing.\n" +
			"Each problem starts with file:line: and says what is expected. Exit 1 on any error; warnings never fail.",
		run: func(fs *flag.FlagSet, args []string, out, errOut io.Writer) int {
			src := fs.String("source", ".", "站点源目录 site source folder")
			if code, ok := parse(fs, args); !ok {
				return code
			}
			probs, err := build.Check(build.Options{Source: *src})
			if err != nil {
				fmt.Fprintf(errOut, "gongshi check: %v\n", err)
				return exitFailure
			}
			printProblems(out, probs)
			if probs.Errors() > 0 {
				return exitInvalid
			}
			return exitOK
		},
	}
}

// printProblems prints every problem sorted by file and line, then the counts.
func printProblems(w io.Writer, probs *problem.List) {
	for _, p := range probs.Sorted() {
		fmt.Fprintln(w, p)
	}
	e, wn := probs.Errors(), probs.Warnings()
	if e == 0 && wn == 0 {
		fmt.Fprintln(w, "检查通过，没有发现问题 (no problems found)")
		return
	}
	fmt.Fprintf(w, "%d 个错误，%d 个警告 (%d errors, %d warnings)\n", e, wn, e, wn)
}
