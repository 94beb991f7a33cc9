package privacy

// Kind is the kind of a personal number.
type Kind int

const (
	IDNumber Kind = iota // resident ID number (居民身份证号码)
	Mobile               // mobile phone number (手机号码)
)

// Problem codes of personal numbers.
const (
	CodeIDNumber = "privacy-id-number"
	CodeMobile   = "privacy-mobile"
)

// Code returns the problem code of a number of this kind.
func (k Kind) Code() string {
	if k == Mobile {
		return CodeMobile
	}
	return CodeIDNumber
}

// Match is one personal number found in a text.
type Match struct {
	Offset int    // byte offset of its first character
	End    int    // byte offset just after its last character
	Number string // the number in ASCII digits (and X), whatever was written
	Kind   Kind
}

// Find returns the personal numbers in s, in order.
func Find(s string) []Match {
	if !mayHold(s) {
		return nil // most cells: no allocation
	}
	var out []Match
	var sc scanner
	sc.found = func(m Match) { out = append(out, m) }
	write(&sc, s)
	sc.close()
	return out
}

// mayHold reports whether s has a run of 11 ASCII digits or any full-width
// character, without which it cannot hold a personal number.
func mayHold(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if run++; run >= 11 {
				return true
			}
		case c == 0xEF:
			return true
		default:
			run = 0
		}
	}
	return false
}

// hasNumberRun reports whether b holds a run of digits (ASCII or
// full-width, mixed) 11, 13, 15 or 18 long, or 17 long and followed by an X:
// without one it cannot hold a personal number, whatever the scanner's
// finer rules (decimals, digests, UUIDs), which only ever rule numbers out.
// It is the guard's first pass over a whole file. Every byte of such a run
// is an ASCII digit or a byte of a full-width digit (EF BC 90–99), so a run
// of 11 or more covers one of every 11 positions: only those are looked
// at, and only around one that may be in a run is every byte read.
func hasNumberRun(b []byte) bool {
	for p := 10; p < len(b); p += 11 {
		if !runByte[b[p]] {
			continue
		}
		s, e := p, p+1
		for s > 0 && runByte[b[s-1]] {
			s--
		}
		for e < len(b) && runByte[b[e]] {
			e++
		}
		if e-s >= 11 && numberRun(b[s:min(len(b), e+3)]) {
			return true
		}
		p = e // the next run of 11 or more holds e+11 or a later probe
	}
	return false
}

// runByte marks the bytes a run of digits is made of.
var runByte = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 0x90; c <= 0x99; c++ {
		t[c] = true
	}
	t[0xEF], t[0xBC] = true, true
	return t
}()

// numberRun is hasNumberRun's test of every byte of b.
func numberRun(b []byte) bool {
	run := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c-'0' < 10 {
			run++
			continue
		}
		if c == 0xEF && i+2 < len(b) && b[i+1] == 0xBC && b[i+2]-0x90 < 10 { // ０–９
			run++
			i += 2
			continue
		}
		if isRunLength(run) || run == 17 && (c == 'X' || c == 'x' || c == 0xEF) {
			return true
		}
		run = 0
	}
	return isRunLength(run)
}

// isRunLength reports whether a run of n digits may be a personal number:
// a mobile number (11), one after the country code 86 (13) or 0086 (15),
// an old or a new ID number (15, 18).
func isRunLength(n int) bool { return n == 11 || n == 13 || n == 15 || n == 18 }

// scanner is the state machine that finds personal numbers in a stream of
// bytes fed to it in pieces of any size. It looks at most one character
// ahead (after a "." that may start a decimal fraction).
type scanner struct {
	found func(Match)
	pos   int // bytes seen

	run   [18]byte // the digits of the current run, in ASCII (the first 18)
	n     int      // digits in the run
	start int      // offset of the run's first byte
	frac  bool     // the run follows "digit." : a decimal fraction
	dot   bool     // the run was followed by ".": wait for the next character
	dotAt int      // offset of that "."

	prev, prev2 byte // classes of the last two characters: 'd', 'h', '.', 'x' or 'o'

	hexLen  int     // ASCII hex digits (0-9, a-f, A-F) in a row up to here
	runHex  int     // hexLen at the run's last digit
	pending []Match // numbers followed by hex letters: reported when the hex run ends short

	part  [3]byte // a full-width character cut by the end of a piece
	npart int

	recent [64]byte // the last bytes of the stream: recent[off&63] is the byte at off
}

// write scans the next piece of the stream.
func (s *scanner) write(p []byte) { write(s, p) }

// write scans the next piece p of the stream of s (a function, not a
// method, so that it can take a string without copying it).
func write[T string | []byte](s *scanner, p T) {
	for i := 0; i < len(p); {
		s.recent[s.pos&63] = p[i]
		if s.npart > 0 { // finish a character cut by the end of the last piece
			s.part[s.npart] = p[i]
			s.npart++
			i++
			if s.npart == 3 || !fullWidthPrefix(s.part[:s.npart]) {
				s.wide(s.part[:s.npart], s.pos-s.npart+1)
				s.npart = 0
			}
			s.pos++
			continue
		}
		if s.n == 0 && !s.dot && len(s.pending) == 0 {
			// Fast path: between numbers, skip to the next digit or
			// full-width character, keeping only what the skipped text
			// leaves behind (the last two classes, the trailing hex run).
			j := i
			for j+4 <= len(p) && !stops[p[j]] && !stops[p[j+1]] && !stops[p[j+2]] && !stops[p[j+3]] {
				j += 4
			}
			for j < len(p) && !stops[p[j]] {
				j++
			}
			if j > i {
				skip(s, p, i, j)
				s.pos += j - i
				i = j
				continue
			}
		}
		c := p[i]
		switch {
		case c >= '0' && c <= '9':
			s.char('d', c, s.pos, 1)
		case c == '.':
			s.char('.', 0, s.pos, 1)
		case c == 'X' || c == 'x':
			s.char('x', 0, s.pos, 1)
		case c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F':
			s.char('h', 0, s.pos, 1)
		case c == 0xEF:
			if len(p)-i < 3 {
				s.part[0], s.npart = c, 1
				i++
				s.pos++
				continue
			}
			s.recent[(s.pos+1)&63], s.recent[(s.pos+2)&63] = p[i+1], p[i+2]
			s.wide([]byte{p[i], p[i+1], p[i+2]}, s.pos)
			i += 3
			s.pos += 3
			continue
		default:
			s.char('o', 0, s.pos, 1)
		}
		i++
		s.pos++
	}
}

// stops are the bytes the fast path stops at: ASCII digits and the first
// byte of a full-width character.
var stops = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t[0xEF] = true
	return t
}()

// skip moves over p[i:j], which holds no digit and no full-width
// character, while no run is open: the state is what char would leave.
func skip[T string | []byte](s *scanner, p T, i, j int) {
	// Keep what uuidTail may look at: the trailing hex letters and dashes
	// and the byte before them (the digits before were kept as read).
	for k := j - 1; k >= i && k >= j-len(s.recent); k-- {
		s.recent[(s.pos+k-i)&63] = p[k]
		if !isHexLetter(p[k]) && p[k] != '-' {
			break
		}
	}
	hex := 0
	for k := j - 1; k >= i && isHexLetter(p[k]); k-- {
		hex++
	}
	if hex == j-i {
		s.hexLen += hex
	} else {
		s.hexLen = hex
	}
	if j-i >= 2 {
		s.prev2, s.prev = class(p[j-2]), class(p[j-1])
	} else {
		s.prev2, s.prev = s.prev, class(p[j-1])
	}
}

func isHexLetter(c byte) bool { return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// class is the class char gives a byte that is not a digit.
func class(c byte) byte {
	switch {
	case c == '.':
		return '.'
	case c == 'X' || c == 'x':
		return 'x'
	case isHexLetter(c):
		return 'h'
	}
	return 'o'
}

// fullWidthPrefix reports whether b may still become a full-width digit or X.
func fullWidthPrefix(b []byte) bool {
	return len(b) < 2 || b[1] == 0xBC || b[1] == 0xBD
}

// wide classifies a 3-byte character starting with EF (or a cut one) at off.
func (s *scanner) wide(b []byte, off int) {
	switch {
	case len(b) == 3 && b[1] == 0xBC && b[2] >= 0x90 && b[2] <= 0x99: // ０–９
		s.char('d', '0'+b[2]-0x90, off, 3)
	case len(b) == 3 && (b[1] == 0xBC && b[2] == 0xB8 || b[1] == 0xBD && b[2] == 0x98): // Ｘ ｘ
		s.char('x', 0, off, 3)
	default:
		s.char('o', 0, off, len(b))
	}
}

// char feeds one character of class t ('d' digit d, 'h' a-f or A-F, '.',
// 'x' or 'o') that starts at byte off and is size bytes long.
func (s *scanner) char(t, d byte, off, size int) {
	if size == 1 && (t == 'd' || t == 'h') {
		s.hexLen++
	} else {
		s.endHex(off)
	}
	if s.dot {
		s.dot = false
		if t == 'd' { // "123.4": the run was the whole part of a decimal
			s.n = 0
			s.begin(off, true)
			s.add(d)
			s.prev2, s.prev = '.', 'd'
			return
		}
		s.end(s.dotAt, false)
		s.prev2, s.prev = 'd', '.'
	}
	switch t {
	case 'd':
		if s.n == 0 {
			s.begin(off, s.prev2 == 'd' && s.prev == '.')
		}
		s.add(d)
	case '.':
		if s.n > 0 {
			s.dot, s.dotAt = true, off
			return // prev and prev2 are set when the "." is decided
		}
	case 'x':
		if s.n == 17 {
			s.n = 18
			s.run[17] = 'X'
			s.end(off+size, false)
		} else if s.n > 0 {
			s.end(off, false)
		}
	default:
		if s.n > 0 {
			s.end(off, t == 'h')
		}
	}
	s.prev2, s.prev = s.prev, t
}

func (s *scanner) begin(off int, frac bool) {
	s.start, s.frac = off, frac
}

func (s *scanner) add(d byte) {
	if s.n < len(s.run) {
		s.run[s.n] = d
	}
	s.n++
	s.runHex = s.hexLen
}

// hashLen is the shortest run of hex digits taken for a digest (MD5 is 32,
// SHA-256 64): digits inside one, as in data/SHA256SUMS, are no number.
const hashLen = 32

// endHex ends, at byte at, a run of ASCII hex digits: the numbers waiting
// for it are reported unless it was long enough to be a digest or is the
// last group of a UUID.
func (s *scanner) endHex(at int) {
	if len(s.pending) > 0 {
		if s.hexLen < hashLen && !s.uuidTail(at, s.hexLen) {
			for _, m := range s.pending {
				s.found(m)
			}
		}
		s.pending = s.pending[:0]
	}
	s.hexLen = 0
}

// end closes the run at byte end and reports it if it is a personal number.
// inHex says that the character after it is a hex letter, so the run may
// be part of a digest: then the number waits for the end of the hex run.
func (s *scanner) end(end int, inHex bool) {
	n, frac := s.n, s.frac
	s.n = 0
	if frac {
		return
	}
	run := s.run[:min(n, len(s.run))]
	kind, number := IDNumber, run
	switch {
	case n == 11 && isMobile(run):
		kind = Mobile
	case n == 13 && run[0] == '8' && run[1] == '6' && isMobile(run[2:]):
		// The country code typed without its "+" or a space
		// (微信同号8613912345678, tel:+8613912345670): the run is longer
		// than a mobile number, but it is one.
		kind, number = Mobile, run[2:]
	case n == 15 && string(run[:4]) == "0086" && isMobile(run[4:]):
		kind, number = Mobile, run[4:] // 0086…: no ID number starts with 0
	case n == 15:
	case n == 18 && checkDigit(run[:17]) == run[17]:
	default:
		return // most runs: no string made for them
	}
	m := Match{Offset: s.start, End: end, Number: string(number), Kind: kind}
	switch {
	case inHex:
		s.pending = append(s.pending, m)
	case s.runHex < hashLen && !s.uuidTail(end, s.runHex):
		s.found(m)
	}
}

// uuidTail reports whether the hex run of length n that ends at byte end
// is the last group of a UUID in its canonical form, 8-4-4-4-12 hex digits
// (the IDs of feed entries and calendar events): its digits are no number.
func (s *scanner) uuidTail(end, n int) bool {
	const shape = "hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh"
	start := end - len(shape)
	if n != 12 || start < 0 || end > s.pos+1 {
		return false
	}
	for k := 0; k < len(shape); k++ {
		c := s.recent[(start+k)&63]
		if shape[k] == '-' {
			if c != '-' {
				return false
			}
		} else if !(c >= '0' && c <= '9' || isHexLetter(c)) {
			return false
		}
	}
	if start > 0 { // a longer run of hex before it is not a UUID
		c := s.recent[(start-1)&63]
		if c >= '0' && c <= '9' || isHexLetter(c) || c == '-' {
			return false
		}
	}
	return true
}

// close ends the stream: a run at its very end is judged too.
func (s *scanner) close() {
	if s.npart > 0 {
		s.wide(s.part[:s.npart], s.pos-s.npart)
		s.npart = 0
	}
	switch {
	case s.dot:
		s.dot = false
		s.end(s.dotAt, false)
	case s.n > 0:
		s.end(s.pos, false)
	}
	s.endHex(s.pos)
}

// isMobile reports whether the 11 digits d are a mobile number: 1, then
// 3–9, then nine more.
func isMobile[T string | []byte](d T) bool {
	return len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9'
}

// checkDigit returns the GB 11643-1999 check character of the first 17
// digits of an ID number: the weighted sum modulo 11, mapped to 1 0 X 9 … 2.
func checkDigit(d []byte) byte {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		if d[i] < '0' || d[i] > '9' {
			return 0
		}
		sum += int(d[i]-'0') * w
	}
	return "10X98765432"[sum%11]
}
