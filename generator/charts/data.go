package charts

import (
	"math"
	"slices"
	"sort"
	"strconv"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/schema"
)

// Data is the numbers of one chart: a value per category and series, with
// every word already in the site's language.
type Data struct {
	Name       string      // chart name, e.g. "pledge-status"
	Title      string      // shown above the chart
	Kind       string      // "bar" (stacked when several series), "groupbar", "hbar" (horizontal), "line" or "pie"
	XLabel     string      // what the categories are
	Unit       string      // what the values count, e.g. "项"
	Categories []string    // x axis (or pie slices)
	Series     []Series    // one per legend entry
	Note       string      // shown under the chart and in its description
	Marks      []Threshold // horizontal reference lines
}

// Series is one named row of values, aligned with Data.Categories.
type Series struct {
	Name   string
	Key    string // the enum key when the series is an enum value (colours follow it), else ""
	Values []float64
	// Max is the value of a full bar where a chart is drawn at build time
	// (Bars): the top of the scale, such as 100 points or 10 stars; 0 for the
	// chart's largest value.
	Max float64
	// Empty marks values that were not given (nil when all were): shown
	// blank in the table and the CSV, rather than as a 0 nobody scored.
	Empty []bool
}

// empty reports whether value i of the series was not given.
func (s *Series) empty(i int) bool { return i < len(s.Empty) && s.Empty[i] }

// markEmpty records value i of the series as not given.
func (s *Series) markEmpty(i int) {
	if s.Empty == nil {
		s.Empty = make([]bool, len(s.Values))
	}
	s.Empty[i] = true
}

// Threshold is a labelled reference value.
type Threshold struct {
	Label string
	Value float64
}

// maxCategories caps the categories of a chart and its table: a province's
// thousands of townships do not fit one chart (nor a 500-row page).
const maxCategories = 30

func newData(name, title, kind, xlabel, unit string, cats []string, series ...string) *Data {
	d := &Data{Name: name, Title: title, Kind: kind, XLabel: xlabel, Unit: unit, Categories: cats}
	for _, s := range series {
		d.Series = append(d.Series, Series{Name: s, Values: make([]float64, len(cats))})
	}
	return d
}

// enumSeries adds one series per value of e, named for display and keyed
// by the English alias.
func (m *Maker) enumSeries(d *Data, e schema.EnumSet) {
	for _, ch := range e {
		d.Series = append(d.Series, Series{Name: m.c.Enum(e, ch.Zh), Key: ch.En, Values: make([]float64, len(d.Categories))})
	}
}

// Total returns the sum of all values.
func (d *Data) Total() float64 {
	t := 0.0
	for _, s := range d.Series {
		for _, v := range s.Values {
			t += v
		}
	}
	return t
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// inYear reports whether a date falls in year (0 = every year).
func inYear(date string, year int) bool { return year == 0 || dataset.Year(date) == year }

// title returns a chart's title for a year (chart.<name>).
func (m *Maker) title(name string, year int) string { return m.c.YearTitle(year, m.c.T("chart."+name)) }

// pledgeStatus counts pledges by township and status (stacked bars). With
// year, only pledges made that year. Townships beyond maxCategories (by
// number of pledges) are left out and said so.
func (m *Maker) pledgeStatus(year int) *Data {
	ds := m.d
	type tc struct {
		id, name string
		counts   []float64
		total    float64
	}
	statuses := schema.PledgeStatuses.Values()
	by := map[string]*tc{}
	var order []*tc
	for _, ti := range ds.Facts.TownshipOrder {
		t := &ds.Townships[ti]
		if by[t.ID] == nil {
			by[t.ID] = &tc{id: t.ID, name: t.Name, counts: make([]float64, len(statuses))}
			order = append(order, by[t.ID])
		}
	}
	for _, p := range ds.Pledges {
		if !inYear(p.MadeOn, year) {
			continue
		}
		v := ds.VillageOf(p.VillageID)
		if v == nil {
			continue
		}
		t := by[v.TownshipID]
		if t == nil {
			continue
		}
		if k := indexOf(statuses, p.Status); k >= 0 {
			t.counts[k]++
			t.total++
		}
	}
	note := ""
	if len(order) > maxCategories {
		sort.SliceStable(order, func(a, b int) bool { return order[a].total > order[b].total })
		order = order[:maxCategories]
		note = m.c.Tf("chart_note.top_townships", "n", strconv.Itoa(maxCategories))
	}
	cats := make([]string, len(order))
	for i, t := range order {
		cats[i] = t.name
	}
	d := newData("pledge-status", m.title("pledge-status", year), "hbar", m.c.T("axis.township"), m.c.T("unit.pledges"), cats)
	m.enumSeries(d, schema.PledgeStatuses)
	for i, t := range order {
		for k := range statuses {
			d.Series[k].Values[i] = t.counts[k]
		}
	}
	d.Note = note
	return d
}

// pledgeCategories counts pledges by category and kind.
func (m *Maker) pledgeCategories(year int) *Data {
	cats, kinds := schema.PledgeCategories.Values(), schema.PledgeKinds.Values()
	shown := make([]string, len(cats))
	for i, c := range cats {
		shown[i] = m.c.Enum(schema.PledgeCategories, c)
	}
	d := newData("pledge-categories", m.title("pledge-categories", year), "bar", m.c.T("axis.category"), m.c.T("unit.pledges"), shown)
	m.enumSeries(d, schema.PledgeKinds)
	for _, p := range m.d.Pledges {
		if !inYear(p.MadeOn, year) {
			continue
		}
		c, k := indexOf(cats, p.Category), indexOf(kinds, p.Kind)
		if c >= 0 && k >= 0 {
			d.Series[k].Values[c]++
		}
	}
	return d
}

func yearLabels(ys []int) []string {
	out := make([]string, len(ys))
	for i, y := range ys {
		out[i] = strconv.Itoa(y)
	}
	return out
}

// stars averages secretary and team stars per year.
func (m *Maker) stars() *Data {
	ds := m.d
	ys := ds.Facts.AppraisalYears
	d := newData("stars", m.c.T("chart.stars"), "line", m.c.T("axis.year"), m.c.T("unit.stars"), yearLabels(ys),
		m.c.T("series.avg_secretary_stars"), m.c.T("series.avg_team_stars"))
	for i, y := range ys {
		var s, t, ns, nt float64
		for _, a := range ds.Appraisals {
			if a.Year != y {
				continue
			}
			if a.SecretaryStars != nil {
				s += float64(*a.SecretaryStars)
				ns++
			}
			if a.TeamStars != nil {
				t += float64(*a.TeamStars)
				nt++
			}
		}
		d.Series[0].Values[i] = avg(s, ns)
		d.Series[1].Values[i] = avg(t, nt)
	}
	return d
}

func avg(sum, n float64) float64 {
	if n == 0 {
		return 0
	}
	return float64(int(sum/n*100+0.5)) / 100
}

// grades counts appraisal grades per year (stacked bars).
func (m *Maker) grades() *Data {
	ds := m.d
	ys := ds.Facts.AppraisalYears
	grades := ds.Rules.GradeNames()
	d := newData("grades", m.c.T("chart.grades"), "bar", m.c.T("axis.year"), m.c.T("unit.people"), yearLabels(ys))
	for _, g := range grades {
		d.Series = append(d.Series, Series{Name: m.c.Grade(g), Key: schema.DefaultGrades.English(g), Values: make([]float64, len(ys))})
	}
	for _, a := range ds.Appraisals {
		y, g := sort.SearchInts(ys, a.Year), indexOf(grades, a.Grade)
		if g >= 0 {
			d.Series[g].Values[y]++
		}
	}
	return d
}

// hearingOutcomes counts hearing outcomes by month of a year, or by year when year is 0.
// A scheduled hearing (待召开) has no outcome yet and is not counted, nor
// is a year that has no hearing held.
func (m *Maker) hearingOutcomes(year int) *Data {
	ds := m.d
	set := slices.DeleteFunc(slices.Clone(schema.Outcomes), func(c schema.Choice) bool { return c.Zh == schema.OutcomeScheduled })
	outcomes := set.Values()
	var cats []string
	var slot func(date string) int
	x := m.c.T("axis.year")
	if year > 0 {
		x = m.c.T("axis.month")
		for mo := 1; mo <= 12; mo++ {
			cats = append(cats, m.c.T("month."+strconv.Itoa(mo)))
		}
		slot = func(date string) int {
			if dataset.Year(date) != year {
				return -1
			}
			mo, _ := strconv.Atoi(date[5:7])
			return mo - 1
		}
	} else {
		seen := map[int]bool{}
		var ys []int
		for _, h := range ds.Hearings {
			if y := dataset.Year(h.Date); h.Held(ds.Site.AsOf) && !seen[y] { // a year of announcements only has no outcomes to show
				seen[y] = true
				ys = append(ys, y)
			}
		}
		sort.Ints(ys)
		cats = yearLabels(ys)
		slot = func(date string) int { return sort.SearchInts(ys, dataset.Year(date)) }
	}
	d := newData("hearing-outcomes", m.title("hearing-outcomes", year), "bar", x, m.c.T("unit.hearings"), cats)
	m.enumSeries(d, set)
	for _, h := range ds.Hearings {
		c, o := slot(h.Date), indexOf(outcomes, h.Outcome)
		if c >= 0 && o >= 0 {
			d.Series[o].Values[c]++
		}
	}
	return d
}

// asOfNote says which day "serving" refers to: on a past year's report the
// charts of serving secretaries still show those of as_of.
func (m *Maker) asOfNote() string {
	return m.c.Tf("chart_note.serving_as_of", "date", m.c.Date(m.d.Site.AsOf))
}

// channels counts serving secretaries by selection channel.
func (m *Maker) channels() *Data {
	ds := m.d
	values := schema.Sources.Values()
	cats := make([]string, 0, len(values)+1)
	for _, v := range values {
		cats = append(cats, m.c.Enum(schema.Sources, v))
	}
	cats = append(cats, m.c.T("category.not_given"))
	d := newData("channels", m.c.T("chart.channels"), "pie", m.c.T("axis.channel"), m.c.T("unit.people"), cats, m.c.T("series.people"))
	d.Note = m.asOfNote()
	for _, si := range ds.Facts.Serving {
		k := indexOf(values, ds.Secretaries[si].Source)
		if k < 0 {
			k = len(cats) - 1
		}
		d.Series[0].Values[k]++
	}
	return dropEmpty(d)
}

// ages counts serving secretaries by age band on as_of.
func (m *Maker) ages() *Data {
	ds := m.d
	cats := []string{m.c.T("category.age_under_35"), m.c.T("category.age_35_44"), m.c.T("category.age_45_54"),
		m.c.T("category.age_55_up"), m.c.T("category.not_published")}
	d := newData("ages", m.c.T("chart.ages"), "bar", m.c.T("axis.age"), m.c.T("unit.people"), cats, m.c.T("series.people"))
	d.Note = m.asOfNote()
	now := dataset.Year(ds.Site.AsOf)
	for _, si := range ds.Facts.Serving {
		s := &ds.Secretaries[si]
		k := 4
		if s.BirthYear != nil {
			switch age := now - *s.BirthYear; {
			case age < 35:
				k = 0
			case age < 45:
				k = 1
			case age < 55:
				k = 2
			default:
				k = 3
			}
		}
		d.Series[0].Values[k]++
	}
	return dropEmpty(d)
}

// educationOrder is the usual order of education levels as clerks write
// them (schema.Educations); other values follow, sorted.
var educationOrder = schema.Educations.Values()

// education counts serving secretaries by education (as entered in the
// data); a usual level is named in the site's language (大专, "Junior
// college"), any other value as entered.
func (m *Maker) education() *Data {
	ds := m.d
	notGiven := m.c.T("category.not_given")
	counts := map[string]float64{}
	for _, si := range ds.Facts.Serving {
		e := ds.Secretaries[si].Education
		if e == "" {
			e = notGiven
		}
		counts[e]++
	}
	var cats []string
	for _, e := range educationOrder {
		if counts[e] > 0 {
			cats = append(cats, e)
		}
	}
	var rest []string
	for e := range counts {
		if indexOf(educationOrder, e) < 0 {
			rest = append(rest, e)
		}
	}
	sort.Strings(rest)
	cats = append(cats, rest...)
	names := make([]string, len(cats))
	for i, c := range cats {
		names[i] = m.c.Enum(schema.Educations, c)
	}
	d := newData("education", m.c.T("chart.education"), "bar", m.c.T("axis.education"), m.c.T("unit.people"), names, m.c.T("series.people"))
	d.Note = m.asOfNote()
	for i, c := range cats {
		d.Series[0].Values[i] = counts[c]
	}
	return d
}

// latestTrainingYear returns year, or the latest year with training when 0.
func latestTrainingYear(ds *dataset.Dataset, year int) int {
	if year == 0 {
		for _, t := range ds.TrainingYears {
			year = max(year, t.Year)
		}
	}
	return year
}

// training counts secretaries by their yearly training points in bands set
// by the thresholds of rules.toml. year 0 means the latest year with training.
func (m *Maker) training(year int) *Data {
	ds := m.d
	year = latestTrainingYear(ds, year)
	r := ds.Rules.Training
	min, top := i18n.Num(r.MinPoints), i18n.Num(r.ExcellencePoints)
	cats := []string{
		m.c.Tf("category.training_fail", "min", min),
		m.c.Tf("category.training_pass", "min", min, "top", top),
		m.c.Tf("category.training_top", "top", top),
	}
	d := newData("training", m.title("training", year), "bar", m.c.T("axis.points"), m.c.T("unit.people"), cats, m.c.T("series.people"))
	for _, t := range ds.TrainingYears {
		if t.Year != year || t.Sessions == 0 {
			continue
		}
		switch {
		case t.Excellent:
			d.Series[0].Values[2]++
		case t.PointsOK:
			d.Series[0].Values[1]++
		default:
			d.Series[0].Values[0]++
		}
	}
	return d
}

// villageScores is one village's three scores and total over the years.
func (m *Maker) villageScores(villageID string) *Data {
	ds := m.d
	list := ds.AppraisalsOf.Of(villageID)
	cats := make([]string, len(list))
	for i, ai := range list {
		cats[i] = strconv.Itoa(ds.Appraisals[ai].Year)
	}
	d := newData("village-scores", m.c.T("chart.village-scores"), "line", m.c.T("axis.year"), m.c.T("unit.points"), cats,
		m.c.T("series.masses"), m.c.T("series.members"), m.c.T("series.org"), m.c.T("series.total"))
	for k := range d.Series {
		d.Series[k].Max = 100
	}
	for i, ai := range list {
		a := &ds.Appraisals[ai]
		for k, p := range []*float64{a.MassesScore, a.MembersScore, a.OrgScore, a.TotalScore} {
			if p != nil {
				d.Series[k].Values[i] = *p
			} else {
				d.Series[k].markEmpty(i)
			}
		}
	}
	return d
}

// villageStars is one village's secretary and team stars over the years.
func (m *Maker) villageStars(villageID string) *Data {
	ds := m.d
	list := ds.AppraisalsOf.Of(villageID)
	cats := make([]string, len(list))
	for i, ai := range list {
		cats[i] = strconv.Itoa(ds.Appraisals[ai].Year)
	}
	d := newData("village-stars", m.c.T("chart.village-stars"), "groupbar", m.c.T("axis.year"), m.c.T("unit.stars"), cats,
		m.c.T("series.secretary_stars"), m.c.T("series.team_stars"))
	d.Series[0].Max, d.Series[1].Max = 10, 5
	for i, ai := range list {
		a := &ds.Appraisals[ai]
		for k, p := range []*int{a.SecretaryStars, a.TeamStars} {
			if p != nil {
				d.Series[k].Values[i] = float64(*p)
			} else {
				d.Series[k].markEmpty(i)
			}
		}
	}
	return d
}

// townshipCompletion is the share of pledges done in each village of a township.
func (m *Maker) townshipCompletion(townshipID string) *Data {
	ds := m.d
	vs := ds.Facts.VillageOrder[townshipID]
	note := ""
	if len(vs) > maxCategories {
		vs = vs[:maxCategories]
		note = m.c.Tf("chart_note.first_villages", "n", strconv.Itoa(maxCategories))
	}
	cats := make([]string, len(vs))
	for i, vi := range vs {
		cats[i] = ds.Villages[vi].Name
	}
	d := newData("township-completion", m.c.T("chart.township-completion"), "hbar", m.c.T("axis.village"), "%", cats, m.c.T("series.done_share"))
	for i, vi := range vs {
		f := ds.Facts.Village[vi]
		if f.Pledges > 0 {
			d.Series[0].Values[i] = math.Round(float64(f.Done)*1000/float64(f.Pledges)) / 10 // 4 of 6 is 66.7, not 66.6
		}
	}
	d.Note = note
	return d
}

// dropEmpty removes categories with no value in any series (pie slices of zero).
func dropEmpty(d *Data) *Data {
	var keep []int
	for i := range d.Categories {
		for _, s := range d.Series {
			if s.Values[i] != 0 {
				keep = append(keep, i)
				break
			}
		}
	}
	cats := make([]string, len(keep))
	for j, i := range keep {
		cats[j] = d.Categories[i]
	}
	for k := range d.Series {
		vals := make([]float64, len(keep))
		for j, i := range keep {
			vals[j] = d.Series[k].Values[i]
		}
		d.Series[k].Values = vals
	}
	d.Categories = cats
	return d
}
