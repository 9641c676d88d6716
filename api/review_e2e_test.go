package api_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// TestFirstTimeReviewerNeedsQualificationOverHTTP_PL58: once the
// reviewer's legal professional qualification is cleared, the reviewer,
// who has never reviewed, is refused (403 reviewer_not_qualified); with
// it recorded again the review passes.
func TestFirstTimeReviewerNeedsQualificationOverHTTP_PL58(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	admin := e.login("jn-admin")
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	e.act(p.officer1, id, workflows.ActRecordEvidence, evidence, 200)
	e.act(p.officer2, id, workflows.ActSubmitReport, report, 200)

	r := e.do("DELETE", "/officers/qs-reviewer/legal-qualification", admin, map[string]any{"reason": "资格证书待核实"})
	require.Equal(t, 200, r.status, string(r.raw))
	r = e.act(p.reviewer, id, workflows.ActApproveReview, nil, http.StatusForbidden)
	require.Equal(t, "reviewer_not_qualified", r.errCode())
	require.Contains(t, string(r.raw), "法律职业资格")

	r = e.do("PUT", "/officers/qs-reviewer/legal-qualification", admin, map[string]any{"number": "A20193301020345", "obtained_on": "2019-12-20"})
	require.Equal(t, 200, r.status, string(r.raw))
	r = e.act(p.reviewer, id, workflows.ActApproveReview, nil, 200)
	require.Equal(t, "penalty-approval", stage(r))
}
