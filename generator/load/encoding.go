package load

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"gongshi/generator/problem"
)

// decodeText returns the text of a data file as UTF-8 without a BOM. The
// encoding is decided on the whole file: a BOM says UTF-8 or UTF-16; else
// valid UTF-8 is UTF-8; else, when more of its lines with Chinese text are
// UTF-8 than are not, it is UTF-8 with lines pasted from elsewhere (see
// utf8Lines); else it is GB18030 (a superset of GBK, as Excel and WPS save
// CSV on Chinese Windows). force ("utf-8" or "gb18030") overrides the
// guess. Bytes that do not decode become problems naming their lines.
func decodeText(file string, b []byte, force string, probs *problem.List) string {
	var s string
	var skip map[int]bool // lines already reported
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s, skip = utf8Lines(file, b[3:], probs)
	case isUTF16(b):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		if err != nil {
			probs.Error("encoding", file, 0, "", "", "UTF-16 文件无法解码", "cannot decode UTF-16 file: "+err.Error())
			return ""
		}
		s = string(out)
	case force == "gb18030" || (force == "" && !utf8.Valid(b) && !mostlyUTF8(b)):
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		if err != nil {
			probs.Error("encoding", file, 0, "", "", "GB18030 文件无法解码", "cannot decode GB18030 file: "+err.Error())
			return ""
		}
		s = string(out)
	default:
		s, skip = utf8Lines(file, b, probs)
	}
	reportReplacement(file, s, skip, probs)
	return s
}

// mostlyUTF8 reports whether more of b's lines that hold non-ASCII bytes
// are valid UTF-8 than are not. A GBK line of Chinese text is almost never
// valid UTF-8, so a GBK file has next to none; a UTF-8 file with a line
// pasted from a GBK program has one bad line among many good ones.
func mostlyUTF8(b []byte) bool {
	good, bad := 0, 0
	for len(b) > 0 {
		l := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			l, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		switch {
		case asciiOnly(l):
		case utf8.Valid(l):
			good++
		default:
			bad++
		}
	}
	return good > bad
}

func asciiOnly(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// maxBadLines is how many lines of one file are named one by one.
const maxBadLines = 5

// utf8Lines returns UTF-8 text b, without a copy when it is all valid.
// A line that is not UTF-8 is reported as such, on its own, and read as
// GB18030 (most likely pasted from a GBK program), so that its cells are
// not garbage reported column by column; the lines reported are returned.
func utf8Lines(file string, b []byte, probs *problem.List) (string, map[int]bool) {
	if utf8.Valid(b) {
		return owned(b), nil
	}
	var out strings.Builder
	out.Grow(len(b) + len(b)/8)
	reported := map[int]bool{}
	line, bad := 1, 0
	for len(b) > 0 {
		l := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			l, b = b[:i+1], b[i+1:]
		} else {
			b = nil
		}
		if utf8.Valid(l) {
			out.Write(l)
			line++
			continue
		}
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(l)
		if err != nil {
			dec = []byte(strings.ToValidUTF8(string(l), "\uFFFD"))
		}
		out.Write(dec)
		bad++
		reported[line] = true
		if bad <= maxBadLines {
			probs.Add(problem.Problem{Code: "encoding", File: file, Line: line, Value: shortLine(string(dec)),
				Zh: fmt.Sprintf("第 %d 行不是 UTF-8 编码，而本文件按 UTF-8 读取（有 UTF-8 标记，或大多数行是 UTF-8）：这一行像是从 GBK 编码的文件或程序粘贴来的，按 GBK 读出如引号中所示；请在 Excel 或 WPS 中重新输入这一行的中文后保存", line),
				En: fmt.Sprintf("line %d is not UTF-8, but the file is read as UTF-8 (it has a UTF-8 mark, or most of its lines are UTF-8): the line looks pasted from a GBK file or program, and read as GBK it is the text quoted; retype its Chinese text in Excel or WPS and save", line)})
		}
		line++
	}
	if bad > maxBadLines {
		probs.Error("encoding", file, 0, "", "", fmt.Sprintf("另有 %d 行不是 UTF-8 编码", bad-maxBadLines),
			fmt.Sprintf("%d more lines are not UTF-8", bad-maxBadLines))
	}
	return out.String(), reported
}

// shortLine returns the start of a line, for a message.
func shortLine(s string) string {
	s = strings.TrimRight(s, "\r\n")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// owned returns the text of b without copying it: b is the file as read,
// which no one changes afterwards (every cell kept is copied out of it), so
// a province's tables are not held twice while they are read.
func owned(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// isUTF16 reports whether b starts with a UTF-16 byte order mark, as
// Excel's "Unicode text" does.
func isUTF16(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF})
}

// reportReplacement reports lines holding U+FFFD, which decoders produce for
// bytes they cannot read, instead of failing, but for the lines in skip
// (reported already). At most five lines are named.
func reportReplacement(file, s string, skip map[int]bool, probs *problem.List) {
	if !strings.ContainsRune(s, utf8.RuneError) {
		return
	}
	line, n := 1, 0
	for _, l := range strings.SplitAfter(s, "\n") {
		if strings.ContainsRune(l, utf8.RuneError) && !skip[line] {
			n++
			if n <= 5 {
				probs.Error("encoding", file, line, "", "",
					"含有无法识别的字符，文件编码可能有误；请另存为 UTF-8 或 GB18030",
					"unreadable characters: the file's encoding is wrong; save it as UTF-8 or GB18030")
			}
		}
		line++
	}
	if n > 5 {
		probs.Error("encoding", file, 0, "", "", fmt.Sprintf("另有 %d 行含有无法识别的字符", n-5),
			fmt.Sprintf("%d more lines hold unreadable characters", n-5))
	}
}
