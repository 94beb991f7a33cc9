package qa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
)

// VNUMessage is one message of the Nu HTML Checker's JSON output.
type VNUMessage struct {
	Type      string `json:"type"`    // "error", "info" or "non-document-error"
	SubType   string `json:"subType"` // "fatal", "warning", …
	URL       string `json:"url"`     // file:/abs/path/page.html
	FirstLine int    `json:"firstLine"`
	LastLine  int    `json:"lastLine"`
	FirstCol  int    `json:"firstColumn"`
	LastCol   int    `json:"lastColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
}

// File returns the checked file's path relative to root (or as given when
// it lies outside root).
func (m VNUMessage) File(root string) string {
	p := m.URL
	if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
		p = u.Path
	}
	if rel, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return p
}

// Format returns the message as "file:line:col: message (extract)".
func (m VNUMessage) Format(root string) string {
	line := m.LastLine
	if m.FirstLine > 0 {
		line = m.FirstLine
	}
	col := m.FirstCol
	s := fmt.Sprintf("%s:%d:%d: %s", m.File(root), line, col, m.Message)
	if ex := strings.Join(strings.Fields(m.Extract), " "); ex != "" {
		s += fmt.Sprintf("  [%s]", ex)
	}
	return s
}

// RunVNU checks HTML (and CSS) files with the Nu HTML Checker (errors only) and
// returns its messages: an empty slice means every page is valid HTML.
// Each target is a file or a folder, which vnu walks for *.html and *.css files.
// err is for a checker that could not run, never for invalid pages.
func RunVNU(java, jar string, targets ...string) ([]VNUMessage, error) {
	args := append([]string{"-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", "--also-check-css"}, targets...)
	cmd := exec.Command(java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	// vnu writes its report to stderr and exits 1 when it found errors.
	var ee *exec.ExitError
	if runErr != nil && !errors.As(runErr, &ee) {
		return nil, fmt.Errorf("running vnu: %w", runErr)
	}
	out := stderr.Bytes()
	if i := bytes.IndexByte(out, '{'); i > 0 {
		out = out[i:] // skip anything the JVM printed first
	}
	var rep struct {
		Messages []VNUMessage `json:"messages"`
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("vnu output is not its JSON report (%v): %s%s", runErr, clip(stderr.String(), 2000), clip(stdout.String(), 500))
	}
	if runErr != nil && len(rep.Messages) == 0 {
		return nil, fmt.Errorf("vnu failed with no messages: %w", runErr)
	}
	return rep.Messages, nil
}

// clip shortens s to at most n bytes, for error messages.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}
