// Package qa is the quality gate: tests that build the demo county once and
// hold every generated page to the bar a public government site must meet —
// valid HTML (Nu HTML Checker), WCAG 2.1 AA (axe-core in headless Chromium),
// no console errors, failed or off-site requests, charts that actually draw,
// links that work from file://, and a page weight budget.
//
// The package has no code the generator uses; its helpers exist for the
// tests. The outside tools are found through GONGSHI_CHROMIUM,
// GONGSHI_VNU_JAR and GONGSHI_AXE_JS (set by .ci/run), else in their
// default places; a missing tool skips its test, or fails it when CI=true.
package qa
