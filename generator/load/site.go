package load

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"gongshi/generator/dataset"
	"gongshi/generator/problem"
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
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		probs.Errorf(file, 0, "", "", "找不到或无法读取 site.toml（站点根目录必须有此文件）",
			"site.toml is missing or unreadable: "+err.Error())
		return site, false
	}
	text := decodeText(file, b, "", probs)
	sf := siteFile{Site: site}
	md, err := toml.Decode(text, &sf)
	if err != nil {
		tomlSyntax(file, err, probs)
		return site, false
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
		probs.Add(problem.Problem{File: file, Line: p[0], Column: p[1], TOMLPos: true, Key: k.String(),
			Zh: "未知的设置项", En: "unknown setting"})
	}
	site = sf.Site
	bad := func(key, value, zh, en string) {
		p := at(strings.Split(key, ".")...)
		probs.Add(problem.Problem{File: file, Line: p[0], Column: p[1], TOMLPos: true, Key: key, Value: value, Zh: zh, En: en})
	}
	switch v := sf.AsOf.(type) {
	case nil:
		bad("as_of", "", "必填：数据截止日期，如 as_of = 2025-12-31", "required: the date the data is current to, e.g. as_of = 2025-12-31")
	default:
		s, _ := tomlScalar(v)
		d, ok := ParseDate(s)
		if !ok {
			bad("as_of", fmt.Sprint(v), "应为日期，如 2025-12-31", "expected a date such as 2025-12-31")
		}
		site.AsOf = d
	}
	if strings.TrimSpace(site.Title) == "" {
		bad("title", "", "必填：网站标题", "required: the site's title")
	}
	if site.Language != "zh-CN" && site.Language != "en" {
		bad("language", site.Language, "应为 zh-CN 或 en", "expected zh-CN or en")
	}
	if site.Encoding != "" && site.Encoding != "utf-8" && site.Encoding != "gb18030" {
		bad("encoding", site.Encoding, "应为 utf-8 或 gb18030", "expected utf-8 or gb18030")
	}
	if site.BaseURL == "" {
		site.BaseURL = "/"
	}
	if !strings.HasSuffix(site.BaseURL, "/") {
		site.BaseURL += "/"
	}
	if !ValidBaseURL(site.BaseURL) {
		bad("base_url", site.BaseURL, "应以 / 或 http(s):// 开头", "expected a path starting with / or an http(s):// URL")
	}

	checkPublishing(&site, md, at, probs)
	return site, true
}

// ValidBaseURL reports whether u can be a base_url: a path from the domain
// root ("/cwgk/") or an http(s) URL.
func ValidBaseURL(u string) bool {
	return strings.HasPrefix(u, "/") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

// readRules reads data/rules.toml if present, over the defaults of DESIGN.md,
// and reports a file that cannot work: weights that do not sum to 1, grades
// out of order or without a lowest step at 0, consequences of unknown grades.
func readRules(dir string, probs *problem.List) dataset.Rules {
	const file = "data/rules.toml"
	rules := dataset.DefaultRules()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if os.IsNotExist(err) {
		return rules
	}
	if err != nil {
		probs.Errorf(file, 0, "", "", "无法读取", err.Error())
		return rules
	}
	text := decodeText(file, b, "", probs)
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
	bad := func(section, key, value, zh, en string) {
		p := at(section, key)
		probs.Add(problem.Problem{File: file, Line: p[0], Column: p[1], TOMLPos: true,
			Key: section + "." + key, Value: value, Zh: zh, En: en})
	}
	for _, k := range md.Undecoded() {
		sec, key := "", k.String()
		if len(k) > 1 {
			sec, key = strings.Join(k[:len(k)-1], "."), k[len(k)-1]
		}
		p := pos.sect[sec][key]
		probs.Add(problem.Problem{File: file, Line: p[0], Column: p[1], TOMLPos: true, Key: k.String(),
			Zh: "未知的设置项", En: "unknown setting"})
	}
	a := &rules.Appraisal
	if md.IsDefined("appraisal", "weights") {
		a.Weights = got.Appraisal.Weights
	}
	if md.IsDefined("appraisal", "grades") {
		a.Grades = got.Appraisal.Grades
		a.Consequences = map[string]string{} // the defaults name the default grades
	}
	if md.IsDefined("appraisal", "consequences") {
		a.Consequences = got.Appraisal.Consequences
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
			bad("appraisal", "weights", fmt.Sprint(x.v), "权重 "+x.k+" 应在 0 到 1 之间", "weight "+x.k+" must be from 0 to 1")
		}
	}
	if sum := w.Masses + w.Members + w.Org; math.Abs(sum-1) > 1e-9 {
		bad("appraisal", "weights", fmt.Sprintf("%g", sum), "三项权重之和应为 1", "the three weights must sum to 1")
	}
	if len(a.Grades) == 0 {
		bad("appraisal", "grades", "", "至少要有一个等次", "at least one grade is needed")
	}
	names := map[string]bool{}
	for i, g := range a.Grades {
		if strings.TrimSpace(g.Grade) == "" {
			bad("appraisal", "grades", "", fmt.Sprintf("第 %d 个等次没有名称", i+1), fmt.Sprintf("grade %d has no name", i+1))
		}
		if names[g.Grade] {
			bad("appraisal", "grades", g.Grade, "等次名称重复", "duplicate grade name")
		}
		names[g.Grade] = true
		if i > 0 && g.Min >= a.Grades[i-1].Min {
			bad("appraisal", "grades", g.Grade, "等次应按 min 从高到低排列", "grades must be ordered by min, highest first")
		}
	}
	if n := len(a.Grades); n > 0 && a.Grades[n-1].Min != 0 {
		bad("appraisal", "grades", a.Grades[n-1].Grade, "最低一档的 min 应为 0，否则低分无等次", "the lowest grade must have min = 0 so every score has a grade")
	}
	for _, g := range sortedKeys(a.Consequences) {
		if !names[g] {
			p := pos.sect["appraisal.consequences"][g]
			probs.Add(problem.Problem{File: file, Line: p[0], Column: p[1], TOMLPos: true,
				Key: "appraisal.consequences", Value: g,
				Zh: "结果运用中的等次未在 grades 中定义", En: "consequence for a grade not named in grades"})
		}
	}
	if a.ConsecutivePoorYears < 0 {
		bad("appraisal", "consecutive_poor_years", fmt.Sprint(a.ConsecutivePoorYears), "不能小于 0", "expected at least 0")
	}
	if t.MinPoints < 0 || t.ExcellencePoints < t.MinPoints || t.MinDays < 0 {
		bad("training", "excellence_points", fmt.Sprint(t.ExcellencePoints),
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
