package ui

import (
	"context"
	"log/slog"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/guard"
	"github.com/medfordwater/lobbykiosk/internal/heartbeat"
)

// Metrics is the kiosk's health as the fleet's Prometheus reads it
// (internal/metrics in a real kiosk): what the UI learns of its visits and its
// parts. Every method must be safe from any goroutine.
type Metrics interface {
	VisitEnded(heartbeat.Visit)
	SetPrinter(status *client.PrinterStatus) // nil: no printer configured
	SetSpeech(available bool)
	SetStaffLockout(active bool)
	SetOutOfService(out bool)
	SetTerminal(ready bool, poiid string) // poiid: the device as last seen ("" when it never answered)
}

// noMetrics stands in when the kiosk reports to no fleet.
type noMetrics struct{}

func (noMetrics) VisitEnded(heartbeat.Visit)       {}
func (noMetrics) SetPrinter(*client.PrinterStatus) {}
func (noMetrics) SetSpeech(bool)                   {}
func (noMetrics) SetStaffLockout(bool)             {}
func (noMetrics) SetOutOfService(bool)             {}
func (noMetrics) SetTerminal(bool, string)         {}

// devicePollEvery is how often a kiosk that reports to a fleet asks its
// printer, its speech daemon and its staff lockout how they are: no event tells
// of a printer running out of paper between receipts, of a daemon that died or
// of a lock that ran out. devicePollTimeout bounds each question.
const (
	devicePollEvery   = 30 * time.Second
	devicePollTimeout = 10 * time.Second
)

// fleetStatus feeds the metrics what the kiosk learns of its parts, from the
// same calls that tell the heartbeat and the staff status, and polls them
// while a fleet listens.
type fleetStatus struct {
	metrics  Metrics
	polled   bool                                            // a fleet listens (Deps.Metrics set)
	printer  func(ctx context.Context) *client.PrinterStatus // nil: no printer
	speech   func(ctx context.Context) error                 // nil: speech is off
	terminal func() *client.TerminalStatus                   // the card terminal as last seen; nil: none
	clock    Clock
	log      *slog.Logger
	inflight backgroundWork
}

func newFleetStatus(m Metrics, p Printer, speechCheck func(context.Context) error, c Clock, log *slog.Logger,
	inflight backgroundWork) *fleetStatus {
	f := &fleetStatus{metrics: m, polled: m != nil, printer: printerForBeat(p), speech: speechCheck,
		clock: c, log: log, inflight: inflight}
	if m == nil {
		f.metrics = noMetrics{}
	}
	return f
}

// printerProbe asks the printer's state for the heartbeat and the metrics
// alike; nil without a printer, so the beat then says nothing about one.
func (f *fleetStatus) printerProbe() func(context.Context) *client.PrinterStatus {
	if f.printer == nil {
		return nil
	}
	return func(ctx context.Context) *client.PrinterStatus {
		st := f.printer(ctx)
		f.metrics.SetPrinter(st)
		return st
	}
}

// speechCheck is the staff status's check of speech, telling the metrics
// what it found; nil when speech is off.
func (f *fleetStatus) speechCheck() func(context.Context) error {
	if f.speech == nil {
		return nil
	}
	return func(ctx context.Context) error {
		err := f.speech(ctx)
		f.metrics.SetSpeech(err == nil)
		return err
	}
}

// printed asks the printer's state again after a receipt's job, in the
// background: a job that ran the paper out shows at once.
func (f *fleetStatus) printed() {
	if f.polled && f.printer != nil {
		f.ask(f.printerProbe(), nil)
	}
}

// screenShown tells the metrics whether the kiosk is out of service: the
// out-of-service screen is on show, whatever put it there (no portal, the
// health watch, a reset).
func (f *fleetStatus) screenShown(id screenID) {
	f.metrics.SetOutOfService(id == screenOutOfService)
}

// start says what is known at once (no printer, speech off) and, while a
// fleet listens, polls the parts now and every devicePollEvery. locked says,
// on the UI thread, whether staff mode is locked after wrong PINs.
func (f *fleetStatus) start(locked func() bool) {
	if !f.polled {
		return
	}
	if f.printer == nil {
		f.metrics.SetPrinter(nil)
	}
	if f.speech == nil {
		f.metrics.SetSpeech(false)
	}
	f.poll(locked)
}

// poll runs on the UI thread: it reads the staff lockout there, asks the
// printer and speech off it, and schedules the next poll.
func (f *fleetStatus) poll(locked func() bool) {
	f.clock.AfterFunc(devicePollEvery, func() { f.poll(locked) })
	f.metrics.SetStaffLockout(locked())
	if f.terminal != nil {
		if st := f.terminal(); st != nil {
			f.metrics.SetTerminal(st.State == "OK", st.POIID)
		}
	}
	if f.printer != nil || f.speech != nil {
		f.ask(f.printerProbe(), f.speechCheck()) // done within devicePollTimeout, before the next poll
	}
}

// ask runs the printer's probe and the speech check (either may be nil) off
// the UI thread; each tells the metrics what it found.
func (f *fleetStatus) ask(printer func(context.Context) *client.PrinterStatus, speech func(context.Context) error) {
	f.inflight.Add(1)
	guard.Go(f.log, "the fleet's questions to the printer and speech", func() {
		ctx, cancel := context.WithTimeout(context.Background(), devicePollTimeout)
		defer cancel()
		if printer != nil {
			printer(ctx)
		}
		if speech != nil {
			_ = speech(ctx)
		}
	}, func(error) { f.inflight.Done() })
}
