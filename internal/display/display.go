// Package display is the lobby panel's physical size and the scale that makes the
// kiosk's body text tall enough to read on it: ADA 2010 §707.7.2 asks for screen
// characters at least 4.8 mm (3/16 in) tall, measured on the capital I.
package display

import (
	"math"
)

// MinCapitalIMM is the height, in millimetres, the capital I of body text must
// reach on the panel (ADA 2010 §707.7.2: 3/16 in).
const MinCapitalIMM = 4.8

// MaxScale caps the scale: past it a monitor's report is more likely wrong than
// the panel is dense (a 24" 4K panel needs 2.3), and the screens' layouts
// would be left too few logical pixels to fit.
const MaxScale = 3

// The screens' layouts are built and tested for at least this many logical
// pixels: the 930 across that a 15-inch 1024×768 panel leaves at the 1.1 its
// 4.8 mm text needs (Fyne rounds a scale to a tenth, so 1.1 it is), and a height
// of 666, just under the 666.7 that a 15.6-inch 1280×800 panel leaves at its 1.2 (ui's
// TestTheWelcomeScreenIsWholeOnTheShortestCanvas, TestChromeIsOneRow and
// TestKeyboardLeavesTheFocusedFieldWholeAndTheNextInView hold the layouts to it).
// A scale that would leave fewer is lowered to fit: on fewer, the chrome and the
// on-screen keyboard leave no room for the form, and a kiosk whose field is hidden
// behind its keyboard serves nobody. The shortfall in text height is logged
// (Decision.LimitedByLayout).
const (
	MinLayoutWidth  = 930
	MinLayoutHeight = 666
)

// Plausible panel diagonals, in inches: a report outside them is a monitor that
// lies (EDIDs are known to report 0, the aspect ratio as centimetres, or a
// projector's nominal size), and the kiosk does not scale from it.
const (
	MinDiagonalInches = 10
	MaxDiagonalInches = 100
)

// Panel is a monitor's mode in pixels and its physical size in millimetres.
type Panel struct {
	WidthPx, HeightPx int
	WidthMM, HeightMM float64
}

// FromDiagonal is the panel of the given mode whose diagonal measures inches,
// with square pixels (every flat panel's).
func FromDiagonal(widthPx, heightPx int, inches float64) Panel {
	diagPx := math.Hypot(float64(widthPx), float64(heightPx))
	if diagPx == 0 {
		return Panel{WidthPx: widthPx, HeightPx: heightPx}
	}
	mmPerPx := inches * 25.4 / diagPx
	return Panel{WidthPx: widthPx, HeightPx: heightPx,
		WidthMM: float64(widthPx) * mmPerPx, HeightMM: float64(heightPx) * mmPerPx}
}

// DiagonalInches is the panel's diagonal as the monitor reported it.
func (p Panel) DiagonalInches() float64 { return math.Hypot(p.WidthMM, p.HeightMM) / 25.4 }

// MMPerPixel is the size of one pixel. Diagonal over diagonal: X reports a rotated
// (portrait) output's millimetres unrotated while its mode is rotated, and the
// ratio of the diagonals is the same either way for square pixels.
func (p Panel) MMPerPixel() float64 {
	diagPx := math.Hypot(float64(p.WidthPx), float64(p.HeightPx))
	if diagPx == 0 {
		return 0
	}
	return math.Hypot(p.WidthMM, p.HeightMM) / diagPx
}

// Plausible reports whether the physical size can be believed: both sides
// reported and a diagonal a lobby panel can have.
func (p Panel) Plausible() bool {
	if p.WidthPx <= 0 || p.HeightPx <= 0 || p.WidthMM <= 0 || p.HeightMM <= 0 {
		return false
	}
	d := p.DiagonalInches()
	return d >= MinDiagonalInches && d <= MaxDiagonalInches
}

// CapitalIMM is how tall a capital I of capPx logical pixels is on the panel
// when the kiosk draws at scale.
func (p Panel) CapitalIMM(capPx, scale float64) float64 {
	return capPx * scale * p.MMPerPixel()
}

// Scale is the smallest scale, in Fyne's steps of 0.1 (it rounds a scale to one
// decimal), at which a capital I of capPx logical pixels is at least
// MinCapitalIMM tall on the panel; never below 1, so a panel whose text is
// already large enough keeps today's size, and never above MaxScale. A panel
// whose size is not Plausible keeps scale 1.
func Scale(capPx float64, p Panel) float64 {
	if capPx <= 0 || !p.Plausible() {
		return 1
	}
	needed := MinCapitalIMM / p.CapitalIMM(capPx, 1)
	// A hair below the step so that an exact 1.2 stays 1.2 despite float error.
	scale := math.Ceil(needed*10-1e-9) / 10
	return max(min(scale, MaxScale, p.layoutScale()), 1)
}

// layoutScale is the largest scale, in steps of 0.1, that leaves the layouts
// MinLayoutWidth × MinLayoutHeight logical pixels.
func (p Panel) layoutScale() float64 {
	fit := min(float64(p.WidthPx)/MinLayoutWidth, float64(p.HeightPx)/MinLayoutHeight)
	return math.Floor(fit*10+1e-9) / 10
}

// Where a Decision's physical size came from.
const (
	SourceConfig  = "config"   // screen_diagonal_inches
	SourceMonitor = "X server" // the monitor's own report
	SourceNone    = "unknown"  // neither: the kiosk keeps scale 1
)

// Decision is the scale the kiosk draws at, and why.
type Decision struct {
	Panel      Panel
	Source     string
	Scale      float64
	CapitalIMM float64 // body text's capital I on the panel at Scale; 0 when the size is unknown
	// LimitedByLayout: the panel is too small in pixels for 4.8 mm text with
	// room for the layouts, so CapitalIMM falls short.
	LimitedByLayout bool
}

// Decide picks the panel's physical size, the configured diagonal (when above 0)
// over the monitor's report, and the scale for body text whose capital I is capPx
// logical pixels tall.
func Decide(reported Panel, diagonalInches, capPx float64) Decision {
	panel, source := reported, SourceMonitor
	if diagonalInches > 0 {
		panel, source = FromDiagonal(reported.WidthPx, reported.HeightPx, diagonalInches), SourceConfig
	}
	if !panel.Plausible() {
		return Decision{Panel: panel, Source: SourceNone, Scale: 1}
	}
	scale := Scale(capPx, panel)
	mm := panel.CapitalIMM(capPx, scale)
	return Decision{Panel: panel, Source: source, Scale: scale, CapitalIMM: mm, LimitedByLayout: mm < MinCapitalIMM && scale < MaxScale}
}
