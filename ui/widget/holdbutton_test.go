package widget

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// A press runs Pressed before the tap runs OnTapped, and a disabled button
// runs neither.
func TestAHoldButtonRunsAtThePressThenAtTheTap(t *testing.T) {
	test.NewTempApp(t)
	var got []string
	b := NewHoldButton("Aa", func() { got = append(got, "tap") }, func() { got = append(got, "press") })
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(200, 80))
	b.MouseDown(&desktop.MouseEvent{})
	b.MouseUp(&desktop.MouseEvent{})
	test.Tap(b)
	if len(got) != 2 || got[0] != "press" || got[1] != "tap" {
		t.Fatalf("press then tap ran %v, want [press tap]", got)
	}
	b.Disable()
	b.MouseDown(&desktop.MouseEvent{})
	test.Tap(b)
	if len(got) != 2 {
		t.Errorf("a disabled button ran %v", got[2:])
	}
}
