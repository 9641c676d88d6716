package api_test

// Who is asking is read from the database once per session and kept for a
// few seconds; a change to it must still decide the very next request.

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/workflows"
)

// identityTables are the tables the API reads, per session, to know who is
// asking.
var identityTables = []string{"sessions", "officers", "role_assignments", "certificates", "certificate_history"}

// TestChangesToTheCallerCountOnTheNextRequest: each caller has just been
// served (so what they are is kept), then an administrator or the caller
// changes it; the next request is decided on the change.
func TestChangesToTheCallerCountOnTheNextRequest(t *testing.T) {
	e := newEnv(t)
	admin := e.login("jn-admin")
	officer := e.login("qs-officer1")
	head := e.login("qs-head")
	id := e.openCase(officer)

	// A revoked certificate: the next act is refused for it.
	want(t, e.do("GET", "/me", officer, nil), 200, "")
	want(t, e.do("POST", "/certificates/JN-QS-2024-001/revoke", admin, map[string]any{"reason": "吊销执法证"}), 200, "")
	r := e.do("GET", "/me", officer, nil)
	want(t, r, 200, "")
	require.Equal(t, "suspended", r.body["certificate_state"], "a revoked certificate allows nothing")
	want(t, e.do("POST", "/cases", officer, newCase), 403, "certificate_suspended")

	// A removed role: the head's next approval is refused.
	want(t, e.do("GET", "/cases/"+id, head, nil), 200, "")
	want(t, e.do("DELETE", "/officers/qs-head/roles/jn-lj-qs/head", admin, nil), 200, "")
	r = e.do("POST", "/cases/"+id+"/acts/"+string(workflows.ActApproveFiling), head, map[string]any{"opinion": "同意立案"})
	require.Contains(t, []int{http.StatusForbidden, http.StatusNotFound}, r.status, "no longer a head: %s", r.raw)

	// A logged-out token is refused at once.
	s := e.loginSession("qs-officer2", demo.Password)
	require.Equal(t, http.StatusOK, e.me(s.token))
	require.Equal(t, http.StatusNoContent, e.do("POST", "/auth/logout", s.token, nil).status)
	requireError(t, e.do("GET", "/me", s.token, nil), http.StatusUnauthorized, "unauthenticated")

	// A disabled account too.
	reviewer := e.login("qs-reviewer")
	require.Equal(t, http.StatusOK, e.me(reviewer))
	want(t, e.do("POST", "/officers/qs-reviewer/disable", admin, map[string]any{"reason": "调离执法岗位"}), 200, "")
	requireError(t, e.do("GET", "/me", reviewer, nil), http.StatusUnauthorized, "unauthenticated")
}

// TestAnActReadsWhoIsAskingOncePerSession: an act by a caller already
// served this session reads nothing of who they are; the first reads it
// once, however many acts the answer lists.
func TestAnActReadsWhoIsAskingOncePerSession(t *testing.T) {
	e := newEnv(t)
	officer, head := e.login("qs-officer1"), e.login("qs-head")
	first, second := e.openCase(officer), e.openCase(officer)
	st := e.app.store

	// The head's first request of the session: who they are is read.
	before, beforeAll := st.Statements(identityTables...), st.Statements()
	e.act(head, first, workflows.ActApproveFiling, map[string]any{"opinion": "同意立案"}, http.StatusOK)
	cold, coldAll := st.Statements(identityTables...)-before, st.Statements()-beforeAll
	// The next one: nothing of it is read again.
	before, beforeAll = st.Statements(identityTables...), st.Statements()
	e.act(head, second, workflows.ActApproveFiling, map[string]any{"opinion": "同意立案"}, http.StatusOK)
	warm, warmAll := st.Statements(identityTables...)-before, st.Statements()-beforeAll
	t.Logf("approve-filing: %d statements (%d on identity tables) for the session's first request, %d (%d) for the next",
		coldAll, cold, warmAll, warm)
	require.LessOrEqual(t, cold, int64(5), "the session checked, the officer, roles, certificates and their history, read once")
	require.Zero(t, warm, "nothing of who is asking is read again")
}
