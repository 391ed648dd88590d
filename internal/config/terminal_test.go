package config

import (
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/internal/config/configtest"
)

// aTerminal is a [terminal] table with every required key.
const aTerminal = `card_entry = "terminal"
kiosk_id = "lobby-3"
[terminal]
url = "https://192.168.1.40:8443/nexo"
poi_id = "V400m-123456789"
key_identifier = "LobbyKey"
key_version = 2
ca_file = "/etc/lobbykiosk/terminal-ca.pem"
`

func TestTheTerminalTableIsRead(t *testing.T) {
	cfg, err := Load(configtest.Write(t, aTerminal))
	if err != nil {
		t.Fatal(err)
	}
	want := Terminal{URL: "https://192.168.1.40:8443/nexo", POIID: "V400m-123456789", KeyIdentifier: "LobbyKey",
		KeyVersion: 2, CAFile: "/etc/lobbykiosk/terminal-ca.pem"}
	if cfg.Terminal != want {
		t.Errorf("terminal %+v, want %+v", cfg.Terminal, want)
	}
	if got := cfg.TerminalSaleID(); got != "lobby-3" {
		t.Errorf("sale ID %q, want kiosk_id lobby-3 when sale_id is left out", got)
	}
	named, err := Load(configtest.Write(t, aTerminal+"sale_id = \"front-desk\"\nserver_name = \"V400m-123456789.terminal.example\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if named.TerminalSaleID() != "front-desk" || named.Terminal.ServerName != "V400m-123456789.terminal.example" {
		t.Errorf("sale_id and server_name not read: %+v", named.Terminal)
	}
}

// card_entry = "terminal" needs the whole table, and says which key is missing;
// the demo's practice terminal stands in for it.
func TestATerminalKioskNeedsEveryTerminalKey(t *testing.T) {
	for _, key := range []string{"url", "poi_id", "key_identifier", "key_version", "ca_file"} {
		var kept []string
		for _, line := range strings.Split(aTerminal, "\n") {
			if !strings.HasPrefix(line, key+" =") {
				kept = append(kept, line)
			}
		}
		path := configtest.Write(t, strings.Join(kept, "\n"))
		_, err := Load(path)
		want := `key "terminal.` + key + `" is required with card_entry = "terminal"`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("without %s: error %v, want one saying %s", key, err, want)
		}
		if _, err := LoadDemo(path); err != nil {
			t.Errorf("the demo refused a config without terminal.%s: %v", key, err)
		}
	}
	if _, err := Load(configtest.Write(t, `card_entry = "off"`)); err != nil {
		t.Errorf("card_entry = \"off\" needs no terminal: %v", err)
	}
}

func TestTerminalErrorsNameTheKey(t *testing.T) {
	cases := map[string]string{
		`url = "http://192.168.1.40:8443/nexo"`:           `"terminal.url"`,
		`url = "https://user:pw@192.168.1.40:8443/nexo"`:  `"terminal.url"`,
		`url = "https://192.168.1.40:8443/nexo?key=1"`:    `"terminal.url"`,
		`url = "https:///nexo"`:                           `"terminal.url"`,
		`poi_id = "V400m 123"`:                            `"terminal.poi_id"`,
		`sale_id = "lobby/1"`:                             `"terminal.sale_id"`,
		`key_identifier = "a key"`:                        `"terminal.key_identifier"`,
		`key_version = -1`:                                `"terminal.key_version"`,
		`ca_file = " /etc/ca.pem"`:                        `"terminal.ca_file"`,
		`server_name = "bad name"`:                        `"terminal.server_name"`,
		`passphrase = "never-here"`:                       `"terminal.passphrase"`,
		`url = "https://192.168.1.40:8443/nexo#fragment"`: `"terminal.url"`,
	}
	for line, want := range cases {
		// The bad line is given with card_entry = "off" too: a key given is checked even while unused.
		for _, entry := range []string{"terminal", "off"} {
			body := "card_entry = \"" + entry + "\"\n[terminal]\n" + line + "\n"
			if entry == "terminal" {
				body = aTerminal + line + "\n"
				if key, _, _ := strings.Cut(line, " ="); strings.Contains(aTerminal, "\n"+key+" =") {
					body = strings.Replace(aTerminal, "\n"+key+" =", "\n"+line+"\n# was "+key+" =", 1)
				}
			}
			_, err := Load(configtest.Write(t, body))
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("card_entry %s, %q: error %v, want one naming %s", entry, line, err, want)
			}
		}
	}
}
