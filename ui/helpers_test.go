package ui

import (
	"net/http/httptest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
)

// harness is a kiosk in a test window, talking HTTP to a real portal simulator.
type harness struct {
	kiosk *Kiosk
	win   fyne.Window
	sim   *portalsim.Sim
}

func newHarness(t *testing.T, mode Mode) *harness {
	t.Helper()
	test.NewTempApp(t)
	sim := portalsim.New(portalsim.Options{})
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	portal, err := client.New(client.Options{BaseURL: srv.URL, KioskKey: portalsim.DemoKioskKey})
	if err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, nil)
	win.Resize(fyne.NewSize(1280, 800))
	k, err := New(win, Deps{Portal: portal, Mode: mode})
	if err != nil {
		t.Fatal(err)
	}
	return &harness{kiosk: k, win: win, sim: sim}
}

// visibleTexts lists every text drawn on the window's canvas, overlays included.
func visibleTexts(c fyne.Canvas) []string {
	var texts []string
	objects := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for _, root := range objects {
		for _, o := range test.LaidOutObjects(root) {
			if text := textOf(o); text != "" {
				texts = append(texts, text)
			}
		}
	}
	return texts
}

func textOf(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Label:
		return w.Text
	case *widget.Button:
		return w.Text
	case *widget.Entry:
		return w.Text
	}
	return canvasText(o)
}
