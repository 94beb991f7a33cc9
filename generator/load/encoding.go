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
// valid UTF-8 is UTF-8; else it is GB18030 (a superset of GBK, as Excel and
// WPS save CSV on Chinese Windows). force ("utf-8" or "gb18030") overrides the
// guess. Bytes that do not decode become problems naming their lines.
func decodeText(file string, b []byte, force string, probs *problem.List) string {
	var s string
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		s = owned(b[3:])
	case isUTF16(b):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		if err != nil {
			probs.Error("encoding", file, 0, "", "", "UTF-16 文件无法解码", "cannot decode UTF-16 file: "+err.Error())
			return ""
		}
		s = string(out)
	case force == "gb18030" || (force == "" && !utf8.Valid(b)):
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		if err != nil {
			probs.Error("encoding", file, 0, "", "", "GB18030 文件无法解码", "cannot decode GB18030 file: "+err.Error())
			return ""
		}
		s = string(out)
	default:
		s = owned(b)
	}
	reportReplacement(file, s, probs)
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
// bytes they cannot read, instead of failing. At most five lines are named.
func reportReplacement(file, s string, probs *problem.List) {
	if !strings.ContainsRune(s, utf8.RuneError) {
		return
	}
	line, n := 1, 0
	for _, l := range strings.SplitAfter(s, "\n") {
		if strings.ContainsRune(l, utf8.RuneError) {
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
