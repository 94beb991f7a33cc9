package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// parseHTML parses the page at the slash path rel under root.
func parseHTML(t testing.TB, root, rel string) *html.Node {
	t.Helper()
	f, err := os.Open(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return doc
}

// walk calls fn on n and every node below it, in document order.
func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// attr returns the value of the attribute key of n, and whether it is set.
func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// hasToken reports whether the space-separated attribute key of n holds tok.
func hasToken(n *html.Node, key, tok string) bool {
	v, _ := attr(n, key)
	for _, f := range strings.Fields(v) {
		if f == tok {
			return true
		}
	}
	return false
}

// isElem reports whether n is the element tag.
func isElem(n *html.Node, tag string) bool {
	return n.Type == html.ElementNode && n.Data == tag
}

// elems returns the elements tag under n that have class (any when "").
func elems(n *html.Node, tag, class string) []*html.Node {
	var out []*html.Node
	walk(n, func(c *html.Node) {
		if isElem(c, tag) && (class == "" || hasToken(c, "class", class)) {
			out = append(out, c)
		}
	})
	return out
}

// children returns the element children tag of n.
func children(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isElem(c, tag) {
			out = append(out, c)
		}
	}
	return out
}

// text returns the text content of n.
func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}
