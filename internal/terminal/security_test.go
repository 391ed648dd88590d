package terminal

import (
	"bytes"
	"errors"
	"os"
	"testing"
)

// adyenTestKey is the key Adyen's Java library tests open the vector with
// (src/test/java/com/adyen/TerminalLocalAPITest.java); see testdata/README.md.
var adyenTestKey = Key{Identifier: "CryptoKeyIdentifier12345", Version: 1, Passphrase: "p@ssw0rd123456"}

// The vector was sealed by Adyen, not by us: opening it proves the key
// derivation, IV, cipher and MAC agree with theirs.
func TestOpensAdyensLocalTerminalAPIVector(t *testing.T) {
	body, err := os.ReadFile("testdata/adyen-library/payment-local-success.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSealer(adyenTestKey)
	if err != nil {
		t.Fatal(err)
	}
	env, err := OpenEnvelope(s, body)
	if err != nil {
		t.Fatalf("OpenEnvelope: %v", err)
	}
	resp := env.SaleToPOIResponse
	if resp == nil || resp.PaymentResponse == nil {
		t.Fatalf("no PaymentResponse in %+v", env)
	}
	if resp.MessageHeader.POIID != "P400Plus-275039202" || resp.MessageHeader.ServiceID != "325488592" {
		t.Errorf("header = %+v", resp.MessageHeader)
	}
	res, err := resultOf("999", resp.PaymentResponse)
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != Approved || res.AmountCents != 100 || res.Brand != "mc" || res.LastFour != "0010" {
		t.Errorf("result = %+v", res)
	}

	wrong := adyenTestKey
	wrong.Passphrase = "p@ssw0rd123457"
	other, _ := NewSealer(wrong)
	if _, err := OpenEnvelope(other, body); !errors.Is(err, ErrSecurity) {
		t.Errorf("another passphrase opened it: %v", err)
	}
}

func TestSealOpenRoundTripAndTampering(t *testing.T) {
	s, _ := NewSealer(adyenTestKey)
	for _, size := range []int{0, 1, 15, 16, 17, 1000} {
		msg := bytes.Repeat([]byte{'x'}, size)
		sealed, err := s.Seal(MessageHeader{SaleID: "k"}, msg)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Open(sealed)
		if err != nil || !bytes.Equal(got, msg) {
			t.Fatalf("size %d: %q, %v", size, got, err)
		}
	}
	sealed, _ := s.Seal(MessageHeader{}, []byte(`{"a":1}`))
	again, _ := s.Seal(MessageHeader{}, []byte(`{"a":1}`))
	if bytes.Equal(sealed.SecurityTrailer.Nonce, again.SecurityTrailer.Nonce) || sealed.NexoBlob == again.NexoBlob {
		t.Error("two seals share a nonce")
	}
	tamper := map[string]func(m *SecuredMessage){
		"mac":         func(m *SecuredMessage) { m.SecurityTrailer.Hmac = append([]byte{}, m.SecurityTrailer.Hmac[:31]...) },
		"nonce":       func(m *SecuredMessage) { m.SecurityTrailer.Nonce = make([]byte, 16) },
		"blob":        func(m *SecuredMessage) { m.NexoBlob = "A" + m.NexoBlob[1:] },
		"key id":      func(m *SecuredMessage) { m.SecurityTrailer.KeyIdentifier = "other" },
		"key version": func(m *SecuredMessage) { m.SecurityTrailer.KeyVersion = 2 },
		"crypto":      func(m *SecuredMessage) { m.SecurityTrailer.AdyenCryptoVersion = 0 },
		"not base64":  func(m *SecuredMessage) { m.NexoBlob = "!!" },
	}
	for name, f := range tamper {
		m, _ := s.Seal(MessageHeader{}, []byte(`{"amount":1.00}`))
		f(&m)
		if _, err := s.Open(m); !errors.Is(err, ErrSecurity) {
			t.Errorf("%s: Open = %v, want ErrSecurity", name, err)
		}
	}
}

func TestKeyNeverPrintsItsPassphrase(t *testing.T) {
	for _, s := range []string{adyenTestKey.String(), adyenTestKey.GoString()} {
		if bytes.Contains([]byte(s), []byte(adyenTestKey.Passphrase)) {
			t.Errorf("%q holds the passphrase", s)
		}
	}
	if _, err := NewSealer(Key{Identifier: "k", Version: 1}); err == nil {
		t.Error("a key without a passphrase was taken")
	}
}

func BenchmarkSealOpenDecode(b *testing.B) {
	s, _ := NewSealer(adyenTestKey)
	body, _ := os.ReadFile("testdata/adyen-library/payment-local-success.json")
	env, _ := OpenEnvelope(s, body)
	b.ReportAllocs()
	for b.Loop() {
		wire, err := SealEnvelope(s, env)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := OpenEnvelope(s, wire); err != nil {
			b.Fatal(err)
		}
	}
}
