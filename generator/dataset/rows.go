// Package dataset holds a county's data as typed rows, the indexes that join
// them, and the facts derived from them once (overdue pledges, computed
// grades, training totals, what needs attention). It depends only on the
// standard library and package schema (for the enum values it compares
// against): loading lives in package load, rendering elsewhere.
//
// Dates are strings in the normalised form YYYY-MM-DD ("" when empty), which
// compare correctly as strings and never depend on a time zone. Optional
// numbers are pointers (nil when the cell was empty), read only: rows may
// share them (package load points small whole numbers into one table), so
// a change is made by pointing the field at a new number.
package dataset

import "strconv"

// Src is where a row came from: the file (relative to the site source) and
// the 1-based line of the row (for TOML, the line of its [[table]] header;
// for a workbook, the sheet and the row). It is small because every row
// carries one (a province has millions): the file and sheet are one value
// shared by all rows of a file.
type Src struct {
	In   *SrcFile // the file and sheet; nil only for a row made in code
	Line int32
	// row is the row as Excel numbers it (CSV, workbook; 0 for TOML),
	// which differs from Line after a cell with line breaks; its sign bit
	// says the row is bad (see Bad). Sixteen bytes a row in all.
	row int32
}

// NewSrc returns the place of a row: its file, line and Excel row.
func NewSrc(in *SrcFile, line, excelRow int) Src {
	return Src{In: in, Line: int32(line), row: int32(excelRow)}
}

// Row returns the row as Excel numbers it (0 for TOML).
func (s Src) Row() int { return int(s.row &^ badRow) }

// Bad reports whether a cell of the row was rejected (already reported):
// checks that would only echo it skip the row.
func (s Src) Bad() bool { return s.row&badRow != 0 }

// MarkBad marks the row as bad.
func (s *Src) MarkBad() { s.row |= badRow }

const badRow = -1 << 31

// File returns the file the row came from, relative to the site source.
func (s Src) File() string {
	if s.In == nil {
		return ""
	}
	return s.In.File
}

// Sheet returns the workbook's sheet the row came from, "" for a text file.
func (s Src) Sheet() string {
	if s.In == nil {
		return ""
	}
	return s.In.Sheet
}

// PlaceZh names the row in a Chinese message: data/pledges.csv:17, or
// data/台账.xlsx:承诺 第 17 行 for a workbook row.
func (s Src) PlaceZh() string {
	if s.Sheet() != "" {
		return s.File() + ":" + s.Sheet() + " 第 " + strconv.Itoa(int(s.Line)) + " 行"
	}
	return s.File() + ":" + strconv.Itoa(int(s.Line))
}

// PlaceEn names the row in an English message: data/pledges.csv:17, or
// data/台账.xlsx:承诺 row 17.
func (s Src) PlaceEn() string {
	if s.Sheet() != "" {
		return s.File() + ":" + s.Sheet() + " row " + strconv.Itoa(int(s.Line))
	}
	return s.File() + ":" + strconv.Itoa(int(s.Line))
}

// Township is a row of townships.
type Township struct {
	Src
	ID   string `col:"id"`
	Name string `col:"name"`
}

// Village is a row of villages.
type Village struct {
	Src
	ID               string   `col:"id"`
	Name             string   `col:"name"`
	TownshipID       string   `col:"township_id"`
	Population       *int     `col:"population"`
	Households       *int     `col:"households"`
	PartyMembers     *int     `col:"party_members"`
	CollectiveIncome *float64 `col:"collective_income"`
}

// Secretary is one term of a secretary or first secretary in a village.
type Secretary struct {
	Src
	ID        string `col:"id"`
	Name      string `col:"name"`
	VillageID string `col:"village_id"`
	Role      string `col:"role"`
	TermStart string `col:"term_start"`
	TermEnd   string `col:"term_end"` // "" while serving
	Gender    string `col:"gender"`
	BirthYear *int   `col:"birth_year"`
	Education string `col:"education"`
	Source    string `col:"source"`
	DualRole  *bool  `col:"dual_role"`
	// LeaveReason is why the term ended (schema.LeaveReasons); only with a TermEnd.
	LeaveReason string `col:"leave_reason"`
}

// ServingOn reports whether the term covers date: from term_start up to,
// but not including, term_end, so that on a handover day (one term ends,
// the next starts) only the new secretary serves, as the validator allows.
func (s *Secretary) ServingOn(date string) bool {
	return s.TermStart != "" && s.TermStart <= date && (s.TermEnd == "" || date < s.TermEnd)
}

// Pledge is one public pledge.
type Pledge struct {
	Src
	ID          string `col:"id"`
	VillageID   string `col:"village_id"`
	SecretaryID string `col:"secretary_id"`
	Kind        string `col:"kind"`
	Category    string `col:"category"`
	Title       string `col:"title"`
	MadeOn      string `col:"made_on"`
	Status      string `col:"status"`
	Detail      string `col:"detail"`
	Target      string `col:"target"`
	Due         string `col:"due"`
	Progress    *int   `col:"progress"`
	UpdatedOn   string `col:"updated_on"`
	Evidence    string `col:"evidence"`
	ReplacedBy  string `col:"replaced_by"` // the pledge that replaces this 已调整 one ("" if none given)

	Overdue bool `col:"overdue"` // derived: due < as_of and still open
	// DaysOverdue (derived, with Overdue) is how many days past its due date
	// the pledge is on as_of; 0 when it is not overdue.
	DaysOverdue int
	// DaysLate (derived) is, for a 已完成 pledge, how many days after its due
	// date it was done; 0 when on time or when either date is missing. The
	// data has no completion date: a done pledge's updated_on is the date of
	// its status, so it is taken as the day it was done.
	DaysLate int
	// CarriedOver (derived) is true for an open pledge whose secretary had left
	// office by as_of: the pledge stays with the office, not the person.
	CarriedOver bool
	// Holder (derived, with CarriedOver) is the ID of the term that holds the
	// office (same village and role) on as_of, or "" while it is vacant.
	Holder string
}

// PledgeUpdate is one entry of a pledge's timeline.
type PledgeUpdate struct {
	Src
	PledgeID string `col:"pledge_id"`
	Date     string `col:"date"`
	Status   string `col:"status"`
	Progress *int   `col:"progress"`
	Note     string `col:"note"`
}

// Appraisal is one secretary's three-vote appraisal in one year.
type Appraisal struct {
	Src
	Year           int      `col:"year"`
	VillageID      string   `col:"village_id"`
	SecretaryID    string   `col:"secretary_id"`
	MassesScore    *float64 `col:"masses_score"`
	MembersScore   *float64 `col:"members_score"`
	OrgScore       *float64 `col:"org_score"`
	TotalScore     *float64 `col:"total_score"` // after Derive: given or computed
	Grade          string   `col:"grade"`       // after Derive: given or computed
	SecretaryStars *int     `col:"secretary_stars"`
	TeamStars      *int     `col:"team_stars"`
	Note           string   `col:"note"`

	Consequence string `col:"consequence"` // derived from rules by grade
	// Derived facts.
	TotalComputed bool `col:"total_computed"` // TotalScore was computed, not given
	GradeComputed bool `col:"grade_computed"` // Grade was computed, not given
	LowestStreak  int  // years in a row (ending this year) at the lowest grade
	NeedsAdjust   bool // LowestStreak reached rules' consecutive_poor_years
}

// Hearing is one democratic hearing.
type Hearing struct {
	Src
	ID           string `col:"id"`
	VillageID    string `col:"village_id"`
	Date         string `col:"date"`
	Topic        string `col:"topic"`
	Outcome      string `col:"outcome"`
	Category     string `col:"category"`
	NoticeDate   string `col:"notice_date"`
	Attendees    *int   `col:"attendees"`
	PartyMembers *int   `col:"party_members"`
	VillagerReps *int   `col:"villager_reps"`
	Experts      *int   `col:"experts"`
	VotesFor     *int   `col:"votes_for"`
	VotesAgainst *int   `col:"votes_against"`
	VotesAbstain *int   `col:"votes_abstain"`
	Summary      string `col:"summary"`
	FollowUp     string `col:"follow_up"`
}

// HearingQuestion is one question and answer at a hearing (roles, never names).
type HearingQuestion struct {
	Src
	HearingID  string `col:"hearing_id"`
	Seq        int    `col:"seq"`
	Question   string `col:"question"`
	Answer     string `col:"answer"`
	AskedBy    string `col:"asked_by"`
	AnsweredBy string `col:"answered_by"`
}

// Training is one training record with its points.
type Training struct {
	Src
	ID          string   `col:"id"`
	SecretaryID string   `col:"secretary_id"`
	Date        string   `col:"date"`
	Kind        string   `col:"kind"`
	Points      float64  `col:"points"`
	Title       string   `col:"title"`
	Days        *float64 `col:"days"`
}

// Action is one decision about a secretary: a commendation or reward, or a
// sanction (诫勉, 警告, 组织调整, 责令辞职, 免职, 撤职).
type Action struct {
	Src
	ID          string `col:"id"`
	SecretaryID string `col:"secretary_id"`
	Date        string `col:"date"`
	Kind        string `col:"kind"`
	Year        *int   `col:"year"` // the appraisal year it follows from, if given
	Reason      string `col:"reason"`
	By          string `col:"by"` // the deciding body, e.g. 乡镇党委
}

// Year returns the year of a normalised date ("2024-05-01" → 2024), or 0.
func Year(date string) int {
	if len(date) < 4 {
		return 0
	}
	y := 0
	for _, c := range date[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

// ExcelDay returns Excel's day number (the 1900 date system) of a
// normalised date ("2024-05-01" → 45413), or false for anything else:
// days from 1899-12-30 by the civil calendar, which absorbs Excel's 1900
// leap-year bug for every date from March 1900 on.
func ExcelDay(date string) (int, bool) {
	if len(date) != 10 || date[4] != '-' || date[7] != '-' {
		return 0, false
	}
	y, e1 := strconv.Atoi(date[:4])
	m, e2 := strconv.Atoi(date[5:7])
	d, e3 := strconv.Atoi(date[8:])
	if e1 != nil || e2 != nil || e3 != nil {
		return 0, false
	}
	a := (14 - m) / 12
	yy, mm := y+4800-a, m+12*a-3
	return d + (153*mm+2)/5 + 365*yy + yy/4 - yy/100 + yy/400 - 32045 - 2415019, true
}

// NumberText is a number as the downloads publish it: as few digits as
// say it exactly, never an exponent (13812345678, 12.5). The check uses
// it too, to find a number that would be published as a personal number.
func NumberText(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
