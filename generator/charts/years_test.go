package charts_test

import (
	"testing"

	"gongshi/generator/charts"
	"gongshi/generator/content"
	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
)

// TestShortcodeYearWithoutData: a year argument while no year has data
// (the blank template) says so, rather than listing no years; with years,
// they are listed.
func TestShortcodeYearWithoutData(t *testing.T) {
	c, _ := i18n.Load(t.TempDir(), "zh")
	for _, tc := range []struct {
		years  []int
		zh, en string
	}{
		{nil, "还没有任何年份的数据：填好台账后图表才能生成", "no year has data yet: the chart can be made once the records are filled in"},
		{[]int{2023, 2024}, "应为有数据的年份：2023/2024", "expected a year with data: 2023/2024"},
	} {
		d := &dataset.Dataset{Years: tc.years}
		_, p := charts.New(d, c).Resolve(&content.Shortcode{File: "content/reports/2025.md", Line: 14, Kind: "chart", Name: "pledge-status", Args: map[string]string{"year": "2025"}})
		if p == nil || p.Zh != tc.zh || p.En != tc.en {
			t.Errorf("years %v: %+v, want %q (%q)", tc.years, p, tc.zh, tc.en)
		}
	}
}
