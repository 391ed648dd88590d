// Package cardrecovery settles the card payments a kiosk left unfinished: the
// entries of the terminal's journal still there at its next start, or still
// there later because the portal could not be told. For each it follows nexo's
// rule (ask the terminal what became of the transaction, never pay again),
// posts an approved one to the portal with the journal's idempotency key, so a
// replay records it once, and clears the entry once nothing more is owed.
//
// It logs transaction IDs, outcomes and error classes only: never an account,
// a card's last four or an amount a visitor paid.
package cardrecovery

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/heartbeat"
	"github.com/medfordwater/lobbykiosk/internal/terminal"
)

// Terminal is what recovery asks of the card terminal (*terminal.Client).
type Terminal interface {
	// Recover learns a journalled payment's outcome and settles its entry.
	Recover(ctx context.Context, txID string) (terminal.Result, error)
	POIID() string
}

// Journal clears the entries settled (*terminal.Journal).
type Journal interface {
	Done(txID string) error
}

// Portal records a payment the terminal took (*client.Client).
type Portal interface {
	RecordCardPayment(ctx context.Context, req client.CardPaymentRequest, idempotencyKey string) (client.Receipt, error)
}

// Report counts what one Run did with the journal's entries.
type Report struct {
	Recorded   int // charged at the terminal and now recorded by the portal
	NotCharged int // the terminal took nothing: cleared
	Unresolved int // the terminal could not say yet: kept for the next run
	Unrecorded int // charged, but the portal could not be told yet: kept for the next run
}

// Pending is the entries still in the journal after the run.
func (r Report) Pending() int { return r.Unresolved + r.Unrecorded }

// Empty reports whether the run found nothing to do.
func (r Report) Empty() bool { return r == Report{} }

func (r Report) String() string {
	return fmt.Sprintf("%d recorded, %d not charged, %d outcome unknown, %d not yet recorded",
		r.Recorded, r.NotCharged, r.Unresolved, r.Unrecorded)
}

// Run settles entries, the journal's Pending() as the kiosk starts, and
// returns those it could not settle yet, for a later run. It must not be
// given a payment under way in this run: recovery aborts a payment still in
// progress. A nil portal (a kiosk out of service) leaves approved payments
// for a later run. Each entry's trouble is logged and counted.
func Run(ctx context.Context, t Terminal, j Journal, portal Portal, log *slog.Logger, entries []terminal.Entry) (Report, []terminal.Entry) {
	var r Report
	var left []terminal.Entry
	for _, e := range entries {
		if !settle(ctx, t, j, portal, log, e, &r) {
			left = append(left, e)
		}
	}
	if !r.Empty() {
		log.Info("card recovery", "recorded", r.Recorded, "not_charged", r.NotCharged,
			"outcome_unknown", r.Unresolved, "not_yet_recorded", r.Unrecorded)
	}
	return r, left
}

// settle asks the terminal about one entry and does what its answer asks; it
// reports whether nothing more is owed.
func settle(ctx context.Context, t Terminal, j Journal, portal Portal, log *slog.Logger, e terminal.Entry, r *Report) bool {
	res, err := t.Recover(ctx, e.TransactionID)
	switch {
	case err != nil:
		r.Unresolved++
		log.Warn("card recovery: the terminal cannot say yet what became of a payment; kept for the next try",
			"transaction", e.TransactionID, "error", terminal.ErrorClass(err))
		return false
	case !res.Outcome.Charged():
		r.NotCharged++
		log.Info("card recovery: the terminal took nothing", "transaction", e.TransactionID, "outcome", string(res.Outcome))
		clear(j, log, e.TransactionID)
		return true
	case portal == nil:
		r.Unrecorded++
		log.Warn("card recovery: a payment the terminal took waits for the portal", "transaction", e.TransactionID)
		return false
	}
	reference := res.Reference
	if reference == "" {
		reference = e.Reference
	}
	req := client.CardPaymentRequest{AccountRef: e.AccountRef, AmountCents: e.AmountCents,
		Card: client.Card{POIID: t.POIID(), TransactionID: e.TransactionID, Reference: reference,
			Brand: terminal.PortalBrand(res.Brand), Last4: res.LastFour}}
	receipt, err := portal.RecordCardPayment(ctx, req, e.IdempotencyKey)
	if err != nil {
		r.Unrecorded++
		log.Warn("card recovery: the portal did not record a payment the terminal took; kept for the next try",
			"transaction", e.TransactionID, "error", heartbeat.ErrorCode(err))
		return false
	}
	r.Recorded++
	log.Info("card recovery: recorded a payment the terminal took", "transaction", e.TransactionID,
		"terminal_reference", reference, "confirmation", receipt.ConfirmationNumber)
	clear(j, log, e.TransactionID)
	return true
}

func clear(j Journal, log *slog.Logger, txID string) {
	if err := j.Done(txID); err != nil {
		log.Error("card recovery: cannot clear a settled journal entry", "transaction", txID, "error", err.Error())
	}
}
