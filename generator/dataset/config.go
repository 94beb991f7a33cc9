package dataset

// Site is site.toml.
type Site struct {
	Title      string `toml:"title"`
	County     string `toml:"county"`
	BaseURL    string `toml:"base_url"`
	Language   string `toml:"language"`    // "zh-CN" or "en"
	AsOf       string `toml:"-"`           // as_of, normalised YYYY-MM-DD
	License    string `toml:"license"`     // SPDX id of the data licence
	UnsafeHTML bool   `toml:"unsafe_html"` // render raw HTML in Markdown content
	Encoding   string `toml:"encoding"`    // "" (detect), "utf-8" or "gb18030": for every CSV file
	// FeedID names the site's feeds and calendars for good: every entry's
	// and event's ID is made from it (gongshi new writes a random one).
	FeedID  string  `toml:"feed_id"`
	Privacy Privacy `toml:"privacy"`
	// Publisher and Notice are what a government site and a board notice
	// must say about who publishes them (publisher.go).
	Publisher Publisher `toml:"publisher"`
	Notice    Notice    `toml:"notice"`
}

// Privacy says which personal columns are published.
type Privacy struct {
	PublishBirthYear bool     `toml:"publish_birth_year"`
	DropColumns      []string `toml:"drop_columns"` // input columns discarded on read
	// AllowNumbers are phone (or ID) numbers that may be published, such as
	// a village office's public line; every other one stops the build.
	AllowNumbers []string `toml:"allow_numbers"`
}

// GradeRule is one step of the grade ladder: a total of at least Min gets Grade.
type GradeRule struct {
	Min   float64 `toml:"min"`
	Grade string  `toml:"grade"`
}

// Rules is data/rules.toml: how appraisals and training are judged.
type Rules struct {
	Appraisal AppraisalRules `toml:"appraisal"`
	Training  TrainingRules  `toml:"training"`
	Hearings  HearingRules   `toml:"hearings"`
}

// AppraisalRules weigh the three votes and name the grades.
type AppraisalRules struct {
	Weights              Weights           `toml:"weights"`
	Grades               []GradeRule       `toml:"grades"` // highest first; the last has Min 0
	ConsecutivePoorYears int               `toml:"consecutive_poor_years"`
	Consequences         map[string]string `toml:"consequences"`
	// BuiltInConsequences: Consequences are DefaultRules' own (the county's
	// rules.toml names neither grades nor consequences), gongshi's words
	// rather than the county's, so a page shows them in the site's
	// language; a county's text is shown as written.
	BuiltInConsequences bool `toml:"-"`
}

// Weights of the three votes; they sum to 1.
type Weights struct {
	Masses  float64 `toml:"masses"`
	Members float64 `toml:"members"`
	Org     float64 `toml:"org"`
}

// TrainingRules are the yearly training thresholds.
type TrainingRules struct {
	MinPoints        float64 `toml:"min_points"`
	ExcellencePoints float64 `toml:"excellence_points"`
	MinDays          float64 `toml:"min_days"`
}

// HearingRules say how often a village is expected to hold a hearing.
type HearingRules struct {
	// MaxQuietYears: a village with no hearing held in this many years up to
	// as_of needs attention; 0 turns the check off.
	MaxQuietYears int `toml:"max_quiet_years"`
}

// DefaultRules returns the rules of DESIGN.md.
func DefaultRules() Rules {
	return Rules{
		Appraisal: AppraisalRules{
			Weights: Weights{Masses: 0.4, Members: 0.3, Org: 0.3},
			Grades: []GradeRule{
				{90, "优秀"}, {75, "称职"}, {60, "基本称职"}, {0, "不称职"},
			},
			ConsecutivePoorYears: 2,
			BuiltInConsequences:  true,
			Consequences: map[string]string{
				"优秀":   "按不低于当年报酬财政补贴的10%给予奖励",
				"基本称职": "书面诫勉，诫勉期限6个月",
				"不称职":  "不计算当年任职年限，酌情降低当年报酬补贴",
			},
		},
		Training: TrainingRules{MinPoints: 60, ExcellencePoints: 90, MinDays: 7},
		Hearings: HearingRules{MaxQuietYears: 2},
	}
}

// GradeFor returns the grade of a total score.
func (r *Rules) GradeFor(total float64) string {
	for _, g := range r.Appraisal.Grades {
		if total >= g.Min {
			return g.Grade
		}
	}
	if n := len(r.Appraisal.Grades); n > 0 {
		return r.Appraisal.Grades[n-1].Grade
	}
	return ""
}

// TopGrade returns the best grade ("优秀" by default).
func (r *Rules) TopGrade() string {
	if len(r.Appraisal.Grades) == 0 {
		return ""
	}
	return r.Appraisal.Grades[0].Grade
}

// LowestGrade returns the worst grade ("不称职" by default).
func (r *Rules) LowestGrade() string {
	if len(r.Appraisal.Grades) == 0 {
		return ""
	}
	return r.Appraisal.Grades[len(r.Appraisal.Grades)-1].Grade
}

// HasGrade reports whether g is one of the grades.
func (r *Rules) HasGrade(g string) bool {
	for _, x := range r.Appraisal.Grades {
		if x.Grade == g {
			return true
		}
	}
	return false
}

// GradeNames returns the grades best first.
func (r *Rules) GradeNames() []string {
	out := make([]string, len(r.Appraisal.Grades))
	for i, g := range r.Appraisal.Grades {
		out[i] = g.Grade
	}
	return out
}
