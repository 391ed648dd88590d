package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/internal/display"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"

	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// The screens the kiosk's panels come in, landscape: the keyboard must leave the
// focused field whole above it on each.
var landscapePanels = []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 768},
	{Width: display.MinLayoutWidth, Height: display.MinLayoutHeight}}

// TestKeyboardLeavesTheFocusedFieldWholeAndTheNextInView focuses each field of the
// Register screen with the keys up and checks that what a visitor reads to fill it
// in (label, hint, the field, its problem after a bad input) is all above the keys,
// and that what comes next shows too: the next field, or the control after the
// last.
func TestKeyboardLeavesTheFocusedFieldWholeAndTheNextInView(t *testing.T) {
	// The canvases at scale 1, and the one a 15.6-inch 1280×800 panel gives at the
	// scale the kiosk picks for it.
	for _, size := range append(landscapePanels, landscapeLobbyPanel.logicalSize(t)) {
		for _, lang := range []string{"en", "es"} {
			name := fmt.Sprintf("%vx%v/%s", size.Width, size.Height, lang)
			h := newKeyboardHarness(t)
			h.win.Resize(size)
			h.startIn(lang)
			h.findAccount(plainAccount, "97504")
			test.Tap(viewOf[*foundScreen](h.kiosk).register)
			h.settle()
			r := viewOf[*registerScreen](h.kiosk)
			fields := []*field{r.email, r.emailAgain, r.password}
			bad := []string{"not-an-address", "other@example.com", "short"}
			for i, f := range fields {
				// A bad input first, then the field again: its problem shows under it.
				h.focusWithKeys(f.entry)
				test.Type(f.entry, bad[i])
				h.win.Canvas().Unfocus()
				if !f.problem.Visible() {
					t.Fatalf("%s: %q in %s shows no problem", name, bad[i], f.spec.id)
				}
			}
			for i, f := range fields {
				h.focusWithKeys(f.entry)
				top, bottom := h.roomAboveKeys()
				for _, o := range frameOf(t, h, f) {
					h.assertWithin(t, name+" "+string(f.spec.id), o, top, bottom)
				}
				// The next field shows too, by its label at least: a field whose
				// problem shows leaves no room for all of the next one's label, hint
				// and entry. The last, the password, has its Show password and its
				// live strength in its frame; the screen's button is past the terms,
				// which the visitor reads with the keys put away (Next field).
				if i+1 < len(fields) {
					h.assertWithin(t, name+" after "+string(f.spec.id), frameOf(t, h, fields[i+1])[0], top, bottom)
				}
			}
		}
	}
}

// TestKeyboardKeysFollowThePanelsHeight: keys as big as a finger needs where the
// panel is short, and bigger where it is tall (a portrait panel).
func TestKeyboardKeysFollowThePanelsHeight(t *testing.T) {
	heights := map[fyne.Size]float32{}
	for _, size := range append(landscapePanels, fyne.NewSize(1080, 1920)) {
		h := newKeyboardHarness(t)
		h.win.Resize(size)
		h.openRegister(t, "en")
		h.focusWithKeys(viewOf[*registerScreen](h.kiosk).password.entry)
		key := h.kiosk.keyboard.Key("a").Size().Height
		top, bottom := h.roomAboveKeys()
		t.Logf("%vx%v: letter key %.0f px high, keyboard %.0f px, form room %.0f px", size.Width, size.Height, key,
			h.kiosk.keyboard.Dock().Size().Height, bottom-top)
		if key < minTarget {
			t.Errorf("%vx%v: keys %.0f px high, under the %v px a finger needs", size.Width, size.Height, key, minTarget)
		}
		heights[size] = key
	}
	if portrait, landscape := heights[fyne.NewSize(1080, 1920)], heights[landscapePanels[0]]; portrait <= landscape {
		t.Errorf("portrait keys %.0f px high, no higher than landscape's %.0f", portrait, landscape)
	}
}

// focusWithKeys focuses e as a touch does and lets the keyboard settle.
func (h *harness) focusWithKeys(e *kwidget.Entry) {
	h.win.Canvas().Focus(e)
	h.clock.Advance(time.Second)
}

// roomAboveKeys is the window's visible stretch of the scrolling page and of the
// footer under it (Done's), in window coordinates: under the chrome and above the keys.
func (h *harness) roomAboveKeys() (top, bottom float32) {
	s := h.pageScroll()
	top = fyne.CurrentApp().Driver().AbsolutePositionForObject(s).Y
	bottom = top + s.Size().Height
	if f := h.kiosk.page.footer; f != nil { // in view under the scroll (Done)
		bottom = fyne.CurrentApp().Driver().AbsolutePositionForObject(f).Y + f.Size().Height
	}
	return top, bottom
}

// pageScroll is the screen's scrolling page.
func (h *harness) pageScroll() *container.Scroll {
	if kb := h.kiosk.keyboard; kb != nil {
		return kb.Scroll()
	}
	var page *container.Scroll
	walkCanvas(h.win.Canvas(), func(o fyne.CanvasObject) bool {
		if s, ok := o.(*container.Scroll); ok && page == nil {
			page = s
		}
		return page == nil
	})
	return page
}

// assertWithin checks what is drawn of o lies wholly between top and bottom of
// the window.
func (h *harness) assertWithin(t *testing.T, name string, o fyne.CanvasObject, top, bottom float32) {
	t.Helper()
	y, end := drawnSpan(o)
	if y < top || end > bottom {
		t.Errorf("%s: %T at %.0f–%.0f, outside the room above the keys %.0f–%.0f", name, o, y, end, top, bottom)
	}
}

// drawnSpan is where on the window o's drawing starts and ends, top to bottom: a
// label's words are inside the blank padding it keeps above and below them, which
// a field's parts let overhang their neighbours (kwidget.TightStack).
func drawnSpan(o fyne.CanvasObject) (top, bottom float32) {
	y := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y
	switch o := o.(type) {
	case *widget.Label:
		return y + theme.InnerPadding(), y + o.Size().Height - theme.InnerPadding()
	case *fyne.Container:
		top, bottom = y+o.Size().Height, y
		for _, child := range o.Objects {
			if child.Visible() {
				t, b := drawnSpan(child)
				top, bottom = min(top, t), max(bottom, b)
			}
		}
		if top <= bottom {
			return top, bottom
		}
	}
	return y, y + o.Size().Height
}

// frameOf is what is shown of field f: every visible part of the box its entry
// is laid out in (label, hint, entry, problem).
func frameOf(t *testing.T, h *harness, f *field) []fyne.CanvasObject {
	t.Helper()
	var frame []fyne.CanvasObject
	if box, ok := f.entry.Around.(*fyne.Container); ok {
		for _, part := range box.Objects {
			if part.Visible() {
				frame = append(frame, part)
			}
		}
	}
	if len(frame) < 3 {
		t.Fatalf("%s: the field's box has %d parts shown, want label, entry, problem", f.spec.id, len(frame))
	}
	return frame
}

// TestATouchedFieldStaysUnderTheFingerUntilReleased: the window's driver takes the
// focus away when a touch ends off the focused field, so the page must not move
// under the finger between the press and the release. The focus, the keys and
// the scroll come with the release (a press that becomes a swipe focuses nothing).
func TestATouchedFieldStaysUnderTheFingerUntilReleased(t *testing.T) {
	for _, size := range landscapePanels {
		h := newKeyboardHarness(t)
		h.win.Resize(size)
		h.openRegister(t, "en")
		h.tapKey(t, "keyboard.hide")
		r := viewOf[*registerScreen](h.kiosk)
		e := r.password.entry // in view with the keys away, under them once they come
		d := fyne.CurrentApp().Driver()
		before := d.AbsolutePositionForObject(e)
		ev := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
		e.MouseDown(ev)
		if now := d.AbsolutePositionForObject(e); now != before {
			t.Errorf("%v: the password moved from %v to %v under the finger", size, before, now)
		}
		e.MouseUp(ev)
		if h.win.Canvas().Focused() != fyne.Focusable(e) {
			t.Fatalf("%v: a touch on the password did not focus it", size)
		}
		if now := d.AbsolutePositionForObject(e); now != before {
			t.Errorf("%v: the password moved from %v to %v at the release, before the driver's tap", size, before, now)
		}
		e.Tapped(&fyne.PointEvent{}) // the driver's tap, after the release
		h.clock.Advance(time.Second)
		h.assertKeyboardFor(t, e, keyboard.Full)
		top, bottom := h.roomAboveKeys()
		for _, o := range frameOf(t, h, r.password) {
			h.assertWithin(t, fmt.Sprintf("%v released", size), o, top, bottom)
		}
	}
}

// TestOnAPanelTooShortForTheWholeFieldItsProblemShows: under the demo banner a
// 720 px high panel at the layouts' narrowest (internal/display) has no room for the password's label, hint, entry and problem
// at once above the keys; the entry and its problem show, what the visitor acts on.
func TestOnAPanelTooShortForTheWholeFieldItsProblemShows(t *testing.T) {
	h := newHarnessWith(t, harnessOptions{mode: ModeDemo, settings: testConfig{OnScreenKeyboard: true}})
	h.win.Resize(fyne.NewSize(display.MinLayoutWidth, 720))
	h.startIn("es")
	h.findAccount(plainAccount, "97504")
	test.Tap(viewOf[*foundScreen](h.kiosk).register)
	h.settle()
	f := viewOf[*registerScreen](h.kiosk).password
	h.focusWithKeys(f.entry)
	test.Type(f.entry, "short")
	h.win.Canvas().Unfocus()
	h.layOut() // the problem under the field, as the next frame lays it out
	h.focusWithKeys(f.entry)
	top, bottom := h.roomAboveKeys()
	if bottom-top >= f.entry.Around.Size().Height {
		t.Fatalf("room %.0f px: the whole field fits; the test wants a panel too short for it", bottom-top)
	}
	h.assertWithin(t, "entry", f.entry, top, bottom)
	h.assertWithin(t, "problem", f.problem, top, bottom)
}

// A refusal from the portal shows above the keys with the field it is about: an
// account number and ZIP code that match nothing bring the ZIP code's keys up
// with the message under it, on every landscape panel and in both languages, as
// a wrong password does on Sign in.
func TestARefusalShowsAboveTheKeysWithItsField(t *testing.T) {
	for _, size := range landscapePanels {
		for _, lang := range []string{"en", "es"} {
			h := newKeyboardHarness(t)
			h.win.Resize(size)
			h.startIn(lang)
			h.findAccount("99999999-9999999", "97501")
			h.layOut()
			h.clock.Advance(time.Second) // the keys' second scroll, once laid out
			find := viewOf[*findScreen](h.kiosk)
			if got, want := find.problem.Text, h.msg(lang, "error.account_not_found"); got != want {
				t.Fatalf("%v %s: the screen says %q, want %q", size, lang, got, want)
			}
			h.assertKeyboardFor(t, find.postalCode.entry, keyboard.Digits)
			top, bottom := h.roomAboveKeys()
			name := fmt.Sprintf("%v %s", size, lang)
			h.assertWithin(t, name+": the message", find.problem, top, bottom)
			h.assertWithin(t, name+": the ZIP code", find.postalCode.entry, top, bottom)

			h = newKeyboardHarness(t)
			h.win.Resize(size)
			s := h.openSignIn(t, lang)
			test.Type(s.email.entry, "maria.demo@example.com")
			test.Type(s.password.entry, "Not-Her-Password-1")
			test.Tap(s.submit)
			h.settle()
			h.layOut()
			h.clock.Advance(time.Second)
			s = viewOf[*signInScreen](h.kiosk)
			if !s.problem.Visible() || s.problem.Text == "" {
				t.Fatalf("%s: a wrong password says nothing", name)
			}
			h.assertKeyboardFor(t, s.password.entry, s.password.spec.keyboard)
			top, bottom = h.roomAboveKeys()
			h.assertWithin(t, name+": sign in's message", s.problem, top, bottom)
			h.assertWithin(t, name+": the password", s.password.entry, top, bottom)
		}
	}
}

// On a panel taller than a form needs (the 32-inch portrait one), the keys come
// up just under the form, not at the foot of the screen a thousand pixels away.
func TestOnATallPanelTheKeysComeUpUnderTheForm(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		h := newKeyboardHarness(t)
		h.win.Resize(portraitLobbyPanel.logicalSize(t))
		h.startIn(lang)
		s := viewOf[*findScreen](h.kiosk)
		h.focusWithKeys(s.accountNumber.entry)
		h.layOut()
		formEnd := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.submit).Y + s.submit.Size().Height
		keysTop := fyne.CurrentApp().Driver().AbsolutePositionForObject(h.kiosk.keyboard.Dock()).Y
		if gap := keysTop - formEnd; gap < 0 || gap > 4*theme.Padding() {
			t.Errorf("%s: %.0f px between Find My Account and the keys", lang, gap)
		}
	}
}

// Enter on the last field of a bank account with checking or savings not yet
// chosen: the one problem is the choice's, so the keys leave and the choice shows
// with its message, rather than the message half under the keys.
func TestAChoicesProblemShowsWithTheKeysAway(t *testing.T) {
	for _, size := range landscapePanels {
		for _, lang := range []string{"en", "es"} {
			h := newKeyboardHarness(t)
			h.win.Resize(size)
			h.signInDirectly(t, lang)
			test.Tap(viewOf[*myAccountScreen](h.kiosk).setAutoPay)
			m := h.autoPayForm()
			h.typeInto(m.bankHolder.entry, "Maria Lopez")
			h.typeInto(m.routing.entry, goodRouting)
			h.focusWithKeys(m.bankAccount.entry)
			test.Type(m.bankAccount.entry, bankNumber)
			m.bankAccount.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // the last field: Continue
			h.layOut()
			h.clock.Advance(time.Second)
			name := fmt.Sprintf("%v %s", size, lang)
			if h.kiosk.keyboard.Dock().Visible() {
				t.Errorf("%s: the keys stay up over the choice's problem", name)
			}
			top, bottom := h.roomAboveKeys()
			h.assertWithin(t, name+": the choice's problem", m.accountType.problem, top, bottom)
		}
	}
}
