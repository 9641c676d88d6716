package workflows_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

var host = workflows.Actor{OfficerID: "hh-sun", Name: "孙磊"}

// hearingFine is 150,000 元: above the built-in 较大数额 of 100,000 元 for
// an organization, so the party has the right to a hearing (PL 63(1)).
const hearingFine = workflows.Yuan(15_000_000)

// toHearingNotice takes a case with a proposed fine to the served notice.
func (c *caseTest) toHearingNotice(fine workflows.Yuan) {
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	c.do(workflows.ActSubmitReport, report(officer2, fine))
	c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	c.do(workflows.ActApprovePenalty, opinion(head, "同意"))
	c.do(workflows.ActServeNotice, serve(officer1))
}

func schedule(at, served string) workflows.ScheduleHearingInput {
	return workflows.ScheduleHearingInput{ActBase: by(head), Host: host.OfficerID, Clerk: "clerk-qian", At: parseBJ(at), Place: "本局听证室",
		Public: true, NoticeServedAt: parseBJ(served), NoticeMethod: "direct", HostQualified: true}
}

func hearingRecord(outcome string) workflows.RecordHearingInput {
	return workflows.RecordHearingInput{ActBase: by(host), Outcome: outcome, Agents: []string{"周律师"},
		Record: "调查人员陈述事实、证据和处罚建议；当事人申辩称已主动下架；双方质证", Signed: true,
		Report: "听证认定事实清楚，建议维持拟处罚意见"}
}

// TestHearingRequestedInTime_PL62_64: a 150,000 元 fine on a company gives
// the right to a hearing. The party asks for it on 2026-03-03, inside the
// window; no decision and no waiver pass while it is pending; the window
// still runs to its last day (03-09) and then the case goes to the
// hearing, not to the decision. The hearing notice served on 03-04 allows
// a hearing on 03-13 at the earliest (7 working days, PL 64(2)); the host
// may not be an investigator (PL 64(4)) and only the host records it; the
// decision clock stops from 03-03 to 03-13 (SAMR 64 ¶2), so the 90 days
// from 03-02 end on 2026-06-10 instead of 2026-06-01 (05-31 is a Sunday);
// the review runs again after the hearing (SAMR 50 ¶2), then the head
// decides on the record (PL 65).
func TestHearingRequestedInTime_PL62_64(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.toHearingNotice(hearingFine)
	notified := c.look()
	c.wait(bj(2026, 3, 3, 10, 0))
	c.do(workflows.ActRecordStatement, workflows.RecordStatementInput{ActBase: by(officer1), Text: "当事人要求听证", HearingRequested: true})
	requested := c.look()
	c.refuse(workflows.ActDecide, decide(head, hearingFine), workflows.CodeHearingPending)
	c.refuse(workflows.ActRecordWaiver, waiver(officer1), workflows.CodeHearingPending)
	c.wait(bj(2026, 3, 4, 10, 0))
	tooSoon := c.do(workflows.ActScheduleHearing, schedule("2026-03-12 09:30", "2026-03-04 10:00"))
	tooSoon.wantErr = workflows.CodeInvalidInput
	investigator := schedule("2026-03-13 09:30", "2026-03-04 10:00")
	investigator.Host = officer2.OfficerID
	c.refuse(workflows.ActScheduleHearing, investigator, workflows.CodeSeparationOfDuties)
	c.do(workflows.ActScheduleHearing, schedule("2026-03-13 09:30", "2026-03-04 10:00"))
	lastDay := c.lookAt(bj(2026, 3, 9, 23, 0))
	afterWindow := c.lookAt(bj(2026, 3, 10, 0, 30))
	c.wait(bj(2026, 3, 12, 10, 0))
	early := c.do(workflows.ActRecordHearing, hearingRecord("held"))
	early.wantErr = workflows.CodeWrongStep
	c.wait(bj(2026, 3, 13, 10, 0))
	notHost := hearingRecord("held")
	notHost.Actor = officer1
	c.refuse(workflows.ActRecordHearing, notHost, workflows.CodeNotOnCase)
	threeAgents := hearingRecord("held")
	threeAgents.Agents = []string{"周律师", "吴律师", "郑某"}
	c.refuse(workflows.ActRecordHearing, threeAgents, workflows.CodeInvalidInput)
	unsigned := hearingRecord("held")
	unsigned.Signed = false
	c.refuse(workflows.ActRecordHearing, unsigned, workflows.CodeInvalidInput)
	c.do(workflows.ActRecordHearing, hearingRecord("held"))
	held := c.look()
	c.refuse(workflows.ActDecide, decide(head, hearingFine), workflows.CodeReviewRequired)
	c.do(workflows.ActApproveReview, opinion(reviewer, "听证后审核同意"))
	c.do(workflows.ActDecide, decide(head, hearingFine))
	decided := c.look()
	c.cancel()
	c.run()

	n := notified.get(t)
	require.True(t, n.Notice.HearingRight)
	require.Contains(t, n.Notice.HearingBasis, "100000.00")
	require.Equal(t, []string{"statement", "defence", "recusal", "hearing"}, n.Notice.Rights, "the notice tells the party of the hearing (PL 44)")
	require.Equal(t, hearingFine, n.Notice.Proposal.Fine)
	require.Equal(t, "2026-06-01", deadline(t, n, "decision").DueDate, "90 days from 03-02 is Sunday 05-31, moved to Monday")
	r := requested.get(t)
	require.Equal(t, workflows.StageStatement, r.Stage, "the window stays open after the request")
	require.NotNil(t, deadline(t, r, "decision").PausedAt, "the decision clock stops for the hearing")
	require.Equal(t, workflows.StageStatement, lastDay.get(t).Stage)
	a := afterWindow.get(t)
	require.Equal(t, workflows.StageHearing, a.Stage, "the window's end leads to the hearing")
	require.Equal(t, "expired", a.Notice.ClosedHow)
	require.Equal(t, host.OfficerID, a.Hearing.HostID)
	require.Equal(t, "2026-03-13", deadline(t, a, "hearing").DueDate, "held and recorded by the end of its day")
	h := held.get(t)
	require.Equal(t, workflows.StageReview, h.Stage)
	require.Equal(t, "held", h.Hearing.Outcome)
	require.Equal(t, casefile.DeadlineMet, deadline(t, h, "hearing").State)
	dl := deadline(t, h, "decision")
	require.Nil(t, dl.PausedAt)
	require.Equal(t, 10, dl.Excluded)
	require.Equal(t, "2026-06-10", dl.DueDate)
	d := decided.get(t)
	require.Equal(t, workflows.StageService, d.Stage)
	require.Equal(t, hearingFine, d.Decision.Fine)
	var windowEvent casefile.Event
	for _, e := range c.rec.events() {
		if e.Act == "window-expired" {
			windowEvent = e
		}
	}
	require.NotContains(t, windowEvent.Summary, "放弃", "the record never says a party who asked for a hearing waived")
}

// TestNoHearingRightBelowThreshold_PL63: 99,999.99 元 on a company is
// below the 较大数额 of 100,000 元: a hearing request is refused with its
// reason and the party keeps its statement; an agency whose rule pack sets
// 50,000 元 gives the right for the same fine.
func TestNoHearingRightBelowThreshold_PL63(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.toHearingNotice(workflows.Yuan(9_999_999))
	c.refuse(workflows.ActRecordStatement, workflows.RecordStatementInput{ActBase: by(officer1), Text: "要求听证", HearingRequested: true}, workflows.CodeNoHearingRight)
	c.do(workflows.ActRecordStatement, workflows.RecordStatementInput{ActBase: by(officer1), Text: "当事人申辩"})
	below := c.look()
	c.cancel()
	c.run()
	b := below.get(t)
	require.False(t, b.Notice.HearingRight)
	require.Nil(t, b.Hearing)

	c = newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.rules = casefile.BuiltinRules()
	c.rules.AgencyID, c.rules.Version = "agency-linjiang", 2
	c.rules.HearingFine.Organization = 50_000_00
	c.toHearingNotice(workflows.Yuan(9_999_999))
	c.do(workflows.ActRecordStatement, workflows.RecordStatementInput{ActBase: by(officer1), Text: "要求听证", HearingRequested: true})
	local := c.look()
	c.cancel()
	c.run()
	l := local.get(t)
	require.True(t, l.Notice.HearingRight)
	require.Equal(t, 2, l.Notice.RulesVersion)
	require.NotNil(t, l.Hearing)
}

// TestHearingAbsenceIsWaiver_PL64: the party gives up the rest of its
// window in writing but keeps its hearing; it then does not come without a reason: the hearing ends as waived and the head may decide;
// no review again, since nothing new was heard.
func TestHearingAbsenceIsWaiver_PL64(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.toHearingNotice(hearingFine)
	c.do(workflows.ActRecordStatement, workflows.RecordStatementInput{ActBase: by(officer1), Text: "要求听证", HearingRequested: true})
	c.wait(bj(2026, 3, 3, 10, 0))
	c.do(workflows.ActScheduleHearing, schedule("2026-03-16 09:30", "2026-03-03 10:00"))
	rest := waiver(officer1)
	rest.KeepHearing = true
	c.do(workflows.ActRecordWaiver, rest)
	toHearing := c.look()
	c.wait(bj(2026, 3, 16, 11, 0))
	absent := hearingRecord("absent")
	absent.Record, absent.Report, absent.Agents = "当事人经合法通知无正当理由未到场", "", nil
	c.do(workflows.ActRecordHearing, absent)
	after := c.look()
	c.do(workflows.ActDecide, decide(head, hearingFine))
	c.cancel()
	c.run()
	require.Equal(t, workflows.StageHearing, toHearing.get(t).Stage, "giving up the rest of the window keeps the hearing")
	a := after.get(t)
	require.Equal(t, workflows.StageDecision, a.Stage)
	require.Equal(t, "absent", a.Hearing.Outcome)
	var last casefile.Event
	for _, e := range c.rec.events() {
		if e.Act == string(workflows.ActRecordHearing) {
			last = e
		}
	}
	require.Contains(t, last.Summary, "视为放弃听证权利")
}

// TestHearingKindsGiveTheRight_PL63: revoking a licence gives the right to
// a hearing whatever the fine; a request after the window is refused.
func TestHearingKindsGiveTheRight_PL63(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	rep := report(officer2, 0)
	rep.Proposal.Kinds, rep.Proposal.Penalty = []string{"warning", "revoke-licence"}, "警告并吊销食品经营许可证"
	c.do(workflows.ActSubmitReport, rep)
	c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	c.do(workflows.ActApprovePenalty, opinion(head, "同意"))
	c.do(workflows.ActServeNotice, serve(officer1))
	notified := c.look()
	c.wait(bj(2026, 3, 10, 9, 0))
	c.refuse(workflows.ActRecordStatement, workflows.RecordStatementInput{ActBase: by(officer1), Text: "要求听证", HearingRequested: true}, workflows.CodeWindowClosed)
	c.cancel()
	c.run()
	require.True(t, notified.get(t).Notice.HearingRight)
}

// parseBJ reads a Beijing time written "2006-01-02 15:04".
func parseBJ(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, bj(2026, 1, 1, 0, 0).Location())
	if err != nil {
		panic(err)
	}
	return t
}
