package ui

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/medfordwater/lobbykiosk/translations"
)

// catalog looks up the visible strings of the kiosk in the visitor's language.
// Fyne's own lang package picks the OS locale once and cannot switch at run time,
// so the kiosk keeps one go-i18n localizer per language instead.
type catalog struct {
	localizers map[string]*i18n.Localizer
}

// loadCatalog parses the embedded catalogs once per process: every kiosk rebuild
// (language switch, reset) reuses them.
func loadCatalog() (*catalog, error) {
	localizers, err := translations.Localizers(translations.Screens)
	if err != nil {
		return nil, err
	}
	return &catalog{localizers: localizers}, nil
}

// T returns message id in lang with data filled in. A missing message shows its ID
// (never a blank); the catalog tests make sure none is missing.
func (c *catalog) T(lang, id string, data map[string]any) string {
	loc, ok := c.localizers[lang]
	if !ok {
		loc = c.localizers["en"]
	}
	msg, err := loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil || strings.TrimSpace(msg) == "" {
		return id
	}
	return msg
}

// messageIDs lists the IDs in one catalog file, for the parity tests.
func messageIDs(lang string) (map[string]string, error) {
	raw, err := translations.File(translations.Screens, lang)
	if err != nil {
		return nil, err
	}
	var messages map[string]string
	if err := json.Unmarshal(raw, &messages); err != nil {
		return nil, fmt.Errorf("%s.json: %w", lang, err)
	}
	return messages, nil
}
