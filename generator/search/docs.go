package search

import (
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// A doc is one thing the search finds: a village, township, secretary's
// term, pledge or hearing. Documents are numbered in one sequence, kind
// after kind in the order of kinds (so a number tells the kind), each kind
// in input order.
type doc struct {
	id    string
	name  string   // the village's, township's or secretary's name; the pledge's title; the hearing's topic
	place []string // township, then village, as far as they are not the doc itself
	note  string   // shown beside the name: a secretary's role (former ones marked), a pledge's status, a hearing's date and outcome
	texts []string // other text searched: a pledge's detail, target and update notes; a hearing's summary, follow-up, questions and answers
}

// context is the place and the name run together ("松坪镇长垟村"), as
// people type a village's full name.
func (d *doc) context() string { return strings.Join(d.place, "") + d.name }

// A kind of document, in the order results are grouped on the page.
type kind struct {
	key   string // "villages": the folder of its chunks, the class of its results
	label string // the heading of its results
	href  string // link from the search page to a document's page, "{id}" standing for its ID
	docs  []doc
}

// kinds collects every document of the dataset, by kind.
func kinds(d *dataset.Dataset, c *i18n.Catalogue) []kind {
	from := route.File(route.Path(route.SearchPage))
	href := func(path func(string) string) string { return route.Rel(from, path("{id}")) }
	// A village's place is one slice shared by its secretaries', pledges'
	// and hearings' documents (read only), not one each.
	places := make(map[string][]string, len(d.Villages))
	placeOf := func(villageID string) []string {
		if p, ok := places[villageID]; ok {
			return p
		}
		var p []string
		if v := d.VillageOf(villageID); v != nil {
			p = nonEmpty(d.TownshipName(v.TownshipID), v.Name)
		}
		places[villageID] = p
		return p
	}
	// Each kind's documents are allocated once at their full length: in a
	// province the lists are tens of MB, and growing them by appending
	// would hold two copies at once as the rows are let go.
	docs := func(n int) []doc { return make([]doc, 0, n) }

	villages := kind{key: "villages", label: c.T("find.villages"), href: href(route.Village), docs: docs(len(d.Villages))}
	for _, v := range d.Villages {
		villages.docs = append(villages.docs, doc{id: v.ID, name: v.Name, place: nonEmpty(d.TownshipName(v.TownshipID))})
	}
	townships := kind{key: "townships", label: c.T("find.townships"), href: href(route.Township), docs: docs(len(d.Townships))}
	for _, t := range d.Townships {
		townships.docs = append(townships.docs, doc{id: t.ID, name: t.Name})
	}
	secretaries := kind{key: "secretaries", label: c.T("find.secretaries"), href: href(route.Secretary), docs: docs(len(d.Secretaries))}
	for _, s := range d.Secretaries {
		note := c.Enum(schema.Roles, s.Role)
		if !s.ServingOn(d.Site.AsOf) {
			note += c.Paren(c.T("former"))
		}
		secretaries.docs = append(secretaries.docs, doc{id: s.ID, name: s.Name, place: placeOf(s.VillageID), note: note})
	}
	pledges := kind{key: "pledges", label: c.T("find.pledges"), href: href(route.Pledge), docs: docs(len(d.Pledges))}
	for _, p := range d.Pledges {
		texts := nonEmpty(p.Detail, p.Target)
		for _, ui := range d.UpdatesOf.Of(p.ID) {
			texts = append(texts, nonEmpty(d.PledgeUpdates[ui].Note)...)
		}
		pledges.docs = append(pledges.docs, doc{id: p.ID, name: p.Title, place: placeOf(p.VillageID),
			note: c.Enum(schema.PledgeStatuses, p.Status), texts: texts})
	}
	hearings := kind{key: "hearings", label: c.T("find.hearings"), href: href(route.Hearing), docs: docs(len(d.Hearings))}
	for _, h := range d.Hearings {
		texts := nonEmpty(h.Summary, h.FollowUp)
		for _, qi := range d.QuestionsOf.Of(h.ID) {
			q := &d.HearingQuestions[qi]
			texts = append(texts, nonEmpty(q.Question, q.Answer)...)
		}
		hearings.docs = append(hearings.docs, doc{id: h.ID, name: h.Topic, place: placeOf(h.VillageID),
			note: c.Date(h.Date) + " " + c.Enum(schema.Outcomes, h.Outcome), texts: texts})
	}
	return []kind{villages, townships, secretaries, pledges, hearings}
}

// nonEmpty returns the strings that are not blank, trimmed.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
