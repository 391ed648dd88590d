package ui

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/internal/clock"
	"github.com/medfordwater/lobbykiosk/internal/guard"
	"github.com/medfordwater/lobbykiosk/internal/heartbeat"
	"net/http"
)

// portalTimeouts bound the kiosk's portal calls, the client's retries included.
type portalTimeouts struct {
	action time.Duration // one visitor action: a tap that calls the portal
	health time.Duration // one check of the welcome screen's health watch (health.go)
	revoke time.Duration // the best-effort sign-out at the end of a visit (nav.go)
	beat   time.Duration // one heartbeat (internal/heartbeat)
}

// portalLink is the portal the kiosk talks to and its calls on their way.
type portalLink struct {
	client   *client.Client // the live portal, or training's practice one; nil: out of service
	mode     Mode           // Deps.Mode, or training while staff run it (ui/staff)
	timeouts portalTimeouts
	inflight *sync.WaitGroup // calls and other background work not yet finished (tests wait on it)
	log      *slog.Logger
	// panicked tells of a panic in a sign-out, which ends no visit: it is counted
	// and shown to staff, and nothing is reset. It may run on any goroutine.
	panicked func()

	// lookupPausedUntil is when the portal's lookup lock ends, as its last 429
	// said: five account numbers that matched nothing lock lookups and one-time
	// payments for the whole kiosk, whoever typed them.
	lookupPausedUntil time.Time
}

// noteLookupPause turns the portal's 429 to a lookup or a one-time payment into
// what it means: five account numbers that matched nothing, typed by anyone,
// lock both for the whole kiosk. Staff see it in their status; the visitor is
// told how long and that staff can help (lookupPausedID). It reports whether
// err was that 429.
func (p *portalLink) noteLookupPause(now time.Time, err error) bool {
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusTooManyRequests {
		return false
	}
	p.lookupPausedUntil = now.Add(apiErr.RetryAfter)
	return true
}

// lookupPausedFor is how long the lookup lock lasts from now, as far as the kiosk
// has been told (0: none known). The lock begins with a wrong number's 404; the
// kiosk learns of it from the next lookup or payment, which the portal refuses.
func (p *portalLink) lookupPausedFor(now time.Time) time.Duration {
	return max(p.lookupPausedUntil.Sub(now), 0)
}

// backgroundWork counts the kiosk's work off the UI thread (portalLink.inflight):
// each component adds its own, so a test, or a reset, can wait for all of it.
type backgroundWork interface {
	Add(delta int)
	Done()
}

// defaultTimeouts are the kiosk's; tests of a portal that never answers shorten them.
var defaultTimeouts = portalTimeouts{action: 20 * time.Second, health: 10 * time.Second, revoke: 3 * time.Second,
	beat: 10 * time.Second}

// portalCall runs work off the UI thread. While it runs the screen shows "One
// moment" and its action buttons are disabled (the screen is rebuilt from the
// visit's busy flag, so a language switch mid-call cannot re-enable them); it
// reports whether it started, having shown the screen. done runs
// on the UI thread with work's error, unless the visit ended (reset) meanwhile.
func (k *Kiosk) portalCall(work func(ctx context.Context, portal *client.Client) error, done func(err error)) (started bool) {
	v, portal, timeout := k.visit, k.portal.client, k.portal.timeouts.action // read on the UI thread: a reset or training swap may change them
	if v.busy {
		return false // a second tap while the first call is in flight does nothing
	}
	v.busy = true
	k.refresh()
	k.portal.inflight.Add(1)
	go func() {
		ctx, cancel := context.WithTimeout(v.ctx, timeout)
		err := runGuarded(ctx, k.log, portal, work)
		cancel()
		panicked := errors.Is(err, errPortalCallPanicked)
		if !panicked {
			k.heartbeat.NotePortal(err)
		}
		fyne.Do(func() {
			defer k.portal.inflight.Done()
			defer k.activity.RecoverPanic() // before Done: tests wait on inflight for the reset too
			switch {
			case panicked && v == k.visit:
				k.activity.afterPanic()
			case panicked: // the visit it served is over: nobody to take back to the start
				k.status.noteProblem("panic")
				k.heartbeat.CountError("kiosk_panic")
			case v == k.visit:
				v.busy = false
				done(err)
			}
		})
	}()
	return true
}

// errPortalCallPanicked stands for the answer of a portal call whose work panicked.
var errPortalCallPanicked = guard.ErrPanicked

// runGuarded runs work on the portal call's goroutine, where no callback guard
// is: a panic there would end the process. It is recovered and logged as every
// recovered panic is, then answered on the UI thread (afterPortalCallPanic).
func runGuarded(ctx context.Context, log *slog.Logger, portal *client.Client, work func(ctx context.Context, portal *client.Client) error) error {
	return guard.Call(log, "a portal call", func() error { return work(ctx, portal) })
}

// portalVerdict is what a portal error means to the visitor.
type portalVerdict struct {
	message   string             // message ID for the screen
	fields    map[fieldID]string // message IDs beside the fields the portal named
	signedOut bool               // the customer session expired or was revoked: no retry can use it
}

// portalProblem decides what a portal error means to the visitor; applyPortalProblem
// puts that on the visit.
func portalProblem(err error) portalVerdict {
	var apiErr *client.APIError
	switch {
	case errors.As(err, &apiErr) && apiErr.Code == client.CodeEmailTaken:
		return portalVerdict{message: "error.email_taken"}
	case errors.As(err, &apiErr) && apiErr.Code == client.CodeAlreadyRegistered:
		return portalVerdict{message: "error.already_registered"}
	case errors.As(err, &apiErr) && apiErr.Code == client.CodeBadCredentials:
		return portalVerdict{message: "error.bad_credentials"}
	case errors.As(err, &apiErr) && apiErr.Code == client.CodeSessionInvalid:
		return portalVerdict{message: "error.session_expired", signedOut: true}
	case errors.As(err, &apiErr) && apiErr.Code == client.CodeAccountNotFound:
		return portalVerdict{message: "error.account_not_found"}
	case errors.Is(err, client.ErrRateLimited):
		return portalVerdict{message: "error.rate_limited"}
	case errors.Is(err, client.ErrUnexpectedAnswer):
		return portalVerdict{message: "error.unexpected_answer"}
	case errors.As(err, &apiErr) && apiErr.Code == client.CodeValidationFailed && len(apiErr.Fields) == 0:
		// A refusal naming no field the kiosk knows (the client drops the others):
		// nothing the visitor can fix, so said as an answer the kiosk cannot use.
		return portalVerdict{message: "error.unexpected_answer"}
	case errors.As(err, &apiErr) && len(apiErr.Fields) > 0:
		fields := map[fieldID]string{}
		for name, code := range apiErr.Fields {
			fields[fieldID(name)] = "field." + code
		}
		return portalVerdict{message: "error.check_fields", fields: fields}
	}
	return portalVerdict{message: "error.unavailable"}
}

// applyPortalProblem counts err and puts what it means on the visit: the screen's
// message, the messages beside the fields the portal named (reporting whether it
// named any), and the end of a session the portal no longer knows.
func (k *Kiosk) applyPortalProblem(err error) (namedFields bool) {
	k.heartbeat.CountError(heartbeat.ErrorCode(err))
	p := portalProblem(err)
	if p.signedOut {
		k.visit.session = ""
	}
	for id, msg := range p.fields {
		k.visit.problems[id] = msg
	}
	k.visit.problems[fieldNone] = p.message
	return len(p.fields) > 0
}

// showResult puts the outcome of a portal call on the screen: the problem it
// reported, or none, then rebuilds the screen from the visit.
func (k *Kiosk) showResult(err error) {
	if err != nil {
		k.applyPortalProblem(err)
	} else {
		delete(k.visit.problems, fieldNone)
	}
	k.refresh()
}

// signOut signs token out on portal in the background: best effort, it never
// delays the return to the welcome screen (safe from any goroutine).
func (p *portalLink) signOut(portal *client.Client, token string) {
	if token == "" {
		return
	}
	timeout := p.timeouts.revoke // signOut may run on a portal call's goroutine: timeouts are set once, in New
	p.inflight.Add(1)
	guard.Go(p.log, "the session sign-out", func() {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		if err := portal.SignOut(ctx, token); err != nil {
			p.log.Warn("could not revoke the customer session", "err", client.ErrorClass(err))
		}
	}, func(err error) {
		defer p.inflight.Done()
		if err != nil {
			p.panicked()
		}
	})
}

// Clock and Timer are the kiosk's sense of time (internal/clock).
type (
	Clock = clock.Clock
	Timer = clock.Timer
)

// realClock is the wall clock; its timers hand their work to the UI thread.
type realClock struct{}

func (realClock) Now() time.Time { return clock.Wall() }

func (realClock) AfterFunc(d time.Duration, f func()) Timer {
	return time.AfterFunc(d, func() { fyne.Do(f) })
}

// guardedClock runs every timer callback under the kiosk's panic recovery, so a
// bug in a timer resets the kiosk instead of ending the process.
type guardedClock struct {
	Clock
	guard panicGuard
}

func (c guardedClock) AfterFunc(d time.Duration, f func()) Timer {
	return c.Clock.AfterFunc(d, func() {
		defer c.guard.RecoverPanic()
		f()
	})
}
