package receipt_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/qr"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
	rt "github.com/medfordwater/lobbykiosk/internal/receipt/receipttest"
	"github.com/medfordwater/lobbykiosk/translations"
)

// Each kind of receipt, in each language and on each paper, printed as a PDF
// and read back with pdftotext: what it must say is there, the visitor's full
// numbers and password are not, and its code scans to the portal.
func TestEveryReceiptSaysWhatWasDoneAndNoFullNumber(t *testing.T) {
	portal, err := qr.PortalURL(config.MedfordWater().Website)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range rt.Visits() {
		for _, lang := range translations.Languages {
			for _, paper := range []receipt.Width{receipt.Paper80, receipt.Paper58} {
				name := fmt.Sprintf("%s/%s/%dmm", v.Name, lang, paper)
				pdf, err := v.Receipt.PDF(lang, paper)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				text := rt.Flat(rt.PDFText(t, pdf))
				for _, phrase := range v.Says[lang] {
					if !strings.Contains(text, phrase) {
						t.Errorf("%s: missing %q in:\n%s", name, phrase, text)
					}
				}
				for _, secret := range rt.Secrets() {
					if strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(secret, " ", "")) {
						t.Errorf("%s: prints %q", name, secret)
					}
				}
				if paper == receipt.Paper58 && v.Name == "everything" || paper == receipt.Paper80 && v.Name == "payment" {
					if got := rt.ScanPDF(t, pdf); got != portal {
						t.Errorf("%s: code scans to %q, want %q", name, got, portal)
					}
				}
			}
		}
	}
}

func TestPageIsAsWideAsThePaper(t *testing.T) {
	v := rt.Visits()[0]
	for paper, want := range map[receipt.Width]string{receipt.Paper80: "226.77 x", receipt.Paper58: "164.41 x"} {
		pdf, err := v.Receipt.PDF("en", paper)
		if err != nil {
			t.Fatal(err)
		}
		if size := rt.PDFPageSize(t, pdf); !strings.HasPrefix(size, want) {
			t.Errorf("%d mm paper: page %s, want %s… pts", paper, size, want)
		}
	}
	if _, err := v.Receipt.PDF("en", receipt.Width(72)); err == nil {
		t.Error("a 72 mm layout was made; only 80 and 58 mm are designed")
	}
}

// A full number put where a receipt expects something else is refused, and the
// refusal never repeats the number (errors get logged).
func TestAFullNumberCannotBeSlippedIn(t *testing.T) {
	for _, full := range []string{rt.FullCard, "4111111111111111", rt.FullBankAccount, rt.AccountNumber, "12345"} {
		if l4, err := receipt.ParseLast4(full); err == nil {
			t.Errorf("ParseLast4(%q) accepted: %q", full, l4)
		}
	}
	card, err := receipt.LastFourOf(rt.FullCard)
	if err != nil || card.String() != "1111" {
		t.Errorf("LastFourOf(card) = %q, %v", card, err)
	}
	if _, err := receipt.LastFourOf("123"); err == nil {
		t.Error("LastFourOf accepted three digits")
	}
	good := rt.Visits()[3].Receipt.Items[0].(receipt.Paid)
	leaks := map[string]receipt.Item{
		"card number as confirmation":    func() receipt.Item { p := good; p.Confirmation = "4111111111111111"; return p }(),
		"account number as confirmation": func() receipt.Item { p := good; p.Confirmation = rt.AccountNumber; return p }(),
		"bank number as confirmation":    func() receipt.Item { p := good; p.Confirmation = "MW-" + rt.FullBankAccount; return p }(),
		"account number as email":        receipt.Registered{Email: rt.AccountNumber},
		"card number as e-billing email": receipt.EBillingPending{Email: rt.FullCard},
		"password as receipt email":      func() receipt.Item { p := good; p.ReceiptEmail = rt.Password; return p }(),
		"method without digits":          func() receipt.Item { p := good; p.Method.Last4 = receipt.Last4{}; return p }(),
		"method of no kind":              func() receipt.Item { p := good; p.Method.Kind = 0; return p }(),
		"no amount":                      func() receipt.Item { p := good; p.AmountCents = 0; return p }(),
		"nil item":                       nil,
	}
	for name, item := range leaks {
		r := rt.Visits()[3].Receipt
		r.Items = []receipt.Item{item}
		pdf, err := r.PDF("en", receipt.Paper80)
		if err == nil {
			t.Errorf("%s: printed (%d bytes)", name, len(pdf))
			continue
		}
		for _, secret := range rt.Secrets() {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("%s: the error repeats %q: %v", name, secret, err)
			}
		}
	}
	empty := rt.Visits()[0].Receipt
	empty.Items = nil
	if _, err := empty.PDF("en", receipt.Paper80); err == nil {
		t.Error("a receipt of nothing done was printed")
	}
}

// Speech reads the same document the paper shows.
func TestDocumentLinesAreThePrintedText(t *testing.T) {
	v := rt.Visits()[4]
	for _, lang := range translations.Languages {
		doc, err := v.Receipt.Document(lang)
		if err != nil {
			t.Fatal(err)
		}
		spoken := rt.Flat(doc.Text())
		for _, phrase := range v.Says[lang] {
			if !strings.Contains(spoken, phrase) {
				t.Errorf("%s: the spoken text lacks %q", lang, phrase)
			}
		}
		if _, err := v.Receipt.Document("fr"); err == nil {
			t.Error("a receipt in a language with no catalog")
		}
	}
}

func TestTestPagePrintsEveryLetterAndTheCode(t *testing.T) {
	for _, lang := range translations.Languages {
		pdf, err := receipt.TestPage(config.MedfordWater(), "lobby-1", rt.At, lang, receipt.Paper58)
		if err != nil {
			t.Fatal(err)
		}
		text := rt.Flat(rt.PDFText(t, pdf))
		for _, want := range []string{"Medford Water", "á é í ó ú ü ñ ¿ ¡ Á É Í Ó Ú Ñ", "lobby-1", "58 mm"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s test page lacks %q:\n%s", lang, want, text)
			}
		}
		if got := rt.ScanPDF(t, pdf); !strings.HasSuffix(got, config.MedfordWater().Website) {
			t.Errorf("%s test page code scans to %q", lang, got)
		}
	}
}

// The catalogs have the same messages, none empty, each language its own words.
func TestCatalogsMatch(t *testing.T) {
	read := func(lang string) map[string]string {
		raw, err := translations.File(translations.Receipt, lang)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	en := read("en")
	for _, lang := range translations.Languages {
		msgs := read(lang)
		if len(msgs) != len(en) {
			t.Errorf("%s.json has %d messages, en.json %d", lang, len(msgs), len(en))
		}
		for id := range en {
			if strings.TrimSpace(msgs[id]) == "" {
				t.Errorf("%s.json: %q missing or empty", lang, id)
			}
		}
	}
	if es := read("es"); es["intro"] == en["intro"] || es["qr_caption"] == en["qr_caption"] {
		t.Error("es.json repeats the English")
	}
}

// docs/receipts.md shows a sample of each kind in each language: they must exist
// (go generate ./internal/receipt writes them).
func TestSamplesAreCommitted(t *testing.T) {
	for _, lang := range translations.Languages {
		names := []string{rt.SampleName("everything", lang, receipt.Paper58), rt.SampleName("testpage", lang, receipt.Paper58)}
		for _, v := range rt.Visits() {
			names = append(names, rt.SampleName(v.Name, lang, receipt.Paper80))
		}
		for _, name := range names {
			if _, err := os.Stat("../../docs/receipts/" + name); err != nil {
				t.Errorf("sample missing (go generate ./internal/receipt): %v", err)
			}
		}
	}
}

// BenchmarkReceiptPDF: building a whole visit's receipt, the part of printing
// done inside the kiosk.
func BenchmarkReceiptPDF(b *testing.B) {
	r := rt.Visits()[len(rt.Visits())-1].Receipt
	for b.Loop() {
		if _, err := r.PDF("es", receipt.Paper80); err != nil {
			b.Fatal(err)
		}
	}
}
