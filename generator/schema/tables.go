package schema

// The enum values code refers to by meaning, named once. Code compares
// against these, never against a literal: the Chinese value is the canonical
// one stored in a row (the loader maps English aliases to it).
const (
	RoleSecretary = "书记"
	RoleFirst     = "第一书记"

	StatusNotStarted = "未启动"
	StatusInProgress = "推进中"
	StatusDone       = "已完成"
	StatusPartly     = "部分完成"
	StatusFailed     = "未完成"
	StatusRevised    = "已调整"

	OutcomePassed        = "通过"
	OutcomePassedAmended = "修改后通过"
	OutcomeRejected      = "未通过"
	OutcomeDeferred      = "暂缓"
	OutcomeWithdrawn     = "撤回"
	OutcomeScheduled     = "待召开" // announced, not yet held: the only outcome a hearing after as_of may have

	LeaveTermEnd         = "届满"
	LeaveTransferred     = "调任"
	LeaveResigned        = "辞职"
	LeaveRetired         = "退休"
	LeaveAdjusted        = "组织调整"
	LeaveOrderedToResign = "责令辞职"
	LeaveDismissed       = "免职"
	LeaveRemoved         = "撤职"
	LeaveOther           = "其他"

	ActionCommendation      = "表彰"
	ActionReward            = "奖励"
	ActionAdmonitionTalk    = "谈话诫勉"
	ActionWrittenAdmonition = "书面诫勉"
	ActionWarning           = "警告"
	ActionAdjustment        = "组织调整"
	ActionOrderedToResign   = "责令辞职"
	ActionDismissal         = "免职"
	ActionRemoval           = "撤职"

	TrainingConcentrated = "集中培训"
	TrainingOffSite      = "异地培训"
)

// The enums of DESIGN.md, canonical Chinese value first.
var (
	Roles = EnumSet{{RoleSecretary, "secretary"}, {RoleFirst, "first-secretary"}}

	Genders = EnumSet{{"男", "male"}, {"女", "female"}}

	Sources = EnumSet{
		{"本地能人", "local"}, {"外出能人回乡", "returnee"}, {"驻村干部", "resident-cadre"},
		{"机关下派", "dispatched"}, {"离岗干部", "retired-cadre"}, {"大学生村官", "graduate"},
		{"其他", "other"},
	}

	PledgeKinds = EnumSet{{"选前承诺", "campaign"}, {"任期目标", "term-goal"}, {"年度实事", "annual-task"}}

	PledgeCategories = EnumSet{
		{"组织建设", "organisation"}, {"公益事业", "public-welfare"},
		{"经济发展", "economy"}, {"热点难点", "hot-issue"},
	}

	PledgeStatuses = EnumSet{
		{StatusNotStarted, "not-started"}, {StatusInProgress, "in-progress"}, {StatusDone, "done"},
		{StatusPartly, "partly-done"}, {StatusFailed, "failed"}, {StatusRevised, "revised"},
	}

	Outcomes = EnumSet{
		{OutcomePassed, "passed"}, {OutcomePassedAmended, "passed-amended"}, {OutcomeRejected, "rejected"},
		{OutcomeDeferred, "deferred"}, {OutcomeWithdrawn, "withdrawn"}, {OutcomeScheduled, "scheduled"},
	}

	LeaveReasons = EnumSet{
		{LeaveTermEnd, "term-end"}, {LeaveTransferred, "transferred"}, {LeaveResigned, "resigned"},
		{LeaveRetired, "retired"}, {LeaveAdjusted, "adjusted"}, {LeaveOrderedToResign, "ordered-to-resign"},
		{LeaveDismissed, "dismissed"}, {LeaveRemoved, "removed"}, {LeaveOther, "other"},
	}

	// ActionKinds are what can follow an appraisal (DESIGN.md, actions): the
	// commendations and rewards first, then the sanctions from the mildest.
	ActionKinds = EnumSet{
		{ActionCommendation, "commendation"}, {ActionReward, "reward"},
		{ActionAdmonitionTalk, "admonition-talk"}, {ActionWrittenAdmonition, "written-admonition"},
		{ActionWarning, "warning"}, {ActionAdjustment, "adjustment"},
		{ActionOrderedToResign, "ordered-to-resign"}, {ActionDismissal, "dismissal"}, {ActionRemoval, "removal"},
	}

	TrainingKinds = EnumSet{
		{TrainingConcentrated, "concentrated"}, {"集体学习", "group-study"}, {"心得体会", "reflection"},
		{TrainingOffSite, "off-site"}, {"远程教育", "distance"}, {"其他", "other"},
	}

	// DefaultGrades are the appraisal grades when rules.toml names none.
	DefaultGrades = EnumSet{
		{"优秀", "excellent"}, {"称职", "competent"},
		{"基本称职", "basically-competent"}, {"不称职", "incompetent"},
	}
)

func id(key, label, desc string) Field {
	return Field{Key: key, Label: label, Type: ID, Required: true, Desc: desc}
}

func ref(key, label, table, desc string) Field {
	return Field{Key: key, Label: label, Type: ID, Required: true, Ref: table, Desc: desc}
}

func text(key, label string, required bool, desc string) Field {
	return Field{Key: key, Label: label, Type: String, Required: required, Desc: desc}
}

func enum(key, label string, required bool, e EnumSet, desc string) Field {
	return Field{Key: key, Label: label, Type: Enum, Required: required, Enum: e, Desc: desc}
}

func date(key, label string, required bool, desc string) Field {
	return Field{Key: key, Label: label, Type: Date, Required: required, Desc: desc}
}

func count(key, label, desc string) Field {
	return Field{Key: key, Label: label, Type: Int, HasMin: true, Desc: desc}
}

func score(key, label, desc string) Field {
	return Field{Key: key, Label: label, Type: Number, HasMin: true, HasMax: true, Max: 100, Desc: desc}
}

func rng(f Field, min, max float64) Field {
	f.Min, f.Max, f.HasMin, f.HasMax = min, max, true, true
	return f
}

func derived(f Field) Field {
	f.Derived = true
	f.Required = false
	return f
}

// Tables lists every table in the order they are loaded, checked and published.
var Tables = []*Table{
	{
		Name: "townships", Sheet: "乡镇", Title: "乡镇", TitleEn: "Townships", Required: true,
		Desc:       "县内的乡镇，每行一个。",
		PrimaryKey: []string{"id"},
		Fields: []Field{
			id("id", "乡镇编码", "乡镇的唯一编码"),
			text("name", "乡镇名称", true, "乡镇名称"),
		},
	},
	{
		Name: "villages", Sheet: "行政村", Title: "行政村", TitleEn: "Villages", Required: true,
		Desc:       "行政村的基本情况，每行一个村。",
		PrimaryKey: []string{"id"},
		Fields: []Field{
			id("id", "村编码", "村的唯一编码"),
			text("name", "村名", true, "村名"),
			ref("township_id", "乡镇编码", "townships", "所属乡镇的编码"),
			count("population", "人口", "户籍人口（人）"),
			count("households", "户数", "户数"),
			count("party_members", "党员数", "党员人数"),
			{Key: "collective_income", Label: "村集体收入", Type: Number, HasMin: true, Desc: "村集体经济年收入（元）"},
		},
	},
	{
		Name: "secretaries", Sheet: "书记", Title: "村党组织书记", TitleEn: "Secretaries",
		Desc:       "村党组织书记和第一书记的任职记录，每行一个任期。",
		PrimaryKey: []string{"id"},
		DateKey:    "term_start",
		Fields: []Field{
			id("id", "编号", "任职记录的唯一编号"),
			text("name", "姓名", true, "姓名"),
			ref("village_id", "村编码", "villages", "任职村的编码"),
			enum("role", "职务", true, Roles, "书记或第一书记"),
			date("term_start", "任职开始", true, "任职开始日期"),
			date("term_end", "任职结束", false, "任职结束日期；空表示仍在任"),
			enum("gender", "性别", false, Genders, "性别"),
			{Key: "birth_year", Label: "出生年份", Type: Year, Private: true, Desc: "出生年份（site.toml 可设置不公开）"},
			text("education", "学历", false, "学历"),
			enum("source", "来源", false, Sources, "选任渠道"),
			{Key: "dual_role", Label: "一肩挑", Type: Bool, Desc: "是否书记、主任“一肩挑”"},
			enum("leave_reason", "离任原因", false, LeaveReasons, "离任原因；只在填写了任职结束日期时填写"),
		},
	},
	{
		Name: "pledges", Sheet: "承诺", Title: "承诺事项", TitleEn: "Pledges",
		Desc:       "书记公开承诺的事项，每行一项。",
		PrimaryKey: []string{"id"},
		DateKey:    "made_on",
		Fields: []Field{
			id("id", "编号", "承诺的唯一编号"),
			ref("village_id", "村编码", "villages", "村编码"),
			ref("secretary_id", "书记编号", "secretaries", "作出承诺的书记的任职编号"),
			enum("kind", "类型", true, PledgeKinds, "选前承诺、任期目标或年度实事"),
			enum("category", "类别", true, PledgeCategories, "组织建设、公益事业、经济发展或热点难点"),
			text("title", "标题", true, "承诺事项"),
			date("made_on", "承诺日期", true, "作出承诺的日期"),
			enum("status", "状态", true, PledgeStatuses, "当前进展状态"),
			text("detail", "内容", false, "具体内容"),
			text("target", "目标", false, "完成标准"),
			date("due", "完成时限", false, "承诺完成的期限"),
			rng(Field{Key: "progress", Label: "进度", Type: Int, Desc: "完成进度（0–100）"}, 0, 100),
			date("updated_on", "更新日期", false, "状态最近更新日期"),
			text("evidence", "佐证", false, "佐证材料（文字或网址）"),
			{Key: "replaced_by", Label: "调整后承诺", Type: ID, Ref: "pledges", Desc: "状态为已调整时，替代它的承诺的编号"},
			derived(Field{Key: "overdue", Label: "逾期", Type: Bool, Desc: "按数据截止日期判断是否逾期"}),
		},
	},
	{
		Name: "pledge_updates", Sheet: "承诺进展", Title: "承诺进展", TitleEn: "Pledge updates",
		Desc:    "承诺事项的进展记录，每行一次更新。",
		DateKey: "date",
		Fields: []Field{
			ref("pledge_id", "承诺编号", "pledges", "承诺编号"),
			date("date", "日期", true, "更新日期"),
			enum("status", "状态", true, PledgeStatuses, "更新后的状态"),
			rng(Field{Key: "progress", Label: "进度", Type: Int, Desc: "完成进度（0–100）"}, 0, 100),
			text("note", "说明", false, "进展说明"),
		},
	},
	{
		Name: "appraisals", Sheet: "年度评议", Title: "年度评议", TitleEn: "Appraisals",
		Desc:       "“三票评议”年度考评结果和星级评定，每个书记每年一行。",
		PrimaryKey: []string{"year", "secretary_id"},
		DateKey:    "year",
		Fields: []Field{
			{Key: "year", Label: "年度", Type: Year, Required: true, Desc: "考评年度"},
			ref("village_id", "村编码", "villages", "村编码"),
			ref("secretary_id", "书记编号", "secretaries", "书记的任职编号"),
			score("masses_score", "群众测评", "群众测评得分（0–100）"),
			score("members_score", "党员评议", "党员评议得分（0–100）"),
			score("org_score", "组织考核", "乡镇党委组织考核得分（0–100）"),
			score("total_score", "综合得分", "综合得分；空时按 rules.toml 的权重计算"),
			{Key: "grade", Label: "等次", Type: Grade, Desc: "考评等次；空时按综合得分计算"},
			rng(Field{Key: "secretary_stars", Label: "书记星级", Type: Int, Desc: "书记星级（0–10）"}, 0, 10),
			rng(Field{Key: "team_stars", Label: "班子星级", Type: Int, Desc: "班子星级（0–5）"}, 0, 5),
			text("note", "备注", false, "备注"),
			derived(Field{Key: "consequence", Label: "结果运用", Type: String, Desc: "按等次适用的奖惩措施（来自 rules.toml）"}),
			derived(Field{Key: "total_computed", Label: "得分为计算值", Type: Bool, Desc: "综合得分是否由系统按权重计算（原始数据未填写）"}),
			derived(Field{Key: "grade_computed", Label: "等次为计算值", Type: Bool, Desc: "等次是否由系统按得分计算（原始数据未填写）"}),
		},
	},
	{
		Name: "hearings", Sheet: "民主听证", Title: "民主听证", TitleEn: "Hearings",
		Desc:       "村级民主听证会，每行一次。",
		PrimaryKey: []string{"id"},
		DateKey:    "date",
		Fields: []Field{
			id("id", "编号", "听证会的唯一编号"),
			ref("village_id", "村编码", "villages", "村编码"),
			date("date", "日期", true, "听证日期"),
			text("topic", "议题", true, "听证议题"),
			enum("outcome", "结果", true, Outcomes, "听证结果"),
			text("category", "类别", false, "议题类别"),
			date("notice_date", "公告日期", false, "听证公告发布日期"),
			count("attendees", "参会人数", "参会人数"),
			count("party_members", "党员", "参会党员人数"),
			count("villager_reps", "村民代表", "参会村民代表人数"),
			count("experts", "专家", "参会专家人数"),
			count("votes_for", "赞成", "赞成票"),
			count("votes_against", "反对", "反对票"),
			count("votes_abstain", "弃权", "弃权票"),
			text("summary", "摘要", false, "听证摘要"),
			text("follow_up", "落实情况", false, "决定的落实情况"),
		},
	},
	{
		Name: "hearing_questions", Sheet: "听证质询", Title: "听证质询", TitleEn: "Hearing questions",
		Desc:       "听证会上的质询与答复，每行一问一答。只记身份，不记姓名。",
		PrimaryKey: []string{"hearing_id", "seq"},
		Fields: []Field{
			ref("hearing_id", "听证编号", "hearings", "听证会编号"),
			rng(Field{Key: "seq", Label: "序号", Type: Int, Required: true, Desc: "质询序号"}, 1, 1e9),
			text("question", "质询", true, "质询内容"),
			text("answer", "答复", true, "答复内容"),
			text("asked_by", "提问人身份", false, "提问人身份（不记姓名）"),
			text("answered_by", "答复人身份", false, "答复人身份（不记姓名）"),
		},
	},
	{
		Name: "trainings", Sheet: "培训", Title: "教育培训", TitleEn: "Trainings",
		Desc:       "书记参加教育培训的记录和积分，每行一次。",
		PrimaryKey: []string{"id"},
		DateKey:    "date",
		Fields: []Field{
			id("id", "编号", "培训记录的唯一编号"),
			ref("secretary_id", "书记编号", "secretaries", "书记的任职编号"),
			date("date", "日期", true, "培训日期"),
			enum("kind", "类型", true, TrainingKinds, "培训类型"),
			{Key: "points", Label: "积分", Type: Number, Required: true, HasMin: true, Desc: "获得的培训积分"},
			text("title", "名称", false, "培训名称"),
			{Key: "days", Label: "天数", Type: Number, HasMin: true, Desc: "培训天数"},
		},
	},
	{
		Name: "actions", Sheet: "处理", Title: "奖惩处理", TitleEn: "Actions",
		Desc:       "对书记的表彰、奖励和问责处理，每行一项。",
		PrimaryKey: []string{"id"},
		DateKey:    "date",
		Fields: []Field{
			id("id", "编号", "处理记录的唯一编号"),
			ref("secretary_id", "书记编号", "secretaries", "被表彰或处理的书记的任职编号"),
			date("date", "日期", true, "作出决定的日期"),
			enum("kind", "类型", true, ActionKinds, "表彰、奖励或问责处理的类型"),
			{Key: "year", Label: "依据年度", Type: Year, Desc: "所依据的年度考评的年份"},
			text("reason", "事由", false, "事由"),
			text("by", "决定机关", false, "作出决定的机关，如乡镇党委"),
		},
	},
}
