package site

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/a-h/templ"
)

// layouts maps each layout name of the page plan to the component that lays
// out a page of that kind (the templ functions of *.templ).
var layouts = map[string]func(p *Page) templ.Component{
	"home":        func(p *Page) templ.Component { return homeMain(p, p.Main.(*HomeView)) },
	"townships":   func(p *Page) templ.Component { return townshipsMain(p, p.Main.(*TownshipsView)) },
	"township":    func(p *Page) templ.Component { return townshipMain(p, p.Main.(*TownshipView)) },
	"village":     func(p *Page) templ.Component { return villageMain(p, p.Main.(*VillageView)) },
	"secretary":   func(p *Page) templ.Component { return secretaryMain(p, p.Main.(*SecretaryView)) },
	"pledges":     func(p *Page) templ.Component { return boardMain(p, p.Main.(*BoardView)) },
	"overdue":     func(p *Page) templ.Component { return overdueMain(p, p.Main.(*BoardView)) },
	"pledge-list": func(p *Page) templ.Component { return pledgeListMain(p, p.Main.(*PledgeListView)) },
	"attention":   func(p *Page) templ.Component { return attentionMain(p, p.Main.(*AttentionView)) },
	"pledge":      func(p *Page) templ.Component { return pledgeMain(p, p.Main.(*PledgeView)) },
	"ratings":     func(p *Page) templ.Component { return ratingsMain(p, p.Main.(*RatingsView)) },
	"hearings":    func(p *Page) templ.Component { return hearingsMain(p, p.Main.(*HearingsView)) },
	"hearing":     func(p *Page) templ.Component { return hearingMain(p, p.Main.(*HearingView)) },
	"years":       func(p *Page) templ.Component { return yearsMain(p, p.Main.(*YearsView)) },
	"report":      func(p *Page) templ.Component { return reportMain(p, p.Main.(*ContentView)) },
	"page":        func(p *Page) templ.Component { return contentMain(p, p.Main.(*ContentView)) },
	"rules":       func(p *Page) templ.Component { return rulesMain(p, p.Main.(*RulesView)) },
	"data":        func(p *Page) templ.Component { return dataMain(p, p.Main.(*DataView)) },
	"search":      func(p *Page) templ.Component { return searchMain(p, p.Main.(*SearchView)) },
	"404":         func(p *Page) templ.Component { return notFoundMain(p, p.Main.(*NotFoundView)) },
}

// layout returns the whole page: its kind's main content inside base.
func layout(name string, p *Page) (templ.Component, error) {
	l, ok := layouts[name]
	if !ok {
		return nil, fmt.Errorf("site: no layout %q", name)
	}
	return base(p, l(p)), nil
}

// chartJSON writes a chart's option as <script type="application/json">
// for js/charts.js to read. encoding/json already writes <, > and & as
// \u003c … and the line separators as \u2028 …; the replacer makes sure,
// whatever made the bytes, that nothing in them can end the element.
func chartJSON(id string, b json.RawMessage) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, `<script type="application/json" id="`+html.EscapeString(id)+`">`+
			jsonInScript.Replace(string(b))+`</script>`)
		return err
	})
}

var jsonInScript = strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`)

// parenIf puts s in parentheses, or returns "" when s is.
func parenIf(p *Page, s string) string {
	if s == "" {
		return ""
	}
	return p.c.Paren(s)
}

// when returns s when cond holds, else "".
func when(cond bool, s string) string {
	if cond {
		return s
	}
	return ""
}

// enumValues writes the allowed values of an enum column, each marked as
// Chinese, with their English aliases on English pages, then after.
func enumValues(p *Page, values []EnumValue, after string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		var b strings.Builder
		for i, e := range values {
			if i > 0 {
				b.WriteString(html.EscapeString(p.T("dict.enum_sep")))
			}
			b.WriteString(`<span lang="zh-CN">` + html.EscapeString(e.Value) + `</span>`)
			if e.Alias != "" {
				b.WriteString(" [" + html.EscapeString(e.Alias) + "]")
			}
		}
		b.WriteString(html.EscapeString(after))
		_, err := io.WriteString(w, b.String())
		return err
	})
}
