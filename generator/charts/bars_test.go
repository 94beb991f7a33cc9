package charts

import (
	"reflect"
	"strings"
	"testing"
)

// TestVillageBars: a village's charts drawn at build time carry every
// number as text and each bar's share of the scale (100 points, 10 and 5
// stars), leave a value that was not given blank (no bar, and blank in the
// CSV rather than a 0 nobody scored), and none are made for a village
// without appraisals.
func TestVillageBars(t *testing.T) {
	ds := loadSource(t, baseSource)
	m := mk(t, ds)
	bars, files := m.VillageBars("V3") // 2024: 55/58/60 → 57.4, 3★/2★; 2025: 50/52/58 → 53, 2★/2★
	if len(bars) != 2 {
		t.Fatalf("%d charts, want 2 (scores, stars)", len(bars))
	}
	scores, stars := bars[0], bars[1]
	if want := []string{"年度", "群众测评", "党员评议", "组织考核", "综合得分"}; !reflect.DeepEqual(scores.Head, want) {
		t.Errorf("scores head %q, want %q", scores.Head, want)
	}
	want := []BarRow{
		{"2024", []BarCell{{"55", .55}, {"58", .58}, {"60", .60}, {"57.4", .574}}},
		{"2025", []BarCell{{"50", .50}, {"52", .52}, {"58", .58}, {"53", .53}}},
	}
	if !reflect.DeepEqual(scores.Rows, want) {
		t.Errorf("scores rows\n got %v\nwant %v", scores.Rows, want)
	}
	wantStars := []BarRow{
		{"2024", []BarCell{{"3", .3}, {"2", .4}}},
		{"2025", []BarCell{{"2", .2}, {"2", .4}}},
	}
	if !reflect.DeepEqual(stars.Rows, wantStars) {
		t.Errorf("stars rows\n got %v\nwant %v", stars.Rows, wantStars)
	}
	for _, b := range bars {
		if files[b.CSV] == nil || !strings.HasPrefix(b.CSV, "charts/villages/V3-") {
			t.Errorf("chart %s: CSV %q not among the files", b.ID, b.CSV)
		}
		if strings.ContainsAny(b.ID, "-.") {
			t.Errorf("chart ID %q is not [A-Za-z0-9_]", b.ID)
		}
	}
	if bars, files := m.VillageBars("no-such-village"); bars != nil || files != nil {
		t.Errorf("a village without appraisals has charts: %v", bars)
	}

	// Stars not given: a blank cell without a bar, and a blank CSV cell.
	for i := range ds.Appraisals {
		if a := &ds.Appraisals[i]; a.VillageID == "V3" && a.Year == 2025 {
			a.TeamStars = nil
		}
	}
	bars, files = m.VillageBars("V3")
	if got := bars[1].Rows[1].Cells[1]; got != (BarCell{}) {
		t.Errorf("team stars not given: cell %+v, want blank", got)
	}
	if csv := string(files[bars[1].CSV]); !strings.Contains(csv, "\r\n2025,2,\r\n") {
		t.Errorf("team stars not given: CSV\n%s\nwant the 2025 row as 2025,2,", csv)
	}
}
