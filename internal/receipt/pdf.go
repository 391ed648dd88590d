package receipt

import (
	"bytes"
	"fmt"
	"math"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"fyne.io/fyne/v2/theme"

	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/qr"
)

//go:generate go run ./samples ../../docs/receipts

// Width is the receipt paper's width in millimetres (config receipt_width).
type Width int

// The paper widths thermal receipt printers take.
const (
	Paper80 Width = 80
	Paper58 Width = 58
)

// style is everything about a layout that depends on the paper.
type style struct {
	printable float64 // mm a thermal head prints across this paper
	heading   float64 // font sizes, pt
	body      float64
	small     float64
	logo      float64 // mm
	code      float64 // the QR code's side, mm, quiet zone included
}

func (w Width) style() (style, error) {
	switch w {
	case Paper80:
		return style{printable: 72, heading: 14, body: 10, small: 8, logo: 16, code: 34}, nil
	case Paper58:
		return style{printable: 48, heading: 12, body: 8.5, small: 7, logo: 12, code: 30}, nil
	}
	return style{}, fmt.Errorf("receipt: paper %d mm wide: only 80 and 58 mm are laid out", w)
}

// PDF is the receipt laid out for the paper in lang: one page as long as its
// content, with the utility's name and logo at the top and the portal's QR
// code at the bottom.
func (r Receipt) PDF(lang string, paper Width) ([]byte, error) {
	doc, err := r.Document(lang)
	if err != nil {
		return nil, err
	}
	return render(doc, r.Utility, r.At, paper)
}

// TestPage is the staff menu's printer test: the utility's header, when, the
// kiosk, every accented letter the receipts use, and the portal's code.
func TestPage(u config.Utility, kioskID string, at time.Time, lang string, paper Width) ([]byte, error) {
	w, err := wordsIn(lang)
	if err != nil {
		return nil, err
	}
	zone, err := u.Location()
	if err != nil {
		return nil, fmt.Errorf("receipt: utility time zone: %w", err)
	}
	doc := header(w, u.Name, kioskID, at.In(zone))
	doc.Title = w.say("test.title", nil)
	doc.Intro = w.say("test.body", nil)
	doc.Items = [][]string{{w.say("test.glyphs", nil), w.say("test.width", map[string]any{"Width": int(paper)})}}
	doc.Contact = contact(w, Receipt{Utility: u}, lang)
	if w.err != nil {
		return nil, w.err
	}
	return render(doc, u, at, paper)
}

// render lays the document out twice: once on a page too long for any
// receipt to learn how long it is, then on a page of exactly that length, so
// the printer feeds no blank paper.
func render(doc Document, u config.Utility, at time.Time, paper Width) ([]byte, error) {
	st, err := paper.style()
	if err != nil {
		return nil, err
	}
	code, err := qr.Portal(u)
	if err != nil {
		return nil, err
	}
	logo, err := logoPNG()
	if err != nil {
		return nil, err
	}
	const tall = 3000.0
	measure := newPage(paper, tall, at)
	length := lay(measure, st, paper, doc, code, logo)
	if err := measure.Error(); err != nil {
		return nil, fmt.Errorf("receipt: layout: %w", err)
	}
	page := newPage(paper, math.Max(math.Ceil(length), float64(paper)+1), at)
	lay(page, st, paper, doc, code, logo)
	var out bytes.Buffer
	if err := page.Output(&out); err != nil {
		return nil, fmt.Errorf("receipt: pdf: %w", err)
	}
	return out.Bytes(), nil
}

// newPage starts a one-page PDF with the kiosk's own fonts (Noto Sans, which
// has every Spanish letter) and fixed dates, so the same receipt gives the
// same bytes.
func newPage(paper Width, length float64, at time.Time) *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: float64(paper), Ht: length}})
	pdf.AddUTF8FontFromBytes("noto", "", theme.DefaultTextFont().Content())
	pdf.AddUTF8FontFromBytes("noto", "B", theme.DefaultTextBoldFont().Content())
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCreationDate(at)
	pdf.SetModificationDate(at)
	pdf.SetTitle("Receipt", true) // never the visitor's details: PDF metadata outlives the page
	pdf.AddPage()
	return pdf
}

// lay draws the document and returns where the page should end, in mm.
func lay(pdf *fpdf.Fpdf, st style, paper Width, doc Document, code *qr.Code, logo []byte) float64 {
	margin := (float64(paper) - st.printable) / 2
	pdf.SetMargins(margin, 4, margin)
	pdf.SetCellMargin(0)
	text := func(size float64, bold bool, align, s string) {
		if s == "" {
			return
		}
		b := ""
		if bold {
			b = "B"
		}
		pdf.SetFont("noto", b, size)
		pdf.SetX(margin)
		pdf.MultiCell(st.printable, size*0.45, s, "", align, false)
	}
	gap := func(mm float64) { pdf.SetY(pdf.GetY() + mm) }
	rule := func() {
		gap(1.5)
		pdf.SetLineWidth(0.25)
		pdf.Line(margin, pdf.GetY(), margin+st.printable, pdf.GetY())
		gap(2)
	}

	pdf.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(logo))
	pdf.ImageOptions("logo", (float64(paper)-st.logo)/2, 4, st.logo, st.logo, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	pdf.SetY(4 + st.logo + 1.5)
	text(st.heading, true, "C", doc.Utility)
	text(st.body, true, "C", doc.Title)
	text(st.body, true, "C", doc.Practice)
	gap(1)
	text(st.small, false, "C", doc.When)
	text(st.small, false, "C", doc.Kiosk)
	text(st.small, false, "C", doc.Account)
	rule()
	text(st.body, true, "L", doc.Intro)
	for _, item := range doc.Items {
		gap(1.5)
		for _, line := range item {
			text(st.body, false, "L", line)
		}
	}
	rule()
	for _, line := range doc.Contact {
		text(st.small, false, "L", line)
	}
	gap(2)
	drawCode(pdf, code, (float64(paper)-st.code)/2, pdf.GetY(), st.code)
	pdf.SetY(pdf.GetY() + st.code)
	text(st.small, false, "C", doc.QRCaption)
	gap(2)
	text(st.small, false, "C", doc.Closing)
	// Room for the cutter: a thermal printer cuts some 10 mm below its head.
	return pdf.GetY() + 10
}

// drawCode draws the QR code as filled rectangles, one per run of dark
// modules in a row: sharp at any printer resolution, with no seams between
// neighbours. Modules are a whole number of 1/8 mm (the dot pitch of 203 dpi
// thermal heads) so none prints a dot wider than the others.
func drawCode(pdf *fpdf.Fpdf, code *qr.Code, x, y, side float64) {
	const dot = 0.125
	n := code.Size()
	module := math.Floor(side/float64(n)/dot) * dot
	x += (side - module*float64(n)) / 2
	pdf.SetFillColor(0, 0, 0)
	for row := range n {
		for col := 0; col < n; col++ {
			if !code.Dark(col, row) {
				continue
			}
			run := 1
			for col+run < n && code.Dark(col+run, row) {
				run++
			}
			pdf.Rect(x+float64(col)*module, y+float64(row)*module, float64(run)*module, module, "F")
			col += run - 1
		}
	}
}
