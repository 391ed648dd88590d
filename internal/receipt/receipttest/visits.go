package receipttest

import (
	"fmt"
	"strings"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
)

// The visitor's full numbers and password the sample visits are made from.
// A printout must never hold any of them (Secrets).
const (
	FullCard        = "4111 1111 1111 1111"
	FullBankAccount = "000123456789"
	RoutingNumber   = "021000021"
	AccountNumber   = "00065821-0672430"
	Password        = "Blue-Heron-Creek-42"
	Email           = "maria.lopez@example.com"
)

// Secrets is every form of the visitor's numbers that must never be printed:
// as typed, and run together without spaces or hyphens.
func Secrets() []string {
	var out []string
	for _, s := range []string{FullCard, FullBankAccount, RoutingNumber, AccountNumber, Password} {
		out = append(out, s, strings.NewReplacer(" ", "", "-", "").Replace(s))
	}
	return out
}

// At is when the samples were printed: 2:05 p.m. in Medford (PST).
var At = time.Date(2026, 12, 3, 22, 5, 0, 0, time.UTC)

// Visit is one kind of receipt and what it must say in each language.
type Visit struct {
	Name    string
	Receipt receipt.Receipt
	Says    map[string][]string // by language: phrases the printout must hold
}

// Visits is one receipt of each kind a visit can print, and one of a visit
// that did everything. Each is built the way the kiosk builds one: from the
// full numbers the visitor typed, through LastFourOf.
func Visits() []Visit {
	card := must(receipt.LastFourOf(FullCard))
	bank := must(receipt.LastFourOf(FullBankAccount))
	firstDraft := client.NewDate(2027, time.January, 15)
	registered := receipt.Registered{Email: Email}
	autoPay := receipt.AutoPayOn{From: firstDraft, Method: receipt.Method{Kind: receipt.Bank, Last4: bank}}
	autoPayAfterPaying := autoPay
	autoPayAfterPaying.AfterPaidBill = true
	eBilling := receipt.EBillingPending{Email: Email}
	paid := receipt.Paid{AmountCents: 123456, Confirmation: "MW-7KQ2ZP4D",
		Method: receipt.Method{Kind: receipt.Card, Last4: card}, ReceiptEmail: Email}
	says := map[string]map[string][]string{
		"registered": {
			"en": {"You registered a login for " + Email},
			"es": {"Usted registró un inicio de sesión para " + Email},
		},
		"autopay": {
			"en": {"AutoPay is on from January 15, 2027", "bank account ending in 6789"},
			"es": {"El pago automático está activado desde el 15 de enero de 2027", "cuenta bancaria que termina en 6789"},
		},
		"autopay after paying": {
			"en": {"Your current bill is paid, so AutoPay starts with your next bill, on January 15, 2027", "bank account ending in 6789"},
			"es": {"Su factura actual está pagada, así que el pago automático empieza con su próxima factura, el 15 de enero de 2027"},
		},
		"account": {
			"en": {"Account ending in 2430"},
			"es": {"Cuenta que termina en 2430"},
		},
		"training": {
			"en": {"TRAINING RECEIPT: practice only. Nothing was paid or changed."},
			"es": {"RECIBO DE CAPACITACIÓN: solo práctica. No se pagó ni se cambió nada."},
		},
		"ebilling": {
			"en": {"open the link we sent to " + Email},
			"es": {"abra el enlace que enviamos a " + Email},
		},
		"payment": {
			"en": {"You paid $1,234.56 with the card ending in 1111", "Confirmation number: MW-7KQ2ZP4D", "A receipt was emailed to " + Email},
			"es": {"Usted pagó $1,234.56 con la tarjeta que termina en 1111", "Número de confirmación: MW-7KQ2ZP4D", "Se envió un recibo por correo electrónico a " + Email},
		},
	}
	every := map[string][]string{
		"en": {"Medford Water", "Receipt", "December 3, 2026, 2:05 p.m. PST", "Kiosk: lobby-1", "services.medfordwater.org",
			"541-774-2430", "Monday–Friday, 8 a.m.–5 p.m.", "Room 177", "Scan to open the portal on your phone"},
		"es": {"Medford Water", "Recibo", "3 de diciembre de 2026, 2:05 p. m., hora del Pacífico", "Quiosco: lobby-1", "services.medfordwater.org",
			"541-774-2430", "Lunes a viernes, 8 a.m.–5 p.m.", "Oficina 177", "Escanee el código para abrir el portal en su teléfono"},
	}
	account := must(receipt.LastFourOf(AccountNumber))
	visit := func(name string, items []receipt.Item, kinds ...string) Visit {
		v := Visit{Name: name, Says: map[string][]string{},
			Receipt: receipt.Receipt{At: At, KioskID: "lobby-1", Utility: config.MedfordWater(), Items: items}}
		for _, kind := range kinds {
			switch kind {
			case "account":
				v.Receipt.Account = account
			case "training":
				v.Receipt.Practice = receipt.Training
			}
		}
		for lang, phrases := range every {
			v.Says[lang] = append(v.Says[lang], phrases...)
			for _, kind := range kinds {
				v.Says[lang] = append(v.Says[lang], says[kind][lang]...)
			}
		}
		return v
	}
	return []Visit{
		visit("registered", []receipt.Item{registered}, "registered"),
		visit("autopay", []receipt.Item{autoPay}, "autopay"),
		visit("ebilling", []receipt.Item{eBilling}, "ebilling"),
		visit("payment", []receipt.Item{paid}, "payment"),
		// The order a visit that did everything goes in: pay the bill found, then
		// register, then AutoPay, which starts with the next bill, then e-billing.
		visit("everything", []receipt.Item{paid, registered, autoPayAfterPaying, eBilling},
			"payment", "registered", "autopay after paying", "ebilling", "account"),
		visit("training", []receipt.Item{paid}, "payment", "account", "training"),
	}
}

// Flat is text with every run of spaces and line breaks made one space, so a
// phrase wrapped across printed lines is still found.
func Flat(text string) string { return strings.Join(strings.Fields(text), " ") }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// SampleName is the file of a sample receipt under docs/receipts/.
func SampleName(kind, lang string, paper receipt.Width) string {
	return fmt.Sprintf("%s-%s-%dmm.png", kind, lang, paper)
}
