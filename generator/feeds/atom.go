package feeds

import (
	"bytes"
	"fmt"

	"gongshi/generator/route"
	"gongshi/generator/xmltext"
)

// atomDoc is one Atom feed (RFC 4287) to write.
type atomDoc struct {
	path   string // site path of the feed file
	title  string
	key    string // the record key its ID is made from ("" for the county's)
	page   string // site path of the page the feed follows
	events []event
}

// countyFeed returns feed.xml: the county's latest events.
func (f *feeds) countyFeed() []byte {
	return f.atom(atomDoc{path: route.FeedPath, title: f.d.Site.Title, page: route.HomePath, events: f.countyEvents(feedEntries)})
}

// villageFeed returns villages/<id>/feed.xml: every event of one village.
func (f *feeds) villageFeed(vi int) []byte {
	v := &f.d.Villages[vi]
	return f.atom(atomDoc{path: route.VillageFeedPath(v.ID), key: "village/" + v.ID,
		title: f.c.Tf("feeds.village_title", "village", v.Name, "title", f.d.Site.Title),
		page:  route.Village(v.ID), events: f.villageEvents(vi)})
}

// atom writes a feed. Its <updated> is the newest entry's day (as_of for a
// feed with none), so a feed changes only when something new is in it. An
// entry has the same ID in the county's feed and its village's.
func (f *feeds) atom(doc atomDoc) []byte {
	d := f.d
	updated := d.Site.AsOf
	if len(doc.events) > 0 {
		updated = doc.events[0].date
	}
	var b bytes.Buffer
	b.Grow(1024 + 400*len(doc.events)) // about a feed's size: one allocation, not a dozen as it grows
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="` + xmltext.Escape(d.Site.Language) + `">` + "\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", xmltext.Escape(doc.title))
	fmt.Fprintf(&b, "<id>%s</id>\n", f.id.urn(doc.key))
	fmt.Fprintf(&b, "<updated>%sT00:00:00Z</updated>\n", updated)
	fmt.Fprintf(&b, "<link rel=\"self\" type=\"application/atom+xml\" href=\"%s\"/>\n", xmltext.Escape(f.link(doc.path, doc.path)))
	fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", xmltext.Escape(f.link(doc.path, doc.page)))
	fmt.Fprintf(&b, "<author><name>%s</name></author>\n", xmltext.Escape(d.Site.County))
	for _, e := range doc.events {
		href := f.link(doc.path, e.page)
		if e.anchor != "" {
			href += "#" + e.anchor
		}
		b.WriteString("<entry>\n")
		fmt.Fprintf(&b, "<id>%s</id>\n", f.id.urn(e.key))
		fmt.Fprintf(&b, "<title>%s</title>\n", xmltext.Escape(e.title))
		fmt.Fprintf(&b, "<updated>%sT00:00:00Z</updated>\n", e.date)
		fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", xmltext.Escape(href))
		fmt.Fprintf(&b, "<summary>%s</summary>\n", xmltext.Escape(e.summary))
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}
