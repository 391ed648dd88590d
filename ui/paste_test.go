package ui

import (
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Whatever a visitor pastes into whatever field, the kiosk holds. Each
// paste goes through the entry's own paste path (the Ctrl+V shortcut with the
// app's clipboard, as the keyboard and the entry's context menu deliver it) into a
// form whose other fields hold good values; then the visitor leaves the field and
// presses the screen's main button.

// hostilePastes are what a visitor might paste, on purpose or not.
var hostilePastes = []struct{ name, text string }{
	{"8KiB", kibibytesOfText(8)},
	{"control", "Ana\x00\x1b[2J\r\n\t\x7fLopez"},
	{"rtl", "\u202eAna Lopez\u200f 1234"},
	{"emoji", "👨‍👩‍👧‍👦🇺🇸🇲🇽👍🏽✨"},
	{"combining", "Z\u0337\u0322\u031b\u0353a\u0336\u0323l\u0335\u0347g\u0338o\u0334"},
}

// kibibytesOfText is n KiB of random letters and digits in words: text no
// validator can call weak, blank or too short, only too long.
func kibibytesOfText(n int) string {
	const letters = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	r := rand.New(rand.NewPCG(6, 8192))
	var b strings.Builder
	for b.Len() < n*1024 {
		if b.Len()%9 == 8 {
			b.WriteByte(' ')
			continue
		}
		b.WriteByte(letters[r.IntN(len(letters))])
	}
	return b.String()[:n*1024]
}

// requestCounter counts the requests that reach the portal simulator.
type requestCounter struct {
	next http.Handler
	n    atomic.Int64
}

func (c *requestCounter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.n.Add(1)
	c.next.ServeHTTP(w, r)
}

// newCountedHarness is newHarnessWith's kiosk (fake clock, simulator over HTTP)
// with every request to the simulator counted.
func newCountedHarness(t *testing.T, settings testConfig) (*harness, *requestCounter) {
	t.Helper()
	test.NewTempApp(t)
	clock := newFakeClock(clocktest.Now())
	sim := portalsim.New(portalsim.Options{Now: clock.Now})
	counter := &requestCounter{next: sim}
	srv := httptest.NewServer(counter)
	t.Cleanup(srv.Close)
	portal, err := client.New(client.Options{BaseURL: srv.URL, KioskKey: portalsim.DemoKioskKey})
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(1280, 800))
	k, err := New(win, Deps{Portal: portal, Config: settings.config(false), Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	return &harness{kiosk: k, win: win, sim: sim, clock: clock}, counter
}

// pasteScreen is a visitor screen with text fields, reached and filled with good
// values the way a visitor does it.
type pasteScreen struct {
	name   string
	open   func(t *testing.T, h *harness, lang string) // reach the screen, fill every field well
	fields func(k *Kiosk) []*field                     // looked up afresh: some taps rebuild a screen
	submit func(k *Kiosk) *kwidget.Button
}

func payFields(k *Kiosk) []*field {
	s := viewOf[*payScreen](k)
	if s.method == nil {
		return nil // the form went through to the review
	}
	return append([]*field{s.accountNumber, s.postalCode, s.email, s.emailAgain, s.amount}, methodFields(k, s.method)...)
}

// methodFields are the payment form's fields for the kind of method chosen.
func methodFields(k *Kiosk, m *paymentForm) []*field {
	if m == nil {
		return nil // the form went through to the review
	}
	return []*field{m.bankHolder, m.routing, m.bankAccount} // a card has none: it is read by the terminal
}

var pasteScreens = []pasteScreen{
	{name: "find", open: func(t *testing.T, h *harness, lang string) {
		h.startIn(lang)
		h.typeInto(viewOf[*findScreen](h.kiosk).accountNumber.entry, legacyAccount)
		h.typeInto(viewOf[*findScreen](h.kiosk).postalCode.entry, "97501")
	}, fields: func(k *Kiosk) []*field {
		return []*field{viewOf[*findScreen](k).accountNumber, viewOf[*findScreen](k).postalCode}
	},
		submit: func(k *Kiosk) *kwidget.Button { return viewOf[*findScreen](k).submit }},
	{name: "register", open: func(t *testing.T, h *harness, lang string) {
		h.openRegister(t, lang)
		h.fillRegistration(newEmail, newEmail, strongPassword, true)
	}, fields: func(k *Kiosk) []*field {
		s := viewOf[*registerScreen](k)
		return []*field{s.email, s.emailAgain, s.password}
	},
		submit: func(k *Kiosk) *kwidget.Button { return viewOf[*registerScreen](k).submit }},
	{name: "sign_in", open: func(t *testing.T, h *harness, lang string) {
		s := h.openSignIn(t, lang)
		h.typeInto(s.email.entry, demoEmail)
		h.typeInto(s.password.entry, demoPassword)
	}, fields: func(k *Kiosk) []*field {
		return []*field{viewOf[*signInScreen](k).email, viewOf[*signInScreen](k).password}
	},
		submit: func(k *Kiosk) *kwidget.Button { return viewOf[*signInScreen](k).submit }},
	{name: "pay_by_bank", open: func(t *testing.T, h *harness, lang string) {
		h.goToPay(t, lang)
		h.fillEmails(newEmail, newEmail)
		h.fillBank(goodRouting)
	}, fields: payFields, submit: func(k *Kiosk) *kwidget.Button { return viewOf[*payScreen](k).submit }},
	{name: "autopay_by_bank", open: func(t *testing.T, h *harness, lang string) {
		h.signInDirectly(t, lang)
		test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
		h.fillBankInto(h.autoPayForm, goodRouting)
	}, fields: func(k *Kiosk) []*field { return methodFields(k, viewOf[*autoPayScreen](k).method) },
		submit: func(k *Kiosk) *kwidget.Button { return viewOf[*autoPayScreen](k).submit }},
}

func TestHostilePasteIntoEveryFieldIsRefusedBesideIt(t *testing.T) {
	for _, s := range pasteScreens {
		langs := []string{"en"}
		if s.name == "find" || s.name == "pay_by_bank" {
			langs = append(langs, "es")
		}
		for _, lang := range langs {
			t.Run(s.name+"/"+lang, func(t *testing.T) { provePastesRefused(t, s, lang) })
		}
	}
}

func provePastesRefused(t *testing.T, s pasteScreen, lang string) {
	h, portal := newCountedHarness(t, testConfig{})
	s.open(t, h, lang)
	h.win.Canvas().Unfocus()
	good := map[fieldID]string{}
	for _, f := range s.fields(h.kiosk) {
		good[f.spec.id] = f.entry.Text
	}
	if problems := h.kiosk.visit.problems; len(problems) != 0 {
		t.Fatalf("the good values have problems before any paste: %v", problems)
	}
	contentHeight := formHeight(h)
	screen := h.kiosk.page.id
	for i := range s.fields(h.kiosk) {
		for _, p := range hostilePastes {
			f := s.fields(h.kiosk)[i]
			what := string(f.spec.id) + " ← " + p.name
			before := portal.n.Load()
			paste(h, f.entry, p.text)
			if n := utf8.RuneCountInString(f.entry.Text); n > maxEntryRunes {
				t.Errorf("%s: the entry holds %d characters, more than %d", what, n, maxEntryRunes)
			}
			h.win.Canvas().Unfocus() // the visitor leaves the field
			assertRefusedBeside(t, h, f, lang, what+" (left)")
			test.Tap(s.submit(h.kiosk))
			h.settle()
			if fields := s.fields(h.kiosk); h.kiosk.page.id != screen || len(fields) <= i {
				t.Fatalf("%s: the form went through (to %s, %d requests); problems %v",
					what, h.kiosk.page.id, portal.n.Load()-before, h.kiosk.visit.problems)
			}
			f = s.fields(h.kiosk)[i]
			assertRefusedBeside(t, h, f, lang, what+" (submitted)")
			if n := portal.n.Load() - before; n != 0 {
				t.Errorf("%s: %d requests reached the portal", what, n)
			}
			for _, other := range s.fields(h.kiosk) {
				if other != f && other.entry.Text != good[other.spec.id] {
					t.Errorf("%s: %s now holds %q, was %q", what, other.spec.id, other.entry.Text, good[other.spec.id])
				}
			}
			assertLayoutHolds(t, h, f, s.submit(h.kiosk), contentHeight, what)
			retype(h, f.entry, good[f.spec.id])
			if _, still := h.kiosk.visit.problems[f.spec.id]; still {
				t.Errorf("%s: the problem stays after the good value is typed again", what)
			}
		}
	}
	// Every good value is back: the form goes through.
	test.Tap(s.submit(h.kiosk))
	h.settle()
	for id, msg := range h.kiosk.visit.problems {
		t.Errorf("after the pastes, the good form has a problem: %s %s", id, msg)
	}
}

// paste selects everything in e and pastes text over it with Ctrl+V.
func paste(h *harness, e *kwidget.Entry, text string) {
	h.win.Canvas().Focus(e)
	clipboard := fyne.CurrentApp().Clipboard()
	clipboard.SetContent(text)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clipboard})
}

// retype selects everything in e, types text over it and leaves the field.
func retype(h *harness, e *kwidget.Entry, text string) {
	h.win.Canvas().Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(e, text)
	h.win.Canvas().Unfocus()
}

// assertRefusedBeside checks f shows a problem of its own, in lang, from the
// catalog, with its icon: not a blank-field message, since the field is not blank.
func assertRefusedBeside(t *testing.T, h *harness, f *field, lang, what string) {
	t.Helper()
	id, ok := h.kiosk.visit.problems[f.spec.id]
	switch {
	case !ok:
		t.Errorf("%s: no problem beside the field", what)
		return
	case !strings.HasPrefix(id, "field.") || id == "field.required" || id == emailBlankID:
		t.Errorf("%s: problem %q does not say what is wrong", what, id)
	}
	want := h.msg(lang, id)
	if want == id || want == "" {
		t.Errorf("%s: %q is not in the %s catalog", what, id, lang)
	}
	if !f.problem.Visible() || !f.icon.Visible() || f.problem.Text != want {
		t.Errorf("%s: beside the field: %q (shown %v), want %q", what, f.problem.Text, f.problem.Visible(), want)
	}
}

// formHeight is the height the screen's form asks for, in its scroll.
func formHeight(h *harness) float32 {
	var height float32
	walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
		if s, ok := o.(*container.Scroll); ok && height == 0 {
			height = s.Content.MinSize().Height
		}
		return height == 0
	})
	return height
}

// assertLayoutHolds checks the window still fits 1280×800 across: nothing asks for
// more width, the field keeps the column's width, the form grew by a line or two of
// problem text at most, and the main button is on show inside the window.
func assertLayoutHolds(t *testing.T, h *harness, f *field, primary *kwidget.Button, heightBefore float32, what string) {
	t.Helper()
	const width = 1280
	if w := h.win.Canvas().Content().MinSize().Width; w > width {
		t.Errorf("%s: the screen asks for %.0f px across", what, w)
	}
	if w := f.entry.MinSize().Width; w > 760 {
		t.Errorf("%s: the field asks for %.0f px across", what, w)
	}
	if grown := formHeight(h) - heightBefore; grown > 400 {
		t.Errorf("%s: the form grew %.0f px taller", what, grown)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(primary)
	if !primary.Visible() || primary.Disabled() || pos.X < 0 || pos.X+primary.Size().Width > width {
		t.Errorf("%s: the main button is not on show (visible %v, x %.0f..%.0f)",
			what, primary.Visible(), pos.X, pos.X+primary.Size().Width)
	}
}
