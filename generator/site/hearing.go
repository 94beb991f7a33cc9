package site

import (
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
	// when it is to be held, or that its outcome was never recorded.
	ScheduledNote string
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
			view.VoteFacts = append(view.VoteFacts, Fact{Label: s.T(f.key), Value: s.C.Int(*f.v), Tone: f.tone})
		}
	}
	if h.Outcome == schema.OutcomeScheduled {
		key := "accountability.scheduled_note"
		if !h.Upcoming(d.Site.AsOf) {
			key = "accountability.scheduled_unrecorded"
		}
		view.ScheduledNote = s.C.Tf(key, "date", s.date(h.Date))
	}
	for _, qi := range d.QuestionsOf.Of(h.ID) {
		q := &d.HearingQuestions[qi]
		view.Questions = append(view.Questions, QuestionView{Seq: q.Seq, Question: q.Question, Answer: q.Answer, AskedBy: q.AskedBy, AnsweredBy: q.AnsweredBy})
	}
	p.Main = view
	return p, nil
}
