package ui

import (
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/internal/staffpin"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// pinKeySize makes each key a big target; three fit on a row of the pad.
var pinKeySize = fyne.NewSize(140, 90)

// minPINKeyHeight is the shortest a key gets on a short panel: still a finger's
// target (WCAG 2.5.5's 44 px).
const minPINKeyHeight = 48

// pinPad is the staff PIN pad: big digit keys, the PIN shown as dots, a line for
// what went wrong. The PIN lives here only while typed; it is never logged.
type pinPad struct {
	popup             *widget.PopUp
	dots, message     *widget.Label
	digits            [10]*kwidget.Button
	backspace, ok     *kwidget.Button
	cancel            *kwidget.Button
	pin               string
	unavailable, lock bool  // no verifier / staff mode locked: the keys are off
	timeout           Timer // closes a pad left open, so no visitor finds it
}

// openPINPad shows the PIN pad over whatever is on screen.
func (d *staffDesk) openPINPad() {
	if d.pinPad != nil || d.menu != nil {
		return
	}
	d.loaded = false // read the lockout again: the kiosk's admin may have lifted a lock (lobbykiosk admin unlock-staff)
	p := &pinPad{}
	title := widget.NewLabelWithStyle(d.host.T("staff.pin_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	p.dots = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.dots.SizeName = theme.SizeNameHeadingText
	p.message = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	p.message.Wrapping = fyne.TextWrapWord
	p.backspace = kwidget.NewButtonWithIcon(d.host.T("staff.backspace"), theme.ContentUndoIcon(), p.erase)
	p.ok = kwidget.NewButton(d.host.T("staff.ok"), d.submitPIN)
	p.ok.Importance = widget.HighImportance
	p.cancel = kwidget.NewButton(d.host.T("staff.cancel"), d.closePINPad)
	// The keys get what the panel's height leaves them, so Cancel and OK stay on
	// screen when the kiosk is scaled up for a large panel.
	rest := container.NewVBox(title, p.dots, p.message, p.cancel)
	size := pinKeySize
	rows := float32(4)
	room := d.canvas.Size().Height - rest.MinSize().Height - 2*theme.Padding()*(rows+3)
	if h := room / rows; h < size.Height {
		size.Height = max(h, minPINKeyHeight)
	}
	keys := container.NewGridWithColumns(3)
	for _, n := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9} {
		keys.Add(bigKey(p.digitKey(n), size))
	}
	keys.Add(bigKey(p.backspace, size))
	keys.Add(bigKey(p.digitKey(0), size))
	keys.Add(bigKey(p.ok, size))
	content := container.NewVBox(title, p.dots, p.message, container.NewCenter(keys), p.cancel)
	p.popup = widget.NewModalPopUp(container.NewPadded(content), d.canvas)
	p.popup.Resize(fyne.NewSize(520, 0))
	p.timeout = d.clock.AfterFunc(staffMenuIdle, func() {
		if d.pinPad == p {
			d.closePINPad()
		}
	})
	d.pinPad = p
	d.host.showOverlay(p.popup, d.closePINPad)
	d.pinPadState(p)
}

// bigKey gives a key of the pad its size.
func bigKey(b *kwidget.Button, size fyne.Size) fyne.CanvasObject {
	return container.NewGridWrap(size, b)
}

func (p *pinPad) digitKey(n int) *kwidget.Button {
	b := kwidget.NewButton(strconv.Itoa(n), func() { p.typeDigit(n) })
	p.digits[n] = b
	return b
}

// pinPadState says why the pad cannot be used, if it cannot, and turns its keys
// off: no verifier, a PIN (from this pad or one closed meanwhile) still being
// checked, or staff mode locked.
func (d *staffDesk) pinPadState(p *pinPad) {
	p.unavailable = d.verifier == nil
	left := d.lockedFor()
	p.lock = left > 0
	switch {
	case p.unavailable:
		p.message.SetText(d.host.T("staff.unavailable"))
	case d.checking:
		p.message.SetText(d.host.T("staff.checking"))
	case p.lock:
		p.message.SetText(d.lockedText(left))
	}
	for _, b := range append(p.digits[:], p.backspace, p.ok) {
		if p.unavailable || p.lock || d.checking {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// lockedText says how long staff mode stays locked, rounded up: in minutes under
// an hour, in hours from then on (a lock can last a day).
func (d *staffDesk) lockedText(left time.Duration) string {
	if minutes := int(math.Ceil(left.Minutes())); minutes < 60 {
		return d.host.T("staff.locked", map[string]any{"Minutes": minutes})
	}
	return d.host.T("staff.locked_hours", map[string]any{"Hours": int(math.Ceil(left.Hours()))})
}

// pinDot stands for one typed PIN digit: the bullet Fyne's password entries use,
// which the bundled Noto Sans has (the release is built without the emoji font,
// which is where a "●" came from; glyphs_test.go keeps every shown rune in the
// bundled fonts).
const pinDot = "•"

func (p *pinPad) typeDigit(n int) {
	if len(p.pin) >= staffpin.MaxDigits {
		return
	}
	p.setPIN(p.pin + strconv.Itoa(n))
}

// runeTyped is a character typed on a keyboard while the PIN pad is up: a digit
// presses the pad's key for it, as staff with a keyboard expect. It reports
// whether the pad took it. The key's own state decides, as for a tap.
func (d *staffDesk) runeTyped(r rune) bool {
	p := d.pinPad
	if p == nil || r < '0' || r > '9' {
		return false
	}
	p.digits[r-'0'].Tapped(nil)
	return true
}

// keyTyped is a key pressed while the PIN pad is up: Backspace is its Delete,
// Enter its OK. It reports whether the pad took it.
func (d *staffDesk) keyTyped(ev *fyne.KeyEvent) bool {
	p := d.pinPad
	if p == nil {
		return false
	}
	switch ev.Name {
	case fyne.KeyBackspace:
		p.backspace.Tapped(nil)
	case fyne.KeyReturn, fyne.KeyEnter:
		p.ok.Tapped(nil)
	default:
		return false
	}
	return true
}

// erase is the pad's Delete: the last digit typed goes.
func (p *pinPad) erase() {
	if p.pin != "" {
		p.setPIN(p.pin[:len(p.pin)-1])
	}
}

// setPIN holds what has been typed, and shows a dot for each digit.
func (p *pinPad) setPIN(pin string) {
	p.pin = pin
	p.dots.SetText(strings.Repeat(pinDot, len(pin)))
}

// closePINPad takes the pad away and forgets what was typed.
func (d *staffDesk) closePINPad() {
	if p := d.pinPad; p != nil {
		stopTimer(p.timeout)
		p.pin = ""
		p.popup.Hide()
		d.pinPad = nil
	}
}

// submitPIN counts the typed PIN, then verifies it off the UI thread: argon2id
// takes a noticeable fraction of a second, which must not freeze the screen. One
// PIN is checked at a time for the whole kiosk: a pad opened during a check
// waits for it.
func (d *staffDesk) submitPIN() {
	p := d.pinPad
	if p == nil || d.checking || p.pin == "" {
		return
	}
	d.pinPadState(p) // the lock may have started or ended since the pad opened
	if p.unavailable || p.lock {
		return
	}
	pin, verifier := p.pin, d.verifier
	p.setPIN("")
	locked := d.countAttempt()
	d.checking = true
	d.pinPadState(p)
	var ok bool
	d.offUI(func() (err error) {
		ok, err = verifier.VerifyStaffPIN(pin)
		return err
	}, func(err error) { d.pinChecked(p, ok, err, locked) })
}

// pinChecked acts on a verified PIN. The try was counted before the check; only
// a right PIN on the pad it was typed on signs staff in and clears the count. A
// right PIN whose pad was closed meanwhile (Cancel, a reset) signs nobody in and
// clears nothing, or closing the pad would be a way to try PINs for free.
func (d *staffDesk) pinChecked(p *pinPad, ok bool, err error, locked bool) {
	d.checking = false
	open := d.pinPad == p
	switch {
	case err != nil:
		d.log.Error("cannot check the staff PIN", "err", err.Error())
		d.noteProblem("staff_pin_check")
		p.message.SetText(d.host.T("staff.pin_error"))
		d.pinWrong(locked)
	case ok && open:
		d.pinRight()
		d.closePINPad()
		d.openMenu()
		return
	case ok:
		d.log.Warn("a staff PIN was checked after its pad closed; it counts as a try")
		d.lockStarted(locked)
	default:
		p.message.SetText(d.host.T("staff.wrong_pin"))
		d.pinWrong(locked)
	}
	if now := d.pinPad; now != nil {
		if now != p {
			now.message.SetText("") // a pad opened during the check: its "Checking…" is over
		}
		d.pinPadState(now)
	}
}
