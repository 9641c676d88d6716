package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/workflows"
)

// TestSupervisorVerifiesACaseRecord: a supervisor checks a running case's
// record over HTTP, finds it intact, and finds the event someone changed
// by hand in the database; people who do not supervise the case cannot ask.
func TestSupervisorVerifiesACaseRecord(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	bsHead := e.login("bs-head")
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, map[string]any{"opinion": "同意立案"}, 200)
	e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, 200)
	events, err := e.app.store.Events(t.Context(), id)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(events), 3)

	for _, who := range []string{p.head, p.manager} {
		r := e.do("GET", "/cases/"+id+"/verify", who, nil)
		require.Equal(t, http.StatusOK, r.status, string(r.raw))
		require.Equal(t, id, r.body["case_id"])
		require.NotEmpty(t, r.body["number"])
		require.EqualValues(t, len(events), r.body["events"])
		require.Equal(t, true, r.body["intact"], string(r.raw))
		require.Nil(t, r.body["first_break"])
		require.Equal(t, true, r.body["workflow_head_checked"], "the case's workflow runs and was asked")
	}

	access := []struct {
		name, token, path string
		status            int
		code              string
	}{
		{"a handling officer does not supervise", p.officer1, "/cases/" + id + "/verify", 403, "forbidden"},
		{"a reviewer does not supervise", p.reviewer, "/cases/" + id + "/verify", 403, "forbidden"},
		{"another county's head does not see the case", bsHead, "/cases/" + id + "/verify", 404, "case_not_found"},
		{"an unknown case", p.manager, "/cases/no-such-case/verify", 404, "case_not_found"},
		{"no token", "", "/cases/" + id + "/verify", 401, "unauthenticated"},
	}
	for _, a := range access {
		t.Run(a.name, func(t *testing.T) {
			r := e.do("GET", a.path, a.token, nil)
			require.Equal(t, a.status, r.status, string(r.raw))
			require.Equal(t, a.code, r.errCode())
		})
	}

	// One byte of the second event's data changed by hand: a letter of its
	// first key, so the text stays valid.
	data := []byte(events[1].Data)
	data[2] ^= 1
	storetest.Exec(t, e.dbURL, e.dir, "UPDATE case_events SET data = ? WHERE case_id = ? AND seq = ?", string(data), id, 2)
	r := e.do("GET", "/cases/"+id+"/verify", p.manager, nil)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	require.Equal(t, false, r.body["intact"])
	brk := r.body["first_break"].(map[string]any)
	require.EqualValues(t, 2, brk["seq"])
	require.Equal(t, "hash_mismatch", brk["problem"])
	require.NotEmpty(t, brk["detail"])
	require.Equal(t, true, r.body["workflow_head_checked"])
}
