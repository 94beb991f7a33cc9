package load

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"gongshi/generator/dataset"
	"gongshi/generator/problem"
	"gongshi/generator/schema"
)

// The fuzz targets below run their seeds (f.Add and testdata/fuzz/<Name>/)
// under plain `go test`; to search for new inputs run, for example,
//
//	go test -run='^$' -fuzz=FuzzReadCSV -fuzztime=30s ./generator/load/

// FuzzReadCSV feeds arbitrary bytes to the reader of data/pledges.csv: it
// must never panic, every problem must name the file with a line inside it,
// and every cell it accepts must be normalised.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"",
		"id,village_id,secretary_id,kind,category,title,made_on,status\nP1,V1,S1,年度实事,经济发展,修路,2024/3/1,done\n",
		"\uFEFF编号,村编码,书记编号,类型,类别,标题,承诺日期,状态,进度\r\nP1,V1,S1,campaign,economy,\"a\r\nb\",2024年3月1日,推进中,\"1,0\"\r\n",
		"id,\"x\ny\",身份证号,,\nP1,\"\"\"\",1,,\n\n,,,,\n",
		"id,status\nP1,\"unterminated\n",
		"id,progress\nP1,１００\nP2,010\nP3,-1\nP4,1e2,extra\n",
		"\xff\xfei\x00d\x00\n\x00",
		"\xb1\xe0\xba\xc5\n\xff\xff\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "data/pledges.csv"
		d := &dataset.Dataset{Rules: dataset.DefaultRules()}
		sink, probs := newTestSink(t, d, "pledges", file, false)
		text := decodeText(file, data, "", probs)
		readCSV(text, sink, []string{"身份证号"}, separator(text))
		checkRead(t, file, text, sink, probs)
	})
}

// FuzzReadTOMLTable does the same for data/pledges.toml.
func FuzzReadTOMLTable(f *testing.F) {
	for _, s := range []string{
		"",
		"[[pledges]]\nid = \"P1\"\nvillage_id = \"V1\"\nsecretary_id = \"S1\"\nkind = \"年度实事\"\ncategory = \"economy\"\ntitle = \"修路\"\nmade_on = 2024-03-01\nstatus = \"done\"\nprogress = 100\n",
		"pledges = [ { id = \"P1\", progress = 1.5 }, { id = 2 } ]\n",
		"[[pledges]]\n\"id\" = \"P1\"\ndetail = \"\"\"\na\nb\"\"\"\nmade_on = 2024-03-01T08:00:00+08:00\n[[other]]\nx = 1\n",
		"[[pledges]]\nid = [1, 2]\nstatus = { a = 1 }\n身份证号 = \"1\"\n",
		"pledges = 1\n",
		"[pledges]\nid = \"P1\"\n",
		"[[pledges]\n",
		"x = \"\\uD800\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const file = "data/pledges.toml"
		d := &dataset.Dataset{Rules: dataset.DefaultRules()}
		sink, probs := newTestSink(t, d, "pledges", file, true)
		text := decodeText(file, data, "", probs)
		readTOMLTable(text, sink, []string{"身份证号"})
		checkRead(t, file, text, sink, probs)
	})
}

// checkRead holds for any input: problems name the file and a line in it,
// rows know where they came from, and accepted cells are normalised.
func checkRead(t *testing.T, file, text string, sink *rowSink, probs *problem.List) {
	lines := strings.Count(text, "\n") + 1
	noColumn := map[string]bool{} // required columns missing from the header, reported once
	for _, p := range probs.Sorted() {
		if p.Line == 1 && p.Column == 0 && strings.HasPrefix(p.En, "missing required column") {
			noColumn[p.Key] = true
		}
		if p.File != file || p.Line < 0 || p.Line > lines || p.Column < 0 {
			t.Errorf("bad position (file has %d lines): %+v", lines, p)
		}
		if p.Zh == "" || p.En == "" {
			t.Errorf("message missing: %+v", p)
		}
		_ = p.String()
	}
	rows, _ := sink.rows.Interface().([]dataset.Pledge)
	for _, r := range rows {
		if r.File() != file || r.Line < 1 || int(r.Line) > lines {
			t.Errorf("bad row position (file has %d lines): %+v", lines, r.Src)
		}
		for _, x := range []struct {
			key string
			ok  bool
		}{
			{"id", r.ID == "" || ValidID(r.ID)},
			{"village_id", r.VillageID == "" || ValidID(r.VillageID)},
			{"made_on", normalDate(r.MadeOn)},
			{"due", normalDate(r.Due)},
			{"updated_on", normalDate(r.UpdatedOn)},
			{"status", canonical(schema.PledgeStatuses, r.Status)},
			{"kind", canonical(schema.PledgeKinds, r.Kind)},
			{"category", canonical(schema.PledgeCategories, r.Category)},
			{"progress", r.Progress == nil || *r.Progress >= 0 && *r.Progress <= 100},
		} {
			if !x.ok {
				t.Errorf("row at line %d: %s not normalised: %+v", r.Line, x.key, r)
			}
		}
		for _, f := range schema.Get("pledges").Input() {
			v := reflect.ValueOf(r).Field(sink.b.fields[f.Key])
			if f.Required && v.IsZero() && !r.Bad() && !noColumn[f.Key] {
				t.Errorf("row at line %d lacks %s but is not marked bad: %+v", r.Line, f.Key, r)
			}
		}
	}
}

func normalDate(s string) bool {
	if s == "" {
		return true
	}
	got, ok := ParseDate(s)
	return ok && got == s
}

func canonical(e schema.EnumSet, s string) bool {
	if s == "" {
		return true
	}
	for _, c := range e {
		if c.Zh == s {
			return true
		}
	}
	return false
}

var reNormalDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// FuzzParseDate checks that an accepted date is normalised: YYYY-MM-DD, a
// real calendar day, and accepted again unchanged.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2024-03-15", "2024/3/5", "2024.3.15", "2024年3月15日", "2024年3月5", " 2024-02-29 ",
		"2023-02-29", "2024-13-01", "2024/3-15", "２０２４-03-15", "", "2024年3月15日日", "\u30002000.2.29",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, ok := ParseDate(s)
		if !ok {
			if out != "" {
				t.Errorf("ParseDate(%q) = %q, false; want empty", s, out)
			}
			return
		}
		if !reNormalDate.MatchString(out) {
			t.Fatalf("ParseDate(%q) = %q: not YYYY-MM-DD", s, out)
		}
		if tm, err := time.Parse("2006-01-02", out); err != nil || tm.Format("2006-01-02") != out {
			t.Errorf("ParseDate(%q) = %q: not a calendar day (%v)", s, out, err)
		}
		if again, ok := ParseDate(out); !ok || again != out {
			t.Errorf("ParseDate(%q) = %q, but ParseDate(%q) = %q, %v", s, out, out, again, ok)
		}
	})
}

// TestFuzzHelpersCanFail makes sure checkRead's normalisation checks reject
// what they should, so that a fuzz run that passes means something.
func TestFuzzHelpersCanFail(t *testing.T) {
	for _, bad := range []string{"2024-3-5", "2024/03/05", "2023-02-29", " 2024-03-05"} {
		if normalDate(bad) {
			t.Errorf("normalDate(%q) = true", bad)
		}
	}
	if canonical(schema.PledgeStatuses, "done") {
		t.Error(`canonical(statuses, "done") = true`)
	}
	if !canonical(schema.PledgeStatuses, "已完成") || !normalDate("2024-03-05") {
		t.Error("canonical values rejected")
	}
	rt := reflect.TypeOf(dataset.Pledge{})
	if f, _ := rt.FieldByName("Src"); f.Index[0] != 0 {
		t.Error("Src is not the first field of a row")
	}
}
