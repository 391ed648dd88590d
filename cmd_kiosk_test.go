package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/internal/staffpin"
	"github.com/medfordwater/lobbykiosk/internal/xvfbtest"
)

// The full-screen kiosk hands Fyne the panel's scale, read from the X server (a
// 1920×1080 screen at 102 dpi is a 21.6" panel: 1.3) or from the config, with
// Fyne's own DPI guess off; an operator's FYNE_SCALE is left alone.
func TestScaleToPanelSetsFynesScale(t *testing.T) {
	xvfbtest.Start(t, "1920x1080x24", "-dpi", "102")
	for _, tc := range []struct {
		name, preset string
		diagonal     float64
		want         string
	}{
		{"from the X server", "", 0, "1.3"},
		{"from the config", "", 32, "1.0"},
		{"the operator's", "2", 0, "2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("FYNE_SCALE", tc.preset)
			t.Setenv("FYNE_DISABLE_DPI_DETECTION", "")
			var log bytes.Buffer
			scaleToPanel(tc.diagonal, newLogger(&log, 0))() // release at once: no window follows
			if got := os.Getenv("FYNE_SCALE"); got != tc.want {
				t.Errorf("FYNE_SCALE %q, want %q; log: %s", got, tc.want, log.String())
			}
			if detect := os.Getenv("FYNE_DISABLE_DPI_DETECTION"); (detect == "true") != (tc.preset == "") {
				t.Errorf("FYNE_DISABLE_DPI_DETECTION %q with FYNE_SCALE preset %q", detect, tc.preset)
			}
			if tc.preset == "" && !strings.Contains(log.String(), `"scale":`+strings.TrimSuffix(tc.want, ".0")) {
				t.Errorf("the log does not say the scale: %s", log.String())
			}
		})
	}
}

// The demo's staff PIN is never one a guesser tries first: a thousand drawn,
// every one passes the rule for a new PIN.
func TestTheDemoStaffPINIsNeverTrivial(t *testing.T) {
	for range 1000 {
		if pin := randomPIN(); staffpin.CheckNew(pin) != nil {
			t.Fatalf("the demo drew %q", pin)
		}
	}
}
