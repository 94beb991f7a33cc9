// Command gongshi builds a county's public notice website for its village
// Party-branch secretaries from CSV/TOML data and Markdown pages.
//
// Run `gongshi help` for the commands.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// Version is the gongshi version; release builds set it with -ldflags "-X main.Version=…".
var Version = "0.1.0-dev"

// Exit codes of DESIGN.md.
const (
	exitOK      = 0
	exitInvalid = 1 // invalid input: nothing written
	exitUsage   = 2
	exitFailure = 3
)

// command is one subcommand: its flags, a one-line summary and what it does.
type command struct {
	name    string
	usage   string // argument synopsis
	summary string // one line, Chinese then English
	details string
	run     func(fs *flag.FlagSet, args []string, out, errOut io.Writer) int
}

func commands() []command {
	return []command{
		buildCommand(), checkCommand(), serveCommand(), newCommand(), sampleCommand(), templateCommand(), versionCommand(),
	}
}

// defaultMemoryLimit is the soft limit on the memory Go may use when the
// environment sets none (GOMEMLIMIT): a county's build never comes near it
// (5,000 villages peak at about 200 MiB), while a province's collector works
// harder instead of letting the heap grow far beyond what is live, so 50,000
// villages peak at under 1.4 GiB rather than about 2.9 GiB. It is soft: a
// source whose rows alone need more is still built, with more time spent
// collecting. GOMEMLIMIT (e.g. GOMEMLIMIT=4GiB, or off) overrides it.
const defaultMemoryLimit = 1400 << 20

// defaultGCPercent is how far the heap may grow beyond what is live before
// Go collects again, when the environment sets no GOGC: 65% rather than
// Go's 100%. What is live in a build is mostly the rows, held from start
// to end, so Go's default nearly doubles the memory a build needs. Peak
// memory at 5,000 villages, three or four runs each: 100 gives 244,000–
// 263,000 KiB; 75 gives 213,000–225,000; 65 gives 197,000–213,000 in the
// same time within the runs' spread; 50 gives 183,000–191,000 but takes 8%
// longer. GOGC (e.g. GOGC=100, or off) overrides it.
const defaultGCPercent = 65

// mib writes a number of bytes in MiB, for --help.
func mib(n int64) string { return strconv.FormatInt(n>>20, 10) + " MiB" }

// applyGCSettings sets defaultMemoryLimit and defaultGCPercent unless the
// environment (looked up with lookup) sets GOMEMLIMIT or GOGC, which Go's
// runtime has then applied (an empty GOMEMLIMIT= or GOGC= is no setting:
// the runtime reads it as none).
func applyGCSettings(lookup func(string) (string, bool)) {
	if v, set := lookup("GOMEMLIMIT"); !set || v == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	if v, set := lookup("GOGC"); !set || v == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
}

func main() {
	applyGCSettings(os.LookupEnv)
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit code.
func run(args []string, out, errOut io.Writer) int {
	if len(args) == 0 {
		usage(errOut)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return run([]string{args[1], "--help"}, out, errOut)
		}
		usage(out)
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		fs := flag.NewFlagSet("gongshi "+c.name, flag.ContinueOnError)
		fs.SetOutput(errOut)
		fs.Usage = func() {
			w := fs.Output()
			fmt.Fprintf(w, "用法 usage: gongshi %s %s\n\n%s\n", c.name, c.usage, c.summary)
			if c.details != "" {
				fmt.Fprintf(w, "\n%s\n", c.details)
			}
			fmt.Fprintln(w, "\n选项 options:")
			printFlags(fs)
		}
		return c.run(fs, args[1:], out, errOut)
	}
	fmt.Fprintf(errOut, "gongshi: 未知命令 %q (unknown command)\n\n", name)
	usage(errOut)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "gongshi — 村党组织书记履职公开网站生成器 (static site generator for village secretaries' public notices)")
	fmt.Fprintln(w, "\n用法 usage: gongshi <command> [options]")
	fmt.Fprintln(w, "\n命令 commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\n`gongshi <command> --help` 查看某个命令的选项 (shows a command's options).")
	fmt.Fprintln(w, "退出码 exit codes: 0 成功 success, 1 数据有误 invalid input, 2 用法错误 usage error, 3 其他失败 other failure.")
}

// printFlags lists fs's flags as the usage lines write them, with two
// dashes (the flag package's PrintDefaults writes one: -workbook), each
// with its value's name and default.
func printFlags(fs *flag.FlagSet) {
	w := fs.Output()
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(w, "（默认 default %q）", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// parse parses flags, mapping -h and bad flags to the right exit code. It
// returns ok=false with the code to exit with.
func parse(fs *flag.FlagSet, args []string) (int, bool) {
	if code, ok := parseFlags(fs, args); !ok {
		return code, false
	}
	if fs.NArg() > 0 {
		hint := ""
		if fs.Lookup("source") != nil {
			hint = "；站点目录请用 --source DIR 指定 (give the site's folder with --source DIR)"
		}
		fmt.Fprintf(fs.Output(), "%s: 多余的参数 %q (unexpected argument)%s\n", fs.Name(), fs.Args(), hint)
		return exitUsage, false
	}
	return 0, true
}

// parseFlags parses args, saying in both languages what is wrong with a
// flag (the flag package says it in English only) before the usage.
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	out := fs.Output()
	var said bytes.Buffer
	fs.SetOutput(&said)
	err := fs.Parse(args)
	fs.SetOutput(out)
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		out.Write(said.Bytes())
		return exitOK, false
	}
	fmt.Fprintf(out, "%s: %s (%v)\n\n", fs.Name(), flagErrorZh(err.Error()), err)
	fs.Usage()
	return exitUsage, false
}

// flagErrorZh words the flag package's errors in Chinese.
func flagErrorZh(msg string) string {
	for _, m := range []struct{ prefix, zh string }{
		{"flag provided but not defined: ", "没有这个选项 "},
		{"flag needs an argument: ", "选项缺少取值 "},
		{"invalid value ", "选项的取值无效 "},
		{"invalid boolean value ", "选项的取值无效 "},
		{"bad flag syntax: ", "选项写法有误 "},
	} {
		if rest, ok := strings.CutPrefix(msg, m.prefix); ok {
			// "invalid value "x" for flag -n: …", "invalid boolean value "x" for -all: …"
			for _, sep := range []string{" for flag ", " for "} {
				if i := strings.Index(rest, sep); i >= 0 {
					rest = rest[i+len(sep):]
					if j := strings.IndexByte(rest, ':'); j >= 0 {
						rest = rest[:j]
					}
					break
				}
			}
			if strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "--") {
				rest = "-" + rest // the flag package drops a dash: --format is named -format
			}
			return m.zh + rest + "；请用 --help 查看可用选项"
		}
	}
	return "选项有误；请用 --help 查看可用选项"
}

func versionCommand() command {
	return command{
		name: "version", summary: "显示版本 (print the version)",
		run: func(fs *flag.FlagSet, args []string, out, _ io.Writer) int {
			if code, ok := parse(fs, args); !ok {
				return code
			}
			fmt.Fprintf(out, "gongshi %s\n", Version)
			return exitOK
		},
	}
}
