package faultmatrix

import (
	"os"
	"testing"
)

// The published table is the one the specification gives: `go test -short` tells
// of an edit to Calls, Faults or Expected that `go generate ./ui` did not follow,
// without walking the matrix through the UI as ui's TestFaultMatrix does.
func TestTheDocumentShowsTheSpecification(t *testing.T) {
	doc, err := os.ReadFile("../../../docs/reliability.md")
	if err != nil {
		t.Fatal(err)
	}
	published, err := Published(doc)
	if err != nil {
		t.Fatalf("docs/reliability.md: %v", err)
	}
	if want := Table(Calls(), Faults(), Expected); published != want {
		t.Fatalf("docs/reliability.md does not show the fault matrix; run `go generate ./ui`. Want:\n%s", want)
	}
}

func TestPublishReplacesOnlyWhatIsBetweenTheMarkers(t *testing.T) {
	doc := []byte("head\n" + begin + "old\n" + end + "\ntail\n")
	got, err := Publish(doc, "new\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := "head\n" + begin + "new\n" + end + "\ntail\n"; string(got) != want {
		t.Errorf("Publish gave %q, want %q", got, want)
	}
	if table, _ := Published(got); table != "new\n" {
		t.Errorf("Published gave %q after Publish", table)
	}
	for _, bad := range []string{"no markers\n", begin + "no end\n", "no begin\n" + end} {
		if _, err := Publish([]byte(bad), "new\n"); err == nil {
			t.Errorf("Publish took %q", bad)
		}
	}
}
