package ui

import "time"

// doubleTapGuard is how long "Pay" and "Create AutoPay" ignore taps after their
// review step appears. A visitor who double-taps "Continue to payment" (a
// double-click habit) sends the second tap to whatever is under the finger once
// the review has replaced the form, which may be the button that moves money: the
// review must be read, not tapped through. A deliberate tap comes later than this.
const doubleTapGuard = 600 * time.Millisecond

// tooSoonAfter reports whether a tap now comes within doubleTapGuard of since, the
// moment the review appeared, and so is the end of a double tap.
func (k *Kiosk) tooSoonAfter(since time.Time) bool {
	if k.clock.Now().Sub(since) >= doubleTapGuard {
		return false
	}
	k.log.Debug("tap ignored: the review appeared a moment ago")
	return true
}
