package site

import (
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
)

// TestRulesSentences: the rules page says each rule in one sentence of the
// site's language, in that language's word order and punctuation: no
// Chinese quotation marks in English, the open statuses joined with "or",
// and a count of 1 in the singular. The Chinese sentences are those the
// page has always shown.
func TestRulesSentences(t *testing.T) {
	en, _ := i18n.Load(t.TempDir(), "en")
	zh, _ := i18n.Load(t.TempDir(), "zh-CN")
	def := dataset.DefaultRules()
	ones := dataset.DefaultRules()
	ones.Appraisal.ConsecutivePoorYears, ones.Training.MinDays = 1, 1
	none := dataset.DefaultRules()
	none.Appraisal.ConsecutivePoorYears, none.Training.MinPoints, none.Training.ExcellencePoints, none.Training.MinDays = 0, 55.5, 85, 3.5
	own := dataset.DefaultRules()
	own.Appraisal.Grades = []dataset.GradeRule{{Min: 80, Grade: "实绩突出"}, {Min: 0, Grade: "实绩差"}}
	for _, tc := range []struct {
		name                    string
		c                       *i18n.Catalogue
		r                       dataset.Rules
		poor, overdue, training string
	}{
		{"en", en, def,
			"Secretaries rated Incompetent 2 years in a row are replaced.",
			`A pledge whose status is still Not started, In progress or Partly done after its due date is marked overdue, as of the "data as of" date.`,
			"Secretaries earn training points each year: at least 60 points is a pass, and 90 points are needed to be rated Excellent. Concentrated training: at least 7 days a year."},
		{"en, counts of one", en, ones,
			"Secretaries rated Incompetent in any year are replaced.",
			`A pledge whose status is still Not started, In progress or Partly done after its due date is marked overdue, as of the "data as of" date.`,
			"Secretaries earn training points each year: at least 60 points is a pass, and 90 points are needed to be rated Excellent. Concentrated training: at least 1 day a year."},
		{"en, no replacement rule, decimals", en, none,
			"",
			`A pledge whose status is still Not started, In progress or Partly done after its due date is marked overdue, as of the "data as of" date.`,
			"Secretaries earn training points each year: at least 55.5 points is a pass, and 85 points are needed to be rated Excellent. Concentrated training: at least 3.5 days a year."},
		{"en, a county's own grades", en, own,
			"Secretaries rated 实绩差 2 years in a row are replaced.",
			`A pledge whose status is still Not started, In progress or Partly done after its due date is marked overdue, as of the "data as of" date.`,
			"Secretaries earn training points each year: at least 60 points is a pass, and 90 points are needed to be rated 实绩突出. Concentrated training: at least 7 days a year."},
		{"zh-CN", zh, def,
			"连续 2 年评为“不称职”的书记，按规定进行组织调整。",
			"完成时限已过而状态仍为未启动、推进中、部分完成的承诺，标记为“已逾期”。判断以页面上的“数据截至”日期为准。",
			"书记每年参加教育培训积累积分，不低于 60 分为合格；达到 90 分方可评为“优秀”。每年集中培训不少于 7 天。"},
		{"zh-CN, counts of one", zh, ones,
			"连续 1 年评为“不称职”的书记，按规定进行组织调整。",
			"完成时限已过而状态仍为未启动、推进中、部分完成的承诺，标记为“已逾期”。判断以页面上的“数据截至”日期为准。",
			"书记每年参加教育培训积累积分，不低于 60 分为合格；达到 90 分方可评为“优秀”。每年集中培训不少于 1 天。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			poor, overdue, training := rulesSentences(tc.c, &tc.r)
			for _, g := range []struct{ what, got, want string }{
				{"poor years", poor, tc.poor}, {"overdue", overdue, tc.overdue}, {"training", training, tc.training},
			} {
				if g.got != g.want {
					t.Errorf("%s:\n got %q\nwant %q", g.what, g.got, g.want)
				}
			}
			if m := tc.c.Missing(); len(m) > 0 {
				t.Errorf("missing keys: %v", m)
			}
		})
	}
}
