package workflows_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// TestWithdrawalDueThreeWorkdaysAfterTheChange_PL48: the court confirms the
// published decision void on Friday 2026-03-06; the officer records it on
// Monday 03-09. The 3 working days run from the change, not from the
// record: the publication must be withdrawn by Wednesday 03-11 (PL 48 ¶2;
// SAMR 63). The withdrawal states its public reason — required, at most
// 500 characters — and once withdrawn the text can no longer be corrected.
func TestWithdrawalDueThreeWorkdaysAfterTheChange_PL48(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.awaitingDecision()
	c.do(workflows.ActDecide, decide(head, proposedFine))
	c.do(workflows.ActServeDecision, serve(officer1))
	c.do(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "临江县人民政府门户网站"})
	c.do(workflows.ActRecordRemedy, workflows.RemedyInput{ActBase: by(officer1), Kind: "lawsuit", Organ: "临江县人民法院", On: "2026-03-03"})
	c.wait(bj(2026, 3, 9, 10, 0))
	c.do(workflows.ActEndRemedy, workflows.RemedyInput{ActBase: by(officer1), Kind: "lawsuit", Organ: "临江县人民法院", On: "2026-03-06",
		Result: "（2026）临行初 3 号判决：确认原处罚决定无效", Outcome: "confirmed-void"})
	overturned := c.look()
	withdraw := func(reason string) workflows.WithdrawPublicationInput {
		return workflows.WithdrawPublicationInput{ActBase: by(officer1), Opinion: reason}
	}
	c.refuse(workflows.ActWithdrawPublication, withdraw(" "), workflows.CodeInvalidInput)
	c.refuse(workflows.ActWithdrawPublication, withdraw(strings.Repeat("撤", 501)), workflows.CodeInvalidInput)
	c.wait(bj(2026, 3, 10, 15, 0))
	c.do(workflows.ActWithdrawPublication, withdraw("该行政处罚决定已被人民法院确认无效"))
	withdrawn := c.look()
	c.refuse(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), CorrectedText: "更正后的全文", Reason: "更正"}, workflows.CodeWrongStep)
	c.cancel()
	c.run()

	o := overturned.get(t)
	require.Equal(t, "confirmed-void", o.Decision.Overturned)
	require.Equal(t, "2026-03-11", deadline(t, o, "withdrawal").DueDate, "3 working days from Friday 03-06")
	require.Equal(t, workflows.Yuan(0), o.Surcharge(bj(2026, 5, 1, 9, 0)), "nothing accrues on a void decision")
	w := withdrawn.get(t)
	require.Equal(t, "该行政处罚决定已被人民法院确认无效", w.Publication.Withdrawal)
	require.Equal(t, bj(2026, 3, 10, 15, 1).Unix(), w.Publication.WithdrawnAt.Unix(), "a minute after the wait, as every act")
	require.Equal(t, casefile.DeadlineMet, deadline(t, w, "withdrawal").State)
}

// TestPublishedTextCorrected_SAMRPUB12: a published text found inaccurate
// is corrected (更正; SAMR-PUB 12; HB (三)): the corrected text with its
// reason, each correction kept in order; nothing can be corrected before
// it is published, and a correction needs both the text and the reason.
func TestPublishedTextCorrected_SAMRPUB12(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.awaitingDecision()
	c.do(workflows.ActDecide, decide(head, proposedFine))
	c.do(workflows.ActServeDecision, serve(officer1))
	correct := func(text, reason string) workflows.PublishInput {
		return workflows.PublishInput{ActBase: by(officer2), CorrectedText: text, Reason: reason}
	}
	c.refuse(workflows.ActPublish, correct("违法事实：销售超过保质期的酸奶 12 盒", "数量有误"), workflows.CodeWrongStep)
	c.do(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "临江县人民政府门户网站"})
	c.refuse(workflows.ActPublish, correct("违法事实：销售超过保质期的酸奶 12 盒", ""), workflows.CodeInvalidInput)
	c.refuse(workflows.ActPublish, correct("", "数量有误"), workflows.CodeInvalidInput)
	c.refuse(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "临江县人民政府门户网站"}, workflows.CodeWrongStep)
	c.wait(bj(2026, 3, 4, 10, 0))
	c.do(workflows.ActPublish, correct("违法事实：销售超过保质期的酸奶 12 盒", "原公示的酸奶数量有误，更正为 12 盒"))
	c.wait(bj(2026, 3, 5, 10, 0))
	c.do(workflows.ActPublish, correct("违法事实：销售超过保质期的酸奶 12 盒，货值 60 元", "补充货值"))
	corrected := c.look()
	c.cancel()
	c.run()

	p := corrected.get(t).Publication
	require.Equal(t, "违法事实：销售超过保质期的酸奶 12 盒，货值 60 元", p.Text)
	require.Len(t, p.Corrections, 2)
	require.Equal(t, "原公示的酸奶数量有误，更正为 12 盒", p.Corrections[0].Reason)
	require.Equal(t, bj(2026, 3, 4, 10, 1).Unix(), p.Corrections[0].At.Unix(), "a minute after the wait, as every act")
	require.Equal(t, "补充货值", p.Corrections[1].Reason)
}

// TestWarningAloneNotPublishedWhereThePackSaysSo_SAMRPUB2: under a rule pack
// that leaves warnings out, a decision that only warns has no publication
// deadline and cannot be published, and the case closes without it; a
// warning with a fine is published as always.
func TestWarningAloneNotPublishedWhereThePackSaysSo_SAMRPUB2(t *testing.T) {
	warningCase := func(kinds []string, fine workflows.Yuan) *caseTest {
		c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
		c.rules.Publication.OmitWarnings = true
		c.do(workflows.ActOpenCase, c.open)
		c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
		c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
		rep := report(officer2, fine)
		rep.Proposal.Kinds, rep.Proposal.Penalty = kinds, "警告"
		c.do(workflows.ActSubmitReport, rep)
		c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
		c.do(workflows.ActApprovePenalty, opinion(head, "同意"))
		c.do(workflows.ActServeNotice, serve(officer1))
		c.do(workflows.ActRecordWaiver, waiver(officer1))
		d := decide(head, fine)
		d.Kinds, d.Penalty = kinds, "警告"
		c.do(workflows.ActDecide, d)
		return c
	}

	w := warningCase([]string{"warning"}, 0)
	decided := w.look()
	w.do(workflows.ActServeDecision, serve(officer1))
	w.refuse(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "临江县人民政府门户网站"}, workflows.CodeWrongStep)
	w.do(workflows.ActRequestClosing, reason(officer1, "警告已随决定书送达执行"))
	w.cancel()
	w.run()
	d := decided.get(t)
	require.False(t, d.Decision.Published)
	require.Contains(t, d.Decision.Unpublished, "市场监督管理行政处罚信息公示规定第二条")
	for _, dl := range d.Deadlines {
		require.NotEqual(t, "publication", dl.Key, "no publication deadline for a warning alone")
	}

	f := warningCase([]string{"warning", "fine"}, 200_00)
	fined := f.look()
	f.cancel()
	f.run()
	require.True(t, fined.get(t).Decision.Published)
	require.Equal(t, "2026-03-11", deadline(t, fined.get(t), "publication").DueDate, "a warning with a fine: 7 working days (GB118)")
}
