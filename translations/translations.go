// Package translations embeds the kiosk's message catalogs: one go-i18n JSON file per
// language, every visible string of the UI keyed by a stable ID.
package translations

import "embed"

// FS holds en.json and es.json.
//
//go:embed *.json
var FS embed.FS

// Languages lists the catalogs shipped, in the order the welcome screen offers them.
var Languages = []string{"en", "es"}
