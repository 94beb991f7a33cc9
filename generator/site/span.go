package site

import (
	"context"
	"io"
)

// inline is an element with one attribute and text: open is the element up
// to the attribute's value (`<span class="badge `), then come the value
// and the text, each escaped as html.EscapeString does (as templ escapes
// an attribute and { s }), and end closes it. It writes what templ writes
// for <span class={ "badge " + b.Class }>@text(b.Text)</span> or
// <a href={ templ.SafeURL(h) }>@text(s)</a>, without templ's class
// processor (two maps and a list for every class attribute, a tenth of a
// build's allocations) and its boxing of every address. An address is
// escaped but not sanitised, as SafeURL's is: every address a page links
// to is a relative path the views made.
type inline struct {
	open, attr, text, end string
	omitEmpty             bool // write nothing when text is empty
}

// badge is a status, outcome or kind: <span class="badge badge-done">已完成</span>.
func badge(b Badge) inline {
	return inline{open: `<span class="badge `, attr: b.Class, text: b.Text, end: `</span>`}
}

// grade is an appraisal's grade: <span class="grade grade-1">优秀</span>.
func grade(class, label string) inline {
	return inline{open: `<span class="grade `, attr: class, text: label, end: `</span>`}
}

// opt is a <span class=…> of text, left out when the text is empty. (templ
// turns a line break between inline pieces into a space: inline pieces that
// may be missing are components on the same line.)
func opt(class, s string) inline {
	return inline{open: `<span class="`, attr: class, text: s, end: `</span>`, omitEmpty: true}
}

// link links text to href: <a href="…">text</a>.
func link(href, text string) inline {
	return inline{open: `<a href="`, attr: href, text: text, end: `</a>`}
}

// Render writes the element, or nothing for an empty optional text.
func (e inline) Render(ctx context.Context, w io.Writer) error {
	if e.omitEmpty && e.text == "" {
		return nil
	}
	if _, err := io.WriteString(w, e.open); err != nil {
		return err
	}
	if err := shown(e.attr).Render(ctx, w); err != nil {
		return err
	}
	if _, err := io.WriteString(w, `">`); err != nil {
		return err
	}
	if err := shown(e.text).Render(ctx, w); err != nil {
		return err
	}
	_, err := io.WriteString(w, e.end)
	return err
}
