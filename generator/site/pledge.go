package site

import (
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// PledgeView is one pledge with its timeline.
type PledgeView struct {
	Row          PledgeRow
	Village      Link
	Secretary    Link
	Detail       string
	Target       string
	Evidence     string
	EvidenceHref string // set when the evidence is an http(s) link
	// NoEvidence marks a done (已完成) pledge with no evidence given: the
	// page says so rather than leave the row out.
	NoEvidence  bool
	Timeline    []UpdateItem
	OverdueNote string
	// LateLabel ("逾期 7 天完成") and LateNote are set on a pledge done
	// after its due date (dataset.Pledge.DaysLate).
	LateLabel string
	LateNote  string
	// ReplacedBy is the pledge that replaces this revised (已调整) one;
	// Replaces the revised pledges this one replaces; NoReplacement marks a
	// revised pledge that names none.
	ReplacedBy    *Link
	Replaces      []Link
	NoReplacement bool
	// CarriedNote is set on an open pledge whose secretary has left office,
	// and Holder is who holds the office on as_of (Label "" while vacant).
	CarriedNote string
	Holder      Link
}

// UpdateItem is one entry of a pledge's timeline: a progress update, or
// one of the two entries the pledge row itself gives (Made, FromRow).
type UpdateItem struct {
	Date        string
	Status      Badge
	Progress    int
	HasProgress bool
	Note        string
	// Made marks the first entry, the day the pledge was made (made_on):
	// it has no status.
	Made bool
	// FromRow marks the pledge row's own dated status (updated_on and
	// status), the latest entry when no progress update records it: the
	// row says what the status is and since when, but no note why.
	FromRow bool
}

func (s *Site) pledge(path string, pi int) (*Page, error) {
	d := s.D
	pl := &d.Pledges[pi]
	v := d.VillageOf(pl.VillageID) // there is one: the reference was checked
	p := s.frame(path, pl.Title, route.Section(route.PledgePage), s.villageCrumbs(path, v, true)...)
	view := &PledgeView{Row: s.pledgeRow(path, pi, false), Village: Link{Label: v.Name, Href: route.Rel(path, route.Village(v.ID))},
		Detail: pl.Detail, Target: pl.Target, Evidence: pl.Evidence, NoEvidence: pl.Status == schema.StatusDone && pl.Evidence == ""}
	if isHTTP(pl.Evidence) {
		view.EvidenceHref = pl.Evidence
	}
	if si, ok := d.SecretaryByID[pl.SecretaryID]; ok {
		view.Secretary = Link{Label: d.Secretaries[si].Name, Href: route.Rel(path, route.Secretary(pl.SecretaryID))}
	}
	view.Timeline = s.timeline(pl, view.Row)
	if pl.Overdue {
		view.OverdueNote = s.C.Tf("overdue_note", "due", s.date(pl.Due), "as_of", s.date(d.Site.AsOf))
	}
	if pl.DaysLate > 0 {
		view.LateLabel = s.C.Tn("done_late", float64(pl.DaysLate), "n", s.C.Int(pl.DaysLate))
		view.LateNote = s.C.Tf("done_late_note", "due", s.date(pl.Due), "done", s.date(pl.UpdatedOn))
	}
	view.ReplacedBy = s.replacement(path, pl)
	view.NoReplacement = pl.Status == schema.StatusRevised && pl.ReplacedBy == ""
	for _, oi := range d.Replaces.Of(pl.ID) {
		o := &d.Pledges[oi]
		view.Replaces = append(view.Replaces, Link{Label: o.Title, Href: route.Rel(path, route.Pledge(o.ID))})
	}
	if si, ok := d.SecretaryByID[pl.SecretaryID]; ok && pl.CarriedOver {
		sec := &d.Secretaries[si]
		view.CarriedNote = s.C.Tf("accountability.pledge_carried_over", "name", sec.Name, "date", s.date(sec.TermEnd))
		view.Holder = Link{Label: s.T("accountability.holder_vacant")}
		if hi, ok := d.SecretaryByID[pl.Holder]; ok {
			view.Holder = Link{Label: d.Secretaries[hi].Name, Href: route.Rel(path, route.Secretary(pl.Holder))}
		}
	}
	p.Main = view
	return p, nil
}

// timeline returns a pledge's history, oldest first: the day it was made,
// its progress updates, and last the row's own status on its updated_on
// when the latest update does not record that status on that day (a third
// of pledges have no updates at all, yet the row says what they came to).
// row is the pledge's list row, whose progress counts a done pledge as 100%.
func (s *Site) timeline(pl *dataset.Pledge, row PledgeRow) []UpdateItem {
	d := s.D
	var out []UpdateItem
	if pl.MadeOn != "" {
		out = append(out, UpdateItem{Date: s.date(pl.MadeOn), Made: true})
	}
	var last *dataset.PledgeUpdate
	for _, ui := range d.UpdatesOf.Of(pl.ID) {
		u := &d.PledgeUpdates[ui]
		it := UpdateItem{Date: s.date(u.Date), Status: s.badge(schema.PledgeStatuses, u.Status), Note: u.Note}
		if u.Progress != nil {
			it.Progress, it.HasProgress = *u.Progress, true
		}
		out = append(out, it)
		if last == nil || u.Date >= last.Date {
			last = u
		}
	}
	if pl.UpdatedOn != "" && (last == nil || last.Date < pl.UpdatedOn || last.Date == pl.UpdatedOn && last.Status != pl.Status) {
		out = append(out, UpdateItem{Date: row.UpdatedOn, Status: row.Status, Progress: row.Progress, HasProgress: row.HasProgress, FromRow: true})
	}
	return out
}

// isHTTP reports whether s is a plain http(s) URL, the only kind of evidence
// link gongshi makes clickable.
func isHTTP(s string) bool {
	return (strings.HasPrefix(s, "https://") && len(s) > 8 || strings.HasPrefix(s, "http://") && len(s) > 7) &&
		!strings.ContainsAny(s, " \n\t")
}

// replacement links, from the page at path, the pledge that replaced pl
// (a revised one), or is nil when none is recorded.
func (s *Site) replacement(path string, pl *dataset.Pledge) *Link {
	ri, ok := s.D.PledgeByID[pl.ReplacedBy]
	if !ok || pl.ReplacedBy == "" {
		return nil
	}
	return &Link{Label: s.D.Pledges[ri].Title, Href: route.Rel(path, route.Pledge(pl.ReplacedBy))}
}
