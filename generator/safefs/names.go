package safefs

import "strings"

// Reserved reports whether name, as one segment of a path, is a device name
// that Windows reserves in every folder: CON, PRN, AUX, NUL, COM0–COM9 and
// LPT0–LPT9, in any case, also with an extension ("nul.txt") or trailing
// dots and spaces, which Windows strips. A folder of such a name cannot be
// created, copied to a USB stick or unzipped on Windows, so IDs and page
// names that would make one are refused.
func Reserved(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) &&
		stem[3] >= '0' && stem[3] <= '9'
}
