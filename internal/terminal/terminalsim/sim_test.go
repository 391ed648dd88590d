package terminalsim_test

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/internal/terminal/terminalsim"
)

func TestParseFaults(t *testing.T) {
	for _, good := range []string{"", "lost", "lost:1, slow", "unreachable,wrongcert,duplicate,malformed,badmac,noecho:3"} {
		if _, err := terminalsim.ParseFaults(good); err != nil {
			t.Errorf("%q: %v", good, err)
		}
	}
	for _, bad := range []string{"lots", "lost:0", "lost:x", "slow:-1"} {
		if _, err := terminalsim.ParseFaults(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// The control endpoint, as the demo's practice card reader uses it.
func TestControlEndpointPresentsACard(t *testing.T) {
	sim, err := terminalsim.Start("127.0.0.1:0", terminalsim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(sim.CAPEM())
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	base := strings.TrimSuffix(sim.URL(), "/nexo")
	post := func(path, body string) int {
		resp, err := hc.Post(base+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post("/control/present", `{"card":"approved"}`); code != http.StatusNoContent {
		t.Fatalf("present: %d", code)
	}
	if code := post("/control/present", `{"card":"declined"}`); code != http.StatusConflict {
		t.Errorf("a second card on the reader: %d", code)
	}
	if code := post("/control/present", `{"card":"gold"}`); code != http.StatusBadRequest {
		t.Errorf("an unknown card: %d", code)
	}
	if code := post("/control/faults", `{"faults":"nonsense"}`); code != http.StatusBadRequest {
		t.Errorf("bad faults: %d", code)
	}
	resp, err := hc.Get(base + "/control/state")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var state struct {
		Charges int    `json:"charges"`
		POIID   string `json:"poiid"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&state); err != nil || state.POIID != terminalsim.DemoPOIID {
		t.Errorf("state = %+v, %v", state, err)
	}
	// A message the terminal cannot open is rejected in the clear, as Adyen's terminals do.
	nexo, err := hc.Post(sim.URL(), "application/json", bytes.NewReader([]byte(`{"SaleToPOIRequest":{}}`)))
	if err != nil {
		t.Fatal(err)
	}
	defer nexo.Body.Close()
	var reject struct {
		SaleToPOIRequest struct {
			EventNotification struct{ EventToNotify string }
		}
	}
	if json.NewDecoder(nexo.Body).Decode(&reject); reject.SaleToPOIRequest.EventNotification.EventToNotify != "Reject" {
		t.Errorf("unsealed request answered %+v", reject)
	}
}
