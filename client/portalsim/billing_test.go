package portalsim

import (
	"net/http"
	"strings"
	"testing"

	"github.com/medfordwater/lobbykiosk/client"
)

func TestAddPaymentMethodsStoresThemMasked(t *testing.T) {
	e := newEnv(t)
	sess := e.signIn()
	amex := savedCard()
	amex.Brand, amex.Last4 = "amex", "0005"
	savings := validBank()
	savings.AccountType = client.BankSavings
	cases := []struct {
		details client.PaymentDetails
		want    client.PaymentMethod
	}{
		{client.PaymentDetails{Card: savedCard()}, client.PaymentMethod{Kind: client.KindCard, Brand: "visa", Last4: "1111"}},
		{client.PaymentDetails{Card: amex}, client.PaymentMethod{Kind: client.KindCard, Brand: "amex", Last4: "0005"}},
		{client.PaymentDetails{Bank: savings}, client.PaymentMethod{Kind: client.KindBank, Brand: "savings", Last4: "6789"}},
	}
	for _, tc := range cases {
		var got client.PaymentMethod
		e.call("POST", "/payment-methods", tc.details, withSession(sess.Token)).want(t, http.StatusCreated).decode(t, &got)
		if got.ID == "" || got.Kind != tc.want.Kind || got.Brand != tc.want.Brand || got.Last4 != tc.want.Last4 {
			t.Errorf("method %+v, want %+v", got, tc.want)
		}
	}
	raw := e.call("GET", "/account", nil, withSession(sess.Token)).want(t, http.StatusOK)
	for _, secret := range []string{"4111 1111", "4111111111111111", "822463", "123456789", "1234\""} {
		if strings.Contains(string(raw.body), secret) {
			t.Errorf("account shows %q: %s", secret, raw.body)
		}
	}
	if got := len(e.account(sess.Token).PaymentMethods); got != 3 {
		t.Errorf("%d payment methods, want 3", got)
	}
	if got := e.sim.Stats().PaymentMethods; got != 3 {
		t.Errorf("stats %d, want 3", got)
	}
}

func TestAddPaymentMethodValidation(t *testing.T) {
	e := newEnv(t)
	sess := e.signIn()
	badCard := &client.Card{TransactionID: "two words", Last4: "111", Reference: "8815"} // a charge's reference, no token
	badBank := &client.BankAccount{HolderName: "1234", RoutingNumber: "021000022", AccountNumber: "12", AccountType: "money market"}
	jcb := savedCard()
	jcb.Brand = "jcb"
	cases := []struct {
		name    string
		details client.PaymentDetails
		want    map[string]string
	}{
		{"card", client.PaymentDetails{Card: badCard}, map[string]string{
			"card.poi_id": "required", "card.transaction_id": "invalid_card_reference", "card.brand": "required",
			"card.last4": "invalid_card_reference", "card.token": "required"}},
		{"card brand", client.PaymentDetails{Card: jcb}, map[string]string{"card.brand": "unsupported_card_brand"}},
		{"bank", client.PaymentDetails{Bank: badBank}, map[string]string{
			"bank.holder_name": "invalid_name", "bank.routing_number": "invalid_routing_number",
			"bank.account_number": "invalid_bank_account", "bank.account_type": "invalid_account_type"}},
		{"neither", client.PaymentDetails{}, map[string]string{"payment": "required"}},
		{"both", client.PaymentDetails{Card: savedCard(), Bank: validBank()}, map[string]string{"payment": "required"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e.call("POST", "/payment-methods", tc.details, withSession(sess.Token)).wantFields(t, tc.want)
		})
	}
	if got := e.sim.Stats().PaymentMethods; got != 0 {
		t.Errorf("stats %d, want 0", got)
	}
}

func TestAutoPayDraftsOnDueDate(t *testing.T) {
	e := newEnv(t)
	sess := e.register(legacyNumber, "97501", "legacy@example.com")
	pm := e.addCard(sess.Token)
	var got client.AutoPay
	e.call("POST", "/autopay", client.AutoPayRequest{PaymentMethodID: pm.ID}, withSession(sess.Token), withIdempotencyKey("ap-1")).
		want(t, http.StatusCreated).decode(t, &got)
	due := e.lookup(legacyNumber, "97501").DueDate
	if got.Status != client.AutoPayActive || got.PaymentMethodID != pm.ID || got.FirstDraftDate == nil || !got.FirstDraftDate.Equal(due.Time) {
		t.Errorf("autopay %+v, want active on %s", got, due)
	}
	if a := e.account(sess.Token); a.AutoPay.Status != client.AutoPayActive {
		t.Errorf("account autopay %+v", a.AutoPay)
	}
	if got := e.sim.Stats().AutoPayEnrollments; got != 1 {
		t.Errorf("enrollments %d, want 1", got)
	}
}

func TestAutoPayDueTomorrowStartsNextMonth(t *testing.T) {
	e := newEnv(t)
	sess := e.register(dueSoonNumber, "97502", "soon@example.com")
	pm := e.addCard(sess.Token)
	var got client.AutoPay
	e.call("POST", "/autopay", client.AutoPayRequest{PaymentMethodID: pm.ID}, withSession(sess.Token), withIdempotencyKey("ap-1")).
		want(t, http.StatusCreated).decode(t, &got)
	tomorrow := client.DateIn(e.clock.Now(), e.sim.zone).AddDate(0, 0, 1)
	want := tomorrow.AddDate(0, 1, 0) // due tomorrow: the next bill, one month later
	if got.FirstDraftDate == nil || *got.FirstDraftDate != want {
		t.Errorf("first draft %v, want %s", got.FirstDraftDate, want)
	}
}

// A bill paid before AutoPay is set up is never drawn again: AutoPay starts
// with the next bill, as the kiosk's review says (client.FirstDraftDate).
func TestAutoPayAfterThePaymentStartsWithTheNextBill(t *testing.T) {
	e := newEnv(t)
	sess := e.register(legacyNumber, "97501", "legacy@example.com")
	due := e.lookup(legacyNumber, "97501")
	e.call("POST", "/one-time-payments", payment(due.AmountDueCents), withIdempotencyKey("pay-1")).want(t, http.StatusCreated)
	pm := e.addCard(sess.Token)
	var got client.AutoPay
	e.call("POST", "/autopay", client.AutoPayRequest{PaymentMethodID: pm.ID}, withSession(sess.Token), withIdempotencyKey("ap-1")).
		want(t, http.StatusCreated).decode(t, &got)
	if want := due.DueDate.AddDate(0, 1, 0); got.FirstDraftDate == nil || *got.FirstDraftDate != want {
		t.Errorf("first draft %v after paying the bill due %s, want the next bill's %s", got.FirstDraftDate, due.DueDate, want)
	}
}

func TestAutoPayErrors(t *testing.T) {
	e := newEnv(t)
	maria := e.signIn()
	other := e.register(plainNumber, "97504", "pat@example.com")
	othersCard := e.addCard(other.Token)
	e.call("POST", "/autopay", client.AutoPayRequest{PaymentMethodID: othersCard.ID}, withSession(maria.Token), withIdempotencyKey("a")).
		wantError(t, http.StatusNotFound, client.CodePaymentMethodNotFound)
	e.call("POST", "/autopay", client.AutoPayRequest{}, withSession(maria.Token), withIdempotencyKey("b")).
		wantFields(t, map[string]string{"payment_method_id": "required"})
	e.call("POST", "/autopay", client.AutoPayRequest{PaymentMethodID: othersCard.ID}, withSession(other.Token)).
		wantFields(t, map[string]string{client.HeaderIdempotencyKey: "required"})
	if got := e.sim.Stats().AutoPayEnrollments; got != 0 {
		t.Errorf("enrollments %d, want 0", got)
	}
}

func TestEmailDeliveryVerificationFlow(t *testing.T) {
	e := newEnv(t)
	sess := e.register(legacyNumber, "97501", "legacy@example.com")
	var d client.BillDelivery
	e.call("PUT", "/bill-delivery", client.BillDeliveryRequest{Method: client.DeliveryEmail}, withSession(sess.Token)).
		want(t, http.StatusAccepted).decode(t, &d)
	if d != (client.BillDelivery{Method: client.DeliveryEmail, Status: client.DeliveryPendingVerification, Email: "legacy@example.com"}) {
		t.Fatalf("delivery %+v", d)
	}
	e.call("POST", "/bill-delivery/verification-email", nil, withSession(sess.Token)).want(t, http.StatusAccepted).decode(t, &d)
	outbox := e.sim.Outbox()
	if len(outbox) != 2 || outbox[0].Link == outbox[1].Link || outbox[1].Kind != "verification" || outbox[1].To != "legacy@example.com" {
		t.Fatalf("outbox %+v", outbox)
	}
	if !strings.HasPrefix(outbox[0].Link, e.srv.URL+client.BasePath+"/demo/verify/") {
		t.Fatalf("link %q", outbox[0].Link)
	}
	page := e.visit(outbox[0].Link).want(t, http.StatusOK)
	if !strings.Contains(strings.ToLower(string(page.body)), "verified") || !strings.HasPrefix(page.header.Get("Content-Type"), "text/html") {
		t.Errorf("page %q %s", page.header.Get("Content-Type"), page.body)
	}
	if got := e.account(sess.Token).BillDelivery; got.Status != client.DeliveryActive || got.Method != client.DeliveryEmail {
		t.Errorf("after verification: %+v", got)
	}
	e.visit(outbox[1].Link).want(t, http.StatusOK) // the newer link also works
	e.call("PUT", "/bill-delivery", client.BillDeliveryRequest{Method: client.DeliveryEmail}, withSession(sess.Token)).
		want(t, http.StatusAccepted).decode(t, &d)
	if d.Status != client.DeliveryActive || len(e.sim.Outbox()) != 2 || e.sim.Stats().BillDeliveryChanges != 1 {
		t.Errorf("choosing active email again: %+v, %d emails, %+v", d, len(e.sim.Outbox()), e.sim.Stats())
	}
}

func TestPaperDeliveryAndStaleLinks(t *testing.T) {
	e := newEnv(t)
	sess := e.signIn()
	put := func(method string) client.BillDelivery {
		var d client.BillDelivery
		e.call("PUT", "/bill-delivery", client.BillDeliveryRequest{Method: method}, withSession(sess.Token)).
			want(t, http.StatusAccepted).decode(t, &d)
		return d
	}
	put(client.DeliveryEmail)
	link := e.sim.Outbox()[0].Link
	if d := put(client.DeliveryPaper); d != (client.BillDelivery{Method: client.DeliveryPaper, Status: client.DeliveryActive}) {
		t.Errorf("paper: %+v", d)
	}
	e.visit(link).want(t, http.StatusNotFound)
	e.visit(e.srv.URL+client.BasePath+"/demo/verify/NOSUCHTOKEN").want(t, http.StatusNotFound)
	e.call("POST", "/bill-delivery/verification-email", nil, withSession(sess.Token)).
		wantError(t, http.StatusUnprocessableEntity, client.CodeValidationFailed)
	e.call("PUT", "/bill-delivery", client.BillDeliveryRequest{Method: "fax"}, withSession(sess.Token)).
		wantFields(t, map[string]string{"method": "required"})
	if got := e.sim.Stats().BillDeliveryChanges; got != 2 {
		t.Errorf("changes %d, want 2", got)
	}
}

// visit opens a link as the customer's browser would: no kiosk key.
func (e *env) visit(link string) result {
	e.t.Helper()
	req, err := http.NewRequest("GET", link, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.send(req)
}
