package site

import (
	"sort"

	"gongshi/generator/dataset"
	"gongshi/generator/route"
)

// UpcomingHearing is one hearing announced and still to be held
// (Hearing.Awaited), as the county's list of upcoming hearings shows it:
// when, where, what, since when it is known, and the calendar to add it to.
type UpcomingHearing struct {
	Date        string // the day it is to be held, in words
	When        string // how soon: "今日召开", "明天召开", "还有 44 天"
	Today       bool   // it is held on the as_of day
	Topic       string
	Href        string
	Village     string
	VillageHref string
	Township    string
	Notice      string // "公告于2025年12月24日", "" when no notice date is recorded
	Calendar    string // the village's hearing calendar, which holds it
}

// UpcomingView is the list of upcoming hearings: the nearest of them, and
// how many there are in all.
type UpcomingView struct {
	Rows  []UpcomingHearing
	Total int
	All   string // on the home page: link to the full list on /hearings/; "" there
}

// upcomingAnchor is the fragment of the list on /hearings/.
const upcomingAnchor = "upcoming"

// homeUpcoming is how many of the nearest upcoming hearings the home page lists.
const homeUpcoming = 5

// awaitedHearings returns the positions in Hearings of the hearings
// announced and still to be held, nearest first; on one day by village ID,
// then hearing ID, so the order never changes between builds.
func awaitedHearings(d *dataset.Dataset) []int {
	var out []int
	for i := range d.Hearings {
		if d.Hearings[i].Awaited(d.Site.AsOf) {
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		ha, hb := &d.Hearings[out[a]], &d.Hearings[out[b]]
		if ha.Date != hb.Date {
			return ha.Date < hb.Date
		}
		if ha.VillageID != hb.VillageID {
			return ha.VillageID < hb.VillageID
		}
		return ha.ID < hb.ID
	})
	return out
}

// upcoming returns the list of upcoming hearings as seen from the page at
// path, at most n of them (n <= 0: up to maxRows, a listing page's limit).
func (s *Site) upcoming(path string, n int) UpcomingView {
	if n <= 0 || n > maxRows {
		n = maxRows
	}
	v := UpcomingView{Total: len(s.awaited)}
	for _, hi := range s.awaited[:min(n, len(s.awaited))] {
		v.Rows = append(v.Rows, s.upcomingRow(path, hi))
	}
	return v
}

func (s *Site) upcomingRow(path string, hi int) UpcomingHearing {
	d := s.D
	h := &d.Hearings[hi]
	r := UpcomingHearing{Date: s.date(h.Date), Topic: h.Topic, Href: route.Rel(path, route.Hearing(h.ID)),
		Calendar: route.Rel(path, route.VillageICSPath(h.VillageID))}
	r.Village, r.VillageHref = s.villageRef(path, h.VillageID)
	if v := d.VillageOf(h.VillageID); v != nil {
		if t := s.townshipOf(v); t != nil {
			r.Township = t.Name
		}
	}
	if h.NoticeDate != "" {
		r.Notice = s.C.Tf("accountability.noticed_on", "date", s.date(h.NoticeDate))
	}
	r.When, r.Today = s.untilHearing(h), h.Date == d.Site.AsOf
	return r
}

// untilHearing says how soon a hearing still to be held is: "今日召开",
// "明天召开", "还有 44 天".
func (s *Site) untilHearing(h *dataset.Hearing) string {
	switch days := dataset.DaysBetween(s.D.Site.AsOf, h.Date); days {
	case 0:
		return s.T("accountability.upcoming_today")
	case 1:
		return s.T("accountability.upcoming_tomorrow")
	default:
		return s.C.Tf("accountability.upcoming_days", "n", s.C.Int(days))
	}
}
