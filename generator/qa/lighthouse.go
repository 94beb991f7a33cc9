package qa

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
)

// LighthouseCategories are the four categories gongshi's pages are held to.
var LighthouseCategories = []string{"performance", "accessibility", "best-practices", "seo"}

// LighthouseResult is what Lighthouse found on one page: each category's
// score (0–1, as its report shows ×100) and the audits that fell short.
type LighthouseResult struct {
	Scores map[string]float64
	Failed []string // "id (score): title — value", scored audits below 1
}

// RunLighthouse audits url as a phone on a slow 4G connection does
// (Lighthouse's mobile defaults: simulated throttling, a Moto G Power
// screen), with the Chromium at chromium, and returns the scores.
func RunLighthouse(lighthouse, chromium, url string) (LighthouseResult, error) {
	var res LighthouseResult
	profile, err := os.MkdirTemp("", "gongshi-lighthouse-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(profile)
	cmd := exec.Command(lighthouse, url, "--quiet", "--output=json", "--output-path=stdout",
		"--only-categories="+strings.Join(LighthouseCategories, ","), "--form-factor=mobile",
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --user-data-dir="+profile)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return res, fmt.Errorf("lighthouse %s: %w\n%s", url, err, stderr.String())
	}
	var report struct {
		Categories map[string]struct {
			Score     *float64 `json:"score"`
			AuditRefs []struct {
				ID     string  `json:"id"`
				Weight float64 `json:"weight"`
			} `json:"auditRefs"`
		} `json:"categories"`
		Audits map[string]struct {
			Title        string   `json:"title"`
			Score        *float64 `json:"score"`
			DisplayValue string   `json:"displayValue"`
		} `json:"audits"`
		RuntimeError *struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"runtimeError"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		return res, fmt.Errorf("lighthouse %s: reading its report: %w", url, err)
	}
	if report.RuntimeError != nil {
		return res, fmt.Errorf("lighthouse %s: %s: %s", url, report.RuntimeError.Code, report.RuntimeError.Message)
	}
	res.Scores = map[string]float64{}
	failed := map[string]bool{}
	for _, name := range LighthouseCategories {
		c, ok := report.Categories[name]
		if !ok || c.Score == nil {
			return res, fmt.Errorf("lighthouse %s: no %s score", url, name)
		}
		res.Scores[name] = *c.Score
		for _, ref := range c.AuditRefs {
			a := report.Audits[ref.ID]
			if ref.Weight > 0 && a.Score != nil && *a.Score < 1 && !failed[ref.ID] {
				failed[ref.ID] = true
				res.Failed = append(res.Failed, fmt.Sprintf("%s %s (%.2f): %s %s", name, ref.ID, *a.Score, a.Title, a.DisplayValue))
			}
		}
	}
	sort.Strings(res.Failed)
	return res, nil
}
