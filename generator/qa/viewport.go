package qa

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Phone is the narrowest screen gongshi lays out for: 360 CSS pixels wide
// (most low-cost Android phones), 640 high, at twice the pixel density.
var Phone = Viewport{Width: 360, Height: 640, Scale: 2, Mobile: true}

// Desktop is a common laptop screen.
var Desktop = Viewport{Width: 1366, Height: 768, Scale: 1}

// Viewport is a screen to emulate.
type Viewport struct {
	Width, Height int64
	Scale         float64
	Mobile        bool // a phone: meta viewport honoured, touch
}

// SetViewport makes the tab lay out the page as on screen v, and waits for
// the layout to settle.
func (p *Page) SetViewport(v Viewport) error {
	ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
	defer cancel()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(v.Scale), chromedp.EmulatePortrait}
	if v.Mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	err := chromedp.Do(ctx, chromedp.EmulateViewport(v.Width, v.Height, opts...))
	if err != nil {
		return fmt.Errorf("setting the viewport to %dx%d: %w", v.Width, v.Height, err)
	}
	_, err = Eval[bool](p, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
	return err
}

// FullScreenshot returns a PNG of the whole page at the current viewport's
// width.
func (p *Page) FullScreenshot() ([]byte, error) {
	ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.FullScreenshot(100))
}

// PrintPDF prints the page as Chromium's "Save as PDF" does, on the paper
// size its print stylesheet asks for (@page), with backgrounds off.
func (p *Page) PrintPDF() ([]byte, error) {
	ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
	defer cancel()
	yes := true
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}

// SetDefaultFontSize sets the browser's default font size, as a reader
// does in the phone's settings (16 px by default), and waits for layout.
func (p *Page) SetDefaultFontSize(px int64) error {
	ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, page.SetFontSizes, page.SetFontSizesParams{FontSizes: &page.FontSizes{Standard: px}}); err != nil {
		return fmt.Errorf("setting the default font size to %d px: %w", px, err)
	}
	_, err := Eval[bool](p, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
	return err
}

// EmulatePrint lays pages out as for print (the print stylesheet applies)
// at the given width in CSS px, as the printable width of a sheet.
func (p *Page) EmulatePrint(width int64) error {
	ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	return err
}
