package qa

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Browser is one headless Chromium, started once and shared by every page
// check: each page opens in a tab of its own.
type Browser struct {
	ctx         context.Context // the first tab; tabs are made from it
	cancel      context.CancelFunc
	allocCancel context.CancelFunc
	profile     string // the fresh --user-data-dir, removed by Close
}

// actionTimeout bounds each step in a tab (a load, a click, an axe run),
// so a hung page fails its test instead of the whole run.
const actionTimeout = 30 * time.Second

// StartBrowser starts Chromium at execPath, headless, with a fresh profile
// and nothing that phones home (no background networking, component
// updates, sync or proxy). chromedp never downloads a browser.
func StartBrowser(execPath string) (*Browser, error) {
	profile, err := os.MkdirTemp("", "gongshi-qa-chromium-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(execPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(profile),
	)
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	b := &Browser{ctx: ctx, cancel: cancel, allocCancel: allocCancel, profile: profile}
	// The first Do starts the browser and ties it to ctx, so it cannot take
	// a timeout context; bound the wait from outside instead.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err = <-started:
	case <-time.After(60 * time.Second):
		err = errors.New("chromium did not start within 60 s")
	}
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("starting %s: %w", execPath, err)
	}
	return b, nil
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() {
	b.cancel()
	b.allocCancel()
	os.RemoveAll(b.profile)
}

// Report is what went wrong while a page was open.
type Report struct {
	Errors   []string // console.error calls, uncaught exceptions, browser log errors
	Failed   []string // requests that failed or answered HTTP ≥ 400
	External []string // URLs requested outside the site (blocked before they left the machine)
}

// Problems returns every entry of the report, each prefixed with its kind.
func (r Report) Problems() []string {
	var out []string
	for _, s := range r.Errors {
		out = append(out, "error: "+s)
	}
	for _, s := range r.Failed {
		out = append(out, "failed request: "+s)
	}
	for _, s := range r.External {
		out = append(out, "request outside the site: "+s)
	}
	return out
}

// Page is a tab with a page loaded, recording its console, exceptions,
// browser log and requests until Close.
type Page struct {
	ctx    context.Context
	cancel context.CancelFunc
	inSite func(url string) bool

	mu       sync.Mutex
	urls     map[network.RequestID]string
	rep      Report
	external map[string]bool
}

// Open loads url in a new tab. inSite says whether a requested URL belongs to
// the site; every other request is recorded as External and blocked (with
// the Fetch domain) so that nothing leaves the machine. Open fails only when
// the page cannot load at all; what went wrong on it is in Report.
func (b *Browser) Open(url string, inSite func(string) bool) (*Page, error) {
	p := &Page{inSite: inSite, urls: map[network.RequestID]string{}, external: map[string]bool{}}
	p.ctx, p.cancel = chromedp.NewContext(b.ctx, chromedp.WithListener(p.listen))
	if err := chromedp.Do(p.ctx); err != nil { // opens the tab
		p.Close()
		return nil, fmt.Errorf("opening a tab: %w", err)
	}
	paused := chromedp.Events(p.ctx, fetch.RequestPaused)
	go p.intercept(paused)
	if _, err := chromedp.Call(p.ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		p.Close()
		return nil, fmt.Errorf("enabling request interception: %w", err)
	}
	if err := p.Navigate(url); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// intercept lets the site's own requests through and blocks every other one.
func (p *Page) intercept(paused iter.Seq2[fetch.EventRequestPaused, error]) {
	for ev, err := range paused {
		if err != nil {
			return
		}
		var u string
		if ev.Request != nil {
			u = ev.Request.URL
		}
		var cerr error
		if p.inSite(u) {
			_, cerr = chromedp.Call(p.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID})
		} else {
			p.addExternal(u)
			_, cerr = chromedp.Call(p.ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		}
		if cerr != nil && p.ctx.Err() == nil {
			p.add(&p.rep.Errors, fmt.Sprintf("interception of %s: %v", u, cerr))
		}
	}
}

// listen records the events of the tab. It runs in the tab's event loop:
// it must return fast and send no command.
func (p *Page) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			p.add(&p.rep.Errors, "console.error: "+argsText(ev.Args)+stackPlace(ev.StackTrace))
		}
	case *runtime.EventExceptionThrown:
		p.add(&p.rep.Errors, "uncaught exception: "+exceptionText(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		if ev.Entry != nil && ev.Entry.Level == log.EntryLevelError {
			s := fmt.Sprintf("browser log (%s): %s", ev.Entry.Source, ev.Entry.Text)
			if ev.Entry.URL != "" {
				s += fmt.Sprintf(" at %s:%d", ev.Entry.URL, ev.Entry.LineNumber+1)
			}
			p.add(&p.rep.Errors, s)
		}
	case *network.EventRequestWillBeSent:
		if ev.Request == nil {
			return
		}
		p.mu.Lock()
		p.urls[ev.RequestID] = ev.Request.URL
		p.mu.Unlock()
		if !p.inSite(ev.Request.URL) {
			p.addExternal(ev.Request.URL)
		}
	case *network.EventLoadingFailed:
		p.mu.Lock()
		u := p.urls[ev.RequestID]
		p.mu.Unlock()
		s := fmt.Sprintf("%s: %s", u, ev.ErrorText)
		if ev.BlockedReason != "" {
			s += " (" + string(ev.BlockedReason) + ")"
		}
		p.add(&p.rep.Failed, s)
	case *network.EventResponseReceived:
		if r := ev.Response; r != nil && r.Status >= 400 {
			p.add(&p.rep.Failed, fmt.Sprintf("%s: HTTP %d %s", r.URL, r.Status, r.StatusText))
		}
	}
}

func (p *Page) add(list *[]string, s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	*list = append(*list, s)
}

func (p *Page) addExternal(u string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.external[u] {
		p.external[u] = true
		p.rep.External = append(p.rep.External, u)
	}
}

// Report returns what went wrong on the page so far.
func (p *Page) Report() Report {
	p.mu.Lock()
	defer p.mu.Unlock()
	return Report{
		Errors:   slices.Clone(p.rep.Errors),
		Failed:   slices.Clone(p.rep.Failed),
		External: slices.Clone(p.rep.External),
	}
}

// Close closes the tab.
func (p *Page) Close() { p.cancel() }

// do runs actions in the tab with the action timeout.
func (p *Page) do(actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

// Navigate loads url in the tab and waits for its load event.
func (p *Page) Navigate(url string) error {
	if err := p.do(chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("loading %s: %w", url, err)
	}
	return nil
}

// Click clicks the first element that matches the CSS selector, as a user
// would (scrolled into view, a real mouse event), and waits for the page it
// leads to to load.
func (p *Page) Click(selector string) error {
	ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.Click(chromedp.CSS(selector), chromedp.NodeVisible)))
	if err != nil {
		return fmt.Errorf("clicking %s: %w", selector, err)
	}
	return nil
}

// Back goes back one page in the tab's history and waits for it to load.
func (p *Page) Back() error {
	ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.NavigateBack()))
	return err
}

// Eval evaluates a JavaScript expression in the page and decodes its value
// (awaiting it when it is a promise).
func Eval[T any](p *Page, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(p.ctx, actionTimeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// argsText renders console arguments roughly as DevTools shows them.
func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a == nil:
		case len(a.Value) > 0:
			parts = append(parts, strings.Trim(string(a.Value), `"`))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		desc, _, _ := strings.Cut(d.Exception.Description, "\n") // the rest is the stack
		s += " " + desc
	}
	if d.URL != "" {
		s += fmt.Sprintf(" at %s:%d:%d", d.URL, d.LineNumber+1, d.ColumnNumber+1)
	} else {
		s += stackPlace(d.StackTrace)
	}
	return s
}

func stackPlace(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" at %s:%d:%d", f.URL, f.LineNumber+1, f.ColumnNumber+1)
}
