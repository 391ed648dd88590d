package terminal

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"testing"
)

// mockMessage decodes one of Adyen's mock terminal payloads (testdata/README.md).
func mockMessage(t *testing.T, name string) Envelope {
	t.Helper()
	b, err := os.ReadFile("testdata/mock-terminal/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var env Envelope
	if err := decodeOne(b, &env); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return env
}

// The mock terminal's transaction ID, which its answers echo.
const mockTxID = "21f1268f-9126-4bce-b127-9c2d5ffa024e"

func TestDecodesTheMockTerminalsPaymentAnswers(t *testing.T) {
	cases := []struct {
		file      string
		want      Outcome
		cents     int64
		brand     string
		lastFour  string
		reference string
	}{
		{"paymentResponse", Approved, 100, "", "", "v4W5001707426906003.RM4ZVZ7LFTGLNK82"},
		{"124_paymentNotEnoughBalanceResponse", InsufficientFunds, 0, "maestro", "7003", "v4W5001715633915004.TSXKSFKNS75ZGN82"},
		{"125_paymentCardBlockedResponse", Declined, 0, "", "", ""},
		{"134_paymentWrongPinResponse", Declined, 0, "", "", ""},
		{"abortPaymentResponse", Cancelled, 0, "", "", mockTxID},
		{"paymentBusyResponse", Busy, 0, "", "", mockTxID},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			env := mockMessage(t, c.file)
			resp := env.SaleToPOIResponse
			if resp == nil || resp.PaymentResponse == nil {
				t.Fatal("no PaymentResponse")
			}
			res, err := resultOf(mockTxID, resp.PaymentResponse)
			if err != nil {
				t.Fatal(err)
			}
			if res.Outcome != c.want || res.AmountCents != c.cents {
				t.Errorf("outcome %s %d, want %s %d", res.Outcome, res.AmountCents, c.want, c.cents)
			}
			if c.brand != "" && (res.Brand != c.brand || res.LastFour != c.lastFour) {
				t.Errorf("card %s %s, want %s %s", res.Brand, res.LastFour, c.brand, c.lastFour)
			}
			if c.reference != "" && res.Reference != c.reference {
				t.Errorf("reference %q", res.Reference)
			}
			if _, err := resultOf("another-tx", resp.PaymentResponse); !errors.Is(err, ErrMismatch) {
				t.Errorf("an answer about another transaction was taken: %v", err)
			}
		})
	}
}

func TestDecodesTheMockTerminalsRequests(t *testing.T) {
	pay := mockMessage(t, "paymentRequest").SaleToPOIRequest
	if pay == nil || pay.PaymentRequest == nil || pay.PaymentRequest.PaymentTransaction.AmountsReq.RequestedAmount != 100 ||
		pay.MessageHeader.MessageCategory != CategoryPayment || pay.MessageHeader.POIID != "V400m-123456789" {
		t.Errorf("payment request = %+v", pay)
	}
	abort := mockMessage(t, "abortPaymentRequest").SaleToPOIRequest
	if abort == nil || abort.AbortRequest == nil || abort.AbortRequest.MessageReference.ServiceID != "1234567890AB" {
		t.Errorf("abort request = %+v", abort)
	}
	status := mockMessage(t, "paymentTransactionStatusRequest").SaleToPOIRequest
	if status == nil || status.TransactionStatusRequest == nil || status.TransactionStatusRequest.MessageReference.MessageCategory != CategoryPayment {
		t.Errorf("status request = %+v", status)
	}
	// Our own requests take the same shape: encode ours and compare the keys.
	ours, _ := json.Marshal(Envelope{SaleToPOIRequest: pay})
	var back Envelope
	if err := decodeOne(ours, &back); err != nil || back.SaleToPOIRequest.PaymentRequest.PaymentTransaction != pay.PaymentRequest.PaymentTransaction {
		t.Errorf("re-encoded payment request differs: %s", ours)
	}
}

func TestDecodesTheMockTerminalsTransactionStatus(t *testing.T) {
	resp := mockMessage(t, "paymentTransactionStatusResponse").SaleToPOIResponse
	if resp == nil || resp.TransactionStatusResponse == nil {
		t.Fatal("no TransactionStatusResponse")
	}
	ref := MessageReference{MessageCategory: CategoryPayment, ServiceID: "1234567890AB", SaleID: "SALE_ID_42"}
	res, err := statusResult(mockTxID, ref, resp.TransactionStatusResponse)
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != Approved || res.AmountCents != 1099 || res.Brand != "mc" || res.LastFour != "6789" {
		t.Errorf("result = %+v", res)
	}
	if !slices.Contains(res.Receipt, "CARDHOLDER COPY") || !slices.Contains(res.Receipt, "Card type: mc") {
		t.Errorf("receipt = %q", res.Receipt)
	}
	ref.ServiceID = "another"
	if _, err := statusResult(mockTxID, ref, resp.TransactionStatusResponse); !errors.Is(err, ErrMismatch) {
		t.Errorf("a status repeating another payment was taken: %v", err)
	}
}

func TestATerminalsRejectionIsErrRejected(t *testing.T) {
	b, _ := os.ReadFile("testdata/mock-terminal/invalidJsonObjectNotificationResponse.json")
	s, _ := NewSealer(adyenTestKey)
	if _, err := OpenEnvelope(s, b); !errors.Is(err, ErrRejected) {
		t.Errorf("OpenEnvelope = %v, want ErrRejected", err)
	}
}

func TestCheckEcho(t *testing.T) {
	req := MessageHeader{MessageClass: "Service", MessageCategory: CategoryPayment, MessageType: "Request", ServiceID: "s1", SaleID: "k", POIID: "p"}
	ok := req
	ok.MessageType = "Response"
	if err := CheckEcho(req, ok); err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(h *MessageHeader){
		"category": func(h *MessageHeader) { h.MessageCategory = CategoryAbort },
		"service":  func(h *MessageHeader) { h.ServiceID = "s2" },
		"sale":     func(h *MessageHeader) { h.SaleID = "other" },
		"poi":      func(h *MessageHeader) { h.POIID = "other" },
		"type":     func(h *MessageHeader) { h.MessageType = "Request" },
	} {
		h := ok
		change(&h)
		if err := CheckEcho(req, h); !errors.Is(err, ErrMismatch) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestAmountsAreCentsWithoutFloats(t *testing.T) {
	for in, want := range map[string]Amount{"1": 100, "1.0": 100, "1.00": 100, "10.99": 1099, "0.07": 7, "123.5": 12350} {
		var a Amount
		if err := json.Unmarshal([]byte(in), &a); err != nil || a != want {
			t.Errorf("%s → %d, %v", in, a, err)
		}
	}
	for _, bad := range []string{"1.005", "-1", "1e2", `"1"`, "", "99999999999"} {
		var a Amount
		if json.Unmarshal([]byte(bad), &a) == nil {
			t.Errorf("%q accepted as %d", bad, a)
		}
	}
	if b, _ := json.Marshal(Amount(1099)); string(b) != "10.99" {
		t.Errorf("1099 → %s", b)
	}
}

func TestLastFourNeverKeepsMoreOfACard(t *testing.T) {
	for in, want := range map[string]string{
		"600007 **** 7003": "7003", "12345 * 6789": "6789", "************0010": "0010",
		"4111111111111111": "", "411111*1111111111": "", "**12": "", "": "",
	} {
		if got := lastFour(in); got != want {
			t.Errorf("lastFour(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTwoAnswersInOneBodyAreRefused(t *testing.T) {
	var env Envelope
	if err := decodeOne([]byte(`{"SaleToPOIResponse":{}}{"SaleToPOIResponse":{}}`), &env); !errors.Is(err, ErrMalformed) {
		t.Errorf("decodeOne = %v", err)
	}
}
