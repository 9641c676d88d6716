package workflows_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// TestServiceTakesEffectByMethod_SAMR82: a notice sent by mail and signed
// for on Wednesday 2026-03-04, recorded on 03-06, opens the 5 working days
// from 03-04: the window ends on 03-11; a receipt dated before the notice
// was approved, or in the future, is refused. Electronic service without the
// party's consent and 留置 without a witness or a recording are refused.
func TestServiceTakesEffectByMethod_SAMR82(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.toNotice()
	c.wait(bj(2026, 3, 6, 10, 0))
	c.refuse(workflows.ActServeNotice, workflows.ServeInput{ActBase: by(officer1), Method: "electronic"}, workflows.CodeInvalidInput)
	c.refuse(workflows.ActServeNotice, workflows.ServeInput{ActBase: by(officer1), Method: "left", Receiver: "店员"}, workflows.CodeInvalidInput)
	c.refuse(workflows.ActServeNotice, workflows.ServeInput{ActBase: by(officer1), Method: "mail"}, workflows.CodeInvalidInput)
	beforeIssued := c.do(workflows.ActServeNotice, workflows.ServeInput{ActBase: by(officer1), Method: "mail", ReceivedOn: "2026-03-01"})
	beforeIssued.wantErr = workflows.CodeInvalidInput // received before the notice was approved on 03-02
	future := c.do(workflows.ActServeNotice, workflows.ServeInput{ActBase: by(officer1), Method: "mail", ReceivedOn: "2026-03-07"})
	future.wantErr = workflows.CodeInvalidInput
	c.do(workflows.ActServeNotice, workflows.ServeInput{ActBase: by(officer1), Method: "mail", ReceivedOn: "2026-03-04"})
	mailed := c.look()
	c.cancel()
	c.run()
	m := mailed.get(t)
	require.Equal(t, "2026-03-11", deadline(t, m, "statement").DueDate)
	require.Equal(t, "2026-03-04", m.Notice.EffectiveAt.In(bj(2026, 1, 1, 0, 0).Location()).Format("2006-01-02"))
}

// TestPublicNoticeDeemedServedAfter30Days_SAMR82: a notice published on
// 2026-03-02 is deemed served on 04-01; the 5 working days skip Qingming
// (04-04 to 04-06) and end on 04-09. The 30 days are left out of the
// decision clock (SAMR 64 ¶2): 120 days from the filing, 06-30.
func TestPublicNoticeDeemedServedAfter30Days_SAMR82(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.toNotice()
	c.do(workflows.ActServeNotice, workflows.ServeInput{ActBase: by(officer1), Method: "public", PublishedOn: "2026-03-02"})
	published := c.look()
	c.cancel()
	c.run()
	p := published.get(t)
	require.Equal(t, "2026-04-09", deadline(t, p, "statement").DueDate)
	require.Equal(t, "2026-06-30", deadline(t, p, "decision").DueDate)
	require.Equal(t, 30, deadline(t, p, "decision").Excluded)
}
