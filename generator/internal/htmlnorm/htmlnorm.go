// Package htmlnorm renders an HTML document in a normal form, so that two
// documents that a browser shows alike compare equal: whitespace-only text
// between block-level elements is dropped, other runs of whitespace become
// one space, and attributes are sorted. Tests use it to compare pages whose
// markup differs only in layout whitespace (a port of the templates, say).
package htmlnorm

import (
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// block lists the elements that start their own box (and elements that
// render nothing inline), for whitespace.
var block = map[string]bool{
	"html": true, "head": true, "body": true, "header": true, "footer": true, "main": true, "nav": true,
	"section": true, "article": true, "div": true, "p": true, "ul": true, "ol": true, "li": true, "dl": true,
	"dt": true, "dd": true, "table": true, "thead": true, "tbody": true, "tr": true, "td": true, "th": true,
	"figure": true, "figcaption": true, "details": true, "summary": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "meta": true, "link": true, "title": true, "script": true, "noscript": true,
	"caption": true, "svg": true, "br": true, "label": true, "blockquote": true, "pre": true, "hr": true,
}

// Normalize returns the normal form of an HTML document.
func Normalize(doc string) (string, error) {
	n, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	walk(&b, n)
	return b.String(), nil
}

func isBlock(n *html.Node) bool {
	return n == nil || n.Type != html.TextNode && block[n.Data] || n.Type == html.DocumentNode
}

func walk(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		t := collapse(n.Data)
		// Whitespace beside a block-level element is not rendered (it ends
		// or starts a line box).
		if strings.TrimSpace(t) == "" && (isBlock(n.PrevSibling) || n.PrevSibling == nil && isBlock(n.Parent) ||
			isBlock(n.NextSibling) || n.NextSibling == nil && isBlock(n.Parent)) {
			return
		}
		if n.Parent != nil && n.Parent.Data == "script" {
			t = n.Data
		}
		b.WriteString(html.EscapeString(t))
		return
	case html.ElementNode:
		attrs := append([]html.Attribute(nil), n.Attr...)
		sort.Slice(attrs, func(i, j int) bool { return attrs[i].Key < attrs[j].Key })
		b.WriteString("<" + n.Data)
		for _, a := range attrs {
			b.WriteString(" " + a.Key + "=\"" + html.EscapeString(a.Val) + "\"")
		}
		b.WriteString(">")
		if block[n.Data] {
			b.WriteString("\n")
		}
	case html.DoctypeNode:
		b.WriteString("<!DOCTYPE " + n.Data + ">\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(b, c)
	}
	if n.Type == html.ElementNode {
		b.WriteString("</" + n.Data + ">")
		if block[n.Data] {
			b.WriteString("\n")
		}
	}
}

func collapse(s string) string {
	f := strings.Fields(s)
	out := strings.Join(f, " ")
	if s != "" && strings.TrimLeft(s, " \t\r\n") != s {
		out = " " + out
	}
	if s != "" && strings.TrimRight(s, " \t\r\n") != s && out != " " {
		out += " "
	}
	return out
}
