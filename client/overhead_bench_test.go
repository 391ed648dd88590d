package client_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"mime"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/medfordwater/lobbykiosk/client"
	"github.com/medfordwater/lobbykiosk/client/portalsim"
	"github.com/medfordwater/lobbykiosk/internal/clock/clocktest"
)

// The client's cost over plain net/http for one call (target ≤ 1.3×).
// Both make the same Find My Account lookup against the same simulator over
// loopback, with the same headers, body limit and JSON checks; each iteration
// makes one call of each, alternating which goes first, so drift and caches hit
// both alike. ns/op is the pair; the figures to read are the per-call medians
// and their ratio:
//
//	go test -run '^$' -bench CallOverhead -benchtime 2000x ./client
func BenchmarkCallOverhead(b *testing.B) {
	srv := httptest.NewServer(portalsim.New(portalsim.Options{Now: clocktest.Now}))
	b.Cleanup(srv.Close)
	quiet := slog.New(slog.NewJSONHandler(io.Discard, nil)) // the kiosk logs at Info
	c, err := client.New(client.Options{BaseURL: srv.URL, KioskKey: portalsim.DemoKioskKey, Logger: quiet})
	if err != nil {
		b.Fatal(err)
	}
	plain := &plainLookup{
		http: &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()},
		url:  srv.URL + client.BasePath + "/accounts/lookup",
	}
	b.Cleanup(plain.http.CloseIdleConnections)
	req := client.LookupRequest{AccountNumber: "00065821-0672430", PostalCode: "97501"}
	ctx := context.Background()
	viaClient := func() {
		if _, err := c.Lookup(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
	viaNetHTTP := func() {
		if _, err := plain.lookup(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
	for range 20 { // open the connections, warm both paths
		viaClient()
		viaNetHTTP()
	}
	var clientTimes, plainTimes []time.Duration
	timed := func(into *[]time.Duration, f func()) {
		started := time.Now()
		f()
		*into = append(*into, time.Since(started))
	}
	b.ResetTimer()
	for i := range b.N {
		if i%2 == 0 {
			timed(&clientTimes, viaClient)
			timed(&plainTimes, viaNetHTTP)
		} else {
			timed(&plainTimes, viaNetHTTP)
			timed(&clientTimes, viaClient)
		}
	}
	b.StopTimer()
	clientMed, plainMed := benchMedian(clientTimes), benchMedian(plainTimes)
	b.ReportMetric(benchMicros(clientMed), "client-p50-us")
	b.ReportMetric(benchMicros(plainMed), "nethttp-p50-us")
	b.ReportMetric(benchMicros(clientMed)/benchMicros(plainMed), "ratio-p50")
	b.ReportMetric(benchMicros(benchMean(clientTimes))/benchMicros(benchMean(plainTimes)), "ratio-mean")
}

func benchMicros(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 }

func benchMedian(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[int(math.Ceil(0.5*float64(len(s))))-1]
}

func benchMean(ds []time.Duration) time.Duration {
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return sum / time.Duration(len(ds))
}

// plainLookup is the lookup written with net/http alone, doing what the client
// does for it: JSON body, the kiosk's headers, a 1 MiB cap on the answer, the
// answer's status and content type checked, JSON decoded into the same type.
type plainLookup struct {
	http *http.Client
	url  string
}

func (p *plainLookup) lookup(ctx context.Context, req client.LookupRequest) (client.AccountSummary, error) {
	var out client.AccountSummary
	body, err := json.Marshal(req)
	if err != nil {
		return out, err
	}
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(body))
	if err != nil {
		return out, err
	}
	r.Header.Set("Authorization", "Bearer "+portalsim.DemoKioskKey)
	r.Header.Set("User-Agent", "medfordwater-lobbykiosk")
	r.Header.Set("Accept", "application/json")
	r.Header.Set("Content-Type", "application/json")
	resp, err := p.http.Do(r)
	if err != nil {
		return out, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, client.DefaultMaxBodyBytes+1))
	if err != nil {
		return out, err
	}
	if len(answer) > client.DefaultMaxBodyBytes {
		return out, fmt.Errorf("answer over %d bytes", client.DefaultMaxBodyBytes)
	}
	if resp.StatusCode != http.StatusOK {
		return out, fmt.Errorf("status %d", resp.StatusCode)
	}
	if mt, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return out, fmt.Errorf("content type %q", resp.Header.Get("Content-Type"))
	}
	return out, json.Unmarshal(answer, &out)
}
