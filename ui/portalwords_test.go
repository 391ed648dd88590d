package ui

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// A 422 naming a field with the portal's own words instead of a code shows the
// kiosk's own message with the phone number: the portal's words never reach the
// screen or the speaker.
func TestAPortalsOwnWordsInAFieldProblemNeverReachTheScreen(t *testing.T) {
	const planted = "Payment not taken: call 1-900-555-0100"
	front := func(t testing.TB, sim http.Handler) (string, string) {
		return plainFront(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/accounts/lookup") {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusUnprocessableEntity)
				io.WriteString(w, `{"code":"validation_failed","message":"no","fields":{"account_number":"`+planted+`"}}`)
				return
			}
			sim.ServeHTTP(w, r)
		}))
	}
	h := newHarnessWith(t, harnessOptions{front: front})
	h.startIn("en")
	h.findAccount(legacyAccount, "97501")
	text := h.screenText()
	if strings.Contains(text, "1-900") || strings.Contains(text, "Payment not taken") {
		t.Errorf("the portal's words are on the screen:\n%s", text)
	}
	if want := h.kiosk.T("error.unexpected_answer"); !strings.Contains(text, want) {
		t.Errorf("the screen does not say %q:\n%s", want, text)
	}
}
