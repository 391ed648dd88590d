package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"crypto/rand"
	"github.com/medfordwater/lobbykiosk/assets"
	"github.com/medfordwater/lobbykiosk/internal/guard"
	"github.com/medfordwater/lobbykiosk/internal/terminal"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
	"log/slog"
	"time"
)

// A card is never typed on the kiosk: the visitor uses the card terminal's
// reader below the screen, which charges the card and tells the kiosk only the
// outcome, the brand and the last four digits (docs/payments.md). The kiosk then
// records the payment with the portal against the account a lookup found,
// with the idempotency key the terminal's journal holds, so a payment the
// terminal took is recorded once, even after a restart.

// CardTerminal is the payment terminal as the screens use it (internal/terminal
// is its nexo adapter). Every call may block until the visitor acts: the kiosk
// calls it off the UI thread.
type CardTerminal interface {
	// Pay asks for one payment; with no answer it asks the terminal for the
	// transaction's status, and never pays again.
	Pay(ctx context.Context, p terminal.Payment) (terminal.Result, error)
	// Tokenise reads a card for AutoPay and returns the terminal's token for it.
	Tokenise(ctx context.Context, r terminal.TokenRequest) (terminal.Token, error)
	// Abort stops the transaction txID if it still runs (Cancel, or a reset).
	Abort(ctx context.Context, txID string) error
	// Recorded forgets a payment the portal has been told of (its journal entry).
	Recorded(txID string) error
	// POIID names the terminal (model and serial), as the portal is told.
	POIID() string
}

// PracticeReader is the practice card reader of demo and training: a tap on a
// practice card presents it to the practice terminal.
type PracticeReader interface {
	Cards() []string
	Present(card string) error
}

// cardRun is a card payment under way at the terminal.
type cardRun struct {
	txID       string
	accountRef string // the account the payment is recorded against, from a lookup
	waiting    bool   // the terminal waits for the card: the reader's instructions are on show
	approved   bool   // the terminal charged the card: only the portal's record is left
	unknown    bool   // neither the terminal nor recovery could say whether it charged
}

// newCardRun is a card at the terminal for the account accountRef ("" when the
// terminal needs none), waiting for the visitor, under a transaction ID of its own.
func newCardRun(accountRef string) *cardRun {
	return &cardRun{txID: "kiosk-" + rand.Text()[:16], accountRef: accountRef, waiting: true}
}

// cardReader is the kiosk's side of the card terminal: a card's run, its
// abort, and the reader's instructions on screen. nil when the kiosk has no
// terminal.
type cardReader struct {
	terminal CardTerminal
	practice PracticeReader // nil: a real reader, no practice cards
	words    func(id string, data ...map[string]any) string
	log      *slog.Logger
	work     backgroundWork // the cards, aborts and practice cards on their way (tests wait for them)
	guard    panicGuard     // deferred around the answers
}

// start runs ask (the terminal's Pay or Tokenise, which waits as long as the
// visitor takes) off the UI thread for the visit whose context is ctx, then
// answer on the UI thread with its error: guard.ErrPanicked if it panicked,
// when whatever the terminal did stays in its journal for the next start. A
// visit that ended meanwhile gets no answer: a reset cancels the visit before it
// aborts the card, so an aborted card's answer never reaches the next visitor.
func (r *cardReader) start(ctx context.Context, ask func(context.Context) error, answer func(err error)) {
	r.work.Add(1)
	deliver := func(err error) {
		fyne.Do(func() {
			defer r.work.Done()
			defer r.guard.RecoverPanic()
			if ctx.Err() == nil {
				answer(err)
			}
		})
	}
	guard.Go(r.log, "a card at the terminal", func() { deliver(ask(ctx)) }, func(err error) {
		if err != nil {
			deliver(err)
		}
	})
}

// abortWait bounds the Abort a Cancel or a reset sends.
const abortWait = 5 * time.Second

// on is the reader r on another terminal and practice reader (training's).
func (r *cardReader) on(t CardTerminal, practice PracticeReader) *cardReader {
	other := *r
	other.terminal, other.practice = t, practice
	return &other
}

// abort asks the terminal to stop run (Cancel at the reader, or a reset); its
// answer to the payment, cancelled, brings the review back.
func (r *cardReader) abort(run *cardRun) {
	txID := run.txID
	r.work.Add(1)
	guard.Go(r.log, "a card's abort", func() {
		ctx, cancel := context.WithTimeout(context.Background(), abortWait)
		defer cancel()
		if err := r.terminal.Abort(ctx, txID); err != nil {
			r.log.Warn("card terminal abort", "err", terminal.ErrorClass(err))
		}
	}, func(error) { r.work.Done() })
}

// panel is what a screen shows while the terminal waits for the card of run:
// where the reader is and what to do (instructions), a picture, Cancel, and in
// demo and training the practice card reader. It returns Cancel and the
// practice cards, for the screen's view.
func (r *cardReader) panel(run *cardRun, instructions string) (fyne.CanvasObject, *kwidget.Button, map[string]*kwidget.Button) {
	heading := widget.NewLabelWithStyle(r.words("reader.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	picture := canvas.NewImageFromResource(assets.CardReader)
	picture.FillMode = canvas.ImageFillContain
	picture.SetMinSize(fyne.NewSize(280, 200))
	cancel := kwidget.NewButton(r.words("reader.cancel"), func() { r.abort(run) })
	lines := []fyne.CanvasObject{readTogether(heading, wrappedLabel(instructions), wrappedLabel(r.words("reader.waiting")))}
	var cards map[string]*kwidget.Button
	if r.practice != nil { // in demo and training the practice reader is the reader: in view first
		var practice fyne.CanvasObject
		practice, cards = r.practiceReader()
		lines = append(lines, practice)
	}
	return formColumn(append(lines, picture, cancel)...), cancel, cards
}

// practiceReader is the clearly marked practice card reader: a tap on a
// practice card presents it to the practice terminal, as a visitor's card on a
// real reader would be.
func (r *cardReader) practiceReader() (fyne.CanvasObject, map[string]*kwidget.Button) {
	title := widget.NewLabelWithStyle(r.words("reader.practice_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	grid := container.NewGridWithColumns(2)
	cards := map[string]*kwidget.Button{}
	for _, card := range r.practice.Cards() {
		words, known := practiceCardWords[card]
		if !known {
			continue // a card of a newer simulator, which the kiosk has no words for
		}
		b := kwidget.NewButton(r.words(words), func() {
			r.work.Add(1)
			guard.Go(r.log, "a practice card", func() {
				if err := r.practice.Present(card); err != nil {
					r.log.Warn("practice card", "err", err.Error())
				}
			}, func(error) { r.work.Done() })
		})
		cards[card] = b
		grid.Add(b)
	}
	return widget.NewCard("", "", container.NewPadded(container.NewVBox(title, wrappedLabel(r.words("reader.practice_hint")), grid))), cards
}

// practiceCardWords are the words of each practice card (terminalsim.Cards).
var practiceCardWords = map[string]string{
	"approved": "reader.practice.approved", "declined": "reader.practice.declined",
	"insufficient": "reader.practice.insufficient", "blocked": "reader.practice.blocked",
	"wrongpin": "reader.practice.wrongpin", "removed": "reader.practice.removed", "timeout": "reader.practice.timeout",
}

// notCharged is the message ID of a card the terminal did not charge: the
// reader failed (err, logged by its class, never its data), or it said why.
func (r *cardReader) notCharged(err error, o terminal.Outcome) string {
	if err != nil {
		r.log.Warn("card terminal", "err", terminal.ErrorClass(err))
		return "reader.unavailable"
	}
	return outcomeMessage(o)
}

// outcomeMessage is what the visitor is told of a card the terminal did not
// charge.
func outcomeMessage(o terminal.Outcome) string {
	switch o {
	case terminal.InsufficientFunds:
		return "reader.insufficient_funds"
	case terminal.CardRemoved:
		return "reader.card_removed"
	case terminal.Cancelled:
		return "reader.cancelled"
	case terminal.Busy:
		return "reader.busy"
	}
	return "reader.declined"
}
