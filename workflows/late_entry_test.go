package workflows_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/workflows"
)

// late is an on-site act's late entry (补录): when it took place and why
// it was entered only now.
func late(at time.Time, why string) workflows.LateEntry {
	return workflows.LateEntry{OccurredAt: &at, LateReason: why}
}

// TestLateEntryKeepsBothTimes_SD2019: an inspection record made on site on
// Tuesday 2026-03-03 at 15:00, where the network could not be reached, is
// entered on Wednesday 03-04 at 10:00 with its reason. The record keeps the
// time of entry (the server's) and the time the act took place, and the case
// counts one late entry. The same act entered without a reason, with a
// reason but no time, before the case was opened, in the future, or more
// than 72 hours late is refused and leaves no trace.
func TestLateEntryKeepsBothTimes_SD2019(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0)) // Monday
	c.filed()
	c.wait(bj(2026, 3, 4, 10, 0))

	noReason := evidence(officer1, officer1.OfficerID, officer2.OfficerID)
	noReason.LateEntry = late(bj(2026, 3, 3, 15, 0), "")
	c.refuse(workflows.ActRecordEvidence, noReason, workflows.CodeInvalidInput)

	noTime := evidence(officer1, officer1.OfficerID, officer2.OfficerID)
	noTime.LateReason = "现场无网络"
	c.refuse(workflows.ActRecordEvidence, noTime, workflows.CodeInvalidInput)

	beforeOpening := evidence(officer1, officer1.OfficerID, officer2.OfficerID)
	beforeOpening.LateEntry = late(bj(2026, 3, 1, 15, 0), "现场无网络")
	c.refuse(workflows.ActRecordEvidence, beforeOpening, workflows.CodeLateEntryRefused)

	future := evidence(officer1, officer1.OfficerID, officer2.OfficerID)
	future.LateEntry = late(bj(2026, 3, 4, 18, 0), "现场无网络")
	c.refuse(workflows.ActRecordEvidence, future, workflows.CodeInvalidInput)

	onSite := evidence(officer1, officer1.OfficerID, officer2.OfficerID)
	onSite.LateEntry = late(bj(2026, 3, 3, 15, 0), "检查现场位于山区，无法连接执法办案系统")
	entered := c.do(workflows.ActRecordEvidence, onSite)

	// Friday 2026-03-06 15:01 is 72 hours and a minute after Tuesday 15:00.
	c.wait(bj(2026, 3, 6, 15, 0))
	tooLate := evidence(officer1, officer1.OfficerID, officer2.OfficerID)
	tooLate.LateEntry = late(bj(2026, 3, 3, 15, 0), "现场无网络")
	c.refuse(workflows.ActRecordEvidence, tooLate, workflows.CodeLateEntryRefused)
	c.cancel()
	c.run()

	events := c.rec.events()
	require.Len(t, events, 3, "open-case, approve-filing and the one accepted late entry")
	ev := events[2]
	require.Equal(t, string(workflows.ActRecordEvidence), ev.Act)
	require.True(t, ev.At.Equal(entered.at), "entered at %s, want the server's %s", ev.At, entered.at)
	require.True(t, entered.at.Equal(time.Date(2026, 3, 4, 2, 5, 0, 0, time.UTC)), "the script entered it at 2026-03-04 10:05 Beijing, got %s", entered.at)
	require.NotNil(t, ev.OccurredAt)
	require.True(t, ev.OccurredAt.Equal(time.Date(2026, 3, 3, 7, 0, 0, 0, time.UTC)), "took place 2026-03-03 15:00 Beijing, got %s", ev.OccurredAt)
	require.Equal(t, "检查现场位于山区，无法连接执法办案系统", ev.LateReason)
	require.Equal(t, ev.Hash, ev.ComputeHash(), "the hash covers both times and the reason")
	changed := ev
	changed.LateReason = "其他原因"
	require.NotEqual(t, ev.Hash, changed.ComputeHash(), "a changed reason breaks the chain")

	require.Equal(t, 1, c.rec.snapshot(t).LateEntries)
	require.Equal(t, 1, c.rec.records()[2].Case.LateEntries, "the case row counts it for the supervisors' list")
}

// TestNoBackEntryAfterTheDecision_SD2019: on Monday 2026-03-02 the officers
// decide a 50 元 fine on the spot at 09:03 (entered as it happened). The
// cash collected on the spot at 09:30 may be entered at 11:00 with its
// reason: it took place after the decision. Nothing that took place before
// the decision may be entered after it (不得在行政执法决定作出后进行补录).
func TestNoBackEntryAfterTheDecision_SD2019(t *testing.T) {
	c := newSummaryTest(t, "person")
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActHearParty, heard(officer1))
	decided := c.do(workflows.ActDecideOnSpot, onSpot(officer1, "fine", 5000))
	c.wait(bj(2026, 3, 2, 11, 0))
	before := workflows.CollectOnSpotInput{ActBase: by(officer2), Amount: 5000, Receipt: "浙财罚 0001",
		LateEntry: late(bj(2026, 3, 2, 9, 1), "现场无网络")}
	c.refuse(workflows.ActCollectOnSpot, before, workflows.CodeLateEntryRefused)
	after := before
	after.LateEntry = late(bj(2026, 3, 2, 9, 30), "现场无网络")
	c.do(workflows.ActCollectOnSpot, after)
	c.cancel()
	c.run()

	require.True(t, decided.at.Equal(time.Date(2026, 3, 2, 1, 3, 0, 0, time.UTC)), "decided at 09:03 Beijing, got %s", decided.at)
	events := c.rec.events()
	last := events[len(events)-1]
	require.Equal(t, string(workflows.ActCollectOnSpot), last.Act)
	require.True(t, last.OccurredAt.Equal(time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC)), "took place 09:30 Beijing, got %s", last.OccurredAt)
}
