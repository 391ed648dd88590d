// Command writedoc writes the fault matrix (package faultmatrix) into the
// document named by its argument, between the document's fault-matrix markers.
// ui's `go generate` runs it on docs/reliability.md.
package main

import (
	"fmt"
	"os"

	"github.com/medfordwater/lobbykiosk/ui/internal/faultmatrix"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: writedoc DOCUMENT.md")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "writedoc:", err)
		os.Exit(1)
	}
}

func write(path string) error {
	doc, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	table := faultmatrix.Table(faultmatrix.Calls(), faultmatrix.Faults(), faultmatrix.Expected)
	updated, err := faultmatrix.Publish(doc, table)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, updated, 0o644)
}
