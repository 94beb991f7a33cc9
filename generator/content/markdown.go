// Package content reads the site's Markdown pages (content/) and renders
// them to HTML with goldmark. It is the only package that knows goldmark.
//
// Flavour: CommonMark with GFM tables, strikethrough and autolinks, and the
// CJK extension so that a line break inside Chinese text does not become a
// stray space. Typographer is off: its quote rules are wrong for Chinese.
// Raw HTML is dropped (goldmark's safe default) unless site.toml sets
// unsafe_html, because content authors are county staff, not web developers,
// and pasted HTML from Word or WeChat is the usual source of broken pages.
// Heading IDs keep Chinese letters, so "## 数据概览" links as #数据概览.
//
// Authors should note one CommonMark rule: emphasis next to full-width
// punctuation, as in **注意：**这里, does not close; write **注意**：这里.
package content

import (
	"bytes"
	"html/template"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns a goldmark converter in gongshi's flavour.
func newMarkdown(unsafe bool) goldmark.Markdown {
	opts := []goldmark.Option{
		goldmark.WithExtensions(extension.GFM, extension.CJK),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(fullWidthBreaks{}, 1000))),
	}
	opts = append(opts, goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(tableBox{}, 100))))
	if unsafe {
		opts = append(opts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	return goldmark.New(opts...)
}

// tableBox puts each table in a box that scrolls sideways, as the site's
// own tables are: a table wider than a phone then scrolls inside the page
// instead of making the whole page wider than the screen. The box takes
// the keyboard focus (tabindex), so that it scrolls without a mouse too.
// It replaces GFM's renderer of the <table> element only; the rows and
// cells inside are GFM's.
type tableBox struct{}

func (tableBox) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(east.KindTable, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString(`<div class="table-wrap" tabindex="0">` + "\n<table>\n")
		} else {
			w.WriteString("</table>\n</div>\n")
		}
		return ast.WalkContinue, nil
	})
}

// fullWidthBreaks joins lines where both sides of the line break are wide
// or full-width characters. extension.CJK does so only between Han letters
// and U+3000–303F punctuation, so a line ending in a full-width ，；：！？
// (U+FF01–FF60) kept its break, which browsers show as a stray space. Its
// CSS3Draft style would cover these, but it also joins English sentences
// ("end.\nNext" → "end.Next"), so this transformer does only the one thing.
type fullWidthBreaks struct{}

func (fullWidthBreaks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	wide := func(r rune) bool {
		w := util.EastAsianWidth(r)
		return (w == "F" || w == "W") && !unicode.Is(unicode.Hangul, r)
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok || !t.SoftLineBreak() {
			return ast.WalkContinue, nil
		}
		next, ok := t.NextSibling().(*ast.Text)
		if !ok {
			return ast.WalkContinue, nil
		}
		last, _ := utf8.DecodeLastRune(t.Segment.Value(src))
		first, _ := utf8.DecodeRune(next.Segment.Value(src))
		if wide(last) && wide(first) {
			t.SetSoftLineBreak(false)
		}
		return ast.WalkContinue, nil
	})
}

// Heading is one heading of a page, for a table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// render converts Markdown to HTML and lists its headings.
// ids is shared by all chunks of a page, so anchors stay unique on the page.
func render(md goldmark.Markdown, src []byte, ids *ids) (template.HTML, []Heading, error) {
	ctx := parser.NewContext(parser.WithIDs(ids))
	doc := md.Parser().Parse(textReader(src), parser.WithContext(ctx))
	var heads []Heading
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			id, _ := h.AttributeString("id")
			idb, _ := id.([]byte)
			heads = append(heads, Heading{Level: h.Level, ID: string(idb), Text: plainText(h, src)})
		}
		return ast.WalkContinue, nil
	})
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return "", nil, err
	}
	return template.HTML(buf.String()), heads, nil
}

func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// ids makes heading IDs that keep letters and digits of any script, so
// Chinese headings get readable, stable anchors (goldmark's default drops
// everything that is not ASCII).
type ids struct{ used map[string]bool }

func newIDs() *ids { return &ids{used: map[string]bool{}} }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	var b []rune
	dash := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && len(b) > 0 {
				b = append(b, '-')
			}
			b = append(b, unicode.ToLower(r))
			dash = false
		default:
			dash = true
		}
	}
	id := string(b)
	if id == "" {
		id = "section"
	}
	base := id
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }
