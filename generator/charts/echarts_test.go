package charts

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

var reChartID = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

func TestChartID(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  string
	}{
		{[]string{"grades"}, "grades"},
		{[]string{"pledge-status-2024"}, "pledge_status_2024"},
		{[]string{"township-T01"}, "township_T01"},
		{[]string{"scores", "V-1.2"}, "scores_V_1_2"},
		{[]string{"村 1"}, "__1"},
		{[]string{`x"><script>`}, "x___script_"},
	} {
		got := chartID(c.parts...)
		if got != c.want {
			t.Errorf("chartID(%q) = %q, want %q", c.parts, got, c.want)
		}
		if !reChartID.MatchString(got) {
			t.Errorf("chartID(%q) = %q: not [A-Za-z0-9_]+", c.parts, got)
		}
	}
}

// axisData returns the category labels of an option: xAxis[0].data, or
// yAxis[0].data for horizontal bars.
func axisData(opt map[string]any, axis string) []string {
	list, _ := opt[axis].([]any)
	if len(list) == 0 {
		return nil
	}
	m, _ := list[0].(map[string]any)
	raw, _ := m["data"].([]any)
	var out []string
	for _, x := range raw {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

// walkJSON calls f with every object key and every string value in v.
func walkJSON(v any, path string, f func(path, key string, s *string)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			f(path, k, nil)
			walkJSON(e, path+"."+k, f)
		}
	case []any:
		for _, e := range x {
			walkJSON(e, path+"[]", f)
		}
	case string:
		f(path, "", &x)
	}
}

// TestView checks the option JSON, the table and the description of every
// kind of chart, on the base county.
func TestView(t *testing.T) {
	ds := loadSource(t, baseSource)
	for _, c := range []struct {
		d         *Data
		catAxis   string // where the categories are; "" for pie
		stack     string
		largest   string // in the description; "" when it names none
		seriesLen int
	}{
		{mk(t, ds).pledgeStatus(0), "yAxis", "total", "最多的是东乡镇（3 项）", 6},
		{mk(t, ds).pledgeCategories(0), "xAxis", "total", "最多的是组织建设（1 项）", 3}, // a four-way tie: the first
		{mk(t, ds).grades(), "xAxis", "total", "最多的是2024（3 人）", 4},
		{mk(t, ds).hearingOutcomes(2024), "xAxis", "total", "最多的是4月（1 次）", 5},
		{mk(t, ds).training(2024), "xAxis", "", "最多的是不合格（低于60分）（2 人）", 1},
		{mk(t, ds).education(), "xAxis", "", "最多的是中专（1 人）", 1},
		{mk(t, ds).ages(), "xAxis", "", "最多的是35–44岁（2 人）", 1},
		{mk(t, ds).channels(), "", "", "最多的是外出能人回乡（1 人）", 1},
		{mk(t, ds).townshipCompletion("T1"), "yAxis", "", "最高的是上村（50%）", 1}, // shares: no total
		{mk(t, ds).stars(), "xAxis", "", "", 2},
		{mk(t, ds).villageScores("V3"), "xAxis", "", "", 4},
		{mk(t, ds).villageStars("V3"), "xAxis", "", "", 2}, // grouped: side by side, not stacked
	} {
		d := c.d
		t.Run(d.Name, func(t *testing.T) {
			id := chartID(d.Name, "test")
			v, err := mk(t, nil).view(d, id, "../charts/x.csv")
			if err != nil {
				t.Fatal(err)
			}
			if v.ID != id || v.Title != d.Title || v.CSV != "../charts/x.csv" {
				t.Errorf("view ID %q title %q csv %q", v.ID, v.Title, v.CSV)
			}

			// The option: valid JSON, no page-level keys, nothing from the network.
			if !json.Valid(v.JSON) {
				t.Fatalf("option is not valid JSON: %s", v.JSON)
			}
			var opt map[string]any
			if err := json.Unmarshal(v.JSON, &opt); err != nil {
				t.Fatal(err)
			}
			walkJSON(opt, "", func(path, key string, s *string) {
				switch key {
				case "assets", "ChartID", "PageTitle", "initialization", "AssetsHost", "chartId":
					t.Errorf("option has page-level key %s.%s", path, key)
				}
			})
			if strings.Contains(strings.ToLower(string(v.JSON)), "http") {
				t.Errorf("option mentions http (a CDN?): %s", v.JSON)
			}
			if bytes.Contains(v.JSON, []byte(id)) {
				t.Errorf("option carries the chart ID %q", id)
			}
			if title, _ := opt["title"].(map[string]any); title["show"] != false {
				t.Errorf("title shown inside the chart (the page shows it): %v", opt["title"])
			}
			if opt["animation"] != false {
				t.Errorf("animation %v, want false", opt["animation"])
			}

			// Readable on a phone: every text at textSize, no ECharts legend
			// (it pages on a phone); the page lays the legend out instead,
			// one entry per series (per slice of a pie) in the chart's colours.
			walkAny(opt, "", func(path string, v any) {
				if strings.HasSuffix(path, ".fontSize") {
					if v != float64(textSize) {
						t.Errorf("%s = %v, want %d", path, v, textSize)
					}
				}
			})
			want := []string{"textStyle", "tooltip.textStyle", "xAxis.axisLabel", "yAxis.axisLabel"}
			if d.Kind == "pie" {
				want = []string{"textStyle", "tooltip.textStyle", "series.label"} // no axes
			}
			for _, path := range want {
				if !hasFontSize(opt, path) {
					t.Errorf("option has no %s.fontSize", path)
				}
			}
			if l, _ := opt["legend"].([]any); len(l) > 0 && l[0].(map[string]any)["show"] != false {
				t.Errorf("ECharts legend shown: %v", opt["legend"])
			}
			wantLegend := len(d.Series)
			if d.Kind == "pie" {
				wantLegend = len(d.Categories)
			} else if wantLegend == 1 {
				wantLegend = 0
			}
			if len(v.Legend) != wantLegend {
				t.Errorf("%d legend entries, want %d", len(v.Legend), wantLegend)
			}
			for _, it := range v.Legend {
				if it.Name == "" || !strings.HasPrefix(it.Colour, "#") {
					t.Errorf("legend entry %+v", it)
				}
			}

			// Categories and values reach the option in order.
			series, _ := opt["series"].([]any)
			if len(series) != c.seriesLen || len(d.Series) != c.seriesLen {
				t.Fatalf("%d series in the option, %d in the data; want %d", len(series), len(d.Series), c.seriesLen)
			}
			if c.catAxis != "" {
				if got := axisData(opt, c.catAxis); !reflect.DeepEqual(got, d.Categories) {
					t.Errorf("%s data %q, want %q", c.catAxis, got, d.Categories)
				}
			}
			for k, s := range series {
				sm := s.(map[string]any)
				if c.catAxis != "" && sm["name"] != d.Series[k].Name {
					t.Errorf("series %d name %v, want %q", k, sm["name"], d.Series[k].Name)
				}
				if st, _ := sm["stack"].(string); st != c.stack {
					t.Errorf("series %d stack %q, want %q", k, st, c.stack)
				}
				points, _ := sm["data"].([]any)
				if len(points) != len(d.Categories) {
					t.Fatalf("series %d has %d points for %d categories", k, len(points), len(d.Categories))
				}
				for i, p := range points {
					pm := p.(map[string]any)
					if pm["value"] != d.Series[k].Values[i] {
						t.Errorf("series %d point %d = %v, want %v", k, i, pm["value"], d.Series[k].Values[i])
					}
					if c.catAxis == "" && pm["name"] != d.Categories[i] {
						t.Errorf("slice %d name %v, want %q", i, pm["name"], d.Categories[i])
					}
				}
			}

			// The table: the category label, then one column per series.
			wantHead := append([]string{d.XLabel}, seriesNames(d)...)
			if !reflect.DeepEqual(v.Head, wantHead) {
				t.Errorf("table head %q, want %q", v.Head, wantHead)
			}
			if len(v.Rows) != len(d.Categories) {
				t.Fatalf("table has %d rows for %d categories", len(v.Rows), len(d.Categories))
			}
			for i, row := range v.Rows {
				want := []string{d.Categories[i]}
				for _, s := range d.Series {
					want = append(want, fmtValue(s.Values[i]))
				}
				if !reflect.DeepEqual(row, want) {
					t.Errorf("row %d %q, want %q", i, row, want)
				}
			}

			// The description names the grouping, and for bars and pies the largest category.
			if !strings.HasPrefix(v.Desc, "按"+d.XLabel+"统计") || !strings.HasSuffix(v.Desc, "详细数字见下表。") {
				t.Errorf("description %q", v.Desc)
			}
			if c.largest != "" && !strings.Contains(v.Desc, c.largest) {
				t.Errorf("description %q does not contain %q", v.Desc, c.largest)
			}
			if c.largest == "" && strings.Contains(v.Desc, "最多的是") {
				t.Errorf("description %q names a largest category for a %s chart", v.Desc, d.Kind)
			}
			if len(d.Series) > 1 && !strings.Contains(v.Desc, "分为"+strings.Join(seriesNames(d), "、")) {
				t.Errorf("description %q does not list the series", v.Desc)
			}
		})
	}
}

// TestHbarOption: horizontal bars put the categories on a reversed y axis
// (first category on top) and grow taller with more categories.
func TestHbarOption(t *testing.T) {
	cats := make([]string, 20)
	for i := range cats {
		cats[i] = "乡镇" + string(rune('A'+i))
	}
	d := newData("n", "t", "hbar", "乡镇", "项", cats, "s")
	v, err := mk(t, nil).view(d, "n", "")
	if err != nil {
		t.Fatal(err)
	}
	var opt map[string]any
	if err := json.Unmarshal(v.JSON, &opt); err != nil {
		t.Fatal(err)
	}
	y := opt["yAxis"].([]any)[0].(map[string]any)
	x := opt["xAxis"].([]any)[0].(map[string]any)
	if y["type"] != "category" || y["inverse"] != true || x["type"] != "value" {
		t.Errorf("hbar axes: x %v, y %v", x, y)
	}
	if v.Height != 60+28*20 {
		t.Errorf("height %d, want %d", v.Height, 60+28*20)
	}
	d.Kind = "bar"
	if v, _ := mk(t, nil).view(d, "n", ""); v.Height != 320 {
		t.Errorf("bar height %d, want 320", v.Height)
	}
}

func TestDescribeEmpty(t *testing.T) {
	d := newData("n", "t", "bar", "乡镇", "项", nil, "s")
	if got := mk(t, nil).describe(d); got != "暂无数据。" {
		t.Errorf("mk(t, nil).describe(empty) = %q", got)
	}
	v, err := mk(t, nil).view(d, "n", "")
	if err != nil || !json.Valid(v.JSON) || len(v.Rows) != 0 {
		t.Errorf("empty chart: err %v, JSON %s, rows %q", err, v.JSON, v.Rows)
	}
}

// TestCSV: UTF-8 with a BOM, CRLF line ends, cells with commas, quotes or
// line breaks quoted; read back, it is the table.
func TestCSV(t *testing.T) {
	d := newData("n", "t", "bar", "村,组", "项", []string{"上村", `东"头"村`, "a,b", "两\n行", "\r", "=HYPERLINK(1)"}, "已完成", `=说"明`)
	d.Series[0].Values = []float64{1, 2.5, 0, 1e6, 3, 4}
	d.Series[1].Values = []float64{0, 0, 0.1, 7, 0, 0}
	b := CSV(d)
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		t.Fatalf("CSV does not start with a UTF-8 BOM: % x", b[:min(len(b), 8)])
	}
	body := b[3:]
	want := "\"村,组\",已完成,\"'=说\"\"明\"\r\n" + // a series name is guarded too
		"上村,1,0\r\n" +
		"\"东\"\"头\"\"村\",2.5,0\r\n" +
		"\"a,b\",0,0.1\r\n" +
		"\"两\n行\",1000000,7\r\n" +
		"\"'\r\",3,0\r\n" + // a name that a spreadsheet would run is guarded
		"'=HYPERLINK(1),4,0\r\n"
	if string(body) != want {
		t.Errorf("CSV\n got %q\nwant %q", body, want)
	}
	// Every record ends in CRLF (a bare LF only inside a quoted cell).
	if !bytes.HasSuffix(body, []byte("\r\n")) {
		t.Error("CSV does not end with CRLF")
	}
	r := csv.NewReader(bytes.NewReader(body))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantRecs := [][]string{
		{"村,组", "已完成", `'=说"明`},
		{"上村", "1", "0"}, {`东"头"村`, "2.5", "0"}, {"a,b", "0", "0.1"}, {"两\n行", "1000000", "7"},
		{"'\r", "3", "0"}, {"'=HYPERLINK(1)", "4", "0"},
	}
	if !reflect.DeepEqual(recs, wantRecs) {
		t.Errorf("CSV read back\n got %q\nwant %q", recs, wantRecs)
	}

	// A chart of the base county: header line, then one line per category.
	ds := loadSource(t, baseSource)
	got := string(CSV(mk(t, ds).pledgeStatus(0)))
	wantPS := "\uFEFF乡镇,未启动,推进中,已完成,部分完成,未完成,已调整\r\n东乡镇,0,1,1,1,0,0\r\n西乡镇,1,0,0,0,0,0\r\n"
	if got != wantPS {
		t.Errorf("pledge-status CSV\n got %q\nwant %q", got, wantPS)
	}
}

// walkAny calls fn with the dotted path of every leaf of a decoded JSON
// value (array indexes left out of the path).
func walkAny(v any, path string, fn func(path string, v any)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			walkAny(x, strings.TrimPrefix(path+"."+k, "."), fn)
		}
	case []any:
		for _, x := range v {
			walkAny(x, path, fn)
		}
	default:
		fn(path, v)
	}
}

// hasFontSize reports whether the option sets fontSize under a dotted path
// (through arrays: an axis list).
func hasFontSize(opt map[string]any, path string) bool {
	found := false
	walkAny(opt, "", func(p string, _ any) {
		if p == path+".fontSize" {
			found = true
		}
	})
	return found
}

// TestDescribeWords: the sentence a screen reader hears for a chart, in
// each language. In English a count has its thousands separator (1,558),
// the series are "A, B and C", a category's own parentheses do not meet
// the count's ("Pass (60 to under 90): 119", not "… (60 to under 90)
// (119)"), and a note is a sentence of its own; the Chinese reads as it
// always has.
func TestDescribeWords(t *testing.T) {
	stacked := newData("pledge-status", "Pledges by township", "bar", "Township", "pledges", []string{"杏口镇", "云岙镇"}, "Done", "Open", "Overdue")
	stacked.Series[0].Values = []float64{1000, 245}
	stacked.Series[1].Values = []float64{300, 0}
	stacked.Series[2].Values = []float64{13, 0}
	bands := newData("training", "Training points", "bar", "Points", "people", []string{"Fail (below 60)", "Pass (60 to under 90)"}, "People")
	bands.Series[0].Values = []float64{54, 119}
	bands.Note = "Serving secretaries as of 2025-12-31"
	share := newData("done", "Share done", "hbar", "Village", "%", []string{"槐岙村", "桃港村"}, "Done (%)")
	share.Series[0].Values = []float64{100, 72.7}
	zhStacked := newData("pledge-status", "各乡镇承诺", "bar", "乡镇", "项", []string{"杏口镇", "云岙镇"}, "已完成", "推进中", "逾期")
	zhStacked.Series[0].Values = []float64{1000, 245}
	zhStacked.Series[1].Values = []float64{300, 0}
	zhStacked.Series[2].Values = []float64{13, 0}
	for _, tc := range []struct {
		name string
		m    *Maker
		d    *Data
		want string
	}{
		{"en stacked", New(nil, enWords(t)), stacked, "By township, 2 groups, each split into Done, Open and Overdue; 1,558 pledges in all, the most in 杏口镇: 1,313. The numbers are in the table below."},
		{"en bands", New(nil, enWords(t)), bands, "By points, 2 groups; 173 people in all, the most in Pass (60 to under 90): 119. Serving secretaries as of 2025-12-31. The numbers are in the table below."},
		{"en share", New(nil, enWords(t)), share, "By village, 2 groups; the highest is 槐岙村, at 100%. The numbers are in the table below."},
		{"zh stacked", mk(t, nil), zhStacked, "按乡镇统计，共 2 组，分为已完成、推进中、逾期；合计 1558 项，最多的是杏口镇（1313 项）。详细数字见下表。"},
	} {
		if got := tc.m.describe(tc.d); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}
