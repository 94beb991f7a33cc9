package sample

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// readTree returns every file under dir by its slash-separated relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestWriteDeterministic(t *testing.T) {
	tests := []struct {
		name     string
		a, b     Options
		wantSame bool
	}{
		{"same seed", Options{Villages: 60, Seed: 7}, Options{Villages: 60, Seed: 7}, true},
		{"same seed, one village", Options{Villages: 1, Seed: 1}, Options{Villages: 1, Seed: 1}, true},
		{"different seed", Options{Villages: 60, Seed: 7}, Options{Villages: 60, Seed: 8}, false},
		{"different size", Options{Villages: 60, Seed: 7}, Options{Villages: 61, Seed: 7}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			da, db := t.TempDir(), t.TempDir()
			if err := Write(da, tt.a); err != nil {
				t.Fatal(err)
			}
			if err := Write(db, tt.b); err != nil {
				t.Fatal(err)
			}
			fa, fb := readTree(t, da), readTree(t, db)
			if len(fa) != len(fb) {
				t.Fatalf("file count %d vs %d", len(fa), len(fb))
			}
			var differ []string
			for name, ba := range fa {
				bb, ok := fb[name]
				if !ok {
					t.Fatalf("%s missing from second run", name)
				}
				if !bytes.Equal(ba, bb) {
					differ = append(differ, name)
				}
			}
			slices.Sort(differ)
			if tt.wantSame && len(differ) > 0 {
				t.Errorf("files differ between identical runs: %v", differ)
			}
			if !tt.wantSame && !slices.Contains(differ, "data/pledges.csv") {
				t.Errorf("data/pledges.csv is identical for %+v and %+v", tt.a, tt.b)
			}
		})
	}
}

func TestWriteRejectsNoVillages(t *testing.T) {
	if err := Write(t.TempDir(), Options{Villages: 0}); err == nil {
		t.Fatal("Write with 0 villages succeeded")
	}
}

func TestWriteReplacesOtherForms(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, "data", "trainings.csv")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("id\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, Options{Villages: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("data/trainings.csv still exists next to data/trainings/")
	}
}

func TestWriteValid(t *testing.T) {
	tests := []struct {
		villages  int
		seed      int64
		townships int // expected number, 0: do not check
	}{
		{1, 1, 1},
		{17, 3, 1},
		{150, 4, 8},
		{200, 2025, 11},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d villages", tt.villages), func(t *testing.T) {
			dir := t.TempDir()
			if err := Write(dir, Options{Villages: tt.villages, Seed: tt.seed}); err != nil {
				t.Fatal(err)
			}
			c := checker{t: t, dir: dir}
			c.check(tt.villages, tt.townships)
		})
	}
}

func TestContent(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Options{Villages: 2, County: "青山县"}); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	site := string(files["site.toml"])
	for _, want := range []string{
		`title     = "青山县村党组织书记履职公开（虚构示例）"`, `county    = "青山县"`, `base_url  = "/"`,
		`language  = "zh-CN"`, "as_of     = 2025-12-31", `license   = "CC-BY-4.0"`, "[privacy]",
		"publish_birth_year = true", `drop_columns = ["身份证号", "联系电话"]`, "虚构",
		"[publisher]", `organiser = "中共青山县委组织部"`, `supervision_phone = "12380"`, "[notice]", "days = 7",
	} {
		if !strings.Contains(site, want) {
			t.Errorf("site.toml lacks %q", want)
		}
	}
	shortcodes := []string{
		`{{< figure "pledges-done-share" year=2024 >}}`, `{{< figure "hearings-held" year=2024 >}}`,
		`{{< figure "five-star-teams" year=2024 >}}`, `{{< chart "pledge-status" year=2024 >}}`,
		`{{< chart "grades" >}}`, `{{< chart "hearing-outcomes" year=2024 >}}`,
		`{{< table "overdue-pledges" year=2024 >}}`,
	}
	report := string(files["content/reports/2024.md"])
	lines := strings.Split(report, "\n")
	for _, sc := range shortcodes {
		if !slices.Contains(lines, sc) {
			t.Errorf("report lacks the line %s", sc)
		}
	}
	if n := strings.Count(report, "{{<"); n != len(shortcodes) {
		t.Errorf("report has %d shortcodes, want %d", n, len(shortcodes))
	}
	if !strings.Contains(report, "\nyear = 2024\n") {
		t.Error("report front matter lacks year = 2024")
	}
	for _, name := range []string{"content/_index.md", "content/about.md", "content/reports/2024.md"} {
		text := string(files[name])
		if !strings.HasPrefix(text, "+++\ntitle = \"") || strings.Count(text, "+++\n") != 2 {
			t.Errorf("%s: no TOML front matter with a title", name)
		}
		if !strings.Contains(text, "虚构") {
			t.Errorf("%s does not say the data is fictional", name)
		}
		if strings.Contains(text, "{county}") {
			t.Errorf("%s: unreplaced {county}", name)
		}
	}
	if !strings.Contains(string(files["content/_index.md"]), "青山县") {
		t.Error("_index.md does not name the county")
	}
}

// ---- validity checks -----------------------------------------------------------------------

var (
	idPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)
	datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	// Enumerations as DESIGN.md lists them.
	enums = map[string][]string{
		"role":      {"书记", "第一书记"},
		"gender":    {"男", "女"},
		"source":    {"本地能人", "外出能人回乡", "驻村干部", "机关下派", "离岗干部", "大学生村官", "其他"},
		"education": {"初中", "高中", "中专", "大专", "本科", "研究生"},
		"dual_role": {"是", "否"},
		"kind":      {"选前承诺", "任期目标", "年度实事"},
		"category":  {"组织建设", "公益事业", "经济发展", "热点难点"},
		"status":    {"未启动", "推进中", "已完成", "部分完成", "未完成", "已调整"},
		"grade":     {"", "优秀", "称职", "基本称职", "不称职"},
		"outcome":   {"通过", "修改后通过", "未通过", "暂缓", "撤回", "待召开"},
		"leave":     {"", "届满", "调任", "辞职", "退休", "组织调整", "责令辞职", "免职", "撤职", "其他"},
		"action":    {"表彰", "奖励", "谈话诫勉", "书面诫勉", "警告", "组织调整", "责令辞职", "免职", "撤职"},
		"training":  {"集中培训", "集体学习", "心得体会", "异地培训", "远程教育", "其他"},
	}
)

const asOfText = "2025-12-31"

// table is a parsed CSV file; row i is on the file's record i+2 (after the header).
type table struct {
	name   string
	header []string
	rows   [][]string
}

func (tb *table) col(row []string, key string) string {
	return row[slices.Index(tb.header, key)]
}

type checker struct {
	t   *testing.T
	dir string
}

func (c *checker) errorf(tb *table, i int, format string, args ...any) {
	c.t.Helper()
	c.t.Errorf("%s row %d: %s", tb.name, i+1, fmt.Sprintf(format, args...))
}

// read parses data/<name> and checks encoding, line ends and the header.
func (c *checker) read(name string, header []string) *table {
	c.t.Helper()
	b, err := os.ReadFile(filepath.Join(c.dir, "data", name))
	if err != nil {
		c.t.Fatal(err)
	}
	if bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) || bytes.Contains(b, []byte("\r")) {
		c.t.Errorf("%s: has a BOM or CR line ends", name)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		c.t.Fatalf("%s: %v", name, err)
	}
	if !slices.Equal(recs[0], header) {
		c.t.Fatalf("%s: header %v, want %v", name, recs[0], header)
	}
	return &table{name: name, header: recs[0], rows: recs[1:]}
}

// ids checks that column key holds valid, unique IDs and returns them with their row index.
func (c *checker) ids(tb *table, key string) map[string]int {
	seen := make(map[string]int, len(tb.rows))
	for i, r := range tb.rows {
		id := tb.col(r, key)
		if !idPattern.MatchString(id) {
			c.errorf(tb, i, "bad id %q", id)
		}
		if _, dup := seen[id]; dup {
			c.errorf(tb, i, "duplicate id %q", id)
		}
		seen[id] = i
	}
	return seen
}

func (c *checker) enum(tb *table, i int, key, list string) {
	if v := tb.col(tb.rows[i], key); !slices.Contains(enums[list], v) {
		c.errorf(tb, i, "%s %q is not one of %v", key, v, enums[list])
	}
}

func (c *checker) date(tb *table, i int, key string, optional bool) string {
	v := tb.col(tb.rows[i], key)
	if v == "" && optional {
		return v
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil || !datePattern.MatchString(v) || v > asOfText && key != "due" {
		c.errorf(tb, i, "%s %q is not a date up to %s", key, v, asOfText)
	}
	return v
}

func (c *checker) num(tb *table, i int, key string, lo, hi float64, optional bool) (float64, bool) {
	v := tb.col(tb.rows[i], key)
	if v == "" && optional {
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < lo || f > hi {
		c.errorf(tb, i, "%s %q is not a number in [%g, %g]", key, v, lo, hi)
	}
	return f, true
}

type term struct{ start, end string } // end "" = serving

func (tm term) serving(d string) bool { return tm.start <= d && (tm.end == "" || d <= tm.end) }

func (c *checker) check(villageCount, townshipCount int) {
	t := c.t
	// townships.toml: our own fixed layout, so a line scan is enough.
	tt, err := os.ReadFile(filepath.Join(c.dir, "data", "townships.toml"))
	if err != nil {
		t.Fatal(err)
	}
	townships := map[string]bool{}
	townshipNames := map[string]bool{}
	for _, line := range strings.Split(string(tt), "\n") {
		if v, ok := strings.CutPrefix(line, "id = "); ok {
			id, _ := strconv.Unquote(v)
			if !idPattern.MatchString(id) || townships[id] {
				t.Errorf("townships.toml: bad or duplicate id %s", v)
			}
			townships[id] = true
		}
		if v, ok := strings.CutPrefix(line, "name = "); ok {
			if townshipNames[v] {
				t.Errorf("townships.toml: duplicate name %s", v)
			}
			townshipNames[v] = true
		}
	}
	if townshipCount > 0 && len(townships) != townshipCount {
		t.Errorf("%d townships, want %d", len(townships), townshipCount)
	}
	if strings.Count(string(tt), "[[townships]]") != len(townships) || len(townshipNames) != len(townships) {
		t.Errorf("townships.toml: %d tables, %d ids, %d names", strings.Count(string(tt), "[[townships]]"), len(townships), len(townshipNames))
	}

	villages := c.read("villages.csv", villageHeader)
	villageIDs := c.ids(villages, "村编码")
	if len(villageIDs) != villageCount {
		t.Errorf("%d villages, want %d", len(villageIDs), villageCount)
	}
	villageNames := map[string]bool{}
	for i, r := range villages.rows {
		if !townships[r[2]] {
			c.errorf(villages, i, "township %q not found", r[2])
		}
		key := r[2] + "/" + r[1]
		if villageNames[key] || !strings.HasSuffix(r[1], "村") {
			c.errorf(villages, i, "duplicate or odd village name %q", key)
		}
		villageNames[key] = true
		c.num(villages, i, "人口", 800, 6000, false)
		c.num(villages, i, "党员数", 20, 150, false)
		c.num(villages, i, "村集体收入", 0, 2000000, false)
	}

	secs := c.read("secretaries.csv", secretaryHeader)
	secIDs := c.ids(secs, "id")
	terms := map[string][]term{} // village/role → terms
	secVillage := map[string]string{}
	secTerm := map[string]term{}
	for i, r := range secs.rows {
		v := secs.col(r, "village_id")
		if _, ok := villageIDs[v]; !ok {
			c.errorf(secs, i, "village %q not found", v)
		}
		for key, list := range map[string]string{"role": "role", "gender": "gender", "source": "source", "education": "education", "dual_role": "dual_role"} {
			c.enum(secs, i, key, list)
		}
		c.num(secs, i, "birth_year", 1960, 1995, false)
		tm := term{c.date(secs, i, "term_start", false), c.date(secs, i, "term_end", true)}
		if tm.end != "" && tm.end < tm.start {
			c.errorf(secs, i, "term ends before it starts")
		}
		if secs.col(r, "role") == "第一书记" && !slices.Contains([]string{"机关下派", "驻村干部"}, secs.col(r, "source")) {
			c.errorf(secs, i, "first secretary from %s", secs.col(r, "source"))
		}
		key := v + "/" + secs.col(r, "role")
		for _, other := range terms[key] {
			if (other.end == "" || tm.start <= other.end) && (tm.end == "" || other.start <= tm.end) {
				c.errorf(secs, i, "term %v overlaps %v in %s", tm, other, key)
			}
		}
		terms[key] = append(terms[key], tm)
		c.enum(secs, i, "leave_reason", "leave")
		if lr := secs.col(r, "leave_reason"); lr != "" && tm.end == "" {
			c.errorf(secs, i, "leave reason %s while serving", lr)
		}
		secVillage[r[0]] = v
		secTerm[r[0]] = tm
	}
	for v := range villageIDs {
		if len(terms[v+"/书记"]) == 0 {
			t.Errorf("village %s has no 书记", v)
		}
	}

	pledges := c.read("pledges.csv", pledgeHeader)
	pledgeIDs := c.ids(pledges, "id")
	for i, r := range pledges.rows {
		v, s := pledges.col(r, "village_id"), pledges.col(r, "secretary_id")
		if _, ok := villageIDs[v]; !ok {
			c.errorf(pledges, i, "village %q not found", v)
		}
		made := c.date(pledges, i, "made_on", false)
		due := c.date(pledges, i, "due", true)
		updated := c.date(pledges, i, "updated_on", true)
		if secVillage[s] != v || !secTerm[s].serving(made) {
			c.errorf(pledges, i, "secretary %q is not serving in %s on %s", s, v, made)
		}
		if due != "" && due < made || updated != "" && updated < made {
			c.errorf(pledges, i, "made_on %s after due %s or updated_on %s", made, due, updated)
		}
		c.enum(pledges, i, "kind", "kind")
		c.enum(pledges, i, "category", "category")
		c.enum(pledges, i, "status", "status")
		p, _ := c.num(pledges, i, "progress", 0, 100, false)
		switch st := pledges.col(r, "status"); {
		case st == "已完成" && p != 100, st == "未启动" && p != 0, st != "已完成" && p == 100:
			c.errorf(pledges, i, "status %s with progress %v", st, p)
		}
		if strings.Contains(pledges.col(r, "title"), "{") {
			c.errorf(pledges, i, "unfilled template %q", pledges.col(r, "title"))
		}
	}
	// Most revised pledges name their replacement: a later pledge of the same village, with
	// the original's ID and -2, not revised itself; nothing else names one.
	revised, replaced := 0, 0
	for i, r := range pledges.rows {
		by, st := pledges.col(r, "replaced_by"), pledges.col(r, "status")
		if st == "已调整" {
			revised++
		}
		if by == "" {
			continue
		}
		replaced++
		j, ok := pledgeIDs[by]
		switch {
		case st != "已调整":
			c.errorf(pledges, i, "replaced_by %s on a %s pledge", by, st)
		case !ok || by != r[0]+"-2":
			c.errorf(pledges, i, "replaced_by %q is not this pledge's replacement", by)
		default:
			rr := pledges.rows[j]
			if pledges.col(rr, "village_id") != pledges.col(r, "village_id") || pledges.col(rr, "made_on") < pledges.col(r, "made_on") ||
				pledges.col(rr, "status") == "已调整" || pledges.col(rr, "replaced_by") != "" {
				c.errorf(pledges, i, "replacement %v does not follow %v", rr, r)
			}
		}
	}
	if revised >= 10 && replaced*3 < revised*2 {
		t.Errorf("%d of %d revised pledges have a replacement, want most", replaced, revised)
	}

	updates := c.read("pledge_updates.csv", pledgeUpdateHdr)
	lastOf := map[string]int{} // pledge → index of its latest update
	for i, r := range updates.rows {
		id := r[0]
		pi, ok := pledgeIDs[id]
		if !ok {
			c.errorf(updates, i, "pledge %q not found", id)
			continue
		}
		d := c.date(updates, i, "date", false)
		c.enum(updates, i, "status", "status")
		p, _ := c.num(updates, i, "progress", 0, 100, false)
		if d < pledges.col(pledges.rows[pi], "made_on") {
			c.errorf(updates, i, "dated %s before the pledge was made", d)
		}
		if prev, ok := lastOf[id]; ok {
			pp, _ := strconv.Atoi(updates.rows[prev][3])
			if prev != i-1 || updates.rows[prev][1] >= d || float64(pp) > p {
				c.errorf(updates, i, "not after row %d in date and progress", prev+1)
			}
		}
		lastOf[id] = i
	}
	for id, i := range lastOf {
		pr := pledges.rows[pledgeIDs[id]]
		u := updates.rows[i]
		if u[1] != pledges.col(pr, "updated_on") || u[2] != pledges.col(pr, "status") || u[3] != pledges.col(pr, "progress") {
			c.errorf(updates, i, "last update %v disagrees with pledge %v", u, pr)
		}
	}

	appraisals := c.read("appraisals.csv", appraisalHeader)
	seen := map[string]bool{}
	gradeOf := map[string]string{} // year/secretary → grade
	perVillage := map[string]int{}
	for i, r := range appraisals.rows {
		y, v, s := r[0], r[1], r[2]
		if seen[y+"/"+s] {
			c.errorf(appraisals, i, "second row for %s in %s", s, y)
		}
		seen[y+"/"+s] = true
		perVillage[v]++
		if secVillage[s] != v || !secTerm[s].serving(y+"-12-31") || secs.col(secs.rows[secIDs[s]], "role") != "书记" {
			c.errorf(appraisals, i, "%s is not the 书记 of %s at the end of %s", s, v, y)
		}
		c.num(appraisals, i, "year", 2021, 2025, false)
		m, _ := c.num(appraisals, i, "masses_score", 0, 100, false)
		b, _ := c.num(appraisals, i, "members_score", 0, 100, false)
		o, _ := c.num(appraisals, i, "org_score", 0, 100, false)
		c.enum(appraisals, i, "grade", "grade")
		c.num(appraisals, i, "secretary_stars", 0, 10, false)
		c.num(appraisals, i, "team_stars", 0, 5, false)
		// Grade the total rounded to 0.01: in floating point 0.4*m+0.3*b+0.3*o can fall
		// just below a threshold that the exact sum reaches (89.99999… for 90.00).
		want := math.Round((0.4*m+0.3*b+0.3*o)*100) / 100
		grade := "不称职"
		switch {
		case want >= 90:
			grade = "优秀"
		case want >= 75:
			grade = "称职"
		case want >= 60:
			grade = "基本称职"
		}
		gradeOf[y+"/"+s] = grade
		if total, ok := c.num(appraisals, i, "total_score", 0, 100, true); ok {
			if fmt.Sprintf("%.2f", want) != r[6] || total != mustFloat(r[6]) || r[7] != grade {
				c.errorf(appraisals, i, "total %s grade %s, want %.2f %s", r[6], r[7], want, grade)
			}
		}
	}
	for v := range villageIDs {
		if perVillage[v] != 5 {
			t.Errorf("village %s has %d appraisals, want 5", v, perVillage[v])
		}
	}

	hearings := c.read("hearings.csv", hearingHeader)
	hearingIDs := c.ids(hearings, "id")
	scheduled := 0
	for i, r := range hearings.rows {
		if _, ok := villageIDs[r[1]]; !ok {
			c.errorf(hearings, i, "village %q not found", r[1])
		}
		c.enum(hearings, i, "outcome", "outcome")
		if r[4] == "待召开" {
			// Announced for after as_of: a notice, no attendance, votes or outcome yet.
			if !strings.HasPrefix(r[0], "HS") || r[2] <= asOfText || r[6] == "" || r[6] > r[2] || strings.Join(r[7:14], "") != "" {
				c.errorf(hearings, i, "bad scheduled hearing %v", r)
			}
			scheduled++
			continue
		}
		d := c.date(hearings, i, "date", false)
		if n := c.date(hearings, i, "notice_date", true); n > d {
			c.errorf(hearings, i, "notice %s after the hearing %s", n, d)
		}
		att, _ := c.num(hearings, i, "attendees", 1, 1000, false)
		pm, _ := c.num(hearings, i, "party_members", 0, 1000, false)
		vr, _ := c.num(hearings, i, "villager_reps", 0, 1000, false)
		ex, _ := c.num(hearings, i, "experts", 0, 1000, false)
		vf, ok1 := c.num(hearings, i, "votes_for", 0, 1000, true)
		va, ok2 := c.num(hearings, i, "votes_against", 0, 1000, true)
		vb, ok3 := c.num(hearings, i, "votes_abstain", 0, 1000, true)
		if ok1 != ok2 || ok2 != ok3 {
			c.errorf(hearings, i, "votes partly given")
		}
		if pm+vr+ex > att || vf+va+vb > att {
			c.errorf(hearings, i, "more participants or votes than attendees")
		}
		if out := r[4]; (out == "通过" || out == "修改后通过") && !(ok1 && 2*vf > vf+va+vb) {
			c.errorf(hearings, i, "%s with %v of %v votes", out, vf, vf+va+vb)
		}
	}

	if villageCount >= 150 && scheduled == 0 {
		t.Errorf("no hearing scheduled after as_of in %d villages", villageCount)
	}

	questions := c.read("hearing_questions.csv", hearingQuestHdr)
	seq := map[string]int{}
	for i, r := range questions.rows {
		if h, ok := hearingIDs[r[0]]; !ok {
			c.errorf(questions, i, "hearing %q not found", r[0])
		} else if hearings.rows[h][4] == "待召开" {
			c.errorf(questions, i, "question at scheduled hearing %s", r[0])
		}
		seq[r[0]]++
		if r[1] != strconv.Itoa(seq[r[0]]) || r[2] == "" || r[3] == "" || r[4] == "" || r[5] == "" {
			c.errorf(questions, i, "bad question row %v", r)
		}
	}

	trainingIDs := map[string]bool{}
	points := map[string]int{}
	for y := 2021; y <= 2025; y++ {
		tr := c.read(fmt.Sprintf("trainings/%d.csv", y), trainingHeader)
		for id := range c.ids(tr, "id") {
			if trainingIDs[id] {
				t.Errorf("training id %s in two files", id)
			}
			trainingIDs[id] = true
		}
		for i, r := range tr.rows {
			s := r[1]
			if _, ok := secIDs[s]; !ok {
				c.errorf(tr, i, "secretary %q not found", s)
			}
			d := c.date(tr, i, "date", false)
			if !strings.HasPrefix(d, strconv.Itoa(y)) || !secTerm[s].serving(d) {
				c.errorf(tr, i, "date %s outside %d or the term of %s", d, y, s)
			}
			c.enum(tr, i, "kind", "training")
			p, _ := c.num(tr, i, "points", 1, 20, false)
			if days, ok := c.num(tr, i, "days", 1, 15, true); ok != (r[3] == "集中培训" || r[3] == "异地培训") || days < 0 {
				c.errorf(tr, i, "days %q for %s", r[6], r[3])
			}
			points[s+"/"+strconv.Itoa(y)] += int(p)
		}
	}
	// Actions follow an appraisal of the year before, in keeping with its grade, within the
	// term (an adjustment on its last day, with the leave reason to match) and by as_of.
	actions := c.read("actions.csv", actionHeader)
	c.ids(actions, "id")
	fits := map[string]string{"奖励": "优秀", "表彰": "优秀", "书面诫勉": "基本称职", "谈话诫勉": "不称职", "组织调整": "不称职"}
	kinds := map[string]int{}
	for i, r := range actions.rows {
		s, kind, y := r[1], r[3], r[4]
		c.enum(actions, i, "kind", "action")
		kinds[kind]++
		d := c.date(actions, i, "date", false)
		tm, ok := secTerm[s]
		switch {
		case !ok:
			c.errorf(actions, i, "secretary %q not found", s)
		case d < tm.start || tm.end != "" && d > tm.end:
			c.errorf(actions, i, "dated %s outside the term %v", d, tm)
		case kind == "组织调整" && (d != tm.end || secs.col(secs.rows[secIDs[s]], "leave_reason") != "组织调整"):
			c.errorf(actions, i, "adjustment on %s, term %v, leave reason %q", d, tm, secs.col(secs.rows[secIDs[s]], "leave_reason"))
		}
		if g := gradeOf[y+"/"+s]; g != fits[kind] {
			c.errorf(actions, i, "%s after a year rated %q", kind, g)
		}
		if yy, _ := strconv.Atoi(y); !strings.HasPrefix(d, strconv.Itoa(yy+1)) {
			c.errorf(actions, i, "dated %s, not in the year after %s", d, y)
		}
		if r[5] == "" || r[6] == "" {
			c.errorf(actions, i, "no reason or deciding body")
		}
	}
	if villageCount >= 150 {
		for _, k := range []string{"奖励", "表彰", "书面诫勉", "谈话诫勉", "组织调整"} {
			if kinds[k] == 0 {
				t.Errorf("no action %s in %d villages", k, villageCount)
			}
		}
	}

	// Appraised secretaries train all year; most of them reach 60 points.
	low := 0
	for k := range seen {
		y, s, _ := strings.Cut(k, "/")
		if points[s+"/"+y] < 60 {
			low++
		}
	}
	if low*5 > len(seen) {
		t.Errorf("%d of %d appraised secretary-years below 60 training points", low, len(seen))
	}
}

func mustFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

func benchmarkWrite(b *testing.B, villages int) {
	dir := b.TempDir()
	for b.Loop() {
		if err := Write(dir, Options{Villages: villages, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite10000(b *testing.B) { benchmarkWrite(b, 10000) }

func BenchmarkWrite50000(b *testing.B) { benchmarkWrite(b, 50000) }
