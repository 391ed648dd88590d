package portalsim

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"go.yaml.in/yaml/v4"
)

// specPath is the contract every response of these tests is checked against.
const specPath = "../../docs/portal-api.yaml"

func init() {
	// The demo verification page is text/html; kin-openapi has no decoder for it.
	openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder)
}

// specChecker validates responses against docs/portal-api.yaml.
type specChecker struct {
	doc    *openapi3.T
	router routers.Router
}

var (
	loadSpecOnce sync.Once
	loadedSpec   *specChecker
	loadSpecErr  error
)

// loadSpec loads and validates the OpenAPI document once per test binary.
func loadSpec(t testing.TB) *specChecker {
	t.Helper()
	loadSpecOnce.Do(func() {
		doc, err := openapi3.NewLoader().LoadFromFile(specPath)
		if err != nil {
			loadSpecErr = fmt.Errorf("load %s: %w", specPath, err)
			return
		}
		if err = doc.Validate(context.Background()); err != nil {
			loadSpecErr = fmt.Errorf("validate %s: %w", specPath, err)
			return
		}
		router, err := gorillamux.NewRouter(doc)
		if err != nil {
			loadSpecErr = fmt.Errorf("router for %s: %w", specPath, err)
			return
		}
		loadedSpec = &specChecker{doc: doc, router: router}
	})
	if loadSpecErr != nil {
		t.Fatal(loadSpecErr)
	}
	return loadedSpec
}

// check validates one response. Responses to routes the document does not
// have (unknown path, wrong method) must still be an ErrorBody.
func (sc *specChecker) check(req *http.Request, status int, header http.Header, body []byte) error {
	route, params, err := sc.router.FindRoute(req)
	if errors.Is(err, routers.ErrPathNotFound) || errors.Is(err, routers.ErrMethodNotAllowed) {
		return sc.checkErrorBody(status, header, body)
	}
	if err != nil {
		return fmt.Errorf("find route: %w", err)
	}
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 status,
		Header:                 header,
		Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	input.SetBodyBytes(body)
	return openapi3filter.ValidateResponse(req.Context(), input)
}

// checkErrorBody validates a JSON ErrorBody outside the document's routes.
func (sc *specChecker) checkErrorBody(status int, header http.Header, body []byte) error {
	if status != http.StatusNotFound && status != http.StatusMethodNotAllowed {
		return fmt.Errorf("status %d for a route the document does not have", status)
	}
	if ct := header.Get("Content-Type"); ct != "application/json" {
		return fmt.Errorf("content type %q, want application/json", ct)
	}
	var value any
	if err := json.Unmarshal(body, &value); err != nil {
		return fmt.Errorf("error body: %w", err)
	}
	schema := sc.doc.Components.Schemas["ErrorBody"].Value
	return schema.VisitJSON(value, openapi3.EnableJSONSchema2020())
}

// validatingTransport checks every response that passes through it against
// the document, failing the test on any mismatch.
type validatingTransport struct {
	t    testing.TB
	spec *specChecker
	next http.RoundTripper
}

func (vt *validatingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := vt.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if err := vt.spec.check(req, resp.StatusCode, resp.Header, body); err != nil {
		vt.t.Errorf("%s %s -> %d does not match %s: %v\nbody: %s", req.Method, req.URL.Path, resp.StatusCode, specPath, err, body)
	}
	return resp, nil
}

// TestSpecCatchesMismatches proves the checker is not vacuous: answers that
// break the contract are rejected.
func TestSpecCatchesMismatches(t *testing.T) {
	spec := loadSpec(t)
	jsonHeader := http.Header{"Content-Type": {"application/json"}}
	cases := []struct {
		name, method, path string
		status             int
		body               string
	}{
		{"missing field", "GET", "/health", 200, `{"status":"ok"}`},
		{"unknown field", "GET", "/health", 200, `{"status":"ok","terms_version":"x","extra":1}`},
		{"undocumented status", "GET", "/health", 418, `{"code":"internal","message":"x"}`},
		{"date not YYYY-MM-DD", "POST", "/accounts/lookup", 200,
			`{"account_ref":"r","service_address":"a","registered":false,"legacy_autopay":false,"legacy_paperless":false,"amount_due_cents":1,"due_date":"2024-06-14T00:00:00Z"}`},
		{"wrong error code for status", "POST", "/accounts/lookup", 404, `{"code":"not_found","message":"x"}`},
		{"unknown field code", "POST", "/registrations", 422, `{"code":"validation_failed","message":"x","fields":{"email":"nope"}}`},
		{"429 without Retry-After", "POST", "/sessions", 429, `{"code":"rate_limited","message":"x"}`},
		{"unknown route, not an ErrorBody", "GET", "/nope", 404, `{"error":"x"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, "http://sim.test/api/kiosk/v1"+tc.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := spec.check(req, tc.status, jsonHeader, []byte(tc.body)); err == nil {
				t.Errorf("checker accepted %s", tc.body)
			}
		})
	}
}

// TestSpecDocumentsEveryRoute keeps the simulator's routes and the document in step.
func TestSpecDocumentsEveryRoute(t *testing.T) {
	spec := loadSpec(t)
	documented := map[string]bool{}
	for path, item := range spec.doc.Paths.Map() {
		for method := range item.Operations() {
			documented[method+" "+path] = true
		}
	}
	for _, rt := range routes {
		key := rt.method + " " + rt.pattern
		if !documented[key] {
			t.Errorf("route %s is not in %s", key, specPath)
		}
		delete(documented, key)
	}
	for key := range documented {
		t.Errorf("%s documents %s, which the simulator does not serve", specPath, key)
	}
}

// TestSpecRefsStandAlone keeps the document meaning one thing in every tool.
// OpenAPI 3.1 lets a schema put keywords beside "$ref", but tools of the 3.0
// era (Prism 5, many generators) drop them: an error answer written
// {$ref: ErrorBody, properties: {code: ...}} became, to them, an ErrorBody
// without the properties ErrorBody allows. Narrowing a schema takes allOf.
func TestSpecRefsStandAlone(t *testing.T) {
	raw, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatal(err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		t.Fatal(err)
	}
	var walk func(n *yaml.Node, path []string)
	walk = func(n *yaml.Node, path []string) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, child := range n.Content {
				walk(child, path)
			}
		case yaml.MappingNode:
			var keys []string
			for i := 0; i+1 < len(n.Content); i += 2 {
				keys = append(keys, n.Content[i].Value)
				walk(n.Content[i+1], append(path, n.Content[i].Value))
			}
			if len(keys) > 1 && slices.Contains(keys, "$ref") {
				t.Errorf("line %d (%s): $ref beside %v; write allOf", n.Line, strings.Join(path, " > "), keys)
			}
		}
	}
	walk(&root, nil)
}
