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
)

// pinKeySize makes each key a big target; three fit on a row of the pad.
var pinKeySize = fyne.NewSize(140, 90)

// pinPad is the staff PIN pad: big digit keys, the PIN shown as dots, a line for
// what went wrong. The PIN lives here only while typed; it is never logged.
type pinPad struct {
	popup             *widget.PopUp
	dots, message     *widget.Label
	digits            [10]*widget.Button
	backspace, ok     *widget.Button
	cancel            *widget.Button
	pin               string
	checking          bool  // a PIN is being verified: OK does nothing meanwhile
	unavailable, lock bool  // no verifier / staff mode locked: the keys are off
	timeout           Timer // closes a pad left open, so no visitor finds it
}

// openPINPad shows the PIN pad over whatever is on screen.
func (k *Kiosk) openPINPad() {
	if k.pinPad != nil || k.staffMenu != nil {
		return
	}
	p := &pinPad{}
	title := widget.NewLabelWithStyle(k.T("staff.pin_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	p.dots = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.dots.SizeName = theme.SizeNameHeadingText
	p.message = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	p.message.Wrapping = fyne.TextWrapWord
	keys := container.NewGridWithColumns(3)
	for _, d := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9} {
		keys.Add(bigKey(k.pinDigit(p, d)))
	}
	p.backspace = widget.NewButtonWithIcon(k.T("staff.backspace"), theme.ContentUndoIcon(), func() { k.pinBackspace(p) })
	p.ok = widget.NewButton(k.T("staff.ok"), k.submitPIN)
	p.ok.Importance = widget.HighImportance
	keys.Add(bigKey(p.backspace))
	keys.Add(bigKey(k.pinDigit(p, 0)))
	keys.Add(bigKey(p.ok))
	p.cancel = widget.NewButton(k.T("staff.cancel"), k.closePINPad)
	content := container.NewVBox(title, p.dots, p.message, container.NewCenter(keys), p.cancel)
	p.popup = widget.NewModalPopUp(container.NewPadded(content), k.win.Canvas())
	p.popup.Resize(fyne.NewSize(520, 0))
	p.timeout = k.clock.AfterFunc(staffMenuIdle, func() {
		if k.pinPad == p {
			k.closePINPad()
		}
	})
	k.pinPad = p
	k.showOverlay(p.popup)
	k.pinPadState(p)
}

// bigKey gives a key of the pad its size.
func bigKey(b *widget.Button) fyne.CanvasObject { return container.NewGridWrap(pinKeySize, b) }

func (k *Kiosk) pinDigit(p *pinPad, d int) *widget.Button {
	b := widget.NewButton(strconv.Itoa(d), func() { k.pinType(p, d) })
	p.digits[d] = b
	return b
}

// pinPadState says why the pad cannot be used, if it cannot, and turns its keys off.
func (k *Kiosk) pinPadState(p *pinPad) {
	p.unavailable = k.deps.Staff == nil
	left := k.staffLockedFor()
	p.lock = left > 0
	switch {
	case p.unavailable:
		p.message.SetText(k.T("staff.unavailable"))
	case p.lock:
		p.message.SetText(k.lockedText(left))
	}
	for _, b := range append(p.digits[:], p.backspace, p.ok) {
		if p.unavailable || p.lock {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// lockedText says for how many more minutes (rounded up) staff mode is locked.
func (k *Kiosk) lockedText(left time.Duration) string {
	return k.T("staff.locked", map[string]any{"Minutes": int(math.Ceil(left.Minutes()))})
}

// pinDot stands for one typed PIN digit: the bullet Fyne's password entries use,
// which the bundled Noto Sans has (the release is built without the emoji font,
// which is where a "●" came from; glyphs_test.go keeps every shown rune in the
// bundled fonts).
const pinDot = "•"

func (k *Kiosk) pinType(p *pinPad, d int) {
	if len(p.pin) >= staffPINMaxLen {
		return
	}
	p.setPIN(p.pin + strconv.Itoa(d))
}

func (k *Kiosk) pinBackspace(p *pinPad) {
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
func (k *Kiosk) closePINPad() {
	if p := k.pinPad; p != nil {
		stopTimer(p.timeout)
		p.pin = ""
		p.popup.Hide()
		k.pinPad = nil
	}
}

// submitPIN verifies the typed PIN off the UI thread: argon2id takes a noticeable
// fraction of a second, which must not freeze the screen.
func (k *Kiosk) submitPIN() {
	p := k.pinPad
	if p == nil || p.checking || p.pin == "" {
		return
	}
	k.pinPadState(p) // the lock may have started or ended since the pad opened
	if p.unavailable || p.lock {
		return
	}
	pin, verifier := p.pin, k.deps.Staff
	p.setPIN("")
	p.checking = true
	p.ok.Disable()
	p.message.SetText(k.T("staff.checking"))
	k.inflight.Add(1)
	go func() {
		ok, err := verifier.VerifyStaffPIN(pin)
		fyne.Do(func() {
			defer k.inflight.Done()
			defer k.activity.recoverPanic()
			k.pinChecked(p, ok, err)
		})
	}()
}

// pinChecked acts on a verified PIN. A wrong PIN counts even if the pad was closed
// meanwhile (a reset must not buy a guesser another try).
func (k *Kiosk) pinChecked(p *pinPad, ok bool, err error) {
	p.checking = false
	switch {
	case err != nil:
		k.log.Error("cannot check the staff PIN", "err", err.Error())
		k.lastError = "staff_pin_check"
		p.message.SetText(k.T("staff.pin_error"))
	case !ok:
		k.staffPINWrong()
		p.message.SetText(k.T("staff.wrong_pin"))
	default:
		k.staffPINRight()
		if k.pinPad == p {
			k.closePINPad()
			k.openStaffMenu()
		}
		return
	}
	if k.pinPad == p {
		k.pinPadState(p)
	}
}
