package schema

import (
	"regexp"
	"testing"
)

func TestEnumSet(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"已完成", "已完成", true},
		{"done", "已完成", true},
		{"DONE", "已完成", true},
		{"Partly-Done", "部分完成", true},
		{"完成了", "", false},
		{"", "", false},
		{" done", "", false}, // the loader trims; Parse does not
		{"partly done", "", false},
	} {
		got, ok := PledgeStatuses.Parse(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if got := Roles.ZhList(); got != "书记/第一书记" {
		t.Errorf("ZhList = %q", got)
	}
	if got := Roles.EnList(); got != "secretary/first-secretary" {
		t.Errorf("EnList = %q", got)
	}
	if Outcomes.English("修改后通过") != "passed-amended" || Outcomes.English("未知") != "未知" {
		t.Error("English wrong")
	}
}

func TestLookup(t *testing.T) {
	p := Get("pledges")
	if p == nil || Get("nope") != nil {
		t.Fatal("Get wrong")
	}
	for _, c := range []struct{ header, key string }{
		{"status", "status"}, {"STATUS", "status"}, {"状态", "status"},
		{"完成时限", "due"}, {"secretary_id", "secretary_id"}, {"书记编号", "secretary_id"},
		{"overdue", ""}, {"逾期", ""}, // derived: never read
		{"状 态", ""}, {"", ""},
	} {
		f, ok := p.Lookup(c.header)
		if ok != (c.key != "") || ok && f.Key != c.key {
			t.Errorf("Lookup(%q) = %v, %v; want %q", c.header, f, ok, c.key)
		}
	}
	for _, f := range p.Input() {
		if f.Derived {
			t.Errorf("Input includes derived %s", f.Key)
		}
	}
	if len(p.Input()) != len(p.Fields)-1 {
		t.Errorf("pledges: %d input fields of %d", len(p.Input()), len(p.Fields))
	}
	if f, ok := p.Field("overdue"); !ok || !f.Derived {
		t.Error("Field(overdue) not found")
	}
}

// TestTablesConsistent checks the facts every reader of the schema relies on.
func TestTablesConsistent(t *testing.T) {
	reKey := regexp.MustCompile(`^[a-z][a-z_]*$`)
	names := map[string]bool{}
	for _, tb := range Tables {
		if names[tb.Name] {
			t.Errorf("table %s twice", tb.Name)
		}
		names[tb.Name] = true
	}
	for _, want := range []string{"townships", "villages", "secretaries", "pledges", "pledge_updates",
		"appraisals", "hearings", "hearing_questions", "trainings", "actions"} {
		if !names[want] {
			t.Errorf("table %s missing", want)
		}
	}
	for _, tb := range Tables {
		keys, labels := map[string]bool{}, map[string]bool{}
		for _, f := range tb.Fields {
			if !reKey.MatchString(f.Key) || keys[f.Key] {
				t.Errorf("%s.%s: bad or duplicate key", tb.Name, f.Key)
			}
			if f.Label == "" || labels[f.Label] {
				t.Errorf("%s.%s: empty or duplicate label %q", tb.Name, f.Key, f.Label)
			}
			keys[f.Key], labels[f.Label] = true, true
			if f.Ref != "" && (Get(f.Ref) == nil || f.Type != ID) {
				t.Errorf("%s.%s: refers to %q", tb.Name, f.Key, f.Ref)
			}
			if (f.Type == Enum) != (len(f.Enum) > 0) {
				t.Errorf("%s.%s: enum choices do not match type %s", tb.Name, f.Key, f.Type)
			}
			for _, c := range f.Enum {
				if c.Zh == "" || c.En == "" {
					t.Errorf("%s.%s: choice %v lacks a value or alias", tb.Name, f.Key, c)
				}
			}
			if f.Derived && f.Required {
				t.Errorf("%s.%s: derived and required", tb.Name, f.Key)
			}
			if f.HasMin && f.HasMax && f.Min > f.Max {
				t.Errorf("%s.%s: min > max", tb.Name, f.Key)
			}
			if f.Desc == "" || f.DescEn == "" {
				t.Errorf("%s.%s: no description in Chinese and English (english.go)", tb.Name, f.Key)
			}
		}
		for _, k := range tb.PrimaryKey {
			if f, ok := tb.Field(k); !ok || !f.Required {
				t.Errorf("%s: primary key %s is not a required field", tb.Name, k)
			}
		}
		if tb.DateKey != "" {
			if f, ok := tb.Field(tb.DateKey); !ok || (f.Type != Date && f.Type != Year) {
				t.Errorf("%s: date key %s", tb.Name, tb.DateKey)
			}
		}
		// A table is listed after every table it refers to, so it can be read in order.
		for _, f := range tb.Fields {
			if f.Ref != "" && index(f.Ref) > index(tb.Name) {
				t.Errorf("%s.%s refers to %s, listed later", tb.Name, f.Key, f.Ref)
			}
		}
	}
	if got := Year.String(); got != "year" {
		t.Errorf("Year.String() = %q", got)
	}
	if !regexp.MustCompile(IDPattern).MatchString("V1") {
		t.Error("IDPattern")
	}
}

func index(name string) int {
	for i, tb := range Tables {
		if tb.Name == name {
			return i
		}
	}
	return -1
}

// TestNamedValues checks that every named value is a value of the enum it
// names, so that code comparing against a constant can match a row.
func TestNamedValues(t *testing.T) {
	for _, c := range []struct {
		set    EnumSet
		values []string
	}{
		{Roles, []string{RoleSecretary, RoleFirst}},
		{PledgeStatuses, []string{StatusNotStarted, StatusInProgress, StatusDone, StatusPartly, StatusFailed, StatusRevised}},
		{Outcomes, []string{OutcomePassed, OutcomePassedAmended, OutcomeRejected, OutcomeDeferred, OutcomeWithdrawn, OutcomeScheduled}},
		{TrainingKinds, []string{TrainingConcentrated, TrainingOffSite}},
		{LeaveReasons, []string{LeaveTermEnd, LeaveTransferred, LeaveResigned, LeaveRetired, LeaveAdjusted,
			LeaveOrderedToResign, LeaveDismissed, LeaveRemoved, LeaveOther}},
		{ActionKinds, []string{ActionCommendation, ActionReward, ActionAdmonitionTalk, ActionWrittenAdmonition,
			ActionWarning, ActionAdjustment, ActionOrderedToResign, ActionDismissal, ActionRemoval}},
	} {
		for _, v := range c.values {
			if got, ok := c.set.Parse(v); !ok || got != v {
				t.Errorf("%q is not a value of %s", v, c.set.ZhList())
			}
		}
	}
	for _, c := range []struct{ alias, want string }{
		{"scheduled", OutcomeScheduled}, {"term-end", LeaveTermEnd}, {"ordered-to-resign", LeaveOrderedToResign},
		{"written-admonition", ActionWrittenAdmonition}, {"removal", ActionRemoval},
	} {
		var got string
		for _, set := range []EnumSet{Outcomes, LeaveReasons, ActionKinds} {
			if v, ok := set.Parse(c.alias); ok {
				got = v
			}
		}
		if got != c.want {
			t.Errorf("alias %q = %q, want %q", c.alias, got, c.want)
		}
	}
}

// TestEnglishDescriptionsAreUsed: every English description names a table
// or column that exists (a renamed column leaves no stale entry).
func TestEnglishDescriptionsAreUsed(t *testing.T) {
	known := map[string]bool{}
	for _, tb := range Tables {
		known[tb.Name] = true
		for _, f := range tb.Fields {
			known[tb.Name+"."+f.Key] = true
		}
	}
	for k := range english {
		if !known[k] {
			t.Errorf("english.go describes %s, which is no table or column", k)
		}
	}
}
