// Package qr draws the QR code of the utility's public portal address, for the
// screen and for the printed receipt. Its only way in is the utility's profile
// from the config, so nothing personal can ever be put into a code.
package qr

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"

	"github.com/yeqown/go-qrcode/v2"

	"github.com/medfordwater/lobbykiosk/internal/config"
)

// QuietZone is the light border, in modules, that scanners need around a code.
const QuietZone = 4

// Code is the QR code of a portal address.
type Code struct {
	text    string
	modules [][]bool // [row][column], dark = true, without the quiet zone
}

// Portal returns the code of the utility's public portal address
// (utility.website; "https://" is added when the config names a bare host, so
// a phone opens it as a link rather than showing text).
func Portal(u config.Utility) (*Code, error) {
	link, err := PortalURL(u.Website)
	if err != nil {
		return nil, err
	}
	// Medium correction (15 % of the code may be lost) keeps the code small
	// enough for 58 mm paper at a module size phones read at arm's length.
	enc, err := qrcode.NewWith(link, qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium))
	if err != nil {
		return nil, fmt.Errorf("qr: encoding %q: %w", link, err)
	}
	grab := &matrixGrab{}
	if err := enc.Save(grab); err != nil {
		return nil, fmt.Errorf("qr: %w", err)
	}
	return &Code{text: link, modules: grab.bitmap}, nil
}

// PortalURL is the link a portal code holds: the website as an https URL, by
// the config's one rule (config.Utility.PortalLink).
func PortalURL(website string) (string, error) {
	link, err := config.Utility{Website: website}.PortalLink()
	if err != nil {
		return "", fmt.Errorf("qr: %w", err)
	}
	return link, nil
}

// Text is what the code says when scanned.
func (c *Code) Text() string { return c.text }

// Size is the code's width (and height) in modules, quiet zone included.
func (c *Code) Size() int { return len(c.modules) + 2*QuietZone }

// Dark reports whether the module at column x, row y (quiet zone included) is dark.
func (c *Code) Dark(x, y int) bool {
	x, y = x-QuietZone, y-QuietZone
	if y < 0 || y >= len(c.modules) || x < 0 || x >= len(c.modules[y]) {
		return false
	}
	return c.modules[y][x]
}

// Image draws the code black on white, each module scale×scale pixels, with
// its quiet zone. For the screen, pick a scale that makes the code at least
// 2.5 cm wide.
func (c *Code) Image(scale int) image.Image {
	scale = max(scale, 1)
	side := c.Size() * scale
	img := image.NewGray(image.Rect(0, 0, side, side))
	for y := range side {
		for x := range side {
			shade := color.White
			if c.Dark(x/scale, y/scale) {
				shade = color.Black
			}
			img.SetGray(x, y, color.GrayModel.Convert(shade).(color.Gray))
		}
	}
	return img
}

// PNG is Image encoded as a PNG file.
func (c *Code) PNG(scale int) ([]byte, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, c.Image(scale)); err != nil {
		return nil, fmt.Errorf("qr: %w", err)
	}
	return buf.Bytes(), nil
}

// matrixGrab is a qrcode.Writer that keeps the encoder's module matrix: the
// library's own image writers are a separate module with a drawing stack of
// its own, while scaling modules to pixels (Image) and to PDF squares (the
// receipt) needs only the matrix.
type matrixGrab struct{ bitmap [][]bool }

func (g *matrixGrab) Write(mat qrcode.Matrix) error {
	g.bitmap = mat.Bitmap()
	return nil
}

func (g *matrixGrab) Close() error { return nil }
