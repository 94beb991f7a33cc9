package site

import (
	"strings"

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
	Timeline     []UpdateItem
	OverdueNote  string
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

// UpdateItem is one entry of a pledge's timeline.
type UpdateItem struct {
	Date        string
	Status      Badge
	Progress    int
	HasProgress bool
	Note        string
}

func (s *Site) pledge(path string, pi int) (*Page, error) {
	d := s.D
	pl := &d.Pledges[pi]
	v := d.VillageOf(pl.VillageID) // there is one: the reference was checked
	p := s.frame(path, pl.Title, route.Section(route.PledgePage), s.villageCrumbs(path, v, true)...)
	view := &PledgeView{Row: s.pledgeRow(path, pi, false), Village: Link{Label: v.Name, Href: route.Rel(path, route.Village(v.ID))},
		Detail: pl.Detail, Target: pl.Target, Evidence: pl.Evidence}
	if isHTTP(pl.Evidence) {
		view.EvidenceHref = pl.Evidence
	}
	if si, ok := d.SecretaryByID[pl.SecretaryID]; ok {
		view.Secretary = Link{Label: d.Secretaries[si].Name, Href: route.Rel(path, route.Secretary(pl.SecretaryID))}
	}
	for _, ui := range d.UpdatesOf.Of(pl.ID) {
		u := &d.PledgeUpdates[ui]
		it := UpdateItem{Date: s.date(u.Date), Status: s.badge(schema.PledgeStatuses, u.Status), Note: u.Note}
		if u.Progress != nil {
			it.Progress, it.HasProgress = *u.Progress, true
		}
		view.Timeline = append(view.Timeline, it)
	}
	if pl.Overdue {
		view.OverdueNote = s.C.Tf("overdue_note", "due", s.date(pl.Due), "as_of", s.date(d.Site.AsOf))
	}
	if ri, ok := d.PledgeByID[pl.ReplacedBy]; ok && pl.ReplacedBy != "" {
		view.ReplacedBy = &Link{Label: d.Pledges[ri].Title, Href: route.Rel(path, route.Pledge(pl.ReplacedBy))}
	}
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

// isHTTP reports whether s is a plain http(s) URL, the only kind of evidence
// link gongshi makes clickable.
func isHTTP(s string) bool {
	return (strings.HasPrefix(s, "https://") && len(s) > 8 || strings.HasPrefix(s, "http://") && len(s) > 7) &&
		!strings.ContainsAny(s, " \n\t")
}
