package privacy

import (
	"path"
	"strings"

	"gongshi/generator/problem"
	"gongshi/generator/safefs"
)

// CodeUnchecked is the warning about a published file that could not be
// checked completely for personal numbers (an image, a PDF whose text is in
// glyph codes, an old .doc).
const CodeUnchecked = "privacy-unchecked"

// Files reports the personal numbers in the site's own files under root
// that are published as they are: every regular file of the folders dirs
// (layouts/, static/, i18n/), by File. Links and unreadable files are
// skipped here: the theme loader reports them. Layouts and UI strings are
// published on every page and static files as they are, so check finds what
// the build's output scan would.
func Files(root string, dirs []string, allow Allow) *problem.List {
	probs := &problem.List{}
	for _, dir := range dirs {
		files, _, _ := safefs.List(root, dir)
		for _, rel := range files {
			if strings.HasPrefix(path.Base(rel), ".") {
				continue // not published
			}
			b, err := safefs.Read(root, rel, safefs.MaxAsset)
			if err != nil {
				continue
			}
			File(rel, b, allow, probs)
		}
	}
	return probs
}

// File reports, into probs, the personal numbers in one published file,
// its path rel and its bytes b, that allow does not let through: in its
// path; in text, by line and column; in an Office document's text
// (.docx/.xlsx/.pptx); in a zip archive's member names and members (text,
// XML, Office documents, archives one level down); in a PDF's text strings
// and FlateDecode streams; in the raw bytes of any other file. A file that
// could not be read completely (images, old Office files, PDFs with text
// in glyph codes, archives past the size limits) is a warning that says why.
func File(rel string, b []byte, allow Allow, probs *problem.List) {
	var d docScan
	d.name("", rel)
	d.document("", rel, b, 0)
	d.report(rel, allow, probs)
}

// Name reports, into probs, the personal numbers in the path rel of a
// source file published under its name, that allow does not let through:
// a content page (content/13912345678.md) becomes the folder of its
// address, 13912345678/index.html.
func Name(rel string, allow Allow, probs *problem.List) {
	var d docScan
	d.name("", rel)
	d.report(rel, allow, probs)
}

// report adds to probs the numbers d found in the file rel (each once) and
// the warning of what it could not read.
func (d *docScan) report(rel string, allow Allow, probs *problem.List) {
	seen := map[string]bool{}
	for _, f := range d.finds {
		key := f.member + "\x00" + f.m.Number
		if f.name {
			key = "name\x00" + key
		}
		if allow.Allowed(f.m.Number) || seen[key] {
			continue
		}
		seen[key] = true
		probs.Add(f.problem(rel))
	}
	if len(d.unchecked) > 0 {
		var zh, en []string
		for _, u := range d.unchecked {
			zh, en = append(zh, u.Zh), append(en, u.En)
		}
		probs.Add(problem.Problem{Code: CodeUnchecked, File: rel, Severity: problem.Warning,
			Zh: "无法完全检查此文件是否含有居民身份证号码或手机号码：" + strings.Join(zh, "；") + "。发布前请人工核对",
			En: "could not check all of this file for resident ID numbers and mobile numbers: " + strings.Join(en, "; ") + ". Check it by hand before publishing"})
	}
}

// problem is the error of a number found in the published file rel.
func (f docFind) problem(rel string) problem.Problem {
	if f.name {
		p := numberProblem(Place{File: rel, Key: f.member}, 0, 0, f.m)
		what, whatEn := "文件名", "the file's name"
		if f.member != "" {
			what, whatEn = "压缩包中此文件的名称", "the name of this file in the archive"
		}
		p.Zh = what + "含有" + kindZh(f.m.Kind) + "，不得公开；请改名"
		p.En = whatEn + " holds a " + kindEn(f.m.Kind) + ", which must not be published: rename it"
		return p
	}
	if f.member == "" && f.line > 0 {
		return numberProblem(Place{File: rel, Line: 1, Column: 1, Chars: true}, f.line, f.col, f.m)
	}
	return numberProblem(Place{File: rel, Key: f.member}, 0, 0, f.m)
}
