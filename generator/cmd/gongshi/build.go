package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"

	"gongshi/generator/build"
	"gongshi/generator/load"
	"gongshi/generator/problem"
)

func buildCommand() command {
	return command{
		name: "build", usage: "[--source DIR] [--dest DIR] [--base-url URL] [--changes FILE] [--all]",
		summary: "检查数据并生成网站 (validate, then build the site)",
		details: "先生成到输出目录旁的临时目录，全部成功后才替换原目录；数据有误时原网站保持不变。\n" +
			"Builds into a staging folder beside the destination and swaps it in only when everything succeeded;\n" +
			"on invalid input the previous site is left untouched.\n" +
			"内存：默认尽量控制在 " + mib(defaultMemoryLimit) + " 以内（软限制：全省规模时多花时间回收内存）；环境变量 GOMEMLIMIT 可改，如 GOMEMLIMIT=4GiB。\n" +
			"Memory: a soft limit of " + mib(defaultMemoryLimit) + " by default (a province spends more time collecting instead);\n" +
			"the environment variable GOMEMLIMIT replaces it, e.g. GOMEMLIMIT=4GiB.\n" +
			"回收：堆比存活数据多 " + strconv.Itoa(defaultGCPercent) + "% 时回收；环境变量 GOGC 可改，如 GOGC=100 用更多内存换略快。\n" +
			"Collection: when the heap has grown " + strconv.Itoa(defaultGCPercent) + "% beyond what is live; GOGC replaces it\n" +
			"(GOGC=100 uses more memory to be slightly faster).",
		run: func(fs *flag.FlagSet, args []string, out, errOut io.Writer) int {
			src := fs.String("source", ".", "站点源目录 site source folder")
			dest := fs.String("dest", "", "输出目录 output folder (default SOURCE/public)")
			base := fs.String("base-url", "", "覆盖 site.toml 的 base_url (override base_url)")
			quiet := fs.Bool("quiet", false, "不显示进度和摘要 (no progress or summary)")
			changes := fs.String("changes", "", "把新增、修改、删除的输出文件列表写入 FILE (write the output paths added, changed and removed to FILE: A/M/D and the path)")
			all := fs.Bool("all", false, "列出每一个问题，不汇总 (list every problem, no summary)")
			cpuProfile := fs.String("cpuprofile", "", "开发用：把 CPU 剖析写入文件 (for developers: write a CPU profile to FILE)")
			memProfile := fs.String("memprofile", "", "开发用：把内存剖析写入文件 (for developers: write a heap profile to FILE)")
			if code, ok := parse(fs, args); !ok {
				return code
			}
			if *cpuProfile != "" {
				f, err := os.Create(*cpuProfile)
				if err != nil {
					fmt.Fprintf(errOut, "gongshi build: %v\n", err)
					return exitUsage
				}
				defer f.Close()
				pprof.StartCPUProfile(f)
				defer pprof.StopCPUProfile()
			}
			if *memProfile != "" {
				defer func() {
					if f, err := os.Create(*memProfile); err == nil {
						pprof.Lookup("allocs").WriteTo(f, 0)
						f.Close()
					}
				}()
			}
			if zh, en := load.BaseURLProblem(*base); *base != "" && zh != "" {
				fmt.Fprintf(errOut, "gongshi build: --base-url %q: %s (%s)\n", *base, zh, en)
				return exitUsage
			}
			stop, done := interruptOnSignal(errOut)
			defer done()
			o := build.Options{Source: *src, Dest: *dest, BaseURL: *base, Changes: *changes, Interrupt: stop}
			if !*quiet && isTerminal(errOut) {
				o.Progress = func(done, total int) {
					fmt.Fprintf(errOut, "\r生成页面 rendering %d/%d", done, total)
					if done == total {
						fmt.Fprintln(errOut)
					}
				}
			}
			// The problems are printed before the pages are written: a clerk
			// sees them at once, and a province's tens of thousands of
			// warnings need not stay in memory while it renders.
			p, probs, err := build.Prepare(o)
			if probs.Len() > 0 {
				printProblems(errOut, probs, *all)
			}
			probs = nil
			var sum build.Summary
			var found *problem.List // what the built files held that the check of the source did not find
			if err == nil {
				sum, found, err = p.Write()
				if found.Len() > 0 {
					fmt.Fprintln(errOut, "\n检查数据时没有发现、但检查生成的文件时发现了 (not found in the data above, but found in the built files):")
					printProblems(errOut, found, *all)
				}
			}
			switch {
			case errors.Is(err, build.ErrInterrupted):
				fmt.Fprintln(errOut, "已中断，临时目录已删除，原有网站未改动 (interrupted: the staging folder was removed, the previous site is untouched)")
				return exitFailure
			case errors.Is(err, build.ErrInvalid) && found != nil && found.Len() > 0:
				fmt.Fprintln(errOut, "已停止，网站没有发布，原有网站未改动 (stopped: nothing was published, the previous site is untouched)")
				return exitInvalid
			case errors.Is(err, build.ErrInvalid):
				fmt.Fprintln(errOut, "数据有误，未生成网站，原有网站未改动 (invalid input: nothing written, the previous site is untouched)")
				return exitInvalid
			case errors.As(err, new(*build.UsageError)):
				fmt.Fprintf(errOut, "gongshi build: %v\n", err)
				return exitUsage
			case err != nil:
				fmt.Fprintf(errOut, "gongshi build: %v\n", err)
				return exitFailure
			}
			if n := len(sum.ByHand); n > 0 {
				show := sum.ByHand[:min(n, 10)]
				more := ""
				if n > len(show) {
					more = fmt.Sprintf(" 等 %d 个 (%d in all)", n, n)
				}
				fmt.Fprintf(errOut, "警告 warning: 原网站里有 gongshi 没有生成的文件，已随旧网站删除 (files in the previous site that gongshi did not make were removed with it): %s%s\n"+
					"  要随网站发布的文件请放进站点文件夹的 static/ (files to publish with the site go in the source's static/ folder)\n", strings.Join(show, ", "), more)
			}
			if !*quiet {
				d := *dest
				if d == "" {
					d = *src + "/public"
				}
				fmt.Fprintf(out, "页面 pages  %8d\n其他 files  %8d\n大小 bytes  %8d (%.1f MB)\n变化 changes  新增 added %d, 修改 changed %d, 删除 removed %d, 未变 unchanged %d\n用时 time   %8.2f s (检查 check %.2f s, 生成 render %.2f s, 替换 swap %.2f s)\n输出 output  %s\n",
					sum.Pages, sum.Files, sum.Bytes, float64(sum.Bytes)/1e6, sum.Added, sum.Changed, sum.Removed, sum.Kept,
					sum.Seconds, sum.CheckSeconds, sum.RenderSeconds, sum.SwapSeconds, d)
			}
			return exitOK
		},
	}
}

// interruptOnSignal returns a channel closed at the first SIGINT (Ctrl+C)
// or SIGTERM, for build.Options.Interrupt: the build stops, removes its
// staging folder and exits 3. A second signal exits at once (what is left
// is removed by the next build). done stops listening.
func interruptOnSignal(errOut io.Writer) (stop <-chan struct{}, done func()) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	ch := make(chan struct{})
	quit := make(chan struct{})
	go func() {
		select {
		case <-sigs:
		case <-quit:
			return
		}
		fmt.Fprintln(errOut, "\n正在中断… 再按一次 Ctrl+C 立即退出 (interrupting… press Ctrl+C again to quit at once)")
		close(ch)
		select {
		case <-sigs:
			os.Exit(exitFailure)
		case <-quit:
		}
	}()
	return ch, func() {
		signal.Stop(sigs)
		close(quit)
	}
}

// isTerminal reports whether w is a terminal, for the progress line.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
