package portalsim

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
)

func TestStartServesUntilClose(t *testing.T) {
	sim := New(Options{Now: clocktest.Now})
	srv, err := sim.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") || strings.Contains(srv.URL, client.BasePath) {
		t.Errorf("URL %q", srv.URL)
	}
	c := &http.Client{Transport: &validatingTransport{t: t, spec: loadSpec(t), next: http.DefaultTransport}, Timeout: 5 * time.Second}
	req, err := http.NewRequest("GET", srv.URL+client.BasePath+"/health", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+DemoKioskKey)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var h client.Health
	err = json.NewDecoder(resp.Body).Decode(&h)
	_ = resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || h.TermsVersion != TermsVersion {
		t.Errorf("health %d %+v %v", resp.StatusCode, h, err)
	}
	if err := srv.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
	if resp, err := c.Get(srv.URL + client.BasePath + "/health"); err == nil {
		_ = resp.Body.Close()
		t.Error("server still answers after Close")
	}
}

func TestStartReportsListenErrors(t *testing.T) {
	if _, err := New(Options{}).Start("256.0.0.1:0"); err == nil {
		t.Error("no error for a bad address")
	}
}

func TestDemoAccountsWork(t *testing.T) {
	accounts := DemoAccounts()
	if len(accounts) != 5 {
		t.Fatalf("%d demo accounts, want 5", len(accounts))
	}
	e := newEnv(t)
	withLogin := 0
	for _, a := range accounts {
		if _, code := validate.AccountNumber(a.Number); code != validate.OK || a.Situation == "" {
			t.Errorf("account %+v: %q", a, code)
		}
		summary := e.lookup(a.Number, a.PostalCode)
		if summary.Registered != (a.Email != "") || (a.Email == "") != (a.Password == "") {
			t.Errorf("account %s: registered %v, email %q", a.Number, summary.Registered, a.Email)
		}
		if a.Email == "" {
			continue
		}
		withLogin++
		if code := validate.Password(a.Password, a.Email, a.Number); code != validate.OK {
			t.Errorf("demo password is %q", code)
		}
		e.call("POST", "/sessions", client.SignInRequest{Email: a.Email, Password: a.Password}).want(t, http.StatusCreated)
	}
	if withLogin != 1 {
		t.Errorf("%d demo accounts with a login, want 1", withLogin)
	}
	accounts[0].Number = "changed"
	if DemoAccounts()[0].Number == "changed" {
		t.Error("DemoAccounts shares its slice")
	}
}

func TestAccountRefsAreRandomPerSim(t *testing.T) {
	first := newEnv(t).lookup(legacyNumber, "97501").AccountRef
	second := newEnv(t).lookup(legacyNumber, "97501").AccountRef
	if first == second {
		t.Errorf("two simulators share the account ref %q", first)
	}
}

func TestDueDatesFollowTheClockCalendarDate(t *testing.T) {
	// 23:30 Pacific on June 14 is already June 15 in UTC: the due date counts
	// from the local date.
	late := time.Date(2024, time.June, 14, 23, 30, 0, 0, pacific)
	sim := New(Options{Now: func() time.Time { return late }})
	for _, a := range sim.accounts {
		if a.number == dueSoonNumber && a.dueDate.String() != "2024-06-15" {
			t.Errorf("due %s, want 2024-06-15", a.dueDate)
		}
	}
}
