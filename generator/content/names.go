package content

import (
	"strings"
	"unicode"

	"gongshi/generator/problem"
	"gongshi/generator/safefs"
)

// Problem codes of this package: a content file whose name cannot become a
// page address, and one that is not UTF-8.
const (
	CodeName     = "content-name"
	CodeEncoding = "encoding"
)

// checkName reports a content file (slash path relative to the site source,
// ending in ".md") whose name cannot safely become a folder of the site. Each
// part of the path below content/, the file's name without ".md" included,
// must be made of letters (of any script), digits, "-", "_" and inner dots:
// a name such as "...md", ".md" or "x/...md" would otherwise become the
// page "../index.html" (outside the site) or "./index.html" (over the home
// page), a leading dot makes a hidden folder, and characters such as
// "#", "?", "%" or a space break the page's links. Windows device names
// (con, nul, …) cannot be folders on Windows or a USB stick.
func checkName(file string) *problem.Problem {
	slug := strings.TrimSuffix(strings.TrimPrefix(file, "content/"), ".md")
	for _, seg := range strings.Split(slug, "/") {
		if safefs.Reserved(seg) {
			return &problem.Problem{Code: CodeName, File: file, Value: seg,
				Zh: "文件名是 Windows 的保留设备名（CON、NUL、COM1 等），生成的文件夹在 Windows 和 U 盘上无法使用；请改名",
				En: "the name is a device name Windows reserves (CON, NUL, COM1, …): its folder could not be copied to Windows or a USB stick; rename the file"}
		}
		if !validSegment(seg) {
			return &problem.Problem{Code: CodeName, File: file, Value: seg,
				Zh: "文件名不能用作网页地址：只能使用字母、汉字、数字、- 和 _（. 只能在中间），不能为空或以 . 开头；请改名",
				En: "the name cannot become a page address: use letters, digits, - and _ (a dot only inside a name), never empty or starting with a dot; rename the file"}
		}
	}
	return nil
}

// validSegment reports whether one part of a content path is a usable name.
func validSegment(seg string) bool {
	if seg == "" || strings.HasPrefix(seg, ".") || strings.HasSuffix(seg, ".") {
		return false
	}
	for _, r := range seg {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' && r != '.' {
			return false
		}
	}
	return true
}
