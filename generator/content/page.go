package content

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark/text"

	"gongshi/generator/limits"
	"gongshi/generator/privacy"
	"gongshi/generator/problem"
	"gongshi/generator/safefs"
)

// Page is one Markdown file of content/.
type Page struct {
	File   string // path relative to the site source, e.g. "content/reports/2024.md"
	Slug   string // path relative to content/ without ".md", e.g. "reports/2024", "_index", "about"
	Title  string // front matter title, or the first heading
	Year   int    // front matter year (reports), or the year in the file name
	Weight int    // front matter weight: accepted (DESIGN.md), not used yet — every page has a fixed place
	Draft  bool   // drafts are not published
	// TitleInBody is true when Title was taken from the page's own level-1
	// heading, so the layout must not print it again.
	TitleInBody bool
	// Sample is true when the page still says it is fictional example text
	// (SampleMarker), as the pages gongshi new writes do.
	Sample bool

	parts []part // Markdown chunks and the shortcodes between them
	line0 int    // line of the body's first line in the file
}

// SampleMarker is the words by which the example pages of gongshi new and
// gongshi sample say they are fictional: a page that still has them on a
// site whose title no longer does was forgotten when the demo was made real.
const SampleMarker = "虚构示例"

// FrontMatter is the TOML block between +++ lines at the top of a page.
type FrontMatter struct {
	Title  string `toml:"title"`
	Year   int    `toml:"year"`
	Weight int    `toml:"weight"`
	Draft  bool   `toml:"draft"`
}

// part is either a Markdown chunk or a shortcode.
type part struct {
	md   []byte
	code *Shortcode
}

// Shortcode is one {{< kind "name" key=value … >}} on its own line.
type Shortcode struct {
	File string
	Line int
	Kind string            // chart, figure or table
	Name string            // the first, quoted argument
	Args map[string]string // key=value arguments
}

// Load reads every .md file under dir/content, sorted by path. A missing
// content folder is not an error: every page has a generated fallback. Files
// are read through package safefs (no symbolic links, no special files, at
// most safefs.MaxText bytes), and a name that cannot become a page address
// is a problem (see checkName). Every published page is searched for
// resident ID and mobile numbers (package privacy) but those in allow.
func Load(dir string, allow privacy.Allow) ([]*Page, *problem.List) {
	files, probs, err := safefs.List(dir, "content")
	if err != nil {
		probs.Errorf("content", 0, "", "", "无法读取", err.Error())
	}
	var pages []*Page
	for _, rel := range files {
		if !strings.HasSuffix(rel, ".md") {
			continue
		}
		if p := checkName(rel); p != nil {
			probs.Add(*p)
			continue
		}
		b, err := safefs.Read(dir, rel, safefs.MaxText)
		if p, ok := safefs.AsProblem(err); ok {
			probs.Add(p)
			continue
		}
		if err != nil {
			probs.Error("unreadable", rel, 0, "", "", "无法读取", err.Error())
			continue
		}
		p := parsePage(rel, b, probs)
		if p != nil && !p.Draft {
			privacy.Name(rel, allow, probs) // the page's address
			privacy.Text(privacy.Place{File: rel, Line: 1, Column: 1, Chars: true}, pageText(b), allow, probs)
			pages = append(pages, p)
		}
	}
	return pages, probs
}

var reYearName = regexp.MustCompile(`^reports/(\d{4})$`)

// pageText is the text of a page file as parsePage reads it: no BOM, LF line ends.
func pageText(b []byte) string {
	return string(bytes.ReplaceAll(bytes.TrimPrefix(b, []byte("\uFEFF")), []byte("\r\n"), []byte("\n")))
}

func parsePage(file string, b []byte, probs *problem.List) *Page {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	// Pages must be UTF-8: goldmark panics on some invalid bytes, and a page
	// saved as GBK would show as garbage anyway.
	if !utf8.Valid(b) {
		line := 1
		for len(b) > 0 {
			r, size := utf8.DecodeRune(b)
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				line++
			}
			b = b[size:]
		}
		probs.Add(problem.Problem{Code: CodeEncoding, File: file, Line: line,
			Zh: "不是 UTF-8 编码（可能是 GBK）；请在编辑器中以“UTF-8”编码另存",
			En: "not UTF-8 (GBK, perhaps): save the file as UTF-8"})
		return nil
	}
	slug := strings.TrimSuffix(strings.TrimPrefix(file, "content/"), ".md")
	p := &Page{File: file, Slug: path.Clean(slug), line0: 1, Sample: bytes.Contains(b, []byte(SampleMarker))}
	body := b
	if bytes.HasPrefix(b, []byte("+++\n")) {
		end := bytes.Index(b[4:], []byte("\n+++"))
		if end < 0 {
			probs.Error("front-matter", file, 1, "", "", "front matter 没有结束的 +++ 行", "front matter has no closing +++ line")
			return nil
		}
		fm := b[4 : 4+end+1]
		if p := limits.TOMLProblem(file, 2, string(fm)); p != nil {
			probs.Add(*p)
			return nil
		}
		var m FrontMatter
		md, err := toml.Decode(string(fm), &m)
		if err != nil {
			line := 0
			var pe toml.ParseError
			if ok := asParseError(err, &pe); ok {
				line = pe.Position.Line
			} else if m := reTOMLLine.FindStringSubmatch(err.Error()); m != nil {
				line, _ = strconv.Atoi(m[1]) // a type mismatch has its line only in the text
			}
			probs.Add(problem.Problem{Code: "front-matter", File: file, Line: line + 1, Zh: "front matter 格式错误", En: err.Error()})
			return nil
		}
		for _, k := range md.Undecoded() {
			probs.Error("front-matter-key", file, 0, k.String(), "", "未知的 front matter 键（可用 title、year、weight、draft）",
				"unknown front matter key (expected title, year, weight, draft)")
		}
		p.Title, p.Year, p.Weight, p.Draft = m.Title, m.Year, m.Weight, m.Draft
		rest := b[4+end+1:]
		rest = bytes.TrimPrefix(rest, []byte("+++"))
		p.line0 = bytes.Count(b[:len(b)-len(rest)], []byte("\n")) + 1
		body = rest
	}
	if pr := limits.MarkdownProblem(file, p.line0, string(body)); pr != nil {
		probs.Add(*pr)
		return nil
	}
	if m := reYearName.FindStringSubmatch(p.Slug); m != nil && p.Year == 0 {
		p.Year, _ = strconv.Atoi(m[1])
	}
	p.parts = splitShortcodes(file, p.line0, body, probs)
	if p.Title == "" {
		p.Title = firstHeading(body)
		p.TitleInBody = p.Title != ""
	}
	return p
}

var reTOMLLine = regexp.MustCompile(`^toml: line (\d+)`)

func asParseError(err error, pe *toml.ParseError) bool {
	if e, ok := err.(toml.ParseError); ok {
		*pe = e
		return true
	}
	return false
}

var reShortcode = regexp.MustCompile(`^\s*\{\{<\s*(.*?)\s*>\}\}\s*$`)

// splitShortcodes cuts the body at lines holding a shortcode. A shortcode
// must stand on its own line; one inside a paragraph is an error rather
// than being printed as text.
func splitShortcodes(file string, line0 int, body []byte, probs *problem.List) []part {
	var parts []part
	var cur bytes.Buffer
	lines := bytes.SplitAfter(body, []byte("\n"))
	fence := "" // the open code fence, if any: shortcodes inside code are text
	for i, l := range lines {
		line := line0 + i
		if f := codeFence(l); f != "" && (fence == "" || strings.HasPrefix(f, fence)) {
			if fence == "" {
				fence = f
			} else {
				fence = ""
			}
		}
		if fence != "" || codeFence(l) != "" {
			cur.Write(l)
			continue
		}
		if m := reShortcode.FindSubmatch(l); m != nil {
			if cur.Len() > 0 {
				parts = append(parts, part{md: append([]byte(nil), cur.Bytes()...)})
				cur.Reset()
			}
			sc, err := parseShortcode(string(m[1]))
			if err != nil {
				probs.Add(problem.Problem{Code: "shortcode-syntax", File: file, Line: line, Value: strings.TrimSpace(string(l)), Zh: err.zh, En: err.en})
				continue
			}
			sc.File, sc.Line = file, line
			parts = append(parts, part{code: sc})
			continue
		}
		if bytes.Contains(l, []byte("{{<")) {
			probs.Add(problem.Problem{Code: "shortcode-inline", File: file, Line: line, Value: strings.TrimSpace(string(l)),
				Zh: "短代码必须单独占一行，形如 {{< chart \"名称\" year=2024 >}}",
				En: `a shortcode must stand on its own line, like {{< chart "name" year=2024 >}}`})
		}
		cur.Write(l)
	}
	if cur.Len() > 0 {
		parts = append(parts, part{md: cur.Bytes()})
	}
	return parts
}

// codeFence returns the fence (``` or ~~~, at least three) that opens or
// closes a fenced code block on this line, or "".
func codeFence(l []byte) string {
	t := strings.TrimLeft(string(l), " ")
	if len(string(l))-len(t) > 3 {
		return ""
	}
	for _, c := range []string{"`", "~"} {
		n := 0
		for n < len(t) && t[n:n+1] == c {
			n++
		}
		if n >= 3 {
			return strings.Repeat(c, n)
		}
	}
	return ""
}

type scError struct{ zh, en string }

var reArg = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*)=("([^"]*)"|(\S+))`)

// parseShortcode parses `kind "name" key=value key="value"`.
func parseShortcode(s string) (*Shortcode, *scError) {
	sc := &Shortcode{Args: map[string]string{}}
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return nil, &scError{"空的短代码", "empty shortcode"}
	}
	sc.Kind = fields[0]
	rest := strings.TrimSpace(s[len(fields[0]):])
	if !strings.HasPrefix(rest, `"`) {
		return nil, &scError{"短代码缺少名称，形如 {{< " + sc.Kind + " \"名称\" >}}", `missing name: {{< ` + sc.Kind + ` "name" >}}`}
	}
	end := strings.Index(rest[1:], `"`)
	if end < 0 {
		return nil, &scError{"名称缺少结束引号", "unterminated name"}
	}
	sc.Name = rest[1 : 1+end]
	rest = strings.TrimSpace(rest[end+2:])
	for rest != "" {
		m := reArg.FindStringSubmatch(rest)
		if m == nil {
			return nil, &scError{"参数应写成 key=value", "expected key=value arguments, got " + rest}
		}
		v := m[3]
		if m[4] != "" {
			v = m[4]
		}
		if _, dup := sc.Args[m[1]]; dup {
			return nil, &scError{"参数 " + m[1] + " 重复", "duplicate argument " + m[1]}
		}
		sc.Args[m[1]] = v
		rest = strings.TrimSpace(rest[len(m[0]):])
	}
	return sc, nil
}

var reHeading = regexp.MustCompile(`^#[ \t]+(.+?)[ \t]*#*[ \t]*$`)

// firstHeading returns the text of the first level-1 (# …) heading, skipping
// fenced code blocks, where "# …" is a comment, not a heading.
func firstHeading(body []byte) string {
	fence := ""
	for _, l := range strings.Split(string(body), "\n") {
		t := strings.TrimLeft(l, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
		case strings.HasPrefix(t, "```"), strings.HasPrefix(t, "~~~"):
			fence = t[:3]
		default:
			if m := reHeading.FindStringSubmatch(l); m != nil && strings.TrimSpace(m[1]) != "" {
				return m[1]
			}
		}
	}
	return ""
}

// Resolver renders a shortcode for the page at pagePath (slash path of the
// output page, e.g. "reports/2024/index.html"); it returns an error problem
// (with Zh/En set) for an unknown name, argument or value.
type Resolver func(sc *Shortcode, pagePath string) (template.HTML, *problem.Problem)

// Rendered is a page turned into HTML.
type Rendered struct {
	HTML     template.HTML
	Headings []Heading
}

// Render converts the page to HTML, calling resolve for each shortcode. The
// problems name the page's file and the shortcode's line.
func (p *Page) Render(unsafe bool, pagePath string, resolve Resolver) (Rendered, *problem.List) {
	probs := &problem.List{}
	md := newMarkdown(unsafe)
	var out strings.Builder
	var heads []Heading
	ids := newIDs()
	for _, pt := range p.parts {
		if pt.code != nil {
			if resolve == nil {
				probs.Add(problem.Problem{Code: "shortcode-here", File: p.File, Line: pt.code.Line, Key: pt.code.Kind,
					Zh: "此处不支持短代码", En: "shortcodes are not supported here"})
				continue
			}
			h, prob := resolve(pt.code, pagePath)
			if prob != nil {
				pr := *prob
				pr.File, pr.Line = p.File, pt.code.Line
				probs.Add(pr)
				continue
			}
			out.WriteString(string(h))
			continue
		}
		h, hs, err := render(md, pt.md, ids)
		if err != nil {
			probs.Error("markdown", p.File, 0, "", "", "Markdown 无法转换", fmt.Sprint(err))
			continue
		}
		out.WriteString(string(h))
		heads = append(heads, hs...)
	}
	return Rendered{HTML: template.HTML(out.String()), Headings: heads}, probs
}

func textReader(src []byte) text.Reader { return text.NewReader(src) }
