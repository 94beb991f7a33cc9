package load

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path"
	"strings"

	"github.com/BurntSushi/toml"

	"gongshi/generator/dataset"
	"gongshi/generator/limits"
	"gongshi/generator/privacy"
	"gongshi/generator/problem"
	"gongshi/generator/safefs"
)

// siteFile mirrors site.toml for decoding; as_of may be a TOML date or a string.
type siteFile struct {
	dataset.Site
	AsOf any `toml:"as_of"`
}

// readSite reads site.toml, applying defaults and reporting unknown keys and
// bad values. ok is false when the file is missing or unreadable.
func readSite(dir string, probs *problem.List) (dataset.Site, bool) {
	const file = "site.toml"
	site := dataset.Site{BaseURL: "/", Language: "zh-CN", License: "CC-BY-4.0",
		Privacy: dataset.Privacy{PublishBirthYear: true}}
	b, err := safefs.Read(dir, file, safefs.MaxText)
	if p, ok := safefs.AsProblem(err); ok {
		probs.Add(p)
		return site, false
	}
	if err != nil {
		zh, en := "无法读取 site.toml", "site.toml cannot be read: "+err.Error()
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			zh, en = "站点源 "+dir+" 是一个文件，不是文件夹：--source 应指定含 site.toml 的站点文件夹", "the source "+dir+" is a file, not a folder: --source names the site's folder, the one holding site.toml"
		} else if errors.Is(err, fs.ErrNotExist) {
			zh, en = "找不到 site.toml：站点的根目录里必须有此文件。请确认 --source 指向站点目录（gongshi new 可以新建一个站点）",
				"site.toml is missing: a site's folder must have one. Check that --source names the site's folder (gongshi new makes a new site)"
			if _, serr := os.Stat(dir); serr != nil {
				zh, en = "找不到站点目录 "+dir+"（--source 指定的目录不存在）", "the site folder "+dir+" does not exist (see --source)"
			}
		}
		probs.Error("missing-site", file, 0, "", "", zh, en)
		return site, false
	}
	text := decodeText(file, b, "", probs)
	if p := limits.TOMLProblem(file, 1, text); p != nil {
		probs.Add(*p)
		return site, false
	}
	sf := siteFile{Site: site}
	md, err := toml.Decode(text, &sf)
	if err != nil {
		tomlSyntax(file, err, probs)
		// The data is read on with what the rest of the file says, so that
		// one run reports the data's problems too.
		return recoverSite(text, site)
	}
	pos := scanTOML(text, "")
	at := func(key ...string) [2]int {
		if len(key) == 2 {
			return pos.sect[key[0]][key[1]]
		}
		return pos.top[key[0]]
	}
	for _, k := range md.Undecoded() {
		p := at(k...)
		probs.Add(problem.Problem{Code: "unknown-setting", File: file, Line: p[0], Column: p[1], TOMLPos: true, Key: k.String(),
			Zh: "未知的设置项", En: "unknown setting"})
	}
	site = sf.Site
	bad := func(code, key, value, zh, en string) {
		p := at(strings.Split(key, ".")...)
		probs.Add(problem.Problem{Code: code, File: file, Line: p[0], Column: p[1], TOMLPos: true, Key: key, Value: value, Zh: zh, En: en})
	}
	switch v := sf.AsOf.(type) {
	case nil:
		bad("required", "as_of", "", "必填：数据截止日期，如 as_of = 2025-12-31", "required: the date the data is current to, e.g. as_of = 2025-12-31")
	default:
		s, _ := tomlScalar(v)
		d, ok := ParseDate(s)
		if !ok {
			bad("date", "as_of", fmt.Sprint(v), "应为日期，如 2025-12-31", "expected a date such as 2025-12-31")
		}
		site.AsOf = d
	}
	if strings.TrimSpace(site.Title) == "" {
		bad("required", "title", "", "必填：网站标题", "required: the site's title")
	}
	for _, f := range []struct{ key, v string }{{"title", site.Title}, {"county", site.County}} {
		if i, r, code := badRune(f.v); i >= 0 {
			zh, en := badRuneMessage(r, code)
			p := at(f.key)
			probs.Add(problem.Problem{Code: code, File: file, Line: p[0], Column: p[1], TOMLPos: true, Key: f.key, Value: f.v, Zh: zh, En: en})
		}
	}
	allow := privacy.NewAllow(site.Privacy.AllowNumbers)
	for _, n := range site.Privacy.AllowNumbers {
		if m := privacy.Find(privacy.Normalise(n)); len(m) != 1 || m[0].Number != privacy.Normalise(n) {
			p := at("privacy", "allow_numbers")
			probs.Add(problem.Problem{Code: "privacy-allow", File: file, Line: p[0], Column: p[1], TOMLPos: true,
				Key: "privacy.allow_numbers", Value: n, Severity: problem.Warning,
				Zh: "不是手机号码或身份证号码，列入此处没有作用", En: "not a mobile or resident ID number: listing it has no effect"})
		}
	}
	// Settings such as [publisher] phone are printed on every page. Comment
	// lines are skipped: they are never published.
	for i, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			privacy.Text(privacy.Place{File: file, Line: i + 1, Column: 1, Chars: true}, l, allow, probs)
		}
	}
	if site.Language != "zh-CN" && site.Language != "en" {
		bad("language", "language", site.Language, "应为 zh-CN 或 en", "expected zh-CN or en")
	}
	if site.Encoding != "" && site.Encoding != "utf-8" && site.Encoding != "gb18030" {
		bad("encoding-setting", "encoding", site.Encoding, "应为 utf-8 或 gb18030", "expected utf-8 or gb18030")
	}
	if site.BaseURL == "" {
		site.BaseURL = "/"
	}
	typed := site.BaseURL // quoted in a problem as the file writes it
	if !strings.HasSuffix(site.BaseURL, "/") {
		site.BaseURL += "/"
	}
	if zh, en := BaseURLProblem(site.BaseURL); zh != "" {
		bad("base-url", "base_url", typed, zh, en)
	}

	checkPublishing(&site, md, at, probs)
	return site, true
}

// maxRecover is how many lines with syntax errors recoverSite passes over.
const maxRecover = 10

// recoverSite reads the settings of a site.toml with a syntax error (text)
// from its other lines: the line each error is on is left out in turn, at
// most maxRecover of them. ok is false when that does not give a file that
// reads. The settings are the county's own (privacy.drop_columns above all:
// without them personal columns would be reported as unknown), so that the
// data is checked with them while the syntax error is reported; they are
// not checked themselves (a line left out would show as a setting missing),
// and the build stops at the syntax error. An as_of or base_url that does
// not read is left at its default.
func recoverSite(text string, defaults dataset.Site) (site dataset.Site, ok bool) {
	lines := strings.Split(text, "\n")
	for range maxRecover {
		sf := siteFile{Site: defaults}
		_, err := toml.Decode(strings.Join(lines, "\n"), &sf)
		if err == nil {
			site = sf.Site
			site.AsOf = ""
			if s, ok := tomlScalar(sf.AsOf); ok {
				if d, ok := ParseDate(s); ok {
					site.AsOf = d
				}
			}
			if site.BaseURL = strings.TrimSuffix(site.BaseURL, "/") + "/"; !ValidBaseURL(site.BaseURL) {
				site.BaseURL = defaults.BaseURL
			}
			if site.Language != "en" {
				site.Language = defaults.Language
			}
			return site, true
		}
		var pe toml.ParseError
		if !errors.As(err, &pe) || pe.Position.Line < 1 || pe.Position.Line > len(lines) || lines[pe.Position.Line-1] == "" {
			return defaults, false
		}
		lines[pe.Position.Line-1] = ""
	}
	return defaults, false
}

// BaseURLZh and BaseURLEn say what a base_url must be (see ValidBaseURL).
const (
	BaseURLZh = "应为以 / 开头的路径（不能以 // 开头）或带域名的 http(s):// 网址，不能含空格、控制字符、\\、? 或 #"
	BaseURLEn = "expected a path starting with / (not //) or an http(s):// URL with a host, without spaces, control characters, backslashes, ? or #"
)

// ValidBaseURL reports whether u can be a base_url: a path from the domain
// root ("/cwgk/") or an http(s) URL with a host. base_url is written into
// robots.txt, the sitemap, calendars and feeds as it is, so it may hold no
// space, control or bidi character (a line break would add lines to
// robots.txt and to every calendar event), no backslash (browsers read ""
// as "/"), no "?" or "#" (paths are appended to it), and may not start with
// "//", which browsers read as another host.
//
// Its last part may not be a page's file name either ("…/cwgk/index.html",
// copied from the browser's address bar): every address would go inside
// the page, and the QR codes printed on the notices would be wrong for good.
func ValidBaseURL(u string) bool {
	zh, _ := BaseURLProblem(u)
	return zh == ""
}

// BaseURLProblem says, in Chinese and English, why u cannot be a base_url,
// or returns "" when it can (see ValidBaseURL).
func BaseURLProblem(u string) (zh, en string) {
	if u == "" || strings.ContainsAny(u, " \t\r\n\\?#") {
		return BaseURLZh, BaseURLEn
	}
	if i, _, _ := badRune(u); i >= 0 {
		return BaseURLZh, BaseURLEn
	}
	if page := pageName(u); page != "" {
		return "末尾的 " + page + " 是一个网页的文件名，不是网站所在的文件夹：请去掉它，只写到文件夹为止，如 https://www.example.gov.cn/cwgk/",
			"ends in " + page + ", a page's file name, not the site's folder: leave it out and stop at the folder, such as https://www.example.gov.cn/cwgk/"
	}
	if strings.HasPrefix(u, "/") {
		if strings.HasPrefix(u, "//") {
			return BaseURLZh, BaseURLEn
		}
		return "", ""
	}
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		if host, _, _ := strings.Cut(u, "/"); strings.Contains(host, ".") && !strings.Contains(host, ":") {
			return "缺少开头的 https://（或 http://）：应写成 https://" + u + " 这样的完整网址，或以 / 开头的路径",
				"the https:// (or http://) at the start is missing: write a full address such as https://" + u + ", or a path starting with /"
		}
		return BaseURLZh, BaseURLEn
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || p.User != nil || p.Opaque != "" || strings.HasPrefix(p.Path, "//") {
		return BaseURLZh, BaseURLEn
	}
	return "", ""
}

// pageName returns the last part of the address u when it names a page
// (index.html, default.htm, list.shtml, index.php, …), else "".
func pageName(u string) string {
	last := path.Base(strings.TrimSuffix(u, "/"))
	i := strings.LastIndexByte(last, '.')
	if i < 1 {
		return ""
	}
	switch strings.ToLower(last[i+1:]) {
	case "html", "htm", "shtml", "xhtml", "php", "asp", "aspx", "jsp":
		return last
	}
	return ""
}

// readRules reads data/rules.toml if present, over the defaults of DESIGN.md,
// and reports a file that cannot work: weights that do not sum to 1, grades
// out of order or without a lowest step at 0, consequences of unknown grades.
func readRules(dir string, probs *problem.List) dataset.Rules {
	const file = "data/rules.toml"
	rules := dataset.DefaultRules()
	b, err := safefs.Read(dir, file, safefs.MaxText)
	if errors.Is(err, fs.ErrNotExist) {
		return rules
	}
	if p, ok := safefs.AsProblem(err); ok {
		probs.Add(p)
		return rules
	}
	if err != nil {
		probs.Error("unreadable", file, 0, "", "", "无法读取", err.Error())
		return rules
	}
	text := decodeText(file, b, "", probs)
	if p := limits.TOMLProblem(file, 1, text); p != nil {
		probs.Add(*p)
		return rules
	}
	var got dataset.Rules
	md, err := toml.Decode(text, &got)
	if err != nil {
		tomlSyntax(file, err, probs)
		return rules
	}
	pos := scanTOML(text, "")
	at := func(section, key string) [2]int {
		if p, ok := pos.sect[section][key]; ok {
			return p
		}
		// weights = {...} inline, or a dotted key: fall back to the section.
		return pos.sect[section][strings.SplitN(key, ".", 2)[0]]
	}
	bad := func(code, section, key, value, zh, en string) {
		p := at(section, key)
		probs.Add(problem.Problem{Code: code, File: file, Line: p[0], Column: p[1], TOMLPos: true,
			Key: section + "." + key, Value: value, Zh: zh, En: en})
	}
	for _, k := range md.Undecoded() {
		sec, key := "", k.String()
		if len(k) > 1 {
			sec, key = strings.Join(k[:len(k)-1], "."), k[len(k)-1]
		}
		p := pos.sect[sec][key]
		probs.Add(problem.Problem{Code: "unknown-setting", File: file, Line: p[0], Column: p[1], TOMLPos: true, Key: k.String(),
			Zh: "未知的设置项", En: "unknown setting"})
	}
	a := &rules.Appraisal
	if md.IsDefined("appraisal", "weights") {
		a.Weights = got.Appraisal.Weights
	}
	if md.IsDefined("appraisal", "grades") {
		a.Grades = got.Appraisal.Grades
		a.Consequences = map[string]string{} // the defaults name the default grades
		a.BuiltInConsequences = false
	}
	if md.IsDefined("appraisal", "consequences") {
		a.Consequences = got.Appraisal.Consequences
		a.BuiltInConsequences = false
	}
	if md.IsDefined("appraisal", "consecutive_poor_years") {
		a.ConsecutivePoorYears = got.Appraisal.ConsecutivePoorYears
	}
	t := &rules.Training
	if md.IsDefined("training", "min_points") {
		t.MinPoints = got.Training.MinPoints
	}
	if md.IsDefined("training", "excellence_points") {
		t.ExcellencePoints = got.Training.ExcellencePoints
	}
	if md.IsDefined("training", "min_days") {
		t.MinDays = got.Training.MinDays
	}
	if md.IsDefined("hearings", "max_quiet_years") {
		rules.Hearings.MaxQuietYears = got.Hearings.MaxQuietYears
	}

	w := a.Weights
	for _, x := range []struct {
		k string
		v float64
	}{{"masses", w.Masses}, {"members", w.Members}, {"org", w.Org}} {
		if x.v < 0 || x.v > 1 {
			bad("range", "appraisal", "weights", fmt.Sprint(x.v), "权重 "+x.k+" 应在 0 到 1 之间", "weight "+x.k+" must be from 0 to 1")
		}
	}
	if sum := w.Masses + w.Members + w.Org; math.Abs(sum-1) > 1e-9 {
		bad("weights-sum", "appraisal", "weights", fmt.Sprintf("%g", sum), "三项权重之和应为 1", "the three weights must sum to 1")
	}
	if len(a.Grades) == 0 {
		bad("grades", "appraisal", "grades", "", "至少要有一个等次", "at least one grade is needed")
	}
	names := map[string]bool{}
	for i, g := range a.Grades {
		if strings.TrimSpace(g.Grade) == "" {
			bad("grades", "appraisal", "grades", "", fmt.Sprintf("第 %d 个等次没有名称", i+1), fmt.Sprintf("grade %d has no name", i+1))
		}
		if names[g.Grade] {
			bad("grades", "appraisal", "grades", g.Grade, "等次名称重复", "duplicate grade name")
		}
		names[g.Grade] = true
		if i > 0 && g.Min >= a.Grades[i-1].Min {
			bad("grade-order", "appraisal", "grades", g.Grade, "等次应按 min 从高到低排列", "grades must be ordered by min, highest first")
		}
	}
	if n := len(a.Grades); n > 0 && a.Grades[n-1].Min != 0 {
		bad("grade-order", "appraisal", "grades", a.Grades[n-1].Grade, "最低一档的 min 应为 0，否则低分无等次", "the lowest grade must have min = 0 so every score has a grade")
	}
	for _, g := range sortedKeys(a.Consequences) {
		if !names[g] {
			p := pos.sect["appraisal.consequences"][g]
			probs.Add(problem.Problem{Code: "consequence-grade", File: file, Line: p[0], Column: p[1], TOMLPos: true,
				Key: "appraisal.consequences", Value: g,
				Zh: "结果运用中的等次未在 grades 中定义", En: "consequence for a grade not named in grades"})
		}
	}
	if a.ConsecutivePoorYears < 0 {
		bad("range", "appraisal", "consecutive_poor_years", fmt.Sprint(a.ConsecutivePoorYears), "不能小于 0", "expected at least 0")
	}
	if t.MinPoints < 0 || t.ExcellencePoints < t.MinPoints || t.MinDays < 0 {
		bad("training-thresholds", "training", "excellence_points", fmt.Sprint(t.ExcellencePoints),
			"培训积分门槛应满足 0 ≤ min_points ≤ excellence_points，min_days ≥ 0",
			"training thresholds must satisfy 0 ≤ min_points ≤ excellence_points and min_days ≥ 0")
	}
	if q := rules.Hearings.MaxQuietYears; q < 0 {
		p := at("hearings", "max_quiet_years")
		probs.Add(problem.Problem{Code: "range", File: file, Line: p[0], Column: p[1], TOMLPos: true,
			Key: "hearings.max_quiet_years", Value: fmt.Sprint(q),
			Zh: "不能小于 0（0 表示不检查）", En: "expected at least 0 (0 turns the check off)"})
	}
	return rules
}
