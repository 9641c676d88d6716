package workflows_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"sync"
	"testing"
	"time"

	"cloud.google.com/go/civil"
	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"

	"github.com/zhifa/zhifa/activities"
	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// The people of every test case: two handling officers, a legal reviewer and
// the agency head, who are four different persons (办审定分离).
var (
	officer1 = workflows.Actor{OfficerID: "o-li", Name: "李明", Certificate: "JZ-14-0001"}
	officer2 = workflows.Actor{OfficerID: "o-wang", Name: "王芳", Certificate: "JZ-14-0002"}
	reviewer = workflows.Actor{OfficerID: "r-zhao", Name: "赵敏", LegalStanding: "qualified"}
	head     = workflows.Actor{OfficerID: "h-chen", Name: "陈刚"}
)

// caseNumber is what the AllocateCaseNumber fake hands out.
const caseNumber = "临江县市监立〔2026〕7号"

// proposedFine is the fine of the investigation report, i.e. the notified one.
const proposedFine = workflows.Yuan(500000) // 5000.00 元

// defaultCalendar is the real 2025–2027 holiday calendar.
var defaultCalendar = sync.OnceValues(calendar.Default)

func cal(t *testing.T) *calendar.Calendar {
	t.Helper()
	c, err := defaultCalendar()
	require.NoError(t, err)
	return c
}

// bj is a Beijing-time instant.
func bj(year, month, day, hour, minute int) time.Time {
	return time.Date(year, time.Month(month), day, hour, minute, 0, 0, calendar.Location())
}

// workdaysAfter is the date n working days after the Beijing date of t,
// counted on the real calendar.
func workdaysAfter(t *testing.T, from time.Time, n int) civil.Date {
	t.Helper()
	d, err := cal(t).AddWorkdays(calendar.DateOf(from), n)
	require.NoError(t, err)
	return d
}

// recorder is the Record activity fake: it keeps every record written, in
// order, and builds the case from their changes, as the database would.
type recorder struct {
	mu     sync.Mutex
	recs   []casefile.Record
	fields map[string]json.RawMessage
	// refuse, if set, makes the fake database refuse a record for good.
	refuse func(casefile.Record) bool
	// down is how many more writes fail as a database that is down does.
	down int
}

func (r *recorder) Record(_ context.Context, rec casefile.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.down > 0 {
		r.down--
		return errors.New("dial tcp 127.0.0.1:5432: connect: connection refused")
	}
	if r.refuse != nil && r.refuse(rec) {
		return temporal.NewNonRetryableApplicationError("value too long for type character varying(1000)", workflows.CodeRecordRefused, nil)
	}
	r.recs = append(r.recs, rec)
	if r.fields == nil {
		r.fields = map[string]json.RawMessage{}
	}
	if err := casefile.Apply(r.fields, rec.Changes); err != nil {
		return err
	}
	if rec.Snapshot != nil {
		// The whole case a local record carries is what its changes build.
		whole, err := casefile.Fields(rec.Snapshot)
		if err != nil {
			return err
		}
		if !maps.EqualFunc(whole, r.fields, func(a, b json.RawMessage) bool { return bytes.Equal(a, b) }) {
			return temporal.NewNonRetryableApplicationError("the whole case differs from what the changes build", workflows.CodeRecordRefused, nil)
		}
	}
	return nil
}

// seed starts the record with a case already recorded, as the database
// holds it when a continued run starts.
func (r *recorder) seed(t *testing.T, c workflows.Case) {
	t.Helper()
	raw, err := json.Marshal(c)
	require.NoError(t, err)
	r.fields, err = casefile.Fields(raw)
	require.NoError(t, err)
}

// snapshot is the case as the records' changes built it.
func (r *recorder) snapshot(t *testing.T) workflows.Case {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	raw, err := json.Marshal(r.fields)
	require.NoError(t, err)
	var c workflows.Case
	require.NoError(t, json.Unmarshal(raw, &c))
	return c
}

func (r *recorder) records() []casefile.Record {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]casefile.Record(nil), r.recs...)
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.recs)
}

func (r *recorder) events() []casefile.Event {
	var out []casefile.Event
	for _, rec := range r.records() {
		out = append(out, rec.Event)
	}
	return out
}

func (r *recorder) acts() []string {
	var out []string
	for _, e := range r.events() {
		out = append(out, e.Act)
	}
	return out
}

// outcome is what became of one act sent to the workflow.
type outcome struct {
	act      casefile.Act
	at       time.Time
	wantCode string // "" means the act must be accepted and complete
	wantErr  string // the act is accepted, then fails with this code

	accepted  bool
	rejected  error // the validator's refusal (OnReject)
	completed bool
	err       error // the handler's error (OnComplete)
}

// snapshot is the case as the State query returned it at one moment, with the
// number of records written so far.
type snapshot struct {
	at      time.Time
	taken   bool
	state   workflows.Case
	raw     json.RawMessage // the state as the query answered it, for other procedures
	records int
	err     error
}

// caseTest drives one case through the test workflow environment on a
// script: acts and state queries at given Beijing times, run by delayed
// callbacks on the mocked clock.
type caseTest struct {
	t        *testing.T
	env      *testsuite.TestWorkflowEnvironment
	rec      *recorder
	start    time.Time
	now      time.Time // the script's cursor: the time of the last scheduled step
	open     workflows.OpenCaseInput
	outcomes []*outcome
	workflow any            // the procedure's workflow; the general procedure unless set
	rules    casefile.Rules // the agency's rule pack; the built-in one unless set
}

func newCaseTest(t *testing.T, start time.Time) *caseTest {
	t.Helper()
	var s testsuite.WorkflowTestSuite
	s.SetLogger(log.NewStructuredLogger(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))))
	env := s.NewTestWorkflowEnvironment()
	env.SetStartTime(start)
	env.SetTestTimeout(30 * time.Second) // wall clock: a stuck workflow fails fast
	env.RegisterWorkflow(workflows.GeneralPenalty)
	env.RegisterWorkflow(workflows.SummaryPenalty)
	env.RegisterWorkflow(workflows.CompulsoryMeasure)
	env.RegisterWorkflow(workflows.CompulsoryExecution)

	holidays := cal(t)
	rec := &recorder{}
	env.RegisterActivityWithOptions(func(_ context.Context, in workflows.ComputeDeadlineInput) (workflows.ComputeDeadlineResult, error) {
		return activities.Compute(holidays, in)
	}, activity.RegisterOptions{Name: workflows.ComputeDeadlineActivity})
	env.RegisterActivityWithOptions(rec.Record, activity.RegisterOptions{Name: workflows.RecordActivity})
	env.RegisterActivityWithOptions(func(_ context.Context, date string) (string, error) {
		d, err := calendar.ParseDate(date)
		if err != nil {
			return "", err
		}
		k, err := holidays.Kind(d)
		return string(k), err
	}, activity.RegisterOptions{Name: workflows.DayKindActivity})
	ct := &caseTest{t: t, env: env, rec: rec, start: start, now: start, rules: casefile.BuiltinRules()}
	env.RegisterActivityWithOptions(func(_ context.Context, in workflows.LoadRulesInput) (casefile.Rules, error) {
		return ct.rules, nil
	}, activity.RegisterOptions{Name: workflows.LoadRulesActivity})
	env.RegisterActivityWithOptions(func(_ context.Context, in workflows.AllocateCaseNumberInput) (string, error) {
		return caseNumber, nil
	}, activity.RegisterOptions{Name: workflows.AllocateCaseNumberActivity})

	open := workflows.OpenCaseInput{
		ActBase:    workflows.ActBase{Actor: officer1},
		CaseID:     "case-" + t.Name(),
		AgencyID:   "agency-linjiang",
		AgencyName: "临江县市场监督管理局",
		PowerItem:  workflows.PowerItem{Code: "330217001000", Name: "对销售不符合保障人体健康的食品的处罚", LegalBasis: "《中华人民共和国食品安全法》第一百二十四条"},
		Party:      workflows.Party{Kind: "organization", Name: "临江县百味食品有限公司", IDNumber: "91330000MA0000000X"},
		Facts:      "当事人销售超过保质期的食品",
		Source:     "投诉举报",
		Officers: []workflows.Officer{
			{ID: officer1.OfficerID, Name: officer1.Name, Certificate: officer1.Certificate},
			{ID: officer2.OfficerID, Name: officer2.Name, Certificate: officer2.Certificate},
		},
	}
	ct.open = open
	return ct
}

// schedule runs fn when the mocked clock reaches when.
func (c *caseTest) schedule(when time.Time, fn func()) {
	c.t.Helper()
	require.False(c.t, when.Before(c.start), "step at %s before the start %s", when, c.start)
	c.env.RegisterDelayedCallback(fn, when.Sub(c.start))
}

// next moves the script's cursor one minute on.
func (c *caseTest) next() time.Time {
	c.now = c.now.Add(time.Minute)
	return c.now
}

// wait moves the script's cursor to when: the next step comes a minute later.
func (c *caseTest) wait(when time.Time) {
	c.t.Helper()
	require.False(c.t, when.Before(c.now), "cannot wait back to %s from %s", when, c.now)
	c.now = when
}

func (c *caseTest) send(act casefile.Act, in any, wantCode string) *outcome {
	return c.sendAs(fmt.Sprintf("%s/%d", act, len(c.outcomes)+1), act, in, wantCode)
}

// sendAs sends an act under a given act ID (the API's Idempotency-Key).
func (c *caseTest) sendAs(id string, act casefile.Act, in any, wantCode string) *outcome {
	o := &outcome{act: act, at: c.next(), wantCode: wantCode}
	c.outcomes = append(c.outcomes, o)
	c.schedule(o.at, func() {
		c.env.UpdateWorkflow(string(act), id, &testsuite.TestUpdateCallback{
			OnAccept:   func() { o.accepted = true },
			OnReject:   func(err error) { o.rejected = err },
			OnComplete: func(_ any, err error) { o.completed, o.err = true, err },
		}, in)
	})
	return o
}

// do sends an act that must be accepted and complete.
func (c *caseTest) do(act casefile.Act, in any) *outcome { return c.send(act, in, "") }

// refuse sends an act that the validator must reject with code: it never
// enters the history.
func (c *caseTest) refuse(act casefile.Act, in any, code string) *outcome {
	return c.send(act, in, code)
}

// look queries the case state at the next step.
func (c *caseTest) look() *snapshot { return c.lookAt(c.next()) }

// lookAt queries the case state at when (which does not move the cursor).
func (c *caseTest) lookAt(when time.Time) *snapshot {
	s := &snapshot{at: when}
	c.schedule(when, func() {
		s.taken = true
		s.records = c.rec.count()
		v, err := c.env.QueryWorkflow(workflows.StateQuery)
		if err != nil {
			s.err = err
			return
		}
		if s.err = v.Get(&s.raw); s.err == nil {
			s.err = json.Unmarshal(s.raw, &s.state)
		}
	})
	return s
}

// cancel ends a case that the test does not drive to its end.
func (c *caseTest) cancel() {
	c.schedule(c.next(), func() { c.env.CancelWorkflow() })
}

// run executes the workflow and checks every act ended as the script said.
func (c *caseTest) run() {
	c.t.Helper()
	wf := c.workflow
	if wf == nil {
		wf = workflows.GeneralPenalty
	}
	c.env.ExecuteWorkflow(wf, c.open)
	require.True(c.t, c.env.IsWorkflowCompleted(), "workflow did not end")
	// A case the script cancels ends cancelled; anything else is a failure
	// of the workflow itself (a panic, a deadlock).
	if err := c.env.GetWorkflowError(); err != nil && !temporal.IsCanceledError(err) {
		var panicked *temporal.PanicError
		if errors.As(err, &panicked) {
			require.FailNow(c.t, "workflow panicked", "%v\n%s", err, panicked.StackTrace())
		}
		require.FailNow(c.t, "workflow failed", "%v", err)
	}
	for _, o := range c.outcomes {
		if o.wantErr != "" {
			require.True(c.t, o.accepted && o.completed, "%s at %s did not run", o.act, o.at)
			require.Equal(c.t, o.wantErr, workflows.RejectionCode(o.err), "%s at %s: %v", o.act, o.at, o.err)
			continue
		}
		if o.wantCode == "" {
			require.NoError(c.t, o.rejected, "%s at %s was rejected", o.act, o.at)
			require.True(c.t, o.accepted && o.completed, "%s at %s did not run", o.act, o.at)
			require.NoError(c.t, o.err, "%s at %s failed", o.act, o.at)
			continue
		}
		require.Error(c.t, o.rejected, "%s at %s: want rejection %s, was accepted", o.act, o.at, o.wantCode)
		require.Equal(c.t, o.wantCode, workflows.RejectionCode(o.rejected), "%s at %s: %v", o.act, o.at, o.rejected)
		require.False(c.t, o.accepted, "%s at %s: a rejected act must not be accepted", o.act, o.at)
	}
}

// result is the final case as the record holds it, built from each act's
// changes; the workflow must have completed at the same point.
func (c *caseTest) result() workflows.Case {
	c.t.Helper()
	var out workflows.ActResult
	require.NoError(c.t, c.env.GetWorkflowResult(&out))
	final := c.rec.snapshot(c.t)
	require.Equal(c.t, out.Seq, final.Seq)
	require.Equal(c.t, out.Stage, string(final.Stage))
	return final
}

// get checks the snapshot was taken and returns the case it saw.
func (s *snapshot) get(t *testing.T) workflows.Case {
	t.Helper()
	require.True(t, s.taken, "state query at %s did not run", s.at)
	require.NoError(t, s.err)
	return s.state
}

// deadline returns the case's deadline with key.
func deadline(t *testing.T, c workflows.Case, key string) casefile.Deadline {
	t.Helper()
	for _, d := range c.Deadlines {
		if d.Key == key {
			return d
		}
	}
	require.Failf(t, "no deadline", "case has no deadline %q: %+v", key, c.Deadlines)
	return casefile.Deadline{}
}

// Inputs of the acts, each by the person who normally performs it.

func by(a workflows.Actor) workflows.ActBase { return workflows.ActBase{Actor: a} }

// toNotice takes the case from its opening to the head's approval of the
// proposed penalty, a minute per act: the prior notice is next.
func (c *caseTest) toNotice() {
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	c.do(workflows.ActSubmitReport, report(officer2, proposedFine))
	c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	c.do(workflows.ActApprovePenalty, opinion(head, "同意"))
}

// waiver is the party's signed waiver, received by officer a (SAMR 57).
func waiver(a workflows.Actor) workflows.WaiverInput {
	return workflows.WaiverInput{ActBase: by(a), Statement: "本人自愿放弃陈述、申辩和要求听证的权利", Document: "放弃声明书 临市监〔2026〕第 3 号",
		ReceivedBy: a.OfficerID}
}

func opinion(a workflows.Actor, text string) workflows.OpinionInput {
	return workflows.OpinionInput{ActBase: by(a), Opinion: text}
}

func reason(a workflows.Actor, text string) workflows.ReasonInput {
	return workflows.ReasonInput{ActBase: by(a), Opinion: text}
}

func evidence(a workflows.Actor, collectors ...string) workflows.RecordEvidenceInput {
	return workflows.RecordEvidenceInput{ActBase: by(a), Kind: "现场笔录", Description: "现场检查发现货架上有超过保质期的酸奶 24 盒",
		Proves: "当事人销售超过保质期的食品", Place: "当事人经营场所", CollectedBy: collectors}
}

func report(a workflows.Actor, fine workflows.Yuan) workflows.SubmitReportInput {
	return workflows.SubmitReportInput{ActBase: by(a), Facts: "当事人销售超过保质期的酸奶 24 盒，货值 120 元",
		Proposal: workflows.Proposal{Penalty: "没收违法所得并处罚款", Kinds: []string{"confiscate-gains", "fine"}, Fine: fine,
			Basis: "《中华人民共和国食品安全法》第一百二十四条第一款"}}
}

func serve(a workflows.Actor) workflows.ServeInput {
	return workflows.ServeInput{ActBase: by(a), Method: "direct", Receiver: "张某（法定代表人）"}
}

func decide(a workflows.Actor, fine workflows.Yuan) workflows.DecideInput {
	return workflows.DecideInput{ActBase: by(a), Outcome: "penalty", Penalty: "没收违法所得并处罚款", Kinds: []string{"confiscate-gains", "fine"},
		Fine: fine, Reasons: "事实清楚，证据确凿；当事人放弃陈述申辩"}
}

// Script prefixes: each brings the case one stage further, one act a minute.

// filed: open-case and approve-filing → investigation.
func (c *caseTest) filed() {
	c.do(workflows.ActOpenCase, c.open)
	c.do(workflows.ActApproveFiling, opinion(head, "同意立案"))
}

// underReview: filed, evidence by both officers, report → review.
func (c *caseTest) underReview() {
	c.filed()
	c.do(workflows.ActRecordEvidence, evidence(officer1, officer1.OfficerID, officer2.OfficerID))
	c.do(workflows.ActSubmitReport, report(officer1, proposedFine))
}

// notified: review passed, penalty approved, notice served → statement.
func (c *caseTest) notified() {
	c.underReview()
	c.do(workflows.ActApproveReview, opinion(reviewer, "同意"))
	c.do(workflows.ActApprovePenalty, opinion(head, "同意"))
	c.do(workflows.ActServeNotice, serve(officer1))
}

// awaitingDecision: notified and the party waived → decision.
func (c *caseTest) awaitingDecision() {
	c.notified()
	c.do(workflows.ActRecordWaiver, waiver(officer1))
}
