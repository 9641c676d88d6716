package workflows_test

import (
	"testing"

	"github.com/stretchr/testify/mock"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/temporal"

	"github.com/zhifa/zhifa/workflows"
)

// TestSearchAttributesFollowTheCase: the case's workflow carries its
// number, agency and procedure from the opening act, its stage as it moves
// on, and the overdue flag once the publication deadline has passed; each
// change is sent once.
func TestSearchAttributesFollowTheCase(t *testing.T) {
	c := newCaseTest(t, bj(2026, 9, 28, 8, 0))
	var sent []temporal.SearchAttributes
	c.env.OnUpsertTypedSearchAttributes(mock.Anything).Run(func(args mock.Arguments) {
		sent = append(sent, args.Get(0).(temporal.SearchAttributes))
	}).Return(nil)

	c.awaitingDecision()
	c.do(workflows.ActDecide, decide(head, proposedFine))
	c.do(workflows.ActServeDecision, serve(officer1))
	c.do(workflows.ActRecordPayment, workflows.RecordPaymentInput{ActBase: by(officer1), Amount: proposedFine, Receipt: "3301-2026-000456"})
	c.wait(bj(2026, 10, 14, 0, 0)) // the publication was due by 24:00 on 13 October
	c.do(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "临江县人民政府门户网站"})
	c.do(workflows.ActRecordExecution, confiscated(officer2))
	c.do(workflows.ActRequestClosing, reason(officer1, "罚款已缴清，执行完毕"))
	c.do(workflows.ActApproveClosing, opinion(head, "同意结案"))
	c.run()
	final := c.result()

	require.NotEmpty(t, sent)
	first := sent[0]
	number, _ := first.GetKeyword(workflows.CaseNumberAttribute)
	require.Equal(t, final.Number, number)
	require.NotEmpty(t, number)
	agency, _ := first.GetKeyword(workflows.AgencyAttribute)
	require.Equal(t, final.AgencyID, agency)
	procedure, _ := first.GetKeyword(workflows.ProcedureAttribute)
	require.Equal(t, workflows.ProcedureGeneral, procedure)

	var stages []string
	var overdue []bool
	numbers := 0
	for _, s := range sent {
		if v, ok := s.GetKeyword(workflows.StageAttribute); ok {
			stages = append(stages, v)
		}
		if v, ok := s.GetBool(workflows.OverdueAttribute); ok {
			overdue = append(overdue, v)
		}
		if s.ContainsKey(workflows.CaseNumberAttribute) {
			numbers++
		}
	}
	require.Equal(t, 1, numbers, "the number is sent once")
	require.Equal(t, []bool{false, true}, overdue, "not overdue from the opening, overdue once the publication deadline passed")
	require.Equal(t, string(workflows.StageClosed), stages[len(stages)-1])
	for i := 1; i < len(stages); i++ {
		require.NotEqual(t, stages[i-1], stages[i], "a stage is sent only when it changes: %v", stages)
	}
}
