package site

import (
	"strconv"

	"gongshi/generator/route"
)

// TownshipsView is the list of all townships.
type TownshipsView struct {
	Townships []TownshipRow
	Pager     *Pager
}

// TownshipView is a township's page: its villages.
type TownshipView struct {
	Name     string
	Facts    []Fact
	Villages []VillageRow
	Pager    *Pager
	Charts   []ChartView
	// Attention is what needs following up in the township (its first page
	// only): printed, the township's 督办单.
	Attention *AttentionBlock
}

// townshipPages plans the list of townships and each township's page
// (both paged when long).
func (s *Site) townshipPages() []entry {
	d := s.D
	order := d.Facts.TownshipOrder
	section := route.Section(route.TownshipPage)
	out := paged(route.TownshipsPath, "townships", len(order), func(path string, from, to int, pager *Pager) (*Page, error) {
		p := s.frame(path, s.T("townships"), section)
		v := &TownshipsView{Pager: pager}
		for _, ti := range order[from:to] {
			v.Townships = append(v.Townships, s.townshipRow(path, ti))
		}
		p.Main = v
		return p, nil
	})
	for _, ti := range order {
		t := &d.Townships[ti]
		vs := d.Facts.VillageOrder[t.ID]
		out = append(out, paged(route.Township(t.ID), "township", len(vs), func(path string, from, to int, pager *Pager) (*Page, error) {
			p := s.frame(path, t.Name, section, Link{Label: s.T("townships"), Href: route.Rel(path, route.TownshipsPath)})
			row := s.townshipRow(path, ti)
			v := &TownshipView{Name: t.Name, Pager: pager, Facts: []Fact{
				{Label: s.C.Tn("villages", float64(row.Villages)), Value: s.C.Int(row.Villages)},
				{Label: s.C.Tn("pledges_total", float64(row.Pledges)), Value: s.C.Int(row.Pledges)},
				{Label: s.T("pledges_done"), Value: strconv.Itoa(row.DonePct) + "%", Note: s.C.Tn("fact_note.done", float64(row.Pledges), "done", s.C.Int(row.Done), "n", s.C.Int(row.Pledges)), Tone: "good"},
				{Label: s.T("pledges_overdue"), Value: s.C.Int(row.Overdue), Tone: toneIf(row.Overdue > 0, "bad")},
			}}
			for _, vi := range vs[from:to] {
				v.Villages = append(v.Villages, s.villageRow(path, vi))
			}
			// The chart of village completion and what needs attention are on the first page only.
			if pager == nil || pager.Prev == "" {
				a := d.AttentionOf[t.ID]
				v.Attention = s.attentionBlock(path, t)
				v.Facts = append(v.Facts, Fact{Label: s.C.Tn("attention.total", float64(a.Len())), Value: s.C.Int(a.Len()), Href: "#h-attention", Tone: toneIf(a.Len() > 0, "bad")})
				c, csv, err := s.Charts.Township(t.ID)
				if err == nil {
					cs := newChartSet(path, nil)
					cs.add(c)
					v.Charts = cs.views
					p.Files = append(p.Files, OutFile{Path: c.CSV, Data: csv})
					withScripts(p, true)
				}
			}
			p.Main = v
			return p, nil
		})...)
	}
	return out
}
