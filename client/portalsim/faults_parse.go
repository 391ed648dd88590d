package portalsim

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ParseFaults reads faults in flag syntax: "ROUTE=OPTION,OPTION;ROUTE=...",
// where ROUTE is "METHOD /path" and each OPTION is one of latency:DURATION,
// status:CODE (400-599), times:N, redirect:ORIGIN, drop, html, malformed,
// huge, cut or wrongtype (see Fault). For example
// "POST /accounts/lookup=status:503,times:2;GET /health=latency:2s;POST /one-time-payments=drop".
func ParseFaults(spec string) (map[string]Fault, error) {
	faults := make(map[string]Fault)
	for part := range strings.SplitSeq(spec, ";") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		route, f, err := parseFault(part)
		if err != nil {
			return nil, err
		}
		if _, dup := faults[route]; dup {
			return nil, fmt.Errorf("fault %q: route %q is given twice", strings.TrimSpace(part), route)
		}
		faults[route] = f
	}
	return faults, nil
}

// parseFault reads one "ROUTE=OPTIONS" part.
func parseFault(part string) (string, Fault, error) {
	part = strings.TrimSpace(part)
	routeText, options, ok := strings.Cut(part, "=")
	if !ok {
		return "", Fault{}, fmt.Errorf("fault %q: want ROUTE=OPTIONS, e.g. \"GET /health=status:503\"", part)
	}
	route := normalizeRoute(routeText)
	if err := checkRoute(route); err != nil {
		return "", Fault{}, fmt.Errorf("fault %q: %w", part, err)
	}
	var f Fault
	for option := range strings.SplitSeq(options, ",") {
		if err := applyFaultOption(&f, strings.TrimSpace(option)); err != nil {
			return "", Fault{}, fmt.Errorf("fault %q: %w", part, err)
		}
	}
	if f.acts() && f.Latency == 0 && !f.Cut && !f.WrongType {
		return "", Fault{}, fmt.Errorf("fault %q: only times: it would do nothing", part)
	}
	return route, f, nil
}

// checkRoute requires "METHOD /path".
func checkRoute(route string) error {
	method, path, _ := strings.Cut(route, " ")
	if method == "" || strings.Trim(method, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return fmt.Errorf("route %q: want an HTTP method, e.g. \"POST /accounts/lookup\"", route)
	}
	if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \t") {
		return fmt.Errorf("route %q: the path must start with \"/\", e.g. \"POST /accounts/lookup\"", route)
	}
	return nil
}

// flagOptions are the options that take no value, and the field each sets.
var flagOptions = map[string]func(f *Fault){
	"drop":      func(f *Fault) { f.Drop = true },
	"html":      func(f *Fault) { f.HTML = true },
	"malformed": func(f *Fault) { f.Malformed = true },
	"huge":      func(f *Fault) { f.Huge = true },
	"cut":       func(f *Fault) { f.Cut = true },
	"wrongtype": func(f *Fault) { f.WrongType = true },
}

// applyFaultOption sets one option ("status:503", "drop", ...) on f.
func applyFaultOption(f *Fault, option string) error {
	name, value, hasValue := strings.Cut(option, ":")
	if set, ok := flagOptions[name]; ok {
		if hasValue {
			return fmt.Errorf("option %q takes no value", option)
		}
		set(f)
		return nil
	}
	switch name {
	case "latency":
		d, err := time.ParseDuration(value)
		if err != nil || d < 0 {
			return fmt.Errorf("option %q: want a duration such as 2s or 300ms", option)
		}
		f.Latency = d
		return nil
	case "status":
		n, err := strconv.Atoi(value)
		if err != nil || n < 400 || n > 599 {
			return fmt.Errorf("option %q: want an HTTP error status from 400 to 599", option)
		}
		f.Status = n
		return nil
	case "times":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return fmt.Errorf("option %q: want a whole number of requests, 0 or more", option)
		}
		f.Times = n
		return nil
	case "redirect":
		u, err := url.Parse(value)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
			return fmt.Errorf("option %q: want an origin such as https://elsewhere.example", option)
		}
		f.Redirect = value
		return nil
	}
	return fmt.Errorf("unknown option %q: want latency:D, status:N, times:N, redirect:ORIGIN, drop, html, malformed, huge, cut or wrongtype", option)
}
