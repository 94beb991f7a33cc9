package main

import (
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gongshi/generator/load"
	"gongshi/generator/sample"
	"gongshi/generator/schema"
	"gongshi/generator/workbook"
)

// The example county of a new site: small enough to read through, big
// enough to show every page (several townships' worth of villages).
const (
	newVillages = 12
	newSeed     = 1
)

func newCommand() command {
	return command{
		name: "new", usage: "DIR [--workbook]",
		summary: "新建站点，附带一个小型示例县 (scaffold a new site with a small example county)",
		details: fmt.Sprintf("在 DIR 中写入 site.toml、data/、content/ 和 .gitignore，示例数据是 %d 个村的虚构内容。\n"+
			"DIR 必须不存在或为空。加 --workbook 时示例数据写成一个 Excel 台账 data/台账.xlsx，而不是多个 CSV 文件。\n"+
			"Writes site.toml, data/, content/ and .gitignore into DIR, with fictional data for %d villages.\n"+
			"DIR must not exist or be empty. With --workbook the example data is one workbook, data/台账.xlsx, instead of CSV files.", newVillages, newVillages),
		run: func(fs *flag.FlagSet, args []string, out, errOut io.Writer) int {
			wb := fs.Bool("workbook", false, "示例数据写成 Excel 台账 data/台账.xlsx (the example data as one workbook)")
			// Flags may follow DIR: gongshi new mycounty --workbook.
			var dirs []string
			for {
				if code, ok := parseFlags(fs, args); !ok {
					return code
				}
				if fs.NArg() == 0 {
					break
				}
				dirs = append(dirs, fs.Arg(0))
				args = fs.Args()[1:]
			}
			if len(dirs) != 1 {
				fmt.Fprintln(errOut, "gongshi new: 需要且只需要一个参数 DIR，即新站点的目录 (exactly one argument DIR, the new site's folder, is required)")
				fmt.Fprintln(errOut, "用法 usage: gongshi new DIR [--workbook]")
				return exitUsage
			}
			dir := dirs[0]
			if err := emptyOrMissing(dir); err != nil {
				fmt.Fprintf(errOut, "gongshi new: %v\n", err)
				return exitUsage
			}
			if err := scaffold(dir, *wb); err != nil {
				fmt.Fprintf(errOut, "gongshi new: %v\n", err)
				return exitFailure
			}
			q := shellQuote(dir)
			fmt.Fprintf(out, "已在 %s 新建站点，附带 %d 个村的虚构示例数据 (created a new site in %s with a fictional example county of %d villages)\n\n",
				dir, newVillages, dir, newVillages)
			fmt.Fprintf(out, "下一步 next steps:\n"+
				"  cd %s\n"+
				"  gongshi check    # 检查数据 (validate the data)\n"+
				"  gongshi build    # 生成网站到 public/ (build the site into public/)\n"+
				"  gongshi serve    # 本地预览，修改后自动刷新 (preview at http://127.0.0.1:%d/, reloads on change)\n\n"+
				"然后修改 site.toml：县名、标题、as_of（数据截止日期）和 [publisher]（主办单位、电话等）；\n"+
				"把 data/ 里的示例数据换成本县的数据；改写或删除 content/ 里的示例页面。\n"+
				"Then edit site.toml: the county, the title, as_of (the date the data is current to) and [publisher]\n"+
				"(the organiser, phone …); replace the example data in data/ with your county's; rewrite or delete\n"+
				"the example pages in content/.\n",
				q, defaultPort)
			return exitOK
		},
	}
}

// emptyOrMissing returns an error unless dir does not exist or is an empty folder.
func emptyOrMissing(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			return fmt.Errorf("%s 已存在且不是目录 (exists and is not a folder)", dir)
		}
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s 已存在且不为空，请换一个目录名 (exists and is not empty; choose another folder)", dir)
	}
	return nil
}

// scaffold writes the example county and a .gitignore for the build output;
// with inWorkbook, the tables move into data/台账.xlsx.
func scaffold(dir string, inWorkbook bool) error {
	if err := sample.Write(dir, sample.Options{Villages: newVillages, Seed: newSeed}); err != nil {
		return err
	}
	if inWorkbook {
		if err := toWorkbook(dir); err != nil {
			return err
		}
	}
	if err := addFeedID(filepath.Join(dir, "site.toml")); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("public/\n"), 0o644)
}

// addFeedID writes a random feed_id into a new site's site.toml, after
// base_url: the name its feeds and calendars keep for good, so that a
// subscriber's entries and events stay the same when townships merge or
// the site moves (see package feeds).
func addFeedID(file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var u [16]byte
	if _, err := rand.Read(u[:]); err != nil {
		return err
	}
	u[6] = u[6]&0x0f | 0x40 // version 4: random
	u[8] = u[8]&0x3f | 0x80
	line := fmt.Sprintf("feed_id   = \"%x-%x-%x-%x-%x\"   # 订阅和日历的标识，请勿修改 (names the feeds and calendars: keep it)\n", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
	head, rest, ok := strings.Cut(string(b), "\nbase_url")
	if !ok {
		return os.WriteFile(file, append(b, line...), 0o644)
	}
	after, tail, _ := strings.Cut(rest, "\n")
	return os.WriteFile(file, []byte(head+"\nbase_url"+after+"\n"+line+tail), 0o644)
}

// toWorkbook reads the tables of the source in dir and writes them into
// data/台账.xlsx in place of their CSV and TOML files (rules.toml stays).
// The sample is read as any source is, so the workbook holds what check
// sees: canonical values, without columns site.toml drops.
func toWorkbook(dir string) error {
	d, probs, err := load.Load(dir)
	if err != nil {
		return err
	}
	if probs.Errors() > 0 {
		return fmt.Errorf("the example data has errors: %v", probs.Sorted()[0])
	}
	if err := workbook.Write(filepath.Join(dir, "data", workbook.FileName), d.Rules, d); err != nil {
		return err
	}
	for _, t := range schema.Tables {
		for _, p := range []string{t.Name + ".csv", t.Name + ".toml", t.Name} {
			if err := os.RemoveAll(filepath.Join(dir, "data", p)); err != nil {
				return err
			}
		}
	}
	return nil
}
