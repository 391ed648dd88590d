// Package client is the lobby kiosk's client for the billing portal's kiosk
// API (the wire contract is in api.go and docs/portal-api.yaml).
//
// It is built on resty v2 and adds what a public kiosk needs:
//
//   - https only, except to a loopback simulator; TLS 1.2 or later and an
//     optional extra root CA;
//   - a deadline on every visitor action (Options.ActionTimeout) when the
//     caller's context has none;
//   - retries with jittered exponential backoff, honouring a Retry-After
//     longer than the backoff (a shorter one never shortens it), only
//     for network errors, 5xx and 429, and only for idempotent requests (GET,
//     PUT, DELETE, or a POST carrying an Idempotency-Key) — never past the
//     deadline;
//   - a cap on response bodies, no redirects, JSON-only answers, and a 2xx
//     answer believed only when it holds what the contract requires
//     (ErrUnexpectedAnswer otherwise);
//   - errors usable with errors.Is (ErrNotFound, ErrRateLimited,
//     ErrUnauthorized, ErrValidation, ErrConflict, ErrUnavailable,
//     ErrUnexpectedAnswer) and errors.As (*APIError), whose texts never repeat
//     what the server sent (ErrorClass names one from a closed set, for logs);
//   - logging through log/slog that records only the method, route, status,
//     attempt and duration: never a body, token, key, email or number;
//   - an optional Observer told of every call once it is over (its name from
//     CallNames, its error, its duration), which the kiosk's metrics count.
package client
