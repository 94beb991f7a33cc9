package dataset

import "gongshi/generator/schema"

// Accountability records: what was done about a secretary (actions), what
// replaced a revised pledge, and what happens to a pledge when its secretary
// leaves. A secretary's record follows the office: an open pledge stays the
// village's business after the person who made it has gone.

// indexAccountability fills ActionByID, ActionsFor, ActionsOf and Replaces.
// Actions about a secretary who is not in the data are left out of
// ActionsOf (validation reports the reference).
func (d *Dataset) indexAccountability() {
	d.ActionByID = make(map[string]int, len(d.Actions))
	for i, a := range d.Actions {
		setFirst(d.ActionByID, a.ID, i)
	}
	d.ActionsFor = groupBy(len(d.Actions), d.SecretaryByID, len(d.Secretaries), func(i int) string { return d.Actions[i].SecretaryID })
	d.ActionsOf = groupSome(len(d.Actions), d.VillageByID, len(d.Villages), func(i int) (string, bool) {
		si, ok := d.SecretaryByID[d.Actions[i].SecretaryID]
		if !ok {
			return "", false
		}
		return d.Secretaries[si].VillageID, true
	})
	byDate := byString(func(i int32) string { return d.Actions[i].Date })
	d.ActionsFor.sortEach(byDate)
	d.ActionsOf.sortEach(byDate)
	d.Replaces = groupSome(len(d.Pledges), d.PledgeByID, len(d.Pledges), func(i int) (string, bool) {
		return d.Pledges[i].ReplacedBy, d.Pledges[i].ReplacedBy != ""
	})
}

// Open reports whether a pledge is still to be done: not 已完成, 未完成 or 已调整.
func (p *Pledge) Open() bool {
	switch p.Status {
	case schema.StatusDone, schema.StatusFailed, schema.StatusRevised:
		return false
	}
	return true
}

// Held reports whether a hearing took place by asOf: it is dated on or
// before asOf and its outcome is not 待召开 (scheduled).
func (h *Hearing) Held(asOf string) bool {
	return h.Outcome != schema.OutcomeScheduled && h.Date != "" && h.Date <= asOf
}

// Upcoming reports whether a hearing is announced for after asOf.
func (h *Hearing) Upcoming(asOf string) bool {
	return h.Outcome == schema.OutcomeScheduled && h.Date > asOf
}

// Awaited reports whether a hearing is announced (待召开) for as_of or
// later: still to come, or being held on the as_of day itself. A hearing
// on the as_of day is not Upcoming (DESIGN: one dated on or before as_of
// and still 待召开 is a warning, its outcome not recorded), but a reader is
// told it is held today, not that it was missed.
func (h *Hearing) Awaited(asOf string) bool {
	return h.Outcome == schema.OutcomeScheduled && h.Date != "" && h.Date >= asOf
}

// EventDate returns the day a hearing is news by: a hearing held, its day;
// one announced (待召开), its notice when that came by as_of (else as_of,
// or its own date if earlier: the data say it was known by then). A
// hearing dated after as_of with an outcome (check refuses it) or without a
// date has none. The feeds and the home page's latest updates both date
// hearings by it, so they agree on what is new.
func (h *Hearing) EventDate(asOf string) (string, bool) {
	switch {
	case h.Held(asOf):
		return h.Date, h.Date != ""
	case h.Outcome == schema.OutcomeScheduled:
		date := min(asOf, h.Date)
		if h.NoticeDate != "" && h.NoticeDate <= date {
			date = h.NoticeDate
		}
		return date, date != ""
	}
	return "", false
}

// ScheduledKey returns the catalogue key of what is said of a hearing
// announced (待召开) on as_of: to be held later (Upcoming), being held today
// (the as_of day, Awaited), or its day passed with no outcome recorded;
// "" for a hearing with an outcome. The hearing page and the feeds both
// word it by this key, so that they say the same; the catalogue words it.
func (h *Hearing) ScheduledKey(asOf string) string {
	switch {
	case h.Outcome != schema.OutcomeScheduled:
		return ""
	case h.Upcoming(asOf):
		return "accountability.scheduled_note"
	case h.Awaited(asOf):
		return "accountability.scheduled_today"
	}
	return "accountability.scheduled_unrecorded"
}

// IsSanction reports whether an action kind holds a secretary to account
// (诫勉, 警告, 组织调整, 责令辞职, 免职, 撤职) rather than commending them.
func IsSanction(kind string) bool {
	return kind != "" && kind != schema.ActionCommendation && kind != schema.ActionReward
}

// EndsTerm reports whether an action kind removes the secretary from office
// (组织调整, 责令辞职, 免职, 撤职).
func EndsTerm(kind string) bool {
	switch kind {
	case schema.ActionAdjustment, schema.ActionOrderedToResign, schema.ActionDismissal, schema.ActionRemoval:
		return true
	}
	return false
}

// LeftForCause reports whether a leave reason says the secretary was removed
// (组织调整, 责令辞职, 免职, 撤职), as opposed to leaving in the ordinary way.
func LeftForCause(reason string) bool {
	switch reason {
	case schema.LeaveAdjusted, schema.LeaveOrderedToResign, schema.LeaveDismissed, schema.LeaveRemoved:
		return true
	}
	return false
}

// HolderOn returns the position in Secretaries of the term of the given role
// serving in a village on date (Secretary.ServingOn: on a handover day, the
// new one), or -1 when the office is vacant.
func (d *Dataset) HolderOn(villageID, role, date string) int {
	holder := -1
	for _, i := range d.SecretariesOf.Of(villageID) { // by term_start: the latest start wins
		s := &d.Secretaries[i]
		if s.Role == role && s.ServingOn(date) {
			holder = int(i)
		}
	}
	return holder
}

// HolderOnDay returns the position in Secretaries of the term of the given
// role that held the office in a village on the day of an event there (a
// hearing), or -1 when none did: the one serving (HolderOn: on a handover
// day, the new one), else one whose term ended that day. term_end is read
// both ways in the data: the day the next term starts (a handover), and
// the outgoing secretary's last day (S1 ends 06-30, S2 starts 07-01); on
// that last day no term is serving, but the outgoing secretary was still
// there. (HolderOn stays as it is: who holds the office on as_of, after a
// term ending that day, is the successor or no one.)
func (d *Dataset) HolderOnDay(villageID, role, date string) int {
	if h := d.HolderOn(villageID, role, date); h >= 0 || date == "" {
		return h
	}
	holder := -1
	for _, i := range d.SecretariesOf.Of(villageID) {
		if s := &d.Secretaries[i]; s.Role == role && s.TermEnd == date && s.TermStart <= date {
			holder = int(i)
		}
	}
	return holder
}

// HearingsInTerm returns the positions in Hearings of the hearings of a
// term's village, by date, that fall in the term: those on whose day it held
// its office (HolderOnDay). A 书记 and a 第一书记 serving at once both have
// the village's hearings of those days; a hearing still to be held is the
// term's when the term covers its date. A person with terms in two villages
// (two rows: the data know no person beyond a term) has each village's
// hearings on that village's term only.
func (d *Dataset) HearingsInTerm(si int) []int {
	s := &d.Secretaries[si]
	var out []int
	for _, hi := range d.HearingsOf.Of(s.VillageID) {
		if d.HolderOnDay(s.VillageID, s.Role, d.Hearings[hi].Date) == si {
			out = append(out, int(hi))
		}
	}
	return out
}

// deriveCarriedOver marks the open pledges of secretaries who had left office
// by as_of, and names who holds the office (same village, same role) on as_of.
func (d *Dataset) deriveCarriedOver() {
	asOf := d.Site.AsOf
	for i := range d.Pledges {
		p := &d.Pledges[i]
		p.CarriedOver, p.Holder = false, ""
		si, ok := d.SecretaryByID[p.SecretaryID]
		if !ok || asOf == "" || !p.Open() {
			continue
		}
		s := &d.Secretaries[si]
		if s.TermEnd == "" || s.TermEnd > asOf {
			continue
		}
		p.CarriedOver = true
		if h := d.HolderOn(p.VillageID, s.Role, asOf); h >= 0 {
			p.Holder = d.Secretaries[h].ID
		}
	}
}
