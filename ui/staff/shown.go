package staff

// What is on show of staff mode, for the kiosk's tests and its reset.

// Pad is the PIN pad on show, or nil.
func (d *Desk) Pad() *Pad { return d.pinPad }

// Menu is the staff menu on show, or nil.
func (d *Desk) Menu() *Menu { return d.menu }

// Training reports whether training mode is under way.
func (d *Desk) Training() bool { return d.training != nil }

// Failures is how many wrong PINs were tried since staff last signed in.
func (d *Desk) Failures() int { return d.record.Failures }

// MenuTimed reports whether the staff menu's closing timer is running.
func (d *Desk) MenuTimed() bool { return d.menuTimer != nil }
