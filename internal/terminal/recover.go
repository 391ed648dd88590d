package terminal

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Pay journals p, asks the terminal for it and returns the outcome. When no
// valid answer comes (lost, late, malformed, not ours), Pay follows nexo's
// rule: it asks for the transaction's status (Recover) and never sends the
// payment again. An approval stays in the journal until the caller has told
// the portal and called Journal.Done.
func (c *Client) Pay(ctx context.Context, p Payment) (Result, error) {
	if err := p.Check(); err != nil {
		return Result{}, err
	}
	if c.opts.Journal == nil {
		return Result{}, errNoJournal
	}
	if err := c.opts.Journal.Begin(p); err != nil {
		return Result{}, err
	}
	payCtx, cancel := withDeadline(ctx, c.opts.PaymentTimeout)
	res, err := c.pay(payCtx, p)
	cancel()
	switch {
	case errors.Is(err, ErrUnreachable):
		// Nothing left the kiosk, so the terminal took nothing.
		return Result{}, errors.Join(err, c.opts.Journal.forget(p.TransactionID))
	case err != nil:
		c.opts.Logger.Warn("terminal: no valid answer to a payment; asking its status", "transaction", p.TransactionID, "error", err)
		return c.Recover(ctx, p.TransactionID)
	}
	return res, c.opts.Journal.Settle(res)
}

// Recover learns the outcome of payment txID from the terminal and settles
// its journal entry: after a lost answer, and at start for each entry still
// Sent. It asks for the status until an outcome is final or RecoveryTimeout
// passes (even once ctx has ended: the kiosk must learn what it took). A
// payment still in progress is aborted once, since nobody waits for it any more.
func (c *Client) Recover(ctx context.Context, txID string) (Result, error) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.opts.RecoveryTimeout)
	defer cancel()
	aborted := false
	var last error
	for {
		res, err := c.Status(rctx, txID)
		switch {
		case err == nil && res.Outcome.Final():
			if c.opts.Journal != nil {
				err = c.opts.Journal.Settle(res)
			}
			return res, err
		case err == nil:
			last = fmt.Errorf("still %s", res.Outcome)
			if !aborted {
				aborted = c.Abort(rctx, txID) == nil
			}
		default:
			last = err
		}
		select {
		case <-rctx.Done():
			return Result{TransactionID: txID}, fmt.Errorf("%w: transaction %s: %w", ErrUnresolved, txID, last)
		case <-time.After(c.opts.StatusInterval):
		}
	}
}
