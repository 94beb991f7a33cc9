package site

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// qrSVG returns a QR code of url as an inline SVG: one path of unit squares,
// a quiet zone of four modules, crisp at any print size. The URL is ours
// (base_url + page path), and is only encoded, never shown as markup.
func qrSVG(url, title string) template.HTML {
	q, err := qrcode.New(url, qrcode.Medium)
	if err != nil {
		return ""
	}
	q.DisableBorder = true
	bm := q.Bitmap()
	n := len(bm)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 %d %d" role="img" aria-labelledby="qr-title" shape-rendering="crispEdges"><title id="qr-title">%s</title><rect x="-4" y="-4" width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n+8, n+8, html.EscapeString(title), n+8, n+8)
	for y, row := range bm {
		for x := 0; x < len(row); x++ {
			if !row[x] {
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", start, y, x-start, x-start)
		}
	}
	b.WriteString(`"/></svg>`)
	return template.HTML(b.String())
}
