package validate

import (
	"fmt"
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/schema"
)

// The rules of DESIGN.md for the accountability records — why a term ended,
// what replaced a revised pledge, what was done about a secretary, hearings
// announced ahead — and the few the policy essays make plain. Each problem
// carries a stable code.

// leaveReasons: a leave reason belongs to a term that ended.
func (c *checker) leaveReasons() {
	for _, s := range c.d.Secretaries {
		if s.LeaveReason != "" && s.TermEnd == "" {
			c.err("leave-reason-serving", s.Src, "leave_reason", s.LeaveReason,
				"只有填写了任职结束日期（term_end）才能填写离任原因", "a leave reason needs a term_end: this term has not ended")
		}
	}
}

// replacements: replaced_by only on 已调整 pledges, naming another pledge of
// the same village (a revised pledge is re-approved for the same village
// board; another village's ID is almost surely a typing slip), without a
// cycle. A replacement made before the pledge it replaces is a warning.
// A replaced_by naming no pledge is reported by the loader (code ref).
func (c *checker) replacements() {
	d := c.d
	for _, p := range d.Pledges {
		if p.ReplacedBy == "" {
			continue
		}
		if p.Status != "" && p.Status != schema.StatusRevised {
			c.err("replaced-by-status", p.Src, "replaced_by", p.ReplacedBy,
				"只有状态为已调整的承诺才能填写调整后承诺（本行状态为"+p.Status+"）",
				"only a revised (已调整) pledge has a replacement; this one is "+schema.PledgeStatuses.English(p.Status))
		}
		if p.ReplacedBy == p.ID {
			c.err("replaced-by-self", p.Src, "replaced_by", p.ReplacedBy, "承诺不能由自己替代", "a pledge cannot replace itself")
			continue
		}
		ri, ok := d.PledgeByID[p.ReplacedBy]
		if !ok {
			continue
		}
		r := &d.Pledges[ri]
		if r.VillageID != p.VillageID && r.VillageID != "" && p.VillageID != "" {
			c.err("replaced-by-village", p.Src, "replaced_by", p.ReplacedBy,
				fmt.Sprintf("调整后承诺属于另一个村（%s，%s:%d），应为本村（%s）的承诺", r.VillageID, r.File(), r.Line, p.VillageID),
				fmt.Sprintf("the replacement belongs to another village (%s, %s:%d), not %s", r.VillageID, r.File(), r.Line, p.VillageID))
		}
		if r.MadeOn != "" && p.MadeOn != "" && r.MadeOn < p.MadeOn {
			c.warn("replaced-by-date", p.Src, "replaced_by", p.ReplacedBy,
				fmt.Sprintf("调整后承诺的承诺日期 %s 早于本承诺的 %s", r.MadeOn, p.MadeOn),
				fmt.Sprintf("the replacement was made on %s, before this pledge (%s)", r.MadeOn, p.MadeOn))
		}
	}
	c.replacementCycles()
}

// replacementCycles reports each cycle of replaced_by once, at the pledge of
// the cycle that comes first in input order, naming the whole loop.
func (c *checker) replacementCycles() {
	d := c.d
	const (
		unseen = iota
		walking
		done
	)
	state := make([]uint8, len(d.Pledges))
	next := func(i int) int {
		p := &d.Pledges[i]
		if p.ReplacedBy == "" || p.ReplacedBy == p.ID {
			return -1 // a self-reference is reported on its own
		}
		if j, ok := d.PledgeByID[p.ReplacedBy]; ok {
			return j
		}
		return -1
	}
	for start := range d.Pledges {
		if state[start] != unseen {
			continue
		}
		var path []int
		i := start
		for i >= 0 && state[i] == unseen {
			state[i] = walking
			path = append(path, i)
			i = next(i)
		}
		if i >= 0 && state[i] == walking {
			// path from i onwards is a cycle; report it at its first row in input order.
			k := 0
			for path[k] != i {
				k++
			}
			loop := path[k:]
			first := loop[0]
			for _, j := range loop {
				if j < first {
					first = j
				}
			}
			ids := make([]string, 0, len(loop)+1)
			at := 0
			for n, j := range loop {
				if j == first {
					at = n
				}
			}
			for n := range loop {
				ids = append(ids, d.Pledges[loop[(at+n)%len(loop)]].ID)
			}
			ids = append(ids, d.Pledges[first].ID)
			p := &d.Pledges[first]
			chain := strings.Join(ids, " → ")
			c.err("replaced-by-cycle", p.Src, "replaced_by", p.ReplacedBy,
				"调整后承诺形成循环："+chain, "replacements go round in a circle: "+chain)
		}
		for _, j := range path {
			state[j] = done
		}
	}
}

// actions: what was done about a secretary is dated within the record —
// not before the term began, not after as_of — and follows from a year that
// has passed. Sanctions that remove a secretary should end the term; a
// commendation does not follow a year at the lowest grade, nor a sanction a
// year at the top one; and a secretary admonished (诫勉) in a year is not
// commended or rewarded in it (domain: 受到诫勉的村干部，年内不能评为任何先进，
// 取消各种奖励).
func (c *checker) actions() {
	d := c.d
	asOf := d.Site.AsOf
	for _, a := range d.Actions {
		si, ok := d.SecretaryByID[a.SecretaryID]
		if asOf != "" && a.Date > asOf {
			c.err("action-after-as-of", a.Src, "date", a.Date,
				"日期晚于数据截止日期 "+asOf+"（site.toml 的 as_of；尚未作出的决定不能公开）",
				"dated after as_of in site.toml ("+asOf+"): a decision not yet made cannot be published")
		}
		if a.Year != nil && a.Date != "" && *a.Year > dataset.Year(a.Date) {
			c.err("action-year-after-date", a.Src, "year", fmt.Sprint(*a.Year),
				fmt.Sprintf("依据年度晚于决定日期 %s：处理只能依据已经过去的年度", a.Date),
				fmt.Sprintf("the year it follows from is after the decision (%s)", a.Date))
		}
		if !ok {
			continue // the loader reports the reference
		}
		s := &d.Secretaries[si]
		if a.Date != "" && s.TermStart != "" && a.Date < s.TermStart {
			c.err("action-before-term", a.Src, "date", a.Date,
				fmt.Sprintf("早于该书记任职开始日期 %s（%s:%d）", s.TermStart, s.File(), s.Line),
				fmt.Sprintf("before the secretary's term began (%s, %s:%d)", s.TermStart, s.File(), s.Line))
		}
		if a.Year != nil {
			c.actionYear(&a, s)
		}
		if dataset.EndsTerm(a.Kind) && a.Date != "" {
			switch {
			case s.TermEnd == "" && (asOf == "" || a.Date <= asOf):
				c.warn("action-still-serving", a.Src, "kind", a.Kind,
					"处理为"+a.Kind+"，但该书记的任期没有结束日期（应填写 term_end 和离任原因）",
					schema.ActionKinds.English(a.Kind)+" recorded, but the term has no term_end (fill in term_end and leave_reason)")
			case s.TermEnd != "" && a.Date > s.TermEnd:
				c.warn("action-after-term", a.Src, "date", a.Date,
					fmt.Sprintf("处理为%s，但该书记已于 %s 离任", a.Kind, s.TermEnd),
					fmt.Sprintf("%s dated after the term ended (%s)", schema.ActionKinds.English(a.Kind), s.TermEnd))
			}
		}
	}
	c.rewardsWhileAdmonished()
}

// actionYear checks an action's year against the secretary's appraisal of
// that year. No appraisal is a warning, not an error: the policy also ties
// actions to training points (低于60分…视情况分别给予谈话诫勉、提出警告和组织调整)
// and to the twice-yearly 述职, and a county may record the action before
// the appraisal row; the action itself is still a fact worth publishing.
func (c *checker) actionYear(a *dataset.Action, s *dataset.Secretary) {
	d := c.d
	var ap *dataset.Appraisal
	for _, i := range d.AppraisalsBy.Of(s.ID) {
		if d.Appraisals[i].Year == *a.Year {
			ap = &d.Appraisals[i]
		}
	}
	year := fmt.Sprint(*a.Year)
	if ap == nil {
		c.warn("action-year-no-appraisal", a.Src, "year", year,
			"该书记在依据年度 "+year+" 没有年度评议记录",
			"the secretary has no appraisal in "+year)
		return
	}
	grade := ap.Grade // before Derive: empty when it is to be computed
	if grade == "" && ap.TotalScore != nil {
		grade = d.Rules.GradeFor(*ap.TotalScore)
	} else if t, ok := d.Rules.ComputeTotal(ap); grade == "" && ok {
		grade = d.Rules.GradeFor(t)
	}
	switch {
	case grade == "":
	case !dataset.IsSanction(a.Kind) && grade == d.Rules.LowestGrade() && len(d.Rules.Appraisal.Grades) > 1:
		c.warn("action-grade", a.Src, "kind", a.Kind,
			fmt.Sprintf("依据年度 %s 的考评等次为%s（%s:%d），不应给予%s", year, grade, ap.File(), ap.Line, a.Kind),
			fmt.Sprintf("a %s cannot follow %s, rated %s (%s:%d)", schema.ActionKinds.English(a.Kind), year, grade, ap.File(), ap.Line))
	case dataset.IsSanction(a.Kind) && grade == d.Rules.TopGrade() && len(d.Rules.Appraisal.Grades) > 1:
		c.warn("action-grade", a.Src, "kind", a.Kind,
			fmt.Sprintf("依据年度 %s 的考评等次为%s（%s:%d），与%s不符", year, grade, ap.File(), ap.Line, a.Kind),
			fmt.Sprintf("a %s does not fit %s, rated %s (%s:%d)", schema.ActionKinds.English(a.Kind), year, grade, ap.File(), ap.Line))
	}
}

// rewardsWhileAdmonished warns of a commendation or reward in the calendar
// year of an admonition (谈话诫勉 or 书面诫勉) of the same secretary.
func (c *checker) rewardsWhileAdmonished() {
	d := c.d
	for _, id := range d.ActionsFor.Keys() {
		list := d.ActionsFor.Of(id) // by date
		for _, i := range list {
			a := &d.Actions[i]
			if a.Kind != schema.ActionCommendation && a.Kind != schema.ActionReward {
				continue
			}
			for _, j := range list {
				b := &d.Actions[j]
				if (b.Kind == schema.ActionAdmonitionTalk || b.Kind == schema.ActionWrittenAdmonition) &&
					dataset.Year(b.Date) == dataset.Year(a.Date) && dataset.Year(a.Date) > 0 {
					c.warn("reward-while-admonished", a.Src, "kind", a.Kind,
						fmt.Sprintf("同年 %s 已受%s（%s:%d），年内不能评先、不能给予奖励", b.Date, b.Kind, b.File(), b.Line),
						fmt.Sprintf("the secretary was admonished the same year (%s, %s:%d): no commendation or reward that year", b.Date, b.File(), b.Line))
					break
				}
			}
		}
	}
}

// scheduled: a hearing after as_of is only announced, so its outcome is
// 待召开 (an error otherwise: the site would publish a result no meeting has
// reached); one on or before as_of still 待召开 had its outcome not recorded
// (a warning). A 待召开 hearing has no votes and no questions answered: both
// belong to a meeting that was held, and publishing them with "scheduled"
// would tell villagers two contradicting things.
func (c *checker) scheduled() {
	d := c.d
	asOf := d.Site.AsOf
	for _, h := range d.Hearings {
		if h.Date == "" || h.Outcome == "" {
			continue
		}
		switch {
		case asOf != "" && h.Date > asOf && h.Outcome != schema.OutcomeScheduled:
			c.err("hearing-future-outcome", h.Src, "outcome", h.Outcome,
				"听证日期 "+h.Date+" 晚于数据截止日期 "+asOf+"（site.toml 的 as_of），结果应为待召开；数据已更新到更晚的日期时，请修改 as_of",
				"the hearing is dated after as_of in site.toml ("+asOf+"): its outcome must be 待召开 [scheduled]; if the data is current to a later date, change as_of")
		case asOf != "" && h.Date <= asOf && h.Outcome == schema.OutcomeScheduled:
			c.warn("hearing-outcome-missing", h.Src, "outcome", h.Outcome,
				"听证日期 "+h.Date+" 已过（数据截止 "+asOf+"，site.toml 的 as_of），仍为待召开：请填写听证结果",
				"the hearing date has passed (as_of "+asOf+" in site.toml) and it is still scheduled: record its outcome")
		}
		if h.Outcome != schema.OutcomeScheduled {
			continue
		}
		for _, v := range []struct {
			key string
			n   *int
		}{{"votes_for", h.VotesFor}, {"votes_against", h.VotesAgainst}, {"votes_abstain", h.VotesAbstain}} {
			if v.n != nil {
				c.err("scheduled-votes", h.Src, v.key, fmt.Sprint(*v.n),
					"待召开的听证会不能有表决票数", "a scheduled hearing has no votes yet")
				break
			}
		}
		for _, qi := range d.QuestionsOf.Of(h.ID) {
			q := &d.HearingQuestions[qi]
			c.err("scheduled-questions", q.Src, "hearing_id", q.HearingID,
				fmt.Sprintf("听证会 %s（%s:%d）待召开，还没有质询和答复", h.ID, h.File(), h.Line),
				fmt.Sprintf("hearing %s (%s:%d) is scheduled: it has no questions answered yet", h.ID, h.File(), h.Line))
		}
	}
}
