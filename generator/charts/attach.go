package charts

import (
	"html/template"
	"sort"
	"strconv"
	"sync"

	"gongshi/generator/content"
	"gongshi/generator/dataset"
	"gongshi/generator/problem"
	"gongshi/generator/site"
)

// Scripts are the theme files a page with charts loads, in order.
var Scripts = []string{"vendor/echarts/echarts.common.min.js", "js/charts.js"}

// state is what Attach keeps while a site renders: the county-level chart
// CSVs (shared by several pages, written once at the end) and the pages whose
// Markdown holds charts.
type state struct {
	s  *site.Site
	ds *dataset.Dataset

	mu         sync.Mutex
	shared     map[string][]byte          // site path → CSV, for charts of the whole county
	chartPages map[string]bool            // output paths of Markdown pages with charts
	ids        map[string]map[string]bool // output path → chart element IDs used on the page
}

// Attach adds charts to a site: on the home, pledge board, ratings, hearings,
// township and village pages, in generated reports, and through shortcodes
// in Markdown. Call it before site.Prepare.
func Attach(s *site.Site) {
	st := &state{s: s, ds: s.D, shared: map[string][]byte{}, chartPages: map[string]bool{}, ids: map[string]map[string]bool{}}
	s.Shortcodes = st.shortcode
	s.Hook = st.hook
	s.ReportHook = st.report
	s.AfterRender = st.flush
}

// county returns the view of a county-level chart, registering its CSV.
func (st *state) county(pagePath, name string, year int) (site.ChartView, error) {
	d := st.localize(chartDefs[name].data(st.ds, year))
	file := "charts/" + name
	id := name
	if year > 0 {
		file += "-" + strconv.Itoa(year)
		id += "-" + strconv.Itoa(year)
	}
	file += ".csv"
	st.mu.Lock()
	if _, ok := st.shared[file]; !ok {
		st.shared[file] = CSV(d)
	}
	st.mu.Unlock()
	return View(d, st.pageID(pagePath, chartID(id)), site.Rel(pagePath, file))
}

// pageID returns id, or id with a numeric suffix when the page already has
// it: the same chart may appear twice on a page (a shortcode in the home
// page's introduction and the home page's own charts), and element IDs must
// not repeat.
func (st *state) pageID(pagePath, id string) string {
	st.mu.Lock()
	defer st.mu.Unlock()
	used := st.ids[pagePath]
	if used == nil {
		used = map[string]bool{}
		st.ids[pagePath] = used
	}
	u := id
	for n := 2; used[u]; n++ {
		u = id + "_" + strconv.Itoa(n)
	}
	used[u] = true
	return u
}

// localize returns the chart in the site's language.
func (st *state) localize(d *Data) *Data {
	if st.ds.Site.Language == "en" {
		return English(d)
	}
	return d
}

// local returns the view of a chart that belongs to one page, adding its CSV to the page.
func local(p *site.Page, d *Data, id, file string) (site.ChartView, error) {
	p.Files = append(p.Files, site.OutFile{Path: file, Data: CSV(d)})
	return View(d, chartID(id), site.Rel(p.Path, file))
}

// hook adds the charts of each kind of page, and the chart scripts to pages that have any.
func (st *state) hook(p *site.Page) {
	add := func(dst *[]site.ChartView, name string, year int) {
		if v, err := st.county(p.Path, name, year); err == nil {
			*dst = append(*dst, v)
		}
	}
	has := st.chartPages[p.Path]
	switch v := p.Main.(type) {
	case *site.HomeView:
		for _, n := range []string{"pledge-status", "grades", "stars", "channels", "ages", "education"} {
			add(&v.Charts, n, 0)
		}
		has = true
	case *site.BoardView:
		if v.ByStatus != nil && (v.Pager == nil || v.Pager.Prev == "") {
			add(&v.Charts, "pledge-status", 0)
			add(&v.Charts, "pledge-categories", 0)
			has = true
		}
	case *site.RatingsView:
		if v.Township == "" && v.Grades != nil {
			add(&v.Charts, "grades", 0)
			add(&v.Charts, "stars", 0)
			add(&v.Charts, "training", v.Year)
			has = true
		}
	case *site.HearingsView:
		if v.Township == "" && v.Outcomes != nil {
			add(&v.Charts, "hearing-outcomes", v.Year)
			has = true
		}
	case *site.TownshipView:
		if v.Pager == nil || v.Pager.Prev == "" {
			id := townshipID(p.Path)
			if c, err := local(p, st.localize(TownshipCompletion(st.ds, id)), "township-"+id, "charts/townships/"+id+".csv"); err == nil {
				v.Charts = append(v.Charts, c)
				has = true
			}
		}
	case *site.VillageView:
		id := villageID(p.Path)
		if len(st.ds.AppraisalsOf[id]) > 0 {
			if c, err := local(p, st.localize(VillageScores(st.ds, id)), "scores-"+id, "charts/villages/"+id+"-scores.csv"); err == nil {
				v.Charts = append(v.Charts, c)
			}
			if c, err := local(p, st.localize(VillageStars(st.ds, id)), "stars-"+id, "charts/villages/"+id+"-stars.csv"); err == nil {
				v.Charts = append(v.Charts, c)
			}
			has = true
		}
	case *site.ContentView:
		has = has || len(v.Charts) > 0
	}
	if has {
		for _, s := range Scripts {
			p.Scripts = append(p.Scripts, site.Rel(p.Path, s))
		}
	}
}

// townshipID and villageID read the ID back from the page path
// ("townships/T1/index.html"), which the site built from a validated ID.
func townshipID(path string) string { return segment(path, 1) }
func villageID(path string) string  { return segment(path, 1) }

func segment(path string, i int) string {
	parts := splitPath(path)
	if i < len(parts) {
		return parts[i]
	}
	return ""
}

func splitPath(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		if p[i] == '/' {
			out = append(out, p[start:i])
			start = i + 1
		}
	}
	return append(out, p[start:])
}

// report fills a generated yearly report: big numbers, charts and tables of the year.
func (st *state) report(path string, year int, v *site.ContentView) {
	for _, n := range []string{"pledges-total", "pledges-done-share", "pledges-overdue", "hearings-held", "five-star-teams", "training-qualified-share"} {
		v.Facts = append(v.Facts, figureDefs[n].value(st.ds, year))
	}
	for _, c := range []struct {
		name string
		year int
	}{{"pledge-status", year}, {"pledge-categories", year}, {"grades", 0}, {"hearing-outcomes", year}, {"training", year}, {"channels", 0}, {"ages", 0}, {"education", 0}} {
		if cv, err := st.county(path, c.name, c.year); err == nil {
			v.Charts = append(v.Charts, cv)
		}
	}
	for _, n := range []string{"grades", "overdue-pledges", "needs-adjust"} {
		v.Tables = append(v.Tables, tableDefs[n].rows(st.ds, year, 50))
	}
}

// flush writes the county-level chart CSVs, sorted by path.
func (st *state) flush(write func(string, []byte) error) error {
	paths := make([]string, 0, len(st.shared))
	for p := range st.shared {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err := write(p, st.shared[p]); err != nil {
			return err
		}
	}
	return nil
}

// shortcode renders {{< chart|figure|table "NAME" key=value … >}}.
func (st *state) shortcode(sc *content.Shortcode, pagePath string) (template.HTML, *problem.Problem) {
	bad := func(zh, en string) (template.HTML, *problem.Problem) {
		return "", &problem.Problem{Code: "shortcode", Key: sc.Kind, Value: sc.Name, Zh: zh, En: en}
	}
	var allowed []arg
	switch sc.Kind {
	case "chart":
		def, ok := chartDefs[sc.Name]
		if !ok {
			return bad("未知的图表名称；可用："+join(sortedNames(chartDefs)), "unknown chart; expected one of "+join(sortedNames(chartDefs)))
		}
		allowed = def.args
	case "figure":
		if _, ok := figureDefs[sc.Name]; !ok {
			return bad("未知的数字名称；可用："+join(sortedNames(figureDefs)), "unknown figure; expected one of "+join(sortedNames(figureDefs)))
		}
		allowed = []arg{argYear}
	case "table":
		if _, ok := tableDefs[sc.Name]; !ok {
			return bad("未知的表格名称；可用："+join(sortedNames(tableDefs)), "unknown table; expected one of "+join(sortedNames(tableDefs)))
		}
		allowed = []arg{argYear, argLimit}
	default:
		return bad("未知的短代码；可用 chart、figure、table", "unknown shortcode; expected chart, figure or table")
	}
	year, limit := 0, 50
	for _, k := range sortedNames(sc.Args) {
		val := sc.Args[k]
		ok := false
		for _, a := range allowed {
			ok = ok || a.name == k
		}
		if !ok {
			var names []string
			for _, a := range allowed {
				names = append(names, a.name)
			}
			if len(names) == 0 {
				return "", &problem.Problem{Code: "shortcode-arg", Key: k, Value: val, Zh: "“" + sc.Name + "”不接受参数", En: sc.Name + " takes no arguments"}
			}
			return "", &problem.Problem{Code: "shortcode-arg", Key: k, Value: val, Zh: "“" + sc.Name + "”不接受此参数；可用：" + join(names),
				En: "argument not accepted by " + sc.Name + "; expected " + join(names)}
		}
		n, err := strconv.Atoi(val)
		switch k {
		case "year":
			if err != nil || !st.hasYear(n) {
				return "", &problem.Problem{Code: "shortcode-arg", Key: k, Value: val, Zh: "应为有数据的年份：" + st.yearList(),
					En: "expected a year with data: " + st.yearList()}
			}
			year = n
		case "limit":
			if err != nil || n < 1 || n > 500 {
				return "", &problem.Problem{Code: "shortcode-arg", Key: k, Value: val, Zh: "应为 1 到 500 之间的整数", En: "expected a whole number from 1 to 500"}
			}
			limit = n
		}
	}
	var data any
	partial := sc.Kind
	switch sc.Kind {
	case "chart":
		cv, err := st.county(pagePath, sc.Name, year)
		if err != nil {
			return bad("图表无法生成", err.Error())
		}
		st.mu.Lock()
		st.chartPages[pagePath] = true
		st.mu.Unlock()
		data, partial = []site.ChartView{cv}, "charts"
	case "figure":
		data = figureDefs[sc.Name].value(st.ds, year)
	case "table":
		data = tableDefs[sc.Name].rows(st.ds, year, limit)
	}
	h, err := st.s.Theme.Partial(partial, data)
	if err != nil {
		return bad("模板错误", err.Error())
	}
	return h, nil
}

func (st *state) hasYear(y int) bool {
	for _, x := range st.ds.Years {
		if x == y {
			return true
		}
	}
	return false
}

func (st *state) yearList() string {
	var ys []string
	for _, y := range st.ds.Years {
		ys = append(ys, strconv.Itoa(y))
	}
	return join(ys)
}

func join(list []string) string {
	out := ""
	for i, s := range list {
		if i > 0 {
			out += "/"
		}
		out += s
	}
	return out
}
