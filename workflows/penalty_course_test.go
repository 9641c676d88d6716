package workflows_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

var head2 = workflows.Actor{OfficerID: "h-liu", Name: "刘强"}

func excluded(kind, text string) workflows.ExclusionInput {
	return workflows.ExclusionInput{ActBase: by(officer1), Kind: kind, Description: text}
}

func discussion(until string, heads ...string) workflows.DiscussionInput {
	return workflows.DiscussionInput{ActBase: by(head), Participants: []string{head.OfficerID, head2.OfficerID}, Heads: heads,
		Conclusion: "案情复杂，同意", Record: "2026 年第 5 次局长办公会议纪要", Until: until}
}

// TestDecisionClockExclusionAndExtension_SAMR64: filed on 2026-03-02, the
// 90 days end on Monday 06-01 (05-31 is a Sunday). A testing period from
// 03-10 to 03-20 does not count: 10 days more, 06-10. The head extends by
// 30 days once: 07-10. A second extension by the head is refused; the
// heads' collective discussion, with two heads, fixes 08-31.
func TestDecisionClockExclusionAndExtension_SAMR64(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.filed()
	filed := c.look()
	c.wait(bj(2026, 3, 10, 9, 0))
	c.refuse(workflows.ActEndExclusion, excluded("", "检测结果"), workflows.CodeWrongStep)
	c.do(workflows.ActStartExclusion, excluded("testing", "抽样送省食品检验研究院检验"))
	testing := c.look()
	c.wait(bj(2026, 3, 20, 15, 0))
	c.do(workflows.ActEndExclusion, excluded("", "检验报告：菌落总数超标"))
	afterTesting := c.look()
	c.do(workflows.ActExtendDecision, workflows.ExtendInput{ActBase: by(head), Days: 30, Reason: "案情复杂"})
	extended := c.look()
	c.refuse(workflows.ActExtendDecision, workflows.ExtendInput{ActBase: by(head), Days: 10, Reason: "仍需调查"}, workflows.CodeCollectiveRequired)
	c.refuse(workflows.ActExtendByHeads, discussion("2026-08-31", head.OfficerID), workflows.CodeInvalidInput)
	c.refuse(workflows.ActExtendByHeads, discussion("2026-07-10", head.OfficerID, head2.OfficerID), workflows.CodeInvalidInput)
	c.do(workflows.ActExtendByHeads, discussion("2026-08-31", head.OfficerID, head2.OfficerID))
	byHeads := c.look()
	c.cancel()
	c.run()

	require.Equal(t, "2026-06-01", deadline(t, filed.get(t), "decision").DueDate)
	require.NotNil(t, deadline(t, testing.get(t), "decision").PausedAt)
	a := deadline(t, afterTesting.get(t), "decision")
	require.Equal(t, "2026-06-10", a.DueDate)
	require.Equal(t, 10, a.Excluded)
	require.Equal(t, "2026-07-10", deadline(t, extended.get(t), "decision").DueDate)
	b := byHeads.get(t)
	require.Equal(t, "2026-08-31", deadline(t, b, "decision").DueDate)
	require.Len(t, b.Discussions, 1)
}

// TestSuspensionStopsTheClock_SAMR46: suspended by the head from 03-10 to
// 03-30, the case takes no act meanwhile and its 90 days lose 20: 3-02 +
// 110 days is Saturday 06-20, in the Dragon Boat holiday (06-19 to 06-21),
// so the last day is Monday 06-22.
func TestSuspensionStopsTheClock_SAMR46(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.filed()
	c.wait(bj(2026, 3, 10, 9, 0))
	c.refuse(workflows.ActSuspendCase, reason(officer1, "当事人下落不明"), workflows.CodeSeparationOfDuties)
	c.do(workflows.ActSuspendCase, reason(head, "当事人下落不明"))
	suspended := c.look()
	c.refuse(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID), workflows.CodeWrongStep)
	c.wait(bj(2026, 3, 30, 9, 0))
	c.do(workflows.ActResumeCase, reason(head, "当事人已到案"))
	resumed := c.look()
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	c.cancel()
	c.run()

	s := suspended.get(t)
	require.Equal(t, workflows.StageSuspended, s.Stage)
	require.NotNil(t, deadline(t, s, "decision").PausedAt)
	r := resumed.get(t)
	require.Equal(t, workflows.StageInvestigation, r.Stage)
	require.Equal(t, "2026-06-22", deadline(t, r, "decision").DueDate)
}

// TestTransferToJudicialOrgan_PL27: a suspected crime found in the
// investigation on Thursday 2026-03-05 is transferred by the head to the
// public security organ with the property list; the handling ends, the
// decision limit is met, and the 15 working days to fill in the closing
// form run to 2026-03-26.
func TestTransferToJudicialOrgan_PL27(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.filed()
	c.wait(bj(2026, 3, 5, 10, 0))
	tr := workflows.TransferInput{ActBase: by(head), To: "judicial", Receiver: "临江县公安局", Reason: "货值金额五万元以上，涉嫌生产、销售伪劣产品罪",
		Properties: []string{"过期酸奶 24 盒（扣押于本局仓库）"}}
	missing := tr
	missing.Receiver = ""
	c.refuse(workflows.ActTransferCase, missing, workflows.CodeInvalidInput)
	c.do(workflows.ActTransferCase, tr)
	after := c.look()
	c.do(workflows.ActRequestClosing, reason(officer1, "已移送公安机关"))
	c.do(workflows.ActApproveClosing, opinion(head, "同意结案"))
	c.run()

	a := after.get(t)
	require.Equal(t, workflows.StageClosing, a.Stage)
	require.Equal(t, "transferred-judicial", a.Outcome)
	require.Equal(t, "临江县公安局", a.Transfer.Receiver)
	require.Len(t, a.Transfer.Properties, 1)
	require.NotNil(t, deadline(t, a, "decision").MetAt)
	require.Equal(t, "2026-03-26", deadline(t, a, "closing").DueDate)
	require.Equal(t, workflows.StageClosed, c.result().Stage)
}

// TestMajorCaseNeedsCollectiveDiscussion_PL57: the agency's rule pack
// makes a fine of 50,000 元 or more on a company a major case; the head
// alone cannot decide it; a discussion naming one head is refused, one
// naming two is recorded, and then the head decides.
func TestMajorCaseNeedsCollectiveDiscussion_PL57(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.rules.MajorCaseFine.Organization = 50_000_00
	c.toHearingNotice(hearingFine)
	c.do(workflows.ActRecordWaiver, waiver(officer1))
	c.refuse(workflows.ActDecide, decide(head, hearingFine), workflows.CodeCollectiveRequired)
	c.refuse(workflows.ActRecordDiscussion, discussion("", head.OfficerID), workflows.CodeInvalidInput)
	c.do(workflows.ActRecordDiscussion, discussion("", head.OfficerID, head2.OfficerID))
	c.do(workflows.ActDecide, decide(head, hearingFine))
	decided := c.look()
	c.cancel()
	c.run()
	d := decided.get(t)
	require.True(t, d.Major)
	require.Contains(t, d.MajorBasis, "50000.00")
	require.Equal(t, workflows.StageService, d.Stage)
}

// TestFilingAndReviewExtended_SAMR18_55: the filing limit of a case
// applied for on Monday 2026-03-02 ends on 03-23 (15 working days); the
// head extends it by 15 working days once: 30 working days from 03-02,
// skipping Qingming (04-04 to 04-06), is 04-14; a second extension is
// refused. A review round opened on 03-02 ends on 03-16 (10 working days);
// the head extends it by 5: 03-23.
func TestFilingAndReviewExtended_SAMR18_55(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	c.refuse(workflows.ActExtendFiling, workflows.ExtendInput{ActBase: by(head), Days: 16, Reason: "案情复杂"}, workflows.CodeInvalidInput)
	c.do(workflows.ActExtendFiling, workflows.ExtendInput{ActBase: by(head), Days: 15, Reason: "需核查进货来源"})
	c.refuse(workflows.ActExtendFiling, workflows.ExtendInput{ActBase: by(head), Days: 5, Reason: "仍需核查"}, workflows.CodeWrongStep)
	filing := c.look()
	c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	c.do(workflows.ActSubmitReport, report(officer1, proposedFine))
	c.refuse(workflows.ActExtendReview, workflows.ExtendInput{ActBase: by(officer1), Days: 5, Reason: "疑难"}, workflows.CodeSeparationOfDuties)
	c.do(workflows.ActExtendReview, workflows.ExtendInput{ActBase: by(head), Days: 5, Reason: "法律适用疑难"})
	review := c.look()
	c.cancel()
	c.run()
	require.Equal(t, "2026-04-14", deadline(t, filing.get(t), "filing").DueDate)
	require.Equal(t, "2026-03-23", deadline(t, review.get(t), "review#1").DueDate)
}

// TestDecisionClockShowsDaysUsedExcludedLeft_SAMR64: filed on 2026-03-02,
// a testing period from 03-10 to 03-20 (10 days left out): on 03-25 the
// case has used 13 days and has 77 left to 06-10; on 03-15, during the
// testing, it has used 8, left out 5 so far, and stands at 83 days from
// the testing's start to its last day then, 06-01 (the 90th day, 05-31, is
// a Sunday).
func TestDecisionClockShowsDaysUsedExcludedLeft_SAMR64(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.filed()
	c.wait(bj(2026, 3, 10, 9, 0))
	c.do(workflows.ActStartExclusion, excluded("appraisal", "委托鉴定"))
	during := c.lookAt(bj(2026, 3, 15, 9, 0))
	c.wait(bj(2026, 3, 20, 9, 0))
	c.do(workflows.ActEndExclusion, excluded("", "鉴定意见"))
	after := c.lookAt(bj(2026, 3, 25, 9, 0))
	c.wait(bj(2026, 3, 25, 10, 0))
	c.cancel()
	c.run()
	d := during.get(t)
	require.Equal(t, &workflows.Clock{DueDate: "2026-06-01", Used: 8, Excluded: 5, Left: 83, Stopped: true, State: "open"},
		d.DecisionClock(bj(2026, 3, 15, 9, 0)))
	a := after.get(t)
	require.Equal(t, &workflows.Clock{DueDate: "2026-06-10", Used: 13, Excluded: 10, Left: 77, State: "open"},
		a.DecisionClock(bj(2026, 3, 25, 9, 0)))
}
