package terminalsim

import (
	"encoding/json"
	"net"
	"net/http"
)

// Test-only control endpoints, on the simulator's own port: a real terminal
// has none. They answer loopback callers only.
//
//	POST /control/present {"card":"approved"}   put a practice card on the reader
//	POST /control/faults  {"faults":"lost:1"}   replace the faults
//	GET  /control/state                          {"charges":N,"waiting":bool,"poiid":"…"}
func (s *Sim) controlRoutes(mux *http.ServeMux) {
	mux.HandleFunc("POST /control/present", loopbackOnly(func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Card string `json:"card"`
		}
		if json.NewDecoder(r.Body).Decode(&in) != nil {
			http.Error(w, `want {"card":"NAME"}`, http.StatusBadRequest)
			return
		}
		if err := checkCard(in.Card); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := s.Present(in.Card); err != nil {
			http.Error(w, err.Error(), http.StatusConflict)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	mux.HandleFunc("POST /control/faults", loopbackOnly(func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Faults string `json:"faults"`
		}
		if json.NewDecoder(r.Body).Decode(&in) != nil {
			http.Error(w, `want {"faults":"SPEC"}`, http.StatusBadRequest)
			return
		}
		f, err := ParseFaults(in.Faults)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.SetFaults(f)
		w.WriteHeader(http.StatusNoContent)
	}))
	mux.HandleFunc("GET /control/state", loopbackOnly(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"charges": s.Charges(), "waiting": s.Waiting(), "poiid": s.POIID()})
	}))
}

func loopbackOnly(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
			http.Error(w, "control endpoints answer loopback callers only", http.StatusForbidden)
			return
		}
		h(w, r)
	}
}
