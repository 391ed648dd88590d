// Package heartbeat tells the portal, every period, that the kiosk is alive and
// how it has been used since the last beat the portal took: visits started,
// finished and timed out, journeys completed, languages and error codes. Counts
// only: nothing says who, and every tally has a small fixed set of keys. A beat is
// sent off the caller's thread, at most one at a time; one that fails gives its
// counts back, so the next beat carries them, and memory stays the same size
// however long the portal is down.
package heartbeat

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/guard"
)

// Sender delivers a beat to the portal (the portal client's SendHeartbeat).
type Sender interface {
	SendHeartbeat(ctx context.Context, beat client.Heartbeat) error
}

// Clock is the time the beats keep.
type Clock interface {
	Now() time.Time
	// AfterFunc runs f once d has passed.
	AfterFunc(d time.Duration, f func())
}

// Work counts work under way that someone may wait for (a *sync.WaitGroup).
type Work interface {
	Add(delta int)
	Done()
}

// Options are the heartbeat's settings and what it needs from its owner.
type Options struct {
	KioskID, Version string
	Every            time.Duration        // how often to beat; 0: never
	Timeout          func() time.Duration // the deadline of one beat, read as it goes out
	Clock            Clock
	Log              *slog.Logger
	Inflight         Work // counts each beat on its way, for those who wait on calls; nil: none
	// Printer asks the receipt printer's state as each beat goes out, within the
	// beat's deadline; nil: the kiosk has no printer.
	Printer func(context.Context) *client.PrinterStatus
	// Terminal is the card terminal as last seen (which device, its state, the
	// payments still to settle) as each beat goes out; nil: no terminal.
	Terminal func() *client.TerminalStatus
}

// Heartbeat keeps the usage counts and sends them with every beat.
type Heartbeat struct {
	opts           Options
	usage          usage
	portalAnswered atomic.Bool // the last portal call got an answer

	mu      sync.Mutex // the beat's state, touched by its timer and its goroutine
	to      Sender
	started time.Time // the kiosk's start, for the uptime
	since   time.Time // the start of the period the counts cover
	missed  int       // beats that failed since the last one the portal took
	sending bool      // a beat is on its way: the next tick leaves the counts to grow
}

// New counts from now on; it beats once started.
func New(o Options) *Heartbeat {
	if o.Log == nil {
		o.Log = slog.Default()
	}
	return &Heartbeat{opts: o}
}

// Start beats every Options.Every to to, which must not be nil.
func (h *Heartbeat) Start(to Sender) {
	if h.opts.Every <= 0 {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.to = to
	h.started, h.since = h.opts.Clock.Now(), h.opts.Clock.Now()
	h.opts.Clock.AfterFunc(h.opts.Every, h.tick)
}

// NotePortal records whether the portal answered a call (an error answer is an
// answer): the beat's "portal_ok". Safe from any goroutine.
func (h *Heartbeat) NotePortal(err error) {
	var apiErr *client.APIError
	h.portalAnswered.Store(err == nil || errors.As(err, &apiErr))
}

// tick schedules the next beat and sends this one unless one is still out.
func (h *Heartbeat) tick() {
	h.mu.Lock()
	h.opts.Clock.AfterFunc(h.opts.Every, h.tick)
	if h.sending {
		h.mu.Unlock()
		return
	}
	h.sending = true
	now, timeout := h.opts.Clock.Now(), h.opts.Timeout()
	beat := client.Heartbeat{
		KioskID: h.opts.KioskID, Version: h.opts.Version,
		UptimeSeconds: int64(now.Sub(h.started).Seconds()), PortalOK: h.portalAnswered.Load(),
		PeriodSeconds: int64(now.Sub(h.since).Seconds()), BeatsMissed: h.missed,
		Counts: h.usage.take(),
	}

	to := h.to
	h.mu.Unlock()
	if h.opts.Inflight != nil {
		h.opts.Inflight.Add(1)
	}
	go func() {
		if h.opts.Inflight != nil {
			defer h.opts.Inflight.Done()
		}
		err := guard.Call(h.opts.Log, "the heartbeat", func() error { // a panic is a beat not sent: its counts go into the next
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			if h.opts.Printer != nil {
				beat.Printer = h.opts.Printer(ctx)
			}
			if h.opts.Terminal != nil {
				beat.Terminal = h.opts.Terminal()
			}
			return to.SendHeartbeat(ctx, beat)
		})
		h.answered(beat, now, err)
	}()
}

// answered starts a new period after a beat the portal took, or gives the counts
// back after one it did not.
func (h *Heartbeat) answered(beat client.Heartbeat, sentAt time.Time, err error) {
	h.NotePortal(err)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.sending = false
	if err == nil {
		h.since, h.missed = sentAt, 0
		return
	}
	h.missed++
	h.usage.giveBack(beat.Counts)
	h.opts.Log.Warn("heartbeat not delivered; its counts go with the next", "err", client.ErrorClass(err), "missed", h.missed)
}
