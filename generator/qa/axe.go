package qa

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// WCAGTags are the axe-core rule tags the gate runs: WCAG 2.0 and 2.1,
// levels A and AA (colour contrast included).
var WCAGTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// AxeViolation is one axe-core rule that failed on a page.
type AxeViolation struct {
	ID      string    `json:"id"`     // rule id, e.g. "label", "color-contrast"
	Impact  string    `json:"impact"` // minor, moderate, serious, critical
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []AxeNode `json:"nodes"`
}

// AxeNode is one element that failed a rule.
type AxeNode struct {
	Target  []string `json:"target"` // CSS selector path
	HTML    string   `json:"html"`
	Summary string   `json:"summary"` // axe's failureSummary: what to fix
}

// Format returns the violation with every failing element, for a test log.
func (v AxeViolation) Format() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s — %s", v.ID, v.Impact, v.Help, v.HelpURL)
	for i, n := range v.Nodes {
		if i == 10 {
			fmt.Fprintf(&b, "\n    … and %d more elements", len(v.Nodes)-i)
			break
		}
		fmt.Fprintf(&b, "\n    %s\n      %s\n      %s", strings.Join(n.Target, " "), clip(n.HTML, 300),
			strings.ReplaceAll(strings.TrimSpace(n.Summary), "\n", "\n      "))
	}
	return b.String()
}

// AxeResult is what axe-core found on a page.
type AxeResult struct {
	Violations []AxeViolation `json:"violations"`
	// Incomplete lists rules axe could not decide (e.g. contrast over an
	// image): rule id → elements, for a person to review; not a failure.
	Incomplete map[string]int `json:"incomplete"`
}

// Axe reads axe-core's script (axe.min.js) for injection into pages.
func Axe(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}

// RunAxe injects axe-core into the page and runs the WCAG 2.1 A and AA rules
// on the whole document as it is now (run it after charts drew).
func (p *Page) RunAxe(axeSource string) (AxeResult, error) {
	if _, err := Eval[[]byte](p, axeSource+"\n;true"); err != nil {
		return AxeResult{}, fmt.Errorf("injecting axe-core: %w", err)
	}
	tags, _ := json.Marshal(WCAGTags)
	js := `axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}}).then(r => ({
  violations: r.violations.map(v => ({
    id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.map(String), html: n.html, summary: n.failureSummary || ""})),
  })),
  incomplete: Object.fromEntries(r.incomplete.map(v => [v.id, v.nodes.length])),
}))`
	res, err := Eval[AxeResult](p, js)
	if err != nil {
		return AxeResult{}, fmt.Errorf("running axe-core: %w", err)
	}
	return res, nil
}
