package workflows_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// unpaidFine is a fine of 5,000 元 decided and served on Monday 2026-03-02,
// due on 03-17, unpaid.
func unpaidFine() *workflows.Obligation {
	return &workflows.Obligation{Decision: "临市监罚〔2026〕12号", Kind: "money", Amount: 500_000, DueDate: "2026-03-17", ServedOn: "2026-03-02"}
}

func newExecutionTest(t *testing.T, start time.Time, o *workflows.Obligation) *caseTest {
	c := newCaseTest(t, start)
	c.workflow = workflows.CompulsoryExecution
	c.open.PowerItem = workflows.PowerItem{Code: "JN-SC-ZX-0001", Name: "申请人民法院强制执行行政处罚决定", LegalBasis: "《中华人民共和国行政强制法》第五十三条"}
	c.open.Obligation = o
	return c
}

// execution reads a snapshot as a compulsory execution.
func execution(t *testing.T, s *snapshot) workflows.ExecutionCase {
	t.Helper()
	s.get(t)
	var e workflows.ExecutionCase
	require.NoError(t, json.Unmarshal(s.raw, &e))
	return e
}

func demand(a workflows.Actor, performBy string) workflows.DemandInput {
	return workflows.DemandInput{ServeInput: workflows.ServeInput{ActBase: by(a), Method: "direct", Receiver: "当事人"},
		Reference: "临市监催〔2026〕1号", PerformBy: performBy, Manner: "到银行缴纳罚款及加处罚款", Amount: 500_000, Payment: "中国工商银行临江支行代收"}
}

func application(a workflows.Actor) workflows.ApplyCourtInput {
	return workflows.ApplyCourtInput{ActBase: by(a), Court: "临江市青山区人民法院", Reference: "临市监申执〔2026〕1号",
		Materials: []string{"强制执行申请书（负责人签名、加盖公章）", "行政处罚决定书及事实、理由、依据", "当事人的意见及催告情况", "申请强制执行标的情况"}}
}

// TestCourtApplicationAfterTenWorkingDaysWithinThreeMonths_CL53_54: a fine
// served on 2026-03-02 could be challenged until 09-02 (6 months; the
// reconsideration's 60 days ended on 05-06 after Labour Day), so the
// agency, which has no execution power, must apply to the court within 3
// months of that, by 2026-12-02. A demand served on Tuesday 09-01 lets it
// apply 10 working days later, from 09-16 (the 10th is 09-15); the head
// signs the application.
func TestCourtApplicationAfterTenWorkingDaysWithinThreeMonths_CL53_54(t *testing.T) {
	c := newExecutionTest(t, bj(2026, 9, 1, 9, 0), unpaidFine())
	c.do(workflows.ActOpenCase, c.open)
	opened := c.look()
	c.refuse(workflows.ActDecideExecution, workflows.ExecutionDecisionInput{ActBase: by(head), Reference: "x", Method: "transfer", Reasons: "x", Basis: "x", Immediate: "转移财产"},
		workflows.CodeWrongStep) // no execution power: only the court
	c.do(workflows.ActServeDemand, demand(officer1, "2026-09-08"))
	demanded := c.look()
	c.wait(bj(2026, 9, 15, 16, 0))
	c.refuse(workflows.ActApplyToCourt, application(head), workflows.CodeWrongStep) // the 10th working day
	c.wait(bj(2026, 9, 16, 9, 0))
	c.refuse(workflows.ActApplyToCourt, application(officer1), workflows.CodeSeparationOfDuties) // a handler does not sign it
	c.do(workflows.ActApplyToCourt, application(head))
	applied := c.look()
	c.do(workflows.ActRecordCourt, workflows.CourtInput{ActBase: by(officer1), Step: "accepted", Reference: "（2026）青行审执字第1号", On: "2026-09-18"})
	c.do(workflows.ActRecordCourt, workflows.CourtInput{ActBase: by(officer1), Step: "enforce", Reference: "（2026）青行审执字第1号裁定", On: "2026-09-25"})
	c.do(workflows.ActRecordPerformance, workflows.PerformanceInput{ActBase: by(officer1), Amount: 500_000, Reference: "法院执行款划付凭证", Description: "人民法院强制执行到位"})
	c.run()

	o := execution(t, opened)
	require.Equal(t, workflows.PathCourt, o.Path)
	require.Equal(t, "2026-05-06", o.Obligation.ReconsiderationBy)
	require.Equal(t, "2026-09-02", o.Obligation.LawsuitBy)
	require.Equal(t, "2026-12-02", deadline(t, opened.get(t), "court-application").DueDate)
	require.Equal(t, "2026-09-15", deadline(t, demanded.get(t), "court-wait").DueDate)
	require.Equal(t, "2026-09-08", deadline(t, demanded.get(t), "demand-term").DueDate)
	a := execution(t, applied)
	require.Equal(t, workflows.StageCourt, a.Stage)
	require.Equal(t, head.OfficerID, a.Application.SignedBy)
	require.Equal(t, casefile.DeadlineMet, deadline(t, applied.get(t), "court-application").State)
	final := c.result()
	require.Equal(t, workflows.StageEnded, final.Stage)
	require.Equal(t, "performed", final.Outcome)
}

// TestCourtApplicationWindow_CL53_PL72: no application before the party's
// remedies have run out (CL 53); a deferral approved to 2026-10-30 moves
// the 3 months to run from it: to 2027-01-30, a Saturday, then Sunday
// 01-31, a make-up working day (PL 72 ¶2; SAMR 76 ¶2); a 3 months let pass
// makes the deadline overdue, and a late application must give its reason.
func TestCourtApplicationWindow_CL53_PL72(t *testing.T) {
	t.Run("before the remedies ran out", func(t *testing.T) {
		c := newExecutionTest(t, bj(2026, 3, 20, 9, 0), unpaidFine())
		c.do(workflows.ActOpenCase, c.open)
		c.do(workflows.ActServeDemand, demand(officer1, "2026-03-27"))
		c.wait(bj(2026, 4, 7, 9, 0))
		early := c.do(workflows.ActApplyToCourt, application(head))
		early.wantErr = workflows.CodeWindowOpen
		c.cancel()
		c.run()
	})
	t.Run("after a deferral", func(t *testing.T) {
		o := unpaidFine()
		o.DeferredUntil = "2026-10-30"
		c := newExecutionTest(t, bj(2026, 11, 2, 9, 0), o)
		c.do(workflows.ActOpenCase, c.open)
		opened := c.look()
		c.cancel()
		c.run()
		require.Equal(t, "2027-01-31", deadline(t, opened.get(t), "court-application").DueDate)
	})
	t.Run("let pass", func(t *testing.T) {
		c := newExecutionTest(t, bj(2026, 11, 16, 9, 0), unpaidFine())
		c.do(workflows.ActOpenCase, c.open)
		c.do(workflows.ActServeDemand, demand(officer1, "2026-11-20"))
		onTheDay := c.lookAt(bj(2026, 12, 2, 23, 0))
		after := c.lookAt(bj(2026, 12, 3, 9, 0))
		c.wait(bj(2026, 12, 3, 10, 0))
		c.refuse(workflows.ActApplyToCourt, application(head), workflows.CodeWindowClosed)
		late := application(head)
		late.LateReason = "当事人下落不明，经公告送达催告书"
		c.do(workflows.ActApplyToCourt, late)
		c.cancel()
		c.run()
		require.Equal(t, casefile.DeadlineOpen, deadline(t, onTheDay.get(t), "court-application").State)
		require.Equal(t, casefile.DeadlineOverdue, deadline(t, after.get(t), "court-application").State)
	})
}

// TestSelfExecution_CL37_43_46: an agency with execution power executes a
// fine due on 2026-03-17 itself — only once the surcharge has run more than
// 30 days, from 04-17 (CL 46); not during the demand's term unless the
// party hides property (CL 37 ¶2); never at night nor on a holiday unless
// urgent, never by cutting residents' utilities (CL 43).
func TestSelfExecution_CL37_43_46(t *testing.T) {
	c := newExecutionTest(t, bj(2026, 3, 20, 9, 0), unpaidFine())
	c.rules.ExecutionPower = true
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActServeDemand, demand(officer1, "2026-03-27"))
	decision := workflows.ExecutionDecisionInput{ActBase: by(head), Reference: "临市监强执〔2026〕1号", Method: "transfer",
		Reasons: "经催告逾期仍不履行", Basis: "《中华人民共和国行政强制法》第三十七条、第四十七条"}
	c.refuse(workflows.ActDecideExecution, decision, workflows.CodeWindowOpen) // the demand's term runs
	c.do(workflows.ActRecordDefence, workflows.DefenceInput{ActBase: by(officer1), Statement: "资金周转困难", Reexamination: "理由不成立，不予采纳"})
	c.wait(bj(2026, 4, 16, 9, 0))
	tooSoon := c.do(workflows.ActDecideExecution, decision)
	tooSoon.wantErr = workflows.CodeWindowOpen
	c.wait(bj(2026, 4, 17, 9, 0))
	c.do(workflows.ActDecideExecution, decision)
	carry := workflows.CarryOutInput{ActBase: by(officer1), Method: "transfer", Description: "通知银行划拨存款 5000 元",
		Officers: []string{officer1.OfficerID, officer2.OfficerID}, Amount: 500_000}
	c.wait(bj(2026, 4, 17, 22, 30))
	atNight := c.do(workflows.ActCarryOutExecution, carry)
	atNight.wantErr = workflows.CodeInvalidInput
	schedule := workflows.ScheduleInput{ActBase: by(officer1), At: bj(2026, 5, 1, 10, 0), Place: "当事人经营场所"}
	onHoliday := c.do(workflows.ActScheduleExecution, schedule)
	onHoliday.wantErr = workflows.CodeInvalidInput
	schedule.At = bj(2026, 5, 9, 10, 0) // a make-up working day
	c.do(workflows.ActScheduleExecution, schedule)
	cut := carry
	cut.CutsUtilities = true
	c.refuse(workflows.ActCarryOutExecution, cut, workflows.CodeInvalidInput)
	c.wait(bj(2026, 5, 2, 10, 0))
	holiday := c.do(workflows.ActCarryOutExecution, carry)
	holiday.wantErr = workflows.CodeInvalidInput
	c.wait(bj(2026, 5, 9, 10, 0))
	c.do(workflows.ActCarryOutExecution, carry)
	c.run()

	final := c.result()
	require.Equal(t, workflows.StageEnded, final.Stage)
	require.Equal(t, "executed", final.Outcome)
	require.True(t, final.ClosedAt.Equal(bj(2026, 5, 9, 10, 1)), "executed on the make-up working day: %s", final.ClosedAt)
}

// TestUrgentExecutionOnAHoliday_CL43: an urgent execution may be done on a
// holiday, and the record says why.
func TestUrgentExecutionOnAHoliday_CL43(t *testing.T) {
	o := &workflows.Obligation{Decision: "临市监责〔2026〕3号", Kind: "act", Duty: "拆除占用消防通道的违法搭建物", DueDate: "2026-09-10", ServedOn: "2026-09-01"}
	c := newExecutionTest(t, bj(2026, 9, 14, 9, 0), o)
	c.rules.ExecutionPower = true
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActServeDemand, demand(officer1, "2026-09-21"))
	c.do(workflows.ActDecideExecution, workflows.ExecutionDecisionInput{ActBase: by(head), Reference: "临市监强执〔2026〕2号", Method: "other",
		Reasons: "占用消防通道", Basis: "《中华人民共和国消防法》第六十条", Immediate: "当事人正在继续搭建"})
	c.wait(bj(2026, 10, 2, 10, 0))
	urgent := workflows.CarryOutInput{ActBase: by(officer1), Method: "other", Description: "强制拆除搭建物", Officers: []string{officer1.OfficerID, officer2.OfficerID},
		Urgent: "国庆期间人员密集，消防通道被占用，危及公共安全", Complete: true}
	c.do(workflows.ActCarryOutExecution, urgent)
	c.run()
	require.Equal(t, "executed", c.result().Outcome)
}

// TestSubstitutePerformance_CL50_51: the duty to remove an illegal
// billboard is performed by a third party for the party: decided with its
// performer and budget, demanded on Monday 2026-03-23, performed no earlier
// than 3 working days later — on Friday 03-27, not Thursday 03-26.
func TestSubstitutePerformance_CL50_51(t *testing.T) {
	o := &workflows.Obligation{Decision: "临市监责〔2026〕5号", Kind: "act", Duty: "拆除违法设置的户外广告牌", DueDate: "2026-03-10", ServedOn: "2026-03-02"}
	c := newExecutionTest(t, bj(2026, 3, 11, 9, 0), o)
	c.rules.ExecutionPower = true
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActServeDemand, demand(officer1, "2026-03-18"))
	sub := workflows.ExecutionDecisionInput{ActBase: by(head), Reference: "临市监代履〔2026〕1号", Method: "substitute",
		Reasons: "逾期不拆除，影响交通安全", Basis: "《中华人民共和国行政强制法》第五十条"}
	c.wait(bj(2026, 3, 19, 9, 0))
	c.refuse(workflows.ActDecideExecution, sub, workflows.CodeInvalidInput) // no performer, no budget
	sub.Performer, sub.Budget = "临江市市政工程有限公司", 1_200_000
	c.do(workflows.ActDecideExecution, sub)
	carry := workflows.CarryOutInput{ActBase: by(officer1), Method: "substitute", Description: "代履行人拆除广告牌，执法人员到场监督",
		Officers: []string{officer1.OfficerID, officer2.OfficerID}, Complete: true}
	c.refuse(workflows.ActCarryOutExecution, carry, workflows.CodeWindowOpen) // no demand yet
	c.wait(bj(2026, 3, 23, 9, 0))
	c.do(workflows.ActServeSubstituteDemand, workflows.DemandInput{ServeInput: workflows.ServeInput{ActBase: by(officer1), Method: "direct"},
		Reference: "临市监催〔2026〕9号", PerformBy: "2026-03-26", Manner: "自行拆除广告牌"})
	demanded := c.look()
	c.wait(bj(2026, 3, 26, 10, 0))
	c.refuse(workflows.ActCarryOutExecution, carry, workflows.CodeWindowOpen)
	c.wait(bj(2026, 3, 27, 10, 0))
	c.do(workflows.ActCarryOutExecution, carry)
	c.run()
	require.Equal(t, "2026-03-26", deadline(t, demanded.get(t), "substitute-demand").DueDate)
	require.Equal(t, "executed", c.result().Outcome)
}

// TestSuspendedExecutionLapsesAfterThreeYears_CL39: suspended on
// 2026-04-01 because the party cannot pay, with no evident harm to
// society, an execution not resumed by 2029-04-01 ends: no more execution.
// Suspended on another ground it waits for the head; resumed, it goes on
// where it stood; an agreement not kept resumes the execution (CL 42).
func TestSuspendedExecutionLapsesAfterThreeYears_CL39(t *testing.T) {
	t.Run("inability", func(t *testing.T) {
		c := newExecutionTest(t, bj(2026, 3, 20, 9, 0), unpaidFine())
		c.do(workflows.ActOpenCase, c.open)
		c.do(workflows.ActServeDemand, demand(officer1, "2026-03-27"))
		c.wait(bj(2026, 4, 1, 9, 0))
		c.refuse(workflows.ActSuspendExecution, workflows.SuspendInput{ActBase: by(officer1), Ground: "inability", Reason: "当事人已停业", NoSocialHarm: true},
			workflows.CodeSeparationOfDuties)
		c.do(workflows.ActSuspendExecution, workflows.SuspendInput{ActBase: by(head), Ground: "inability", Reason: "当事人已停业，名下无可供执行财产", NoSocialHarm: true})
		suspended := c.look()
		lastDay := c.lookAt(bj(2029, 4, 1, 23, 0))
		c.run()
		require.Equal(t, "2029-04-01", deadline(t, suspended.get(t), "lapse").DueDate)
		require.Equal(t, workflows.StageSuspended, execution(t, lastDay).Stage)
		final := c.result()
		require.Equal(t, "lapsed", final.Outcome)
		require.True(t, final.ClosedAt.Equal(bj(2029, 4, 2, 0, 0)), "closed at %s", final.ClosedAt)
	})
	t.Run("another ground, resumed", func(t *testing.T) {
		c := newExecutionTest(t, bj(2026, 3, 20, 9, 0), unpaidFine())
		c.rules.ExecutionPower = true
		c.do(workflows.ActOpenCase, c.open)
		c.do(workflows.ActServeDemand, demand(officer1, "2026-03-27"))
		c.wait(bj(2026, 3, 30, 9, 0))
		c.do(workflows.ActSuspendExecution, workflows.SuspendInput{ActBase: by(head), Ground: "third-party", Reason: "案外人对被执行财产主张所有权"})
		suspended := c.look()
		c.wait(bj(2026, 6, 1, 9, 0))
		c.do(workflows.ActResumeExecution, reason(head, "权属争议已解决"))
		resumed := c.look()
		c.do(workflows.ActRecordAgreement, workflows.AgreementInput{ActBase: by(head), Reference: "执行协议 临市监〔2026〕4号", Terms: "分两期于6月、7月缴清"})
		c.wait(bj(2026, 8, 3, 9, 0))
		c.do(workflows.ActResumeExecution, reason(head, "当事人未按执行协议履行"))
		back := c.look()
		c.do(workflows.ActRecordPerformance, workflows.PerformanceInput{ActBase: by(officer1), Amount: 200_000, Reference: "缴款凭证1", Description: "缴纳部分罚款"})
		part := c.look()
		c.do(workflows.ActTerminateExecution, workflows.TerminateInput{ActBase: by(head), Ground: "revoked", Reason: "处罚决定经复议被撤销"})
		c.run()
		s := suspended.get(t)
		for _, d := range s.Deadlines {
			require.NotEqual(t, "lapse", d.Key, "no lapse on this ground")
		}
		require.Equal(t, workflows.StageExecutionDecision, execution(t, resumed).Stage)
		require.Equal(t, workflows.StageExecutionDecision, execution(t, back).Stage)
		require.Equal(t, workflows.StageExecutionDecision, execution(t, part).Stage, "3,000 元 still owed")
		final := c.result()
		require.Equal(t, "terminated", final.Outcome)
	})
}

// TestExecutionNeedsItsObligation: an execution states what it executes.
func TestExecutionNeedsItsObligation(t *testing.T) {
	c := newExecutionTest(t, bj(2026, 3, 20, 9, 0), nil)
	c.refuse(workflows.ActOpenCase, c.open, workflows.CodeInvalidInput)
	bad := unpaidFine()
	bad.Amount = 0
	c.open.Obligation = bad
	c.refuse(workflows.ActOpenCase, c.open, workflows.CodeInvalidInput)
	c.run()
}

// TestResumedAfterTheDemandsTerm_CL39: suspended while the demand's term
// ran, an execution resumed after it (and after the 10 working days) goes
// on to the court application, not back to a term that has ended.
func TestResumedAfterTheDemandsTerm_CL39(t *testing.T) {
	c := newExecutionTest(t, bj(2026, 9, 1, 9, 0), unpaidFine())
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActServeDemand, demand(officer1, "2026-09-08"))
	c.do(workflows.ActSuspendExecution, workflows.SuspendInput{ActBase: by(head), Ground: "third-party", Reason: "案外人主张权利"})
	c.wait(bj(2026, 9, 21, 9, 0))
	c.do(workflows.ActResumeExecution, reason(head, "争议已解决"))
	resumed := c.look()
	c.cancel()
	c.run()
	require.Equal(t, workflows.StageCourtApplication, execution(t, resumed).Stage)
}
