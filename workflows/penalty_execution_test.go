package workflows_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// fined is a decided case with a fine of 5,000 元 due on 2026-03-31.
func fined() workflows.Case {
	return workflows.Case{
		Core:     workflows.Core{Deadlines: []casefile.Deadline{{Key: "payment", Step: "payment", DueDate: "2026-03-31"}}},
		Decision: &workflows.Decision{Outcome: "penalty", Fine: 500000},
	}
}

// TestSurcharge_PL72_73: 3 % a day of the unpaid fine from the day after
// it fell due, never more than the fine (PL 72(1); CL 45), nothing while a
// reconsideration is pending (PL 73 ¶3).
func TestSurcharge_PL72_73(t *testing.T) {
	c := fined()
	require.Equal(t, workflows.Yuan(0), c.Surcharge(bj(2026, 3, 31, 23, 0)), "nothing on the last day")
	require.Equal(t, workflows.Yuan(15000), c.Surcharge(bj(2026, 4, 1, 9, 0)), "150 元 on the first day late")
	require.Equal(t, workflows.Yuan(150000), c.Surcharge(bj(2026, 4, 10, 9, 0)), "10 days: 1,500 元")
	require.Equal(t, workflows.Yuan(495000), c.Surcharge(bj(2026, 5, 3, 9, 0)), "33 days: 4,950 元")
	require.Equal(t, workflows.Yuan(500000), c.Surcharge(bj(2026, 5, 10, 9, 0)), "capped at the fine")

	// 2,000 元 paid on 04-05: 4 days at 150 元, then 6 days at 90 元.
	part := fined()
	part.Payments = []workflows.Payment{{Amount: 200000, At: bj(2026, 4, 5, 10, 0)}}
	require.Equal(t, workflows.Yuan(114000), part.Surcharge(bj(2026, 4, 10, 9, 0)))

	// Reconsideration filed on 04-03, decided on 04-08: 04-03 to 04-07 do not count.
	rec := fined()
	rec.Remedies = []workflows.Remedy{{Kind: "reconsideration", FiledOn: "2026-04-03", EndedOn: "2026-04-08"}}
	require.Equal(t, workflows.Yuan(75000), rec.Surcharge(bj(2026, 4, 10, 9, 0)))

	// Instalments of 2,500 元 due 04-30 and 05-31: on 05-02 two days late on the first.
	inst := fined()
	inst.Deferral = &workflows.Deferral{Instalments: []workflows.Instalment{{Amount: 250000, Due: "2026-04-30"}, {Amount: 250000, Due: "2026-05-31"}}}
	require.Equal(t, workflows.Yuan(0), inst.Surcharge(bj(2026, 4, 10, 9, 0)), "nothing before an instalment falls due")
	require.Equal(t, workflows.Yuan(15000), inst.Surcharge(bj(2026, 5, 2, 9, 0)))
}

// TestDeferralAndRemedies_PL66_73: the decision served on Monday
// 2026-03-02 states the last day to apply for reconsideration, 60 days
// later, 05-01, in the Labour Day holiday, so 05-06 (05-01 to 05-05 are
// holidays), and to sue, 6 months later, 09-02. The fine of 5,000 元 is due
// on 03-17; the head approves two instalments, 2,000 元 by 04-15 and
// 3,000 元 by 05-15, on the party's written application: the payment
// deadline moves to 05-15. Instalments that do not add up to the fine are
// refused, and so is a handling officer approving.
func TestDeferralAndRemedies_PL66_73(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.awaitingDecision()
	c.do(workflows.ActDecide, decide(head, proposedFine))
	c.do(workflows.ActServeDecision, serve(officer1))
	served := c.look()
	plan := workflows.DeferralInput{ActBase: by(head), Application: "分期缴纳申请书（2026-03-05）", Reason: "当事人经营困难",
		Instalments: []workflows.Instalment{{Amount: 200000, Due: "2026-04-15"}, {Amount: 300000, Due: "2026-05-15"}}}
	short := plan
	short.Instalments = []workflows.Instalment{{Amount: 200000, Due: "2026-04-15"}}
	c.refuse(workflows.ActApproveDeferral, short, workflows.CodeInvalidInput)
	byOfficer := plan
	byOfficer.Actor = officer1
	c.refuse(workflows.ActApproveDeferral, byOfficer, workflows.CodeSeparationOfDuties)
	c.do(workflows.ActApproveDeferral, plan)
	c.do(workflows.ActRecordRemedy, workflows.RemedyInput{ActBase: by(officer1), Kind: "reconsideration", Organ: "临江县人民政府", On: "2026-03-10"})
	deferred := c.look()
	c.cancel()
	c.run()

	s := served.get(t)
	require.Equal(t, "2026-03-17", deadline(t, s, "payment").DueDate)
	require.Equal(t, "2026-05-06", s.Service.Remedies.ReconsiderationBy)
	require.Equal(t, "2026-09-02", s.Service.Remedies.LawsuitBy)
	d := deferred.get(t)
	require.Equal(t, "2026-05-15", deadline(t, d, "payment").DueDate)
	require.Len(t, d.Deferral.Instalments, 2)
	require.Len(t, d.Remedies, 1)
}

// TestPublicationWithdrawnWhenRevoked_PL48: the published decision is
// revoked by the reconsideration organ on Monday 2026-03-09: the agency
// must withdraw the publication within 3 working days, by Thursday 03-12
// (PL 48 ¶2; SAMR 63), which the handling officers do with the public
// reason; no surcharge accrues on a revoked decision.
func TestPublicationWithdrawnWhenRevoked_PL48(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.awaitingDecision()
	c.do(workflows.ActDecide, decide(head, proposedFine))
	c.do(workflows.ActServeDecision, serve(officer1))
	c.do(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "临江县人民政府门户网站"})
	c.refuse(workflows.ActWithdrawPublication, reason(officer1, "决定已撤销"), workflows.CodeWrongStep)
	c.do(workflows.ActRecordRemedy, workflows.RemedyInput{ActBase: by(officer1), Kind: "reconsideration", Organ: "临江县人民政府", On: "2026-03-03"})
	c.wait(bj(2026, 3, 9, 10, 0))
	noOutcome := c.do(workflows.ActEndRemedy, workflows.RemedyInput{ActBase: by(officer1), Kind: "reconsideration", Organ: "临江县人民政府", On: "2026-03-09", Result: "撤销"})
	noOutcome.wantErr = workflows.CodeInvalidInput
	c.do(workflows.ActEndRemedy, workflows.RemedyInput{ActBase: by(officer1), Kind: "reconsideration", Organ: "临江县人民政府", On: "2026-03-09",
		Result: "临政复决〔2026〕5号：撤销原处罚决定", Outcome: "revoked"})
	revoked := c.look()
	c.wait(bj(2026, 3, 11, 10, 0))
	c.do(workflows.ActWithdrawPublication, reason(officer1, "该行政处罚决定已被复议机关撤销"))
	withdrawn := c.look()
	c.cancel()
	c.run()

	r := revoked.get(t)
	require.Equal(t, "revoked", r.Decision.Overturned)
	require.Equal(t, "2026-03-12", deadline(t, r, "withdrawal").DueDate)
	require.Equal(t, workflows.Yuan(0), r.Surcharge(bj(2026, 5, 1, 9, 0)))
	w := withdrawn.get(t)
	require.NotNil(t, w.Publication.WithdrawnAt)
	require.Equal(t, casefile.DeadlineMet, deadline(t, w, "withdrawal").State)
}

// TestNonMonetaryPenaltyCarriedOut_SAMR77: a decision to suspend business
// has no fine: once served the case is at closing, but it cannot close
// until the suspension is recorded as carried out; only the decision's
// own kinds can be recorded, each once.
func TestNonMonetaryPenaltyCarriedOut_SAMR77(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	rep := report(officer2, 0)
	rep.Proposal.Kinds, rep.Proposal.Penalty = []string{"warning", "suspend-business"}, "警告并责令停业整顿"
	c.do(workflows.ActSubmitReport, rep)
	c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	c.do(workflows.ActApprovePenalty, opinion(head, "同意"))
	c.do(workflows.ActServeNotice, serve(officer1))
	c.do(workflows.ActRecordWaiver, waiver(officer1))
	d := decide(head, 0)
	d.Kinds, d.Penalty = []string{"warning", "suspend-business"}, "警告并责令停业整顿"
	c.do(workflows.ActDecide, d)
	c.do(workflows.ActServeDecision, serve(officer1))
	c.do(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "临江县人民政府门户网站"})
	c.refuse(workflows.ActRequestClosing, reason(officer1, "结案"), workflows.CodeWrongStep)
	c.refuse(workflows.ActRecordExecution, workflows.ExecutionInput{ActBase: by(officer1), Kind: "warning", Description: "已警告"}, workflows.CodeInvalidInput)
	c.do(workflows.ActRecordExecution, workflows.ExecutionInput{ActBase: by(officer1), Kind: "suspend-business", Description: "已责令停业整顿，现场张贴停业通知"})
	c.refuse(workflows.ActRecordExecution, workflows.ExecutionInput{ActBase: by(officer1), Kind: "suspend-business", Description: "再次记录"}, workflows.CodeWrongStep)
	c.do(workflows.ActRequestClosing, reason(officer1, "处罚已执行完毕"))
	done := c.look()
	c.cancel()
	c.run()
	dn := done.get(t)
	require.Equal(t, []string{"suspend-business"}, dn.Decision.ToExecute)
	require.Len(t, dn.Executions, 1)
	require.Equal(t, workflows.StageClosingApproval, dn.Stage)
}

// TestCreditRegistryPublication_SAMRPUB9: where the agency's rule pack
// says so, a penalty on an enterprise decided on Monday 2026-03-02 is also
// published in the enterprise credit registry within 20 working days, by
// 03-30, and the case cannot close before; a warning alone is not (SAMR-PUB
// 2, 9).
func TestCreditRegistryPublication_SAMRPUB9(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.rules.CreditRegistry = true
	c.awaitingDecision()
	c.do(workflows.ActDecide, decide(head, proposedFine))
	decided := c.look()
	c.do(workflows.ActServeDecision, serve(officer1))
	c.do(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "临江县人民政府门户网站"})
	c.do(workflows.ActRecordPayment, workflows.RecordPaymentInput{ActBase: by(officer1), Amount: proposedFine, Receipt: "ICBC-9"})
	c.do(workflows.ActRecordExecution, confiscated(officer2))
	c.refuse(workflows.ActRequestClosing, reason(officer1, "结案"), workflows.CodeWrongStep)
	c.do(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "国家企业信用信息公示系统", Registry: true})
	c.refuse(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "国家企业信用信息公示系统", Registry: true}, workflows.CodeWrongStep)
	c.do(workflows.ActRequestClosing, reason(officer1, "结案"))
	c.cancel()
	c.run()
	d := decided.get(t)
	require.True(t, d.Decision.Registry)
	require.Equal(t, "2026-03-30", deadline(t, d, "publication-registry").DueDate)

	w := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	w.rules.CreditRegistry = true
	w.do(workflows.ActOpenCase, w.open)
	w.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	w.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	rep := report(officer2, 0)
	rep.Proposal.Kinds, rep.Proposal.Penalty = []string{"warning"}, "警告"
	w.do(workflows.ActSubmitReport, rep)
	w.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	w.do(workflows.ActApprovePenalty, opinion(head, "同意"))
	w.do(workflows.ActServeNotice, serve(officer1))
	w.do(workflows.ActRecordWaiver, waiver(officer1))
	warn := decide(head, 0)
	warn.Kinds, warn.Penalty = []string{"warning"}, "警告"
	w.do(workflows.ActDecide, warn)
	warned := w.look()
	w.cancel()
	w.run()
	require.False(t, warned.get(t).Decision.Registry, "a warning alone is not published in the registry")
}

// TestUnpaidFineHandedOverToExecution_PL72_CL53: a fine of 5,000 元 due on
// 2026-03-31 is handed over to execution only from 04-01, for what is
// still unpaid, with the remedies' last days the decision stated and the
// surcharge accrued; a deferral moves the hand-over to the instalment
// missed and tells the court window's start (PL 72 ¶2); a revoked
// decision is never executed (CL 41).
func TestUnpaidFineHandedOverToExecution_PL72_CL53(t *testing.T) {
	c := fined()
	c.Number = "青市监立〔2026〕3号"
	c.Service = &workflows.Service{Method: "direct", At: bj(2026, 3, 16, 10, 0),
		Remedies: &workflows.Remedies{ReconsiderationBy: "2026-05-15", LawsuitBy: "2026-09-16"}}
	_, err := c.Obligation(bj(2026, 3, 31, 23, 0))
	require.Equal(t, workflows.CodeWrongStep, workflows.RejectionCode(err), "not on the last day to pay")
	c.Payments = []workflows.Payment{{Amount: 200000, At: bj(2026, 3, 20, 10, 0)}}
	o, err := c.Obligation(bj(2026, 4, 2, 9, 0))
	require.NoError(t, err)
	require.Equal(t, workflows.Obligation{Decision: "青市监立〔2026〕3号 行政处罚决定书", Kind: "money", Amount: 300000, DueDate: "2026-03-31",
		ServedOn: "2026-03-16", ReconsiderationBy: "2026-05-15", LawsuitBy: "2026-09-16", Surcharge: 18000}, *o)

	inst := c
	inst.Deferral = &workflows.Deferral{Instalments: []workflows.Instalment{{Amount: 200000, Due: "2026-04-30"}, {Amount: 300000, Due: "2026-05-31"}}}
	_, err = inst.Obligation(bj(2026, 5, 20, 9, 0))
	require.Equal(t, workflows.CodeWrongStep, workflows.RejectionCode(err), "the first instalment was paid in time")
	o, err = inst.Obligation(bj(2026, 6, 1, 9, 0))
	require.NoError(t, err)
	require.Equal(t, "2026-05-31", o.DueDate)
	require.Equal(t, "2026-05-31", o.DeferredUntil)

	revoked := c
	revoked.Decision = &workflows.Decision{Outcome: "penalty", Fine: 500000, Overturned: "revoked"}
	_, err = revoked.Obligation(bj(2026, 4, 2, 9, 0))
	require.Equal(t, workflows.CodeWrongStep, workflows.RejectionCode(err))
}
