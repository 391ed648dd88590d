package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"time"

	"github.com/go-resty/resty/v2"
)

// call describes one portal request.
type call struct {
	name           string // one of CallNames, for the Observer
	method, route  string // route is relative to BasePath, e.g. "/accounts/lookup"
	query          map[string]string
	session        string        // X-Customer-Session, when non-empty
	idempotencyKey string        // Idempotency-Key, when non-empty
	body           any           // JSON request body, or nil
	out            any           // where to decode a 2xx JSON body, or nil; a checkedAnswer is checked
	matches        func() string // after out is decoded: what in it does not answer the request; "" when all does
}

// do runs a call and tells the Observer, if any, how it ended.
func (c *Client) do(ctx context.Context, k call) error {
	if c.opts.Observer == nil {
		return c.run(ctx, k)
	}
	start := time.Now()
	err := c.run(ctx, k)
	c.opts.Observer.PortalCall(k.name, err, time.Since(start))
	return err
}

// run runs a call within the action deadline, with retries, and turns the
// outcome into the decoded answer or an error (see errors.go).
func (c *Client) run(ctx context.Context, k call) error {
	ctx, cancel := c.withDeadline(ctx)
	defer cancel()
	ctx = withAttemptCounter(ctx, k.route)
	r := c.rc.R().SetContext(ctx).
		AddRetryCondition(retryCondition(isRepeatable(k.method, k.idempotencyKey)))
	if err := setRequest(r, k); err != nil {
		return err
	}
	resp, err := r.Execute(k.method, k.route)
	if err != nil && !(errors.Is(err, errNoTimeToRetry) && hasAnswer(resp)) {
		return c.unavailable(ctx, k, err)
	}
	return c.answer(ctx, k, resp)
}

// setRequest adds headers, query and JSON body to r.
func setRequest(r *resty.Request, k call) error {
	if k.session != "" {
		r.SetHeader(HeaderCustomerSession, k.session)
	}
	if k.idempotencyKey != "" {
		r.SetHeader(HeaderIdempotencyKey, k.idempotencyKey)
	}
	if len(k.query) > 0 {
		r.SetQueryParams(k.query)
	}
	if k.body == nil {
		return nil
	}
	b, err := json.Marshal(k.body)
	if err != nil {
		return fmt.Errorf("client: encoding %s %s: %w", k.method, k.route, err)
	}
	r.SetHeader("Content-Type", "application/json").SetBody(b)
	return nil
}

// hasAnswer reports whether resp holds an HTTP answer.
func hasAnswer(resp *resty.Response) bool {
	return resp != nil && resp.RawResponse != nil
}

// unavailable wraps a transport-level failure. The *url.Error layer is
// dropped so the text never holds a URL; ctx's error is kept so that
// errors.Is(err, context.DeadlineExceeded) works.
func (c *Client) unavailable(ctx context.Context, k call, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if errors.Is(err, errRedirect) {
		err = errRedirect
	}
	if errors.Is(err, resty.ErrResponseBodyTooLarge) {
		err = errTooLarge
	}
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		err = fmt.Errorf("%w (%w)", ctxErr, err)
	}
	return &UnavailableError{Method: k.method, Route: k.route, Cause: err}
}

// answer decodes a 2xx answer into k.out, or turns an error answer into an
// *APIError (JSON ErrorBody) or an *UnavailableError (anything else).
func (c *Client) answer(ctx context.Context, k call, resp *resty.Response) error {
	status := resp.StatusCode()
	switch {
	case status >= 200 && status < 300:
		return c.decodeSuccess(ctx, k, resp)
	case status >= 400:
		return c.decodeError(ctx, k, resp)
	}
	return c.unavailable(ctx, k, &statusError{Status: status})
}

// decodeSuccess decodes the JSON body of a success answer into k.out and
// checks it (answers.go). A call that wants no body still refuses a body that
// is not JSON: a 2xx with an HTML page or junk is a proxy or a broken portal
// talking, not the portal agreeing.
func (c *Client) decodeSuccess(ctx context.Context, k call, resp *resty.Response) error {
	body := bytes.TrimSpace(resp.Body())
	if k.out == nil && len(body) == 0 {
		return nil // 204, or an answer with nothing to say
	}
	if !isJSON(resp) {
		return c.unavailable(ctx, k, errNotJSON)
	}
	if !json.Valid(body) {
		return c.unavailable(ctx, k, errMalformed)
	}
	checked, _ := k.out.(checkedAnswer)
	if checked == nil {
		return nil // nothing to decode, nothing to check: any JSON will do
	}
	problem := missingField(body, checked.required())
	if problem == "" && json.Unmarshal(body, k.out) != nil {
		problem = "a field has the wrong type"
	}
	if problem == "" {
		problem = checked.problem()
	}
	if problem == "" && k.matches != nil {
		problem = k.matches()
	}
	if problem != "" {
		return c.unavailable(ctx, k, answerProblem(problem))
	}
	return nil
}

// missingField names what keeps body from holding every required field: it is
// not a JSON object, or one of them is missing or null.
func missingField(body []byte, required []string) string {
	var fields map[string]json.RawMessage
	if json.Unmarshal(body, &fields) != nil || fields == nil {
		return "not a JSON object"
	}
	for _, name := range required {
		if v, ok := fields[name]; !ok || string(v) == "null" {
			return name + " is missing"
		}
	}
	return ""
}

// decodeError turns an error answer into an *APIError; an answer without a
// JSON ErrorBody (an HTML page from a proxy, say) is an *UnavailableError.
func (c *Client) decodeError(ctx context.Context, k call, resp *resty.Response) error {
	var eb ErrorBody
	if !isJSON(resp) || json.Unmarshal(resp.Body(), &eb) != nil || eb.Code == "" {
		return c.unavailable(ctx, k, &statusError{Status: resp.StatusCode()})
	}
	ra, _ := retryAfter(resp)
	return &APIError{Status: resp.StatusCode(), Code: knownCode(eb.Code), Message: eb.Message, Fields: knownFields(eb.Fields), RetryAfter: ra}
}

// isJSON reports whether the answer says it is JSON and its body is not empty.
func isJSON(resp *resty.Response) bool {
	mt, _, err := mime.ParseMediaType(resp.Header().Get("Content-Type"))
	return err == nil && mt == "application/json" && len(bytes.TrimSpace(resp.Body())) > 0
}
