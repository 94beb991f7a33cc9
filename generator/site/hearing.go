package site

import (
	"strings"

	"gongshi/generator/dataset"
	"gongshi/generator/route"
	"gongshi/generator/schema"
)

// HearingView is one hearing: who came, how they voted, what was asked.
type HearingView struct {
	Row        HearingRow
	Village    Link
	Category   string
	NoticeDate string
	Attendance []Fact
	VoteFacts  []Fact
	Summary    string
	FollowUp   string
	Questions  []QuestionView
	// ScheduledNote is set for a hearing announced but not held (待召开):
	// when it is to be held (today, or later), or that its outcome was
	// never recorded.
	ScheduledNote string
	// SummaryLabel names the summary: the notice's text (公告内容) for a
	// hearing announced, the hearing's summary (听证摘要) once held.
	SummaryLabel string
	// Calendar links the village's hearing calendar, which holds this
	// hearing, on the page of one still to be held.
	Calendar string
	// Upcoming links, from the page of one still to be held, the county's
	// list of upcoming hearings on /hearings/.
	Upcoming Link
	// Holders link the terms that held the village's offices on the
	// hearing's day (Dataset.HolderOnDay): the 书记, or that no 书记 is
	// recorded for the day, then the 第一书记 when one served.
	Holders []HolderFact
	// Year links the county's hearings of the hearing's year.
	Year Link
	// Others and NotVoting say outright where the numbers do not add up:
	// those attending who are none of party member, villager
	// representative or expert, and those attending who cast no vote
	// ("" when there are none, or the data do not say).
	Others    string
	NotVoting string
}

// HolderFact is one office on a hearing's day: "时任书记" and who held it
// (Holder.Href "" and Holder.Label saying so when no one is recorded).
type HolderFact struct {
	Label  string
	Holder Link
}

// QuestionView is one question and answer (roles, never names).
type QuestionView struct {
	Seq        int
	Question   string
	Answer     string
	AskedBy    string
	AnsweredBy string
}

func (s *Site) hearing(path string, hi int) (*Page, error) {
	d := s.D
	h := &d.Hearings[hi]
	v := d.VillageOf(h.VillageID) // there is one: the reference was checked
	p := s.frame(path, h.Topic, route.Section(route.HearingPage), s.villageCrumbs(path, v, true)...)
	view := &HearingView{Row: s.hearingRow(path, hi, false), Village: Link{Label: v.Name, Href: route.Rel(path, route.Village(v.ID))},
		Category: h.Category, NoticeDate: s.date(h.NoticeDate), Summary: h.Summary, FollowUp: h.FollowUp}
	for _, f := range []struct {
		key string
		v   *int
	}{{"attendees", h.Attendees}, {"party_members", h.PartyMembers}, {"villager_reps", h.VillagerReps}, {"experts", h.Experts}} {
		if f.v != nil {
			view.Attendance = append(view.Attendance, Fact{Label: s.C.Tn(f.key, float64(*f.v)), Value: s.C.Int(*f.v)})
		}
	}
	for _, f := range []struct {
		key, tone string
		v         *int
	}{{"votes_for", "good", h.VotesFor}, {"votes_against", "bad", h.VotesAgainst}, {"votes_abstain", "", h.VotesAbstain}} {
		if f.v != nil {
			view.VoteFacts = append(view.VoteFacts, Fact{Label: s.C.Tn(f.key, float64(*f.v)), Value: s.C.Int(*f.v), Tone: f.tone})
		}
	}
	view.SummaryLabel = s.T("summary")
	if key := h.ScheduledKey(d.Site.AsOf); key != "" {
		view.ScheduledNote = s.C.Tf(key, "date", s.date(h.Date))
		view.SummaryLabel = s.T("accountability.notice_text")
	}
	view.Holders = s.hearingHolders(path, h)
	y := dataset.Year(h.Date)
	view.Year = Link{Label: s.C.Tf("term_hearings.year_list", "year", itoa(y)), Href: route.Rel(path, route.Hearings(y))}
	if h.Awaited(d.Site.AsOf) {
		view.Calendar = route.Rel(path, route.VillageICSPath(v.ID))
		view.Upcoming = Link{Label: s.C.Tf("accountability.upcoming_all", "n", s.C.Int(len(s.awaited))),
			Href: route.Rel(path, route.HearingsPath) + "#" + upcomingAnchor}
	}
	if n, ok := othersAttending(h); ok {
		view.Others = s.C.Tf("accountability.others_attending", "n", s.C.Int(n))
	}
	if n, cast, ok := notVoting(h); ok {
		view.NotVoting = s.C.Tf("accountability.not_voting", "n", s.C.Int(n), "attendees", s.C.Int(*h.Attendees), "cast", s.C.Int(cast))
	}
	for _, qi := range d.QuestionsOf.Of(h.ID) {
		q := &d.HearingQuestions[qi]
		view.Questions = append(view.Questions, QuestionView{Seq: q.Seq, Question: q.Question, Answer: q.Answer, AskedBy: q.AskedBy, AnsweredBy: q.AnsweredBy})
	}
	p.Main = view
	return p, nil
}

// hearingHolders says who held the village's offices on a hearing's day:
// the 书记 always (or that none is recorded), the 第一书记 when one served.
func (s *Site) hearingHolders(path string, h *dataset.Hearing) []HolderFact {
	d := s.D
	var out []HolderFact
	for _, role := range []string{schema.RoleSecretary, schema.RoleFirst} {
		// "时任" (then serving) of a day past; of one to come, the term
		// serving on as_of is "现任" (serving now), as its hearing is still
		// ahead of it. The role is mid-phrase in English ("Serving first
		// secretary"); Chinese has no case, so lowering it changes only English.
		name := s.C.Enum(schema.Roles, role)
		label := s.C.Tf("term_hearings.holder", "role", name)
		si := d.HolderOnDay(h.VillageID, role, h.Date)
		switch {
		case si >= 0:
			sec := &d.Secretaries[si]
			if h.Awaited(d.Site.AsOf) && sec.ServingOn(d.Site.AsOf) {
				label = s.C.Tf("term_hearings.holder_now", "role", strings.ToLower(name))
			}
			out = append(out, HolderFact{Label: label, Holder: Link{Label: sec.Name, Href: route.Rel(path, route.Secretary(sec.ID))}})
		case role == schema.RoleSecretary:
			out = append(out, HolderFact{Label: label, Holder: Link{Label: s.T("term_hearings.holder_none")}})
		}
	}
	return out
}

// othersAttending returns how many of a hearing's attendees are none of
// its party members, villager representatives and experts, when the
// attendance and at least one part are recorded and they fall short (a
// larger sum may count one person twice: nothing is said then).
func othersAttending(h *dataset.Hearing) (int, bool) {
	if h.Attendees == nil {
		return 0, false
	}
	sum, any := 0, false
	for _, p := range []*int{h.PartyMembers, h.VillagerReps, h.Experts} {
		if p != nil {
			sum += *p
			any = true
		}
	}
	n := *h.Attendees - sum
	return n, any && n > 0
}

// notVoting returns how many of a hearing's attendees cast no vote, and
// the votes cast, when the attendance and a vote are recorded and the
// votes fall short (more votes than attendees is a check error).
func notVoting(h *dataset.Hearing) (n, cast int, ok bool) {
	if h.Attendees == nil {
		return 0, 0, false
	}
	any := false
	for _, p := range []*int{h.VotesFor, h.VotesAgainst, h.VotesAbstain} {
		if p != nil {
			cast += *p
			any = true
		}
	}
	n = *h.Attendees - cast
	return n, cast, any && n > 0
}
