package sample

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"gongshi/generator/dataset"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Options controls a synthetic site source.
type Options struct {
	Villages int    // number of villages (≥1); townships = max(1, Villages/18), at least 8 when Villages ≥ 150
	Seed     int64  // same seed + same Villages → byte-identical output
	County   string // default "示范县"
}

const (
	firstYear = 2021
	lastYear  = 2025
	nYears    = lastYear - firstYear + 1

	// pcgStream is the second PCG word ("gongshi" in ASCII); the seed is the first.
	pcgStream = 0x676f6e67736869
	// pcgAside is the second word of the stream the accountability records are drawn from
	// ("account"); see generator.aside.
	pcgAside = 0x6163636f756e74

	defaultCounty = dataset.SampleCounty
)

// asOf is the date the synthetic data is current to (site.toml as_of).
var asOf = mkday(lastYear, 12, 31)

// Column headers, in the order of DESIGN.md. villages.csv deliberately uses the Chinese labels
// and carries an extra column (联系电话) that site.toml lists in privacy.drop_columns.
var (
	villageHeader     = []string{"村编码", "村名", "乡镇编码", "人口", "户数", "党员数", "村集体收入", "联系电话"}
	secretaryHeader   = []string{"id", "name", "village_id", "role", "term_start", "term_end", "gender", "birth_year", "education", "source", "dual_role", "leave_reason"}
	pledgeHeader      = []string{"id", "village_id", "secretary_id", "kind", "category", "title", "made_on", "status", "detail", "target", "due", "progress", "updated_on", "evidence", "replaced_by"}
	pledgeUpdateHdr   = []string{"pledge_id", "date", "status", "progress", "note"}
	appraisalHeader   = []string{"year", "village_id", "secretary_id", "masses_score", "members_score", "org_score", "total_score", "grade", "secretary_stars", "team_stars", "note"}
	hearingHeader     = []string{"id", "village_id", "date", "topic", "outcome", "category", "notice_date", "attendees", "party_members", "villager_reps", "experts", "votes_for", "votes_against", "votes_abstain", "summary", "follow_up"}
	hearingQuestHdr   = []string{"hearing_id", "seq", "question", "answer", "asked_by", "answered_by"}
	trainingHeader    = []string{"id", "secretary_id", "date", "kind", "points", "title", "days"}
	actionHeader      = []string{"id", "secretary_id", "date", "kind", "year", "reason", "by"}
	grades            = []string{"优秀", "称职", "基本称职", "不称职"}
	gradeMinHundredth = []int{9000, 7500, 6000, 0} // default rules.toml thresholds, in 0.01 points
)

// Write writes a complete site source into dir: site.toml, data/townships.toml, data/*.csv
// (actions.csv among them),
// data/trainings/<year>.csv, content/_index.md, content/about.md and content/reports/2024.md.
// It creates dir if needed and overwrites those files. Other forms of the same tables
// (data/villages.toml, data/trainings.csv, …) are removed, since the loader would otherwise read
// their rows twice; nothing else in dir is touched.
func Write(dir string, o Options) error {
	if o.Villages < 1 {
		return fmt.Errorf("sample: Villages must be at least 1, got %d", o.Villages)
	}
	if o.County == "" {
		o.County = defaultCounty
	}
	for _, d := range []string{"data/trainings", "content/reports"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return fmt.Errorf("sample: %w", err)
		}
	}
	if err := removeOtherForms(dir); err != nil {
		return err
	}
	small := []struct{ path, text string }{
		{"site.toml", siteTOML(o)},
		{"content/_index.md", indexMarkdown(o.County)},
		{"content/about.md", aboutMarkdown(o.County)},
		{"content/reports/2024.md", report2024Markdown(o.County)},
	}
	for _, f := range small {
		if err := os.WriteFile(filepath.Join(dir, f.path), []byte(f.text), 0o644); err != nil {
			return fmt.Errorf("sample: %w", err)
		}
	}

	g := newGenerator(o)
	townships := g.townships()
	if err := os.WriteFile(filepath.Join(dir, "data", "townships.toml"), townshipsTOML(townships), 0o644); err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	if err := g.open(dir); err != nil {
		g.close()
		return err
	}
	seq := 0
	for _, t := range townships {
		names := make(map[string]bool, t.villages)
		for range t.villages {
			g.village(seq, t, names)
			seq++
		}
	}
	return g.close()
}

// removeOtherForms deletes the alternative files of the tables Write produces (DESIGN.md allows
// data/<table>.csv, .toml or data/<table>/), so that a rewritten directory loads cleanly.
func removeOtherForms(dir string) error {
	others := []string{
		"townships.csv", "villages.toml", "secretaries.toml", "pledges.toml", "pledge_updates.toml",
		"appraisals.toml", "hearings.toml", "hearing_questions.toml", "trainings.csv", "trainings.toml",
		"actions.toml",
	}
	for _, name := range others {
		err := os.Remove(filepath.Join(dir, "data", name))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("sample: %w", err)
		}
	}
	return nil
}

// ---- dates -----------------------------------------------------------------------------------

// day is a civil date counted in days since 1970-01-01. The generator does date arithmetic on
// plain integers: faster than time.Time and free of time zones.
type day int32

// mkday returns the day of a proleptic Gregorian date (after H. Hinnant, "days_from_civil").
func mkday(y, m, d int) day {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return day(era*146097 + doe - 719468)
}

// civil returns the year, month and day of d.
func (d day) civil() (y, m, dd int) {
	z := int(d) + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
		y++
	}
	return y, m, dd
}

func (d day) year() int { y, _, _ := d.civil(); return y }

// String returns d as YYYY-MM-DD, or "" for the zero day (an empty optional cell).
func (d day) String() string {
	if d == 0 {
		return ""
	}
	y, m, dd := d.civil()
	b := [10]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + dd/10), byte('0' + dd%10),
	}
	return string(b[:])
}

// ---- output tables ---------------------------------------------------------------------------

// csvFile is one streamed CSV table: UTF-8 without BOM, LF line ends.
type csvFile struct {
	f   *os.File
	bw  *bufio.Writer
	cw  *csv.Writer
	err error
}

func createCSV(path string, header []string) (*csvFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("sample: %w", err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	c := &csvFile{f: f, bw: bw, cw: csv.NewWriter(bw)} // csv reuses bw: it is big enough
	c.write(header)
	return c, nil
}

func (c *csvFile) write(rec []string) {
	if err := c.cw.Write(rec); err != nil && c.err == nil {
		c.err = err
	}
}

func (c *csvFile) close() error {
	c.cw.Flush()
	err := c.err
	if err == nil {
		err = c.cw.Error()
	}
	if err == nil {
		err = c.bw.Flush()
	}
	if cerr := c.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sample: %s: %w", c.f.Name(), err)
	}
	return nil
}

// ---- generator -------------------------------------------------------------------------------

// generator holds the random stream, the ID counters and the open tables. It is used by one
// Write call only.
type generator struct {
	r  *rand.Rand
	r2 *rand.Rand // the other stream: see aside
	o  Options

	// ID widths (V0001, S00001, P000001, H00001, TR000001), one digit wider per decade of
	// villages beyond 9,999 so that IDs keep sorting in creation order at large sizes.
	wTownship, wVillage, wSec, wPledge, wHearing, wTraining int
	nSec, nPledge, nHearing, nTraining                      int
	nAction, nScheduled                                     int
	asideDepth                                              int // > 0 while drawing from r2

	villages, secretaries, pledges, updates, appraisals, hearings, questions, actions *csvFile
	trainings                                                                         [nYears]*csvFile

	tok tokens
	// Per-village scratch space, reused to keep allocations flat.
	secs      []*secretary
	specs     []pledgeSpec
	days      []day
	trainRows []trainingRow
	rec       [16]string
}

func newGenerator(o Options) *generator {
	g := &generator{
		r:  rand.New(rand.NewPCG(uint64(o.Seed), pcgStream)),
		r2: rand.New(rand.NewPCG(uint64(o.Seed), pcgAside)),
		o:  o,
	}
	extra := 0
	if o.Villages > 9999 {
		extra = len(strconv.Itoa(o.Villages)) - 4
	}
	g.wVillage, g.wSec, g.wPledge, g.wHearing, g.wTraining = 4+extra, 5+extra, 6+extra, 5+extra, 6+extra
	g.wTownship = max(2, len(strconv.Itoa(townshipCount(o.Villages))))
	return g
}

// open creates every CSV table and writes its header.
func (g *generator) open(dir string) error {
	type file struct {
		dst    **csvFile
		name   string
		header []string
	}
	files := []file{
		{&g.villages, "villages.csv", villageHeader},
		{&g.secretaries, "secretaries.csv", secretaryHeader},
		{&g.pledges, "pledges.csv", pledgeHeader},
		{&g.updates, "pledge_updates.csv", pledgeUpdateHdr},
		{&g.appraisals, "appraisals.csv", appraisalHeader},
		{&g.hearings, "hearings.csv", hearingHeader},
		{&g.questions, "hearing_questions.csv", hearingQuestHdr},
		{&g.actions, "actions.csv", actionHeader},
	}
	for i := range g.trainings {
		files = append(files, file{&g.trainings[i], filepath.Join("trainings", strconv.Itoa(firstYear+i)+".csv"), trainingHeader})
	}
	for _, f := range files {
		c, err := createCSV(filepath.Join(dir, "data", f.name), f.header)
		if err != nil {
			return err
		}
		*f.dst = c
	}
	return nil
}

// close flushes and closes every open table and returns the first error.
func (g *generator) close() error {
	all := []*csvFile{g.villages, g.secretaries, g.pledges, g.updates, g.appraisals, g.hearings, g.questions, g.actions}
	all = append(all, g.trainings[:]...)
	var first error
	for _, c := range all {
		if c == nil {
			continue
		}
		if err := c.close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// ---- random helpers --------------------------------------------------------------------------

func (g *generator) intIn(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// weighted returns an index into weights, drawn in proportion to them.
func (g *generator) weighted(weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := g.r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

func (g *generator) norm(mean, sd float64) float64 { return mean + sd*g.r.NormFloat64() }

// between returns a random day in [a, b]; a when b < a.
func (g *generator) between(a, b day) day {
	if b <= a {
		return a
	}
	return a + day(g.r.IntN(int(b-a)+1))
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

func makeID(prefix string, n, width int) string {
	digits := strconv.Itoa(n)
	if len(digits) >= width {
		return prefix + digits
	}
	return prefix + strings.Repeat("0", width-len(digits)) + digits
}

// tenths formats v/10 with one decimal.
func tenths(v int) string { return strconv.Itoa(v/10) + "." + strconv.Itoa(v%10) }

// hundredths formats v/100 with two decimals.
func hundredths(v int) string {
	s := strconv.Itoa(v % 100)
	if len(s) == 1 {
		s = "0" + s
	}
	return strconv.Itoa(v/100) + "." + s
}

func itoaOrEmpty(v int, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.Itoa(v)
}

// ---- names -----------------------------------------------------------------------------------

// personName returns a fictional Chinese name: a surname (common ones more often) and one or
// two given-name characters.
func (g *generator) personName(female bool) string {
	u := g.r.Float64()
	name := surnames[int(u*u*float64(len(surnames)))]
	given := givenMale
	if female {
		given = givenFemale
	}
	a := g.pick(given)
	if g.chance(0.25) {
		return name + a
	}
	b := g.pick(given)
	for b == a {
		b = g.pick(given)
	}
	return name + a + b
}

// placeStem returns a two-character place-name stem such as 青石, 下湾 or 张家.
func (g *generator) placeStem(village bool) string {
	switch k := g.r.IntN(20); {
	case !village || k < 12:
		a, b := g.pick(placeFirst), g.pick(placeSecond)
		for a == b {
			b = g.pick(placeSecond)
		}
		return a + b
	case k < 17:
		return g.pick(placePosition) + g.pick(placeSecond)
	default:
		return surnames[g.r.IntN(40)] + g.pick(clanSuffix)
	}
}

// uniqueName draws names from stem until one is not in used; after many collisions it falls
// back to three-character stems and finally to a numbered name, so it always terminates.
func (g *generator) uniqueName(used map[string]bool, stem func() string, suffix string) string {
	for i := 0; ; i++ {
		var s string
		switch {
		case i < 40:
			s = stem() + suffix
		case i < 80:
			s = g.pick(placePosition) + stem() + suffix
		default:
			s = stem() + strconv.Itoa(i) + suffix
		}
		if !used[s] {
			used[s] = true
			return s
		}
	}
}

// groupName returns a villagers' group (村民小组) such as 下湾组 or 三组.
func (g *generator) groupName() string {
	if g.chance(0.6) {
		return g.pick(placePosition) + g.pick(placeSecond) + "组"
	}
	return g.pick(numerals) + "组"
}

// ---- tokens in text templates ----------------------------------------------------------------

// tokens holds the values drawn for one text (a pledge, a hearing, a training title), so that
// the same {token} reads the same everywhere in it.
type tokens struct {
	names, values []string
}

func (t *tokens) reset() { t.names, t.values = t.names[:0], t.values[:0] }

func (t *tokens) set(name, value string) {
	t.names = append(t.names, name)
	t.values = append(t.values, value)
}

// fill replaces every {name} in s, drawing a value on first use.
func (g *generator) fill(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(g.token(s[i+1 : i+j]))
		s = s[i+j+1:]
	}
}

func (g *generator) token(name string) string {
	for i, n := range g.tok.names {
		if n == name {
			return g.tok.values[i]
		}
	}
	var v string
	switch name {
	case "n":
		v = strconv.Itoa(g.intIn(1, 5))
	case "n2":
		v = strconv.Itoa(g.intIn(2, 10))
	case "km":
		v = tenths(g.intIn(8, 60))
	case "m":
		v = strconv.Itoa(50 * g.intIn(4, 60))
	case "mu":
		v = strconv.Itoa(10 * g.intIn(2, 50))
	case "hh":
		v = strconv.Itoa(g.intIn(12, 150))
	case "wan":
		v = strconv.Itoa(g.intIn(3, 80))
	case "kw":
		v = strconv.Itoa(10 * g.intIn(5, 50))
	case "pct2":
		v = strconv.Itoa(g.intIn(85, 98))
	case "w":
		v = g.pick([]string{"3.5", "4", "4.5", "5", "6"})
	case "cnt":
		v = strconv.Itoa(g.intIn(20, 120))
	case "sqm":
		v = strconv.Itoa(100 * g.intIn(3, 30))
	case "bm":
		v = strconv.Itoa(g.intIn(8, 40))
	case "yuan":
		v = strconv.Itoa(50 * g.intIn(6, 30))
	case "grp":
		v = g.groupName()
	case "crop":
		v = g.pick(crops)
	default:
		v = "{" + name + "}" // a template error; shows up in review, never panics
	}
	g.tok.set(name, v)
	return v
}

// ---- townships -------------------------------------------------------------------------------

type township struct {
	id, name string
	villages int
	election day // the 2021 换届 date around which its villages elected their secretaries
}

func townshipCount(villages int) int {
	n := max(1, villages/18)
	if villages >= 150 {
		n = max(n, 8)
	}
	return n
}

// townships returns the townships with their names and a varied number of villages that sums
// to Options.Villages (each at least one).
func (g *generator) townships() []township {
	n := townshipCount(g.o.Villages)
	ts := make([]township, n)
	weights := make([]float64, n)
	sum := 0.0
	for i := range weights {
		weights[i] = 0.6 + 0.8*g.r.Float64()
		sum += weights[i]
	}
	spare := g.o.Villages - n
	left := spare
	used := make(map[string]bool, n)
	for i := range ts {
		extra := int(float64(spare) * weights[i] / sum)
		left -= extra
		suffix := "镇"
		if g.chance(0.35) {
			suffix = "乡"
		}
		ts[i] = township{
			id:       makeID("T", i+1, g.wTownship),
			name:     g.uniqueName(used, func() string { return g.placeStem(false) }, suffix),
			villages: 1 + extra,
			election: mkday(firstYear, 1, 5) + day(g.r.IntN(70)),
		}
	}
	for i := 0; left > 0; i = (i + 1) % n {
		ts[i].villages++
		left--
	}
	return ts
}

func townshipsTOML(ts []township) []byte {
	var b strings.Builder
	b.WriteString("# 乡镇（虚构示例）。Townships of a fictional county.\n")
	for _, t := range ts {
		b.WriteString("\n[[townships]]\nid = ")
		b.WriteString(tomlString(t.id))
		b.WriteString("\nname = ")
		b.WriteString(tomlString(t.name))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ---- villages --------------------------------------------------------------------------------

// village writes one village and everything that belongs to it. seq is its 0-based position
// in the county.
func (g *generator) village(seq int, t township, names map[string]bool) {
	id := makeID("V", seq+1, g.wVillage)
	name := g.uniqueName(names, func() string { return g.placeStem(true) }, "村")
	pop := clamp(int(math.Exp(g.norm(math.Log(2200), 0.45))), 800, 6000)
	households := int(float64(pop) / (2.6 + 1.1*g.r.Float64()))
	members := clamp(int(float64(pop)*(0.025+0.02*g.r.Float64())), 20, 150)
	income := 0
	if !g.chance(0.07) {
		income = clamp(int(math.Exp(g.norm(math.Log(180000), 0.9))), 5000, 2000000)
	}
	phone := g.pick(phonePrefixes) + "****" + fmt.Sprintf("%04d", g.r.IntN(10000))
	rec := g.rec[:8]
	rec[0], rec[1], rec[2] = id, name, t.id
	rec[3], rec[4], rec[5] = strconv.Itoa(pop), strconv.Itoa(households), strconv.Itoa(members)
	rec[6], rec[7] = strconv.Itoa(income), phone
	g.villages.write(rec)

	// A couple of villages in every county rate 不称职 two years running and have their
	// secretary replaced (组织调整) the year after. The second of them recorded neither the
	// leave reason nor the adjustment, so that every county's attention list has a 须调整
	// with no action.
	poor := g.chance(0.008) || (g.o.Villages >= 10 && (seq == g.o.Villages/3 || seq == 2*g.o.Villages/3))
	poorYear := 0
	if poor {
		poorYear = firstYear + g.r.IntN(3)
	}
	end := endsOrdinarily
	switch {
	case poor && g.o.Villages >= 10 && seq == 2*g.o.Villages/3:
		end = endsUnrecorded
	case poor:
		end = endsForCause
	}
	g.secretariesOf(id, t.election+day(g.r.IntN(8)), poorYear, end)
	g.appraisalsOf(id, poorYear)
	g.trainingsOf()
	g.pledgesOf(id)
	g.hearingsOf(id, members)
	g.aside(func() {
		g.actionsOf(t)
		g.scheduledHearing(id)
	})
}

// ---- secretaries -----------------------------------------------------------------------------

type secretary struct {
	id, role   string
	start, end day    // end == 0: still serving
	leave      string // leave_reason ("" while serving, and for some terms that ended)
	quality    float64
	// grade[i] is the grade index this secretary received for firstYear+i, or -1.
	grade [nYears]int8
}

func (s *secretary) serving(d day) bool { return s.start <= d && (s.end == 0 || d <= s.end) }

// secretariesOf creates the village's secretaries: a 书记 elected in early 2021, replaced once in
// about a fifth of the villages, and in about a tenth a 第一书记 (possibly two in succession).
func (g *generator) secretariesOf(villageID string, elected day, poorYear int, firstEnds ending) {
	g.secs = g.secs[:0]
	var change day // the first term's last day, if it ended
	switch {
	case poorYear != 0:
		change = mkday(poorYear+2, g.intIn(2, 5), g.intIn(1, 28))
	case g.chance(0.19):
		y := g.intIn(firstYear, lastYear)
		lo, hi := 2, 10
		if y == firstYear {
			lo = 9
		} else if y == lastYear {
			hi = 6
		}
		change = mkday(y, g.intIn(lo, hi), g.intIn(1, 28))
	}
	first := g.newSecretary(villageID, roleSecretary, elected, change, sourceWeightsElected, firstEnds)
	if poorYear != 0 {
		first.quality = g.norm(72, 3)
	}
	if change != 0 {
		// The successor takes office the day after or up to a month later, never in the
		// last month of a year, so that every year ends with a 书记 to appraise.
		start := change + 1
		if !g.chance(0.4) {
			start += day(g.r.IntN(30))
		}
		g.newSecretary(villageID, roleSecretary, start, 0, sourceWeightsReplacement, endsOrdinarily)
	}
	if g.chance(0.10) {
		start := g.between(mkday(firstYear, 3, 1), mkday(2024, 6, 30))
		end := start + day(g.intIn(700, 760))
		if end >= asOf {
			end = 0
		}
		g.newSecretary(villageID, roleFirst, start, end, nil, endsOrdinarily)
		if end != 0 && end < asOf-60 && g.chance(0.6) {
			start = end + 1 + day(g.r.IntN(30))
			end = start + day(g.intIn(700, 760))
			if end >= asOf {
				end = 0
			}
			g.newSecretary(villageID, roleFirst, start, end, nil, endsOrdinarily)
		}
	}
}

// ending says why a term that ends does, as far as it is decided when the term is created.
type ending uint8

const (
	endsOrdinarily ending = iota // any leave reason of leaveReason, or none
	endsForCause                 // 组织调整 after two years rated 不称职, recorded as such
	endsUnrecorded               // the same, but the county recorded no leave reason (and no action)
)

// newSecretary writes one secretary row and appends it to g.secs; ends says why the term
// ends, if it does.
func (g *generator) newSecretary(villageID, role string, start, end day, sourceWeights []int, ends ending) *secretary {
	g.nSec++
	s := &secretary{id: makeID("S", g.nSec, g.wSec), role: role, start: start, end: end, quality: g.norm(83, 4.5)}
	for i := range s.grade {
		s.grade[i] = -1
	}
	g.secs = append(g.secs, s)

	var source string
	if role == roleFirst {
		source = "机关下派"
		if g.chance(0.3) {
			source = "驻村干部"
		}
	} else {
		source = sources[g.weighted(sourceWeights...)]
	}
	female := g.chance(0.2)
	var birth, edu int
	switch source {
	case "大学生村官":
		birth, edu = g.intIn(1986, 1995), 3+g.weighted(10, 80, 10)
	case "机关下派":
		birth, edu = g.intIn(1975, 1993), 3+g.weighted(20, 60, 20)
	case "驻村干部":
		birth, edu = g.intIn(1970, 1990), 2+g.weighted(10, 40, 50)
	case "离岗干部":
		birth, edu = g.intIn(1960, 1972), 1+g.weighted(30, 30, 40)
	default:
		birth, edu = 1960+g.r.IntN(16)+g.r.IntN(16), g.weighted(20, 35, 20, 20, 5)
	}
	dual := false
	if role == roleSecretary {
		p := 0.45
		if source == "本地能人" || source == "外出能人回乡" {
			p = 0.7
		}
		dual = g.chance(p)
	}
	gender, dualText := "男", "否"
	if female {
		gender = "女"
	}
	if dual {
		dualText = "是"
	}
	if end != 0 {
		g.aside(func() { s.leave = g.leaveReason(role, end.year()-birth, ends) })
	}
	rec := g.rec[:12]
	rec[0], rec[1], rec[2], rec[3] = s.id, g.personName(female), villageID, role
	rec[4], rec[5], rec[6], rec[7] = start.String(), end.String(), gender, strconv.Itoa(birth)
	rec[8], rec[9], rec[10], rec[11] = educations[edu], source, dualText, s.leave
	g.secretaries.write(rec)
	return s
}

// secretaryAt returns the village's secretary of the given role serving on d, or nil.
func (g *generator) secretaryAt(role string, d day) *secretary {
	for _, s := range g.secs {
		if s.role == role && s.serving(d) {
			return s
		}
	}
	return nil
}

// ---- appraisals ------------------------------------------------------------------------------

// appraisalsOf writes one row a year for the 书记 serving at the end of that year. The three
// votes are drawn around the secretary's quality; total and grade are left for the build to
// compute on most rows, and given (consistent with the default rules) on about one in ten.
func (g *generator) appraisalsOf(villageID string, poorYear int) {
	for y := firstYear; y <= lastYear; y++ {
		s := g.secretaryAt(roleSecretary, mkday(y, 12, 31))
		if s == nil {
			continue
		}
		poorNow := poorYear != 0 && (y == poorYear || y == poorYear+1)
		var m, b, o int // scores in tenths
		if poorNow {
			m, b, o = g.intIn(420, 590), g.intIn(450, 595), g.intIn(430, 590)
		} else {
			base := s.quality + g.norm(0, 2.5)
			if g.chance(0.03) {
				base -= 15
			}
			score := func(sd, bias float64) int { return clamp(int(math.Round(10*g.norm(base+bias, sd))), 0, 995) }
			m, b, o = score(4, -0.5), score(3.5, 1), score(3, 0)
		}
		total := 4*m + 3*b + 3*o // exact, in 0.01 points
		grade := 0
		for grade < len(grades)-1 && total < gradeMinHundredth[grade] {
			grade++
		}
		s.grade[y-firstYear] = int8(grade)

		var secStars, teamStars int
		switch {
		case total >= 9500:
			secStars, teamStars = g.intIn(9, 10), 5
		case total >= 9000:
			secStars, teamStars = g.intIn(8, 9), g.intIn(4, 5)
		case total >= 8500:
			secStars, teamStars = g.intIn(6, 8), g.intIn(3, 5)
		case total >= 7500:
			secStars, teamStars = g.intIn(4, 6), g.intIn(2, 4)
		case total >= 6000:
			secStars, teamStars = g.intIn(2, 4), g.intIn(1, 3)
		default:
			secStars, teamStars = g.intIn(0, 1), g.intIn(0, 1)
		}

		note := ""
		switch {
		case poorNow && y == poorYear:
			note = "年度考评不称职，乡镇党委已进行谈话诫勉"
		case poorNow:
			note = "连续两年不称职，按程序进行组织调整"
		case s.start.year() == y && s.start > mkday(y, 6, 30):
			note = "年内新任职，任职不满半年"
		case grade == 0 && g.chance(0.3):
			note = appraisalNotes[0]
		case g.chance(0.05):
			note = appraisalNotes[1+g.r.IntN(len(appraisalNotes)-1)]
		}

		given := g.chance(0.1)
		rec := g.rec[:11]
		rec[0], rec[1], rec[2] = strconv.Itoa(y), villageID, s.id
		rec[3], rec[4], rec[5] = tenths(m), tenths(b), tenths(o)
		rec[6], rec[7] = "", ""
		if given {
			rec[6], rec[7] = hundredths(total), grades[grade]
		}
		rec[8], rec[9], rec[10] = strconv.Itoa(secStars), strconv.Itoa(teamStars), note
		g.appraisals.write(rec)
	}
}

// ---- trainings -------------------------------------------------------------------------------

// Training kinds, as indexes into trainingKinds.
const (
	tkCentral    = iota // 集中培训
	tkGroupStudy        // 集体学习
	tkEssay             // 心得体会
	tkAway              // 异地培训
	tkRemote            // 远程教育
	tkOther             // 其他
)

type trainingRow struct{ kind, points, days int }

// trainingsOf writes each secretary's training records per year served. A secretary appraised
// for a year gets a full year's points (at least 90 when rated 优秀, usually under 60 when
// rated 不称职); one who served part of a year gets a share.
func (g *generator) trainingsOf() {
	for _, s := range g.secs {
		for y := firstYear; y <= lastYear; y++ {
			from, to := max(s.start, mkday(y, 1, 1)), mkday(y, 12, 31)
			if s.end != 0 {
				to = min(to, s.end)
			}
			if to < from {
				continue
			}
			frac := float64(to-from+1) / 365
			grade := s.grade[y-firstYear]
			var target float64
			switch grade {
			case -1:
				if frac < 0.08 {
					continue
				}
				target = g.norm(78, 9) * frac
			case 0:
				target = float64(g.intIn(92, 105))
			case 3:
				target = float64(g.intIn(40, 58))
			default:
				target = min(max(g.norm(78, 9), 45), 100)
			}
			g.trainingYear(s, y, from, to, target, grade >= 0 || frac > 0.5)
		}
	}
}

func (g *generator) trainingYear(s *secretary, y int, from, to day, target float64, full bool) {
	rows := g.trainRows[:0]
	sum := 0
	if full {
		// Days of concentrated training (集中培训 + 异地培训); most reach the 7 required,
		// in sessions of two to five days.
		days := g.intIn(7, 13)
		if g.chance(0.15) {
			days = g.intIn(3, 6)
		}
		if days >= 8 && g.chance(0.5) {
			away := g.intIn(3, min(5, days-3))
			rows = append(rows, trainingRow{kind: tkAway, days: away, points: clamp(8+2*away, 10, 15)})
			days -= away
		}
		for days > 0 {
			d := min(days, g.intIn(2, 5))
			if days-d == 1 {
				d = days
			}
			rows = append(rows, trainingRow{kind: tkCentral, days: d, points: clamp(8+2*d, 10, 20)})
			days -= d
		}
		for _, r := range rows {
			sum += r.points
		}
	}
	for float64(sum) < target {
		var r trainingRow
		switch g.weighted(35, 25, 22, 18) {
		case 0:
			r = trainingRow{kind: tkGroupStudy, points: 3}
		case 1:
			r = trainingRow{kind: tkEssay, points: 5}
		case 2:
			r = trainingRow{kind: tkRemote, points: g.intIn(4, 8)} // by course length
		default:
			r = trainingRow{kind: tkOther, points: g.intIn(5, 10)}
		}
		rows = append(rows, r)
		sum += r.points
	}
	g.r.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	ds := g.days[:0]
	for range rows {
		ds = append(ds, g.between(from, to))
	}
	slices.Sort(ds)
	out := g.trainings[y-firstYear]
	rec := g.rec[:7]
	for i := range rows {
		r := &rows[i]
		g.nTraining++
		g.tok.reset()
		g.tok.set("Y", strconv.Itoa(y))
		rec[0], rec[1], rec[2] = makeID("TR", g.nTraining, g.wTraining), s.id, ds[i].String()
		rec[3], rec[4] = trainingKinds[r.kind], strconv.Itoa(r.points)
		rec[5] = g.fill(g.pick(trainingTitles[r.kind]))
		rec[6] = itoaOrEmpty(r.days, r.days > 0)
		out.write(rec)
	}
	g.trainRows, g.days = rows, ds
}

// ---- pledges ---------------------------------------------------------------------------------

type pledgeSpec struct {
	kind, category int
	made, due      day // due == 0: no deadline given
	sec            *secretary
	tpl            *pledgeTemplate // nil until drawn; a replacement keeps its original's
}

// pledgesOf writes 6–12 pledges of the village, in the order they were made, each with its
// timeline of updates.
func (g *generator) pledgesOf(villageID string) {
	var books []*secretary // the 书记 terms, in order
	for _, s := range g.secs {
		if s.role == roleSecretary {
			books = append(books, s)
		}
	}
	specs := g.specs[:0]
	for range g.intIn(6, 12) {
		var p pledgeSpec
		p.kind = g.weighted(25, 30, 45)
		p.category = g.weighted(20, 35, 30, 15)
		switch p.kind {
		case 0: // 选前承诺, made when the term starts
			p.sec = books[0]
			if len(books) > 1 && g.chance(0.25) {
				p.sec = books[1]
			}
			p.made = p.sec.start
			if !g.chance(0.05) {
				p.due = mkday(min(p.made.year()+g.r.IntN(6), 2026), 12, 31)
			}
		case 1: // 任期目标, set within two months of taking office
			p.sec = books[0]
			if len(books) > 1 && g.chance(0.35) {
				p.sec = books[1]
			}
			p.made = p.sec.start + day(g.intIn(15, 60))
			if !p.sec.serving(p.made) {
				p.made = p.sec.start
			}
			y := min(p.made.year()+1+g.r.IntN(5), 2026)
			if g.chance(0.3) {
				p.due = mkday(y, 6, 30)
			} else {
				p.due = mkday(y, 12, 31)
			}
		default: // 年度实事, made early in the year
			y := g.intIn(firstYear, lastYear)
			p.made = mkday(y, 1, 15) + day(g.r.IntN(75))
			p.sec = g.secretaryAt(roleSecretary, p.made)
			if p.sec == nil { // before the election or between two terms
				for _, s := range books {
					if s.start > p.made {
						p.sec = s
						break
					}
				}
				p.made = p.sec.start + day(g.r.IntN(10))
			}
			if f := g.secretaryAt(roleFirst, p.made); f != nil && g.chance(0.3) {
				p.sec = f
				p.category = 2 // first secretaries mostly take on development projects
			}
			switch g.weighted(15, 20, 65) {
			case 0:
				p.due = mkday(y, 6, 30)
			case 1:
				p.due = mkday(y, 9, 30)
			default:
				p.due = mkday(y, 12, 31)
			}
			if p.due < p.made {
				p.due = mkday(p.made.year(), 12, 31)
			}
		}
		specs = append(specs, p)
	}
	slices.SortStableFunc(specs, func(a, b pledgeSpec) int { return int(a.made) - int(b.made) })
	for i := range specs {
		g.pledge(villageID, &specs[i])
	}
	g.specs = specs
}

func (g *generator) pledge(villageID string, p *pledgeSpec) {
	g.nPledge++
	g.writePledge(villageID, makeID("P", g.nPledge, g.wPledge), p, "")
}

// writePledge writes pledge id with its updates. For a 已调整 pledge it usually writes the
// pledge that replaces it too (see replacement); replaces names the pledge this one replaces
// ("" for most), and a replacement is not itself revised again.
func (g *generator) writePledge(villageID, id string, p *pledgeSpec, replaces string) {
	s := p.sec
	cut := s.end != 0 && (p.due == 0 || p.due > s.end) // the term ended before the deadline
	past := p.due != 0 && p.due < asOf
	var status string
	switch {
	case cut:
		status = []string{stRevised, stPartly, stFailed, stDone}[g.weighted(40, 25, 15, 20)]
	case past:
		status = []string{stDone, stPartly, stFailed, stRevised, stInProgress, stNotStarted}[g.weighted(76, 6, 6, 5, 5, 2)]
	default:
		status = []string{stInProgress, stDone, stNotStarted, stPartly, stRevised}[g.weighted(50, 22, 15, 6, 7)]
	}
	if status == stRevised && replaces != "" {
		status = stPartly
		if !cut && !past {
			status = stInProgress
		}
	}

	var progress int
	switch status {
	case stDone:
		progress = 100
	case stNotStarted:
		progress = 0
	case stInProgress:
		progress = 5 * g.intIn(1, 19)
	case stPartly:
		progress = 5 * g.intIn(6, 18)
	case stFailed:
		progress = 5 * g.intIn(0, 12)
	case stRevised:
		progress = 5 * g.intIn(0, 18)
	}

	// last: the date of the latest update (updated_on).
	limit := asOf
	if s.end != 0 {
		limit = min(limit, s.end+20)
	}
	var last day
	switch {
	case status == stDone && p.due != 0:
		last = p.made + day(float64(p.due-p.made)*(0.5+0.5*g.r.Float64()))
		if g.chance(0.1) {
			last += day(g.intIn(10, 60)) // done, but late
		}
	case status == stDone:
		last = g.between(p.made+30, limit)
	case cut:
		last = s.end + day(g.r.IntN(20))
	case (status == stFailed || status == stRevised) && past:
		last = p.due + day(g.intIn(-30, 30))
	case status == stFailed || status == stRevised:
		last = g.between(p.made, limit)
	default:
		last = g.between(max(p.made, asOf-180), asOf)
	}
	last = min(max(last, p.made), limit, asOf)

	g.tok.reset()
	if p.tpl == nil {
		p.tpl = &pledgeTemplates[p.category][g.r.IntN(len(pledgeTemplates[p.category]))]
	}
	tpl := p.tpl
	title, target, detail := g.fill(tpl.title), g.fill(tpl.target), g.fill(tpl.detail)
	if g.chance(0.1) {
		detail = ""
	}
	evidence := ""
	switch {
	case status == stDone && g.chance(0.45):
		evidence = "https://www.example.gov.cn/cwgk/" + villageID + "/" + id + ".html"
	case status == stDone && g.chance(0.6):
		evidence = g.pick(evidenceTexts)
	case (status == stPartly || status == stInProgress) && g.chance(0.2):
		evidence = g.pick(evidenceTexts)
	}

	if replaces != "" {
		detail += "原承诺 " + replaces + " 调整后重新承诺，经乡镇党委审核同意。"
	}
	var next *pledgeSpec
	replacedBy := ""
	if status == stRevised {
		g.aside(func() { next = g.replacement(p, last) })
		if next != nil {
			replacedBy = id + "-2"
		}
	}

	rec := g.rec[:15]
	rec[0], rec[1], rec[2], rec[3] = id, villageID, s.id, pledgeKinds[p.kind]
	rec[4], rec[5], rec[6], rec[7] = pledgeCategories[p.category], title, p.made.String(), status
	rec[8], rec[9], rec[10], rec[11] = detail, target, p.due.String(), strconv.Itoa(progress)
	rec[12], rec[13], rec[14] = last.String(), evidence, replacedBy
	g.pledges.write(rec)

	g.pledgeUpdates(id, p.made, last, status, progress)
	if next != nil {
		g.aside(func() { g.writePledge(villageID, replacedBy, next, id) })
	}
}

// pledgeUpdates writes 0–4 updates dated in (made, last], the last one on last with the
// pledge's own status and progress; progress never goes down.
func (g *generator) pledgeUpdates(id string, made, last day, status string, progress int) {
	n := 0
	switch {
	case status == stNotStarted:
		n = g.r.IntN(2)
	case g.chance(0.8):
		n = g.intIn(1, 4)
	}
	if n == 0 {
		return
	}
	n = min(n, int(last-made)+1)
	// n-1 distinct earlier dates, then last.
	ds := g.days[:0]
	for range n - 1 {
		d := g.between(made, last-1)
		if !slices.Contains(ds, d) {
			ds = append(ds, d)
		}
	}
	slices.Sort(ds)
	ds = append(ds, last)

	ceiling := progress
	if status == stDone {
		ceiling = 95
	}
	ps := make([]int, 0, 4)
	for range len(ds) - 1 {
		ps = append(ps, 5*g.r.IntN(ceiling/5+1))
	}
	slices.Sort(ps)
	ps = append(ps, progress)

	rec := g.rec[:5]
	for i, d := range ds {
		st := status
		if i < len(ds)-1 {
			st = stInProgress
			if ps[i] == 0 {
				st = stNotStarted
			}
		}
		g.tok.reset()
		g.tok.set("p", strconv.Itoa(ps[i]))
		rec[0], rec[1], rec[2], rec[3] = id, d.String(), st, strconv.Itoa(ps[i])
		rec[4] = g.fill(g.pick(updateNotes[st]))
		g.updates.write(rec)
	}
	g.days = ds
}

// ---- hearings --------------------------------------------------------------------------------

// hearingsOf writes, for about two villages in three, 0–3 hearings a year with their questions.
func (g *generator) hearingsOf(villageID string, villageMembers int) {
	if !g.chance(0.65) {
		return
	}
	type planned struct {
		date  day
		topic *hearingTopic
	}
	var plan [3]planned
	for y := firstYear; y <= lastYear; y++ {
		hs := plan[:g.weighted(15, 40, 30, 15)]
		for i := range hs {
			tp := &hearingTopics[g.r.IntN(len(hearingTopics))]
			last := mkday(y, 12, 20)
			if tp.early {
				last = mkday(y, 3, 31)
			}
			hs[i] = planned{g.between(mkday(y, 1, 8), last), tp}
		}
		slices.SortStableFunc(hs, func(a, b planned) int { return int(a.date) - int(b.date) })
		for _, h := range hs {
			g.hearing(villageID, villageMembers, h.date, h.topic)
		}
	}
}

func (g *generator) hearing(villageID string, villageMembers int, date day, tp *hearingTopic) {
	g.nHearing++
	id := makeID("H", g.nHearing, g.wHearing)
	outcome := hearingOutcomes[g.weighted(70, 12, 6, 7, 5)]

	party := max(8, int(float64(villageMembers)*(0.35+0.4*g.r.Float64())))
	reps := g.intIn(10, 30)
	experts := 0
	if tp.experts {
		experts = g.intIn(1, 3)
	} else if g.chance(0.1) {
		experts = 1
	}
	attendees := party + reps + experts + g.r.IntN(8)

	var vFor, vAgainst, vAbstain int
	voted := outcome != "撤回" && (outcome != "暂缓" || g.chance(0.4))
	if voted {
		cast := attendees - g.r.IntN(min(6, attendees/5)+1)
		var lo, hi float64
		switch outcome {
		case "通过":
			lo, hi = 0.72, 0.98
		case "修改后通过":
			lo, hi = 0.55, 0.9
		default: // 未通过, 暂缓
			lo, hi = 0.15, 0.5
		}
		vFor = int(float64(cast) * (lo + (hi-lo)*g.r.Float64()))
		if outcome == "通过" || outcome == "修改后通过" {
			vFor = max(vFor, cast/2+1)
		} else {
			vFor = min(vFor, cast/2)
		}
		vFor = min(vFor, cast)
		rest := cast - vFor
		vAgainst = g.r.IntN(rest + 1)
		if outcome == "未通过" {
			vAgainst = rest - g.r.IntN(rest/3+1)
		}
		vAbstain = rest - vAgainst
	}

	g.tok.reset()
	g.tok.set("Y", strconv.Itoa(date.year()))
	topic := g.fill(tp.topic)
	g.tok.set("topic", "《"+topic+"》")
	summary := g.fill(g.pick(hearingSummaries[outcome]))
	if g.chance(0.15) {
		summary += "\n会议记录和表决结果已在村务公开栏公示。" // a cell with a line break
	}
	followUp := g.pick(hearingFollowUps[outcome])
	if (outcome == "通过" || outcome == "修改后通过") && date > asOf-60 {
		followUp = "正在组织实施。"
	}

	rec := g.rec[:16]
	rec[0], rec[1], rec[2], rec[3], rec[4] = id, villageID, date.String(), topic, outcome
	rec[5], rec[6] = tp.category, (date - day(g.intIn(3, 10))).String()
	rec[7], rec[8], rec[9], rec[10] = strconv.Itoa(attendees), strconv.Itoa(party), strconv.Itoa(reps), strconv.Itoa(experts)
	rec[11], rec[12], rec[13] = itoaOrEmpty(vFor, voted), itoaOrEmpty(vAgainst, voted), itoaOrEmpty(vAbstain, voted)
	rec[14], rec[15] = summary, followUp
	g.hearings.write(rec)

	n := min(g.r.IntN(5), len(tp.qa))
	if n == 0 {
		return
	}
	order := g.r.Perm(len(tp.qa))
	qrec := g.rec[:6]
	for i := range n {
		qa := tp.qa[order[i]]
		qrec[0], qrec[1], qrec[2], qrec[3] = id, strconv.Itoa(i+1), g.fill(qa[0]), g.fill(qa[1])
		qrec[4], qrec[5] = g.pick(askedByRoles), g.pick(answeredByRoles)
		g.questions.write(qrec)
	}
}
