package validate

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// Known is exactly the contract's FieldCode enum (docs/portal-api.yaml): a code
// the contract adds is believed once it is added here, and no other.
func TestKnownCodesAreTheContracts(t *testing.T) {
	spec, err := os.ReadFile("../../docs/portal-api.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(spec)
	start := strings.Index(s, "    FieldCode:")
	end := strings.Index(s[start:], "    ErrorBody:")
	if start < 0 || end < 0 {
		t.Fatal("no FieldCode enum in the contract")
	}
	codes := regexp.MustCompile(`(?m)^\s+- ([a-z_]+)$`).FindAllStringSubmatch(s[start:start+end], -1)
	if len(codes) != len(knownCodes) {
		t.Errorf("the contract has %d field codes, Known %d", len(codes), len(knownCodes))
	}
	for _, c := range codes {
		if !Known(Code(c[1])) {
			t.Errorf("the contract's %q is not Known", c[1])
		}
	}
	if Known(OK) || Known("Payment not taken") {
		t.Error("Known believes what is no field code")
	}
}
