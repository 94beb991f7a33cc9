package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"gongshi/generator/dataset"
	"gongshi/generator/problem"
)

// The settings about who publishes the site and how its notices are posted:
// [publisher] and [notice] in site.toml, and what a relative base_url costs.

// checkPublishing applies the [notice] default and reports [publisher] and
// [notice] values that cannot work: a display period that is not a number
// of days, a phone number that a tel: link cannot dial.
func checkPublishing(site *dataset.Site, md toml.MetaData, at func(key ...string) [2]int, probs *problem.List) {
	const file = "site.toml"
	if !md.IsDefined("notice", "days") {
		site.Notice.Days = dataset.DefaultNoticeDays
	} else if d := site.Notice.Days; d < 1 || d > 365 {
		p := at("notice", "days")
		probs.Add(problem.Problem{Code: "range", File: file, Line: p[0], Column: p[1], TOMLPos: true,
			Key: "notice.days", Value: fmt.Sprint(d),
			Zh: "公示期应为 1 到 365 天", En: "the display period must be 1 to 365 days"})
	}
	// gongshi new writes the example county's organiser: a county that
	// renames the site but keeps it would show another county's 主办单位
	// in every footer and on every printed notice.
	if site.County != "" && !strings.Contains(site.County, dataset.SampleCounty) {
		for _, f := range []struct{ key, value string }{
			{"title", site.Title}, {"publisher.organiser", site.Publisher.Organiser},
			{"publisher.operator", site.Publisher.Operator}, {"publisher.address", site.Publisher.Address},
		} {
			if !strings.Contains(f.value, dataset.SampleCounty) {
				continue
			}
			p := at(strings.Split(f.key, ".")...)
			probs.Add(problem.Problem{Code: "sample-setting", Severity: problem.Warning, File: file, Line: p[0], Column: p[1], TOMLPos: true,
				Key: f.key, Value: f.value,
				Zh: "仍是示例县“" + dataset.SampleCounty + "”的写法，而 county 是“" + site.County + "”：请改为本县的（每页和每张打印的村公开栏上都显示）",
				En: "still names the example county " + dataset.SampleCounty + " while county is " + site.County + ": write your county's own (it is shown on every page and on every printed village notice)"})
		}
	}
	for _, f := range []struct{ key, value string }{
		{"phone", site.Publisher.Phone}, {"supervision_phone", site.Publisher.SupervisionPhone},
	} {
		if f.value == "" || phoneLike(f.value) {
			continue
		}
		p := at("publisher", f.key)
		probs.Add(problem.Problem{Code: "phone", Severity: problem.Warning, File: file, Line: p[0], Column: p[1], TOMLPos: true,
			Key: "publisher." + f.key, Value: f.value,
			Zh: "不像电话号码：只写号码（数字、空格、-、括号，分机写“转”），页面上的拨号链接才能拨通",
			En: "does not look like a phone number: write the number only (digits, spaces, -, brackets; 转 or ext for an extension) so that its tel: link dials"})
	}
}

// phoneLike reports whether s is only a phone number: digits (at least
// three), spaces, + - ( ) . and an extension mark.
func phoneLike(s string) bool {
	digits := 0
	rest := strings.NewReplacer(string(dataset.ExtensionMark), "", "ext", "", "EXT", "", "x", "", "X", "").Replace(s)
	for _, r := range rest {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +-().\u00a0\u3000（）－", r):
		default:
			return false
		}
	}
	return digits >= 3
}

// RelativeBaseURL returns the warning for a base_url that is not a whole
// http(s) address, placed at base_url in dir/site.toml (or, when the value
// came from `build --base-url`, at that flag); ok is false when base is
// absolute or there is no site.toml. A relative base_url works for every link, so this is a warning:
// it says what the site then goes without.
func RelativeBaseURL(dir, base string, fromFlag bool) (p problem.Problem, ok bool) {
	s := dataset.Site{BaseURL: base}
	if s.AbsoluteURL() {
		return p, false
	}
	p = problem.Problem{Code: "base-url-relative", Severity: problem.Warning, File: "site.toml", Key: "base_url", Value: base,
		Zh: "不是完整网址（如 https://www.example.gov.cn/cwgk/）：链接都能用，但打印的村公开栏没有二维码，sitemap.xml 没有完整地址，404 页面不带导航链接",
		En: "not a full address (such as https://www.example.gov.cn/cwgk/): every link works, but printed village notices have no QR code, sitemap.xml has no full addresses and the 404 page no navigation links"}
	if fromFlag {
		p.File, p.Key = "--base-url", ""
		return p, true
	}
	b, err := os.ReadFile(filepath.Join(dir, "site.toml"))
	if err != nil {
		return p, false // already reported: the site has no settings to speak of
	}
	pos := scanTOML(decodeText("site.toml", b, "", &problem.List{}), "").top["base_url"]
	p.Line, p.Column, p.TOMLPos = pos[0], pos[1], true
	return p, true
}
