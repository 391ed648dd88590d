package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// Under the test driver a Panel is the rectangle it stands for on the GL driver:
// the theme's colour, rounded as a button, the Panel's size.
func TestPanelIsAButtonsFillOffTheGLDriver(t *testing.T) {
	test.NewTempApp(t)
	p := NewPanel(theme.ColorNameButton)
	p.Resize(fyne.NewSize(120, 40))
	r := test.TempWidgetRenderer(t, p)
	rect, ok := r.Objects()[0].(*canvas.Rectangle)
	if !ok || len(r.Objects()) != 1 {
		t.Fatalf("objects %v, want one rectangle", r.Objects())
	}
	if want := theme.Color(theme.ColorNameButton); rect.FillColor != want {
		t.Errorf("fill %v, want %v", rect.FillColor, want)
	}
	if want := theme.Size(theme.SizeNameButtonRadius); rect.CornerRadius != want {
		t.Errorf("radius %v, want %v", rect.CornerRadius, want)
	}
	if rect.Size() != p.Size() {
		t.Errorf("size %v, want %v", rect.Size(), p.Size())
	}
}
