package dataset

import (
	"fmt"
	"sort"
	"time"

	"gongshi/generator/schema"
)

// Attention is what needs attention on Site.AsOf: the /attention/ page and
// each township's 督办单 lay it out. Every list is ordered by township (in
// input order), then village (in input order), then as the item type says,
// so that two builds list the same items the same way. Items point at rows
// by their position in the Dataset's slices, like the indexes.
type Attention struct {
	Overdue       []OverduePledge       // open pledges past their due date
	NoAction      []UnansweredAppraisal // flagged 须调整 with no action recorded
	Quiet         []QuietVillage        // no hearing held in the last max_quiet_years
	Training      []TrainingShortfall   // a year's training below min_points or min_days
	NoReplacement []UnreplacedPledge    // 已调整 with no replaced_by
}

// Len returns the number of items of every kind.
func (a *Attention) Len() int {
	return len(a.Overdue) + len(a.NoAction) + len(a.Quiet) + len(a.Training) + len(a.NoReplacement)
}

// Place is the township and village an item belongs to.
type Place struct {
	TownshipID string
	VillageID  string
}

// OverduePledge is an open pledge past its due date. Within a village the
// most overdue come first.
type OverduePledge struct {
	Place
	Pledge int // position in Pledges
	Days   int // days from due to as_of
}

// UnansweredAppraisal is an appraisal flagged NeedsAdjust (须调整) that no
// action answers: none of the secretary's sanctions names its year, none
// without a year is dated in the year after it, and the term did not end for
// cause (组织调整, 责令辞职, 免职, 撤职) by the end of that year. Within a
// village, by year.
type UnansweredAppraisal struct {
	Place
	Appraisal int // position in Appraisals
}

// QuietVillage is a village with no hearing held (Hearing.Held) after Since,
// which is as_of less max_quiet_years.
type QuietVillage struct {
	Place
	Village  int    // position in Villages
	Since    string // no hearing held after this date
	LastHeld int    // position in Hearings of the last one held, -1 if none ever was
	Next     int    // position in Hearings of the next one scheduled after as_of, -1 if none
}

// TrainingShortfall is a secretary's year of training below the rules: only
// for years that ended by as_of and that the secretary served at least half
// of (someone who took office in November is not behind). A year with no
// training record at all is a shortfall too, when the county records
// trainings. Within a village, by year, then secretary.
type TrainingShortfall struct {
	Place
	Secretary    int // position in Secretaries
	Year         int
	TrainingYear int     // position in TrainingYears, -1 when the year has no record
	Points       float64 // the year's points (0 without a record)
	Days         float64 // the year's days of concentrated training
	PointsShort  bool    // Points < min_points
	DaysShort    bool    // Days < min_days
}

// UnreplacedPledge is a 已调整 (revised) pledge that names no replacement.
// Within a village, by made_on.
type UnreplacedPledge struct {
	Place
	Pledge int // position in Pledges
}

// deriveAttention fills Attention and AttentionOf. It runs after the facts
// it reads: Overdue, NeedsAdjust and TrainingYears.
func (d *Dataset) deriveAttention() {
	asOf := d.Site.AsOf
	var a Attention
	if asOf != "" {
		a.Overdue = d.overduePledges()
		a.NoAction = d.unansweredAppraisals()
		a.Quiet = d.quietVillages(asOf)
		a.Training = d.trainingShortfalls(asOf)
	}
	a.NoReplacement = d.unreplacedPledges()
	d.Attention = a
	// Each list is sorted by township, so each township's items are one run
	// of it: the township's lists are sub-slices, found in one pass per list.
	overdue, noAction, quiet := byTownship(a.Overdue), byTownship(a.NoAction), byTownship(a.Quiet)
	training, noReplacement := byTownship(a.Training), byTownship(a.NoReplacement)
	d.AttentionOf = make(map[string]Attention, len(d.Townships))
	for _, t := range d.Townships {
		d.AttentionOf[t.ID] = Attention{
			Overdue: overdue[t.ID], NoAction: noAction[t.ID], Quiet: quiet[t.ID],
			Training: training[t.ID], NoReplacement: noReplacement[t.ID],
		}
	}
}

// placed is an attention item: it has a Place.
type placed interface{ place() Place }

func (p Place) place() Place { return p }

// byTownship splits a list sorted by township into its runs, by township ID.
// Each run is capped, so appending to one cannot overwrite the next.
func byTownship[T placed](list []T) map[string][]T {
	out := map[string][]T{}
	for from := 0; from < len(list); {
		id := list[from].place().TownshipID
		to := from + 1
		for to < len(list) && list[to].place().TownshipID == id {
			to++
		}
		out[id] = list[from:to:to]
		from = to
	}
	return out
}

// placeOf returns the place of a village, and its sort key: the township's
// and the village's positions in input order (unknown ones last).
func (d *Dataset) placeOf(villageID string) (Place, [2]int) {
	p := Place{VillageID: villageID}
	key := [2]int{len(d.Townships), len(d.Villages)}
	if vi, ok := d.VillageByID[villageID]; ok {
		key[1] = vi
		p.TownshipID = d.Villages[vi].TownshipID
		if ti, ok := d.TownshipByID[p.TownshipID]; ok {
			key[0] = ti
		}
	}
	return p, key
}

// keyed is an item with the sort key of its place and its own keys after.
type keyed[T any] struct {
	item T
	key  []int
}

// sorted returns the items ordered by their keys (place first); ties keep
// input order.
func sorted[T any](items []keyed[T]) []T {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].key, items[j].key
		for k := range a {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return false
	})
	if len(items) == 0 {
		return nil
	}
	out := make([]T, len(items))
	for i := range items {
		out[i] = items[i].item
	}
	return out
}

// overduePledges lists the overdue pledges (Pledge.DaysOverdue, derived first), by place.
func (d *Dataset) overduePledges() []OverduePledge {
	var items []keyed[OverduePledge]
	for i := range d.Pledges {
		p := &d.Pledges[i]
		if !p.Overdue {
			continue
		}
		place, k := d.placeOf(p.VillageID)
		days := p.DaysOverdue
		items = append(items, keyed[OverduePledge]{OverduePledge{place, i, days}, []int{k[0], k[1], -days, i}})
	}
	return sorted(items)
}

func (d *Dataset) unansweredAppraisals() []UnansweredAppraisal {
	var items []keyed[UnansweredAppraisal]
	for i := range d.Appraisals {
		a := &d.Appraisals[i]
		if !a.NeedsAdjust || d.answered(a) {
			continue
		}
		place, k := d.placeOf(a.VillageID)
		items = append(items, keyed[UnansweredAppraisal]{UnansweredAppraisal{place, i}, []int{k[0], k[1], a.Year, i}})
	}
	return sorted(items)
}

// answered reports whether something was done about an appraisal flagged
// NeedsAdjust (see UnansweredAppraisal).
func (d *Dataset) answered(a *Appraisal) bool {
	for _, i := range d.ActionsFor.Of(a.SecretaryID) {
		ac := &d.Actions[i]
		if !IsSanction(ac.Kind) {
			continue
		}
		if ac.Year != nil && *ac.Year == a.Year || ac.Year == nil && Year(ac.Date) == a.Year+1 {
			return true
		}
	}
	if si, ok := d.SecretaryByID[a.SecretaryID]; ok {
		s := &d.Secretaries[si]
		if s.TermEnd != "" && LeftForCause(s.LeaveReason) && Year(s.TermEnd) <= a.Year+1 {
			return true
		}
	}
	return false
}

func (d *Dataset) quietVillages(asOf string) []QuietVillage {
	n := d.Rules.Hearings.MaxQuietYears
	if n <= 0 {
		return nil
	}
	since := YearsBefore(asOf, n)
	var items []keyed[QuietVillage]
	for vi := range d.Villages {
		v := &d.Villages[vi]
		last, next := -1, -1
		for _, hi := range d.HearingsOf.Of(v.ID) { // by date
			h := &d.Hearings[hi]
			if h.Held(asOf) {
				last = int(hi)
			}
			if next < 0 && h.Upcoming(asOf) {
				next = int(hi)
			}
		}
		if last >= 0 && d.Hearings[last].Date > since {
			continue
		}
		place, k := d.placeOf(v.ID)
		items = append(items, keyed[QuietVillage]{QuietVillage{place, vi, since, last, next}, []int{k[0], k[1]}})
	}
	return sorted(items)
}

func (d *Dataset) trainingShortfalls(asOf string) []TrainingShortfall {
	r := d.Rules.Training
	var items []keyed[TrainingShortfall]
	for si := range d.Secretaries {
		s := &d.Secretaries[si]
		if s.TermStart == "" || s.TermStart > asOf {
			continue
		}
		recorded := map[int]int{}
		for _, ti := range d.TrainingYearOf.Of(s.ID) {
			recorded[d.TrainingYears[ti].Year] = int(ti)
		}
		last := Year(asOf)
		if s.TermEnd != "" && s.TermEnd < asOf {
			last = Year(s.TermEnd)
		}
		for y := Year(s.TermStart); y <= last; y++ {
			if fmt.Sprintf("%04d-12-31", y) > asOf || 2*daysServed(s, y) < daysInYear(y) {
				continue
			}
			sf := TrainingShortfall{Secretary: si, Year: y, TrainingYear: -1}
			if ti, ok := recorded[y]; ok {
				ty := &d.TrainingYears[ti]
				sf.TrainingYear, sf.Points, sf.Days = ti, ty.Points, ty.Days
				sf.PointsShort, sf.DaysShort = !ty.PointsOK, !ty.DaysOK
			} else if len(d.Trainings) > 0 {
				sf.PointsShort, sf.DaysShort = r.MinPoints > 0, r.MinDays > 0
			}
			if !sf.PointsShort && !sf.DaysShort {
				continue
			}
			place, k := d.placeOf(s.VillageID)
			sf.Place = place
			items = append(items, keyed[TrainingShortfall]{sf, []int{k[0], k[1], y, si}})
		}
	}
	return sorted(items)
}

func (d *Dataset) unreplacedPledges() []UnreplacedPledge {
	var items []keyed[UnreplacedPledge]
	for i := range d.Pledges {
		p := &d.Pledges[i]
		if p.Status != schema.StatusRevised || p.ReplacedBy != "" {
			continue
		}
		place, k := d.placeOf(p.VillageID)
		items = append(items, keyed[UnreplacedPledge]{UnreplacedPledge{place, i}, []int{k[0], k[1], dayNumber(p.MadeOn), i}})
	}
	return sorted(items)
}

// ---- dates ------------------------------------------------------------------------------------

// day parses a normalised date as a UTC midnight (dates never depend on the
// machine's time zone); ok is false for "" or a malformed date.
func day(date string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, date)
	return t, err == nil
}

// dayNumber returns a date as days since 1970-01-01, or 0.
func dayNumber(date string) int {
	t, ok := day(date)
	if !ok {
		return 0
	}
	return int(t.Unix() / 86400)
}

// DaysBetween returns the number of days from a to b (negative when b is
// earlier), or 0 when either is not a date.
func DaysBetween(a, b string) int {
	if _, ok := day(a); !ok {
		return 0
	}
	if _, ok := day(b); !ok {
		return 0
	}
	return dayNumber(b) - dayNumber(a)
}

// YearsBefore returns date less n years, keeping month and day; 29 February
// becomes the 28th in a year that has none.
func YearsBefore(date string, n int) string {
	y := Year(date)
	if y == 0 || len(date) != 10 {
		return date
	}
	md := date[4:]
	if md == "-02-29" && daysInYear(y-n) == 365 {
		md = "-02-28"
	}
	return fmt.Sprintf("%04d%s", y-n, md)
}

func daysInYear(y int) int {
	if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 366
	}
	return 365
}

// daysServed returns how many days of year y the term covers, counting as
// ServingOn does: from term_start up to, not including, term_end.
func daysServed(s *Secretary, y int) int {
	from, to := dayNumber(fmt.Sprintf("%04d-01-01", y)), dayNumber(fmt.Sprintf("%04d-01-01", y+1))
	if st := dayNumber(s.TermStart); st > from {
		from = st
	}
	if s.TermEnd != "" {
		if e := dayNumber(s.TermEnd); e < to {
			to = e
		}
	}
	return max(0, to-from)
}
