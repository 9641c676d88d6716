package workflows

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
)

// clockCase is a one-deadline procedure that pauses, resumes and extends
// its deadline on request: the deadline mechanics the next procedures use
// (hearings pause the decision clock; approvals extend measures).
type clockCase struct{ Core }

const limitClock LimitKey = "clock"

var clockProcedure = &Procedure[*clockCase]{
	ID: "clock-test", Workflow: "ClockTest", Stages: []Stage{"running", "closed"}, Closed: "closed",
	Names:  map[Stage]string{"running": "进行中", "closed": "已结案"},
	Limits: map[LimitKey]Limit{limitClock: {5, casefile.Days, "test", "测试期限", false}},
	New:    func() *clockCase { return &clockCase{} }, Tasks: func(*clockCase) []casefile.Task { return nil },
	Carried: func(c *clockCase) *clockCase { return c }, Opening: func(*OpenCaseInput) error { return nil },
	Acts: []ActSpec[*clockCase]{
		{Act: ActOpenCase, Opening: true, New: func() Input { return &OpenCaseInput{} },
			Apply: func(r *Run[*clockCase], ctx workflow.Context, c *clockCase, in Input, now time.Time) (string, error) {
				d, err := r.deadline(ctx, "clock", limitClock, now)
				if err != nil {
					return "", err
				}
				r.open(ctx, d)
				return "open", nil
			}},
		{Act: "pause", New: newOpinion, Apply: func(r *Run[*clockCase], ctx workflow.Context, c *clockCase, in Input, now time.Time) (string, error) {
			r.pause("clock", now)
			return "pause", nil
		}},
		{Act: "resume", New: newOpinion, Apply: func(r *Run[*clockCase], ctx workflow.Context, c *clockCase, in Input, now time.Time) (string, error) {
			_, err := r.resume(ctx, "clock", now)
			return "resume", err
		}},
		{Act: "extend", New: newOpinion, Apply: func(r *Run[*clockCase], ctx workflow.Context, c *clockCase, in Input, now time.Time) (string, error) {
			return "extend", r.extend(ctx, "clock", 3, casefile.Days, "test")
		}},
	},
}

// TestDeadlinePausesResumesAndExtends: a deadline due at 24:00 on day 5
// is paused for five days (its clock stops: it cannot run out meanwhile),
// resumed (due five days later), extended by 3 days, and runs out exactly
// then — not a moment before.
func TestDeadlinePausesResumesAndExtends(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	env := s.NewTestWorkflowEnvironment()
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, beijing)
	env.SetStartTime(start)
	env.RegisterWorkflowWithOptions(clockProcedure.workflowFunc(), workflow.RegisterOptions{Name: clockProcedure.Workflow})
	// The fake calendar: n calendar days, due at 24:00 of the last one; no holidays.
	env.RegisterActivityWithOptions(func(_ context.Context, in ComputeDeadlineInput) (ComputeDeadlineResult, error) {
		y, m, d := in.Start.In(beijing).Date()
		due := time.Date(y, m, d+in.Amount+1, 0, 0, 0, 0, beijing)
		return ComputeDeadlineResult{DueDate: due.AddDate(0, 0, -1).Format(time.DateOnly), DueAt: due, WarnAt: due.AddDate(0, 0, -1)}, nil
	}, activity.RegisterOptions{Name: ComputeDeadlineActivity})
	var events []casefile.Event
	env.RegisterActivityWithOptions(func(_ context.Context, rec casefile.Record) error {
		events = append(events, rec.Event)
		return nil
	}, activity.RegisterOptions{Name: RecordActivity})
	var states []clockCase
	at := func(when time.Time, fn func()) { env.RegisterDelayedCallback(fn, when.Sub(start)) }
	act := func(when time.Time, name casefile.Act, in any) {
		at(when, func() {
			env.UpdateWorkflow(string(name), string(name), &testsuite.TestUpdateCallback{
				OnReject: func(err error) { t.Errorf("%s rejected: %v", name, err) }, OnAccept: func() {}, OnComplete: func(any, error) {}}, in)
		})
	}
	look := func(when time.Time) {
		at(when, func() {
			v, err := env.QueryWorkflow(StateQuery)
			require.NoError(t, err)
			var c clockCase
			require.NoError(t, v.Get(&c))
			states = append(states, c)
		})
	}
	officer := Actor{OfficerID: "o", Name: "o"}
	act(start.Add(time.Minute), ActOpenCase, &OpenCaseInput{ActBase: ActBase{Actor: officer}})
	look(start.Add(2 * time.Minute)) // due 2026-03-07, passes 2026-03-08 00:00
	act(time.Date(2026, 3, 4, 10, 0, 0, 0, beijing), "pause", &OpinionInput{})
	look(time.Date(2026, 3, 9, 12, 0, 0, 0, beijing)) // past the old due moment: paused, not overdue
	act(time.Date(2026, 3, 9, 12, 0, 1, 0, beijing), "resume", &OpinionInput{})
	look(time.Date(2026, 3, 9, 12, 1, 0, 0, beijing))
	act(time.Date(2026, 3, 10, 9, 0, 0, 0, beijing), "extend", &OpinionInput{})
	look(time.Date(2026, 3, 15, 23, 59, 0, 0, beijing))
	look(time.Date(2026, 3, 16, 0, 30, 0, 0, beijing))
	at(time.Date(2026, 3, 16, 1, 0, 0, 0, beijing), env.CancelWorkflow)
	env.ExecuteWorkflow(clockProcedure.Workflow, OpenCaseInput{})

	require.Len(t, states, 5)
	require.Equal(t, "2026-03-07", states[0].Deadlines[0].DueDate)
	paused := states[1].Deadlines[0]
	require.Equal(t, casefile.DeadlineOpen, paused.State, "a paused deadline does not run out")
	require.NotNil(t, paused.PausedAt)
	resumed := states[2].Deadlines[0]
	// Paused from 03-04 to 03-09: those 5 days do not count, so 5 + 5 days
	// from 03-02.
	require.True(t, resumed.DueAt.Equal(time.Date(2026, 3, 13, 0, 0, 0, 0, beijing)), "due at %s", resumed.DueAt)
	require.Equal(t, "2026-03-12", resumed.DueDate)
	require.Equal(t, 5, resumed.Excluded)
	extended := states[3].Deadlines[0]
	require.Equal(t, "2026-03-15", extended.DueDate, "3 more days: 5 + 3 + 5 from 03-02")
	require.Equal(t, casefile.DeadlineOpen, extended.State, "not yet run out at 23:59 on 03-15")
	require.Len(t, extended.Extensions, 1)
	require.Equal(t, casefile.DeadlineOverdue, states[4].Deadlines[0].State, "the extended deadline passed at 24:00 of 03-15")
	var acts []string
	for _, e := range events {
		acts = append(acts, e.Act)
	}
	require.Equal(t, []string{"open-case", "pause", "resume", "extend", "deadline-overdue"}, acts)
}
