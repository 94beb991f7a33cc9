// Package qa is the quality gate: tests that build the demo county once and
// hold every generated page to the bar a public government site must meet —
// valid HTML (Nu HTML Checker), WCAG 2.1 AA (axe-core in headless Chromium),
// no console errors, failed or off-site requests, charts that actually draw
// (when they come into view), links that work from file:// and under a
// sub-folder, a page weight budget, a phone's screen (no page wider than
// 360 px, every nav item shown, no text under 14 px, the village page's
// answers on its first screen and a half), the printed village notice (one
// A4 sheet, its QR code read back) and Lighthouse's mobile scores.
//
// The package has no code the generator uses; its helpers exist for the
// tests. The outside tools are found through GONGSHI_CHROMIUM,
// GONGSHI_VNU_JAR, GONGSHI_AXE_JS and GONGSHI_LIGHTHOUSE (set by .ci/run),
// else in their default places, and pdftoppm and zbarimg on PATH; a
// missing tool skips its test, or fails it when CI=true.
package qa
