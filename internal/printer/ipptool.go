package printer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// Every request here goes to CUPS over IPP through ipptool, CUPS's own IPP
// client (Debian cups-ipp-utils), rather than a Go IPP library or the lp and
// cancel commands:
//   - no Go IPP client is served by the module proxy (github.com/phin1x/go-ipp
//     and github.com/OpenPrinting/goipp are refused), and hand-writing IPP's
//     binary encoding and CUPS's local authentication is what libcups is for;
//   - ipptool answers in JSON (-j): job-state, printer-state and
//     printer-state-reasons as IPP keywords and enums, where lp and lpstat
//     print translated sentences, and lpstat cannot tell a completed job
//     from an aborted one;
//   - it sends Cancel-Job with purge-job, which removes the job's document
//     and history from the spool; `cancel -x` of CUPS 2.4.2 cancels without
//     purging (the receipt's PDF stayed in the spool in our test).
// ipptool uses libcups, so the CUPS server is found as every CUPS command
// finds it (CUPS_SERVER, client.conf, the local socket) and the kiosk's own
// jobs are authenticated as its user, with no password.

// Each request is an ipptool test file. $uri is the URI on the command line,
// $user the kiosk's user, others come from -d.
func request(operation, attributes, statuses string) string {
	return "{\nOPERATION " + operation + `
GROUP operation-attributes-tag
ATTR charset attributes-charset utf-8
ATTR naturalLanguage attributes-natural-language en
` + attributes + statuses + "}\n"
}

// Accepting not-found as an answer lets a missing queue or job be told from a
// failure to reach CUPS: its reply simply has no attribute group.
const statusOKOrNotFound = "STATUS successful-ok\nSTATUS client-error-not-found\n"

var (
	getPrinter = request("Get-Printer-Attributes", `ATTR uri printer-uri $printer
ATTR keyword requested-attributes printer-state,printer-state-reasons,printer-state-message,printer-is-accepting-jobs
`, statusOKOrNotFound)

	getJob = request("Get-Job-Attributes", `ATTR uri job-uri $uri
ATTR keyword requested-attributes job-state,job-state-reasons
`, statusOKOrNotFound)

	// The job's name is a fixed word: CUPS logs it and lpstat shows it to
	// anyone at the machine, so nothing of the visitor's goes there.
	printJob = request("Print-Job", `ATTR uri printer-uri $uri
ATTR name requesting-user-name $user
ATTR name job-name "Receipt"
ATTR mimeMediaType document-format application/pdf
FILE /dev/stdin
`, "STATUS successful-ok\n")

	// A job done (or gone) cannot be cancelled: not-possible is an answer too.
	cancelJob = request("Cancel-Job", `ATTR uri job-uri $uri
ATTR name requesting-user-name $user
`, statusOKOrNotFound+"STATUS client-error-not-possible\n")

	purgeJob = request("Cancel-Job", `ATTR uri job-uri $uri
ATTR name requesting-user-name $user
ATTR boolean purge-job true
`, statusOKOrNotFound)

	// ipptool's JSON merges the groups of several jobs into one invalid
	// object, so the job list is read from its CSV (-c) of job-id alone.
	getMyJobs = request("Get-Jobs", `ATTR uri printer-uri $uri
ATTR name requesting-user-name $user
ATTR boolean my-jobs true
ATTR keyword which-jobs all
ATTR keyword requested-attributes job-id
DISPLAY job-id
`, statusOKOrNotFound)
)

// group is one attribute group of an IPP response, as ipptool -j writes it.
type group map[string]any

// response is one request's answer: its attribute groups.
type response []group

// groups returns the response's groups with the given tag, e.g. "job-attributes-tag".
func (r response) groups(tag string) []group {
	var out []group
	for _, g := range r {
		if g["group-tag"] == tag {
			out = append(out, g)
		}
	}
	return out
}

func (g group) int(name string) int {
	n, _ := g[name].(float64)
	return int(n)
}

func (g group) text(name string) string {
	s, _ := g[name].(string)
	return s
}

// keywords reads a 1setOf keyword, which ipptool writes as a string when it
// holds one value and as an array when it holds more.
func (g group) keywords(name string) []string {
	switch v := g[name].(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, item := range v {
			if s, ok := item.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ipptool runs the requests in test against uri, with vars for -d, and
// returns one response per request. stdin is the document of a Print-Job.
func (p *Printer) ipptool(ctx context.Context, uri, test string, stdin io.Reader, vars ...string) ([]response, error) {
	stdout, runErr := runIPPTool(ctx, "-j", uri, test, stdin, vars)
	var out []response
	for dec := json.NewDecoder(bytes.NewReader(stdout)); ; {
		var r response
		if err := dec.Decode(&r); err != nil {
			break // the end, or ipptool's text after the JSON
		}
		out = append(out, r)
	}
	if runErr != nil {
		return out, fmt.Errorf("%w%s", runErr, statusMessages(out))
	}
	// Callers index the responses by request: a short answer is an error.
	if requests := strings.Count(test, "\nOPERATION "); len(out) < requests {
		return out, fmt.Errorf("ipptool answered %d of %d requests", len(out), requests)
	}
	return out, nil
}

// jobIDs runs the Get-Jobs request and reads the job numbers from ipptool's
// CSV: a header line, then one job-id a line.
func (p *Printer) jobIDs(ctx context.Context, printerURI string) ([]int, error) {
	stdout, err := runIPPTool(ctx, "-c", printerURI, getMyJobs, nil, nil)
	if err != nil {
		return nil, err
	}
	var ids []int
	for _, line := range strings.Split(string(stdout), "\n")[1:] {
		if id, err := strconv.Atoi(strings.TrimSpace(line)); err == nil && id > 0 {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// runIPPTool runs ipptool with the output format flag and returns its stdout.
func runIPPTool(ctx context.Context, format, uri, test string, stdin io.Reader, vars []string) ([]byte, error) {
	// The test file goes through a pipe at fd 3 (ExtraFiles), so nothing is
	// written to disk: stdin stays free for the document.
	testFile, feed, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer testFile.Close()
	if _, err := feed.WriteString(test); err != nil { // far below a pipe's buffer
		feed.Close()
		return nil, err
	}
	feed.Close()

	args := []string{format, "-T", "10"}
	for _, v := range vars {
		args = append(args, "-d", v)
	}
	cmd := exec.CommandContext(ctx, "ipptool", append(args, uri, "/dev/fd/3")...)
	cmd.ExtraFiles = []*os.File{testFile}
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	if errors.Is(runErr, exec.ErrNotFound) {
		return nil, fmt.Errorf("ipptool is not installed (Debian cups-ipp-utils): %w", runErr)
	}
	if runErr != nil {
		if ctx.Err() != nil {
			return stdout.Bytes(), ctx.Err()
		}
		return stdout.Bytes(), fmt.Errorf("ipptool: %w: %s", runErr, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}

// statusMessages is what CUPS said about failed requests (status-message).
func statusMessages(rs []response) string {
	var msgs []string
	for _, r := range rs {
		for _, g := range r.groups("operation-attributes-tag") {
			if m := g.text("status-message"); m != "" {
				msgs = append(msgs, m)
			}
		}
	}
	if len(msgs) == 0 {
		return ""
	}
	return " (" + strings.Join(msgs, "; ") + ")"
}

// serverURI is the ipp:// prefix for the CUPS server libcups would use, from
// `lpstat -H`: a local socket path (percent-encoded into the host, which
// libcups reads back as a socket) or host:port.
func serverURI(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "lpstat", "-H").Output()
	if err != nil {
		return "", fmt.Errorf("lpstat -H (Debian cups-client): %w", err)
	}
	server := strings.TrimSpace(string(out))
	if server == "" {
		return "", errors.New("lpstat -H named no CUPS server")
	}
	if strings.HasPrefix(server, "/") {
		return "ipp://" + url.PathEscape(server), nil
	}
	return "ipp://" + server, nil
}
