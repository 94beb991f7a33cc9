package dataset

import (
	"testing"

	"gongshi/generator/schema"
)

// TestScheduledKey: the one mapping, for the pages and the feeds, from a
// hearing announced (待召开) to the words said of it on as_of: to come,
// today, passed with no outcome recorded; a hearing with an outcome has
// none.
func TestScheduledKey(t *testing.T) {
	const asOf = "2025-12-31"
	for _, c := range []struct {
		date, outcome, want string
	}{
		{"2026-01-09", schema.OutcomeScheduled, "accountability.scheduled_note"},
		{"2025-12-31", schema.OutcomeScheduled, "accountability.scheduled_today"},
		{"2025-12-30", schema.OutcomeScheduled, "accountability.scheduled_unrecorded"},
		{"2025-12-30", schema.Outcomes[0].Zh, ""},
		{"2025-12-31", schema.Outcomes[0].Zh, ""},
	} {
		h := Hearing{Date: c.date, Outcome: c.outcome}
		if got := h.ScheduledKey(asOf); got != c.want {
			t.Errorf("%s %s on %s: key %q, want %q", c.outcome, c.date, asOf, got, c.want)
		}
	}
}
