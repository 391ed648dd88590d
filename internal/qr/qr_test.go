package qr_test

import (
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/qr"
	"github.com/medfordwater/lobbykiosk/internal/receipt/receipttest"
)

func TestPortalCodeScansToTheConfiguredAddress(t *testing.T) {
	for _, website := range []string{config.MedfordWater().Website, "https://pay.example-utility.org/start", "portal.example.org/es"} {
		u := config.MedfordWater()
		u.Website = website
		code, err := qr.Portal(u)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := qr.PortalURL(website)
		if code.Text() != want || !strings.HasPrefix(want, "https://") || !strings.Contains(want, strings.TrimPrefix(website, "https://")) {
			t.Errorf("website %q: code text %q, link %q", website, code.Text(), want)
		}
		for _, scale := range []int{2, 6} {
			data, err := code.PNG(scale)
			if err != nil {
				t.Fatal(err)
			}
			if got := receipttest.ScanPNG(t, receipttest.WritePNG(t, data)); got != want {
				t.Errorf("website %q at scale %d: scanned %q, want %q", website, scale, got, want)
			}
		}
	}
}

func TestImageHasAQuietZoneAndTheRequestedScale(t *testing.T) {
	code, err := qr.Portal(config.MedfordWater())
	if err != nil {
		t.Fatal(err)
	}
	img := code.Image(3)
	if got, want := img.Bounds().Dx(), code.Size()*3; got != want {
		t.Fatalf("image %d px wide, want %d", got, want)
	}
	for i := range qr.QuietZone * 3 {
		for _, p := range [][2]int{{i, i}, {img.Bounds().Dx() - 1 - i, i}, {i, img.Bounds().Dy() - 1 - i}} {
			if r, _, _, _ := img.At(p[0], p[1]).RGBA(); r != 0xffff {
				t.Fatalf("pixel %v in the quiet zone is dark", p)
			}
		}
	}
	// The top-left finder pattern starts right after the quiet zone.
	if !code.Dark(qr.QuietZone, qr.QuietZone) || code.Dark(qr.QuietZone-1, qr.QuietZone) {
		t.Error("finder pattern not where the quiet zone ends")
	}
}

func TestOnlyAPlainPublicAddressBecomesACode(t *testing.T) {
	for _, website := range []string{"", "  ", "ftp://files.example.org", "https://user:pw@portal.example.org",
		"portal.example.org/?account=0006582106724301", "portal.example.org/#me", "https://", "portal.example.org?"} {
		u := config.MedfordWater()
		u.Website = website
		if code, err := qr.Portal(u); err == nil {
			t.Errorf("website %q gave a code holding %q", website, code.Text())
		}
	}
}
