package receipt

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"sync"

	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"

	"github.com/medfordwater/lobbykiosk/assets"
)

// logoPixels is the side of the rasterised logo: 16 mm at 203 dpi is 128
// dots, so 256 px stays sharp on any receipt printer.
const logoPixels = 256

// logoPNG is the utility's logo (assets/logo.svg) drawn once on white with the
// SVG rasteriser Fyne itself uses: PDF has no SVG, and white rather than
// transparency is what paper shows.
var logoPNG = sync.OnceValues(func() ([]byte, error) {
	icon, err := oksvg.ReadIconStream(bytes.NewReader(assets.Logo.Content()))
	if err != nil {
		return nil, fmt.Errorf("receipt: logo: %w", err)
	}
	img := image.NewRGBA(image.Rect(0, 0, logoPixels, logoPixels))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	icon.SetTarget(0, 0, logoPixels, logoPixels)
	icon.Draw(rasterx.NewDasher(logoPixels, logoPixels, rasterx.NewScannerGV(logoPixels, logoPixels, img, img.Bounds())), 1)
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, fmt.Errorf("receipt: logo: %w", err)
	}
	return out.Bytes(), nil
})
