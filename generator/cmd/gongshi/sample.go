package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gongshi/generator/sample"
)

func sampleCommand() command {
	return command{
		name: "sample", usage: "--villages N [--seed S] --out DIR [--county NAME] [--force]",
		summary: "生成任意规模的虚构示例站点源 (write a synthetic site source of any size)",
		details: "数据全部是随机生成的虚构内容，同样的 --villages 和 --seed 生成逐字节相同的文件，用于演示和性能测试。\n" +
			"DIR 须不存在、为空或是以前 gongshi sample 生成的目录（有 .gongshi-sample 标记）；否则需加 --force。\n" +
			"All data is fictional; the same --villages and --seed give byte-identical files (demos, benchmarks).\n" +
			"DIR must be missing, empty or an earlier `gongshi sample` output (marked by .gongshi-sample), or --force is needed,\n" +
			"so that a real site is never overwritten by accident.",
		run: func(fs *flag.FlagSet, args []string, out, errOut io.Writer) int {
			villages := fs.Int("villages", 0, "村的数量，至少 1 (number of villages, at least 1; required)")
			seed := fs.Int64("seed", 1, "随机种子 (random seed)")
			dir := fs.String("out", "", "写入的目录 (folder to write; required)")
			county := fs.String("county", "", "县名 (county name; default 示范县)")
			force := fs.Bool("force", false, "允许写入不为空的目录 (write into a non-empty folder, overwriting site.toml, data/ and content/)")
			if code, ok := parse(fs, args); !ok {
				return code
			}
			switch {
			case *villages < 1:
				fmt.Fprintf(errOut, "gongshi sample: 需要 --villages N，N 至少为 1 (--villages N is required, N ≥ 1; got %d)\n", *villages)
				return exitUsage
			case *dir == "":
				fmt.Fprintln(errOut, "gongshi sample: 需要 --out DIR 指定写入的目录 (--out DIR is required)")
				return exitUsage
			}
			if !*force {
				if err := sampleTarget(*dir); err != nil {
					fmt.Fprintf(errOut, "gongshi sample: %v\n", err)
					return exitUsage
				}
			}
			o := sample.Options{Villages: *villages, Seed: *seed, County: *county}
			err := sample.Write(*dir, o)
			if err == nil {
				err = os.WriteFile(filepath.Join(*dir, sampleMarker), []byte("written by `gongshi sample`, which may overwrite this folder\n"), 0o644)
			}
			if err != nil {
				fmt.Fprintf(errOut, "gongshi sample: %v\n", err)
				return exitFailure
			}
			fmt.Fprintf(out, "已在 %s 生成 %d 个村的虚构示例站点源 (wrote a fictional site source with %d villages to %s, seed %d)\n",
				*dir, *villages, *villages, *dir, *seed)
			fmt.Fprintf(out, "生成网站 build it:  gongshi build --source %s\n本地预览 preview:   gongshi serve --source %s\n",
				shellQuote(*dir), shellQuote(*dir))
			return exitOK
		},
	}
}

// sampleMarker marks a folder written by `gongshi sample`, which a later
// run may overwrite without --force.
const sampleMarker = ".gongshi-sample"

// sampleTarget refuses a folder that is not empty and not an earlier
// `gongshi sample` output: sample.Write overwrites site.toml, data/ and
// content/, and the folder may hold a real county's site.
func sampleTarget(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, sampleMarker)); err == nil {
		return nil
	}
	return fmt.Errorf("%s 不为空，也不是 gongshi sample 生成的目录，为免覆盖站点数据而停止；确需写入请加 --force "+
		"(DIR is not empty and not an earlier gongshi sample output; add --force to overwrite its site.toml, data/ and content/)", dir)
}

// shellQuote quotes a path for the hints we print, when it needs quoting.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`&|;<>()*?[]#~!{}") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
