// Package route is gongshi's URL namespace in one table: every kind of page
// and file the site publishes, its path pattern and its navigation section.
// Page builders, the sitemap, the navigation, the check on content file
// names and the check on IDs (an ID that would land on one of gongshi's own
// pages) all read it, so a new kind of page is one row here.
//
// Paths are site paths: slash-separated, relative to the site root; a
// directory ends in "/" and its page is index.html inside it.
package route

import (
	"strconv"
	"strings"
)

// Kind names a kind of page or file.
type Kind string

// The kinds of pages and files.
const (
	HomePage          Kind = "home"
	TownshipsPage     Kind = "townships"
	TownshipPage      Kind = "township"
	VillagePage       Kind = "village"
	VillageFeedFile   Kind = "village-feed"
	VillageICSFile    Kind = "village-calendar"
	SecretaryPage     Kind = "secretary"
	BoardPage         Kind = "board"
	OverduePage       Kind = "overdue"
	AttentionPage     Kind = "attention"
	PledgeStatusPage  Kind = "pledges-by-status"
	PledgeKindPage    Kind = "pledges-by-kind"
	PledgeCatPage     Kind = "pledges-by-category"
	PledgePage        Kind = "pledge"
	RatingsYearsPage  Kind = "ratings-years"
	RatingsPage       Kind = "ratings"
	HearingsYearsPage Kind = "hearings-years"
	HearingsPage      Kind = "hearings"
	HearingPage       Kind = "hearing"
	CalendarFile      Kind = "calendar"
	ReportsYearsPage  Kind = "reports-years"
	ReportPage        Kind = "report"
	AboutPage         Kind = "about"
	RulesPage         Kind = "rules"
	DataPage          Kind = "data"
	DownloadFile      Kind = "download"
	SearchPage        Kind = "search"
	SearchIndexFile   Kind = "search-index"
	FeedFile          Kind = "feed"
	SitemapFile       Kind = "sitemap"
	RobotsFile        Kind = "robots"
	NotFoundPage      Kind = "404"
	FaviconFile       Kind = "favicon"
	ChartFile         Kind = "chart"
	AssetFile         Kind = "asset"
	ContentPage       Kind = "content"
)

// Route is one row of the table. A pattern's segments are literal names or
// placeholders: {townships}, {villages}, {secretaries}, {pledges},
// {hearings} (an ID of that table), {year} (four digits), {n} (a page
// number), {file} (a file name gongshi chooses, such as a chart's CSV),
// {path} (any path below: theme assets, downloads) and {status}, {kind},
// {category} (the English key of a pledge's status, kind or category:
// "in-progress").
type Route struct {
	Kind    Kind
	Pattern string
	Section string // the navigation section of pages of this kind ("" for none)
	// Paged marks a list that may be too long for one page (DESIGN.md: 500
	// rows): it continues at <dir>page/{n}/.
	Paged bool
	// ByTownship marks a list that, when long, is split by township into
	// <dir>{townships}/ (each paged), <dir> becoming an index of townships.
	ByTownship bool
}

// Table is every path gongshi writes.
var Table = []Route{
	{Kind: HomePage, Pattern: "", Section: "home"},
	{Kind: TownshipsPage, Pattern: "townships/", Section: "home", Paged: true},
	{Kind: TownshipPage, Pattern: "townships/{townships}/", Section: "home", Paged: true},
	{Kind: VillagePage, Pattern: "villages/{villages}/"},
	{Kind: VillageFeedFile, Pattern: "villages/{villages}/feed.xml"},
	{Kind: VillageICSFile, Pattern: "villages/{villages}/calendar.ics"},
	{Kind: SecretaryPage, Pattern: "secretaries/{secretaries}/"},
	{Kind: BoardPage, Pattern: "pledges/", Section: "pledges", Paged: true},
	{Kind: OverduePage, Pattern: "pledges/overdue/", Section: "pledges", Paged: true, ByTownship: true},
	{Kind: PledgeStatusPage, Pattern: "pledges/by-status/{status}/", Section: "pledges", Paged: true, ByTownship: true},
	{Kind: PledgeKindPage, Pattern: "pledges/by-kind/{kind}/", Section: "pledges", Paged: true, ByTownship: true},
	{Kind: PledgeCatPage, Pattern: "pledges/by-category/{category}/", Section: "pledges", Paged: true, ByTownship: true},
	{Kind: PledgePage, Pattern: "pledges/{pledges}/", Section: "pledges"},
	{Kind: AttentionPage, Pattern: "attention/", Section: "home", Paged: true, ByTownship: true},
	{Kind: RatingsYearsPage, Pattern: "ratings/", Section: "ratings"},
	{Kind: RatingsPage, Pattern: "ratings/{year}/", Section: "ratings", Paged: true, ByTownship: true},
	{Kind: HearingsYearsPage, Pattern: "hearings/", Section: "hearings"},
	{Kind: HearingsPage, Pattern: "hearings/{year}/", Section: "hearings", Paged: true, ByTownship: true},
	{Kind: CalendarFile, Pattern: "hearings/calendar.ics"},
	{Kind: HearingPage, Pattern: "hearings/{hearings}/", Section: "hearings"},
	{Kind: ReportsYearsPage, Pattern: "reports/", Section: "reports"},
	{Kind: ReportPage, Pattern: "reports/{year}/", Section: "reports"},
	{Kind: AboutPage, Pattern: "about/"},
	{Kind: RulesPage, Pattern: "rules/", Section: "rules"},
	{Kind: DataPage, Pattern: "data/", Section: "data"},
	{Kind: DownloadFile, Pattern: "data/{path}"},
	{Kind: SearchPage, Pattern: "search/", Section: "search"},
	{Kind: SearchIndexFile, Pattern: "search/{path}"},
	{Kind: FeedFile, Pattern: "feed.xml"},
	{Kind: SitemapFile, Pattern: "sitemap.xml"},
	{Kind: SitemapFile, Pattern: "sitemap-{n}.xml"},
	{Kind: RobotsFile, Pattern: "robots.txt"},
	{Kind: NotFoundPage, Pattern: "404.html"},
	{Kind: FaviconFile, Pattern: "favicon.ico"},
	{Kind: ChartFile, Pattern: "charts/{path}"},
	{Kind: AssetFile, Pattern: "css/{path}"},
	{Kind: AssetFile, Pattern: "js/{path}"},
	{Kind: AssetFile, Pattern: "vendor/{path}"},
}

// Nav is the main navigation, in order: the section and its i18n key.
var Nav = []struct {
	Kind Kind
	Key  string
}{
	{HomePage, "nav_home"}, {BoardPage, "nav_pledges"}, {RatingsYearsPage, "nav_ratings"}, {HearingsYearsPage, "nav_hearings"},
	{ReportsYearsPage, "nav_reports"}, {DataPage, "nav_data"}, {RulesPage, "nav_rules"}, {SearchPage, "search"},
}

// Of returns the row of a kind (the first, for kinds with several patterns).
func Of(k Kind) Route {
	for _, r := range Table {
		if r.Kind == k {
			return r
		}
	}
	panic("route: no kind " + string(k))
}

// Path returns the path of a kind that has no placeholder ("pledges/").
func Path(k Kind) string { return Of(k).Pattern }

// Section returns the navigation section of a kind of page.
func Section(k Kind) string { return Of(k).Section }

// Fixed paths, for the kinds that have no placeholder.
const (
	HomePath       = ""
	TownshipsPath  = "townships/"
	BoardPath      = "pledges/"
	OverduePath    = "pledges/overdue/"
	AttentionPath  = "attention/"
	RatingsPath    = "ratings/"
	HearingsPath   = "hearings/"
	CalendarPath   = "hearings/calendar.ics"
	ReportsPath    = "reports/"
	FeedPath       = "feed.xml"
	SitemapPath    = "sitemap.xml"
	RobotsPath     = "robots.txt"
	NotFoundPath   = "404.html"
	StylePath      = "css/site.css"
	ExtraStylePath = "css/extra.css"
	SearchScript   = "js/search.js"
	SortScript     = "js/sort.js"
)

// Paths of pages with an ID or a year (directory form).
func Village(id string) string         { return "villages/" + id + "/" }
func VillageFeedPath(id string) string { return "villages/" + id + "/feed.xml" }
func VillageICSPath(id string) string  { return "villages/" + id + "/calendar.ics" }
func Township(id string) string        { return "townships/" + id + "/" }
func Secretary(id string) string       { return "secretaries/" + id + "/" }
func Pledge(id string) string          { return "pledges/" + id + "/" }
func Hearing(id string) string         { return "hearings/" + id + "/" }
func Ratings(year int) string          { return "ratings/" + strconv.Itoa(year) + "/" }
func Hearings(year int) string         { return "hearings/" + strconv.Itoa(year) + "/" }
func Report(year int) string           { return "reports/" + strconv.Itoa(year) + "/" }

// Lists of pledges by one value of a column, by its English key
// ("in-progress"): status, kind, category.
func PledgesByStatus(key string) string   { return "pledges/by-status/" + key + "/" }
func PledgesByKind(key string) string     { return "pledges/by-kind/" + key + "/" }
func PledgesByCategory(key string) string { return "pledges/by-category/" + key + "/" }

// ChartCSV returns the path of a county chart's CSV.
func ChartCSV(name string, year int) string {
	if year > 0 {
		name += "-" + strconv.Itoa(year)
	}
	return "charts/" + name + ".csv"
}

// TownshipChartCSV and VillageChartCSV are the CSVs of a page's own charts.
func TownshipChartCSV(id string) string       { return "charts/townships/" + id + ".csv" }
func VillageChartCSV(id, chart string) string { return "charts/villages/" + id + "-" + chart + ".csv" }

// Page returns page k (1-based) of a list at dir: dir itself, then dir/page/<k>/.
func Page(dir string, k int) string {
	if k <= 1 {
		return dir
	}
	return dir + "page/" + strconv.Itoa(k) + "/"
}

// Part returns the part of a split list at dir that holds one township.
func Part(dir, townshipID string) string { return dir + townshipID + "/" }

// File returns the output file of a site path: "a/b/" → "a/b/index.html",
// "" → "index.html"; a file path is returned as is.
func File(p string) string {
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// Rel returns the link from the page at from (an output file such as
// "villages/V1/index.html") to the site path to. A directory gets
// "index.html", so links work opened from disk (file://), at a domain root
// and under any sub-folder alike.
func Rel(from, to string) string {
	if to == "" || strings.HasSuffix(to, "/") {
		return Root(from) + to + "index.html" // one string made, not three
	}
	return Root(from) + to
}

// Root returns the relative path from an output file to the site root: ""
// for "index.html", "../../" for "villages/V1/index.html".
func Root(from string) string {
	n := strings.Count(from, "/")
	if n < len(ups) {
		return ups[n] // links are made by the million: no string each
	}
	return strings.Repeat("../", n)
}

// ups holds Root's answers for the depths of gongshi's pages.
var ups = func() (u [8]string) {
	for i := range u {
		u[i] = strings.Repeat("../", i)
	}
	return u
}()
