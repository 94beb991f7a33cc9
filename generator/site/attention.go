package site

import (
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/route"
)

// AttentionView is /attention/ (or one township's part of it when the list
// is split): what needs following up on as_of, by township.
type AttentionView struct {
	Intro    string
	Facts    []Fact // items of each kind, in the county (or the township)
	List     ListView
	Township string // set on a township's part of a split list
}

// AttentionBlock is the same items on a township's page, laid out to print
// as the township's 督办单 (follow-up sheet): every item when they fit the
// 500-row rule, else the counts and a link to the township's part of
// /attention/.
type AttentionBlock struct {
	Title    string // "东乡镇督办单"
	AsOf     string // "数据截至 …，共 n 项"
	Facts    []Fact
	Sections []AttentionSection // nil when the items are on another page
	Href     string             // the township's part of /attention/, when Sections is nil
	HrefText string
}

// AttentionSection is the items of one kind: a heading, the rule that
// makes an item of this kind, and the items.
type AttentionSection struct {
	Key     string // the kind: overdue, no-action, quiet, training, no-replacement
	Title   string
	Explain string
	Items   []AttentionItem
}

// AttentionItem is one thing to follow up: where, what (linked to its
// record), who is responsible now, and the facts that make it an item.
type AttentionItem struct {
	Village Link
	Item    Link
	Who     Link // "" when no one holds the office
	// Detail is the facts that make it an item: "逾期 123 天 · 完成时限 ",
	// then the Date they name, kept whole on a phone ("2024年12月31日"),
	// then After (" · 前任移交"); Date and After may be "".
	Detail, Date, After string
	Next                *Link // for a quiet village: the hearing announced next, if any
}

// attentionKinds are the kinds of items in the order every list shows
// them, each with its heading key.
var attentionKinds = []struct{ key, title string }{
	{"overdue", "attention.overdue"}, {"no-action", "attention.no_action"}, {"quiet", "attention.quiet"},
	{"training", "attention.training"}, {"no-replacement", "attention.no_replacement"},
}

// attentionRef is one item of a township's flat list: its kind (index in
// attentionKinds) and its position in that kind's list.
type attentionRef struct{ kind, i int }

// attentionRefs flattens a township's items, kind by kind.
func attentionRefs(a dataset.Attention) []attentionRef {
	ns := attentionCounts(a)
	var out []attentionRef
	for k, n := range ns {
		for i := 0; i < n; i++ {
			out = append(out, attentionRef{k, i})
		}
	}
	return out
}

// attentionCounts returns the number of items of each kind, in the order of attentionKinds.
func attentionCounts(a dataset.Attention) []int {
	return []int{len(a.Overdue), len(a.NoAction), len(a.Quiet), len(a.Training), len(a.NoReplacement)}
}

// attentionPages plans /attention/: one group per township (in the order of
// every list), split by township and paged when long, like the other lists.
func (s *Site) attentionPages() []entry {
	d := s.D
	section := route.Section(route.AttentionPage)
	var groups []group
	for _, ti := range d.Facts.TownshipOrder {
		t := &d.Townships[ti]
		a := d.AttentionOf[t.ID]
		refs := attentionRefs(a)
		groups = append(groups, group{id: t.ID, name: t.Name, n: len(refs),
			rows:    func(path string, from, to int) any { return s.attentionSections(path, a, refs[from:to]) },
			summary: func(path string) any { return s.attentionFacts(a, "") }})
	}
	return listing(route.AttentionPath, "attention", groups, func(path string, lv ListView, township string) (*Page, error) {
		p := s.frame(path, s.T("attention.title"), section)
		v := &AttentionView{List: lv, Township: township,
			Intro: s.C.Tf("attention.intro", "date", s.date(d.Site.AsOf))}
		a := d.Attention
		if township != "" {
			p.Title = township + " " + p.Title
			p.Crumbs = append(p.Crumbs, Link{Label: s.T("attention.title"), Href: route.Rel(path, route.AttentionPath)})
			a = d.AttentionOf[lv.Groups[0].ID]
		}
		v.Facts = s.attentionFacts(a, "")
		p.Main = v
		return p, nil
	})
}

// attentionFacts are the number of items of each kind, as cards; with an
// anchor prefix, each card links to its section on the page.
func (s *Site) attentionFacts(a dataset.Attention, anchor string) []Fact {
	var out []Fact
	for k, n := range attentionCounts(a) {
		f := Fact{Label: s.C.Tn(attentionKinds[k].title, float64(n)), Value: s.C.Int(n), Tone: toneIf(n > 0, "bad")}
		if anchor != "" && n > 0 {
			f.Href = "#" + anchor + attentionKinds[k].key
		}
		out = append(out, f)
	}
	return out
}

// attentionBlock returns a township's items for its page (see AttentionBlock).
func (s *Site) attentionBlock(path string, t *dataset.Township) *AttentionBlock {
	d := s.D
	a := d.AttentionOf[t.ID]
	n := a.Len()
	b := &AttentionBlock{Title: s.C.Tf("attention.duban_title", "township", t.Name),
		AsOf: s.C.Tn("attention.duban_as_of", float64(n), "date", s.date(d.Site.AsOf), "n", s.C.Int(n))}
	if n <= maxRows {
		b.Facts = s.attentionFacts(a, "att-")
		b.Sections = s.attentionSections(path, a, attentionRefs(a))
		return b
	}
	// More than a page holds: then the county's list is split too, and this
	// township's items are on its own part of it.
	b.Facts = s.attentionFacts(a, "")
	b.Href = route.Rel(path, route.Part(route.AttentionPath, t.ID))
	b.HrefText = s.C.Tn("attention.view_township", float64(n), "n", s.C.Int(n))
	return b
}

// attentionSections lays out some of a township's items, kind by kind.
func (s *Site) attentionSections(path string, a dataset.Attention, refs []attentionRef) []AttentionSection {
	var out []AttentionSection
	for _, r := range refs {
		if len(out) == 0 || out[len(out)-1].Key != attentionKinds[r.kind].key {
			out = append(out, AttentionSection{Key: attentionKinds[r.kind].key, Title: s.T(attentionKinds[r.kind].title), Explain: s.attentionExplain(r.kind)})
		}
		sec := &out[len(out)-1]
		sec.Items = append(sec.Items, s.attentionItem(path, a, r))
	}
	return out
}

// attentionExplain says in words what makes an item of a kind, with the
// county's own thresholds.
func (s *Site) attentionExplain(kind int) string {
	r := s.D.Rules
	switch attentionKinds[kind].key {
	case "no-action":
		return s.C.Tn("attention.no_action_explain", float64(r.Appraisal.ConsecutivePoorYears), "n", s.C.Int(r.Appraisal.ConsecutivePoorYears), "grade", s.C.Grade(r.LowestGrade()))
	case "quiet":
		return s.C.Tn("attention.quiet_explain", float64(r.Hearings.MaxQuietYears), "date", s.date(dataset.YearsBefore(s.D.Site.AsOf, r.Hearings.MaxQuietYears)),
			"n", s.C.Int(r.Hearings.MaxQuietYears))
	case "training":
		return s.C.Tn("attention.training_explain", r.Training.MinDays, "min", i18n.Num(r.Training.MinPoints), "days", i18n.Num(r.Training.MinDays))
	}
	return s.T("attention." + map[string]string{"overdue": "overdue_explain", "no-replacement": "no_replacement_explain"}[attentionKinds[kind].key])
}

// attentionItem lays out one item.
func (s *Site) attentionItem(path string, a dataset.Attention, r attentionRef) AttentionItem {
	d := s.D
	var it AttentionItem
	var place dataset.Place
	switch attentionKinds[r.kind].key {
	case "overdue":
		o := a.Overdue[r.i]
		place = o.Place
		pl := &d.Pledges[o.Pledge]
		it.Item = Link{Label: pl.Title, Href: route.Rel(path, route.Pledge(pl.ID))}
		it.Who = s.responsible(path, pl)
		it.Detail, it.Date, it.After = s.dated("attention.due", pl.Due)
		it.Detail = s.C.Tn("attention.overdue_days", float64(o.Days), "n", s.C.Int(o.Days)) + " · " + it.Detail
		if pl.CarriedOver {
			it.After += " · " + s.T("accountability.carried_over")
		}
	case "no-action":
		o := a.NoAction[r.i]
		place = o.Place
		ap := &d.Appraisals[o.Appraisal]
		it.Item = Link{Label: s.C.Tf("attention.no_action_item", "year", itoa(ap.Year)), Href: route.Rel(path, route.Secretary(ap.SecretaryID)) + "#h-appraisals"}
		it.Who = s.secretaryLink(path, ap.SecretaryID)
		it.Detail = s.C.Tn("attention.no_action_detail", float64(ap.LowestStreak), "grade", s.C.Grade(ap.Grade), "n", s.C.Int(ap.LowestStreak))
	case "quiet":
		o := a.Quiet[r.i]
		place = o.Place
		v := &d.Villages[o.Village]
		it.Item = Link{Label: s.T("attention.quiet_item"), Href: route.Rel(path, route.Village(v.ID)) + "#h-hearings"}
		if f := d.Facts.Village[o.Village]; f.Secretary >= 0 {
			it.Who = s.secretaryLink(path, d.Secretaries[f.Secretary].ID)
		}
		it.Detail = s.T("attention.quiet_never")
		if o.LastHeld >= 0 {
			it.Detail, it.Date, it.After = s.dated("attention.quiet_last", d.Hearings[o.LastHeld].Date)
		}
		if o.Next >= 0 {
			h := &d.Hearings[o.Next]
			it.Next = &Link{Label: s.C.Tf("attention.quiet_next", "date", s.date(h.Date)), Href: route.Rel(path, route.Hearing(h.ID))}
		}
	case "training":
		o := a.Training[r.i]
		place = o.Place
		sec := &d.Secretaries[o.Secretary]
		rules := d.Rules.Training
		it.Item = Link{Label: s.C.Tf("attention.training_item", "year", itoa(o.Year)), Href: route.Rel(path, route.Secretary(sec.ID)) + "#h-training"}
		it.Who = s.secretaryLink(path, sec.ID)
		var parts []string
		if o.TrainingYear < 0 {
			parts = append(parts, s.T("attention.training_none"))
		} else {
			if o.PointsShort {
				parts = append(parts, s.C.Tn("attention.training_points", rules.MinPoints, "n", i18n.Num(o.Points), "min", i18n.Num(rules.MinPoints)))
			}
			if o.DaysShort {
				parts = append(parts, s.C.Tn("attention.training_days", rules.MinDays, "n", i18n.Num(o.Days), "min", i18n.Num(rules.MinDays)))
			}
		}
		it.Detail = strings.Join(parts, " · ")
	case "no-replacement":
		o := a.NoReplacement[r.i]
		place = o.Place
		pl := &d.Pledges[o.Pledge]
		it.Item = Link{Label: pl.Title, Href: route.Rel(path, route.Pledge(pl.ID))}
		it.Who = s.responsible(path, pl)
		date := pl.UpdatedOn
		if date == "" {
			date = pl.MadeOn
		}
		it.Detail, it.Date, it.After = s.dated("attention.revised_on", date)
	}
	if name, href := s.villageRef(path, place.VillageID); name != "" {
		it.Village = Link{Label: name, Href: href}
	}
	return it
}

// responsible links to who answers for a pledge now: the secretary who
// made it, or, once they left, whoever holds the office (none while vacant).
func (s *Site) responsible(path string, pl *dataset.Pledge) Link {
	if pl.CarriedOver {
		return s.secretaryLink(path, pl.Holder)
	}
	return s.secretaryLink(path, pl.SecretaryID)
}

// secretaryLink links to a secretary's term page, or is empty for an unknown ID.
func (s *Site) secretaryLink(path, id string) Link {
	if si, ok := s.D.SecretaryByID[id]; ok && id != "" {
		return Link{Label: s.D.Secretaries[si].Name, Href: route.Rel(path, route.Secretary(id))}
	}
	return Link{}
}

// dated returns the words of key, which name a {date}, cut at the date:
// the words before it, the date as the site writes it, the words after.
// A page keeps the date whole on a phone, where a narrow column splits a
// Chinese date anywhere (2024 / 年12月31日) and an English one at a
// hyphen. Words without {date} (a site's own) are all before, and the
// date is left out, as Tf would.
func (s *Site) dated(key, date string) (before, shown, after string) {
	before, after, ok := strings.Cut(s.T(key), "{date}")
	if !ok {
		return before, "", ""
	}
	return before, s.date(date), after
}
