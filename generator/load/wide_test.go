package load

import (
	"strconv"
	"strings"
	"testing"

	"gongshi/generator/dataset"
	"gongshi/generator/problem"
)

// wideCSV is a villages table as Excel saves one whose "used range" once
// reached column XFD: every line, header included, ends in empty cells.
func wideCSV(rows, empty int) string {
	tail := strings.Repeat(",", empty)
	var b strings.Builder
	b.WriteString("id,name,township_id" + tail + "\n")
	for r := 0; r < rows; r++ {
		b.WriteString("V" + strconv.Itoa(r) + ",村" + strconv.Itoa(r) + ",T1" + tail + "\n")
	}
	return b.String()
}

// readVillagesCSV reads text as data/villages.csv and returns the rows and problems.
func readVillagesCSV(t testing.TB, text string) (int, *problem.List) {
	d := &dataset.Dataset{}
	bs, err := bind(d)
	if err != nil {
		t.Fatal(err)
	}
	var b *binding
	for i := range bs {
		if bs[i].table.Name == "villages" {
			b = &bs[i]
		}
	}
	rules := dataset.DefaultRules()
	probs := &problem.List{}
	sink := newSink(b, "data/villages.csv", false, &rules, probs, 0)
	readCSV(text, sink, nil, ',')
	return sink.rows.Len(), probs
}

// TestWideEmptyColumns: trailing empty columns are read as nothing, and a
// value in an unnamed column is still reported.
func TestWideEmptyColumns(t *testing.T) {
	n, probs := readVillagesCSV(t, wideCSV(108, 16383))
	if n != 108 || probs.Len() != 0 {
		t.Errorf("%d rows, problems %v; want 108 rows and none", n, probs.Sorted())
	}
	text := wideCSV(3, 100)
	text = strings.Replace(text, "V1,村1,T1,,,", "V1,村1,T1,,,stray", 1)
	n, probs = readVillagesCSV(t, text)
	got := probs.Sorted()
	if n != 3 || len(got) != 1 || got[0].Line != 1 || got[0].Column != 6 {
		t.Errorf("%d rows, problems %v; want one at line 1 column 6 (the unnamed column with a value)", n, got)
	}
}

// BenchmarkWideEmptyColumns reads 108 rows with more and more trailing empty
// columns. The time per cell (ns/cell) stays flat as the width grows 16-fold:
// reading is linear in the file's size. (Each unnamed column used to re-read
// the whole file: 16,383 of them took minutes.)
func BenchmarkWideEmptyColumns(b *testing.B) {
	for _, empty := range []int{1023, 4095, 16383} {
		text := wideCSV(108, empty)
		b.Run("columns="+strconv.Itoa(empty+3), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				readVillagesCSV(b, text)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(109*(empty+3)), "ns/cell")
		})
	}
}
