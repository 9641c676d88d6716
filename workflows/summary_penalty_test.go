package workflows_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

func newSummaryTest(t *testing.T, partyKind string) *caseTest {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0)) // Monday
	c.workflow = workflows.SummaryPenalty
	c.open.Party.Kind = partyKind
	return c
}

func onSpot(a workflows.Actor, penalty string, fine workflows.Yuan) workflows.OnSpotDecisionInput {
	return workflows.OnSpotDecisionInput{ActBase: by(a), Penalty: penalty, Fine: fine, FormNumber: "临市监当罚〔2026〕000123",
		Basis: "《中华人民共和国食品安全法》第一百三十二条", Reasons: "当场检查发现", CertificateShown: true}
}

func heard(a workflows.Actor) workflows.HearPartyInput {
	return workflows.HearPartyInput{ActBase: by(a), Text: "当事人表示认识到错误，愿意立即改正"}
}

// TestSummaryPenaltyLimits (PL 51): on the spot a warning, or a fine of at
// most 200 元 for a person and 3,000 元 for an organization — both limits
// inclusive; one fen more is refused with a message that sends the officer
// to the general procedure.
func TestSummaryPenaltyLimits(t *testing.T) {
	tests := []struct {
		name    string
		party   string
		penalty string
		fine    workflows.Yuan
		want    string
	}{
		{"a person, 200.00 元", "person", "fine", 20000, ""},
		{"a person, 200.01 元", "person", "fine", 20001, workflows.CodeInvalidInput},
		{"an organization, 3000.00 元", "organization", "fine", 300000, ""},
		{"an organization, 3000.01 元", "organization", "fine", 300001, workflows.CodeInvalidInput},
		{"a warning", "organization", "warning", 0, ""},
		{"a warning with a fine", "person", "warning", 5000, workflows.CodeInvalidInput},
		{"a confiscation is not for the summary procedure", "person", "confiscation", 0, workflows.CodeInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newSummaryTest(t, tt.party)
			c.do(workflows.ActOpenCase, c.open)
			c.do(workflows.ActHearParty, heard(officer1))
			c.send(workflows.ActDecideOnSpot, onSpot(officer1, tt.penalty, tt.fine), tt.want)
			c.cancel()
			c.run()
			if tt.want != "" && tt.penalty != "warning" {
				require.Contains(t, c.outcomes[2].rejected.Error(), "一般程序", "the officer is sent to the general procedure")
			}
		})
	}
}

// TestSummaryPenaltyOnTheSpot: the officers hear the party, decide on the
// pre-numbered form and collect 50 元 on the spot (PL 68(1)); the cash must
// reach the agency within 2 working days (PL 71, 85) and the decision be
// filed within 7 working days (SAMR 70). Decided Monday 2026-03-02: cash due
// Wednesday 2026-03-04, filing due Wednesday 2026-03-11. Handed in and filed,
// the case closes.
func TestSummaryPenaltyOnTheSpot(t *testing.T) {
	c := newSummaryTest(t, "person")
	c.do(workflows.ActOpenCase, c.open)
	c.refuse(workflows.ActDecideOnSpot, onSpot(officer1, "fine", 5000), workflows.CodeWrongStep) // not heard yet
	c.do(workflows.ActHearParty, heard(officer1))
	noCert := onSpot(officer1, "fine", 5000)
	noCert.CertificateShown = false
	c.refuse(workflows.ActDecideOnSpot, noCert, workflows.CodeInvalidInput) // PL 52
	c.do(workflows.ActDecideOnSpot, onSpot(officer1, "fine", 5000))
	c.refuse(workflows.ActCollectOnSpot, workflows.CollectOnSpotInput{ActBase: by(officer2), Amount: 4000, Receipt: "0001"}, workflows.CodeInvalidInput)
	c.do(workflows.ActCollectOnSpot, workflows.CollectOnSpotInput{ActBase: by(officer2), Amount: 5000, Receipt: "浙财罚 0001"})
	collected := c.look()
	c.do(workflows.ActFileWithAgency, opinion(officer1, "报备"))
	filed := c.look()
	c.do(workflows.ActHandInCash, workflows.HandInCashInput{ActBase: by(officer2), Voucher: "SK-0009"})
	c.run()

	state := collected.get(t)
	require.Equal(t, "2026-03-04", deadline(t, state, "hand-in").DueDate)
	require.Equal(t, "2026-03-11", deadline(t, state, "filing").DueDate)
	require.Equal(t, "filing-with-agency", string(filed.get(t).Stage), "filed, but the cash is not yet handed in")
	final := c.rec.snapshot(t)
	require.Equal(t, workflows.StageClosed, final.Stage)
	events := c.rec.events()
	require.NoError(t, casefile.VerifyChain(events))
	require.Equal(t, []string{"open-case", "hear-party", "decide-on-spot", "collect-on-spot", "file-with-agency", "hand-in-cash"}, c.rec.acts())
}

// TestSummaryPenaltyCollectionAbove100NeedsAReason (PL 68, 69).
func TestSummaryPenaltyCollectionAbove100NeedsAReason(t *testing.T) {
	c := newSummaryTest(t, "organization")
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActHearParty, heard(officer1))
	c.do(workflows.ActDecideOnSpot, onSpot(officer1, "fine", 100000))
	c.refuse(workflows.ActCollectOnSpot, workflows.CollectOnSpotInput{ActBase: by(officer1), Amount: 100000, Receipt: "0002"}, workflows.CodeInvalidInput)
	c.do(workflows.ActCollectOnSpot, workflows.CollectOnSpotInput{ActBase: by(officer1), Amount: 100000, Receipt: "0002", Reason: "当事人在海岛作业，到银行缴款确有困难，当场提出"})
	c.cancel()
	c.run()
}
