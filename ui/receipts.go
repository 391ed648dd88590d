package ui

import (
	"context"
	"image"
	"log/slog"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/guard"
	"github.com/medfordwater/lobbykiosk/internal/printer"
	"github.com/medfordwater/lobbykiosk/internal/qr"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
	kwidget "github.com/medfordwater/lobbykiosk/ui/widget"
)

// Printer prints receipts through CUPS (internal/printer in a real kiosk).
type Printer interface {
	// PrintAndWait prints pdf and waits for the job to finish (or fail) within
	// ctx; the job is purged from CUPS either way.
	PrintAndWait(ctx context.Context, pdf []byte) (printer.JobID, error)
	// PurgeMine cancels and purges every job the kiosk left in the queue.
	PurgeMine(ctx context.Context) error
	// State is the printer as CUPS sees it, for staff.
	State(ctx context.Context) printer.State
}

// receiptDeadline bounds one receipt, from the tap to the job done: a visitor
// should not stand waiting for a printer that will not print.
const receiptDeadline = 20 * time.Second

// receiptsHost is what the receipts need of the kiosk.
type receiptsHost interface {
	T(id string, data ...map[string]any) string
	Language() string
}

// receipts is proof in the hand: a printed receipt of what the visit did, on the
// Done screen and under a one-time payment's confirmation, and the QR code of the
// public portal address for carrying on at home. Nothing personal is ever in the
// code; on paper the visitor's numbers are never more than their last four digits.
type receipts struct {
	host     receiptsHost
	printer  Printer // nil: no printer configured, no button
	paper    receipt.Width
	utility  config.Utility
	kioskID  string
	clock    Clock
	log      *slog.Logger
	inflight backgroundWork
	guard    panicGuard
	say      func(text string)       // speech mode says a receipt before it prints; nil when off
	practice func() receipt.Practice // demo and training receipts say so
	// visit is the context of the visit on show, cancelled at its reset: a receipt
	// still being sent or printing then is stopped.
	visit func() context.Context
	// printing counts this visit's receipts on their way to the printer; the
	// purge at the visit's end waits for them (visitEnded).
	printing *sync.WaitGroup
	// jobEnded runs on the UI thread after each job, done or failed, once the
	// visitor is told: the printer's state is learnt again (fleet.go).
	jobEnded func()

	qrImage image.Image // the portal's code, drawn once
	printed *widget.Label
}

// printButton offers the visitor a receipt of the visit (receiptOf), with a line
// under it that tells how printing went; nil, nil when no printer is configured or
// nothing was done.
func (r *receipts) printButton(visit func() receipt.Receipt) (*kwidget.Button, fyne.CanvasObject) {
	if r.printer == nil || len(visit().Items) == 0 {
		return nil, nil
	}
	status := wrappedLabel("")
	status.Hide()
	var b *kwidget.Button
	b = kwidget.NewButton(r.host.T("receipt.print"), func() {
		b.Disable()
		status.SetText(r.host.T("receipt.printing"))
		status.Show()
		r.print(visit(), func(err error) {
			if err != nil {
				status.SetText(r.host.T("receipt.printer_failed"))
				b.Enable()
			} else {
				status.SetText(r.host.T("receipt.printed"))
			}
			if r.say != nil {
				r.say(status.Text)
			}
		})
	})
	return b, container.NewVBox(b, status)
}

// print renders the visit's receipt in the visitor's language and prints it off
// the UI thread; done runs on the UI thread with the outcome.
func (r *receipts) print(rc receipt.Receipt, done func(err error)) {
	lang := r.host.Language()
	rc.At, rc.KioskID, rc.Utility, rc.Practice = r.clock.Now(), r.kioskID, r.utility, r.practice()
	if r.say != nil { // what a receipt shows must also be audible (ADA 707.5.2)
		if doc, err := rc.Document(lang); err == nil {
			r.say(doc.Text())
		}
	}
	pdf, err := rc.PDF(lang, r.paper)
	if err != nil {
		r.log.Error("cannot lay out the receipt", "err", "receipt_layout")
		done(err)
		return
	}
	r.inflight.Add(1)
	printing := r.printing
	printing.Add(1)
	visit := r.visit()
	go func() {
		err := guard.Call(r.log, "the receipt's printing", func() error { // a panic is "not printed", as any failure
			ctx, cancel := context.WithTimeout(visit, receiptDeadline)
			defer cancel()
			_, err := r.printer.PrintAndWait(ctx, pdf)
			return err
		})
		printing.Done()
		if err != nil {
			r.log.Warn("receipt not printed", "err", printer.Problem(err))
		}
		fyne.Do(func() {
			defer r.inflight.Done()
			defer r.guard.RecoverPanic()
			done(err)
			if r.jobEnded != nil {
				r.jobEnded()
			}
		})
	}()
}

// purgeWait bounds how long the purge at a visit's end waits for the visit's
// receipts to stop (their context is cancelled by the reset): long enough for a
// submission in flight to be cut off or land, so the purge comes after it.
const purgeWait = 5 * time.Second

// visitEnded cancels and purges whatever the visit left queued, in the
// background: no receipt of one visitor may come out for the next. The reset
// cancels the visit's context, which stops a receipt still being sent; the
// purge waits for that (up to purgeWait), since a job whose submission was under
// way when the visit ended lands in the queue only then. At start-up it clears
// what an earlier run left (a restart mid-print).
func (r *receipts) visitEnded() {
	if r.printer == nil {
		return
	}
	printing := r.printing
	r.printing = &sync.WaitGroup{} // the next visit's receipts are not this purge's
	r.inflight.Add(1)
	guard.Go(r.log, "the receipt queue's purge", func() {
		stopped := make(chan struct{})
		go func() { printing.Wait(); close(stopped) }()
		select {
		case <-stopped:
		case <-time.After(purgeWait):
			r.log.Warn("a receipt was still on its way at the purge", "err", "receipt_not_stopped")
		}
		ctx, cancel := context.WithTimeout(context.Background(), receiptDeadline)
		defer cancel()
		if err := r.printer.PurgeMine(ctx); err != nil {
			r.log.Warn("could not purge the receipt queue", "err", printer.Problem(err))
		}
	}, func(error) { r.inflight.Done() })
}

// portalCode is the QR code of the public portal address with its caption, to
// carry on at home; nil when the config's address cannot make one.
func (r *receipts) portalCode() fyne.CanvasObject {
	if r.qrImage == nil {
		code, err := qr.Portal(r.utility)
		if err != nil {
			r.log.Error("no QR code of the portal address", "err", "qr_code")
			return nil
		}
		r.qrImage = code.Image(6)
	}
	img := canvas.NewImageFromImage(r.qrImage)
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScalePixels
	img.SetMinSize(fyne.NewSize(180, 180))
	caption := widget.NewLabelWithStyle(r.host.T("receipt.scan_portal"), fyne.TextAlignCenter, fyne.TextStyle{})
	caption.Wrapping = fyne.TextWrapWord
	return container.NewVBox(container.NewCenter(img), caption)
}

// receiptOf is what a receipt prints of a visit: what it did, and the last four
// digits of the account it did it for (the one field that finds and pays an
// account), so staff can match the paper to the account.
func receiptOf(v *visit) receipt.Receipt {
	var r receipt.Receipt
	for _, o := range v.outcomes {
		if o.item != nil {
			r.Items = append(r.Items, o.item)
		}
	}
	if number := v.values[fieldAccountNumber]; number != "" { // as Find or Pay checked it
		r.Account, _ = receipt.LastFourOf(number)
	}
	return r
}

// practiceOf is what a receipt printed in mode m says of itself.
func practiceOf(m Mode) receipt.Practice {
	switch m {
	case ModeDemo:
		return receipt.Demo
	case ModeTraining:
		return receipt.Training
	}
	return receipt.Real
}

// printerForBeat asks p's state for the heartbeat; nil without a printer, so the
// beat then says nothing about one.
func printerForBeat(p Printer) func(context.Context) *client.PrinterStatus {
	if p == nil {
		return nil
	}
	return func(ctx context.Context) *client.PrinterStatus {
		s := p.State(ctx)
		return &client.PrinterStatus{Summary: s.Summary(), State: s.Printer, Reasons: s.Reasons}
	}
}
