package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/validate"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
	"github.com/medfordwater/lobbykiosk/ui/keyboard"
	"github.com/medfordwater/lobbykiosk/ui/speechmode"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// The payment method's fields. Where the portal reports a problem with a field, the
// ID is the portal's own field name, so applyPortalProblem marks the same field.
const (
	fieldPayKind     fieldID = "payment_kind" // client.KindBank or client.KindCard
	fieldBankHolder  fieldID = "bank.holder_name"
	fieldBankRouting fieldID = "bank.routing_number"
	fieldBankAccount fieldID = "bank.account_number"
	fieldBankType    fieldID = "bank.account_type" // client.BankChecking or BankSavings
)

// paymentFields lists every field of the payment form: what is forgotten once the
// payment method has been used.
var paymentFields = []fieldID{fieldPayKind, fieldBankHolder, fieldBankRouting, fieldBankAccount, fieldBankType}

// choice is a row of big buttons for one of a few options (easier to hit on a
// touchscreen than radio buttons). The chosen one has a check mark and an outline,
// never the filled look of the screen's primary action, and never colour alone.
// Choosing changes the screen in place; the on-screen keys, which type in none
// of its options, go, and what the choice leads to comes into view with it
// (dismissKeysAfter).
type choice struct {
	id         fieldID
	chosen     func() string                        // the option chosen now ("" for none)
	buttons    map[string]*kwidget.Button           // by option value
	outlines   map[string]*kwidget.SelectionOutline // by option value: shown round the chosen one
	problem    *widget.Label
	problemRow fyne.CanvasObject // the problem's icon and words
	object     fyne.CanvasObject // the choice laid out (choiceObject)
	onChange   func()            // after a choice, when it changes more than itself
}

// paymentForm is the reusable "how will you pay" piece: a bank account or, when
// the kiosk has a card terminal, a card. A card is never typed: the visitor
// uses the terminal's reader once the payment is reviewed (cardreader.go). Its
// values live in the visit's fields.
type paymentForm struct {
	k                                *Kiosk
	cards                            bool    // the screen takes cards at the terminal
	kind                             *choice // nil when cards are not offered
	bankHolder, routing, bankAccount *field
	accountType                      *choice
}

// cardsOffered reports whether this form offers a card: the screen takes one,
// and the kiosk has a terminal to read it. Training practises on the practice
// portal, so a real terminal would charge a real card for a practice payment:
// there cards are offered only with a practice reader.
func (p *paymentForm) cardsOffered() bool {
	r := p.k.reader
	return p.cards && p.k.settings.CardEntry == config.CardEntryTerminal && r != nil &&
		(p.k.portal.mode != ModeTraining || r.practice != nil)
}

// kindChosen is the kind of payment method the visitor chose: a bank account unless
// they chose a card and cards are offered.
func (p *paymentForm) kindChosen() string {
	if p.cardsOffered() && p.k.visit.fields[fieldPayKind] == client.KindCard {
		return client.KindCard
	}
	return client.KindBank
}

// newPaymentForm builds the form's widgets from the visit; cards says whether
// the screen takes a card at the terminal.
func newPaymentForm(k *Kiosk, cards bool) *paymentForm {
	p := &paymentForm{k: k, cards: cards}
	if p.cardsOffered() {
		p.kind = p.newChoice(fieldPayKind, p.kindChosen, []string{client.KindBank, client.KindCard},
			map[string]string{client.KindBank: k.T("payment.bank"), client.KindCard: k.T("payment.card")})
	}
	p.bankHolder = k.newField(fieldSpec{id: fieldBankHolder, labelID: "payment.holder_name", check: checkHolder})
	p.routing = k.newField(fieldSpec{id: fieldBankRouting, labelID: "payment.routing_number", hintID: "payment.routing_hint",
		check: trimmed(validate.RoutingNumber), keyboard: keyboard.Digits})
	p.bankAccount = k.newField(fieldSpec{id: fieldBankAccount, labelID: "payment.bank_account_number",
		check: trimmed(validate.BankAccountNumber), keyboard: keyboard.Digits})
	p.accountType = p.newChoice(fieldBankType, func() string { return k.visit.fields[fieldBankType] }, []string{client.BankChecking, client.BankSavings},
		map[string]string{client.BankChecking: k.T("payment.checking"), client.BankSavings: k.T("payment.savings")})
	return p
}

var checkHolder = trimmed(validate.HolderName)

// newChoice builds a choice from the visit; tapping an option records it and
// rebuilds the screen (which may show other fields).
func (p *paymentForm) newChoice(id fieldID, chosen func() string, options []string, labels map[string]string) *choice {
	k := p.k
	c := &choice{id: id, chosen: chosen, buttons: map[string]*kwidget.Button{}, outlines: map[string]*kwidget.SelectionOutline{}}
	for _, option := range options {
		b := kwidget.NewButtonWithIcon(labels[option], theme.RadioButtonIcon(), func() {
			k.visit.fields[id] = option
			delete(k.visit.problems, id)
			c.show(k)
			if c.onChange != nil {
				c.onChange()
			}
			k.dismissKeysAfter(c)
		})
		outline := kwidget.NewSelectionOutline()
		k.page.note(b, speechmode.Note{Role: speechmode.RoleOption, State: func() string {
			if c.chosen() == option {
				return "speech.state.selected"
			}
			return "speech.state.not_selected"
		}})
		c.buttons[option], c.outlines[option] = b, outline
	}
	c.problem = widget.NewLabel("")
	c.problem.Wrapping = fyne.TextWrapWord
	c.problem.Importance = widget.DangerImportance
	c.problemRow = container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, c.problem)
	k.page.note(c.problemRow, speechmode.Note{}) // spoken as text, after the options
	c.show(k)
	return c
}

// show marks the option the visit holds and shows the choice's problem, if any.
func (c *choice) show(k *Kiosk) {
	chosen := c.chosen()
	for option, b := range c.buttons {
		icon := theme.RadioButtonIcon()
		if option == chosen {
			icon = theme.RadioButtonCheckedIcon()
			c.outlines[option].Show()
		} else {
			c.outlines[option].Hide()
		}
		b.SetIcon(icon)
	}
	if msg, ok := k.visit.problems[c.id]; ok {
		c.problem.SetText(k.T(msg))
		c.problem.Show()
		c.problemRow.Show()
	} else {
		c.problem.SetText("")
		c.problem.Hide()
		c.problemRow.Hide()
	}
}

// choiceObject lays a choice out: its label, the buttons side by side, its problem.
func (p *paymentForm) choiceObject(c *choice, labelID string, options []string) fyne.CanvasObject {
	k := p.k
	row := container.NewGridWithColumns(len(options))
	for _, option := range options {
		row.Add(container.NewStack(c.buttons[option], c.outlines[option]))
	}
	label := widget.NewLabelWithStyle(k.T(labelID), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.object = container.NewVBox(label, row, c.problemRow)
	return c.object
}

// dismissKeysAfter puts the on-screen keys away once the visitor has chosen, and
// brings into view the choice and what follows it, down to the screen's primary
// action as far as there is room: the keys no longer cover Continue, and no key
// can type into a field the choice has just taken off the screen. With the keys
// away already, nothing moves.
func (k *Kiosk) dismissKeysAfter(c *choice) {
	last := c.object
	if len(k.page.primaries) > 0 {
		last = k.page.primaries[0]
	}
	k.keyboard.Dismiss(c.object, last)
}

// object lays out the fields of the chosen kind of payment method.
func (p *paymentForm) object() fyne.CanvasObject {
	k := p.k
	fields := container.NewVBox(p.fieldsOfKind()...)
	if p.kind == nil {
		return fields
	}
	p.kind.onChange = func() { // the other kind's fields, in place
		fields.Objects = p.fieldsOfKind()
		fields.Refresh()
		k.activity.watch(fields)
	}
	return container.NewVBox(p.choiceObject(p.kind, "payment.method", []string{client.KindBank, client.KindCard}), fields)
}

// fieldsOfKind lays out the fields of the kind of payment method chosen.
func (p *paymentForm) fieldsOfKind() []fyne.CanvasObject {
	k := p.k
	if p.kindChosen() == client.KindCard {
		return []fyne.CanvasObject{wrappedLabel(k.T("payment.card_at_reader"))}
	}
	return []fyne.CanvasObject{k.fieldObject(p.bankHolder), k.fieldObject(p.routing), k.fieldObject(p.bankAccount),
		p.choiceObject(p.accountType, "payment.account_type", []string{client.BankChecking, client.BankSavings})}
}

// check validates the fields of the chosen kind, showing each problem beside its
// field; it reports whether all are good.
func (p *paymentForm) check() bool {
	k := p.k
	if p.kindChosen() == client.KindCard {
		return true // nothing is typed: the reader takes the card after the review
	}
	ok := k.checkFields(p.bankHolder, p.routing, p.bankAccount)
	code := validate.AccountType(k.visit.fields[fieldBankType])
	if code == validate.Required {
		code = validate.InvalidAccountType // "Choose checking or savings." says what to do
	}
	k.visit.setProblem(fieldBankType, code)
	p.accountType.show(k)
	if ok && code != validate.OK {
		// The one problem is the choice's, which no key answers: the keys leave
		// and the choice shows with its message, as a tap on it will.
		k.keyboard.Dismiss(p.accountType.object, p.accountType.object)
	}
	return ok && code == validate.OK
}

// details is the payment method the visitor typed, normalized. Call it after check
// succeeded. A card is empty until the terminal has read it (cardreader.go).
func (p *paymentForm) details() client.PaymentDetails {
	v := p.k.visit.values
	if p.kindChosen() == client.KindCard {
		return client.PaymentDetails{Card: &client.Card{}}
	}
	return client.PaymentDetails{Bank: &client.BankAccount{
		HolderName: v[fieldBankHolder], RoutingNumber: v[fieldBankRouting],
		AccountNumber: v[fieldBankAccount], AccountType: p.k.visit.fields[fieldBankType],
	}}
}

// paymentSummary describes a payment method with its last 4 digits only, in the
// language of translate.
func paymentSummary(translate func(id string, data ...map[string]any) string, d client.PaymentDetails) string {
	if d.Card != nil && d.Card.Last4 == "" {
		return translate("payment.card_reader_review") // not read yet: the reader takes it at Pay
	}
	if d.Card != nil {
		return translate("payment.card_ending", map[string]any{"Digits": d.Card.Last4})
	}
	if d.Bank != nil {
		return translate("payment.bank_ending", map[string]any{"Digits": validate.Last4(d.Bank.AccountNumber)})
	}
	return ""
}

// paymentDone records what the payment method was used for (an outcome of the
// visit) and forgets every number typed for it, so no later screen (or visitor)
// can see them.
func (v *visit) paymentDone(kind outcomeKind, data map[string]any, item receipt.Item) {
	v.record(kind, data, item)
	for _, id := range paymentFields {
		delete(v.fields, id)
		delete(v.problems, id)
	}
	delete(v.problems, fieldNone)
}

// receiptMethod is d as a printed receipt names it: its kind and last four digits.
func receiptMethod(d client.PaymentDetails) receipt.Method {
	kind, number := receipt.Bank, ""
	if d.Card != nil {
		kind, number = receipt.Card, d.Card.Last4
	} else if d.Bank != nil {
		number = d.Bank.AccountNumber
	}
	last4, _ := receipt.LastFourOf(number) // the zero Last4 when the portal's answer had no number
	return receipt.Method{Kind: kind, Last4: last4}
}
