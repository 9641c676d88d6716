package workflows_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// TestContinuedRunKeepsTimersAndActIDs: a long case hands over to a new run
// (continue-as-new) with its state. In the new run the party's statement
// window still closes on time (SAMR 57: 5 working days from service of the
// notice on Wednesday 2026-03-11 — the last day is Wednesday 2026-03-18),
// the record's hash chain goes on where it stopped, and an act retried with
// an ID performed in the previous run is accepted without being performed
// again.
func TestContinuedRunKeepsTimersAndActIDs(t *testing.T) {
	first := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	first.do(workflows.ActOpenCase, first.open)
	first.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	first.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	first.do(workflows.ActSubmitReport, report(officer2, proposedFine))
	first.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	first.do(workflows.ActApprovePenalty, opinion(head, "同意"))
	first.wait(bj(2026, 3, 11, 10, 0))
	first.sendAs("notice-key", workflows.ActServeNotice, serve(officer1), "")
	handed := first.look()
	first.cancel()
	first.run()
	state := handed.get(t)
	require.Equal(t, workflows.StageStatement, state.Stage)
	require.Equal(t, "2026-03-18", deadline(t, state, "statement").DueDate)

	next := newCaseTest(t, bj(2026, 3, 12, 9, 0))
	carried, err := json.Marshal(state)
	require.NoError(t, err)
	next.open = workflows.OpenCaseInput{Carry: &workflows.Carry{State: carried, Updates: []string{"notice-key"}}}
	next.rec.seed(t, state)
	retried := next.sendAs("notice-key", workflows.ActServeNotice, serve(officer1), "")
	before := next.lookAt(bj(2026, 3, 18, 23, 59))
	after := next.lookAt(bj(2026, 3, 19, 0, 1))
	next.wait(bj(2026, 3, 19, 0, 2))
	next.cancel()
	next.run()

	require.True(t, retried.accepted && retried.completed, "the retried act is answered as done")
	require.Equal(t, workflows.StageStatement, before.get(t).Stage, "the window is open to its last day")
	require.Zero(t, before.records, "the retried act was not performed again")
	require.Equal(t, workflows.StageDecision, after.get(t).Stage, "the window closed at 24:00 of its last day")

	events := next.rec.events()
	require.Len(t, events, 1)
	require.Equal(t, "window-expired", events[0].Act)
	require.Equal(t, state.Seq+1, events[0].Seq)
	require.Equal(t, state.LastHash, events[0].PrevHash, "the chain goes on where the last run stopped")
	require.True(t, events[0].At.Equal(bj(2026, 3, 19, 0, 0)), "closed at %s", events[0].At)
	require.Equal(t, casefile.DeadlineMet, deadline(t, after.get(t), "statement").State)
	recorded := next.rec.snapshot(t)
	require.Equal(t, workflows.StageDecision, recorded.Stage, "the record follows the continued run")
	require.Equal(t, "expired", recorded.Notice.ClosedHow)
}

// TestHandedOverCaseLeavesLongTextsInTheRecord: what a run hands to the
// next carries a reference, not the text, for long statements and evidence.
func TestHandedOverCaseLeavesLongTextsInTheRecord(t *testing.T) {
	long := ""
	for range 1000 {
		long += "陈述"
	}
	ref := casefile.Ref(long)
	require.Less(t, len(ref), 200)
	require.Contains(t, ref, "sha256:")
	require.Equal(t, "短文本", casefile.Ref("短文本"))
}

// TestRefusedRecordLeavesTheCaseUsable: when the database refuses an act's
// record for good, the act fails with record_refused, the case is exactly as
// before it (no evidence entry, no gap in the record's numbering) and the
// next act goes through.
func TestRefusedRecordLeavesTheCaseUsable(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.rec.refuse = func(r casefile.Record) bool { return strings.Contains(string(r.Event.Data), "拒收") }
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	bad := evidence(officer1, officer1.OfficerID, officer2.OfficerID)
	bad.Description = "数据库拒收的证据"
	failed := c.sendAs("bad", workflows.ActRecordEvidence, bad, "")
	failed.wantErr = workflows.CodeRecordRefused
	after := c.look()
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	last := c.look()
	c.cancel()
	c.run()

	require.Empty(t, after.get(t).Evidence, "the refused entry is not in the case")
	require.Equal(t, 2, after.get(t).Seq)
	require.Len(t, last.get(t).Evidence, 1)
	events := c.rec.events()
	require.Equal(t, []string{"open-case", "approve-filing", "record-evidence"}, c.rec.acts())
	require.NoError(t, casefile.VerifyChain(events), "no gap and no broken link in the record")
}

// TestARefusedActKeepsWhatARefusedSystemRecordChanged: the filing
// deadline passes (SAMR 18: 15 working days from 2 March 2026, the last
// being 23 March) while the database refuses records; the case says it is
// overdue, and an act refused afterwards puts the case back as it was
// before that act — overdue — not as the record last stored it.
func TestARefusedActKeepsWhatARefusedSystemRecordChanged(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.rec.refuse = func(r casefile.Record) bool {
		return r.Event.Act == "deadline-overdue" || strings.Contains(string(r.Event.Data), "拒收")
	}
	c.do(workflows.ActOpenCase, c.open)
	opened := c.look()
	c.wait(bj(2026, 3, 24, 1, 0))
	overdue := c.look()
	failed := c.sendAs("bad", workflows.ActApproveFiling, opinion(head, "数据库拒收的意见"), "")
	failed.wantErr = workflows.CodeRecordRefused
	after := c.look()
	c.cancel()
	c.run()

	require.Equal(t, "2026-03-23", deadline(t, opened.get(t), "filing").DueDate)
	require.Equal(t, casefile.DeadlineOpen, deadline(t, opened.get(t), "filing").State)
	require.Equal(t, casefile.DeadlineOverdue, deadline(t, overdue.get(t), "filing").State)
	became := deadline(t, after.get(t), "filing")
	require.Equal(t, casefile.DeadlineOverdue, became.State, "the refused act leaves the deadline overdue")
	require.NotNil(t, became.OverdueAt)
	require.True(t, became.OverdueAt.Equal(bj(2026, 3, 24, 0, 0)), "overdue since 24:00 on 23 March, not again after the refused act: %s", became.OverdueAt)
	require.Equal(t, 1, after.get(t).Seq)
	require.Equal(t, []string{"open-case"}, c.rec.acts())
}

// TestDatabaseDownIsWaitedOut: while the database is down the act's record
// is retried with backoff; when it answers, the case catches up, the act is
// recorded once and the case goes on.
func TestDatabaseDownIsWaitedOut(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	c.schedule(c.next(), func() { c.rec.mu.Lock(); c.rec.down = 4; c.rec.mu.Unlock() })
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	c.do(workflows.ActSubmitReport, report(officer2, proposedFine))
	c.cancel()
	c.run()
	require.Equal(t, []string{"open-case", "approve-filing", "record-evidence", "submit-report"}, c.rec.acts())
	require.NoError(t, casefile.VerifyChain(c.rec.events()))
}
