package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/medfordwater/lobbykiosk/ui/keyboard"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// TestOnScreenKeyboardFindsTheAccountAndRegisters is what the keyboard is for: an
// email address and an account number typed only by tapping on-screen keys, the
// lookup and the registration finished that way.
func TestOnScreenKeyboardFindsTheAccountAndRegisters(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newKeyboardHarness(t)
		h.startIn(lang)
		find := viewOf[*findScreen](h.kiosk)
		h.assertKeyboardFor(t, find.accountNumber.entry, keyboard.Account)
		h.tapKeys(t, "102345671234567") // the keypad adds the hyphen itself
		if got := find.accountNumber.entry.Text; got != plainAccount {
			t.Fatalf("%s: account number typed on the keypad: %q", lang, got)
		}
		h.assertKeyboardFor(t, find.accountNumber.entry, keyboard.Account)
		h.tapKey(t, "keyboard.next")
		h.assertKeyboardFor(t, find.postalCode.entry, keyboard.Digits)
		h.tapKeys(t, "97504")
		h.tapKey(t, "keyboard.next") // the last field: the keyboard goes away
		if h.kiosk.keyboard.Dock().Visible() {
			t.Errorf("%s: keyboard still up after Next field on the last field", lang)
		}
		test.Tap(find.submit)
		h.settle()
		if h.kiosk.page.id != screenFound {
			t.Fatalf("%s: lookup by keypad led to %s; problems %v", lang, h.kiosk.page.id, h.kiosk.visit.problems)
		}
		test.Tap(viewOf[*foundScreen](h.kiosk).register)
		h.settle()
		h.registerByKeys(t)
		if got := h.sim.Stats().Registrations; got != 1 || h.kiosk.page.id != screenMyAccount {
			t.Fatalf("%s: %d registrations, screen %s; problems %v", lang, got, h.kiosk.page.id, h.kiosk.visit.problems)
		}
	}
}

func TestKeyboardLayoutFollowsTheFieldAndHidesOnItsKey(t *testing.T) {
	h := newKeyboardHarness(t)
	h.startIn("en")
	find := viewOf[*findScreen](h.kiosk)
	assertKeys(t, h, true, "0", "9", "keyboard.backspace", "keyboard.next", "keyboard.hide")
	assertKeys(t, h, false, ".", "a", "@")
	h.win.Canvas().Unfocus() // a tap elsewhere: the keys stay for their field
	if !h.kiosk.keyboard.Dock().Visible() || h.kiosk.keyboard.Target() != find.accountNumber.entry {
		t.Fatal("the keyboard went away with the focus")
	}
	h.win.Canvas().Focus(find.postalCode.entry)
	h.assertKeyboardFor(t, find.postalCode.entry, keyboard.Digits)
	h.tapKey(t, "keyboard.hide")
	if h.kiosk.keyboard.Dock().Visible() || h.win.Canvas().Focused() != nil {
		t.Fatal("Hide left the keyboard up or the field focused")
	}

	h.findAccount(plainAccount, "97504")
	test.Tap(viewOf[*foundScreen](h.kiosk).register)
	h.settle()
	assertKeys(t, h, true, "@", ".com", ".net", ".org", "gmail.com", "yahoo.com", "hotmail.com", "outlook.com")
	h.win.Canvas().Focus(viewOf[*registerScreen](h.kiosk).password.entry)
	assertKeys(t, h, true, "ñ", "á", "é", "í", "ó", "ú", "ü", "¿", "¡", "keyboard.shift", "keyboard.space")

	h = newKeyboardHarness(t)
	h.startIn("en")
	h.findAccount(plainAccount, "97504")
	test.Tap(viewOf[*foundScreen](h.kiosk).payNow)
	h.win.Canvas().Focus(viewOf[*payScreen](h.kiosk).amount.entry)
	h.assertKeyboardFor(t, viewOf[*payScreen](h.kiosk).amount.entry, keyboard.Amount)
	assertKeys(t, h, true, ".", "0")
}

// assertKeys checks each key is (or is not) on the keyboard on show, as big as a
// finger needs.
func assertKeys(t *testing.T, h *harness, present bool, ids ...string) {
	t.Helper()
	for _, id := range ids {
		key := h.kiosk.keyboard.Key(id)
		ok := key != nil
		if ok != present {
			t.Errorf("key %q on the keyboard: %v, want %v", id, ok, present)
			continue
		}
		// The keys are sized from the panel (ui/keyboard/size.go): on a short one
		// they are the kiosk's smallest target, never smaller.
		if ok && (key.Size().Width < minTarget || key.Size().Height < minTarget) {
			t.Errorf("key %q is only %v", id, key.Size())
		}
	}
}

func TestKeyboardIsOffWhenConfiguredOff(t *testing.T) {
	h := newHarness(t, ModeLive)
	h.startIn("en")
	if h.kiosk.keyboard != nil || h.win.Canvas().Focused() != fyne.Focusable(viewOf[*findScreen](h.kiosk).accountNumber.entry) {
		t.Fatal("keyboard shown although on_screen_keyboard is off")
	}
}

func TestKeyboardWordsFollowTheVisitorsLanguage(t *testing.T) {
	h := newKeyboardHarness(t)
	h.startIn("es")
	want := map[string]string{"keyboard.backspace": "Borrar", "keyboard.next": "Siguiente campo", "keyboard.hide": "Ocultar teclado"}
	for id, label := range want {
		if got := h.kiosk.keyboard.Key(id).Text; got != label {
			t.Errorf("es: key %s says %q, want %q", id, got, label)
		}
	}
	assertTextsFromCatalog(t, h, keyboard.KeyTexts()...)
	h.switchLanguage()
	if got := h.kiosk.keyboard.Key("keyboard.next").Text; got != "Next field" {
		t.Errorf("after switching to English the key says %q", got)
	}
	h.tapKeys(t, "1023")
	h.switchLanguage() // the field is rebuilt from the visit: keys still add at its end
	h.tapKeys(t, "4")
	if got := viewOf[*findScreen](h.kiosk).accountNumber.entry.Text; got != "10234" {
		t.Errorf("after a language switch the keys typed into %q", got)
	}
	h.findAccount(plainAccount[5:], "97504")
	test.Tap(viewOf[*foundScreen](h.kiosk).register)
	h.settle()
	h.win.Canvas().Focus(viewOf[*registerScreen](h.kiosk).password.entry)
	if got := h.kiosk.keyboard.Key("keyboard.shift").Text; got != "Mayúscula" {
		t.Errorf("es: the capital-letter key says %q", got)
	}
	r := viewOf[*registerScreen](h.kiosk) // the terms are the portal's words, not the catalog's
	assertTextsFromCatalog(t, h, append(keyboard.KeyTexts(), r.termsTitle.Text, r.termsText.Text)...)
}

// TestFocusedFieldStaysVisibleAboveTheKeyboard: the screen's scroll area shrinks
// above the keys and scrolls the focused field into it.
func TestFocusedFieldStaysVisibleAboveTheKeyboard(t *testing.T) {
	h := newKeyboardHarness(t)
	h.startIn("en")
	h.findAccount(plainAccount, "97504")
	test.Tap(viewOf[*foundScreen](h.kiosk).register)
	h.settle()
	r := viewOf[*registerScreen](h.kiosk)
	for _, f := range []*field{r.password, r.email, r.emailAgain, r.password} {
		h.win.Canvas().Focus(f.entry)
		assertVisibleAboveKeyboard(t, h, f.entry)
	}
	if h.kiosk.keyboard.Scroll().Offset.Y == 0 {
		t.Error("the password field was reached without scrolling: the test proves nothing at this size")
	}
}

func assertVisibleAboveKeyboard(t *testing.T, h *harness, e *kwidget.Entry) {
	t.Helper()
	kb := h.kiosk.keyboard
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(e).Y
	bottom := top + e.Size().Height
	areaTop := d.AbsolutePositionForObject(kb.Scroll()).Y
	areaBottom := areaTop + kb.Scroll().Size().Height
	dockTop := d.AbsolutePositionForObject(kb.Dock()).Y
	if !kb.Dock().Visible() || top < areaTop || bottom > areaBottom || bottom > dockTop {
		t.Errorf("field at %v–%v; visible area %v–%v; keyboard from %v", top, bottom, areaTop, areaBottom, dockTop)
	}
}

func TestKeyboardTypesSpanishCharactersIntoAPassword(t *testing.T) {
	h := newKeyboardHarness(t)
	h.startIn("es")
	h.findAccount(plainAccount, "97504")
	test.Tap(viewOf[*foundScreen](h.kiosk).register)
	h.settle()
	pw := viewOf[*registerScreen](h.kiosk).password.entry
	h.win.Canvas().Focus(pw)
	const want = "Ñandú¿Sí¡Ñoño! éáü"
	h.tapKeys(t, want)
	if pw.Text != want || h.kiosk.visit.fields[fieldPassword] != want {
		t.Fatalf("password entry holds %q, the visit %q", pw.Text, h.kiosk.visit.fields[fieldPassword])
	}
	h.assertKeyboardFor(t, pw, keyboard.Full)
	if !pw.Password || slices.Contains(visibleTexts(h.win.Canvas()), want) {
		t.Error("the password shows in clear")
	}
	h.tapKey(t, "keyboard.backspace")
	if pw.Text != want[:len(want)-len("ü")] {
		t.Errorf("Delete left %q", pw.Text)
	}
}

// TestResetLeavesNoKeyboardBehind: Start over rebuilds from scratch; no key, target
// or Shift of the last visitor survives.
func TestResetLeavesNoKeyboardBehind(t *testing.T) {
	h := newKeyboardHarness(t)
	h.startIn("en")
	h.tapKeys(t, "1023")
	old := h.kiosk.keyboard
	stale := old.Key("5")
	h.startOver()
	if h.kiosk.page.id != screenWelcome || h.kiosk.keyboard != nil || old.Dock().Visible() {
		t.Fatalf("after Start over: screen %s, keyboard %v, old one shown %v", h.kiosk.page.id, h.kiosk.keyboard, old.Dock().Visible())
	}
	test.Tap(stale) // a key of the last visitor's screen, should anything still hold it
	if h.kiosk.visit.fields[fieldAccountNumber] != "" || old.Target().TextEntry().Text != "1023" {
		t.Errorf("a key of the last visitor's screen still types")
	}
	h.startIn("en")
	if got := viewOf[*findScreen](h.kiosk).accountNumber.entry.Text; got != "" {
		t.Errorf("the next visitor finds %q", got)
	}
}

func TestAKeyPressCountsAsActivity(t *testing.T) {
	h := newKeyboardHarness(t)
	h.startIn("en")
	for range 3 {
		h.clock.Advance(idle - 10*time.Second)
		h.tapKey(t, "1")
	}
	if h.kiosk.limits.overlay != nil {
		t.Fatal("idle warning while the visitor types on the on-screen keyboard")
	}
	h.clock.Advance(idle)
	if h.kiosk.limits.overlay == nil {
		t.Fatal("no idle warning once the typing stopped: the test proves nothing")
	}
}
