package ui

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Distinctive data for the reset proof: strings that appear nowhere in the
// catalogs or the simulator, so finding one after a reset can only mean a leak.
const (
	proofHolder   = "Zebulon Quixote"
	proofEmail    = "zq.proof.7781@example.com"
	proofPassword = "Quasar-Marmot-Xylo-9316"
	proofRouting  = "322271627" // a real ABA checksum, unlike anything on screen
	proofBank     = "86753091247"
)

// lockedBuffer is a log sink shared by the kiosk's and the client's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newLoggedHarness is a live kiosk whose own log and whose portal client's log both
// go, at Debug level, to the returned buffer.
func newLoggedHarness(t *testing.T, settings testConfig, speech ...speechmode.Speaker) (*harness, *lockedBuffer) {
	t.Helper()
	logs := &lockedBuffer{}
	log := newProofLogger(logs)
	o := harnessOptions{settings: settings, log: log, clientLog: log}
	if len(speech) > 0 {
		o.speech = speech[0]
	}
	return newHarnessWith(t, o), logs
}

// measuredKeys are log attributes whose values the code itself produces (clock
// readings, durations, a panic's code locations), never the visitor's data. The
// proof logger masks them, so that a 3-digit CVV cannot match "742µs" or "+0x742"
// by chance.
var measuredKeys = map[string]bool{
	slog.TimeKey: true, "duration": true, "reset_ms": true, "visit_seconds": true, "stack": true,
}

// newBufferLogger logs everything, Debug included, as text into logs.
func newBufferLogger(logs *lockedBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// newProofLogger is newBufferLogger with the measured values masked.
func newProofLogger(logs *lockedBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if measuredKeys[a.Key] {
				return slog.String(a.Key, "#")
			}
			return a
		},
	}))
}

// allTexts is every string held by every text-bearing object on the canvas, content
// and overlays, shown or hidden: labels, entries and their placeholders, buttons,
// checks, hyperlinks, canvas texts and rich-text segments. Unlike visibleTexts it
// reads hidden objects too and goes on into a widget after reading its text, so
// nothing a widget keeps can escape it.
func allTexts(c fyne.Canvas) []string {
	var texts []string
	walkCanvas(c, func(o fyne.CanvasObject) bool {
		texts = append(texts, ownTexts(o)...)
		return true
	})
	return texts
}

// ownTexts is the text o itself holds (not its children's).
func ownTexts(o fyne.CanvasObject) []string {
	switch w := o.(type) {
	case *widget.Label:
		return []string{w.Text}
	case *kwidget.Button:
		return []string{w.Text}
	case *kwidget.HoldButton:
		return []string{w.Text}
	case *kwidget.Entry:
		return []string{w.Text, w.PlaceHolder}
	case *widget.Entry:
		return []string{w.Text, w.PlaceHolder}
	case *kwidget.Check:
		return []string{w.Text}
	case *widget.Hyperlink:
		return []string{w.Text}
	case *widget.Select:
		return append([]string{w.Selected, w.PlaceHolder}, w.Options...)
	case *canvas.Text:
		return []string{w.Text}
	case *widget.RichText:
		var texts []string
		for _, s := range w.Segments {
			texts = append(texts, s.Textual())
		}
		return texts
	}
	return nil
}

// leakForms are the ways a secret could be written: as typed, without spaces or
// hyphens, and, for numbers, as bare digits.
func leakForms(secret string) []string {
	forms := []string{secret, strings.NewReplacer(" ", "", "-", "").Replace(secret)}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, secret)
	if len(digits) >= 5 && len(digits)*2 > len(secret) { // mostly a number
		forms = append(forms, digits)
	}
	return forms
}

// proofJourney is one visitor journey of the reset proof. run walks it by tapping
// and typing with the distinctive data and returns what it typed or saw that must
// not survive the reset; it ends on a screen from which toDone reaches Done.
type proofJourney struct {
	name   string
	card   bool // the kiosk takes cards at the practice terminal
	run    func(t *testing.T, h *harness) []string
	toDone func(h *harness)
}

// fillProofBank types Zebulon's checking account into the form form() returns.
func (h *harness) fillProofBank(form func() *paymentForm) {
	m := form()
	h.typeInto(m.bankHolder.entry, proofHolder)
	h.typeInto(m.routing.entry, proofRouting)
	h.typeInto(m.bankAccount.entry, proofBank)
	test.Tap(m.accountType.buttons[client.BankChecking])
}

// chooseCard chooses a card on the payment screen: the terminal reads it.
func (h *harness) chooseCard() {
	test.Tap(viewOf[*payScreen](h.kiosk).method.kind.buttons[client.KindCard])
}

var bankSecrets = []string{proofHolder, proofRouting, proofBank}

// payOnce pays the legacy account once with the method fill types, in Spanish.
func payOnce(fill func(h *harness), secrets []string) func(t *testing.T, h *harness) []string {
	return func(t *testing.T, h *harness) []string {
		t.Helper()
		h.goToPay(t, "es")
		h.fillEmails(proofEmail, proofEmail)
		fill(h)
		h.reviewAndPay(t)
		if viewOf[*payScreen](h.kiosk).confirmation == nil {
			t.Fatalf("payment not confirmed; problems %v", h.kiosk.visit.problems)
		}
		return append([]string{legacyAccount, "97501", proofEmail}, secrets...)
	}
}

// payToDone leaves the receipt for the Done screen.
func payToDone(h *harness) { test.Tap(viewOf[*payScreen](h.kiosk).finish) }

// autoPayToDone leaves the AutoPay confirmation for My account, then Done.
func autoPayToDone(h *harness) {
	test.Tap(viewOf[*autoPayScreen](h.kiosk).done)
	h.settle()
	test.Tap(viewOf[*myAccountScreen](h.kiosk).finish)
}

// registerThenAutoPay registers the plain account as Zebulon and sets up AutoPay
// from Zebulon's bank account.
func registerThenAutoPay(t *testing.T, h *harness) []string {
	t.Helper()
	h.openRegister(t, "en")
	h.fillRegistration(proofEmail, proofEmail, proofPassword, true)
	test.Tap(viewOf[*registerScreen](h.kiosk).submit)
	h.settle()
	h.assertSignedIn(t, "en")
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	h.fillProofBank(h.autoPayForm)
	h.createAutoPay(t)
	return append([]string{plainAccount, "97504", proofEmail, proofPassword}, bankSecrets...)
}

// signInThenAutoPay signs in to the registered account by the screen and sets up
// AutoPay from Zebulon's bank account, in Spanish.
func signInThenAutoPay(t *testing.T, h *harness) []string {
	t.Helper()
	s := h.openSignIn(t, "es")
	h.typeInto(s.email.entry, demoEmail)
	h.typeInto(s.password.entry, demoPassword)
	test.Tap(s.submit)
	h.settle()
	h.assertSignedIn(t, "es")
	test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
	h.fillProofBank(h.autoPayForm)
	h.createAutoPay(t)
	return append([]string{registeredAccount, "97501", demoEmail, demoPassword}, bankSecrets...)
}

// createAutoPay reviews and creates the AutoPay enrolment typed on the screen.
func (h *harness) createAutoPay(t *testing.T) {
	t.Helper()
	test.Tap(viewOf[*autoPayScreen](h.kiosk).submit)
	if viewOf[*autoPayScreen](h.kiosk).create == nil {
		t.Fatalf("no AutoPay review; problems %v", h.kiosk.visit.problems)
	}
	h.readReview()
	test.Tap(viewOf[*autoPayScreen](h.kiosk).create)
	h.settle()
	if viewOf[*autoPayScreen](h.kiosk).confirmation == nil {
		t.Fatalf("AutoPay not confirmed; problems %v", h.kiosk.visit.problems)
	}
}

var proofJourneys = []proofJourney{
	{name: "pay_by_bank", run: payOnce(func(h *harness) {
		h.fillProofBank(func() *paymentForm { return viewOf[*payScreen](h.kiosk).method })
	}, bankSecrets), toDone: payToDone},
	{name: "pay_by_card", card: true, run: payOnce((*harness).chooseCard, nil), toDone: payToDone},
	{name: "register_autopay_bank", run: registerThenAutoPay, toDone: autoPayToDone},
	{name: "signin_autopay_bank", run: signInThenAutoPay, toDone: autoPayToDone},
}

// startOver taps the chrome's Start over and, when it asks whether to erase what
// was typed, says yes.
func (h *harness) startOver() {
	h.kiosk.page.question = nil
	test.Tap(h.kiosk.page.chrome.startOver)
	if q := h.kiosk.page.question; q != nil {
		test.Tap(q.erase)
	}
}
