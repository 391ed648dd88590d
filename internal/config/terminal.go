package config

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"
)

// Terminal is the [terminal] table: the card terminal of card_entry = "terminal"
// (docs/payments.md). Its passphrase is never here: `lobbykiosk provision
// --terminal` puts it in the keyring.
type Terminal struct {
	URL           string `toml:"url"`            // https://HOST:8443/nexo
	POIID         string `toml:"poi_id"`         // the terminal's model and serial, e.g. "V400m-123456789"
	SaleID        string `toml:"sale_id"`        // this kiosk as the terminal knows it; "" is kiosk_id
	KeyIdentifier string `toml:"key_identifier"` // the key set on the terminal
	KeyVersion    int    `toml:"key_version"`
	CAFile        string `toml:"ca_file"`     // PEM of the CA the terminal's certificate chains to
	ServerName    string `toml:"server_name"` // the name in that certificate, when it is not the URL's host
}

// terminalIDPattern is a POIID, SaleID or key identifier: what a nexo header
// and the journal's logs carry without quoting.
var terminalIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// hostNamePattern is a DNS name a certificate may carry.
var hostNamePattern = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$`)

// TerminalSaleID is the SaleID the kiosk gives the terminal: sale_id, or kiosk_id.
func (c Config) TerminalSaleID() string {
	if c.Terminal.SaleID != "" {
		return c.Terminal.SaleID
	}
	return c.KioskID
}

// validateTerminal checks the [terminal] table. Its keys are required when
// card_entry = "terminal" unless the demo's practice terminal stands in for it;
// a key given is checked whether or not it is used, so a typo shows before the
// day the terminal is switched on.
func (c Config) validateTerminal(required bool) error {
	t := c.Terminal
	required = required && c.CardEntry == CardEntryTerminal
	checks := []struct {
		key string
		set bool
		ok  bool
		why string
	}{
		{"terminal.url", t.URL != "", validTerminalURL(t.URL), "must be the terminal's https://HOST:PORT/PATH (e.g. https://192.168.1.40:8443/nexo), without credentials or a query"},
		{"terminal.poi_id", t.POIID != "", terminalIDPattern.MatchString(t.POIID), `must be the terminal's POIID, model and serial, e.g. "V400m-123456789"`},
		{"terminal.sale_id", true, t.SaleID == "" || terminalIDPattern.MatchString(t.SaleID), "must be 1–64 letters, digits, '.', '_' or '-' (or left out: kiosk_id)"},
		{"terminal.key_identifier", t.KeyIdentifier != "", terminalIDPattern.MatchString(t.KeyIdentifier), "must be the key identifier set on the terminal: 1–64 letters, digits, '.', '_' or '-'"},
		{"terminal.key_version", t.KeyVersion != 0, t.KeyVersion >= 1 && t.KeyVersion <= 999_999, "must be the key version set on the terminal: a whole number from 1"},
		{"terminal.ca_file", t.CAFile != "", strings.TrimSpace(t.CAFile) == t.CAFile, "must name the PEM file of the CA the terminal's certificate chains to"},
		{"terminal.server_name", true, t.ServerName == "" || hostNamePattern.MatchString(t.ServerName), "must be a host name (the one in the terminal's certificate) or left out"},
	}
	for _, check := range checks {
		switch {
		case !check.set && required:
			return fmt.Errorf("key %q is required with card_entry = \"terminal\": it %s", check.key, check.why)
		case check.set && !check.ok:
			return fmt.Errorf("key %q %s", check.key, check.why)
		}
	}
	return nil
}

// validTerminalURL is the terminal client's rule: https, a host, no
// credentials, no query. A terminal on the lobby network has a private address,
// so unlike portal_url any host is taken.
func validTerminalURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	host, port, err := net.SplitHostPort(u.Host)
	if err != nil {
		host, port = u.Host, "443"
	}
	return host != "" && port != "" && !strings.ContainsAny(raw, " \t")
}
