package workflows_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

func newMeasureTest(t *testing.T) *caseTest {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0)) // Monday
	c.workflow = workflows.CompulsoryMeasure
	c.open.PowerItem = workflows.PowerItem{Code: "JN-SC-QZ-0001", Name: "查封、扣押不符合食品安全标准的食品", LegalBasis: "《中华人民共和国食品安全法》第一百一十条"}
	return c
}

// measure reads a snapshot as a compulsory measure.
func measure(t *testing.T, s *snapshot) workflows.MeasureCase {
	t.Helper()
	s.get(t)
	var m workflows.MeasureCase
	require.NoError(t, json.Unmarshal(s.raw, &m))
	return m
}

var seized = workflows.MeasureDetails{Kind: "seize", Reason: "涉嫌不符合食品安全标准", Basis: "《中华人民共和国食品安全法》第一百一十条",
	Properties: []workflows.Property{{Name: "过期酸奶", Quantity: "24 盒", Condition: "完好", Custodian: "本局罚没物品仓库"}}}

func taken(a workflows.Actor, emergency bool) workflows.TakeMeasureInput {
	in := workflows.TakeMeasureInput{ActBase: by(a), Emergency: emergency, Officers: []string{officer1.OfficerID, officer2.OfficerID},
		PartyPresent: true, PartySigned: true, PartyHeard: "当事人称不知已过期", DecisionRef: "临市监扣〔2026〕1号及清单"}
	if emergency {
		m := seized
		in.Measure = &m
	}
	return in
}

// TestSeizureRunsThirtyPlusThirtyDays_CL25: approved and taken on Monday
// 2026-03-02, a seizure lasts 30 days, to 04-01; a testing period from
// 03-10 to 03-20 does not count: 04-11 (a Saturday), moved to Monday 04-13;
// the head extends it once by 30 days: 30 + 10 + 30 days from 03-02,
// 05-11; a second extension is refused; a release ends it.
func TestSeizureRunsThirtyPlusThirtyDays_CL25(t *testing.T) {
	c := newMeasureTest(t)
	c.do(workflows.ActOpenCase, c.open)
	c.refuse(workflows.ActTakeMeasure, taken(officer1, false), workflows.CodeWrongStep) // not before approval, unless an emergency
	c.do(workflows.ActProposeMeasure, workflows.MeasureInput{ActBase: by(officer1), MeasureDetails: seized})
	c.refuse(workflows.ActApproveMeasure, opinion(officer2, "同意"), workflows.CodeSeparationOfDuties)
	c.do(workflows.ActApproveMeasure, opinion(head, "同意扣押"))
	alone := taken(officer1, false)
	alone.Officers = []string{officer1.OfficerID}
	c.refuse(workflows.ActTakeMeasure, alone, workflows.CodeInvalidInput)
	absent := taken(officer1, false)
	absent.PartyPresent, absent.PartySigned = false, false
	c.refuse(workflows.ActTakeMeasure, absent, workflows.CodeInvalidInput) // absent party: a witness signs (CL 18(8))
	c.do(workflows.ActTakeMeasure, taken(officer1, false))
	inForce := c.look()
	c.wait(bj(2026, 3, 10, 9, 0))
	c.do(workflows.ActStartExclusion, workflows.ExclusionInput{ActBase: by(officer1), Kind: "testing", Description: "送检，已书面告知当事人检测期间"})
	c.wait(bj(2026, 3, 20, 9, 0))
	c.do(workflows.ActEndExclusion, workflows.ExclusionInput{ActBase: by(officer1), Description: "检验报告：不合格"})
	afterTesting := c.look()
	c.do(workflows.ActExtendMeasure, workflows.ExtendMeasureInput{ActBase: by(head), Days: 30, Notice: "延长扣押期限告知书 临市监〔2026〕2号", Reason: "案情复杂"})
	extended := c.look()
	c.refuse(workflows.ActExtendMeasure, workflows.ExtendMeasureInput{ActBase: by(head), Days: 10, Notice: "第二次", Reason: "仍需"}, workflows.CodeWrongStep)
	c.do(workflows.ActReleaseMeasure, workflows.MeasureEndInput{ActBase: by(officer1), Reference: "解除扣押决定书 临市监〔2026〕3号", Reason: "经检验，可退还"})
	c.run()

	require.Equal(t, "2026-04-01", deadline(t, inForce.get(t), "duration").DueDate)
	require.Equal(t, "2026-04-13", deadline(t, afterTesting.get(t), "duration").DueDate)
	require.Equal(t, "2026-05-11", deadline(t, extended.get(t), "duration").DueDate)
	final := c.result()
	require.Equal(t, workflows.StageEnded, final.Stage)
	require.Equal(t, "released", final.Outcome)
}

// TestEmergencySeizureReportedWithin24Hours_CL19: a seizure taken on the
// spot at 10:00 on 2026-03-02 must be approved by 10:00 the next day. One
// approved at 09:00 stays in force; one the head refuses must be released
// at once; one nobody approves in 24 hours must be released at once too,
// and the case says so.
func TestEmergencySeizureReportedWithin24Hours_CL19(t *testing.T) {
	emergency := func(t *testing.T) *caseTest {
		c := newMeasureTest(t)
		c.do(workflows.ActOpenCase, c.open)
		c.wait(bj(2026, 3, 2, 10, 0))
		c.do(workflows.ActTakeMeasure, taken(officer1, true))
		return c
	}
	t.Run("approved in time", func(t *testing.T) {
		c := emergency(t)
		reported := c.look()
		c.wait(bj(2026, 3, 3, 9, 0))
		c.do(workflows.ActApproveMeasure, opinion(head, "补办批准"))
		approved := c.look()
		c.cancel()
		c.run()
		r := measure(t, reported)
		require.Equal(t, workflows.StageEmergencyReport, r.Stage)
		require.True(t, deadline(t, reported.get(t), "report").DueAt.Equal(bj(2026, 3, 3, 10, 1)), "24 hours from the taking")
		a := measure(t, approved)
		require.Equal(t, workflows.StageInForce, a.Stage)
		require.Equal(t, casefile.DeadlineMet, deadline(t, approved.get(t), "report").State)
	})
	t.Run("refused", func(t *testing.T) {
		c := emergency(t)
		c.wait(bj(2026, 3, 2, 15, 0))
		c.do(workflows.ActRefuseMeasure, reason(head, "不符合紧急情形"))
		refused := c.look()
		c.do(workflows.ActReleaseMeasure, workflows.MeasureEndInput{ActBase: by(officer1), Reference: "解除扣押决定书", Reason: "负责人不批准"})
		c.run()
		require.Equal(t, workflows.StageReleaseDue, measure(t, refused).Stage)
		require.Equal(t, "released", c.result().Outcome)
	})
	t.Run("not approved within 24 hours", func(t *testing.T) {
		c := emergency(t)
		before := c.lookAt(bj(2026, 3, 3, 9, 59))
		after := c.lookAt(bj(2026, 3, 3, 10, 30))
		c.wait(bj(2026, 3, 3, 11, 0))
		c.refuse(workflows.ActApproveMeasure, opinion(head, "补办批准"), workflows.CodeWrongStep)
		c.cancel()
		c.run()
		require.Equal(t, workflows.StageEmergencyReport, measure(t, before).Stage)
		require.Equal(t, workflows.StageReleaseDue, measure(t, after).Stage)
		var expired casefile.Event
		for _, e := range c.rec.events() {
			if e.Act == "report-expired" {
				expired = e
			}
		}
		require.Contains(t, expired.Summary, "应当立即解除")
	})
}

// TestMeasureCannotBeDelegated_CL17: a delegated organization's officers
// cannot open a compulsory measure.
func TestMeasureCannotBeDelegated_CL17(t *testing.T) {
	c := newMeasureTest(t)
	c.open.AgencyKind = "delegated"
	c.refuse(workflows.ActOpenCase, c.open, workflows.CodeInvalidInput)
	c.run()
}

func freezing(amount, sum workflows.Yuan) workflows.MeasureInput {
	return workflows.MeasureInput{ActBase: by(officer1), MeasureDetails: workflows.MeasureDetails{Kind: "freeze", Reason: "涉嫌传销，防止资金转移",
		Basis: "《禁止传销条例》第十四条", Freeze: &workflows.Freeze{Bank: "中国工商银行临江支行", Account: "6222020000000001", Amount: amount, SumInvolved: sum}}}
}

// TestFreezeLimits_CL29_32: only an agency a law empowers may freeze
// (CL 29 ¶1); never more than the sum involved, nor money another organ
// froze (CL 29 ¶2); frozen on Monday 2026-03-02 with the head's approval,
// the decision goes to the party within 3 working days, by 03-05 (CL 31),
// and unless the agency decides within 30 days, by 04-01, the bank
// releases it by itself (CL 32).
func TestFreezeLimits_CL29_32(t *testing.T) {
	t.Run("an agency without the power", func(t *testing.T) {
		c := newMeasureTest(t)
		c.do(workflows.ActOpenCase, c.open)
		noPower := c.do(workflows.ActProposeMeasure, freezing(5_000_000, 5_000_000))
		noPower.wantErr = workflows.CodeInvalidInput
		c.cancel()
		c.run()
	})
	c := newMeasureTest(t)
	c.rules.FreezePower = true
	c.do(workflows.ActOpenCase, c.open)
	c.refuse(workflows.ActProposeMeasure, freezing(5_000_001, 5_000_000), workflows.CodeInvalidInput)
	twice := freezing(5_000_000, 5_000_000)
	twice.Freeze.FrozenByOthers = true
	c.refuse(workflows.ActProposeMeasure, twice, workflows.CodeInvalidInput)
	c.do(workflows.ActProposeMeasure, freezing(5_000_000, 5_000_000))
	c.do(workflows.ActApproveMeasure, opinion(head, "同意冻结"))
	atBank := taken(officer1, false)
	atBank.PartyPresent, atBank.PartySigned, atBank.PartyHeard, atBank.DecisionRef = false, false, "", "冻结通知书 临市监冻〔2026〕1号"
	c.do(workflows.ActTakeMeasure, atBank)
	frozen := c.look()
	c.do(workflows.ActServeFreezeDecision, workflows.ServeInput{ActBase: by(officer1), Method: "direct", Receiver: "当事人"})
	lastDay := c.lookAt(bj(2026, 4, 1, 23, 0))
	c.run()

	f := frozen.get(t)
	require.Equal(t, "2026-03-05", deadline(t, f, "freeze-decision").DueDate)
	require.Equal(t, "2026-04-01", deadline(t, f, "freeze-duration").DueDate)
	require.Equal(t, workflows.StageInForce, measure(t, lastDay).Stage)
	final := c.result()
	require.Equal(t, workflows.StageEnded, final.Stage)
	require.Equal(t, "released-by-bank", final.Outcome)
	require.True(t, final.ClosedAt.Equal(bj(2026, 4, 2, 0, 0)), "released as the 30 days end: %s", final.ClosedAt)
}

// TestPerishablesDisposedEarly_SAMR41: seized fresh fish may be sold
// before the measure ends, with the owner's consent and the head's
// approval; an officer cannot approve it, an item not on the list cannot
// be sold, nor one sold already; the proceeds are kept.
func TestPerishablesDisposedEarly_SAMR41(t *testing.T) {
	c := newMeasureTest(t)
	c.do(workflows.ActOpenCase, c.open)
	fish := seized
	fish.Properties = append(slices.Clone(seized.Properties), workflows.Property{Name: "鲜活鳜鱼", Quantity: "50 公斤", Condition: "鲜活", Custodian: "本局冷库"})
	c.do(workflows.ActProposeMeasure, workflows.MeasureInput{ActBase: by(officer1), MeasureDetails: fish})
	c.do(workflows.ActApproveMeasure, opinion(head, "同意扣押"))
	c.do(workflows.ActTakeMeasure, taken(officer1, false))
	sell := workflows.EarlyDisposalInput{ActBase: by(head), Items: []string{"鲜活鳜鱼"}, Consent: "当事人书面申请先行变卖", How: "变卖", Proceeds: 180_000, Reason: "鲜活水产品不宜长期保存"}
	byOfficer := sell
	byOfficer.ActBase = by(officer1)
	c.refuse(workflows.ActDisposeEarly, byOfficer, workflows.CodeSeparationOfDuties)
	unlisted := sell
	unlisted.Items = []string{"冻虾"}
	c.refuse(workflows.ActDisposeEarly, unlisted, workflows.CodeInvalidInput)
	noConsent := sell
	noConsent.Consent = ""
	c.refuse(workflows.ActDisposeEarly, noConsent, workflows.CodeInvalidInput)
	c.do(workflows.ActDisposeEarly, sell)
	c.refuse(workflows.ActDisposeEarly, sell, workflows.CodeInvalidInput)
	sold := c.look()
	c.cancel()
	c.run()
	m := measure(t, sold)
	require.Len(t, m.EarlyDisposals, 1)
	require.Equal(t, workflows.Yuan(180_000), m.EarlyDisposals[0].Proceeds)
	require.Equal(t, head.OfficerID, m.EarlyDisposals[0].ApprovedBy)
	require.Equal(t, workflows.StageInForce, m.Stage)
}
