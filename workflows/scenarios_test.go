package workflows_test

// Legal scenarios at their edges: deadlines across the 2026 holidays,
// windows on their last minute, hearing thresholds at the exact amount,
// the limitation period to the minute and the decision clock when two
// things stop it at once. Every expected date is worked out by hand from
// internal/calendar/data/holidays.csv (the State Council's 2026
// arrangement), never by the calendar code:
//
//	春节    02-15 (Sun) – 02-23 (Mon) off; Sat 02-14 and Sat 02-28 worked
//	劳动节  05-01 (Fri) – 05-05 (Tue) off; Sat 05-09 worked
//	端午节  06-19 (Fri) – 06-21 (Sun) off
//	中秋节  09-25 (Fri) – 09-27 (Sun) off; Sun 09-20 worked
//	国庆节  10-01 (Thu) – 10-07 (Wed) off; Sat 10-10 worked
//
// Working days are counted from the day after the start (PL 85; Civil
// Code 201), make-up days count; a calendar-day period whose last day is
// a holiday or a weekend ends on the next working day (SAMR 80).

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// statement is the party's statement, asking for a hearing or not.
func statement(text string, hearing bool) workflows.RecordStatementInput {
	return workflows.RecordStatementInput{ActBase: by(officer1), Text: text, HearingRequested: hearing}
}

// TestStatementWindowLastDayAcrossLabourDay_SAMR57: the prior notice is
// served on Thursday 2026-04-30, the day before the Labour Day holiday.
// The 5 working days: 05-01 to 05-05 are off; Wed 05-06 (1), Thu 05-07
// (2), Fri 05-08 (3), the make-up Saturday 05-09 (4), Sun 05-10 off, Mon
// 05-11 (5). The party may still state at 23:59 on 05-11; at 00:00 on
// 05-12 the window has closed (the day ends at 24:00, Civil Code 203 ¶2)
// and the case is waiting for the decision.
func TestStatementWindowLastDayAcrossLabourDay_SAMR57(t *testing.T) {
	c := newCaseTest(t, bj(2026, 4, 27, 9, 0))
	c.toNotice()
	c.wait(bj(2026, 4, 30, 10, 0))
	c.do(workflows.ActServeNotice, serve(officer1))
	served := c.look()
	holiday := c.lookAt(bj(2026, 5, 5, 12, 0))
	makeup := c.lookAt(bj(2026, 5, 9, 12, 0))
	c.wait(bj(2026, 5, 11, 23, 58))
	lastMinute := c.do(workflows.ActRecordStatement, statement("当事人称已主动下架全部过期商品", false))
	midnight := c.refuse(workflows.ActRecordStatement, statement("补充陈述", false), workflows.CodeWindowClosed)
	after := c.look()
	c.cancel()
	c.run()

	require.Equal(t, bj(2026, 5, 11, 23, 59), lastMinute.at)
	require.Equal(t, bj(2026, 5, 12, 0, 0), midnight.at)
	s := served.get(t)
	require.Equal(t, "2026-05-11", deadline(t, s, "statement").DueDate)
	require.True(t, deadline(t, s, "statement").DueAt.Equal(bj(2026, 5, 12, 0, 0)))
	require.Equal(t, workflows.StageStatement, holiday.get(t).Stage, "the holiday does not count")
	require.Equal(t, workflows.StageStatement, makeup.get(t).Stage, "the make-up Saturday is the 4th working day")
	a := after.get(t)
	require.Equal(t, workflows.StageDecision, a.Stage)
	require.Equal(t, "expired", a.Notice.ClosedHow)
	require.Len(t, a.Statements, 1, "the statement at 23:59 is on the record, the one at 00:00 is not")
	require.Equal(t, casefile.DeadlineMet, deadline(t, a, "statement").State)
}

// TestStatementWindowAcrossNationalDay_SAMR57: the window of a notice
// served before the Mid-Autumn and National Day holidays of 2026.
//
//   - served Thu 09-24: 09-25 to 09-27 off; Mon 09-28 (1), Tue 09-29 (2),
//     Wed 09-30 (3); 10-01 to 10-07 off; Thu 10-08 (4), Fri 10-09 (5).
//   - served Mon 09-28: Tue 09-29 (1), Wed 09-30 (2), Thu 10-08 (3), Fri
//     10-09 (4), the make-up Saturday 10-10 (5): the window ends on a
//     Saturday that is a working day.
//   - served Wed 09-30: Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 (3), Mon
//     10-12 (4), Tue 10-13 (5).
func TestStatementWindowAcrossNationalDay_SAMR57(t *testing.T) {
	tests := []struct {
		name   string
		served time.Time
		last   string
		closes time.Time // 00:00 after the last day
	}{
		{"served the day before Mid-Autumn", bj(2026, 9, 24, 10, 0), "2026-10-09", bj(2026, 10, 10, 0, 0)},
		{"served between the two holidays: ends on the make-up Saturday", bj(2026, 9, 28, 10, 0), "2026-10-10", bj(2026, 10, 11, 0, 0)},
		{"served the day before National Day", bj(2026, 9, 30, 10, 0), "2026-10-13", bj(2026, 10, 14, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCaseTest(t, tt.served.Add(-time.Hour))
			c.toNotice()
			c.wait(tt.served)
			c.do(workflows.ActServeNotice, serve(officer1))
			served := c.look()
			inNationalDay := c.lookAt(bj(2026, 10, 7, 23, 0))
			lastDay := c.lookAt(tt.closes.Add(-time.Minute))
			closed := c.lookAt(tt.closes.Add(time.Minute))
			c.wait(tt.closes.Add(2 * time.Minute))
			c.cancel()
			c.run()

			require.Equal(t, tt.last, deadline(t, served.get(t), "statement").DueDate)
			require.Equal(t, workflows.StageStatement, inNationalDay.get(t).Stage)
			require.Equal(t, workflows.StageStatement, lastDay.get(t).Stage, "open until 24:00 of %s", tt.last)
			cl := closed.get(t)
			require.Equal(t, workflows.StageDecision, cl.Stage)
			require.Equal(t, "expired", cl.Notice.ClosedHow)
		})
	}
}

// TestFilingLimitAcrossHolidays_SAMR18: the 15 working days to decide on
// filing, from the application, across each 2026 holiday; the limit is
// open all of its last day and overdue from 24:00.
//
//   - Fri 02-13: Sat 02-14 (1, make-up); 02-15 to 02-23 off; 02-24 (2),
//     02-25 (3), 02-26 (4), 02-27 (5), Sat 02-28 (6, make-up), 03-02 to
//     03-06 (7–11), 03-09 to 03-12 (12–15): Thu 03-12.
//   - Wed 04-29: Thu 04-30 (1); 05-01 to 05-05 off; 05-06 (2), 05-07 (3),
//     05-08 (4), Sat 05-09 (5, make-up), 05-11 to 05-15 (6–10), 05-18 to
//     05-22 (11–15): Fri 05-22.
//   - Thu 09-24: 09-25 to 09-27 off; 09-28 (1), 09-29 (2), 09-30 (3);
//     10-01 to 10-07 off; 10-08 (4), 10-09 (5), Sat 10-10 (6, make-up),
//     10-12 to 10-16 (7–11), 10-19 to 10-22 (12–15): Thu 10-22.
func TestFilingLimitAcrossHolidays_SAMR18(t *testing.T) {
	tests := []struct {
		name    string
		applied time.Time
		last    string
		overdue time.Time // 24:00 of the last day
	}{
		{"Spring Festival with two make-up Saturdays", bj(2026, 2, 13, 10, 0), "2026-03-12", bj(2026, 3, 13, 0, 0)},
		{"Labour Day", bj(2026, 4, 29, 10, 0), "2026-05-22", bj(2026, 5, 23, 0, 0)},
		{"Mid-Autumn and National Day", bj(2026, 9, 24, 10, 0), "2026-10-22", bj(2026, 10, 23, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCaseTest(t, tt.applied)
			c.do(workflows.ActOpenCase, c.open)
			opened := c.look()
			lastMinute := c.lookAt(tt.overdue.Add(-time.Minute))
			late := c.lookAt(tt.overdue.Add(time.Minute))
			c.wait(tt.overdue.Add(2 * time.Minute))
			c.cancel()
			c.run()

			require.Equal(t, tt.last, deadline(t, opened.get(t), "filing").DueDate)
			require.Equal(t, casefile.DeadlineOpen, deadline(t, lastMinute.get(t), "filing").State)
			l := deadline(t, late.get(t), "filing")
			require.Equal(t, casefile.DeadlineOverdue, l.State)
			require.True(t, l.OverdueAt.Equal(tt.overdue), "overdue at %s", l.OverdueAt)
		})
	}
}

// TestDecisionLimitEndsOnHoliday_SAMR80: the 90 days from filing (PL 60)
// whose 90th day is a holiday end on the first working day after it
// (SAMR 80), and the limit runs out only then.
//
//   - filed Mon 02-02: 26 days to 02-28, 57 to 03-31, 87 to 04-30, the
//     90th is Sun 05-03, inside Labour Day (05-01 to 05-05): Wed 05-06.
//   - filed Fri 07-03: 28 days to 07-31, 59 to 08-31, 89 to 09-30, the
//     90th is Thu 10-01, National Day (10-01 to 10-07): Thu 10-08.
func TestDecisionLimitEndsOnHoliday_SAMR80(t *testing.T) {
	tests := []struct {
		name    string
		filed   time.Time
		ninety  time.Time // 12:00 on the 90th day
		last    string
		overdue time.Time // 24:00 of the last day
	}{
		{"90th day in Labour Day", bj(2026, 2, 2, 9, 0), bj(2026, 5, 3, 12, 0), "2026-05-06", bj(2026, 5, 7, 0, 0)},
		{"90th day is National Day", bj(2026, 7, 3, 9, 0), bj(2026, 10, 1, 12, 0), "2026-10-08", bj(2026, 10, 9, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCaseTest(t, tt.filed)
			c.filed()
			filed := c.look()
			onThe90th := c.lookAt(tt.ninety)
			dayAfter90th := c.lookAt(tt.ninety.Add(24 * time.Hour))
			lastMinute := c.lookAt(tt.overdue.Add(-time.Minute))
			late := c.lookAt(tt.overdue.Add(time.Minute))
			c.wait(tt.overdue.Add(2 * time.Minute))
			c.cancel()
			c.run()

			require.Equal(t, tt.last, deadline(t, filed.get(t), "decision").DueDate)
			require.Equal(t, casefile.DeadlineOpen, deadline(t, onThe90th.get(t), "decision").State)
			require.Equal(t, casefile.DeadlineOpen, deadline(t, dayAfter90th.get(t), "decision").State, "the holiday does not end the limit")
			require.Equal(t, casefile.DeadlineOpen, deadline(t, lastMinute.get(t), "decision").State)
			l := deadline(t, late.get(t), "decision")
			require.Equal(t, casefile.DeadlineOverdue, l.State)
			require.True(t, l.OverdueAt.Equal(tt.overdue), "overdue at %s", l.OverdueAt)
		})
	}
}

// TestHearingRightAtThreshold_PL63: under the built-in rule pack the
// 较大数额 is 10,000 元 for a person and 100,000 元 for an organization,
// and "以上" includes the amount itself (SAMR 84): exactly the amount gives
// the right to a hearing, one fen less does not. The notice is served on
// Thursday 2026-04-30, so the window's last day is Monday 05-11 (see
// TestStatementWindowLastDayAcrossLabourDay_SAMR57); a request made late
// on that last day is in time and, once the window ends, the case goes to
// the hearing, its decision clock stopped.
func TestHearingRightAtThreshold_PL63(t *testing.T) {
	person := workflows.Party{Kind: "person", Name: "张三", IDNumber: "330102199001011234"}
	company := workflows.Party{Kind: "organization", Name: "临江县百味食品有限公司", IDNumber: "91330000MA0000000X"}
	tests := []struct {
		name  string
		party workflows.Party
		fine  workflows.Yuan
		right bool
		basis string
	}{
		{"person, 10,000.00 元", person, workflows.Yuan(1_000_000), true, "10000.00"},
		{"person, 9,999.99 元", person, workflows.Yuan(999_999), false, ""},
		{"organization, 100,000.00 元", company, workflows.Yuan(10_000_000), true, "100000.00"},
		{"organization, 99,999.99 元", company, workflows.Yuan(9_999_999), false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCaseTest(t, bj(2026, 4, 30, 9, 0))
			c.open.Party = tt.party
			c.toHearingNotice(tt.fine)
			notified := c.look()
			c.wait(bj(2026, 5, 11, 22, 0))
			if tt.right {
				c.do(workflows.ActRecordStatement, statement("当事人要求举行听证", true))
			} else {
				c.refuse(workflows.ActRecordStatement, statement("当事人要求举行听证", true), workflows.CodeNoHearingRight)
			}
			after := c.lookAt(bj(2026, 5, 12, 0, 30))
			c.wait(bj(2026, 5, 12, 1, 0))
			c.cancel()
			c.run()

			n := notified.get(t)
			require.Equal(t, "2026-05-11", deadline(t, n, "statement").DueDate)
			require.Equal(t, tt.right, n.Notice.HearingRight)
			a := after.get(t)
			if !tt.right {
				require.Empty(t, n.Notice.HearingBasis)
				require.Nil(t, a.Hearing)
				require.Equal(t, workflows.StageDecision, a.Stage)
				require.Nil(t, deadline(t, a, "decision").PausedAt)
				return
			}
			require.Contains(t, n.Notice.HearingBasis, tt.basis)
			require.Equal(t, workflows.StageHearing, a.Stage, "a request on the last day is in time")
			require.NotNil(t, a.Hearing)
			require.True(t, a.Hearing.RequestedAt.Equal(bj(2026, 5, 11, 22, 1)))
			require.NotNil(t, deadline(t, a, "decision").PausedAt, "the hearing stops the decision clock (SAMR 64 ¶2)")
		})
	}
}

// TestHearingNoticeSevenWorkingDays_PL64: the 听证通知书 must reach the
// party at least 7 working days before the hearing (PL 64(2), working
// days by PL 85). Served on Wednesday 2026-09-30, the 7 working days are
// Thu 10-08 (1), Fri 10-09 (2), the make-up Saturday 10-10 (3), Mon 10-12
// (4), Tue 10-13 (5), Wed 10-14 (6), Thu 10-15 (7): a hearing on 10-15 is
// allowed, one on 10-14 — 6 working days — is refused and changes
// nothing. The notice of 09-28 also shows a window that ends on a
// make-up Saturday: 09-29, 09-30, 10-08, 10-09, 10-10.
func TestHearingNoticeSevenWorkingDays_PL64(t *testing.T) {
	c := newCaseTest(t, bj(2026, 9, 28, 9, 0))
	c.toHearingNotice(hearingFine)
	c.do(workflows.ActRecordStatement, statement("当事人要求举行听证", true))
	requested := c.look()
	c.wait(bj(2026, 9, 30, 10, 0))
	sixDays := c.do(workflows.ActScheduleHearing, schedule("2026-10-14 09:30", "2026-09-30 10:00"))
	sixDays.wantErr = workflows.CodeInvalidInput
	refused := c.look()
	c.do(workflows.ActScheduleHearing, schedule("2026-10-15 09:30", "2026-09-30 10:00"))
	scheduled := c.look()
	c.cancel()
	c.run()

	require.Equal(t, "2026-10-10", deadline(t, requested.get(t), "statement").DueDate)
	require.Contains(t, sixDays.err.Error(), "2026-10-15", "the refusal names the earliest day")
	r := refused.get(t)
	require.Nil(t, r.Hearing.At, "the refused schedule left nothing")
	require.Equal(t, requested.records, refused.records)
	s := scheduled.get(t)
	require.True(t, s.Hearing.At.Equal(bj(2026, 10, 15, 9, 30)), "hearing at %s", s.Hearing.At)
	require.Equal(t, 0, s.Hearing.Reschedules)
	require.Equal(t, host.OfficerID, s.Hearing.HostID)
}

// TestLimitationPeriodToTheMinute_PL36: an act not discovered within two
// years — five where it harmed life, health or financial security — is
// not penalised (PL 36 ¶1); a continuing act counts from the day it ended
// (PL 36 ¶2). The period starts the day after the act and ends on the
// corresponding day (Civil Code 201–202), at 24:00 Beijing time (Civil
// Code 203 ¶2): discovery at 23:59 that day is in time, at 00:00 the next
// day it is not, whatever time zone the discovery is written in.
func TestLimitationPeriodToTheMinute_PL36(t *testing.T) {
	utc := func(y, m, d, h, mi int) time.Time { return time.Date(y, time.Month(m), d, h, mi, 0, 0, time.UTC) }
	tests := []struct {
		name       string
		act        string
		discovered time.Time
		grave      bool
		want       string
	}{
		{"two years: 23:59 on 2026-03-01", "2024-03-01", bj(2026, 3, 1, 23, 59), false, ""},
		{"two years: 00:00 on 2026-03-02", "2024-03-01", bj(2026, 3, 2, 0, 0), false, workflows.CodeInvalidInput},
		{"written in UTC: 15:59Z is 23:59 in Beijing", "2024-03-01", utc(2026, 3, 1, 15, 59), false, ""},
		{"written in UTC: 16:00Z is 00:00 the next day in Beijing", "2024-03-01", utc(2026, 3, 1, 16, 0), false, workflows.CodeInvalidInput},
		{"five years: 23:59 on 2026-03-01", "2021-03-01", bj(2026, 3, 1, 23, 59), true, ""},
		{"five years: 00:00 on 2026-03-02", "2021-03-01", bj(2026, 3, 2, 0, 0), true, workflows.CodeInvalidInput},
		{"four years after, without harm: too late", "2022-03-01", bj(2026, 3, 1, 9, 0), false, workflows.CodeInvalidInput},
		{"four years after, with harm: in time", "2022-03-01", bj(2026, 3, 1, 9, 0), true, ""},
		{"continuing act ended 2024-06-30: discovered 2026-06-30", "2024-06-30", bj(2026, 6, 30, 18, 0), false, ""},
		{"continuing act ended 2024-06-30: discovered 2026-07-01", "2024-06-30", bj(2026, 7, 1, 8, 0), false, workflows.CodeInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCaseTest(t, bj(2026, 7, 2, 9, 0))
			discovered := tt.discovered
			c.open.ActDate, c.open.DiscoveredAt, c.open.GraveHarm = tt.act, &discovered, tt.grave
			o := c.send(workflows.ActOpenCase, c.open, tt.want)
			c.cancel()
			c.run()
			if tt.want != "" {
				require.Contains(t, o.rejected.Error(), "PL 36")
			}
		})
	}
}

// TestExcludedPeriodInsideSuspension_SAMR46_64: filed Monday 2026-03-02,
// the 90 days end on Monday 06-01 (05-31 is a Sunday). Samples go for
// testing on 03-10 (the clock stops, SAMR 64 ¶2); the head suspends the
// case on 03-12 (SAMR 46) and resumes it on 03-20, while the testing still
// runs: the clock stays stopped and the last day does not move. The test
// report comes on 03-25: only now does the clock run again, the 15 days
// from 03-10 to 03-25 left out. 03-02 + 105 days: 29 days to 03-31, 59 to
// 04-30, 90 to 05-31, 105 is Monday 06-15, a working day.
func TestExcludedPeriodInsideSuspension_SAMR46_64(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.filed()
	c.wait(bj(2026, 3, 10, 9, 0))
	c.do(workflows.ActStartExclusion, excluded("testing", "抽样送省食品检验研究院检验"))
	testing := c.look()
	c.wait(bj(2026, 3, 12, 9, 0))
	c.do(workflows.ActSuspendCase, reason(head, "当事人下落不明"))
	suspended := c.look()
	c.wait(bj(2026, 3, 20, 9, 0))
	c.do(workflows.ActResumeCase, reason(head, "当事人已到案"))
	resumed := c.look()
	c.wait(bj(2026, 3, 25, 9, 0))
	c.do(workflows.ActEndExclusion, excluded("", "检验报告：菌落总数超标"))
	ended := c.look()
	lastDay := c.lookAt(bj(2026, 6, 15, 23, 59))
	late := c.lookAt(bj(2026, 6, 16, 0, 1))
	c.wait(bj(2026, 6, 16, 1, 0))
	c.cancel()
	c.run()

	tr := deadline(t, testing.get(t), "decision")
	require.Equal(t, "2026-06-01", tr.DueDate)
	require.NotNil(t, tr.PausedAt)
	require.True(t, tr.PausedAt.Equal(bj(2026, 3, 10, 9, 1)))

	s := suspended.get(t)
	require.Equal(t, workflows.StageSuspended, s.Stage)
	d := deadline(t, s, "decision")
	require.True(t, d.PausedAt.Equal(bj(2026, 3, 10, 9, 1)), "stopped since the testing began, not since the suspension")

	r := resumed.get(t)
	require.Equal(t, workflows.StageInvestigation, r.Stage)
	d = deadline(t, r, "decision")
	require.NotNil(t, d.PausedAt, "the testing still runs: the clock stays stopped after the resumption")
	require.Equal(t, "2026-06-01", d.DueDate)
	require.Equal(t, 0, d.Excluded)

	d = deadline(t, ended.get(t), "decision")
	require.Nil(t, d.PausedAt)
	require.Equal(t, 15, d.Excluded)
	require.Equal(t, "2026-06-15", d.DueDate)
	require.Equal(t, casefile.DeadlineOpen, deadline(t, lastDay.get(t), "decision").State)
	require.Equal(t, casefile.DeadlineOverdue, deadline(t, late.get(t), "decision").State)
}

// TestTestingResultArrivesWhileSuspended_SAMR46_64: the testing runs from
// 03-10, the head suspends the case on 03-12, and the report arrives on
// 03-16 while the case is suspended. The officers record it when it comes
// (PL 47: the whole process is recorded as it happens); the clock stays
// stopped for the suspension and runs again when the head resumes on
// 03-30: 20 days left out, 03-02 + 110 days is Saturday 06-20 in the
// Dragon Boat holiday (06-19 to 06-21), so the last day is Monday 06-22.
func TestTestingResultArrivesWhileSuspended_SAMR46_64(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.filed()
	c.wait(bj(2026, 3, 10, 9, 0))
	c.do(workflows.ActStartExclusion, excluded("testing", "抽样送省食品检验研究院检验"))
	c.wait(bj(2026, 3, 12, 9, 0))
	c.do(workflows.ActSuspendCase, reason(head, "当事人下落不明"))
	c.wait(bj(2026, 3, 16, 9, 0))
	c.do(workflows.ActEndExclusion, excluded("", "检验报告：菌落总数超标"))
	reported := c.look()
	c.wait(bj(2026, 3, 30, 9, 0))
	c.do(workflows.ActResumeCase, reason(head, "当事人已到案"))
	resumed := c.look()
	c.cancel()
	c.run()

	rp := reported.get(t)
	require.Equal(t, workflows.StageSuspended, rp.Stage)
	require.NotNil(t, deadline(t, rp, "decision").PausedAt, "the suspension still stops the clock")
	require.True(t, rp.Exclusions[0].To.Equal(bj(2026, 3, 16, 9, 1)))
	d := deadline(t, resumed.get(t), "decision")
	require.Nil(t, d.PausedAt)
	require.Equal(t, 20, d.Excluded)
	require.Equal(t, "2026-06-22", d.DueDate)
}

// TestExtensionRefusedOnceOverdue_SAMR64: the head may extend the 90 days
// by 30 while they run, on their last day too (SAMR 64 ¶1); once they have
// run out nobody can extend them. Filed Monday 2026-03-02, the 90 days end
// on Monday 06-01 (05-31 is a Sunday); extended by 30 days, they count 120
// from the filing: 29 days to 03-31, 59 to 04-30, 90 to 05-31, 120 is
// Tuesday 06-30 (the move of the 90th day past the weekend is not carried).
func TestExtensionRefusedOnceOverdue_SAMR64(t *testing.T) {
	extend := workflows.ExtendInput{ActBase: by(head), Days: 30, Reason: "案情复杂，需进一步调查"}

	t.Run("on the last day at 23:59", func(t *testing.T) {
		c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
		c.filed()
		c.wait(bj(2026, 6, 1, 23, 58))
		c.do(workflows.ActExtendDecision, extend)
		extended := c.look()
		c.wait(bj(2026, 6, 2, 9, 0))
		next := c.look()
		c.cancel()
		c.run()
		d := deadline(t, extended.get(t), "decision")
		require.Equal(t, "2026-06-30", d.DueDate)
		require.Len(t, d.Extensions, 1)
		require.Equal(t, casefile.DeadlineOpen, deadline(t, next.get(t), "decision").State)
	})

	t.Run("the day after the last day", func(t *testing.T) {
		c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
		c.filed()
		c.wait(bj(2026, 6, 2, 0, 0))
		refused := c.refuse(workflows.ActExtendDecision, extend, workflows.CodeWrongStep)
		c.refuse(workflows.ActExtendByHeads, discussion("2026-07-31", head.OfficerID, head2.OfficerID), workflows.CodeWrongStep)
		after := c.look()
		c.cancel()
		c.run()
		require.Contains(t, refused.rejected.Error(), "SAMR 64")
		d := deadline(t, after.get(t), "decision")
		require.Equal(t, casefile.DeadlineOverdue, d.State)
		require.Equal(t, "2026-06-01", d.DueDate)
		require.Empty(t, d.Extensions)
	})

	t.Run("the heads cannot extend once the 120 days ran out", func(t *testing.T) {
		c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
		c.filed()
		c.wait(bj(2026, 5, 20, 9, 0))
		c.do(workflows.ActExtendDecision, extend)
		c.wait(bj(2026, 7, 1, 9, 0))
		c.refuse(workflows.ActExtendByHeads, discussion("2026-08-31", head.OfficerID, head2.OfficerID), workflows.CodeWrongStep)
		after := c.look()
		c.cancel()
		c.run()
		d := deadline(t, after.get(t), "decision")
		require.Equal(t, casefile.DeadlineOverdue, d.State)
		require.Equal(t, "2026-06-30", d.DueDate)
		require.Empty(t, after.get(t).Discussions)
	})
}

// TestExcludedPeriodAfterTheHeadsFixedTheDay_SAMR64: filed Monday
// 2026-03-02, extended by the head to 06-30 and by the heads' collective
// discussion to Monday 08-31. Samples are then tested from 03-10 09:00
// to 03-20 15:00: the 10 whole days from 03-10 to 03-20 do not count
// (SAMR 64 ¶2), so the last day is 08-31 + 10 = Thursday 09-10, a working
// day, and the limit runs out at 24:00 that day (Civil Code 203 ¶2) — not
// at some hour of 09-11.
func TestExcludedPeriodAfterTheHeadsFixedTheDay_SAMR64(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.filed()
	c.do(workflows.ActExtendDecision, workflows.ExtendInput{ActBase: by(head), Days: 30, Reason: "案情复杂"})
	c.do(workflows.ActExtendByHeads, discussion("2026-08-31", head.OfficerID, head2.OfficerID))
	fixed := c.look()
	c.wait(bj(2026, 3, 10, 8, 59))
	c.do(workflows.ActStartExclusion, excluded("testing", "抽样送省食品检验研究院检验"))
	c.wait(bj(2026, 3, 20, 14, 59))
	c.do(workflows.ActEndExclusion, excluded("", "检验报告：菌落总数超标"))
	ended := c.look()
	c.cancel()
	c.run()

	require.Equal(t, "2026-08-31", deadline(t, fixed.get(t), "decision").DueDate)
	d := deadline(t, ended.get(t), "decision")
	require.Equal(t, "2026-09-10", d.DueDate)
	require.True(t, d.DueAt.Equal(bj(2026, 9, 11, 0, 0)), "runs out at %s", d.DueAt)
	require.Equal(t, 10, d.Excluded)
}

// TestPublicNoticeAfterTheHeadsFixedTheDay_SAMR64: the heads' collective
// discussion fixed the last day at Monday 2026-08-31; the prior notice is
// then served by public notice, whose 30 days do not count (SAMR 64 ¶2,
// 82(5)): the last day becomes 08-31 + 30 = Wednesday 09-30, a working
// day. The heads' day may move later for the public notice, never earlier.
func TestPublicNoticeAfterTheHeadsFixedTheDay_SAMR64(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.filed()
	c.do(workflows.ActExtendDecision, workflows.ExtendInput{ActBase: by(head), Days: 30, Reason: "案情复杂"})
	c.do(workflows.ActExtendByHeads, discussion("2026-08-31", head.OfficerID, head2.OfficerID))
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	c.do(workflows.ActSubmitReport, report(officer2, proposedFine))
	c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	c.do(workflows.ActApprovePenalty, opinion(head, "同意"))
	c.do(workflows.ActServeNotice, workflows.ServeInput{ActBase: by(officer1), Method: "public", PublishedOn: "2026-03-02"})
	published := c.look()
	c.cancel()
	c.run()

	d := deadline(t, published.get(t), "decision")
	require.Equal(t, "2026-09-30", d.DueDate)
	require.Equal(t, 30, d.Excluded)
	require.Len(t, d.Extensions, 2)
}
