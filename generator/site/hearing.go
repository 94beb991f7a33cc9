package site

import (
	"gongshi/generator/dataset"
	"gongshi/generator/route"
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
	// Others and NotVoting say outright where the numbers do not add up:
	// those attending who are none of party member, villager
	// representative or expert, and those attending who cast no vote
	// ("" when there are none, or the data do not say).
	Others    string
	NotVoting string
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
