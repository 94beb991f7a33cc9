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
// Layouts are compiled: each kind of page has its layout beside its view
// builder, in a templ file of the same name (village.go builds the
// VillageView that village.templ lays out), made into Go by `go generate`
// (templ generate; TestLayoutsGenerated checks the *_templ.go files are up
// to date). layout.templ holds the page shell, partials.templ and
// people.templ the pieces several kinds share, layouts.go the map from a
// plan entry's layout name to its component.
//
// What a site overrides (theme.go): its own head, header and footer
// partials (layouts/partials/*.html, html/template), any static file (its
// static/ folder, file by file; static/css/extra.css is linked on every
// page), and any word (i18n/<lang>.toml, key by key).
package site

//go:generate go tool templ generate
