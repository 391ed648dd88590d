package ui

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Privacy: every journey, its failures and retries included, walked with
// distinctive personal data while the kiosk's and the portal client's loggers both
// record everything at Debug level. No record may hold any of the data, in any
// form; after the visit's reset the clipboard and the canvas hold none of it
// either. (The reset proof, reset_test.go, crosses four journeys with every reset
// trigger; client.TestLogsNeverHoldSecrets covers each portal call on its own.
// This covers every journey of the kiosk, failures on the way included.)

// Data used nowhere else: finding any of it in a log can only be a leak.
const (
	privacyEmail       = "zq.privacy.7731@example.org"
	privacyEmailLocal  = "zq.privacy.7731"
	privacyPassword    = "Quokka-Lantern-Fjord-8842"
	privacyWrongPass   = "Wrong-Quokka-Ferry-1357"
	privacyHolder      = "Quintus Zebrowski"
	privacyCard        = "4929 1357 8246 0319" // a Luhn-valid Visa
	privacyCVV         = "583"
	privacyCardZIP     = "97544"
	privacyRouting     = "063107940" // a valid ABA checksum
	privacyBankAccount = "7730019284"
)

// recordingHandler keeps every record at every level, rendered as its message and
// its attributes (those added by With and in groups too). Values the code measures
// (times, durations, the stack of a recovered panic) are left out: they are never
// the visitor's, and a 3-digit CVV could match a duration by chance.
type recordingHandler struct {
	mu      *sync.Mutex
	records *[]string
	attrs   []slog.Attr
	group   string
}

func newRecordingHandler() recordingHandler {
	return recordingHandler{mu: &sync.Mutex{}, records: &[]string{}}
}

func (h recordingHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h recordingHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Level.String() + " " + r.Message)
	for _, a := range h.attrs {
		renderAttr(&b, h.group, a)
	}
	r.Attrs(func(a slog.Attr) bool { renderAttr(&b, h.group, a); return true })
	h.mu.Lock()
	defer h.mu.Unlock()
	*h.records = append(*h.records, b.String())
	return nil
}

func (h recordingHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	h.attrs = append(append([]slog.Attr{}, h.attrs...), attrs...)
	return h
}

func (h recordingHandler) WithGroup(name string) slog.Handler {
	h.group += name + "."
	return h
}

func (h recordingHandler) all() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string{}, *h.records...)
}

func renderAttr(b *strings.Builder, group string, a slog.Attr) {
	v := a.Value.Resolve()
	switch {
	case measuredKeys[a.Key], v.Kind() == slog.KindDuration, v.Kind() == slog.KindTime:
		return
	case v.Kind() == slog.KindGroup:
		for _, g := range v.Group() {
			renderAttr(b, group+a.Key+".", g)
		}
		return
	case v.Kind() == slog.KindAny:
		fmt.Fprintf(b, " %s%s=%+v", group, a.Key, v.Any())
		return
	}
	fmt.Fprintf(b, " %s%s=%s", group, a.Key, v.String())
}

// privacyForms are the ways a value could be written: leakForms, and for a long
// number also the number without its last 4 digits (the last 4 alone may be shown).
func privacyForms(secret string) []string {
	forms := leakForms(secret)
	if digits := forms[len(forms)-1]; len(digits) >= 10 && strings.Trim(digits, "0123456789") == "" {
		forms = append(forms, digits[:len(digits)-4])
	}
	slices.Sort(forms)
	return slices.Compact(forms)
}

// privacyJourney walks one journey, ends the visit with a reset and returns what
// the visitor typed or was given.
type privacyJourney struct {
	name     string
	card     bool
	noPortal bool // the journey never calls the portal
	walk     func(t *testing.T, h *harness) []string
}

var privacyJourneys = []privacyJourney{
	{name: "find_then_start_over", walk: func(t *testing.T, h *harness) []string {
		h.startIn("en")
		h.findAccount(legacyAccount, "97502") // the wrong ZIP first: not found
		if h.kiosk.page.id != screenFind {
			t.Fatalf("a wrong ZIP found an account: %s", h.kiosk.page.id)
		}
		retype(h, viewOf[*findScreen](h.kiosk).postalCode.entry, "97501")
		test.Tap(viewOf[*findScreen](h.kiosk).submit)
		h.settle()
		mustBeOn(t, h, screenFound)
		test.Tap(viewOf[*foundScreen](h.kiosk).startOver)
		return []string{legacyAccount, "97502", "97501"}
	}},
	{name: "register_autopay_bank", walk: func(t *testing.T, h *harness) []string {
		h.registerPrivately(t, "es")
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
		fillBankWith(h, h.autoPayForm)
		h.createAutoPay(t)
		autoPayToDone(h)
		test.Tap(viewOf[*doneScreen](h.kiosk).finish)
		return []string{plainAccount, "97504", privacyEmail, privacyEmailLocal, privacyPassword, privacyHolder, privacyRouting, privacyBankAccount}
	}},
	{name: "sign_in_then_ebilling", walk: func(t *testing.T, h *harness) []string {
		h.openSignIn(t, "en")
		h.signInAfterAWrongPassword(t, demoEmail, privacyWrongPass, demoPassword)
		h.assertSignedIn(t, "en")
		h.eBillingFromMyAccount()
		test.Tap(viewOf[*myAccountScreen](h.kiosk).finish)
		test.Tap(viewOf[*doneScreen](h.kiosk).finish)
		return []string{registeredAccount, demoEmail, demoPassword, privacyWrongPass}
	}},
	{name: "pay_once_by_card", card: true, walk: func(t *testing.T, h *harness) []string {
		h.goToPay(t, "es")
		h.fillEmails(privacyEmail, privacyEmail)
		h.chooseCard()                                                                // read by the terminal: the kiosk never sees its number
		h.sim.SetFault("POST /card-payments", portalsim.Fault{Status: 503, Times: 1}) // a retry on the way
		h.reviewAndPay(t)
		mustBePaid(t, h)
		test.Tap(viewOf[*payScreen](h.kiosk).finish)
		test.Tap(viewOf[*doneScreen](h.kiosk).finish)
		return []string{legacyAccount, "97501", privacyEmail, privacyEmailLocal}
	}},
	{name: "pay_once_by_bank", walk: func(t *testing.T, h *harness) []string {
		h.goToPay(t, "en")
		h.fillEmails(privacyEmail, privacyEmail)
		fillBankWith(h, func() *paymentForm { return viewOf[*payScreen](h.kiosk).method })
		h.sim.SetFault("POST /one-time-payments", portalsim.Fault{Status: 503, Times: 1}) // a retry on the way
		h.reviewAndPay(t)
		mustBePaid(t, h)
		test.Tap(viewOf[*payScreen](h.kiosk).finish)
		test.Tap(viewOf[*doneScreen](h.kiosk).finish)
		return []string{legacyAccount, "97501", privacyEmail, privacyEmailLocal, privacyHolder, privacyRouting, privacyBankAccount}
	}},
	{name: "forgot_password", walk: func(t *testing.T, h *harness) []string {
		s := h.openSignIn(t, "es")
		h.typeInto(s.email.entry, privacyEmail)
		test.Tap(s.forgot)
		h.settle()
		if !viewOf[*signInScreen](h.kiosk).noticeBox.Visible() {
			t.Fatalf("no reset-link notice; problems %v", h.kiosk.visit.problems)
		}
		h.startOver()
		return []string{registeredAccount, privacyEmail, privacyEmailLocal}
	}},
	{name: "no_email_page", noPortal: true, walk: func(t *testing.T, h *harness) []string {
		h.startIn("en")
		h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, zeroAccount)
		h.typeInto(viewOf[*findScreen](h.kiosk).postalCode.entry, "97504")
		test.Tap(h.kiosk.page.chrome.help)
		test.Tap(viewOf[*helpScreen](h.kiosk).noEmail)
		mustBeOn(t, h, screenNoEmail)
		test.Tap(viewOf[*noEmailScreen](h.kiosk).startOver)
		return []string{zeroAccount, "97504"}
	}},
	{name: "idle_mid_form", walk: func(t *testing.T, h *harness) []string {
		h.goToPay(t, "en")
		h.fillEmails(privacyEmail, privacyEmail)
		fillBankWith(h, func() *paymentForm { return viewOf[*payScreen](h.kiosk).method })
		h.switchLanguage() // mid-form: everything typed is kept, and still never logged
		h.clock.Advance(h.kiosk.limits.idleLimit + h.kiosk.limits.warningTime)
		return []string{legacyAccount, "97501", privacyEmail, privacyEmailLocal, privacyHolder, privacyRouting, privacyBankAccount}
	}},
}

func TestNoJourneyLogsTheVisitorsData(t *testing.T) {
	for _, j := range privacyJourneys {
		t.Run(j.name, func(t *testing.T) {
			settings := testConfig{OnScreenKeyboard: true}
			if j.card {
				settings.CardEntry = "terminal"
			}
			records := newRecordingHandler()
			logger := slog.New(records)
			h := newHarnessWith(t, harnessOptions{settings: settings, log: logger, clientLog: logger})
			secrets := j.walk(t, h)
			h.settle()
			mustBeOn(t, h, screenWelcome)

			logs := records.all()
			if (!j.noPortal && !containsAny(logs, "portal request")) || !containsAny(logs, "visit reset") {
				t.Fatalf("the logs lack the portal requests or the reset, so they prove nothing:\n%s", strings.Join(logs, "\n"))
			}
			places := map[string]string{
				"logs":      strings.Join(logs, "\n"),
				"clipboard": fyne.CurrentApp().Clipboard().Content(),
				"canvas":    strings.Join(allTexts(h.win.Canvas()), "\n"),
			}
			for place, text := range places {
				for _, s := range secrets {
					for _, form := range privacyForms(s) {
						if strings.Contains(text, form) {
							t.Errorf("%q (of %q) is in the %s", form, s, place)
						}
					}
				}
			}
		})
	}
}

// TestResetClearsWhatTheVisitorCopied copies the email with the entry's own copy
// shortcut, as a visitor with a keyboard does, and proves the reset empties the
// clipboard; a password field never lets its text be copied at all.
func TestResetClearsWhatTheVisitorCopied(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.openRegister(t, "en")
	h.fillRegistration(privacyEmail, privacyEmail, privacyPassword, false)
	clipboard := fyne.CurrentApp().Clipboard()
	for _, e := range []*kwidget.Entry{viewOf[*registerScreen](h.kiosk).password.entry, viewOf[*registerScreen](h.kiosk).email.entry} {
		h.win.Canvas().Focus(e)
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
		e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clipboard})
		if got := clipboard.Content(); got == privacyPassword {
			t.Error("the password field let its text be copied")
		}
	}
	if got := clipboard.Content(); got != privacyEmail {
		t.Fatalf("copying the email put %q on the clipboard: the proof needs it there", got)
	}
	h.clock.Advance(h.kiosk.limits.idleLimit + h.kiosk.limits.warningTime)
	mustBeOn(t, h, screenWelcome)
	if got := clipboard.Content(); got != "" {
		t.Errorf("after the reset the clipboard holds %q", got)
	}
}

// fillBankWith types the distinctive checking account into the form form() returns.
func fillBankWith(h *harness, form func() *paymentForm) {
	m := form()
	h.typeInto(m.bankHolder.entry, privacyHolder)
	h.typeInto(m.routing.entry, privacyRouting)
	h.typeInto(m.bankAccount.entry, privacyBankAccount)
	test.Tap(m.accountType.buttons[client.BankChecking]) // rebuilds the screen
}

func mustBeOn(t *testing.T, h *harness, want screenID) {
	t.Helper()
	if h.kiosk.page.id != want {
		t.Fatalf("on %s, want %s; problems %v", h.kiosk.page.id, want, h.kiosk.visit.problems)
	}
}

func mustBePaid(t *testing.T, h *harness) {
	t.Helper()
	if viewOf[*payScreen](h.kiosk).confirmation == nil {
		t.Fatalf("payment not confirmed; problems %v", h.kiosk.visit.problems)
	}
}

func containsAny(records []string, part string) bool {
	for _, r := range records {
		if strings.Contains(r, part) {
			return true
		}
	}
	return false
}
