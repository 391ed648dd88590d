// Package receipttest reads printouts back the way a person and a phone would:
// the text of a PDF (poppler's pdftotext) and the QR code on a page or an
// image (zbarimg). Both tools are Debian packages that make deps installs.
package receipttest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// need fails the test plainly when a tool is missing.
func need(t testing.TB, tool, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is missing: run make deps (Debian %s)", tool, pkg)
	}
}

// PDFText is the text of a PDF, in reading order.
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	need(t, "pdftotext", "poppler-utils")
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// PDFPageSize is the first page's size in points, from pdfinfo.
func PDFPageSize(t testing.TB, pdf []byte) string {
	t.Helper()
	need(t, "pdfinfo", "poppler-utils")
	cmd := exec.Command("pdfinfo", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for line := range strings.SplitSeq(string(out), "\n") {
		if size, ok := strings.CutPrefix(line, "Page size:"); ok {
			return strings.TrimSpace(size)
		}
	}
	t.Fatalf("pdfinfo gave no page size:\n%s", out)
	return ""
}

// RenderPNG draws a PDF's first page as a PNG at dpi, one bit a dot as a
// thermal printer prints it (pdftoppm -mono), and returns the file's path.
func RenderPNG(t testing.TB, pdf []byte, dpi int) string {
	t.Helper()
	need(t, "pdftoppm", "poppler-utils")
	dir := t.TempDir()
	cmd := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-mono", "-png", "-singlefile", "-", filepath.Join(dir, "page"))
	cmd.Stdin = bytes.NewReader(pdf)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	return filepath.Join(dir, "page.png")
}

// ScanPNG is what a QR scanner reads in an image file: zbarimg, written by
// others than the encoder's authors, so a code it reads is one phones read.
func ScanPNG(t testing.TB, file string) string {
	t.Helper()
	need(t, "zbarimg", "zbar-tools")
	out, err := exec.Command("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file).Output()
	if err != nil {
		t.Fatalf("zbarimg found no QR code in %s: %v", file, err)
	}
	return strings.TrimRight(string(out), "\n")
}

// ScanPDF is what a phone reads on the printed page: the page drawn at 203 dpi
// (a thermal printer's resolution) and scanned.
func ScanPDF(t testing.TB, pdf []byte) string {
	t.Helper()
	return ScanPNG(t, RenderPNG(t, pdf, 203))
}

// WritePNG writes data to a fresh temporary file and returns its path.
func WritePNG(t testing.TB, data []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "image.png")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}
