// Package feeds writes what lets people follow the county, or one village,
// without visiting the site: feed.xml and villages/<id>/feed.xml (Atom:
// pledge updates, hearings held and announced, commendations and
// sanctions, newest first), and hearings/calendar.ics and
// villages/<id>/calendar.ics (hearings as all-day events, RFC 5545,
// scheduled ones included). All are built from the data alone, dated by
// as_of and the records' own dates, so they are as deterministic as the
// pages.
package feeds

import (
	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/output"
	"gongshi/generator/route"
)

// feedEntries is how many of the latest events the county's Atom feed
// carries; a village's feed carries all of its own.
const feedEntries = 100

// feeds writes the feeds of one dataset in one language.
type feeds struct {
	d  *dataset.Dataset
	c  *i18n.Catalogue
	id identity
	// shared are the village names that more than one village has (two
	// 碧石村 in two townships): entries name those with their township.
	shared map[string]bool
}

// sharedNames returns the village names of d that more than one village has.
func sharedNames(d *dataset.Dataset) map[string]bool {
	seen := make(map[string]bool, len(d.Villages))
	shared := map[string]bool{}
	for i := range d.Villages {
		n := d.Villages[i].Name
		if seen[n] {
			shared[n] = true
		}
		seen[n] = true
	}
	return shared
}

// Write writes the county's feed and calendar and each village's, and
// returns the number of files written.
func Write(w *output.Writer, d *dataset.Dataset, c *i18n.Catalogue) (int, error) {
	f := &feeds{d: d, c: c, id: countyIdentity(d), shared: sharedNames(d)}
	n := 0
	write := func(path string, b []byte) error {
		if err := w.Write(path, b); err != nil {
			return err
		}
		n++
		return nil
	}
	if err := write(route.FeedPath, f.countyFeed()); err != nil {
		return n, err
	}
	cal, err := w.Create(route.CalendarPath)
	if err != nil {
		return n, err
	}
	if err := f.writeCountyCalendar(cal); err != nil {
		cal.Close()
		return n, err
	}
	if err := cal.Close(); err != nil {
		return n, err
	}
	n++
	for vi := range d.Villages {
		id := d.Villages[vi].ID
		if err := write(route.VillageFeedPath(id), f.villageFeed(vi)); err != nil {
			return n, err
		}
		if err := write(route.VillageICSPath(id), f.villageCalendar(vi)); err != nil {
			return n, err
		}
	}
	return n, nil
}

// absoluteBase reports whether base_url is a full address (http or https).
func (f *feeds) absoluteBase() bool { return f.d.Site.AbsoluteURL() }

// link returns the address of the site path to, as written in the file at
// the site path from: base_url + to when base_url is absolute, else
// relative to from (RFC 4287 resolves it against the feed's own address).
func (f *feeds) link(from, to string) string {
	if f.absoluteBase() {
		return f.d.Site.BaseURL + route.File(to)
	}
	return route.Rel(from, to)
}

// villageName returns the name of a village, with its township when
// another village has the same name ("杏口镇碧石村"), or "" for an unknown
// ID: a county's feed and calendar mix every village's entries.
func (f *feeds) villageName(id string) string {
	v := f.d.VillageOf(id)
	if v == nil {
		return ""
	}
	if f.shared[v.Name] {
		return f.c.Tf("feed_entry.place", "township", f.d.TownshipName(v.TownshipID), "village", v.Name)
	}
	return v.Name
}

// address returns where a village is, for a calendar's LOCATION, as a map
// finds it: county, township and village ("示范县杏口镇碧石村"), or "" for
// an unknown ID.
func (f *feeds) address(id string) string {
	v := f.d.VillageOf(id)
	if v == nil {
		return ""
	}
	return f.d.Site.County + f.d.TownshipName(v.TownshipID) + v.Name
}
