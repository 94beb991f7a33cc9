// Package site plans and renders the pages of a county's site.
//
// A page is one HTML file: a Page frame (title, navigation, breadcrumbs,
// links to the stylesheet and feed, all relative to the page) with, in
// Main, the view of its kind: HomeView, VillageView, PledgeView … Views
// are plain structs of display-ready strings and links, prepared in Go from
// the dataset (every word from the catalogue, package i18n; charts, figures
// and tables from package charts); layouts only lay them out.
//
// Plan lists every page of the site in a fixed order (route.Table names
// their paths), each with a function that builds its view; Render builds
// and writes them on all cores, so that a province's million pages never
// sit in memory at once. Each kind of page is one file here, named for it
// (village.go, pledge.go, ratings.go …), with the rows that several kinds
// share in rows.go and the splitting of long lists in listing.go.
//
// Layouts: each kind of page has a layout of the same name in the theme's
// layouts/ folder (village.html, pledge.html …; Markdown pages use
// page.html, reports report.html, year indexes years.html), executed inside
// _base.html with the partials of layouts/partials/. A site overrides any of
// these files, and any static file or i18n string, by putting its own in
// its layouts/, static/ or i18n/ folder: the site's file wins, file by file
// (i18n key by key).
package site
