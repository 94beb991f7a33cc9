package schema

// English descriptions of every table and column, for the data dictionary
// of sites in English (the Chinese ones are in tables.go, beside each
// column). Keys are "<table>" and "<table>.<column>"; a test checks that
// every table and column has one.
var english = map[string]string{
	"townships":      "The county's townships, one row each.",
	"townships.id":   "Unique code of the township",
	"townships.name": "Name of the township",

	"villages":                   "Each administrative village, one row each.",
	"villages.id":                "Unique code of the village",
	"villages.name":              "Name of the village",
	"villages.township_id":       "Code of the village's township",
	"villages.population":        "Registered population (people)",
	"villages.households":        "Households",
	"villages.party_members":     "Party members",
	"villages.collective_income": "Yearly income of the village collective (yuan)",

	"secretaries":              "Terms of village Party secretaries and first secretaries, one row per term.",
	"secretaries.id":           "Unique number of the term",
	"secretaries.name":         "Name",
	"secretaries.village_id":   "Code of the village served",
	"secretaries.role":         "Secretary or first secretary",
	"secretaries.term_start":   "First day of the term",
	"secretaries.term_end":     "Last day of the term; empty while serving",
	"secretaries.gender":       "Gender",
	"secretaries.birth_year":   "Year of birth (site.toml may withhold it)",
	"secretaries.education":    "Education, as recorded",
	"secretaries.source":       "How the secretary was selected",
	"secretaries.dual_role":    "Whether the secretary is also head of the village committee",
	"secretaries.leave_reason": "Why the term ended",

	"pledges":              "Public pledges of the secretaries, one row each.",
	"pledges.id":           "Unique number of the pledge",
	"pledges.village_id":   "Code of the village",
	"pledges.secretary_id": "Term of the secretary who made the pledge",
	"pledges.kind":         "Campaign pledge, term goal or task of the year",
	"pledges.category":     "Party organisation, public welfare, economy or pressing issue",
	"pledges.title":        "What was pledged",
	"pledges.made_on":      "Day the pledge was made",
	"pledges.status":       "Where the pledge stands",
	"pledges.detail":       "Details",
	"pledges.target":       "What counts as done",
	"pledges.due":          "Day by which it is due",
	"pledges.progress":     "Progress (0–100)",
	"pledges.updated_on":   "Day of the latest status update",
	"pledges.evidence":     "Evidence (text or a web address)",
	"pledges.replaced_by":  "The pledge that replaced this revised one",
	"pledges.overdue":      "Whether it is past due on the data's as-of date",

	"pledge_updates":           "Updates on pledges, one row per update.",
	"pledge_updates.pledge_id": "Number of the pledge",
	"pledge_updates.date":      "Day of the update",
	"pledge_updates.status":    "Status after the update",
	"pledge_updates.progress":  "Progress (0–100)",
	"pledge_updates.note":      "What was done",

	"appraisals":                 "Yearly three-vote appraisals and star ratings, one row per secretary and year.",
	"appraisals.year":            "Year appraised",
	"appraisals.village_id":      "Code of the village",
	"appraisals.secretary_id":    "Term of the secretary appraised",
	"appraisals.masses_score":    "Villagers' vote (0–100)",
	"appraisals.members_score":   "Party members' vote (0–100)",
	"appraisals.org_score":       "Township Party committee's assessment (0–100)",
	"appraisals.total_score":     "Total score; computed from the weights of rules.toml when empty",
	"appraisals.grade":           "Grade; computed from the total when empty",
	"appraisals.secretary_stars": "Secretary's stars (0–10)",
	"appraisals.team_stars":      "Team's stars (0–5)",
	"appraisals.note":            "Remarks",
	"appraisals.consequence":     "What the rules make follow from the grade (from rules.toml)",
	"appraisals.total_computed":  "Whether gongshi computed the total (it was not given)",
	"appraisals.grade_computed":  "Whether gongshi computed the grade (it was not given)",

	"hearings":               "Democratic hearings in the villages, one row each.",
	"hearings.id":            "Unique number of the hearing",
	"hearings.village_id":    "Code of the village",
	"hearings.date":          "Day of the hearing",
	"hearings.topic":         "What was put to the hearing",
	"hearings.outcome":       "Outcome",
	"hearings.category":      "Kind of matter",
	"hearings.notice_date":   "Day the hearing was announced",
	"hearings.attendees":     "People attending",
	"hearings.party_members": "Party members attending",
	"hearings.villager_reps": "Villagers' representatives attending",
	"hearings.experts":       "Experts attending",
	"hearings.votes_for":     "Votes for",
	"hearings.votes_against": "Votes against",
	"hearings.votes_abstain": "Abstentions",
	"hearings.summary":       "Summary of the hearing",
	"hearings.follow_up":     "What was done after the decision",

	"hearing_questions":             "Questions put at hearings and the answers, one row each; roles only, never names.",
	"hearing_questions.hearing_id":  "Number of the hearing",
	"hearing_questions.seq":         "Order of the question",
	"hearing_questions.question":    "The question",
	"hearing_questions.answer":      "The answer",
	"hearing_questions.asked_by":    "Role of who asked (no names)",
	"hearing_questions.answered_by": "Role of who answered (no names)",

	"trainings":              "Secretaries' training and the points earned, one row per session.",
	"trainings.id":           "Unique number of the record",
	"trainings.secretary_id": "Term of the secretary trained",
	"trainings.date":         "Day of the training",
	"trainings.kind":         "Kind of training",
	"trainings.points":       "Points earned",
	"trainings.title":        "Name of the training",
	"trainings.days":         "Days of training",

	"actions":              "What was done about a secretary after an appraisal: commendations, rewards and sanctions.",
	"actions.id":           "Unique number of the record",
	"actions.secretary_id": "Term of the secretary concerned",
	"actions.date":         "Day of the decision",
	"actions.kind":         "What was decided",
	"actions.year":         "Appraisal year the decision follows from",
	"actions.reason":       "Why",
	"actions.by":           "Body that decided",
}

// English returns the English description of a table ("pledges") or a
// column ("pledges.title"), or "".
func English(key string) string { return english[key] }

func init() {
	for _, t := range Tables {
		t.DescEn = english[t.Name]
		for i := range t.Fields {
			t.Fields[i].DescEn = english[t.Name+"."+t.Fields[i].Key]
		}
	}
}
