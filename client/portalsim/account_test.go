package portalsim

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

func TestHealthNeedsKioskKey(t *testing.T) {
	e := newEnv(t)
	var h client.Health
	e.call("GET", "/health", nil).want(t, http.StatusOK).decode(t, &h)
	if h.Status != "ok" || h.TermsVersion != TermsVersion {
		t.Errorf("health %+v", h)
	}
	e.call("GET", "/health", nil, withoutKioskKey()).wantError(t, http.StatusUnauthorized, client.CodeUnauthorized)
	e.call("GET", "/health", nil, withKioskKey("stolen")).wantError(t, http.StatusUnauthorized, client.CodeUnauthorized)
}

func TestCustomKioskKey(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.KioskKey = "lobby-2" })
	e.call("GET", "/health", nil).wantError(t, http.StatusUnauthorized, client.CodeUnauthorized)
	e.call("GET", "/health", nil, withKioskKey("lobby-2")).want(t, http.StatusOK)
}

func TestTermsInBothLanguages(t *testing.T) {
	e := newEnv(t)
	var en, es, byDefault client.Terms
	e.call("GET", "/terms?lang=en", nil).want(t, http.StatusOK).decode(t, &en)
	e.call("GET", "/terms?lang=es", nil).want(t, http.StatusOK).decode(t, &es)
	e.call("GET", "/terms", nil).want(t, http.StatusOK).decode(t, &byDefault)
	if en.Version != TermsVersion || es.Version != TermsVersion {
		t.Errorf("versions %q and %q, want %q", en.Version, es.Version, TermsVersion)
	}
	if en.Lang != "en" || es.Lang != "es" || byDefault != en {
		t.Errorf("langs %q %q, default %q", en.Lang, es.Lang, byDefault.Lang)
	}
	if !strings.Contains(es.Title, "Términos") || !strings.Contains(en.Title, "Terms") {
		t.Errorf("titles %q / %q", en.Title, es.Title)
	}
	if strings.Count(en.Text, "\n\n") != strings.Count(es.Text, "\n\n") {
		t.Error("English and Spanish terms have different numbers of paragraphs")
	}
	e.call("GET", "/terms?lang=fr", nil).wantFields(t, map[string]string{"lang": "required"})
}

func TestLookupFindsEachDemoSituation(t *testing.T) {
	e := newEnv(t)
	today := client.DateIn(e.clock.Now(), e.sim.zone)
	cases := []struct {
		number, zip                    string
		registered, autoPay, paperless bool
		dueInDays                      int
		zeroBalance                    bool
	}{
		{legacyNumber, "97501", false, true, true, 12, false},
		{plainNumber, "97504", false, false, false, 20, false},
		{registeredNumber, "97501", true, false, false, 8, false},
		{dueSoonNumber, "97502", false, false, false, 1, false},
		{zeroNumber, "97504", false, false, false, 25, true},
	}
	amounts := map[int64]bool{}
	for _, tc := range cases {
		got := e.lookup(tc.number, tc.zip)
		if got.Registered != tc.registered || got.LegacyAutoPay != tc.autoPay || got.LegacyPaperless != tc.paperless {
			t.Errorf("%s: %+v", tc.number, got)
		}
		if want := today.AddDate(0, 0, tc.dueInDays); got.DueDate != want {
			t.Errorf("%s: due %s, want %s", tc.number, got.DueDate, want)
		}
		if (got.AmountDueCents == 0) != tc.zeroBalance || amounts[got.AmountDueCents] {
			t.Errorf("%s: amount %d (zero balance %v, amounts must differ)", tc.number, got.AmountDueCents, tc.zeroBalance)
		}
		amounts[got.AmountDueCents] = true
		if !strings.HasPrefix(got.ServiceAddress, "•••• ") || strings.Contains(got.AccountRef, tc.number[:8]) {
			t.Errorf("%s: address %q, ref %q", tc.number, got.ServiceAddress, got.AccountRef)
		}
	}
}

func TestLookupAcceptsOtherSpellings(t *testing.T) {
	e := newEnv(t)
	want := e.lookup(legacyNumber, "97501").AccountRef
	if got := e.lookup(" 000658210672430 ", "97501-1234").AccountRef; got != want {
		t.Errorf("ref %q, want %q", got, want)
	}
}

func TestLookupDoesNotTellWrongZIPFromUnknownNumber(t *testing.T) {
	e := newEnv(t)
	wrongZIP := e.call("POST", "/accounts/lookup", client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97504"})
	unknown := e.call("POST", "/accounts/lookup", client.LookupRequest{AccountNumber: "99999999-9999999", PostalCode: "97501"})
	wrongZIP.wantError(t, http.StatusNotFound, client.CodeAccountNotFound)
	unknown.wantError(t, http.StatusNotFound, client.CodeAccountNotFound)
	if string(wrongZIP.body) != string(unknown.body) {
		t.Errorf("answers differ: %s / %s", wrongZIP.body, unknown.body)
	}
}

func TestLookupValidation(t *testing.T) {
	e := newEnv(t)
	e.call("POST", "/accounts/lookup", client.LookupRequest{AccountNumber: "A0000000-0000000"}).
		wantFields(t, map[string]string{"account_number": "invalid_account_number", "postal_code": "required"})
	e.call("POST", "/accounts/lookup", `{"account_number":`).wantError(t, http.StatusUnprocessableEntity, client.CodeValidationFailed)
	e.call("POST", "/accounts/lookup", `{"acount_number":"x","postal_code":"97501"}`).
		wantError(t, http.StatusUnprocessableEntity, client.CodeValidationFailed)
}

func TestLookupLockout(t *testing.T) {
	e := newEnv(t)
	miss := client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97504"}
	for range 3 { // validation failures do not count
		e.call("POST", "/accounts/lookup", client.LookupRequest{}).want(t, http.StatusUnprocessableEntity)
	}
	for range failureLimit {
		e.call("POST", "/accounts/lookup", miss).wantError(t, http.StatusNotFound, client.CodeAccountNotFound)
		e.clock.Advance(time.Minute)
	}
	// Five failures at 0..4 min; now is 5 min: the oldest leaves at 15 min.
	locked := e.call("POST", "/accounts/lookup", client.LookupRequest{AccountNumber: legacyNumber, PostalCode: "97501"})
	locked.wantError(t, http.StatusTooManyRequests, client.CodeRateLimited)
	if got := locked.header.Get("Retry-After"); got != "600" {
		t.Errorf("Retry-After %q, want 600", got)
	}
	e.clock.Advance(10*time.Minute - time.Second)
	e.call("POST", "/accounts/lookup", miss).wantError(t, http.StatusTooManyRequests, client.CodeRateLimited)
	e.clock.Advance(time.Second)
	e.lookup(legacyNumber, "97501")
	e.call("POST", "/accounts/lookup", miss).want(t, http.StatusNotFound) // fifth failure in the window again
	e.call("POST", "/accounts/lookup", miss).want(t, http.StatusTooManyRequests)
}

func TestPasswordResetAlwaysAccepted(t *testing.T) {
	e := newEnv(t)
	known := e.call("POST", "/password-resets", client.PasswordResetRequest{Email: " Maria.Demo@example.com"}).want(t, http.StatusAccepted)
	unknown := e.call("POST", "/password-resets", client.PasswordResetRequest{Email: "nobody@example.com"}).want(t, http.StatusAccepted)
	e.call("POST", "/password-resets", "not json").want(t, http.StatusAccepted)
	if string(known.body) != string(unknown.body) || string(known.body) != `{"status":"accepted"}` {
		t.Errorf("bodies %s / %s", known.body, unknown.body)
	}
	outbox := e.sim.Outbox()
	if len(outbox) != 1 || outbox[0].Kind != "password_reset" || outbox[0].To != mariaEmail {
		t.Fatalf("outbox %+v", outbox)
	}
	if !strings.HasPrefix(outbox[0].Link, e.srv.URL+client.BasePath+"/demo/") {
		t.Errorf("link %q", outbox[0].Link)
	}
}

// A password built from the account is refused with the same context check the
// kiosk runs (validate.PasswordContext): the account number's halves, the ZIP
// code, the email and the utility's name.
func TestARegistrationRefusesAPasswordBuiltFromTheAccount(t *testing.T) {
	e := newEnv(t)
	ref := e.lookup(legacyNumber, "97501").AccountRef
	for _, pw := range []string{"0672430Maria", "00065821-0672430", "MedfordWater97501"} {
		e.call("POST", "/registrations", client.RegistrationRequest{
			AccountRef: ref, Email: "maria@example.com", Password: pw, TermsVersion: TermsVersion,
		}).wantFields(t, map[string]string{"password": "weak_password"})
	}
}

// A request naming another host in its Host header gets no link to that host:
// the verification email points at the simulator, where the request arrived.
func TestAnEmailLinkNeverFollowsTheHostHeader(t *testing.T) {
	e := newEnv(t)
	sess := e.register(plainNumber, "97504", "host@example.com")
	req := e.request("PUT", "/bill-delivery", client.BillDeliveryRequest{Method: client.DeliveryEmail}, withSession(sess.Token))
	req.Host = "evil.example"
	e.send(req).want(t, http.StatusAccepted)
	outbox := e.sim.Outbox()
	if len(outbox) == 0 {
		t.Fatal("no verification email was sent")
	}
	for _, m := range outbox {
		if strings.Contains(m.Link, "evil.example") || !strings.HasPrefix(m.Link, e.srv.URL+client.BasePath) {
			t.Errorf("the %s link is %q, want one on %s", m.Kind, m.Link, e.srv.URL)
		}
	}
}
