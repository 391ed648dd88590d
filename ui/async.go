package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"

	"github.com/medfordwater/lobbykiosk/client"
)

// portalTimeouts bound the kiosk's portal calls, the client's retries included.
type portalTimeouts struct {
	action time.Duration // one visitor action: a tap that calls the portal
	health time.Duration // one check of the welcome screen's health watch (health.go)
	revoke time.Duration // the best-effort sign-out at the end of a visit (nav.go)
	beat   time.Duration // one heartbeat (heartbeat.go)
}

// defaultTimeouts are the kiosk's; tests of a portal that never answers shorten them.
var defaultTimeouts = portalTimeouts{action: 20 * time.Second, health: 10 * time.Second, revoke: 3 * time.Second,
	beat: 10 * time.Second}

// portalCall runs work off the UI thread. While it runs the screen shows "One
// moment" and its action buttons are disabled (the screen is rebuilt from the
// visit's busy flag, so a language switch mid-call cannot re-enable them). done runs
// on the UI thread with work's error, unless the visit ended (reset) meanwhile.
func (k *Kiosk) portalCall(work func(ctx context.Context, portal *client.Client) error, done func(err error)) {
	v, portal, timeout := k.visit, k.portal, k.timeouts.action // read on the UI thread: a reset or training swap may change them
	if v.busy {
		return // a second tap while the first call is in flight does nothing
	}
	v.busy = true
	k.refresh()
	k.inflight.Add(1)
	go func() {
		ctx, cancel := context.WithTimeout(v.ctx, timeout)
		err := work(ctx, portal)
		cancel()
		k.notePortal(err)
		fyne.Do(func() {
			defer k.inflight.Done()
			defer k.activity.recoverPanic() // before Done: tests wait on inflight for the reset too
			if v != k.visit {
				return
			}
			v.busy = false
			done(err)
		})
	}()
}

// portalProblem turns a portal error into the message a visitor understands. A
// validation error also marks each field the portal named.
func (k *Kiosk) portalProblem(err error) string {
	k.countError(errorCode(err))
	var apiErr *client.APIError
	switch {
	case errors.As(err, &apiErr) && apiErr.Code == client.CodeEmailTaken:
		return "error.email_taken"
	case errors.As(err, &apiErr) && apiErr.Code == client.CodeAlreadyRegistered:
		return "error.already_registered"
	case errors.As(err, &apiErr) && apiErr.Code == client.CodeBadCredentials:
		return "error.bad_credentials"
	case errors.As(err, &apiErr) && apiErr.Code == client.CodeSessionInvalid:
		k.visit.session = "" // expired or revoked: no retry can use it again
		return "error.session_expired"
	case errors.As(err, &apiErr) && apiErr.Code == client.CodeAccountNotFound:
		return "error.account_not_found"
	case errors.Is(err, client.ErrRateLimited):
		return "error.rate_limited"
	case errors.As(err, &apiErr) && len(apiErr.Fields) > 0:
		for name, code := range apiErr.Fields {
			k.visit.problems[fieldID(name)] = "field." + code
		}
		return "error.check_fields"
	}
	return "error.unavailable"
}

// showResult puts the outcome of a portal call on the screen: the problem it
// reported, or none, then rebuilds the screen from the visit.
func (k *Kiosk) showResult(err error) {
	if err != nil {
		k.visit.problems[fieldNone] = k.portalProblem(err)
	} else {
		delete(k.visit.problems, fieldNone)
	}
	k.refresh()
}
