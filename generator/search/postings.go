package search

// Posting lists: for each term, the documents (by number, see docs.go) that
// hold it, in two lists: those that hold it in their name or ID, and those
// that hold it only in other text. Both are sorted by document number and
// written as gaps in a compact text code, so that a list is a plain JSON
// string that gzip squeezes further.

// digits is the alphabet of the code: a number is written in base 32, most
// significant digit first; every digit but the last is taken from the upper
// half of the alphabet, the last from the lower half, so numbers need no
// separator. 0 is "a", 31 is "F", 32 is "Ha". The lower half holds no ASCII
// digit, so every number ends in a letter and a code never holds more than
// six digits in a row: not a run the privacy guard could take for a phone
// or ID number (search.js reads the same alphabet).
const digits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"

// appendNum appends the code of n ≥ 0.
func appendNum(b []byte, n int) []byte {
	var tmp [8]byte
	i := len(tmp) - 1
	tmp[i] = digits[n&31]
	for n >>= 5; n > 0; n >>= 5 {
		i--
		tmp[i] = digits[32+(n&31)]
	}
	return append(b, tmp[i:]...)
}

// readNum reads one number from the code at b[i:], returning it and the
// position after it.
func readNum(b string, i int) (int, int) {
	n := 0
	for ; i < len(b); i++ {
		d := int(digitValue[b[i]])
		if d < 32 {
			return n<<5 | d, i + 1
		}
		n = n<<5 | (d - 32)
	}
	return n, i
}

// digitValue maps a character of the code to its value (63 for a
// character not in the alphabet).
var digitValue = func() (t [256]byte) {
	for c := range t {
		t[c] = 63
	}
	for v := 0; v < len(digits); v++ {
		t[digits[v]] = byte(v)
	}
	return t
}()

// list is one term's postings while the index is built. Documents arrive in
// number order. Each list stops growing at capBytes, so that a term found in
// half a province costs no more memory, and no more download, than one that
// fills a shard: what a page needs of such a term is its best matches,
// and names come before other text.
type list struct {
	df int // documents that hold the term, stored or not

	name, text         []byte // the code: name postings are (gap, code) pairs, text postings gaps
	lastName, lastText int    // the last document stored in each, -1 before the first
	// nameLimit and textLimit: each list holds every posting below its limit
	// (noLimit while nothing was left out).
	nameLimit, textLimit int
}

const noLimit = -1

func newList() *list {
	return &list{lastName: -1, lastText: -1, nameLimit: noLimit, textLimit: noLimit}
}

// addName records that document doc holds the term in its name or ID;
// code is the length (in characters) of the name or ID when the term is
// at its start, else 0. Ranking reads it: a name that starts with the
// query and is as long as it is the query.
func (l *list) addName(doc, code int, capBytes int) {
	l.df++
	if l.nameLimit != noLimit {
		return
	}
	n := len(l.name)
	l.name = appendNum(appendNum(l.name, doc-l.lastName-1), code)
	if len(l.name) > capBytes {
		l.name, l.nameLimit = l.name[:n], doc
		return
	}
	l.lastName = doc
}

// addText records that document doc holds the term in other text only.
func (l *list) addText(doc int, capBytes int) {
	l.df++
	if l.textLimit != noLimit {
		return
	}
	n := len(l.text)
	l.text = appendNum(l.text, doc-l.lastText-1)
	if len(l.text) > capBytes {
		l.text, l.textLimit = l.text[:n], doc
		return
	}
	l.lastText = doc
}

// fit cuts the text postings so that both lists together take at most
// capBytes: names are kept first, since they rank first.
func (l *list) fit(capBytes int) {
	room := capBytes - len(l.name)
	if len(l.text) <= room {
		return
	}
	// Walk the gaps to the last whole posting that fits; the first one cut
	// is the new limit.
	code := string(l.text)
	at, doc, i := 0, -1, 0
	for i < len(code) {
		gap, next := readNum(code, i)
		if next > room {
			l.text, l.textLimit = l.text[:at], doc+gap+1
			return
		}
		doc += gap + 1
		at, i = next, next
	}
}

// DecodeNums reads every number of a code (js/search.js: nums).
func DecodeNums(code string) []int {
	var out []int
	for i := 0; i < len(code); {
		var n int
		n, i = readNum(code, i)
		out = append(out, n)
	}
	return out
}
