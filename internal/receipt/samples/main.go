// Command samples writes the sample receipts shown in docs/receipts.md: each
// kind of receipt in both languages on 80 mm paper, a whole visit on 58 mm,
// and the staff test page, as PNG files the way a 203 dpi thermal printer
// prints them (one bit a dot, pdftoppm -mono). Run it with go generate
// ./internal/receipt; it needs poppler-utils.
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/medfordwater/lobbykiosk/internal/config"
	"github.com/medfordwater/lobbykiosk/internal/receipt"
	"github.com/medfordwater/lobbykiosk/internal/receipt/receipttest"
	"github.com/medfordwater/lobbykiosk/translations"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: samples DIR")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "samples:", err)
		os.Exit(1)
	}
}

func write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, lang := range translations.Languages {
		for _, v := range receipttest.Visits() {
			papers := []receipt.Width{receipt.Paper80}
			if v.Name == "everything" {
				papers = append(papers, receipt.Paper58)
			}
			for _, paper := range papers {
				pdf, err := v.Receipt.PDF(lang, paper)
				if err != nil {
					return err
				}
				if err := png(pdf, filepath.Join(dir, receipttest.SampleName(v.Name, lang, paper))); err != nil {
					return err
				}
			}
		}
		page, err := receipt.TestPage(config.MedfordWater(), "lobby-1", receipttest.At, lang, receipt.Paper58)
		if err != nil {
			return err
		}
		if err := png(page, filepath.Join(dir, receipttest.SampleName("testpage", lang, receipt.Paper58))); err != nil {
			return err
		}
	}
	return nil
}

// png draws the PDF's page at 203 dpi, one bit a dot, into file.
func png(pdf []byte, file string) error {
	cmd := exec.Command("pdftoppm", "-r", "203", "-mono", "-png", "-singlefile", "-", file[:len(file)-len(".png")])
	cmd.Stdin = bytes.NewReader(pdf)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("pdftoppm %s: %v: %s", file, err, out)
	}
	return nil
}
