package site

import (
	"context"
	"io"
)

// marked is an inline element with one class, written as templ would write
// <span class={ "badge " + b.Class }>@text(b.Text)</span>: the class and
// the text escaped as html.EscapeString does. Every pledge, hearing and
// appraisal row has one or more; templ passes each class={ … } through
// its class processor, which makes two maps and a list for every
// attribute (a tenth of a build's allocations), for classes that need
// none of what it does (ordering, leaving out disabled ones).
type marked struct {
	prefix, class, text string
	omitEmpty           bool // write nothing when text is empty
}

// badge is a status, outcome or kind: <span class="badge badge-done">已完成</span>.
func badge(b Badge) marked { return marked{prefix: "badge ", class: b.Class, text: b.Text} }

// grade is an appraisal's grade: <span class="grade grade-1">优秀</span>.
func grade(class, label string) marked { return marked{prefix: "grade ", class: class, text: label} }

// opt is a <span class=…> of text, left out when the text is empty. (templ
// turns a line break between inline pieces into a space: inline pieces that
// may be missing are components on the same line.)
func opt(class, s string) marked { return marked{class: class, text: s, omitEmpty: true} }

// Render writes <span class="prefix+class">text</span>, or nothing for an
// empty optional text.
func (m marked) Render(ctx context.Context, w io.Writer) error {
	if m.omitEmpty && m.text == "" {
		return nil
	}
	return inline(ctx, w, `<span class="`, m.prefix, m.class, m.text, `</span>`)
}

// anchor is <a href="…">text</a>, written as templ would write
// <a href={ templ.SafeURL(href) }>@text(s)</a>: the address is escaped
// but not sanitised, as SafeURL's is (every address a page links to is a
// relative path the views made), and templ's boxing of it is saved.
type anchor struct{ href, text string }

// link links text to href.
func link(href, text string) anchor { return anchor{href, text} }

// Render writes <a href="href">text</a>.
func (l anchor) Render(ctx context.Context, w io.Writer) error {
	return inline(ctx, w, `<a href="`, "", l.href, l.text, `</a>`)
}

// inline writes open, prefix, attr escaped, `">`, text escaped and end:
// an element with one attribute (its opening up to the value in open).
func inline(ctx context.Context, w io.Writer, open, prefix, attr, text, end string) error {
	for _, piece := range []struct {
		s       string
		escaped bool
	}{{open, false}, {prefix, false}, {attr, true}, {`">`, false}, {text, true}, {end, false}} {
		var err error
		if piece.escaped {
			err = shown(piece.s).Render(ctx, w)
		} else {
			_, err = io.WriteString(w, piece.s)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
