package site

import (
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	parser "github.com/a-h/templ/parser/v2"
)

// leafCall is a call of a component that writes a whole element or text
// and never renders children: @text, @badge, @grade, @link, @opt.
var leafCall = regexp.MustCompile(`^(text|badge|grade|link|opt)\(`)

// TestLeafCallsHaveNoChildren: in templ, `@text(a) { b }`, and even
// `@link(h, s){ " " }` with no space, makes `{ b }` the call's children,
// which these components never write: the text would silently vanish
// from the page. Every such call in the layouts has no children.
func TestLeafCallsHaveNoChildren(t *testing.T) {
	files, err := filepath.Glob("*.templ")
	if err != nil || len(files) == 0 {
		t.Fatalf("no .templ files: %v", err)
	}
	calls := 0
	for _, f := range files {
		tf, err := parser.Parse(f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		walkNodes(reflect.ValueOf(tf), func(e *parser.TemplElementExpression) {
			if !leafCall.MatchString(e.Expression.Value) {
				return
			}
			calls++
			if len(e.Children) > 0 {
				t.Errorf("%s:%d: @%s has children, which it never writes: put text after it with @text(…)", f, e.Expression.Range.From.Line+1, e.Expression.Value)
			}
		})
	}
	if calls < 100 {
		t.Fatalf("found %d leaf calls: the walk missed the layouts' nodes", calls)
	}
}

// walkNodes calls visit for every component call in the tree under v.
func walkNodes(v reflect.Value, visit func(*parser.TemplElementExpression)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return
		}
		if e, ok := v.Interface().(*parser.TemplElementExpression); ok && v.Kind() == reflect.Pointer {
			visit(e)
		}
		walkNodes(v.Elem(), visit)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkNodes(v.Field(i), visit)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkNodes(v.Index(i), visit)
		}
	}
}
