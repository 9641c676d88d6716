package workflows_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"cloud.google.com/go/civil"
	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// TestGeneralPenaltyRunsToClosed runs a case through every step of the
// general procedure (PL 54–65; SAMR 19–77) to closing: every act is one event
// of the hash-chained record (PL 47; SAMR 79), and every time limit is met.
func TestGeneralPenaltyRunsToClosed(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0)) // Monday
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	c.wait(bj(2026, 3, 3, 10, 0))
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	c.wait(bj(2026, 3, 5, 10, 0))
	submitted := c.do(workflows.ActSubmitReport, report(officer2, proposedFine))
	c.wait(bj(2026, 3, 9, 10, 0))
	c.do(workflows.ActApproveReview, opinion(reviewer, "事实清楚，证据确凿，适用依据正确，程序合法，同意"))
	c.wait(bj(2026, 3, 10, 10, 0))
	c.do(workflows.ActApprovePenalty, opinion(head, "同意"))
	c.wait(bj(2026, 3, 11, 10, 0))
	notified := c.do(workflows.ActServeNotice, serve(officer1))
	c.wait(bj(2026, 3, 12, 10, 0))
	c.do(workflows.ActRecordWaiver, waiver(officer2))
	c.wait(bj(2026, 3, 13, 10, 0))
	decided := c.do(workflows.ActDecide, decide(head, proposedFine))
	c.wait(bj(2026, 3, 16, 10, 0))
	served := c.do(workflows.ActServeDecision, serve(officer1))
	c.wait(bj(2026, 3, 17, 10, 0))
	c.do(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "国家企业信用信息公示系统"})
	c.wait(bj(2026, 3, 20, 10, 0))
	paid := c.do(workflows.ActRecordPayment, workflows.RecordPaymentInput{ActBase: by(officer1), Amount: proposedFine, Receipt: "3301-2026-000123"})
	c.wait(bj(2026, 3, 23, 10, 0))
	c.do(workflows.ActRecordExecution, confiscated(officer2))
	c.do(workflows.ActRequestClosing, reason(officer1, "罚款已缴清，执行完毕"))
	c.wait(bj(2026, 3, 24, 10, 0))
	closed := c.do(workflows.ActApproveClosing, opinion(head, "同意结案"))
	c.run()

	final := c.result()
	require.Equal(t, workflows.StageClosed, final.Stage)
	require.Equal(t, "penalty", final.Outcome)
	require.Equal(t, caseNumber, final.Number)
	require.NotNil(t, final.ClosedAt)
	require.True(t, final.ClosedAt.Equal(closed.at), "closed at %s, want %s", final.ClosedAt, closed.at)
	require.Equal(t, proposedFine, final.Payment.Amount)

	// One event per act, in order, by the person who did it, at the time they did it.
	events := c.rec.events()
	require.Len(t, events, len(c.outcomes))
	require.NoError(t, casefile.VerifyChain(events))
	for i, o := range c.outcomes {
		e := events[i]
		require.Equal(t, i+1, e.Seq)
		require.Equal(t, string(o.act), e.Act, "event %d", e.Seq)
		require.True(t, e.At.Equal(o.at), "event %d (%s) at %s, want %s", e.Seq, e.Act, e.At, o.at)
		require.Equal(t, final.ID, e.CaseID)
	}
	require.Equal(t, officer2.OfficerID, events[3].ActorID) // the report
	require.Equal(t, reviewer.OfficerID, events[4].ActorID) // the review
	require.Equal(t, head.OfficerID, events[8].ActorID)     // the decision
	require.Equal(t, final.LastHash, events[len(events)-1].Hash)

	// Every time limit of the procedure, each counted from its own start on
	// the real calendar, and each met.
	days := cal(t)
	addDays := func(from time.Time, n int) string {
		d, err := days.AddDays(calendar.DateOf(from), n)
		require.NoError(t, err)
		return d.String()
	}
	filedAt := c.outcomes[1].at
	want := map[string]string{
		"filing":      workdaysAfter(t, c.outcomes[0].at, 15).String(), // SAMR 18
		"decision":    addDays(filedAt, 90),                            // PL 60
		"review#1":    workdaysAfter(t, submitted.at, 10).String(),     // SAMR 55
		"statement":   workdaysAfter(t, notified.at, 5).String(),       // SAMR 57
		"service":     workdaysAfter(t, decided.at, 7).String(),        // PL 61
		"publication": workdaysAfter(t, decided.at, 7).String(),        // GB118
		"payment":     addDays(served.at, 15),                          // PL 67
		"closing":     workdaysAfter(t, paid.at, 15).String(),          // SAMR 77
	}
	require.Equal(t, "2026-03-19", want["review#1"])
	require.Len(t, final.Deadlines, len(want))
	for _, d := range final.Deadlines {
		require.Contains(t, want, d.Key)
		require.Equal(t, want[d.Key], d.DueDate, "deadline %s", d.Key)
		require.Equal(t, casefile.DeadlineMet, d.State, "deadline %s", d.Key)
		require.NotNil(t, d.MetAt, "deadline %s", d.Key)
		require.True(t, d.MetAt.Before(d.DueAt), "deadline %s met at %s, due %s", d.Key, d.MetAt, d.DueAt)
	}

	// The record written with the report puts the review in the reviewers'
	// inbox with its due time; the last record shows the case closed with no
	// work left and every deadline met.
	recs := c.rec.records()
	reviewDue := deadline(t, final, "review#1").DueAt
	require.Len(t, recs[3].Tasks, 1)
	task := recs[3].Tasks[0]
	require.Equal(t, "review#1", task.Key)
	require.Equal(t, string(casefile.RoleReviewer), task.Role)
	require.Equal(t, []string{string(workflows.ActApproveReview), string(workflows.ActReturnReview)}, task.Acts)
	require.NotNil(t, task.DueAt)
	require.True(t, task.DueAt.Equal(reviewDue))
	require.True(t, reviewDue.Equal(bj(2026, 3, 20, 0, 0)), "review due at %s", reviewDue)

	last := recs[len(recs)-1]
	require.True(t, last.Case.Closed)
	require.Equal(t, string(workflows.StageClosed), last.Case.Stage)
	require.Empty(t, last.Tasks)
	for _, d := range last.Deadlines {
		require.Equal(t, casefile.DeadlineMet, d.State, "deadline %s in the last record", d.Key)
	}
	snap := c.rec.snapshot(t)
	require.Equal(t, workflows.StageClosed, snap.Stage)
	require.Equal(t, len(events), snap.Seq)
}

// TestPublicationDeadlineGoesOverdue: a penalty decision must be published
// within 7 working days (GB118; HB (六)). Decided on Monday 2026-09-28, the
// count skips the National Day holiday (1–7 Oct) and counts the make-up
// Saturday 10 Oct: due Tuesday 2026-10-13, passing at 24:00 Beijing time.
func TestPublicationDeadlineGoesOverdue(t *testing.T) {
	c := newCaseTest(t, bj(2026, 9, 28, 8, 0))
	c.awaitingDecision()
	decided := c.do(workflows.ActDecide, decide(head, proposedFine))
	c.do(workflows.ActServeDecision, serve(officer1))
	c.do(workflows.ActRecordPayment, workflows.RecordPaymentInput{ActBase: by(officer1), Amount: proposedFine, Receipt: "3301-2026-000456"})
	acts := len(c.outcomes)

	dueAt := bj(2026, 10, 14, 0, 0)
	before := c.lookAt(dueAt.Add(-time.Minute))
	c.wait(dueAt)
	after := c.look()
	c.do(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "临江县人民政府门户网站"})
	c.do(workflows.ActRecordExecution, confiscated(officer2))
	c.do(workflows.ActRequestClosing, reason(officer1, "罚款已缴清，执行完毕"))
	c.do(workflows.ActApproveClosing, opinion(head, "同意结案"))
	c.run()

	require.Equal(t, civil.Date{Year: 2026, Month: 9, Day: 28}, calendar.DateOf(decided.at))
	require.Equal(t, civil.Date{Year: 2026, Month: 10, Day: 13}, workdaysAfter(t, decided.at, 7))

	// A minute before 24:00 on the due date nothing is overdue.
	s := before.get(t)
	pub := deadline(t, s, "publication")
	require.Equal(t, "2026-10-13", pub.DueDate)
	require.True(t, pub.DueAt.Equal(dueAt), "due at %s", pub.DueAt)
	require.True(t, pub.DueAt.Equal(calendar.EndOfDay(workdaysAfter(t, decided.at, 7))))
	require.True(t, pub.WarnAt.Equal(bj(2026, 10, 12, 0, 0)), "warn at %s", pub.WarnAt) // the working day before
	require.Equal(t, "GB118; HB (六)", pub.Basis)
	require.Equal(t, casefile.DeadlineOpen, pub.State)
	require.Equal(t, acts, before.records)
	require.NotContains(t, c.rec.acts()[:before.records], "deadline-overdue")

	// Once 24:00 has passed it is overdue, the record says so, and the
	// officers still have the publication task.
	s = after.get(t)
	pub = deadline(t, s, "publication")
	require.Equal(t, casefile.DeadlineOverdue, pub.State)
	require.NotNil(t, pub.OverdueAt)
	require.WithinDuration(t, dueAt, *pub.OverdueAt, time.Second)
	require.Nil(t, pub.MetAt)
	require.Equal(t, acts+1, after.records)
	rec := c.rec.records()[acts]
	require.Equal(t, "deadline-overdue", rec.Event.Act)
	require.Equal(t, "system", rec.Event.ActorID)
	require.Contains(t, rec.Event.Summary, "2026-10-13")
	var data casefile.Deadline
	require.NoError(t, json.Unmarshal(rec.Event.Data, &data))
	require.Equal(t, "publication", data.Key)
	require.Equal(t, casefile.DeadlineOverdue, data.State)
	require.Equal(t, casefile.DeadlineOverdue, deadline(t, workflows.Case{Core: workflows.Core{Deadlines: rec.Deadlines}}, "publication").State)
	var publishTasks int
	for _, task := range rec.Tasks {
		if task.Key == "publication" {
			publishTasks++
		}
	}
	require.Equal(t, 2, publishTasks, "one publication task per handling officer: %+v", rec.Tasks)
	// Only the publication was late: everything else done in time stays met.
	for _, d := range s.Deadlines {
		if d.Key != "publication" && d.Key != "closing" {
			require.Equal(t, casefile.DeadlineMet, d.State, "deadline %s", d.Key)
		}
	}

	// Publishing late is still possible and lets the case close; the
	// deadline stays overdue on the record.
	final := c.result()
	require.Equal(t, workflows.StageClosed, final.Stage)
	require.NotNil(t, final.Publication)
	require.Equal(t, casefile.DeadlineOverdue, deadline(t, final, "publication").State)
	require.Equal(t, casefile.DeadlineMet, deadline(t, final, "closing").State)
	require.NoError(t, casefile.VerifyChain(c.rec.events()))
}

// TestReviewReturnedTwiceThenApproved: the reviewer returns the report with a
// written opinion (SAMR 54(2)–(4)); the handlers fix it and resubmit (HB loop);
// each round has its own 10-working-day limit (SAMR 55).
func TestReviewReturnedTwiceThenApproved(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.filed()
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	submit1 := c.do(workflows.ActSubmitReport, report(officer1, proposedFine))

	// A return without a written opinion is refused and changes nothing.
	before := c.look()
	c.refuse(workflows.ActReturnReview, reason(reviewer, ""), workflows.CodeInvalidInput)
	unchanged := c.look()

	c.wait(bj(2026, 3, 3, 10, 0))
	return1 := c.do(workflows.ActReturnReview, reason(reviewer, "货值未查明，事实不清，建议补充调查"))
	returned := c.look()
	c.wait(bj(2026, 3, 4, 10, 0))
	supplement := evidence(officer2, officer1.OfficerID, officer2.OfficerID)
	supplement.Kind, supplement.Description, supplement.Proves = "书证", "进货发票 1 张", "涉案食品的进货价格和数量"
	c.do(workflows.ActRecordEvidence, supplement)
	submit2 := c.do(workflows.ActSubmitReport, report(officer1, proposedFine))
	c.wait(bj(2026, 3, 5, 10, 0))
	return2 := c.do(workflows.ActReturnReview, reason(reviewer, "适用依据条款引用不准确，建议更正"))
	c.wait(bj(2026, 3, 9, 10, 0))
	submit3 := c.do(workflows.ActSubmitReport, report(officer1, proposedFine))
	c.wait(bj(2026, 3, 10, 10, 0))
	approve3 := c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	end := c.look()
	c.cancel()
	c.run()

	b, u := before.get(t), unchanged.get(t)
	require.Equal(t, workflows.StageReview, u.Stage)
	require.Empty(t, u.Reviews)
	require.Equal(t, b, u)
	require.Equal(t, before.records, unchanged.records)

	r := returned.get(t)
	require.Equal(t, workflows.StageInvestigation, r.Stage)
	require.False(t, r.ReviewPassed)

	s := end.get(t)
	require.Equal(t, workflows.StagePenaltyApproval, s.Stage)
	require.True(t, s.ReviewPassed)
	require.Len(t, s.Reviews, 3)
	for i, want := range []struct {
		passed  bool
		opinion string
	}{{false, "货值未查明，事实不清，建议补充调查"}, {false, "适用依据条款引用不准确，建议更正"}, {true, "同意"}} {
		require.Equal(t, i+1, s.Reviews[i].Round)
		require.Equal(t, want.passed, s.Reviews[i].Passed, "round %d", i+1)
		require.Equal(t, want.opinion, s.Reviews[i].Opinion, "round %d", i+1)
		require.Equal(t, reviewer.OfficerID, s.Reviews[i].ReviewerID)
	}

	rounds := []struct {
		key              string
		submitted, ended *outcome
	}{{"review#1", submit1, return1}, {"review#2", submit2, return2}, {"review#3", submit3, approve3}}
	for _, round := range rounds {
		d := deadline(t, s, round.key)
		require.Equal(t, "review", d.Step)
		require.Equal(t, "SAMR 55", d.Basis)
		require.True(t, d.StartAt.Equal(round.submitted.at), "%s starts %s, want %s", round.key, d.StartAt, round.submitted.at)
		require.Equal(t, workdaysAfter(t, round.submitted.at, 10).String(), d.DueDate, round.key)
		require.Equal(t, casefile.DeadlineMet, d.State, round.key)
		require.True(t, d.MetAt.Equal(round.ended.at), "%s met %s, want %s", round.key, d.MetAt, round.ended.at)
	}
	require.Equal(t, "2026-03-16", deadline(t, s, "review#1").DueDate)
	require.Equal(t, "2026-03-18", deadline(t, s, "review#2").DueDate)
	require.Equal(t, "2026-03-23", deadline(t, s, "review#3").DueDate)

	var returns int
	for _, a := range c.rec.acts() {
		if a == string(workflows.ActReturnReview) {
			returns++
		}
	}
	require.Equal(t, 2, returns, "the refused return is not on the record")
	require.NoError(t, casefile.VerifyChain(c.rec.events()))
}

// TestDecisionRefusedUntilAllowed: no decision without a passed legal review
// (PL 58), nor while the party's statement window is open (PL 62), nor by a
// handling officer or the reviewer (办审定分离, HB (十二)).
func TestDecisionRefusedUntilAllowed(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.filed()
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	beforeReport := c.refuse(workflows.ActDecide, decide(head, proposedFine), workflows.CodeReviewRequired)
	c.do(workflows.ActSubmitReport, report(officer1, proposedFine))
	c.refuse(workflows.ActDecide, decide(head, proposedFine), workflows.CodeReviewRequired)
	c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	c.do(workflows.ActApprovePenalty, opinion(head, "同意"))
	c.do(workflows.ActServeNotice, serve(officer1))
	windowOpen := c.refuse(workflows.ActDecide, decide(head, proposedFine), workflows.CodeWindowOpen)
	c.do(workflows.ActRecordWaiver, waiver(officer1))
	byHandler := c.refuse(workflows.ActDecide, decide(officer2, proposedFine), workflows.CodeSeparationOfDuties)
	byReviewer := c.refuse(workflows.ActDecide, decide(reviewer, proposedFine), workflows.CodeSeparationOfDuties)
	waiting := c.look()
	c.do(workflows.ActDecide, decide(head, proposedFine))
	decided := c.look()
	c.cancel()
	c.run()

	require.Contains(t, beforeReport.rejected.Error(), "PL 58")
	require.Contains(t, windowOpen.rejected.Error(), "PL 62")
	require.Contains(t, byHandler.rejected.Error(), "handling officer")
	require.Contains(t, byReviewer.rejected.Error(), "reviewer")

	s := waiting.get(t)
	require.Equal(t, workflows.StageDecision, s.Stage)
	require.Nil(t, s.Decision)
	require.Equal(t, 8, waiting.records, "no refused decision is on the record")
	require.Equal(t, 8, s.Seq)

	s = decided.get(t)
	require.Equal(t, workflows.StageService, s.Stage)
	require.Equal(t, head.OfficerID, s.Decision.DeciderID)
	require.Equal(t, 9, decided.records)
}

// TestHandlingOfficerCannotReview: 办案人员不得作为审核人员 (SAMR 49 ¶3).
func TestHandlingOfficerCannotReview(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.underReview()
	approve := c.refuse(workflows.ActApproveReview, opinion(officer1, "同意"), workflows.CodeSeparationOfDuties)
	c.refuse(workflows.ActReturnReview, reason(officer2, "补充调查"), workflows.CodeSeparationOfDuties)
	s := c.look()
	c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	c.cancel()
	c.run()

	require.Contains(t, approve.rejected.Error(), "SAMR 49")
	st := s.get(t)
	require.Equal(t, workflows.StageReview, st.Stage)
	require.Empty(t, st.Reviews)
	require.False(t, st.ReviewPassed)
	require.Equal(t, 4, s.records)
}

// TestStatementWindowClosesByItself: the party has 5 working days from
// service of the prior notice (SAMR 57; PL 64, 85); silence is a waiver. A
// notice served on Friday 2026-09-25 (Mid-Autumn holiday) is due Friday
// 2026-10-09: 28, 29, 30 Sep, then the National Day holiday, then 8 and 9 Oct.
func TestStatementWindowClosesByItself(t *testing.T) {
	c := newCaseTest(t, bj(2026, 9, 25, 8, 0))
	c.notified()
	notifiedActs := len(c.outcomes)
	served := c.outcomes[notifiedActs-1]
	due := workdaysAfter(t, served.at, 5)
	require.Equal(t, civil.Date{Year: 2026, Month: 10, Day: 9}, due)
	dueAt := calendar.EndOfDay(due)
	require.True(t, dueAt.Equal(bj(2026, 10, 10, 0, 0)))

	before := c.lookAt(dueAt.Add(-time.Minute))
	c.wait(dueAt)
	after := c.look()
	late := c.refuse(workflows.ActRecordStatement, workflows.RecordStatementInput{ActBase: by(officer1), Text: "当事人称不知道已过期"}, workflows.CodeWindowClosed)
	c.refuse(workflows.ActRecordWaiver, waiver(officer1), workflows.CodeWindowClosed)
	c.do(workflows.ActDecide, decide(head, proposedFine)) // PL 62 no longer stands in the way
	c.cancel()
	c.run()

	s := before.get(t)
	require.Equal(t, workflows.StageStatement, s.Stage)
	require.Nil(t, s.Notice.ClosedAt)
	st := deadline(t, s, "statement")
	require.Equal(t, "2026-10-09", st.DueDate)
	require.True(t, st.DueAt.Equal(dueAt))
	require.True(t, st.Window)
	require.Equal(t, casefile.DeadlineOpen, st.State)
	require.Equal(t, notifiedActs, before.records) // nothing since the notice

	s = after.get(t)
	require.Equal(t, workflows.StageDecision, s.Stage)
	require.Equal(t, "expired", s.Notice.ClosedHow)
	require.NotNil(t, s.Notice.ClosedAt)
	require.WithinDuration(t, dueAt, *s.Notice.ClosedAt, time.Second)
	st = deadline(t, s, "statement")
	require.Equal(t, casefile.DeadlineMet, st.State, "a party's window closes, it is not overdue")
	require.Nil(t, st.OverdueAt)
	for _, d := range s.Deadlines {
		require.NotEqual(t, casefile.DeadlineOverdue, d.State, "deadline %s", d.Key)
	}
	require.Equal(t, before.records+1, after.records)
	rec := c.rec.records()[before.records]
	require.Equal(t, "window-expired", rec.Event.Act)
	require.Equal(t, "system", rec.Event.ActorID)
	require.NotContains(t, c.rec.acts(), "deadline-overdue")

	require.Contains(t, late.rejected.Error(), "SAMR 57")
	require.Equal(t, string(workflows.ActDecide), c.rec.acts()[after.records])
	require.NoError(t, casefile.VerifyChain(c.rec.events()))
}

// TestWrongStepActsAreRefusedAndNotRecorded: an act that does not fit the
// case's step is refused with the step named, and leaves no trace on the
// record.
func TestWrongStepActsAreRefusedAndNotRecorded(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	atFiling := c.look()
	wrong := []struct {
		act casefile.Act
		in  any
	}{
		{workflows.ActOpenCase, c.open},
		{workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID)},
		{workflows.ActSubmitReport, report(officer1, proposedFine)},
		{workflows.ActApproveReview, opinion(reviewer, "同意")},
		{workflows.ActReturnReview, reason(reviewer, "补充调查")},
		{workflows.ActApprovePenalty, opinion(head, "同意")},
		{workflows.ActServeNotice, serve(officer1)},
		{workflows.ActRecordStatement, workflows.RecordStatementInput{ActBase: by(officer1), Text: "陈述"}},
		{workflows.ActRecordWaiver, waiver(officer1)},
		{workflows.ActServeDecision, serve(officer1)},
		{workflows.ActPublish, workflows.PublishInput{ActBase: by(officer1), Channel: "政府网站"}},
		{workflows.ActRecordPayment, workflows.RecordPaymentInput{ActBase: by(officer1), Amount: proposedFine, Receipt: "1"}},
		{workflows.ActRequestClosing, reason(officer1, "结案")},
		{workflows.ActApproveClosing, opinion(head, "同意")},
	}
	var refused []*outcome
	for _, w := range wrong {
		refused = append(refused, c.refuse(w.act, w.in, workflows.CodeWrongStep))
	}
	stillFiling := c.look()
	c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	twice := c.refuse(workflows.ActApproveFiling, opinion(head, "同意立案"), workflows.CodeWrongStep)
	c.refuse(workflows.ActRejectFiling, reason(head, "不予立案"), workflows.CodeWrongStep)
	investigating := c.look()
	c.cancel()
	c.run()

	for _, o := range refused {
		require.Contains(t, o.rejected.Error(), "立案审批", "%s: the message names the current step", o.act)
	}
	require.Contains(t, twice.rejected.Error(), "调查取证")

	a, b := atFiling.get(t), stillFiling.get(t)
	require.Equal(t, 1, atFiling.records)
	require.Equal(t, atFiling.records, stillFiling.records)
	require.Equal(t, a, b)
	require.Equal(t, workflows.StageFiling, b.Stage)

	s := investigating.get(t)
	require.Equal(t, workflows.StageInvestigation, s.Stage)
	require.Equal(t, 2, investigating.records)
	require.Equal(t, []string{string(workflows.ActOpenCase), string(workflows.ActApproveFiling)}, c.rec.acts())
}

// TestHeavierFineThanNotifiedIsRefused: the decision may not be heavier than
// the penalty the party was notified of (PL 44, 45; SAMR 58).
func TestHeavierFineThanNotifiedIsRefused(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.awaitingDecision()
	heavier := c.refuse(workflows.ActDecide, decide(head, proposedFine+100000), workflows.CodeInvalidInput)
	waiting := c.look()
	c.do(workflows.ActDecide, decide(head, proposedFine))
	decided := c.look()
	c.cancel()
	c.run()

	require.Contains(t, heavier.rejected.Error(), "6000.00")
	require.Contains(t, heavier.rejected.Error(), "5000.00")
	require.Contains(t, heavier.rejected.Error(), "PL 44, 45")
	s := waiting.get(t)
	require.Nil(t, s.Decision)
	require.Equal(t, workflows.StageDecision, s.Stage)
	require.Equal(t, 8, waiting.records)
	require.Equal(t, proposedFine, decided.get(t).Decision.Fine)
}

// TestEvidenceNeedsTwoOfficers: evidence is collected by at least two
// handling officers (PL 42, 55).
func TestEvidenceNeedsTwoOfficers(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.filed()
	alone := c.refuse(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID), workflows.CodeInvalidInput)
	c.refuse(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer1.OfficerID), workflows.CodeInvalidInput)
	c.refuse(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, "o-stranger"), workflows.CodeNotOnCase)
	c.refuse(workflows.ActSubmitReport, report(officer1, proposedFine), workflows.CodeWrongStep) // nothing recorded yet
	s := c.look()
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	c.cancel()
	c.run()

	require.Contains(t, alone.rejected.Error(), "PL 42")
	st := s.get(t)
	require.Empty(t, st.Evidence)
	require.Equal(t, 2, s.records)
	require.Equal(t, []string{string(workflows.ActOpenCase), string(workflows.ActApproveFiling), string(workflows.ActRecordEvidence)}, c.rec.acts())
}

// TestRejectFilingClosesCase: the head may refuse to file (SAMR 20), with a
// written reason; the case closes as not filed.
func TestRejectFilingClosesCase(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	c.refuse(workflows.ActRejectFiling, reason(head, ""), workflows.CodeInvalidInput)
	rejected := c.do(workflows.ActRejectFiling, reason(head, "违法行为轻微并及时改正，没有造成危害后果（市场监管行政处罚程序规定第二十条）"))
	c.run()

	final := c.result()
	require.Equal(t, workflows.StageClosed, final.Stage)
	require.Equal(t, "not-filed", final.Outcome)
	require.Nil(t, final.FiledAt)
	require.True(t, final.ClosedAt.Equal(rejected.at))
	require.Len(t, final.Deadlines, 1)
	filing := deadline(t, final, "filing")
	require.Equal(t, casefile.DeadlineMet, filing.State)

	require.Equal(t, []string{string(workflows.ActOpenCase), string(workflows.ActRejectFiling)}, c.rec.acts())
	require.NoError(t, casefile.VerifyChain(c.rec.events()))
	recs := c.rec.records()
	last := recs[len(recs)-1]
	require.True(t, last.Case.Closed)
	require.Empty(t, last.Tasks)
	require.Contains(t, last.Event.Summary, "第二十条")
}

// TestAvailableActs lists what an officer may do on a case in a given state,
// as the case alone decides (Casbin decides the role separately).
func TestAvailableActs(t *testing.T) {
	t.Parallel()
	now := bj(2026, 3, 2, 9, 0)
	officers := []workflows.Officer{{ID: officer1.OfficerID}, {ID: officer2.OfficerID}}
	at := func(stage workflows.Stage, edit func(*workflows.Case)) workflows.Case {
		c := workflows.Case{Core: workflows.Core{Officers: officers, Stage: stage, Seq: 3}}
		if edit != nil {
			edit(&c)
		}
		return c
	}
	withEvidence := func(c *workflows.Case) { c.Evidence = []workflows.Evidence{{Kind: "书证"}} }
	reviewed := func(c *workflows.Case) {
		c.ReviewPassed = true
		c.Reviews = []workflows.Review{{Round: 1, ReviewerID: reviewer.OfficerID, Passed: true}}
	}
	penalty := func(published bool) func(*workflows.Case) {
		return func(c *workflows.Case) {
			reviewed(c)
			c.Decision = &workflows.Decision{Outcome: "penalty", Fine: proposedFine}
			if published {
				c.Publication = &workflows.Published{Channel: "政府网站", At: now}
			}
		}
	}
	acts := func(a ...casefile.Act) []casefile.Act { return a }

	tests := []struct {
		name    string
		c       workflows.Case
		officer string
		want    []casefile.Act
	}{
		{"filing: the head approves or refuses", at(workflows.StageFiling, nil), head.OfficerID,
			acts(workflows.ActApproveFiling, workflows.ActRejectFiling)},
		{"investigation without evidence: only evidence", at(workflows.StageInvestigation, nil), officer1.OfficerID,
			acts(workflows.ActRecordEvidence)},
		{"investigation with evidence: evidence or report", at(workflows.StageInvestigation, withEvidence), officer2.OfficerID,
			acts(workflows.ActRecordEvidence, workflows.ActSubmitReport)},
		{"investigation: nothing for someone not on the case", at(workflows.StageInvestigation, withEvidence), head.OfficerID,
			nil},
		{"review: the reviewer approves or returns", at(workflows.StageReview, withEvidence), reviewer.OfficerID,
			acts(workflows.ActApproveReview, workflows.ActReturnReview)},
		{"review: a handler may not review (SAMR 49)", at(workflows.StageReview, withEvidence), officer1.OfficerID,
			nil},
		{"penalty approval: the head", at(workflows.StagePenaltyApproval, reviewed), head.OfficerID,
			acts(workflows.ActApprovePenalty)},
		{"penalty approval: not the reviewer", at(workflows.StagePenaltyApproval, reviewed), reviewer.OfficerID,
			nil},
		{"statement window open: statement or waiver", at(workflows.StageStatement, func(c *workflows.Case) {
			reviewed(c)
			c.Notice = &workflows.Notice{ServedAt: now, Method: "direct"}
		}), officer1.OfficerID, acts(workflows.ActRecordStatement, workflows.ActRecordWaiver)},
		{"statement window open: the head cannot decide (PL 62)", at(workflows.StageStatement, func(c *workflows.Case) {
			reviewed(c)
			c.Notice = &workflows.Notice{ServedAt: now, Method: "direct"}
		}), head.OfficerID, nil},
		{"decision: the head decides", at(workflows.StageDecision, reviewed), head.OfficerID,
			acts(workflows.ActDecide)},
		{"decision: not the reviewer", at(workflows.StageDecision, reviewed), reviewer.OfficerID,
			nil},
		{"service of a penalty: serve and publish", at(workflows.StageService, penalty(false)), officer1.OfficerID,
			acts(workflows.ActServeDecision, workflows.ActPublish)},
		{"closing before publication: publish first (PL 48)", at(workflows.StageClosing, penalty(false)), officer1.OfficerID,
			acts(workflows.ActPublish)},
		{"closing after publication: request closing, or correct the published text (SAMR-PUB 12)", at(workflows.StageClosing, penalty(true)), officer1.OfficerID,
			acts(workflows.ActPublish, workflows.ActRequestClosing)},
		{"closing approval: the head", at(workflows.StageClosingApproval, penalty(true)), head.OfficerID,
			acts(workflows.ActApproveClosing)},
		{"closed: nothing", at(workflows.StageClosed, penalty(true)), officer1.OfficerID,
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// Recusal, reassignment and the course beside the main line
			// (suspension, termination, transfer, …) are open at every step
			// of the handling; this table is about the main line.
			beside := []casefile.Act{workflows.ActApplyRecusal, workflows.ActReassignOfficers, workflows.ActSuspendCase,
				workflows.ActTerminateCase, workflows.ActWithdrawFiling, workflows.ActTransferCase, workflows.ActMarkMajor,
				workflows.ActStartExclusion, workflows.ActRecordDiscussion, workflows.ActRecordRemedy, workflows.ActApproveDeferral,
				workflows.ActReopenInvestigation}
			got := slices.DeleteFunc(tc.c.AvailableActs(tc.officer), func(a casefile.Act) bool { return slices.Contains(beside, a) })
			if len(got) == 0 {
				got = nil
			}
			require.Equal(t, tc.want, got)
		})
	}
}

// TestFilingClockStartsAtDiscovery_SAMR18: the 15 working days to decide on
// filing run from the clue's discovery (Monday 2026-03-02), not from when
// the application is entered (Monday 2026-03-16): the last day is Monday
// 2026-03-23, and the deadline is overdue from 24:00 that day.
func TestFilingClockStartsAtDiscovery_SAMR18(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 16, 9, 0))
	discovered := bj(2026, 3, 2, 10, 0)
	c.open.DiscoveredAt = &discovered
	c.do(workflows.ActOpenCase, c.open)
	opened := c.look()
	late := c.lookAt(bj(2026, 3, 24, 0, 5))
	c.wait(bj(2026, 3, 24, 1, 0))
	c.cancel()
	c.run()
	require.Equal(t, "2026-03-23", deadline(t, opened.get(t), "filing").DueDate)
	require.Equal(t, casefile.DeadlineOverdue, deadline(t, late.get(t), "filing").State)
}

// TestClosingClock_SAMR77: a no-penalty decision is itself the closing
// trigger — decided Friday 2026-03-13, the closing form is due within 15
// working days, by Friday 2026-04-03 — and the limit is met when the unit
// fills in the closing form, whenever the head approves it; the no-penalty
// decision is published first.
func TestClosingClock_SAMR77(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.toNotice()
	c.do(workflows.ActServeNotice, serve(officer1))
	c.do(workflows.ActRecordWaiver, waiver(officer2))
	c.wait(bj(2026, 3, 13, 10, 0))
	c.refuse(workflows.ActDecide, workflows.DecideInput{ActBase: by(head), Outcome: "no-penalty",
		Reasons: "违法行为轻微并及时改正，没有造成危害后果（行政处罚法第三十三条）"}, workflows.CodeInvalidInput)
	c.do(workflows.ActDecide, workflows.DecideInput{ActBase: by(head), Outcome: "no-penalty", Ground: "minor",
		Reasons: "违法行为轻微并及时改正，没有造成危害后果（行政处罚法第三十三条）"})
	decided := c.look()
	c.wait(bj(2026, 3, 16, 10, 0))
	c.do(workflows.ActServeDecision, serve(officer1))
	c.wait(bj(2026, 3, 17, 10, 0))
	c.refuse(workflows.ActRequestClosing, reason(officer1, "不予处罚，结案"), workflows.CodeWrongStep)
	c.do(workflows.ActPublish, workflows.PublishInput{ActBase: by(officer2), Channel: "临江县人民政府门户网站"})
	c.do(workflows.ActRequestClosing, reason(officer1, "不予处罚，结案"))
	requested := c.look()
	late := c.lookAt(bj(2026, 4, 10, 10, 0))
	c.wait(bj(2026, 4, 10, 11, 0))
	c.cancel()
	c.run()

	require.Equal(t, "2026-04-03", deadline(t, decided.get(t), "closing").DueDate)
	// Another enforcement decision is published within 20 working days
	// (GB118; HB (六)): from Friday 03-13, skipping Qingming (04-04 to
	// 04-06), Monday 04-13.
	require.Equal(t, "2026-04-13", deadline(t, decided.get(t), "publication").DueDate)
	require.Equal(t, casefile.DeadlineMet, deadline(t, requested.get(t), "closing").State, "met by the closing form")
	require.Equal(t, casefile.DeadlineMet, deadline(t, late.get(t), "closing").State, "not overdue while the head has yet to approve")
}

// TestStatementKeepsTheWindowOpen_PL64: the party keeps the whole 5 working
// days (notice served Wednesday 2026-03-11, last day Wednesday 2026-03-18) to
// add statements and ask for a hearing: a statement does not close the
// window, the head cannot decide before it ends, and only the party's
// signed waiver — with its document and who received it — ends it early.
func TestStatementKeepsTheWindowOpen_PL64(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.toNotice()
	c.wait(bj(2026, 3, 11, 10, 0))
	c.do(workflows.ActServeNotice, serve(officer1))
	c.wait(bj(2026, 3, 12, 10, 0))
	c.do(workflows.ActRecordStatement, workflows.RecordStatementInput{ActBase: by(officer1), Text: "当事人称不知道已过期"})
	afterFirst := c.look()
	c.refuse(workflows.ActDecide, decide(head, proposedFine), workflows.CodeWindowOpen)
	c.wait(bj(2026, 3, 16, 10, 0))
	c.do(workflows.ActRecordStatement, workflows.RecordStatementInput{ActBase: by(officer1), Text: "补充陈述：已下架全部过期商品"})
	unsigned := waiver(officer1)
	unsigned.Document = ""
	c.refuse(workflows.ActRecordWaiver, unsigned, workflows.CodeInvalidInput)
	lastDay := c.lookAt(bj(2026, 3, 18, 23, 0))
	after := c.lookAt(bj(2026, 3, 19, 0, 30))
	c.wait(bj(2026, 3, 19, 9, 0))
	c.do(workflows.ActDecide, decide(head, proposedFine))
	c.cancel()
	c.run()

	require.Equal(t, workflows.StageStatement, afterFirst.get(t).Stage, "a statement leaves the window open")
	require.Equal(t, workflows.StageStatement, lastDay.get(t).Stage, "open all of its last day")
	a := after.get(t)
	require.Equal(t, workflows.StageDecision, a.Stage)
	require.Equal(t, "expired", a.Notice.ClosedHow)
	require.Len(t, a.Statements, 2)
	var closed casefile.Event
	for _, e := range c.rec.events() {
		if e.Act == "window-expired" {
			closed = e
		}
	}
	require.Contains(t, closed.Summary, "已陈述申辩 2 次", "the record does not say the party waived")
}

// TestPartPayments_PL67: a fine of 5,000 元 paid 2,000 元 then 3,000 元 —
// the case stays in execution until it is paid in full, and no payment may
// exceed what is still owed; an unpaid or part-paid case cannot close.
func TestPartPayments_PL67(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.toNotice()
	c.do(workflows.ActServeNotice, serve(officer1))
	c.do(workflows.ActRecordWaiver, waiver(officer1))
	c.do(workflows.ActDecide, decide(head, proposedFine))
	c.do(workflows.ActServeDecision, serve(officer1))
	pay := func(amount workflows.Yuan, receipt string) workflows.RecordPaymentInput {
		return workflows.RecordPaymentInput{ActBase: by(officer1), Amount: amount, Receipt: receipt}
	}
	c.do(workflows.ActRecordPayment, pay(200000, "ICBC-1"))
	part := c.look()
	c.refuse(workflows.ActRequestClosing, reason(officer1, "结案"), workflows.CodeWrongStep)
	c.refuse(workflows.ActRecordPayment, pay(350000, "ICBC-2"), workflows.CodeInvalidInput)
	c.do(workflows.ActRecordPayment, pay(300000, "ICBC-3"))
	full := c.look()
	c.cancel()
	c.run()

	p := part.get(t)
	require.Equal(t, workflows.StageExecution, p.Stage, "part-paid: still in execution")
	require.Nil(t, p.Payment)
	require.Equal(t, casefile.DeadlineOpen, deadline(t, p, "payment").State)
	f := full.get(t)
	require.Equal(t, workflows.StageClosing, f.Stage)
	require.Equal(t, workflows.Yuan(500000), f.Payment.Amount)
	require.Len(t, f.Payments, 2)
	require.Equal(t, casefile.DeadlineMet, deadline(t, f, "payment").State)
}

// TestKindNotNotifiedIsRefused_PL44: the decision may not add a kind of
// penalty the party was not notified of (here: revoking the licence after a
// notice of confiscation and a fine) — that needs a new prior notice; and the
// kinds are the law's list, not free text (PL 9).
func TestKindNotNotifiedIsRefused_PL44(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	freeText := report(officer2, proposedFine)
	freeText.Proposal.Kinds = []string{"罚款"}
	c.refuse(workflows.ActSubmitReport, freeText, workflows.CodeInvalidInput)
	c.do(workflows.ActSubmitReport, report(officer2, proposedFine))
	c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	c.do(workflows.ActApprovePenalty, opinion(head, "同意"))
	c.do(workflows.ActServeNotice, serve(officer1))
	c.do(workflows.ActRecordWaiver, waiver(officer1))
	heavier := decide(head, proposedFine)
	heavier.Kinds = append(heavier.Kinds, "revoke-licence")
	refused := c.refuse(workflows.ActDecide, heavier, workflows.CodeInvalidInput)
	noFine := decide(head, proposedFine)
	noFine.Kinds = []string{"confiscate-gains"}
	c.refuse(workflows.ActDecide, noFine, workflows.CodeInvalidInput) // a fine without the kind fine
	c.do(workflows.ActDecide, decide(head, proposedFine))
	c.cancel()
	c.run()
	require.Contains(t, refused.rejected.Error(), "未经事先告知")
}

// TestLimitationPeriod_PL36: an act not discovered within two years of the
// day it occurred (or ended) is not penalised — five years where it harmed
// life, health or financial security. Discovery on the last day is in time.
func TestLimitationPeriod_PL36(t *testing.T) {
	tests := []struct {
		name       string
		act        string
		discovered time.Time
		grave      bool
		want       string
	}{
		{"discovered on the last day of two years", "2024-03-01", bj(2026, 3, 1, 18, 0), false, ""},
		{"discovered the day after", "2024-03-01", bj(2026, 3, 2, 9, 0), false, workflows.CodeInvalidInput},
		{"harm to health: five years", "2024-03-01", bj(2026, 3, 2, 9, 0), true, ""},
		{"29 February: the period ends on 28 February", "2024-02-29", bj(2026, 3, 1, 9, 0), false, workflows.CodeInvalidInput},
		{"29 February, discovered on 28 February", "2024-02-29", bj(2026, 2, 28, 9, 0), false, ""},
		{"an act after its discovery", "2026-03-05", bj(2026, 3, 2, 9, 0), false, workflows.CodeInvalidInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
			discovered := tt.discovered
			c.open.ActDate, c.open.DiscoveredAt, c.open.GraveHarm = tt.act, &discovered, tt.grave
			c.send(workflows.ActOpenCase, c.open, tt.want)
			c.cancel()
			c.run()
		})
	}
}

// TestFirstTimeReviewerNeedsQualification_PL58: a reviewer who has never
// reviewed and holds no legal professional qualification is refused; one
// who has reviewed before may review (PL 58 ¶2).
func TestFirstTimeReviewerNeedsQualification_PL58(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.underReview()
	first := reviewer
	first.LegalStanding = "none"
	c.refuse(workflows.ActApproveReview, workflows.OpinionInput{ActBase: by(first)}, workflows.CodeReviewerUnqualified)
	c.refuse(workflows.ActReturnReview, workflows.ReasonInput{ActBase: by(first), Opinion: "补充证据"}, workflows.CodeReviewerUnqualified)
	experienced := reviewer
	experienced.LegalStanding = "experienced"
	c.do(workflows.ActApproveReview, workflows.OpinionInput{ActBase: by(experienced)})
	c.cancel()
	c.run()
}

// TestReNoticeWhenTheProposalChanges_PL44_45: notified of 5,000 元 on
// Monday 2026-03-02, the party states its defence on 03-03; new facts come
// to light and the head sends the case back to investigation on 03-04. A
// new report without new evidence is refused (a heavier penalty may not
// rest on the defence, PL 45 ¶2); with new evidence, review and approval,
// the notice of 8,000 元 is served again on 03-05 and the party has a new
// window of 5 working days, to Thursday 03-12; the head decides 8,000 元
// only after it.
func TestReNoticeWhenTheProposalChanges_PL44_45(t *testing.T) {
	c := newCaseTest(t, bj(2026, 3, 2, 9, 0))
	c.notified()
	c.wait(bj(2026, 3, 3, 10, 0))
	c.do(workflows.ActRecordStatement, workflows.RecordStatementInput{ActBase: by(officer1), Text: "当事人称系初次违法"})
	c.wait(bj(2026, 3, 4, 10, 0))
	c.refuse(workflows.ActReopenInvestigation, reason(officer1, "发现新的违法事实"), workflows.CodeSeparationOfDuties)
	c.do(workflows.ActReopenInvestigation, reason(head, "发现当事人另有销售过期食品的事实"))
	reopened := c.look()
	c.refuse(workflows.ActSubmitReport, report(officer1, workflows.Yuan(800000)), workflows.CodeWrongStep)
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	c.do(workflows.ActSubmitReport, report(officer1, workflows.Yuan(800000)))
	c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	c.do(workflows.ActApprovePenalty, opinion(head, "同意"))
	c.wait(bj(2026, 3, 5, 10, 0))
	c.do(workflows.ActServeNotice, serve(officer1))
	renotified := c.look()
	c.refuse(workflows.ActDecide, decide(head, workflows.Yuan(800000)), workflows.CodeWindowOpen)
	c.wait(bj(2026, 3, 13, 9, 0))
	c.do(workflows.ActDecide, decide(head, workflows.Yuan(800000)))
	c.cancel()
	c.run()

	r := reopened.get(t)
	require.Equal(t, workflows.StageInvestigation, r.Stage)
	require.Len(t, r.PriorNotices, 1)
	require.Equal(t, "renotice", r.PriorNotices[0].ClosedHow)
	require.Nil(t, r.Notice)
	n := renotified.get(t)
	require.Equal(t, workflows.StageStatement, n.Stage)
	require.Equal(t, "2026-03-12", deadline(t, n, "statement#2").DueDate)
	require.Equal(t, casefile.DeadlineMet, deadline(t, n, "statement").State)
}

// confiscated records the confiscation of the illegal gains carried out.
func confiscated(a workflows.Actor) workflows.ExecutionInput {
	return workflows.ExecutionInput{ActBase: by(a), Kind: "confiscate-gains", Description: "违法所得 120 元已缴入国库（缴款书 3301-2026-000124）"}
}
