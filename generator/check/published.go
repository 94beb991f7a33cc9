package check

import (
	"gongshi/generator/privacy"
	"gongshi/generator/problem"
)

// PublishedDirs are the site's own folders whose files gongshi publishes as
// they are (static/) or on every page (layouts/, i18n/).
var PublishedDirs = []string{"layouts", "static", "i18n"}

// Published reports the personal numbers in the files of PublishedDirs
// under dir (their names, their text, the text of Office documents, zip
// archives and PDFs) and warns of the files it could not read completely:
// privacy.Files. build.Run and build.Check both call it, so that check
// refuses what the build's scan of its output would.
func Published(dir string, allow privacy.Allow) *problem.List {
	return privacy.Files(dir, PublishedDirs, allow)
}
