package sample

import (
	"slices"
	"strconv"
)

// The accountability records: why a term ended, what was done after each appraisal (rewards
// and commendations for 优秀, 诫勉 for 基本称职 and 不称职, 组织调整 after two years rated
// 不称职), the pledge that replaces most revised ones, and a few hearings announced for after
// as_of.

// aside runs f drawing from the second random stream. These records came after the rest of
// the generator; drawing them from their own stream keeps every row the first stream makes
// the same as before, whatever they add. Nested calls stay on the second stream.
func (g *generator) aside(f func()) {
	if g.asideDepth > 0 {
		f()
		return
	}
	g.asideDepth++
	g.r, g.r2 = g.r2, g.r
	f()
	g.r, g.r2 = g.r2, g.r
	g.asideDepth--
}

// leaveReason returns why a term that ended did: 组织调整 for cause (nothing when the county
// did not record it); a first secretary's posting (驻村) usually runs its course (届满); an
// elected secretary leaves mid-term, for another post, by resigning or, past 60, by retiring.
// Some are left blank, as counties leave optional cells.
func (g *generator) leaveReason(role string, age int, ends ending) string {
	switch {
	case ends == endsForCause:
		return leaveAdjusted
	case ends == endsUnrecorded:
		return ""
	case role == roleFirst:
		return []string{leaveTermEnd, leaveTransferred}[g.weighted(90, 10)]
	case age >= 60 && g.chance(0.6):
		return leaveRetired
	}
	return []string{leaveTransferred, leaveResigned, leaveOther, ""}[g.weighted(45, 30, 10, 15)]
}

type plannedAction struct {
	sec          *secretary
	date         day
	kind         string
	year         int
	reason, body string
}

// actionsOf writes what was decided after each appraisal of the village's 书记 terms: a reward
// for most 优秀 years and a commendation (七一前夕, by the county committee) for some; a written
// admonition (书面诫勉, six months) for most 基本称职 years; an admonition talk after a year
// rated 不称职, and an organisational adjustment on the day the term ends after a second one
// (when the leave reason records it).
// Decisions come early in the following year, so the last year has none yet; none is dated
// after the secretary left, except the adjustment that ends the term.
func (g *generator) actionsOf(t township) {
	township := t.name + "党委"
	county := "中共" + g.o.County + "委"
	var list []plannedAction
	add := func(s *secretary, date day, kind string, y int, reason, body string) {
		if date > asOf || date < s.start || (s.end != 0 && date > s.end) {
			return
		}
		list = append(list, plannedAction{s, date, kind, y, reason, body})
	}
	for _, s := range g.secs {
		if s.role != roleSecretary {
			continue
		}
		for i, grade := range s.grade {
			y := firstYear + i
			next := func(m, d, spread int) day { return mkday(y+1, m, d) + day(g.r.IntN(spread)) }
			ys := strconv.Itoa(y)
			switch grade {
			case 0: // 优秀
				if g.chance(0.8) {
					add(s, next(1, 10, 45), actionReward, y, ys+"年度考评优秀，按不低于当年报酬财政补贴的10%给予奖励", township)
				}
				if g.chance(0.3) {
					add(s, next(6, 20, 10), actionCommendation, y, "评为"+ys+"年度优秀村党组织书记", county)
				}
			case 2: // 基本称职
				if g.chance(0.85) {
					add(s, next(1, 8, 60), actionWrittenAdmonition, y, ys+"年度考评基本称职，诫勉期限6个月", township)
				}
			case 3: // 不称职
				switch {
				case s.end != 0 && s.end.year() == y+1 && i > 0 && s.grade[i-1] == 3:
					if s.leave == leaveAdjusted {
						add(s, s.end, actionAdjustment, y, "连续两年考评不称职，按程序进行组织调整", township)
					}
				default:
					add(s, next(1, 5, 40), actionAdmonitionTalk, y, ys+"年度考评不称职，乡镇党委进行谈话诫勉", township)
				}
			}
		}
	}
	slices.SortStableFunc(list, func(a, b plannedAction) int { return int(a.date) - int(b.date) })
	rec := g.rec[:7]
	for _, a := range list {
		g.nAction++
		rec[0], rec[1], rec[2], rec[3] = makeID("A", g.nAction, g.wSec), a.sec.id, a.date.String(), a.kind
		rec[4], rec[5], rec[6] = strconv.Itoa(a.year), a.reason, a.body
		g.actions.write(rec)
	}
}

// replacement returns, for most revised pledges, the pledge that replaces it: the same promise
// with adjusted figures (its template, new numbers), made soon after the revision by whoever
// holds the office then, due a year or two on.
// A campaign promise re-made in office is a term goal. nil when none is made (about one in
// seven, and when the office is vacant).
func (g *generator) replacement(p *pledgeSpec, revised day) *pledgeSpec {
	if !g.chance(0.85) {
		return nil
	}
	made := min(revised+day(g.r.IntN(21)), asOf)
	s := g.secretaryAt(p.sec.role, made)
	if s == nil {
		return nil
	}
	kind := p.kind
	if kind == 0 {
		kind = 1
	}
	due := mkday(min(made.year()+1+g.r.IntN(2), 2026), 12, 31)
	if g.chance(0.3) {
		due = mkday(min(made.year()+1, 2026), 6, 30)
	}
	return &pledgeSpec{kind: kind, category: p.category, made: made, due: due, sec: s, tpl: p.tpl}
}

// scheduledHearing announces, for about one village in twenty, a hearing in the first quarter
// after as_of (待召开): no votes, no questions, attendance not known yet. Its ID is HS…, so
// that the other hearings keep theirs.
func (g *generator) scheduledHearing(villageID string) {
	if !g.chance(0.05) {
		return
	}
	g.nScheduled++
	tp := &hearingTopics[g.r.IntN(len(hearingTopics))]
	date := g.between(asOf+8, asOf+80)
	g.tok.reset()
	g.tok.set("Y", strconv.Itoa(date.year()))
	topic := g.fill(tp.topic)
	rec := g.rec[:16]
	for i := range rec {
		rec[i] = ""
	}
	rec[0], rec[1], rec[2], rec[3], rec[4] = makeID("HS", g.nScheduled, g.wHearing-1), villageID, date.String(), topic, outcomeScheduled
	rec[5], rec[6] = tp.category, (asOf - day(g.intIn(0, 8))).String() // announced by as_of: that is how it is known
	rec[14] = "拟召开民主听证会，就《" + topic + "》听取党员和村民代表意见，欢迎村民列席。"
	g.hearings.write(rec)
}
