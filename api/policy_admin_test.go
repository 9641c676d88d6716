package api_test

// Permission lines changed at run time through the policy routes: persisted,
// audited, applied at once by the process that made the change and, through
// the policy version, by every other process at its next poll.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/api"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

// secondInstance starts another API process over the same database and
// Temporal client, as a second replica behind a load balancer would run,
// polling the policy version every poll. Its env talks to it.
func (e *env) secondInstance(poll time.Duration) *env {
	t := e.t
	t.Helper()
	enf, err := policies.New()
	require.NoError(t, err)
	require.NoError(t, policies.Load(context.Background(), e.app.store, enf))
	s, err := api.New(api.Options{Store: e.app.store, Enforcer: enf, Temporal: e.app.temporal, TaskQueue: workflows.TaskQueue,
		TokenSecret: []byte("test-secret-test-secret-test-secret!"), TokenTTL: time.Hour})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		policies.Watch(ctx, e.app.store, enf, poll)
	}()
	hs := httptest.NewServer(s.Handler())
	// Registered after newEnv's clean-up, so it runs before the store closes.
	t.Cleanup(func() {
		cancel()
		<-done
		hs.Close()
	})
	return &env{t: t, dir: e.dir, dbURL: e.dbURL,
		app: &app{t: t, url: hs.URL + "/api/v1", store: e.app.store, temporal: e.app.temporal, stopFn: func() {}}}
}

// line is a permission line as the policy routes take it.
func line(role casefile.Role, scope policies.Scope, obj policies.Object, act casefile.Act, cert policies.Requirement) map[string]any {
	return map[string]any{"role": role, "scope": scope, "object": obj, "act": act, "cert": cert}
}

func lineOf(v any) map[string]any {
	m := v.(map[string]any)
	return map[string]any{"role": casefile.Role(m["role"].(string)), "scope": policies.Scope(m["scope"].(string)),
		"object": policies.Object(m["object"].(string)), "act": casefile.Act(m["act"].(string)),
		"cert": policies.Requirement(m["cert"].(string))}
}

func (e *env) policyLines(token string) (lines []map[string]any, version float64) {
	e.t.Helper()
	r := e.do("GET", "/admin/policies", token, nil)
	require.Equal(e.t, http.StatusOK, r.status, string(r.raw))
	for _, it := range r.body["items"].([]any) {
		lines = append(lines, lineOf(it))
	}
	return lines, r.body["version"].(float64)
}

func (e *env) offers(token, caseID string, act casefile.Act) bool {
	e.t.Helper()
	r := e.do("GET", "/cases/"+caseID, token, nil)
	require.Equal(e.t, http.StatusOK, r.status, string(r.raw))
	return slices.Contains(acts(r), string(act))
}

// TestPermissionLineRemovedAndRestored: an administrator removes the head's
// filing approval; the head is refused at once on this process, the audit
// shows who did it, and a second process refuses too after its poll. Put
// back, the line works again on both.
func TestPermissionLineRemovedAndRestored(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	admin := e.login("jn-admin")
	e2 := e.secondInstance(50 * time.Millisecond)
	id := e.openCase(p.officer1)
	approve := line(casefile.RoleHead, policies.ScopeOwn, policies.ObjCase, workflows.ActApproveFiling, policies.NeedNone)

	// Both processes offer the head the approval; these reads also leave
	// the allow in both decision caches.
	require.True(t, e.offers(p.head, id, workflows.ActApproveFiling))
	require.True(t, e2.offers(p.head, id, workflows.ActApproveFiling))
	lines, v0 := e.policyLines(admin)
	require.Contains(t, lines, approve)

	r := e.do("DELETE", "/admin/policies", admin, approve)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	require.Equal(t, "removed", r.body["change"])
	require.Equal(t, approve, lineOf(r.body["line"]))
	require.Greater(t, r.body["version"].(float64), v0)

	// This process: the very next act is refused, cached allow or not.
	r = e.act(p.head, id, workflows.ActApproveFiling, nil, http.StatusForbidden)
	require.Equal(t, "forbidden", r.errCode())
	require.False(t, e.offers(p.head, id, workflows.ActApproveFiling))
	lines, v1 := e.policyLines(admin)
	require.NotContains(t, lines, approve)
	require.Greater(t, v1, v0)

	// The audit says who removed what, newest first.
	r = e.do("GET", "/admin/policies/audit?page_size=5", admin, nil)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	latest := r.body["items"].([]any)[0].(map[string]any)
	require.Equal(t, "removed", latest["change"])
	require.Equal(t, "jn-admin", latest["officer_id"])
	require.Equal(t, approve, lineOf(latest["line"]))
	require.Equal(t, v1, latest["version"])
	require.NotEmpty(t, latest["at"])
	require.Greater(t, r.body["total"].(float64), float64(len(lines)), "the seeding from policy.csv is audited too")

	// The second process follows after its poll.
	require.Eventually(t, func() bool { return !e2.offers(p.head, id, workflows.ActApproveFiling) }, 10*time.Second, 20*time.Millisecond)
	r = e2.act(p.head, id, workflows.ActApproveFiling, nil, http.StatusForbidden)
	require.Equal(t, "forbidden", r.errCode())

	// Put back: the head approves at once here ...
	r = e.do("POST", "/admin/policies", admin, approve)
	require.Equal(t, http.StatusCreated, r.status, string(r.raw))
	require.Equal(t, "added", r.body["change"])
	e.act(p.head, id, workflows.ActApproveFiling, map[string]any{"opinion": "同意立案"}, http.StatusOK)

	// ... and on the second process after its poll, which acts through the
	// same engine.
	id2 := e.openCase(p.officer1)
	require.Eventually(t, func() bool { return e2.offers(p.head, id2, workflows.ActApproveFiling) }, 10*time.Second, 20*time.Millisecond)
	r = e2.act(p.head, id2, workflows.ActApproveFiling, nil, http.StatusOK)
	require.Equal(t, "investigation", stage(r))
	e2.act(p.officer1, id, workflows.ActRecordEvidence, evidence, http.StatusOK)
}

// TestPolicyRoutesRefuseBadRequests: only an administrator over the whole
// tree reads or changes permission lines; a malformed line is refused with
// a code saying why; a refused request changes nothing.
func TestPolicyRoutesRefuseBadRequests(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	admin := e.login("jn-admin")
	good := line(casefile.RoleHearingHost, policies.ScopeOwn, policies.ObjTask, casefile.ActRead, policies.NeedNone)
	_, before := e.policyLines(admin)

	t.Run("non-administrators", func(t *testing.T) {
		for name, token := range map[string]string{"officer": p.officer1, "head": p.head, "reviewer": p.reviewer, "city manager": p.manager} {
			for _, rt := range []struct {
				method, path string
				body         any
			}{
				{"GET", "/admin/policies", nil},
				{"POST", "/admin/policies", good},
				{"DELETE", "/admin/policies", line(casefile.RoleHead, policies.ScopeOwn, policies.ObjCase, workflows.ActDecide, policies.NeedNone)},
				{"GET", "/admin/policies/audit", nil},
				{"POST", "/admin/policies", "{not json"},
			} {
				r := e.do(rt.method, rt.path, token, rt.body)
				require.Equal(t, http.StatusForbidden, r.status, "%s %s %s: %s", name, rt.method, rt.path, r.raw)
				require.Equal(t, "forbidden", r.errCode())
			}
		}
		require.Equal(t, http.StatusUnauthorized, e.do("GET", "/admin/policies", "", nil).status)
	})

	with := func(k string, v any) map[string]any {
		m := map[string]any{}
		for key, val := range good {
			m[key] = val
		}
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name   string
		method string
		body   any
		status int
		code   string
	}{
		{"malformed JSON", "POST", "{not json", 400, "bad_request"},
		{"unknown field", "POST", with("reason", "typo"), 400, "bad_request"},
		{"missing cert", "POST", with("cert", nil), 422, "invalid_policy_line"},
		{"unknown role", "POST", with("role", "clerk"), 422, "invalid_policy_line"},
		{"unknown object", "POST", with("object", "file"), 422, "invalid_policy_line"},
		{"unknown act", "POST", with("act", "pay-bribe"), 422, "invalid_policy_line"},
		{"unknown scope", "POST", with("scope", "above"), 422, "invalid_policy_line"},
		{"a certificate state is no requirement", "POST", with("cert", "expired"), 422, "invalid_policy_line"},
		{"unknown act, removing", "DELETE", with("act", "pay-bribe"), 422, "invalid_policy_line"},
		{"a line that is there", "POST", line(casefile.RoleHead, policies.ScopeOwn, policies.ObjCase, workflows.ActDecide, policies.NeedNone), 409, "policy_line_exists"},
		{"a line that is not there", "DELETE", good, 404, "policy_line_not_found"},
		{"the administrator's own right to manage", "DELETE", line(casefile.RoleAdmin, policies.ScopeOwn, policies.ObjPolicy, casefile.ActManage, policies.NeedNone), 409, "policy_lockout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(tt.method, "/admin/policies", admin, tt.body)
			require.Equal(t, tt.status, r.status, string(r.raw))
			require.Equal(t, tt.code, r.errCode(), string(r.raw))
			require.Contains(t, r.body["error"].(map[string]any)["message"], " / ", "message in Chinese and English")
		})
	}
	r := e.do("GET", "/admin/policies/audit?page=0", admin, nil)
	require.Equal(t, http.StatusBadRequest, r.status, string(r.raw))

	lines, after := e.policyLines(admin)
	require.Equal(t, before, after, "refused requests changed nothing")
	require.NotContains(t, lines, good)

	// Removing a line the administrator does not depend on is fine, and
	// an added line is listed.
	below := line(casefile.RoleAdmin, policies.ScopeBelow, policies.ObjPolicy, casefile.ActManage, policies.NeedNone)
	r = e.do("DELETE", "/admin/policies", admin, below)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	r = e.do("POST", "/admin/policies", admin, good)
	require.Equal(t, http.StatusCreated, r.status, string(r.raw))
	lines, _ = e.policyLines(admin)
	require.Contains(t, lines, good)
	require.NotContains(t, lines, below)
}
