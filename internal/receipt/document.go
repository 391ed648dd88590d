package receipt

import (
	"fmt"
	"strings"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/medfordwater/lobbykiosk/translations"
)

// The receipt has a catalog of its own (translations/receipt/*.json, in the
// language registry beside the screens'): paper has its own wording and line
// lengths, and the package stays free of the UI.
func localizers() (map[string]*i18n.Localizer, error) {
	return translations.Localizers(translations.Receipt)
}

// words fills in the receipt's messages in one language. A missing message is
// an error, never a message ID on paper; err keeps the first one.
type words struct {
	loc *i18n.Localizer
	err error
}

func wordsIn(lang string) (*words, error) {
	all, err := localizers()
	if err != nil {
		return nil, err
	}
	loc, ok := all[lang]
	if !ok {
		return nil, fmt.Errorf("receipt: no catalog for language %q", lang)
	}
	return &words{loc: loc}, nil
}

func (w *words) say(id string, data map[string]any) string {
	msg, err := w.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil && w.err == nil {
		w.err = fmt.Errorf("receipt catalog: %w", err)
	}
	return msg
}

// Document is a receipt's text in one language, in the order it is printed.
// The PDF lays it out; speech reads Lines.
type Document struct {
	Utility   string     // the utility's name, the heading
	Title     string     // "Receipt"
	Practice  string     // "PRACTICE RECEIPT…" on a demo's or training's; "" on a real one
	When      string     // date and time in the utility's time zone
	Kiosk     string     // "Kiosk: lobby-1"
	Account   string     // "Account ending in 4567"; "" when the visit had none
	Intro     string     // "What you did today:"
	Items     [][]string // each thing done, as one or more lines
	QRCaption string     // under the portal's code
	Contact   []string   // portal address, phone, office hours, office
	Closing   string     // that no full number is ever printed
}

// Lines is the document as plain lines, in reading order.
func (d Document) Lines() []string {
	var lines []string
	for _, line := range []string{d.Utility, d.Title, d.Practice, d.When, d.Kiosk, d.Account, d.Intro} {
		if line != "" {
			lines = append(lines, line)
		}
	}
	for _, item := range d.Items {
		lines = append(lines, item...)
	}
	lines = append(lines, d.Contact...)
	return append(lines, d.QRCaption, d.Closing)
}

// Text is the document as one text, a line each, for speaking it.
func (d Document) Text() string { return strings.Join(d.Lines(), "\n") }

// Document writes the receipt in lang ("en" or "es"). It fails, without
// echoing any value, when the receipt has nothing done or a field that is not
// what it claims to be (see the Item types).
func (r Receipt) Document(lang string) (Document, error) {
	if err := r.check(); err != nil {
		return Document{}, err
	}
	w, err := wordsIn(lang)
	if err != nil {
		return Document{}, err
	}
	zone, err := r.Utility.Location()
	if err != nil {
		return Document{}, fmt.Errorf("receipt: utility time zone: %w", err)
	}
	d := header(w, r.Utility.Name, r.KioskID, r.At.In(zone))
	d.Title = w.say("title", nil)
	switch r.Practice {
	case Demo:
		d.Practice = w.say("practice.demo", nil)
	case Training:
		d.Practice = w.say("practice.training", nil)
	}
	if r.Account.digits != "" {
		d.Account = w.say("account", map[string]any{"Digits": r.Account.digits})
	}
	d.Intro = w.say("intro", nil)
	for _, item := range r.Items {
		d.Items = append(d.Items, item.lines(w))
	}
	d.Contact = contact(w, r, lang)
	d.Closing = w.say("privacy", nil)
	return d, w.err
}

// header is what every printout starts with: the utility, when, which kiosk.
func header(w *words, utility, kioskID string, at time.Time) Document {
	return Document{
		Utility:   utility,
		When:      w.say("when", map[string]any{"Date": longDate(w, at), "Time": clockTime(w, at)}),
		Kiosk:     w.say("kiosk", map[string]any{"ID": kioskID}),
		QRCaption: w.say("qr_caption", nil),
	}
}

func contact(w *words, r Receipt, lang string) []string {
	u := r.Utility
	lines := []string{w.say("portal", map[string]any{"Website": u.Website}),
		w.say("phone", map[string]any{"Phone": u.Phone})}
	if hours := u.OfficeHours.In(lang); hours != "" {
		lines = append(lines, w.say("hours", map[string]any{"Hours": hours}))
	}
	if office := u.OfficeAddress.In(lang); office != "" {
		lines = append(lines, w.say("office", map[string]any{"Address": office}))
	}
	return lines
}

func (r Registered) lines(w *words) []string {
	return []string{w.say("registered", map[string]any{"Email": r.Email})}
}

func (e EBillingPending) lines(w *words) []string {
	return []string{w.say("ebilling_pending", map[string]any{"Email": e.Email})}
}

func (a AutoPayOn) lines(w *words) []string {
	data := map[string]any{"Method": a.Method.words(w)}
	if a.From.IsZero() {
		return []string{w.say("autopay", data)}
	}
	data["Date"] = longDate(w, a.From.Time)
	if a.AfterPaidBill {
		return []string{w.say("autopay_next_bill", data)}
	}
	return []string{w.say("autopay_from", data)}
}

func (p Paid) lines(w *words) []string {
	out := []string{
		w.say("paid", map[string]any{"Amount": dollars(p.AmountCents), "Method": p.Method.words(w)}),
		w.say("paid_confirmation", map[string]any{"Number": p.Confirmation}),
	}
	if p.ReceiptEmail != "" {
		out = append(out, w.say("paid_email", map[string]any{"Email": p.ReceiptEmail}))
	}
	return out
}

func (m Method) words(w *words) string {
	id := "method.card"
	if m.Kind == Bank {
		id = "method.bank"
	}
	return w.say(id, map[string]any{"Digits": m.Last4.String()})
}

// longDate writes "December 3, 2026" / "3 de diciembre de 2026".
func longDate(w *words, t time.Time) string {
	months := strings.Split(w.say("months", nil), ",")
	month := t.Month().String()
	if int(t.Month()) <= len(months) {
		month = strings.TrimSpace(months[t.Month()-1])
	}
	return w.say("date", map[string]any{"Month": month, "Day": t.Day(), "Year": t.Year()})
}

// clockTime writes "2:05 p.m. PST" / "2:05 p. m., hora del Pacífico": a 12-hour
// clock, as US visitors read it in either language, with the zone the time is in.
func clockTime(w *words, t time.Time) string {
	half := w.say("am", nil)
	if t.Hour() >= 12 {
		half = w.say("pm", nil)
	}
	return w.say("time", map[string]any{
		"Hour": (t.Hour()+11)%12 + 1, "Minute": fmt.Sprintf("%02d", t.Minute()), "Half": half, "Zone": zoneName(w, t),
	})
}

// zoneName is the zone t is in as the catalog writes it ("PST", "hora del
// Pacífico"), by the zone's abbreviation; a zone the catalog does not name is
// printed as its abbreviation, which is what a US reader of either language
// would see on a bill.
func zoneName(w *words, t time.Time) string {
	abbrev, _ := t.Zone()
	name, err := w.loc.Localize(&i18n.LocalizeConfig{MessageID: "zone." + abbrev})
	if err != nil {
		return abbrev
	}
	return name
}

// dollars writes cents as $1,234.56, the same in English and US Spanish (as the
// screens show amounts); x/text's printer groups the thousands.
func dollars(cents int64) string {
	return message.NewPrinter(language.AmericanEnglish).Sprintf("$%d.%02d", cents/100, cents%100)
}
