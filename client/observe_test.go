package client_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
)

// heard keeps what an Observer was told.
type heard struct {
	mu    sync.Mutex
	names []string
	errs  []error
}

func (h *heard) PortalCall(name string, err error, took time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if took < 0 {
		name = "negative duration: " + name
	}
	h.names = append(h.names, name)
	h.errs = append(h.errs, err)
}

// Every method that calls the portal tells the observer once, under its own
// name, with the error its caller got: here an answer the contract refuses.
func TestEveryCallIsObservedByName(t *testing.T) {
	portal := newHostile(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, `{"unexpected": true}`)
	})
	observer := &heard{}
	c := newClient(t, client.Options{BaseURL: portal.URL, Observer: observer})
	ctx := context.Background()
	var got []error
	keep := func(_ any, err error) { got = append(got, err) }
	keep(c.Health(ctx))
	keep(c.Terms(ctx, "en"))
	keep(c.Lookup(ctx, client.LookupRequest{}))
	keep(c.Register(ctx, client.RegistrationRequest{}, "k"))
	keep(c.SignIn(ctx, client.SignInRequest{}))
	keep(nil, c.SignOut(ctx, "s"))
	keep(nil, c.RequestPasswordReset(ctx, "a@example.org"))
	keep(c.Account(ctx, "s"))
	keep(c.AddPaymentMethod(ctx, "s", client.PaymentDetails{}, "k"))
	keep(c.EnrollAutoPay(ctx, "s", client.AutoPayRequest{}, "k"))
	keep(c.SetBillDelivery(ctx, "s", client.DeliveryPaper))
	keep(c.ResendVerificationEmail(ctx, "s"))
	keep(c.PayOnce(ctx, client.OneTimePaymentRequest{}, "k"))
	keep(c.RecordCardPayment(ctx, client.CardPaymentRequest{}, "k"))
	keep(nil, c.SendHeartbeat(ctx, client.Heartbeat{}))
	keep(c.Outbox(ctx))

	if !slices.Equal(observer.names, client.CallNames()) {
		t.Errorf("observed %q,\nwant %q", observer.names, client.CallNames())
	}
	for i, err := range observer.errs {
		if err != got[i] {
			t.Errorf("%s: observer heard %v, caller got %v", observer.names[i], err, got[i])
		}
	}
	if !errors.Is(observer.errs[2], client.ErrUnexpectedAnswer) {
		t.Errorf("lookup's unbelievable answer observed as %v", observer.errs[2])
	}
}
