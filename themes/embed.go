// Package themes embeds the default theme (themes/default: layouts, static
// assets, i18n strings) into the gongshi binary, so that an installed gongshi
// works with no repository around it. This is the one Go file outside
// generator/: go:embed can only reach files below the package's folder.
package themes

import "embed"

// FS holds themes/default; paths start with "default/".
//
//go:embed all:default
var FS embed.FS
