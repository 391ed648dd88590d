package display

import (
	"fmt"
	"math"
	"testing"

	"github.com/medfordwater/lobbykiosk/internal/xvfbtest"
	"github.com/medfordwater/lobbykiosk/ui/kiosktheme"
)

// bodyCapitalI is the capital I of the kiosk's body text, in logical pixels.
func bodyCapitalI(t *testing.T) float64 {
	t.Helper()
	px, err := kiosktheme.New(kiosktheme.Look{}).CapitalIHeight()
	if err != nil {
		t.Fatal(err)
	}
	return float64(px)
}

// On each lobby panel the kiosk is shown on, body text's capital I reaches ADA's
// 4.8 mm at the chosen scale, and the scale is the smallest that does (a step of
// 0.1 less falls short, unless the scale is already 1).
func TestBodyTextCapitalIIsTallEnoughOnEachPanel(t *testing.T) {
	capPx := bodyCapitalI(t)
	for _, tc := range []struct {
		widthPx, heightPx int
		inches, wantScale float64
	}{
		{1280, 800, 15.6, 1.2},
		{1920, 1080, 21.5, 1.3},
		{1080, 1920, 32, 1}, // portrait
	} {
		t.Run(fmt.Sprintf("%dx%d_%.1fin", tc.widthPx, tc.heightPx, tc.inches), func(t *testing.T) {
			panel := FromDiagonal(tc.widthPx, tc.heightPx, tc.inches)
			scale := Scale(capPx, panel)
			unscaled, scaled := panel.CapitalIMM(capPx, 1), panel.CapitalIMM(capPx, scale)
			t.Logf("capital I %.2f px: %.2f mm at scale 1, %.2f mm at scale %.1f", capPx, unscaled, scaled, scale)
			if scaled < MinCapitalIMM {
				t.Errorf("capital I is %.2f mm at scale %.1f, under %.1f mm", scaled, scale, MinCapitalIMM)
			}
			if scale > 1 && panel.CapitalIMM(capPx, scale-0.1) >= MinCapitalIMM {
				t.Errorf("scale %.1f is more than needed: %.1f already gives %.2f mm", scale, scale-0.1, panel.CapitalIMM(capPx, scale-0.1))
			}
			if math.Abs(scale-tc.wantScale) > 1e-9 {
				t.Errorf("scale %.2f, want %.1f", scale, tc.wantScale)
			}
		})
	}
}

// A monitor that reports no size, or a size no lobby panel has, is not scaled
// from: the configured diagonal is used when there is one, else scale 1.
func TestALyingMonitorFallsBackToTheConfigOrToOne(t *testing.T) {
	capPx := bodyCapitalI(t)
	for name, reported := range map[string]Panel{
		"0 mm":                    {WidthPx: 1920, HeightPx: 1080},
		"aspect ratio as cm":      {WidthPx: 1920, HeightPx: 1080, WidthMM: 160, HeightMM: 90},
		"a billboard":             {WidthPx: 1920, HeightPx: 1080, WidthMM: 16000, HeightMM: 9000},
		"width only":              {WidthPx: 1920, HeightPx: 1080, WidthMM: 476},
		"no mode (X unreachable)": {},
	} {
		t.Run(name, func(t *testing.T) {
			d := Decide(reported, 0, capPx)
			if d.Scale != 1 || d.Source != SourceNone {
				t.Errorf("no config: scale %.1f from %q, want 1 from %q", d.Scale, d.Source, SourceNone)
			}
			if reported.WidthPx == 0 {
				return
			}
			d = Decide(reported, 21.5, capPx)
			if d.Scale != 1.3 || d.Source != SourceConfig || d.CapitalIMM < MinCapitalIMM {
				t.Errorf("21.5 in configured: scale %.1f from %q (%.2f mm), want 1.3 from %q", d.Scale, d.Source, d.CapitalIMM, SourceConfig)
			}
		})
	}
}

// The configured diagonal wins over a monitor that reports a believable but
// wrong size, and a truthful monitor is used when nothing is configured.
func TestTheConfiguredDiagonalOverridesTheMonitor(t *testing.T) {
	capPx := bodyCapitalI(t)
	claims32 := FromDiagonal(1920, 1080, 32)
	if d := Decide(claims32, 0, capPx); d.Scale != 1 || d.Source != SourceMonitor {
		t.Errorf("monitor's 32 in: scale %.1f from %q, want 1 from %q", d.Scale, d.Source, SourceMonitor)
	}
	if d := Decide(claims32, 21.5, capPx); d.Scale != 1.3 || d.Source != SourceConfig {
		t.Errorf("21.5 in over the monitor's 32 in: scale %.1f from %q, want 1.3 from %q", d.Scale, d.Source, SourceConfig)
	}
}

// Dense panels scale up, but never past MaxScale.
func TestTheScaleIsCapped(t *testing.T) {
	capPx := bodyCapitalI(t)
	if s := Scale(capPx, FromDiagonal(3840, 2160, 24)); s <= 2 || s > MaxScale {
		t.Errorf("24 in 4K: scale %.1f, want above 2 and at most %v", s, MaxScale)
	}
	if s := Scale(capPx, FromDiagonal(3840, 2160, 10)); s != MaxScale {
		t.Errorf("10 in 4K: scale %.1f, want the cap %v", s, MaxScale)
	}
}

// Against a real X server: what Xvfb reports for its -dpi (its RandR output says
// 0 mm, so the core screen's size is read) gives the panel and the scale.
func TestReadXTakesTheScreenSizeXvfbReports(t *testing.T) {
	capPx := bodyCapitalI(t)
	// 1920×1080 at 102 dpi is a 21.6" panel; at 69 dpi, 31.9".
	for _, tc := range []struct {
		dpi       string
		wantScale float64
	}{{"102", 1.3}, {"69", 1}} {
		t.Run(tc.dpi+"dpi", func(t *testing.T) {
			xvfbtest.Start(t, "1920x1080x24", "-dpi", tc.dpi)
			panel, release, err := ReadX()
			defer release()
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("Xvfb -dpi %s: %+v, %.1f in", tc.dpi, panel, panel.DiagonalInches())
			if panel.WidthPx != 1920 || panel.HeightPx != 1080 || !panel.Plausible() {
				t.Fatalf("read %+v from a 1920x1080 screen at %s dpi", panel, tc.dpi)
			}
			if d := Decide(panel, 0, capPx); d.Scale != tc.wantScale || d.Source != SourceMonitor {
				t.Errorf("scale %.1f from %q, want %.1f from %q", d.Scale, d.Source, tc.wantScale, SourceMonitor)
			}
		})
	}
}

// A panel with too few pixels for 4.8 mm text and the layouts' room is scaled only
// as far as the layouts fit, and the Decision says the text falls short.
func TestTheLayoutsKeepTheirRoom(t *testing.T) {
	capPx := bodyCapitalI(t)
	for _, tc := range []struct {
		widthPx, heightPx int
		inches, wantScale float64
		wantLimited       bool
	}{
		{1280, 800, 15.6, 1.2, false}, // 4.8 mm at 1.2: 1067×667 logical, just above the floor
		{1280, 800, 13.3, 1.2, true},  // 4.8 mm needs 1.4, which would leave 914×571
		{1024, 768, 15, 1.1, false},   // 4.8 mm at 1.1: 931×698 logical, just above the floor
		{1920, 1080, 24, 1.2, false},  // room to spare
		{1080, 1920, 27, 1, false},    // portrait, already tall enough
		{2560, 1440, 13.3, 2.1, true}, // a dense small panel: 1219×686 logical
	} {
		panel := FromDiagonal(tc.widthPx, tc.heightPx, tc.inches)
		d := Decide(panel, 0, capPx)
		w, h := float64(tc.widthPx)/d.Scale, float64(tc.heightPx)/d.Scale
		t.Logf("%dx%d %.1f\": scale %.1f, %.0f×%.0f logical, capital I %.2f mm, limited by layout %v",
			tc.widthPx, tc.heightPx, tc.inches, d.Scale, w, h, d.CapitalIMM, d.LimitedByLayout)
		if math.Abs(d.Scale-tc.wantScale) > 1e-9 || d.LimitedByLayout != tc.wantLimited {
			t.Errorf("scale %.1f limited %v, want %.1f limited %v", d.Scale, d.LimitedByLayout, tc.wantScale, tc.wantLimited)
		}
		if d.Scale > 1 && (w < MinLayoutWidth || h < MinLayoutHeight) {
			t.Errorf("scale %.1f leaves the layouts %.0f×%.0f logical pixels", d.Scale, w, h)
		}
	}
}
