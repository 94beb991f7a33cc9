package dataset

import "sort"

// What a grade is read against. "6/10 stars" means little on its own: a
// villager wants to know whether that is good for the county this year and
// where the village stands in its township. Derived once here, so the
// village page, its printed notice and any list show the same benchmark.

// YearAverages are the county's averages over the appraisals of one year.
// Each average is over the appraisals that have the value (N… of them);
// an average over none is 0 with its N 0.
type YearAverages struct {
	Year            int
	Total           float64 // total_score (given or computed)
	SecretaryStars  float64 // secretary_stars, of 10
	TeamStars       float64 // team_stars, of 5
	NTotal          int
	NSecretaryStars int
	NTeamStars      int
}

// Standing is one appraisal's place among the appraisals of its year in its
// village's township, by total score (highest first; equal totals share a
// rank, the next rank skips: 1, 2, 2, 4). Rank is 0 when the appraisal has
// no total or its village no township.
type Standing struct {
	Rank int
	Of   int // appraisals of that year and township with a total
}

// deriveBenchmarks fills Facts.Averages and Facts.Standing; totals must be
// computed first.
func (d *Dataset) deriveBenchmarks() {
	f := &d.Facts
	f.Averages = map[int]YearAverages{}
	type sums struct{ total, sec, team float64 }
	acc := map[int]*sums{}
	for _, a := range d.Appraisals {
		av := f.Averages[a.Year]
		av.Year = a.Year
		s := acc[a.Year]
		if s == nil {
			s = &sums{}
			acc[a.Year] = s
		}
		if a.TotalScore != nil {
			s.total += *a.TotalScore
			av.NTotal++
		}
		if a.SecretaryStars != nil {
			s.sec += float64(*a.SecretaryStars)
			av.NSecretaryStars++
		}
		if a.TeamStars != nil {
			s.team += float64(*a.TeamStars)
			av.NTeamStars++
		}
		f.Averages[a.Year] = av
	}
	for y, av := range f.Averages {
		s := acc[y]
		av.Total, av.SecretaryStars, av.TeamStars = mean(s.total, av.NTotal), mean(s.sec, av.NSecretaryStars), mean(s.team, av.NTeamStars)
		f.Averages[y] = av
	}

	f.Standing = make([]Standing, len(d.Appraisals))
	type group struct {
		year     int
		township string
	}
	groups := map[group][]int{}
	for i, a := range d.Appraisals {
		v := d.VillageOf(a.VillageID)
		if v == nil || a.TotalScore == nil {
			continue
		}
		g := group{a.Year, v.TownshipID}
		groups[g] = append(groups[g], i)
	}
	for _, list := range groups {
		sort.SliceStable(list, func(x, y int) bool { return *d.Appraisals[list[x]].TotalScore > *d.Appraisals[list[y]].TotalScore })
		for k, i := range list {
			rank := k + 1
			if k > 0 && *d.Appraisals[list[k-1]].TotalScore == *d.Appraisals[i].TotalScore {
				rank = f.Standing[list[k-1]].Rank
			}
			f.Standing[i] = Standing{Rank: rank, Of: len(list)}
		}
	}
}

func mean(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}
