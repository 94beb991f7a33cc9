package search_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/i18n"
	"gongshi/generator/internal/searchread"
	"gongshi/generator/output"
	"gongshi/generator/route"
	"gongshi/generator/search"
)

// county is a small dataset with a case for each rule: names that are the
// query, start with it and hold it; a former secretary; words in pledge
// details, update notes, hearing summaries and questions; a hostile name.
func county() *dataset.Dataset {
	d := &dataset.Dataset{
		Site:      dataset.Site{AsOf: "2025-12-31"},
		Townships: []dataset.Township{{ID: "T1", Name: "松坪镇"}, {ID: "T2", Name: "杏口镇"}},
		Villages: []dataset.Village{
			{ID: "V0031", Name: "上长垟村", TownshipID: "T1"},
			{ID: "V0032", Name: "长垟村", TownshipID: "T1"},
			{ID: "V0033", Name: "长垟", TownshipID: "T2"},
			{ID: "V0034", Name: "李家村", TownshipID: "T2"},
			{ID: "V0035", Name: "</script><b>x", TownshipID: "T2"},
		},
		Secretaries: []dataset.Secretary{
			{ID: "S1", Name: "莫波亮", VillageID: "V0032", Role: "书记", TermStart: "2021-01-01"},
			{ID: "S2", Name: "李四", VillageID: "V0032", Role: "书记", TermStart: "2016-01-01", TermEnd: "2021-01-01"},
			{ID: "S3", Name: "张行", VillageID: "V0034", Role: "书记", TermStart: "2021-01-01"},
		},
		Pledges: []dataset.Pledge{
			{ID: "P1", VillageID: "V0032", Kind: "年度实事", Category: "经济发展", Title: "建成村级光伏电站", Status: "推进中", Detail: "利用村部屋顶建设光伏电站。"},
			{ID: "P2", VillageID: "V0034", Kind: "年度实事", Category: "经济发展", Title: "建成村级光伏电站", Status: "已完成"},
			{ID: "P3", VillageID: "V0034", Kind: "年度实事", Category: "经济发展", Title: "发展规模种植", Status: "推进中",
				Detail: "完成土地流转260亩。", Target: "带动长垟片区"},
			{ID: "P4", VillageID: "V0031", Kind: "年度实事", Category: "公益事业", Title: "修缮村卫生室", Status: "推进中",
				Detail: "土地平整后，流转给合作社。"}, // 土地 and 流转, but not 土地流转
			{ID: "P3-2", VillageID: "V0034", Kind: "年度实事", Category: "经济发展", Title: "扩大规模种植", Status: "推进中"},
			{ID: "P5", VillageID: "V0034", Kind: "年度实事", Category: "公益事业", Title: "整治行李寄存点", Status: "推进中"},
		},
		PledgeUpdates: []dataset.PledgeUpdate{{PledgeID: "P4", Date: "2024-03-01", Status: "推进中", Note: "已招标，电商服务站同步建设"}},
		Hearings: []dataset.Hearing{
			{ID: "H1", VillageID: "V0032", Date: "2024-05-01", Topic: "宅基地审批和建房秩序管理办法", Outcome: "通过", Summary: "经表决通过。"},
			{ID: "H2", VillageID: "V0034", Date: "2024-06-01", Topic: "村规民约修订草案", Outcome: "通过", FollowUp: "已印发到户"},
		},
		HearingQuestions: []dataset.HearingQuestion{{HearingID: "H2", Seq: 1, Question: "红白喜事的标准怎么定？", Answer: "由村民代表会议讨论确定。"}},
	}
	d.Index()
	return d
}

// written writes the index of d and opens it as the page does.
func written(t testing.TB, d *dataset.Dataset) (string, *searchread.Index) {
	t.Helper()
	c, probs := i18n.Load(t.TempDir(), "zh-CN")
	if probs.Errors() > 0 {
		t.Fatal(probs)
	}
	root := t.TempDir()
	if _, err := search.Write(output.New(root), d, c); err != nil {
		t.Fatal(err)
	}
	x, err := searchread.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	return root, x
}

// hits returns the results of a query as "kind:ID/rank" in page order.
func hits(t *testing.T, x *searchread.Index, q string) []string {
	t.Helper()
	r, err := x.Search(q)
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	var out []string
	for _, g := range r.Groups {
		for _, h := range g.Hits {
			out = append(out, fmt.Sprintf("%s:%s/%d", g.Kind, h.ID, h.Rank))
		}
	}
	return out
}

// TestSearch: what each query finds, in the order the page lists it.
func TestSearch(t *testing.T) {
	_, x := written(t, county())
	for _, c := range []struct {
		q    string
		want string
		why  string
	}{
		{"长垟", "villages:V0033/0 villages:V0032/1 villages:V0031/2 secretaries:S1/3 secretaries:S2/3 pledges:P1/3 pledges:P3/3 pledges:P4/3 hearings:H1/3",
			"the whole name, then the start, then inside; then other text: the village of S1, S2, P1, P4 and H1, P3's target"},
		{"长垟村", "villages:V0032/0 villages:V0031/2 secretaries:S1/3 secretaries:S2/3 pledges:P1/3 pledges:P4/3 hearings:H1/3",
			"a village's name also finds what is in the village (上长垟村 holds 长垟村)"},
		{"松坪镇长垟村", "villages:V0032/3 secretaries:S1/3 secretaries:S2/3 pledges:P1/3 hearings:H1/3",
			"township and village run together, as people write a full name"},
		{"V0032", "villages:V0032/0", "an ID finds its record"},
		{"v0032", "villages:V0032/0", "IDs ignore case"},
		{"Ｖ００３２", "villages:V0032/0", "full-width characters fold"},
		{"P3", "pledges:P3/0 pledges:P3-2/1", "an ID, then IDs that start with it"},
		{"P3-2", "pledges:P3-2/0", "an ID with a hyphen is one ID, not P3 and 2"},
		{"光伏", "pledges:P1/2 pledges:P2/2", ""},
		{"光伏 长垟村", "pledges:P1/2", "several words are ANDed"},
		{"长垟村 光伏", "pledges:P1/2", "in any order"},
		{"波亮", "secretaries:S1/2", "the middle of a name"},
		{"李", "villages:V0034/1 secretaries:S2/1 pledges:P5/2",
			"one character finds names (and titles) only: not S3's village 李家村 as other text"},
		{"土地流转", "pledges:P3/3", "a substring of other text; P4 has both bigrams but not the phrase"},
		{"电商服务站", "pledges:P4/3", "words in update notes"},
		{"宅基地", "hearings:H1/1", "words in a hearing topic"},
		{"建房秩序", "hearings:H1/2", ""},
		{"印发", "hearings:H2/3", "follow-up"},
		{"红白喜事", "hearings:H2/3", "questions"},
		{"村民代表", "hearings:H2/3", "answers"},
		{"光伏 红白喜事", "", "ANDed words in different documents find nothing"},
		{"不存在的词", "", ""},
		{"</script>", "villages:V0035/2", "a hostile name is found as text (the word is script: < and / are separators)"},
	} {
		got := strings.Join(hits(t, x, c.q), " ")
		if got != c.want {
			t.Errorf("%q: got %q, want %q (%s)", c.q, got, c.want, c.why)
		}
	}
}

// TestSearchFormerMarked: a former secretary's result says so.
func TestSearchFormerMarked(t *testing.T) {
	_, x := written(t, county())
	r, err := x.Search("李四")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Groups) != 1 || len(r.Groups[0].Hits) != 1 {
		t.Fatalf("李四: %+v", r.Groups)
	}
	h := r.Groups[0].Hits[0]
	if h.Note != "书记（已离任）" || strings.Join(h.Place, " ") != "松坪镇 长垟村" {
		t.Errorf("李四: note %q, place %q; want 书记（已离任） in 松坪镇 长垟村", h.Note, h.Place)
	}
	r, _ = x.Search("莫波亮")
	if h := r.Groups[0].Hits[0]; h.Note != "书记" {
		t.Errorf("莫波亮 (serving): note %q, want 书记", h.Note)
	}
}

// TestIndexFiles: every file is one gongshiIndex call that names itself and
// cannot end the script element it is loaded by.
func TestIndexFiles(t *testing.T) {
	root, _ := written(t, county())
	n := 0
	err := filepath.WalkDir(filepath.Join(root, "search"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		n++
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(filepath.Join(root, "search"), p)
		if !bytes.HasPrefix(b, []byte(`gongshiIndex("`+filepath.ToSlash(rel)+`",`)) {
			t.Errorf("%s does not start with its gongshiIndex call: %.60s", rel, b)
		}
		if bytes.Contains(b, []byte("</script")) || bytes.Contains(b, []byte("<b>")) {
			t.Errorf("%s holds markup", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 7 {
		t.Errorf("%d files: want the manifest, buckets and a chunk of each kind", n)
	}
}

// crowded is a county in which one word is in every pledge's title and a
// rarer one in every pledge's detail: far more postings than a bucket holds,
// so that the lists are cut and the page must say its results are partial.
func crowded(pledges int) *dataset.Dataset {
	d := &dataset.Dataset{Site: dataset.Site{AsOf: "2025-12-31"}, Townships: []dataset.Township{{ID: "T1", Name: "东乡"}}}
	for v := 0; v < pledges/10; v++ {
		vid := fmt.Sprintf("V%05d", v)
		d.Villages = append(d.Villages, dataset.Village{ID: vid, Name: fmt.Sprintf("第%d村", v), TownshipID: "T1"})
		for p := 0; p < 10; p++ {
			d.Pledges = append(d.Pledges, dataset.Pledge{ID: fmt.Sprintf("P%06d", v*10+p), VillageID: vid, Kind: "年度实事", Category: "公益事业",
				Title: fmt.Sprintf("修建道路%d米", v*10+p), Status: "推进中",
				Detail: strings.Repeat("群众反映强烈，", 3) + "争取硬化资金"})
		}
	}
	// One village's pledge says 光伏 late in the numbering, where the cut
	// lists of 道路 and 群众 no longer reach.
	last := &d.Pledges[len(d.Pledges)-1]
	last.Title = "修建道路并建设光伏电站"
	d.Index()
	return d
}

func gz(b []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestShardBound: every file keeps to its cap, and what a query loads (the
// manifest, its posting lists, the documents of its first screen) keeps to
// QueryCap, even for words in every document.
func TestShardBound(t *testing.T) {
	root, _ := written(t, crowded(30000))
	caps := map[string]int{}
	err := filepath.WalkDir(filepath.Join(root, "search"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join(root, "search"), p)
		rel = filepath.ToSlash(rel)
		info, _ := e.Info()
		limit := search.ChunkCap
		switch {
		case rel == search.ManifestFile:
			limit = search.ManifestCap
		case strings.HasPrefix(rel, "t/"):
			limit = search.BucketCap
		}
		caps[rel] = limit
		if int(info.Size()) > limit {
			t.Errorf("%s: %d bytes, over its cap of %d", rel, info.Size(), limit)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q       string
		partial bool
		want    string // the first hit
	}{
		{"道路", true, "P000000"},
		{"群众反映强烈", true, "P000000"},
		{"光伏", false, "P029999"},
		{"道路 光伏", false, "P029999"}, // 道路's list is cut before P029999: 光伏's whole one finds it
		{"光伏 群众", false, "P029999"},
		{"第2999村 道路", false, "P029990"},
	} {
		x, _ := searchread.Open(root)
		r, err := x.Search(c.q)
		if err != nil {
			t.Fatal(err)
		}
		if r.Partial != c.partial {
			t.Errorf("%q: partial %v, want %v", c.q, r.Partial, c.partial)
		}
		if len(r.Groups) == 0 || r.Groups[len(r.Groups)-1].Hits[0].ID != c.want {
			t.Errorf("%q: %+v, want %s first among pledges", c.q, r.Groups, c.want)
		}
		raw, zipped := 0, 0
		for _, f := range append([]string{search.ManifestFile}, r.Files...) {
			b, err := os.ReadFile(filepath.Join(root, "search", filepath.FromSlash(f)))
			if err != nil {
				t.Fatal(err)
			}
			raw += len(b)
			zipped += gz(b)
		}
		if raw > search.QueryCap {
			t.Errorf("%q loads %d files, %d bytes (%d gzipped): over %d", c.q, len(r.Files), raw, zipped, search.QueryCap)
		}
		t.Logf("%q: %d files, %d bytes, %d gzipped", c.q, len(r.Files), raw, zipped)
	}
}

// TestDir: the index lives in the search page's folder, where the page
// (site.SearchView.Index) looks for it.
func TestDir(t *testing.T) {
	if search.Dir != route.Path(route.SearchPage) {
		t.Errorf("search.Dir = %q, but the search page is at %q", search.Dir, route.Path(route.SearchPage))
	}
}
