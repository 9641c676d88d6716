package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

// verifyCase checks a case's record (执法全过程记录) for supervisors: the
// stored hash chain, the case row's end of it and, while the case's
// workflow runs, the head the workflow holds. Whoever reads the deadlines
// of the case's agency supervises it; anyone else learns nothing of the
// case (404).
func (s *Server) verifyCase(c *gin.Context) {
	ctx := c.Request.Context()
	id := c.Param("id")
	sum, _, err := s.store.Case(ctx, id)
	if err != nil {
		fail(c, err)
		return
	}
	ok, err := s.allowed(caller(c), sum.AgencyID, policies.ObjDeadline, casefile.ActRead)
	if err != nil {
		fail(c, err)
		return
	}
	if !ok {
		fail(c, errCaseNotFound)
		return
	}
	rep, err := s.store.VerifyRecord(ctx, id, WorkflowHeads{Temporal: s.temporal})
	if err != nil {
		fail(c, err)
		return
	}
	if rep.HeadUnchecked != "" {
		slog.Warn("workflow head of a case not compared with its record", "caseID", id, "err", rep.HeadUnchecked)
	}
	if !rep.Intact {
		slog.Warn("case record broken", "caseID", id, "seq", rep.FirstBreak.Seq, "problem", rep.FirstBreak.Problem)
	}
	c.JSON(http.StatusOK, rep)
}

// headTimeout bounds asking a workflow for its head: a workflow whose
// worker is down does not answer a query, and the stored record is worth
// reporting without it.
const headTimeout = 5 * time.Second

// WorkflowHeads asks the case workflows on a Temporal cluster for the head
// of their hash chain (the State query's seq and last_hash); it is the
// store.HeadSource of `zhifa audit verify` and of the verify route.
type WorkflowHeads struct {
	Temporal client.Client
}

// WorkflowHead returns the head of the case's workflow while it runs; a
// workflow that closed, ended or never started is not running.
func (h WorkflowHeads) WorkflowHead(ctx context.Context, caseID string) (store.ChainHead, bool, error) {
	ctx, cancel := context.WithTimeout(ctx, headTimeout)
	defer cancel()
	id := workflows.CaseWorkflowID(caseID)
	var nf *serviceerror.NotFound
	desc, err := h.Temporal.DescribeWorkflowExecution(ctx, id, "")
	if errors.As(err, &nf) {
		return store.ChainHead{}, false, nil
	} else if err != nil {
		return store.ChainHead{}, false, fmt.Errorf("describe workflow %s: %w", id, err)
	}
	if desc.GetWorkflowExecutionInfo().GetStatus() != enums.WORKFLOW_EXECUTION_STATUS_RUNNING {
		return store.ChainHead{}, false, nil
	}
	v, err := h.Temporal.QueryWorkflow(ctx, id, "", workflows.StateQuery)
	if errors.As(err, &nf) {
		return store.ChainHead{}, false, nil // closed since
	} else if err != nil {
		return store.ChainHead{}, false, fmt.Errorf("query workflow %s: %w", id, err)
	}
	var head struct {
		Seq      int    `json:"seq"`
		LastHash string `json:"last_hash"`
	}
	if err := v.Get(&head); err != nil {
		return store.ChainHead{}, false, fmt.Errorf("query workflow %s: %w", id, err)
	}
	return store.ChainHead{Seq: head.Seq, Hash: head.LastHash}, true, nil
}
