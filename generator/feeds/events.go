package feeds

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// event is one dated item of a feed: a pledge update, a hearing held or
// announced, or a commendation or sanction.
type event struct {
	date    string // the day it happened, or was announced: the entry's <updated>
	kind    string // "action", "hearing" or "pledge": orders events of one day
	key     string // the record's own key, stable across builds: "hearing/H1"
	title   string
	summary string
	page    string // site path of the page that shows it
	anchor  string // fragment on that page, or ""
}

// newestFirst orders events newest first; on one day by kind, then key, so
// that the order never changes between builds.
func newestFirst(evs []event) {
	sort.Slice(evs, func(a, b int) bool {
		if evs[a].date != evs[b].date {
			return evs[a].date > evs[b].date
		}
		if evs[a].kind != evs[b].kind {
			return evs[a].kind < evs[b].kind
		}
		return evs[a].key < evs[b].key
	})
}

// countyEvents returns the county's latest events up to as_of, newest
// first, at most n.
func (f *feeds) countyEvents(n int) []event {
	d := f.d
	asOf := d.Site.AsOf
	// The n newest are on or after the n-th newest day: find it first,
	// then word only the events from it on (a province has a million).
	top := dataset.Newest{N: n}
	latest := make([]string, len(d.Pledges)) // each pledge's newest update up to as_of
	for pi := range d.Pledges {
		for _, ui := range d.UpdatesOf.Of(d.Pledges[pi].ID) {
			if u := &d.PledgeUpdates[ui]; u.Date <= asOf {
				top.Add(u.Date)
				latest[pi] = max(latest[pi], u.Date)
			}
		}
	}
	hdates := make([]string, len(d.Hearings)) // each hearing's event date, "" for none
	for hi := range d.Hearings {
		if date, ok := hearingDate(&d.Hearings[hi], asOf); ok {
			top.Add(date)
			hdates[hi] = date
		}
	}
	for ai := range d.Actions {
		if a := &d.Actions[ai]; a.Date != "" && a.Date <= asOf {
			top.Add(a.Date)
		}
	}
	cutoff := top.Cutoff()
	var evs []event
	for pi := range d.Pledges {
		if latest[pi] != "" && latest[pi] >= cutoff {
			evs = f.updateEvents(evs, pi)
		}
	}
	for hi, date := range hdates {
		if date != "" && date >= cutoff {
			evs = f.hearingEvent(evs, hi)
		}
	}
	for ai := range d.Actions {
		if a := &d.Actions[ai]; a.Date >= cutoff {
			evs = f.actionEvent(evs, ai)
		}
	}
	newestFirst(evs)
	if len(evs) > n {
		evs = evs[:n]
	}
	return evs
}

// villageEvents returns every event of one village up to as_of, newest first.
func (f *feeds) villageEvents(vi int) []event {
	d := f.d
	id := d.Villages[vi].ID
	var evs []event
	for _, pi := range d.PledgesOf.Of(id) {
		evs = f.updateEvents(evs, int(pi))
	}
	for _, hi := range d.HearingsOf.Of(id) {
		evs = f.hearingEvent(evs, int(hi))
	}
	for _, ai := range d.ActionsOf.Of(id) {
		evs = f.actionEvent(evs, int(ai))
	}
	newestFirst(evs)
	return evs
}

// updateEvents appends the updates of one pledge dated up to as_of. Two
// updates on one day keep apart by their order ("P1/2024-03-01", then
// "P1/2024-03-01/2").
func (f *feeds) updateEvents(evs []event, pi int) []event {
	d := f.d
	p := &d.Pledges[pi]
	village := f.villageName(p.VillageID)
	prev, seq := "", 0
	for _, ui := range d.UpdatesOf.Of(p.ID) {
		u := &d.PledgeUpdates[ui]
		if u.Date == prev {
			seq++
		} else {
			prev, seq = u.Date, 1
		}
		if u.Date > d.Site.AsOf {
			continue
		}
		summary := f.c.Enum(schema.PledgeStatuses, u.Status)
		if u.Progress != nil {
			summary += f.c.T("punct.comma") + fmt.Sprintf("%d%%", *u.Progress)
		}
		if u.Note != "" {
			summary = f.sentences(summary, u.Note)
		}
		key := "pledge/" + p.ID + "/" + u.Date
		if seq > 1 {
			key += "/" + strconv.Itoa(seq)
		}
		evs = append(evs, event{date: u.Date, kind: "pledge", key: key,
			title: f.entryTitle(village, p.Title), summary: summary, page: route.Pledge(p.ID)})
	}
	return evs
}

// hearingEvent appends a hearing: one held, dated by its day, with its
// outcome; or one announced (待召开), dated by its notice when that came by
// as_of (else as_of: the data say it was known by then), saying when it is
// to be held. When it is held, its entry keeps its ID and is updated.
func (f *feeds) hearingEvent(evs []event, hi int) []event {
	d := f.d
	h := &d.Hearings[hi]
	asOf := d.Site.AsOf
	village := f.villageName(h.VillageID)
	date, ok := hearingDate(h, asOf)
	if !ok {
		return evs
	}
	e := event{date: date, kind: "hearing", key: "hearing/" + h.ID, page: route.Hearing(h.ID)}
	if h.Held(asOf) {
		e.title = f.entryTitle(village, f.c.Label(f.c.T("hearing"), h.Topic))
		e.summary = f.c.Enum(schema.Outcomes, h.Outcome)
	} else {
		e.title = f.entryTitle(village, f.c.Label(f.c.T("feeds.hearing_announced"), h.Topic))
		e.summary = f.scheduledNote(h)
	}
	if h.Summary != "" {
		e.summary = f.sentences(e.summary, h.Summary)
	}
	return append(evs, e)
}

// hearingDate returns the day a hearing's event is dated by
// (Hearing.EventDate).
func hearingDate(h *dataset.Hearing, asOf string) (string, bool) { return h.EventDate(asOf) }

// entryTitle puts the village before what happened, the same way for
// every kind of entry: "上村 · 民主听证：预算", "上村 · 修路".
func (f *feeds) entryTitle(village, what string) string {
	return f.c.Tf("feed_entry.title", "village", village, "title", what)
}

// sentences joins two sentences with the catalogue's full stop, unless the
// first already ends with one ("会后公布。" takes no second "。").
func (f *feeds) sentences(a, b string) string {
	if a == "" {
		return b
	}
	stop := f.c.T("punct.period") // "。", or ". " in English
	if mark := strings.TrimSpace(stop); strings.HasSuffix(a, mark) {
		return a + stop[len(mark):] + b // the stop is there: only the space after it
	}
	return a + stop + b
}

// scheduledNote says when an announced hearing is to be held (later, or
// today: the as_of day), or that it was to be held and its outcome was not
// recorded, in the words the hearing page uses (Hearing.ScheduledKey).
func (f *feeds) scheduledNote(h *dataset.Hearing) string {
	key := h.ScheduledKey(f.d.Site.AsOf)
	if key == "" {
		return ""
	}
	return f.c.Tf(key, "date", f.c.Date(h.Date))
}

// actionEvent appends a commendation or sanction dated up to as_of, linked
// to the actions on the secretary's page.
func (f *feeds) actionEvent(evs []event, ai int) []event {
	d := f.d
	a := &d.Actions[ai]
	si, ok := d.SecretaryByID[a.SecretaryID]
	if !ok || a.Date == "" || a.Date > d.Site.AsOf {
		return evs
	}
	sec := &d.Secretaries[si]
	summary := a.Reason
	add := func(label, value string) {
		if value == "" {
			return
		}
		if summary != "" {
			summary += f.c.T("punct.semicolon")
		}
		summary += f.c.Label(label, value)
	}
	if a.Year != nil {
		if summary != "" {
			summary += f.c.T("punct.semicolon")
		}
		summary += f.c.Tf("feed_entry.action_basis", "year", strconv.Itoa(*a.Year))
	}
	add(f.c.T("accountability.action_by"), a.By)
	title := f.c.Tf("feeds.action_title", "kind", f.c.Enum(schema.ActionKinds, a.Kind), "name", sec.Name)
	return append(evs, event{date: a.Date, kind: "action", key: "action/" + a.ID,
		title: f.entryTitle(f.villageName(sec.VillageID), title), summary: summary, page: route.Secretary(sec.ID), anchor: "h-actions"})
}
