package api_test

// Hostile input over HTTP: oversized, padded and malformed bodies, control
// characters in paths and queries, wrong JSON types, and a workflow engine
// that does not answer. Every one gets a 4xx or 503 with the error envelope,
// never a 500, and nothing refused is performed.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zhifa/zhifa/api"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

// send makes a request with a raw body and returns the answer and its
// headers. A body given as a plain io.Reader goes without Content-Length
// (chunked), so that only reading it shows how long it is.
func (e *env) send(method, path, token string, body io.Reader, headers ...string) (resp, http.Header) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.app.url+path, body)
	require.NoError(e.t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(e.t, err)
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	require.NoError(e.t, err)
	r := resp{status: res.StatusCode, raw: raw}
	_ = json.Unmarshal(raw, &r.body)
	return r, res.Header
}

// padded is body followed by spaces up to size bytes: valid JSON all the way.
func padded(body string, size int) string {
	return body + strings.Repeat(" ", size-len(body))
}

// chunked hides the length of s from the HTTP client.
func chunked(s string) io.Reader { return io.MultiReader(strings.NewReader(s)) }

func message(r resp) string {
	m, _ := r.body["error"].(map[string]any)["message"].(string)
	return m
}

func TestEdgeBodyLimits(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	approve := `{"opinion":"同意立案"}`
	login := `{"login":"qs-officer1","password":"` + demo.Password + `"}`

	tests := []struct {
		name, path, token string
		body              io.Reader
	}{
		{"act padded to 10 MB", "/cases/" + id + "/acts/approve-filing", p.head, strings.NewReader(padded(approve, 10<<20))},
		{"act padded to 10 MB, chunked", "/cases/" + id + "/acts/approve-filing", p.head, chunked(padded(approve, 10<<20))},
		{"act just over 1 MiB", "/cases/" + id + "/acts/approve-filing", p.head, strings.NewReader(padded(approve, 1<<20+1))},
		{"login of 1 MB", "/auth/login", "", strings.NewReader(padded(login, 1<<20))},
		{"login of 1 MB, chunked", "/auth/login", "", chunked(padded(login, 1<<20))},
		{"login just over 16 KiB, chunked", "/auth/login", "", chunked(padded(login, 16<<10+1))},
		{"refresh of 1 MB", "/auth/refresh", "", strings.NewReader(padded(`{"refresh_token":"x"}`, 1<<20))},
		{"import of 12 MiB", "/imports/officers", p.manager, strings.NewReader(padded("", 12<<20))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := e.send("POST", tt.path, tt.token, tt.body)
			requireError(t, r, http.StatusRequestEntityTooLarge, "body_too_large")
		})
	}

	// None of it was performed: the case still waits for its filing approval,
	// which the same body, unpadded, gives.
	r := e.do("GET", "/cases/"+id, p.head, nil)
	require.Equal(t, "filing", stage(r), "a refused body was acted on")
	r, _ = e.send("POST", "/cases/"+id+"/acts/approve-filing", p.head, strings.NewReader(padded(approve, 64<<10)))
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	require.Equal(t, "investigation", stage(r))

	// The largest legitimate act, a report of 50,000 Chinese characters (about
	// 150 KB), fits.
	e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, http.StatusOK)
	long := map[string]any{"facts": strings.Repeat("当", 50000), "proposal": report["proposal"]}
	e.act(p.officer2, id, workflows.ActSubmitReport, long, http.StatusOK)
}

func TestEdgeText(t *testing.T) {
	e := newEnv(t)
	token := e.login("qs-head")
	id := e.openCase(e.login("qs-officer1"))

	tests := []struct {
		name, method, path, body string
		status                   int
		code                     string
	}{
		{"NUL in the login", "POST", "/auth/login", `{"login":"qs-officer1\u0000","password":"x"}`, 400, "invalid_text"},
		{"NUL in the password", "POST", "/auth/login", `{"login":"qs-officer1","password":"\u0000"}`, 400, "invalid_text"},
		{"raw NUL byte", "POST", "/auth/login", "{\"login\":\"a\x00\",\"password\":\"x\"}", 400, "invalid_text"},
		{"invalid UTF-8", "POST", "/auth/login", "{\"login\":\"\xff\xfe\",\"password\":\"x\"}", 400, "invalid_text"},
		{"unpaired surrogate", "POST", "/auth/login", `{"login":"\ud800","password":"x"}`, 400, "invalid_text"},
		{"escaped backslash before u0000 is text", "POST", "/auth/login", `{"login":"a\\u0000","password":"x"}`, 401, "bad_credentials"},
		{"surrogate pair is text", "POST", "/auth/login", `{"login":"\ud83d\ude00","password":"x"}`, 401, "bad_credentials"},
		{"NUL in an act", "POST", "/cases/" + id + "/acts/approve-filing", `{"opinion":"同意\u0000"}`, 400, "invalid_text"},
		{"NUL in the path", "GET", "/officers/%00", "", 400, "invalid_text"},
		{"NUL in a case number", "GET", "/cases/%00", "", 400, "invalid_text"},
		{"invalid UTF-8 in the path", "GET", "/officers/%ff", "", 400, "invalid_text"},
		{"newline in the path", "GET", "/agencies/a%0Ab", "", 400, "invalid_text"},
		{"NUL in a query value", "GET", "/officers?agency_id=%00", "", 400, "invalid_text"},
		{"NUL in a query name", "GET", "/officers?a%00=1", "", 400, "invalid_text"},
		{"invalid UTF-8 in a query value", "GET", "/cases?agency_id=%c3%28", "", 400, "invalid_text"},
		{"malformed query escape", "GET", "/cases?agency_id=%zz", "", 400, "bad_request"},
		{"NUL in an unknown route", "GET", "/no/such/%00", "", 400, "invalid_text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
			}
			r, _ := e.send(tt.method, tt.path, token, body)
			requireError(t, r, tt.status, tt.code)
		})
	}

	t.Run("invalid UTF-8 in the Idempotency-Key", func(t *testing.T) {
		// The HTTP client sends no control characters in a header, but
		// bytes that are not UTF-8 it does.
		r, _ := e.send("POST", "/cases/"+id+"/acts/approve-filing", token, strings.NewReader(`{"opinion":"同意"}`),
			"Idempotency-Key", "key\xff")
		requireError(t, r, http.StatusBadRequest, "invalid_text")
	})
}

func TestEdgeJSONErrors(t *testing.T) {
	e := newEnv(t)
	officer := e.login("qs-officer1")

	tests := []struct {
		name, path, token, body string
		mentions                []string
	}{
		{"string where a string is wanted, given a number", "/auth/refresh", "", `{"refresh_token":5}`, []string{`"refresh_token"`, "string"}},
		{"nested field", "/cases", officer, `{"power_item_code":"JN-SC-CF-0001","party":{"name":7}}`, []string{`"party.name"`, "string"}},
		{"array wanted", "/cases", officer, `{"officer_ids":"qs-officer1"}`, []string{`"officer_ids"`, "array"}},
		{"object wanted", "/cases", officer, `{"party":[]}`, []string{`"party"`, "object"}},
		{"body not an object", "/auth/login", "", `["qs-officer1"]`, []string{"object"}},
		{"unknown field in login", "/auth/login", "", `{"login":"a","password":"b","admin":true}`, []string{`"admin"`}},
		{"syntax error", "/auth/login", "", `{"login":"a",}`, []string{"JSON", "byte"}},
		{"cut short", "/auth/login", "", `{"login":"a"`, []string{"JSON"}},
		{"trailing data", "/auth/login", "", `{"login":"a","password":"b"}}`, []string{"trailing"}},
		{"login without password", "/auth/login", "", `{"login":"a"}`, []string{"password"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := e.send("POST", tt.path, tt.token, strings.NewReader(tt.body))
			requireError(t, r, http.StatusBadRequest, "bad_request")
			for _, m := range tt.mentions {
				require.Contains(t, message(r), m)
			}
			for _, leak := range []string{"Go ", "struct", "json:", "refreshRequest", "int64"} {
				require.NotContains(t, message(r), leak, "the message speaks of Go")
			}
		})
	}
}

func TestEdgeHeaders(t *testing.T) {
	e := newEnv(t)
	security := map[string]string{
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
		"Referrer-Policy":         "no-referrer",
	}
	login := `{"login":"qs-officer1","password":"` + demo.Password + `"}`
	tests := []struct {
		name, method, path, body string
		status                   int
		noStore                  bool
	}{
		{"login", "POST", "/auth/login", login, 200, true},
		{"failed login", "POST", "/auth/login", `{"login":"qs-officer1","password":"wrong"}`, 401, true},
		{"refresh", "POST", "/auth/refresh", `{"refresh_token":"nope"}`, 401, true},
		{"unauthenticated", "GET", "/me", "", 401, true},
		{"no such route", "GET", "/no/such/route", "", 404, true},
		{"the public API document", "GET", "/openapi.json", "", 200, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
			}
			r, h := e.send(tt.method, tt.path, "", body)
			require.Equal(t, tt.status, r.status, string(r.raw))
			for k, v := range security {
				require.Equal(t, v, h.Get(k), k)
			}
			if tt.noStore {
				require.Equal(t, "no-store", h.Get("Cache-Control"))
			} else {
				require.NotContains(t, h.Get("Cache-Control"), "no-store")
			}
		})
	}
	t.Run("health check", func(t *testing.T) {
		res, err := http.Get(strings.TrimSuffix(e.app.url, "/api/v1") + "/healthz")
		require.NoError(t, err)
		res.Body.Close()
		for k, v := range security {
			require.Equal(t, v, res.Header.Get(k), k)
		}
	})
}

// silentEngine is a Temporal client whose updates fail with err, as they do
// when the engine does not answer in time.
type silentEngine struct {
	client.Client
	err error
}

func (s silentEngine) UpdateWorkflow(context.Context, client.UpdateWorkflowOptions) (client.WorkflowUpdateHandle, error) {
	return nil, s.err
}

func TestEdgeEngineDidNotAnswer(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	enf, err := policies.New()
	require.NoError(t, err)
	require.NoError(t, policies.Load(context.Background(), e.app.store, enf))

	tests := []struct {
		name string
		err  error
	}{
		{"context deadline", context.DeadlineExceeded},
		{"context cancelled", context.Canceled},
		{"service deadline", serviceerror.NewDeadlineExceeded("deadline exceeded")},
		{"service unavailable", serviceerror.NewUnavailable("connection refused")},
		{"service canceled", serviceerror.NewCanceled("canceled")},
		{"resource exhausted", serviceerror.NewResourceExhausted(0, "namespace rate limit exceeded")},
		{"gRPC status", status.Error(codes.Unavailable, "transport is closing")},
		{"update timed out", client.NewWorkflowUpdateServiceTimeoutOrCanceledError(serviceerror.NewDeadlineExceeded("context deadline exceeded"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := api.New(api.Options{Store: e.app.store, Enforcer: enf, Temporal: silentEngine{Client: e.app.temporal, err: tt.err},
				TaskQueue: workflows.TaskQueue, TokenSecret: testSecret})
			require.NoError(t, err)
			req, err := http.NewRequest("POST", "/api/v1/cases/"+id+"/acts/approve-filing", strings.NewReader(`{"opinion":"同意立案"}`))
			require.NoError(t, err)
			req.Header.Set("Authorization", "Bearer "+p.head)
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			r := resp{status: rec.Code, raw: rec.Body.Bytes()}
			require.NoError(t, json.Unmarshal(r.raw, &r.body), string(r.raw))
			requireError(t, r, http.StatusServiceUnavailable, "unavailable")
			require.Equal(t, "5", rec.Header().Get("Retry-After"))
		})
	}
}
