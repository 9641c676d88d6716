package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// TestAnActReadsTheCaseOnlyToAnswer: the checks before an act read the
// case as this process recorded it last (its agency, procedure and field
// never change; whether it is still open the workflow says again), so an
// act on such a case touches the cases table only to record the act and
// to list the linked cases; a case the process does not keep is read first.
func TestAnActReadsTheCaseOnlyToAnswer(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, http.StatusOK)
	st := e.app.store

	before := st.Statements("cases")
	r := e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, http.StatusOK)
	require.Equal(t, int64(2), st.Statements("cases")-before, "the record's update and the linked cases, no read before the act")
	require.Equal(t, "investigation", stage(r))

	// Another agency's officer still finds no such case.
	other := e.act(e.login("bs-officer1"), id, workflows.ActRecordEvidence, evidence, http.StatusNotFound)
	require.Equal(t, "case_not_found", other.errCode())
}
