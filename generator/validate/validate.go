// Package validate checks the rules of DESIGN.md that span rows: date order,
// overlapping terms, votes against attendees, appraisal totals and grades
// against rules.toml, and training thresholds. Single cells, unique keys and
// references are checked while loading (package load); this package sees a
// loaded, indexed dataset and only reports, never changes it.
package validate

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/problem"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// Check returns every cross-row problem of d.
func Check(d *dataset.Dataset) *problem.List {
	c := &checker{d: d, probs: &problem.List{}}
	c.secretaries()
	c.pledges()
	c.updates()
	c.appraisals()
	c.hearings()
	c.reservedIDs()
	// Accountability records (accountability.go).
	c.leaveReasons()
	c.replacements()
	c.actions()
	c.scheduled()
	return c.probs
}

// reservedIDs rejects IDs that would land on a page gongshi makes itself
// (route.Collision reads the route table): hearings/<year>/ sits beside
// hearings/<id>/, pledges/overdue/ beside pledges/<id>/, and long lists
// continue at …/page/<n>/ beside …/<township>/.
func (c *checker) reservedIDs() {
	check := func(table string, src dataset.Src, id string) {
		if p := route.Collision(table, id); p != "" {
			c.err("reserved-id", src, "id", id,
				"编号会与系统页面 "+p+" 冲突，请改用其他编号",
				"the ID would clash with gongshi's own page "+p+": choose another")
		}
	}
	for _, t := range c.d.Townships {
		check("townships", t.Src, t.ID)
	}
	for _, v := range c.d.Villages {
		check("villages", v.Src, v.ID)
	}
	for _, s := range c.d.Secretaries {
		check("secretaries", s.Src, s.ID)
	}
	for _, p := range c.d.Pledges {
		check("pledges", p.Src, p.ID)
	}
	for _, h := range c.d.Hearings {
		check("hearings", h.Src, h.ID)
	}
}

type checker struct {
	d     *dataset.Dataset
	probs *problem.List
}

// err reports an error about the row at src; code names the rule (see
// problem.Problem.Code).
func (c *checker) err(code string, src dataset.Src, key, value, zh, en string) {
	c.probs.Add(atRow(src, problem.Problem{Code: code, Key: key, Value: value, Zh: zh, En: en}))
}

// warn reports a warning about the row at src.
func (c *checker) warn(code string, src dataset.Src, key, value, zh, en string) {
	c.probs.Add(atRow(src, problem.Problem{Code: code, Key: key, Value: value, Zh: zh, En: en, Severity: problem.Warning}))
}

// atRow places p at the row src: file, sheet and line (Excel's row too).
func atRow(src dataset.Src, p problem.Problem) problem.Problem {
	p.File, p.Sheet, p.Line, p.Row = src.File(), src.Sheet(), int(src.Line), src.Row()
	return p
}

// secretaries: a term ends after it starts; two terms of one role in one
// village do not overlap.
func (c *checker) secretaries() {
	d := c.d
	for _, s := range d.Secretaries {
		if s.TermEnd != "" && s.TermStart != "" && s.TermEnd < s.TermStart {
			c.err("term-order", s.Src, "term_end", s.TermEnd, "任职结束日期早于开始日期 "+s.TermStart,
				"term ends before it starts ("+s.TermStart+")")
		}
	}
	villages := d.SecretariesOf.Keys()
	for _, v := range villages {
		list := d.SecretariesOf.Of(v) // sorted by term_start
		for x := 0; x < len(list); x++ {
			a := &d.Secretaries[list[x]]
			for y := x + 1; y < len(list); y++ {
				b := &d.Secretaries[list[y]]
				// Without a role (its cell or column is missing, reported
				// where it is read) no two terms are known to be one office.
				if a.Role == "" || a.Role != b.Role || a.TermStart == "" || b.TermStart == "" {
					continue
				}
				// A handover on one day (end = next start) is not an overlap.
				if a.TermEnd == "" || b.TermStart < a.TermEnd {
					c.err("term-overlap", b.Src, "term_start", b.TermStart,
						fmt.Sprintf("与 %s（%s）的%s任期重叠", a.Name, a.PlaceZh(), a.Role),
						fmt.Sprintf("overlaps the %s term of %s (%s)", strings.ReplaceAll(schema.Roles.English(a.Role), "-", " "), a.ID, a.PlaceEn()))
				}
			}
		}
	}
}

// serving reports whether secretary s was in office on date.
func serving(s *dataset.Secretary, date string) bool {
	return s.TermStart <= date && (s.TermEnd == "" || date <= s.TermEnd)
}

func (c *checker) pledges() {
	d := c.d
	for _, p := range d.Pledges {
		if p.Due != "" && p.MadeOn != "" && p.Due < p.MadeOn {
			c.err("due-before-made", p.Src, "due", p.Due, "完成时限早于承诺日期 "+p.MadeOn, "due before the pledge was made ("+p.MadeOn+")")
		}
		if p.UpdatedOn != "" && p.MadeOn != "" && p.UpdatedOn < p.MadeOn {
			c.warn("updated-before-made", p.Src, "updated_on", p.UpdatedOn, "更新日期早于承诺日期", "updated before the pledge was made")
		}
		if i, ok := d.SecretaryByID[p.SecretaryID]; ok {
			s := &d.Secretaries[i]
			if s.VillageID != p.VillageID {
				c.warn("other-village", p.Src, "secretary_id", p.SecretaryID, "该书记不在本村（"+s.VillageID+"）任职",
					"this secretary serves in another village ("+s.VillageID+")")
			} else if p.Kind != "选前承诺" && p.MadeOn != "" && s.TermStart != "" && !serving(s, p.MadeOn) {
				// A campaign pledge (选前承诺) is made before the term, by definition.
				c.warn("outside-term", p.Src, "made_on", p.MadeOn, "承诺日期不在该书记任期内", "made outside the secretary's term")
			}
		}
		if p.Progress != nil {
			switch {
			case p.Status == schema.StatusDone && *p.Progress < 100:
				c.warn("progress-status", p.Src, "progress", fmt.Sprint(*p.Progress), "状态为已完成但进度不足 100", "status is done but progress is below 100")
			case p.Status == schema.StatusNotStarted && *p.Progress > 0:
				c.warn("progress-status", p.Src, "progress", fmt.Sprint(*p.Progress), "状态为未启动但进度大于 0", "status is not-started but progress is above 0")
			}
		}
	}
}

func (c *checker) updates() {
	d := c.d
	for _, pid := range d.UpdatesOf.Keys() {
		pi, ok := d.PledgeByID[pid]
		if !ok {
			continue
		}
		p := &d.Pledges[pi]
		list := d.UpdatesOf.Of(pid)
		for _, i := range list {
			u := &d.PledgeUpdates[i]
			if u.Date != "" && p.MadeOn != "" && u.Date < p.MadeOn {
				c.warn("update-before-made", u.Src, "date", u.Date, "进展日期早于承诺日期 "+p.MadeOn, "update dated before the pledge was made ("+p.MadeOn+")")
			}
			if u.Date > d.Site.AsOf && d.Site.AsOf != "" {
				c.warn("update-after-as-of", u.Src, "date", u.Date, "进展日期晚于数据截止日期 "+d.Site.AsOf+"（site.toml 的 as_of）", "update dated after as_of in site.toml ("+d.Site.AsOf+")")
			}
		}
		last := &d.PledgeUpdates[list[len(list)-1]]
		if last.Status != "" && p.Status != "" && last.Status != p.Status {
			c.warn("update-status", last.Src, "status", last.Status, "最新进展的状态与承诺表中的状态（"+p.Status+"）不一致",
				"the latest update's status differs from the pledge's ("+p.Status+")")
		}
	}
}

func (c *checker) appraisals() {
	d := c.d
	r := &d.Rules
	type key struct {
		id   string
		year int
	}
	points := map[key]float64{}
	for _, t := range d.Trainings {
		points[key{t.SecretaryID, dataset.Year(t.Date)}] += t.Points
	}
	for i := range d.Appraisals {
		a := &d.Appraisals[i]
		if si, ok := d.SecretaryByID[a.SecretaryID]; ok {
			s := &d.Secretaries[si]
			if s.VillageID != a.VillageID {
				c.warn("other-village", a.Src, "secretary_id", a.SecretaryID, "该书记不在本村（"+s.VillageID+"）任职",
					"this secretary serves in another village ("+s.VillageID+")")
			} else if s.TermStart != "" && a.Year > 0 &&
				(dataset.Year(s.TermStart) > a.Year || (s.TermEnd != "" && dataset.Year(s.TermEnd) < a.Year)) {
				c.warn("outside-term", a.Src, "year", fmt.Sprint(a.Year), "该年度不在书记任期内", "the year is outside the secretary's term")
			}
		}
		total, computed := r.ComputeTotal(a)
		if a.TotalScore != nil && computed && math.Abs(*a.TotalScore-total) > 0.005 {
			c.warn("total-mismatch", a.Src, "total_score", fmt.Sprint(*a.TotalScore),
				fmt.Sprintf("与按权重计算的 %.2f 不一致", total),
				fmt.Sprintf("differs from %.2f computed with the weights in rules.toml", total))
		}
		if a.TotalScore != nil {
			total, computed = *a.TotalScore, true
		}
		if a.Grade != "" && computed {
			if g := r.GradeFor(total); g != a.Grade {
				c.warn("grade-mismatch", a.Src, "grade", a.Grade, fmt.Sprintf("综合得分 %.2f 对应的等次应为 %s", total, g),
					fmt.Sprintf("a total of %.2f gives the grade %s", total, g))
			}
		}
		if a.TotalScore == nil && a.Grade == "" && !computed && !a.Bad() {
			c.warn("scores-missing", a.Src, "total_score", "", "缺少得分，无法计算综合得分和等次",
				"scores are missing: no total or grade can be computed")
		}
		grade := a.Grade
		if grade == "" && computed {
			grade = r.GradeFor(total)
		}
		if grade == r.TopGrade() && grade != "" {
			// Rounded as dataset.Derive rounds the yearly total: 89.999… is 90.
			if p := math.Round(points[key{a.SecretaryID, a.Year}]*100) / 100; p < r.Training.ExcellencePoints {
				zh := fmt.Sprintf("当年培训积分 %g 分，未达到 %g 分，不应评为%s", p, r.Training.ExcellencePoints, grade)
				en := fmt.Sprintf("training points %g are below %g: cannot be rated %s", p, r.Training.ExcellencePoints, grade)
				if a.Grade == "" { // computed: the grade cell is empty, so say where the grade came from
					zh = "按得分计算的等次为" + grade + "，但" + zh + "：请核对得分或培训记录"
					en = "the scores give the grade " + grade + ", but " + en + "; check the scores or the training records"
				}
				c.warn("training-excellence", a.Src, "grade", a.Grade, zh, en)
			}
		}
	}
}

func (c *checker) hearings() {
	for _, h := range c.d.Hearings {
		if h.NoticeDate != "" && h.Date != "" && h.NoticeDate > h.Date {
			c.err("notice-after-hearing", h.Src, "notice_date", h.NoticeDate, "公告日期晚于听证日期 "+h.Date, "notice given after the hearing ("+h.Date+")")
		} else if h.NoticeDate > c.d.Site.AsOf && c.d.Site.AsOf != "" {
			c.warn("notice-after-as-of", h.Src, "notice_date", h.NoticeDate, "公告日期晚于数据截止日期 "+c.d.Site.AsOf+"（site.toml 的 as_of）：截至那天还没有公告",
				"the notice is dated after as_of in site.toml ("+c.d.Site.AsOf+"): it had not been given by then")
		}
		cast, counted := 0, false
		for _, v := range []*int{h.VotesFor, h.VotesAgainst, h.VotesAbstain} {
			if v != nil {
				cast += *v
				counted = true
			}
		}
		if counted && h.Attendees != nil && cast > *h.Attendees {
			c.err("votes-exceed-attendees", h.Src, "votes_for", fmt.Sprint(cast), fmt.Sprintf("票数合计 %d 超过参会人数 %d", cast, *h.Attendees),
				fmt.Sprintf("%d votes cast but only %d attended", cast, *h.Attendees))
		}
		if h.Outcome == schema.OutcomePassed && h.VotesFor != nil && cast > 0 && *h.VotesFor*2 <= cast {
			c.warn("votes-majority", h.Src, "votes_for", fmt.Sprint(*h.VotesFor), fmt.Sprintf("结果为通过，但赞成票未超过所投 %d 票的半数", cast),
				fmt.Sprintf("passed, but votes for are not more than half of the %d cast", cast))
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
