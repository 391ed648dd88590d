// Package printer prints receipts on a CUPS queue and reports the printer's
// state: print a PDF, wait for the job with a deadline, cancel and purge it,
// and read printer-state and printer-state-reasons for the staff status and
// the heartbeat. Every failure is an *Error with a Kind (paper out, offline,
// jammed, timed out…). No job is ever left in CUPS for the next visitor:
// PrintAndWait purges its job whether it printed or not, and PurgeMine clears
// whatever an earlier run left.
package printer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"
)

// DefaultDeadline is how long PrintAndWait waits for a job when its context
// sets no deadline: a thermal printer prints a receipt in seconds; a job
// still not done after this is not coming.
const DefaultDeadline = 20 * time.Second

// purgeTimeout bounds the purge that follows every job, which runs even
// when the visit's context has ended (a reset).
const purgeTimeout = 5 * time.Second

// Printer is one CUPS queue. The zero queue name is a kiosk without a
// printer: every call returns an *Error of kind NotConfigured.
type Printer struct {
	queue  string
	server func() (string, error) // the ipp:// prefix of the CUPS server, found once
}

// New returns the printer for a CUPS queue (config printer; "" for none).
// It talks to CUPS only when used.
func New(queue string) *Printer {
	return &Printer{queue: queue, server: sync.OnceValues(func() (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return serverURI(ctx)
	})}
}

// Queue is the CUPS queue's name; "" when the kiosk has no printer.
func (p *Printer) Queue() string { return p.queue }

// JobID is a CUPS job's number.
type JobID int

// State is the printer as CUPS sees it, for the staff status and the heartbeat.
type State struct {
	Queue     string
	Printer   string   // printer-state: "idle", "processing" or "stopped" ("" when unknown)
	Accepting bool     // printer-is-accepting-jobs
	Reasons   []string // printer-state-reasons, without "none"
	Message   string   // printer-state-message, from CUPS or the driver (for staff)
	Problem   error    // nil when a receipt can be printed; else an *Error
}

// Summary is one word for the state: "ready", or the Problem's Kind.
func (s State) Summary() string {
	var e *Error
	if errors.As(s.Problem, &e) {
		return string(e.Kind)
	}
	if s.Problem != nil {
		return string(Unreachable)
	}
	return "ready"
}

// printer-state and job-state values (RFC 8011 §5.4.11, §5.3.7).
const (
	printerStopped = 5

	jobPendingHeld       = 4
	jobProcessingStopped = 6
	jobCanceled          = 7
	jobAborted           = 8
	jobCompleted         = 9
)

var printerStates = map[int]string{3: "idle", 4: "processing", printerStopped: "stopped"}

func (p *Printer) fail(kind Kind, reasons []string, err error) *Error {
	return &Error{Kind: kind, Queue: p.queue, Reasons: reasons, Err: err}
}

// uris returns the printer's URI and the server's prefix.
func (p *Printer) uris() (printerURI, server string, err error) {
	if p.queue == "" {
		return "", "", p.fail(NotConfigured, nil, nil)
	}
	server, err = p.server()
	if err != nil {
		return "", "", p.fail(Unreachable, nil, err)
	}
	return server + "/printers/" + p.queue, server, nil
}

// State asks CUPS how the printer is.
func (p *Printer) State(ctx context.Context) State {
	st := State{Queue: p.queue}
	printerURI, _, err := p.uris()
	if err != nil {
		st.Problem = err
		return st
	}
	rs, err := p.ipptool(ctx, printerURI, getPrinter, nil, "printer="+printerURI)
	if err != nil {
		st.Problem = p.fail(Unreachable, nil, err)
		return st
	}
	return p.readState(rs, st)
}

// readState fills st from the response named "printer" (the last one sent).
func (p *Printer) readState(rs []response, st State) State {
	if len(rs) == 0 {
		st.Problem = p.fail(Unreachable, nil, errors.New("no answer from CUPS"))
		return st
	}
	attrs := rs[len(rs)-1].groups("printer-attributes-tag")
	if len(attrs) == 0 {
		st.Problem = p.fail(NoQueue, nil, errors.New("CUPS has no queue of that name (lpstat -p lists them)"))
		return st
	}
	g := attrs[0]
	st.Printer = printerStates[g.int("printer-state")]
	st.Accepting, _ = g["printer-is-accepting-jobs"].(bool)
	st.Message = g.text("printer-state-message")
	for _, r := range g.keywords("printer-state-reasons") {
		if r != "none" {
			st.Reasons = append(st.Reasons, r)
		}
	}
	kind := kindOfReasons(st.Reasons)
	if kind == "" && (!st.Accepting || g.int("printer-state") == printerStopped) {
		kind = Offline
	}
	// A paper-out reason alone, on a printer still accepting and not stopped,
	// is a problem to report, yet printing is still tried: only a job that
	// runs lets the driver see that paper was loaded and clear the reason.
	if kind != "" {
		st.Problem = p.fail(kind, st.Reasons, nil)
	}
	return st
}

// blocked reports whether CUPS would not even start a job: the queue is
// stopped or rejects jobs. The staff must act (cupsenable, cupsaccept).
func (s State) blocked() bool { return s.Printer == "stopped" || (s.Printer != "" && !s.Accepting) }

// Print sends a PDF to the queue and returns its job number. It fails at
// once, queuing nothing, when the printer cannot take the job.
func (p *Printer) Print(ctx context.Context, pdf []byte) (JobID, error) {
	printerURI, _, err := p.uris()
	if err != nil {
		return 0, err
	}
	st := p.State(ctx)
	var e *Error
	if errors.As(st.Problem, &e) && (e.Kind == Unreachable || e.Kind == NoQueue || st.blocked()) {
		return 0, e
	}
	rs, err := p.ipptool(ctx, printerURI, printJob, bytes.NewReader(pdf))
	if err != nil {
		// Whatever the reason (the queue stopped meanwhile, CUPS refused),
		// the printer's state says it best.
		if st := p.State(ctx); st.Problem != nil {
			return 0, st.Problem
		}
		return 0, p.fail(JobFailed, nil, err)
	}
	for _, r := range rs {
		for _, g := range r.groups("job-attributes-tag") {
			if id := g.int("job-id"); id > 0 {
				return JobID(id), nil
			}
		}
	}
	return 0, p.fail(JobFailed, nil, errors.New("CUPS returned no job-id"))
}

// Wait returns when the job is done (nil) or has failed, at the latest when
// ctx ends (TimedOut). It fails early when the job cannot go on: held by
// CUPS after the driver failed, stopped, or the queue stopped, with the
// printer's reasons saying why (paper out, jammed, offline).
func (p *Printer) Wait(ctx context.Context, id JobID) error {
	printerURI, server, err := p.uris()
	if err != nil {
		return err
	}
	jobURI := server + "/jobs/" + strconv.Itoa(int(id))
	st := State{Queue: p.queue}
	pause := 10 * time.Millisecond
	for {
		rs, err := p.ipptool(ctx, jobURI, getJob+getPrinter, nil, "printer="+printerURI)
		if ctx.Err() != nil {
			return p.fail(TimedOut, st.Reasons, ctx.Err())
		}
		if err != nil {
			return p.fail(Unreachable, st.Reasons, err)
		}
		st = p.readState(rs, State{Queue: p.queue})
		jobs := rs[0].groups("job-attributes-tag")
		if len(jobs) == 0 {
			return p.fail(JobFailed, st.Reasons, fmt.Errorf("job %d is no longer in CUPS", id))
		}
		switch jobState := jobs[0].int("job-state"); {
		case jobState == jobCompleted:
			return nil
		case jobState == jobCanceled || jobState == jobAborted:
			return p.failure(st, JobFailed, fmt.Errorf("job %d %s", id, map[int]string{jobCanceled: "canceled", jobAborted: "aborted"}[jobState]))
		case jobState == jobPendingHeld || jobState == jobProcessingStopped || st.blocked():
			return p.failure(st, Offline, fmt.Errorf("job %d cannot go on (%s)", id, jobs[0].keywords("job-state-reasons")))
		}
		select {
		case <-ctx.Done():
			return p.fail(TimedOut, st.Reasons, ctx.Err())
		case <-time.After(pause):
		}
		pause = min(2*pause, 200*time.Millisecond)
	}
}

// failure is the printer's own problem when it has one (paper out beats
// "the job was held"), else fallback.
func (p *Printer) failure(st State, fallback Kind, err error) error {
	var e *Error
	if errors.As(st.Problem, &e) {
		return p.fail(e.Kind, st.Reasons, err)
	}
	return p.fail(fallback, st.Reasons, err)
}

// Cancel cancels a job and purges it from CUPS: its document and its
// history. A job already gone is not an error. A job still printing is
// cancelled first and purged once its driver has stopped: CUPS purges a
// running job's files at once but writes its record back when the driver
// exits, so purging it straight away would leave that record behind.
func (p *Printer) Cancel(ctx context.Context, id JobID) error {
	_, server, err := p.uris()
	if err != nil {
		return err
	}
	jobURI := server + "/jobs/" + strconv.Itoa(int(id))
	fail := func(err error) error { return p.fail(Unreachable, nil, fmt.Errorf("purging job %d: %w", id, err)) }
	if _, err := p.ipptool(ctx, jobURI, cancelJob, nil); err != nil {
		return fail(err)
	}
	for pause := 10 * time.Millisecond; ; pause = min(2*pause, 100*time.Millisecond) {
		rs, err := p.ipptool(ctx, jobURI, getJob, nil)
		if err != nil {
			return fail(err)
		}
		jobs := rs[0].groups("job-attributes-tag")
		if len(jobs) == 0 {
			return nil
		}
		if jobs[0].int("job-state") >= jobCanceled {
			break
		}
		select {
		case <-ctx.Done():
			return fail(ctx.Err())
		case <-time.After(pause):
		}
	}
	if _, err := p.ipptool(ctx, jobURI, purgeJob, nil); err != nil {
		return fail(err)
	}
	return nil
}

// PrintAndWait prints a PDF and waits until it is done, then purges the job
// from CUPS whatever happened, so nothing of the visitor's stays in the spool
// and no job prints later for someone else. Without a deadline in ctx it
// waits DefaultDeadline. A reset cancels ctx: the job is purged all the same.
func (p *Printer) PrintAndWait(ctx context.Context, pdf []byte) (JobID, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultDeadline)
		defer cancel()
	}
	id, err := p.Print(ctx, pdf)
	if err != nil {
		return 0, err
	}
	waitErr := p.Wait(ctx, id)
	purgeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), purgeTimeout)
	defer cancel()
	purgeErr := p.Cancel(purgeCtx, id)
	if waitErr != nil {
		return id, waitErr
	}
	return id, purgeErr
}

// PurgeMine cancels and purges every job of this user on the queue: at
// start-up and at reset, for a job an earlier run or visit left behind.
func (p *Printer) PurgeMine(ctx context.Context) error {
	printerURI, _, err := p.uris()
	if err != nil {
		return err
	}
	ids, err := p.jobIDs(ctx, printerURI)
	if err != nil {
		return p.fail(Unreachable, nil, err)
	}
	var errs []error
	for _, id := range ids {
		errs = append(errs, p.Cancel(ctx, JobID(id)))
	}
	return errors.Join(errs...)
}
