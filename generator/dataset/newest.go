package dataset

// Newest finds the N-th newest of the dates added (YYYY-MM-DD), keeping
// only N of them: a page or feed that shows the N latest events of a
// province first finds the day they start from, then gathers only the
// events on or after it, instead of every event it could show.
type Newest struct {
	N     int
	dates []string // the newest so far, newest first, at most N
}

// Add takes one date into account.
func (t *Newest) Add(date string) {
	if t.N <= 0 || len(t.dates) == t.N && date <= t.dates[t.N-1] {
		return
	}
	i := len(t.dates)
	if i < t.N {
		t.dates = append(t.dates, "")
	} else {
		i--
	}
	for ; i > 0 && t.dates[i-1] < date; i-- {
		t.dates[i] = t.dates[i-1]
	}
	t.dates[i] = date
}

// Cutoff returns the N-th newest date added, or "" when fewer than N were
// added or N is not positive (every event may then be among the newest). Events on the cutoff day
// may be more than fit: the caller still sorts and cuts.
func (t *Newest) Cutoff() string {
	if t.N <= 0 || len(t.dates) < t.N {
		return ""
	}
	return t.dates[t.N-1]
}
