package problem

// Digest is what a terminal shows of many problems: every problem of a kind
// up to a limit, then only a count. A source with one systematic mistake (a
// column of dates in the wrong form, an enum spelt another way) would
// otherwise print thousands of lines that say the same thing and bury the
// rest.
type Digest struct {
	Shown []Problem // in Sorted order
	Cut   []Group   // kinds with problems left out, in order of their first problem
}

// Group is one kind of problem: the same rule broken in the same column of
// the same file (or sheet).
type Group struct {
	File, Sheet, Key, Code string
	Severity               Severity
	Count                  int // all problems of the kind, shown or not
	Hidden                 int // those not in Digest.Shown
}

type groupKey struct {
	file, sheet, key, code string
	sev                    Severity
}

// Digest returns the sorted problems with at most limit of each kind; limit
// ≤ 0 keeps every problem (`--all`).
func (l *List) Digest(limit int) Digest {
	var d Digest
	sorted := l.Sorted()
	if limit <= 0 {
		d.Shown = sorted
		return d
	}
	index := map[groupKey]int{} // position in groups
	var groups []Group
	for _, p := range sorted {
		k := groupKey{p.File, p.Sheet, p.Key, p.Code, p.Severity}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, Group{File: p.File, Sheet: p.Sheet, Key: p.Key, Code: p.Code, Severity: p.Severity})
		}
		g := &groups[i]
		g.Count++
		if g.Count <= limit {
			d.Shown = append(d.Shown, p)
		} else {
			g.Hidden++
		}
	}
	for _, g := range groups {
		if g.Hidden > 0 {
			d.Cut = append(d.Cut, g)
		}
	}
	return d
}
