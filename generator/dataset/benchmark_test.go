package dataset

import (
	"reflect"
	"testing"
)

// TestBenchmarks checks the county averages of each year and the ranks in a
// township on a small county: two townships, ties, an appraisal without a
// total (computed from its scores, so it counts), one with no scores at all
// (no total: no rank, not in the total's average) and stars left empty.
func TestBenchmarks(t *testing.T) {
	iptr := func(x int) *int { return &x }
	d := &Dataset{
		Site:      Site{AsOf: "2025-12-31"},
		Rules:     DefaultRules(),
		Townships: []Township{{ID: "T1"}, {ID: "T2"}},
		Villages: []Village{
			{ID: "V1", TownshipID: "T1"}, {ID: "V2", TownshipID: "T1"}, {ID: "V3", TownshipID: "T1"},
			{ID: "V4", TownshipID: "T1"}, {ID: "V5", TownshipID: "T2"},
		},
		Appraisals: []Appraisal{
			{Year: 2024, VillageID: "V1", TotalScore: f64(80), SecretaryStars: iptr(6), TeamStars: iptr(3)},
			{Year: 2024, VillageID: "V2", TotalScore: f64(90), SecretaryStars: iptr(9), TeamStars: iptr(5)},
			{Year: 2024, VillageID: "V3", TotalScore: f64(80), SecretaryStars: iptr(6)},
			{Year: 2024, VillageID: "V4", TotalScore: f64(70)},
			{Year: 2024, VillageID: "V5", TotalScore: f64(60), SecretaryStars: iptr(3), TeamStars: iptr(1)},
			// 0.4·50 + 0.3·60 + 0.3·70 = 59: computed by Derive, ranked.
			{Year: 2025, VillageID: "V1", MassesScore: f64(50), MembersScore: f64(60), OrgScore: f64(70)},
			{Year: 2025, VillageID: "V2", TotalScore: f64(75), TeamStars: iptr(4)},
			{Year: 2025, VillageID: "V3", Grade: "称职"}, // no total: no rank
		},
	}
	d.Derive()
	wantAvg := map[int]YearAverages{
		2024: {Year: 2024, Total: 76, SecretaryStars: 6, TeamStars: 3, NTotal: 5, NSecretaryStars: 4, NTeamStars: 3},
		2025: {Year: 2025, Total: 67, TeamStars: 4, NTotal: 2, NTeamStars: 1},
	}
	if !reflect.DeepEqual(d.Facts.Averages, wantAvg) {
		t.Errorf("Averages = %+v\nwant       %+v", d.Facts.Averages, wantAvg)
	}
	wantStanding := []Standing{
		{2, 4}, {1, 4}, {2, 4}, {4, 4}, // T1 in 2024: 90 first, the two 80s share second, 70 fourth
		{1, 1},         // T2 in 2024: alone
		{2, 2}, {1, 2}, // T1 in 2025: 75 above the computed 59
		{0, 0}, // no total
	}
	if !reflect.DeepEqual(d.Facts.Standing, wantStanding) {
		t.Errorf("Standing = %v\nwant       %v", d.Facts.Standing, wantStanding)
	}
}
