package kiosktheme

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The capital I the scale is computed from is the one Fyne paints: an I of body
// text is rendered through the test driver at scale 1 and its stem's ink, summed
// down one column (anti-aliased edges count by coverage), is its height in pixels.
func TestCapitalIHeightIsWhatFynePaints(t *testing.T) {
	th := New(Look{})
	want, err := th.CapitalIHeight()
	if err != nil {
		t.Fatal(err)
	}
	app := test.NewTempApp(t)
	app.Settings().SetTheme(th)
	text := canvas.NewText("I", color.Black) // full ink, so darkness is coverage
	text.TextSize = th.Size(theme.SizeNameText)
	win := test.NewTempWindow(t, container.NewCenter(text))
	win.SetPadded(false)
	win.Resize(fyne.NewSize(80, 80))
	got := inkHeight(win.Canvas().Capture())
	t.Logf("capital I at text size %v: font %.2f px, painted %.2f px", text.TextSize, want, got)
	if math.Abs(float64(got-want)) > 0.5 {
		t.Errorf("painted capital I is %.2f px tall, the font says %.2f px", got, want)
	}
	if want < 10 || want > 30 {
		t.Errorf("capital I of %.2f px at text size %d: not a capital I", want, NormalTextSize)
	}
}

// inkHeight is the tallest column's summed darkness, in pixels, of dark ink on a
// light background.
func inkHeight(img image.Image) float32 {
	b := img.Bounds()
	var best float32
	for x := b.Min.X; x < b.Max.X; x++ {
		var sum float32
		for y := b.Min.Y; y < b.Max.Y; y++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			lum := (float32(r) + float32(g) + float32(bl)) / 3 / 0xffff
			sum += 1 - lum
		}
		best = max(best, sum)
	}
	return best
}
