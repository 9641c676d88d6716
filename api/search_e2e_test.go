package api_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/api/workflowservice/v1"

	"github.com/zhifa/zhifa/workflows"
)

// TestCaseFoundInTemporalByItsNumber opens a case over HTTP and finds its
// workflow the way an operator does in the Temporal UI or CLI: by the case
// number, agency, procedure, stage and overdue flag, and the stage follows
// the act that moves the case on.
func TestCaseFoundInTemporalByItsNumber(t *testing.T) {
	e := newEnv(t)
	officer, head := e.login("qs-officer1"), e.login("qs-head")
	id := e.openCase(officer)
	other := e.openCase(officer)
	r := e.do("GET", "/cases/"+id, officer, nil)
	require.Equal(t, http.StatusOK, r.status, string(r.raw))
	number := r.body["case"].(map[string]any)["number"].(string)
	require.NotEmpty(t, number)

	find := func(query string) []string {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		res, err := e.app.temporal.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Query: query})
		require.NoError(t, err, query)
		var ids []string
		for _, x := range res.GetExecutions() {
			ids = append(ids, x.GetExecution().GetWorkflowId())
		}
		return ids
	}
	// Visibility follows the workflow within moments, not at once.
	requireFound := func(query string, want ...string) {
		t.Helper()
		require.EventuallyWithT(t, func(c *assert.CollectT) {
			assert.ElementsMatch(c, want, find(query), query)
		}, 10*time.Second, 100*time.Millisecond)
	}

	byNumber := fmt.Sprintf("ZhifaCaseNumber = '%s'", number)
	requireFound(byNumber, workflows.CaseWorkflowID(id))
	requireFound(byNumber+" AND ZhifaAgency = 'jn-lj-qs' AND ZhifaProcedure = 'general-penalty' AND ZhifaStage = 'filing' AND ZhifaOverdue = false",
		workflows.CaseWorkflowID(id))
	requireFound("ZhifaStage = 'filing' AND ZhifaAgency = 'jn-lj-qs'", workflows.CaseWorkflowID(id), workflows.CaseWorkflowID(other))

	r = e.act(head, id, workflows.ActApproveFiling, map[string]any{"opinion": "同意立案"}, http.StatusOK)
	require.Equal(t, "investigation", stage(r))
	requireFound(byNumber+" AND ZhifaStage = 'investigation'", workflows.CaseWorkflowID(id))
	requireFound(byNumber + " AND ZhifaStage = 'filing'")
	requireFound("ZhifaStage = 'filing' AND ZhifaAgency = 'jn-lj-qs'", workflows.CaseWorkflowID(other))
}
