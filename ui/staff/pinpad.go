package staff

import (
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/internal/clock"
	"github.com/medfordwater/lobbykiosk/internal/staffpin"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// pinKeySize makes each key a big target; three fit on a row of the pad.
var pinKeySize = fyne.NewSize(140, 90)

// minPINKeyHeight is the shortest a key gets on a short panel: still a finger's
// target (WCAG 2.5.5's 44 px).
const minPINKeyHeight = 48

// Pad is the staff PIN pad: big digit keys, the PIN shown as dots, a line for
// what went wrong. The PIN lives here only while typed; it is never logged.
type Pad struct {
	popup             *widget.PopUp
	Dots, message     *widget.Label // Dots: a dot a digit typed
	Digits            [10]*kwidget.Button
	Backspace, OK     *kwidget.Button
	Cancel            *kwidget.Button
	pin               string
	unavailable, lock bool        // no verifier / staff mode locked: the keys are off
	timeout           clock.Timer // closes a pad left open, so no visitor finds it
}

// openPINPad shows the PIN pad over whatever is on screen.
func (d *Desk) openPINPad() {
	if d.pinPad != nil || d.menu != nil {
		return
	}
	d.loaded = false // read the lockout again: the kiosk's admin may have lifted a lock (lobbykiosk admin unlock-staff)
	p := &Pad{}
	title := widget.NewLabelWithStyle(d.host.T("staff.pin_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	p.Dots = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.Dots.SizeName = theme.SizeNameHeadingText
	p.message = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	p.message.Wrapping = fyne.TextWrapWord
	p.Backspace = kwidget.NewButtonWithIcon(d.host.T("staff.backspace"), theme.ContentUndoIcon(), p.erase)
	p.OK = kwidget.NewButton(d.host.T("staff.ok"), d.submitPIN)
	p.OK.Importance = widget.HighImportance
	p.Cancel = kwidget.NewButton(d.host.T("staff.cancel"), d.ClosePINPad)
	// The keys get what the panel's height leaves them, so Cancel and OK stay on
	// screen when the kiosk is scaled up for a large panel.
	rest := container.NewVBox(title, p.Dots, p.message, p.Cancel)
	size := pinKeySize
	rows := float32(4)
	room := d.Canvas.Size().Height - rest.MinSize().Height - 2*theme.Padding()*(rows+3)
	if h := room / rows; h < size.Height {
		size.Height = max(h, minPINKeyHeight)
	}
	keys := container.NewGridWithColumns(3)
	for _, n := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9} {
		keys.Add(bigKey(p.digitKey(n), size))
	}
	keys.Add(bigKey(p.Backspace, size))
	keys.Add(bigKey(p.digitKey(0), size))
	keys.Add(bigKey(p.OK, size))
	content := container.NewVBox(title, p.Dots, p.message, container.NewCenter(keys), p.Cancel)
	p.popup = widget.NewModalPopUp(container.NewPadded(content), d.Canvas)
	p.popup.Resize(fyne.NewSize(520, 0))
	p.timeout = d.Clock.AfterFunc(MenuIdle, func() {
		if d.pinPad == p {
			d.ClosePINPad()
		}
	})
	d.pinPad = p
	d.host.ShowOverlay(p.popup, d.ClosePINPad)
	d.pinPadState(p)
}

// bigKey gives a key of the pad its size.
func bigKey(b *kwidget.Button, size fyne.Size) fyne.CanvasObject {
	return container.NewGridWrap(size, b)
}

func (p *Pad) digitKey(n int) *kwidget.Button {
	b := kwidget.NewButton(strconv.Itoa(n), func() { p.typeDigit(n) })
	p.Digits[n] = b
	return b
}

// pinPadState says why the pad cannot be used, if it cannot, and turns its keys
// off: no verifier, a PIN (from this pad or one closed meanwhile) still being
// checked, or staff mode locked.
func (d *Desk) pinPadState(p *Pad) {
	p.unavailable = d.Verifier == nil
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
	for _, b := range append(p.Digits[:], p.Backspace, p.OK) {
		if p.unavailable || p.lock || d.checking {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// lockedText says how long staff mode stays locked, rounded up: in minutes under
// an hour, in hours from then on (a lock can last a day).
func (d *Desk) lockedText(left time.Duration) string {
	if minutes := int(math.Ceil(left.Minutes())); minutes < 60 {
		return d.host.T("staff.locked", map[string]any{"Minutes": minutes})
	}
	return d.host.T("staff.locked_hours", map[string]any{"Hours": int(math.Ceil(left.Hours()))})
}

// PINDot stands for one typed PIN digit: the bullet Fyne's password entries use,
// which the bundled Noto Sans has (the release is built without the emoji font,
// which is where a "●" came from; glyphs_test.go keeps every shown rune in the
// bundled fonts).
const PINDot = "•"

func (p *Pad) typeDigit(n int) {
	if len(p.pin) >= staffpin.MaxDigits {
		return
	}
	p.setPIN(p.pin + strconv.Itoa(n))
}

// RuneTyped is a character typed on a keyboard while the PIN pad is up: a digit
// presses the pad's key for it, as staff with a keyboard expect. It reports
// whether the pad took it. The key's own state decides, as for a tap.
func (d *Desk) RuneTyped(r rune) bool {
	p := d.pinPad
	if p == nil || r < '0' || r > '9' {
		return false
	}
	p.Digits[r-'0'].Tapped(nil)
	return true
}

// KeyTyped is a key pressed while the PIN pad is up: Backspace is its Delete,
// Enter its OK. It reports whether the pad took it.
func (d *Desk) KeyTyped(ev *fyne.KeyEvent) bool {
	p := d.pinPad
	if p == nil {
		return false
	}
	switch ev.Name {
	case fyne.KeyBackspace:
		p.Backspace.Tapped(nil)
	case fyne.KeyReturn, fyne.KeyEnter:
		p.OK.Tapped(nil)
	default:
		return false
	}
	return true
}

// erase is the pad's Delete: the last digit typed goes.
func (p *Pad) erase() {
	if p.pin != "" {
		p.setPIN(p.pin[:len(p.pin)-1])
	}
}

// setPIN holds what has been typed, and shows a dot for each digit.
func (p *Pad) setPIN(pin string) {
	p.pin = pin
	p.Dots.SetText(strings.Repeat(PINDot, len(pin)))
}

// ClosePINPad takes the pad away and forgets what was typed.
func (d *Desk) ClosePINPad() {
	if p := d.pinPad; p != nil {
		clock.Stop(p.timeout)
		p.pin = ""
		p.popup.Hide()
		d.pinPad = nil
	}
}

// submitPIN counts the typed PIN, then verifies it off the UI thread: argon2id
// takes a noticeable fraction of a second, which must not freeze the screen. One
// PIN is checked at a time for the whole kiosk: a pad opened during a check
// waits for it.
func (d *Desk) submitPIN() {
	p := d.pinPad
	if p == nil || d.checking || p.pin == "" {
		return
	}
	d.pinPadState(p) // the lock may have started or ended since the pad opened
	if p.unavailable || p.lock {
		return
	}
	pin, verifier := p.pin, d.Verifier
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
func (d *Desk) pinChecked(p *Pad, ok bool, err error, locked bool) {
	d.checking = false
	open := d.pinPad == p
	switch {
	case err != nil:
		d.Log.Error("cannot check the staff PIN", "err", err.Error())
		d.NoteProblem("staff_pin_check")
		p.message.SetText(d.host.T("staff.pin_error"))
		d.pinWrong(locked)
	case ok && open:
		d.pinRight()
		d.ClosePINPad()
		d.openMenu()
		return
	case ok:
		d.Log.Warn("a staff PIN was checked after its pad closed; it counts as a try")
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
