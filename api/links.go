package api

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/workflows"
)

// A case may belong to another case of the same agency: a seizure taken
// during a penalty case's investigation, or the compulsory execution of a
// penalty case's unpaid fine (CL 53–54; PL 72). The link is the linked
// case's ID on the new case; the linked case lists the cases opened from it.

var errLinkedAgency = newError(http.StatusConflict, "linked_case_other_agency",
	"关联案件须为本机关的案件", "the linked case must be one of this agency's cases")

// linkedCase checks the case a new case under item is opened from, and
// fills in what it hands over: for a compulsory execution, the unpaid
// fine (the obligation), the party and the field; for a compulsory
// measure, the open penalty case the measure is taken in.
func (s *Server) linkedCase(ctx context.Context, p *principal, agencyID string, item store.PowerItem, id string, in *workflows.OpenCaseInput) error {
	sum, state, err := s.readCase(ctx, p, id)
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, errCaseNotFound) {
		return invalid("关联案件不存在："+id, "no such linked case: "+id)
	} else if err != nil {
		return err
	}
	if sum.AgencyID != agencyID {
		return errLinkedAgency
	}
	if sum.Closed || sum.Ended != "" {
		return newError(http.StatusConflict, "linked_case_closed", "关联案件已办结", "the linked case is closed")
	}
	linkedItem, err := s.store.PowerItem(ctx, sum.PowerItemCode)
	if err != nil {
		return err
	}
	if linkedItem.Kind != authority.KindPenalty {
		return invalid("关联案件须为行政处罚案件", "the linked case must be a penalty case")
	}
	in.LinkedCase = sum.ID
	if item.Kind != authority.KindCompulsoryExecution {
		return nil
	}
	if in.Obligation != nil {
		return invalid("从处罚案件移交强制执行的，义务由该案件确定，不得另行填写 obligation",
			"an execution handed over from a penalty case takes its obligation from that case: do not send obligation")
	}
	o, err := state.view.Obligation(time.Now())
	if err != nil {
		return err
	}
	in.Obligation, in.Party = o, state.view.Party()
	// The execution is in the field of the decision executed: its
	// officers hold certificates for that field.
	in.PowerItem.Field = state.view.Field()
	if in.Facts == "" {
		in.Facts = "当事人逾期不缴纳罚款，" + sum.Number + " 案移交强制执行"
	}
	return nil
}

// linkedCases lists the cases opened from a case.
func (s *Server) linkedCases(ctx context.Context, id string) ([]casefile.Summary, error) {
	return s.store.LinkedCases(ctx, id)
}

// linkedWhile starts reading the cases opened from a case and returns
// what waits for the list.
func (s *Server) linkedWhile(ctx context.Context, id string) func() ([]casefile.Summary, error) {
	type result struct {
		linked []casefile.Summary
		err    error
	}
	ch := make(chan result, 1) // the read ends even if no one waits
	go func() {
		linked, err := s.linkedCases(ctx, id)
		ch <- result{linked, err}
	}()
	return func() ([]casefile.Summary, error) {
		r := <-ch
		return r.linked, r.err
	}
}
