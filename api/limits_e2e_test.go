package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/workflows"
)

// text is n characters of Chinese (3 bytes each in UTF-8).
func text(n int) string { return strings.Repeat("证", n) }

func withParty(name string) map[string]any {
	c := map[string]any{}
	for k, v := range newCase {
		c[k] = v
	}
	c["party"] = map[string]any{"kind": "organization", "name": name}
	return c
}

func withFacts(facts string) map[string]any {
	c := withParty("青山县好味食品店")
	c["facts"] = facts
	return c
}

func evidenceWith(field, value string) map[string]any {
	ev := map[string]any{}
	for k, v := range evidence {
		ev[k] = v
	}
	ev[field] = value
	return ev
}

// TestInputLimitsAreTheSameOnSQLiteAndPostgreSQL: every free text has a
// declared maximum, checked before it enters the workflow's history, so
// both databases accept and refuse exactly the same inputs and a refused
// input leaves the case as usable as before. On PostgreSQL a 1,200-character
// evidence description or a NUL once wedged a case for good, and a
// 300-character party name gave a 500.
func TestInputLimitsAreTheSameOnSQLiteAndPostgreSQL(t *testing.T) {
	type step struct {
		name   string
		create map[string]any // a case application, or
		act    casefile.Act   // an act on the investigation case
		body   any
		want   int
	}
	steps := []step{
		{name: "party name at its limit (200)", create: withParty(text(200)), want: 201},
		{name: "party name over its limit", create: withParty(text(201)), want: 422},
		{name: "party name of 300 characters", create: withParty(text(300)), want: 422},
		{name: "facts at their limit (20,000)", create: withFacts(text(20000)), want: 201},
		{name: "facts over their limit", create: withFacts(text(20001)), want: 422},
		{name: "NUL in the party name", create: withParty("好味\x00食品店"), want: 400},
		{name: "evidence description of 1,200 characters", act: workflows.ActRecordEvidence, body: evidenceWith("description", text(1200)), want: 200},
		{name: "evidence description at its limit (5,000)", act: workflows.ActRecordEvidence, body: evidenceWith("description", text(5000)), want: 200},
		{name: "evidence description over its limit", act: workflows.ActRecordEvidence, body: evidenceWith("description", text(5001)), want: 422},
		{name: "NUL in what the evidence proves", act: workflows.ActRecordEvidence, body: evidenceWith("proves", "销售\x00过期食品"), want: 400},
		{name: "more collectors than allowed", act: workflows.ActRecordEvidence, body: func() map[string]any {
			ev := evidenceWith("kind", "物证")
			ids := make([]string, 21)
			for i := range ids {
				ids[i] = fmt.Sprintf("qs-officer%d", i)
			}
			ev["collected_by"] = ids
			return ev
		}(), want: 422},
		{name: "the case is still usable", act: workflows.ActRecordEvidence, body: evidence, want: 200},
		{name: "report facts over their limit", act: workflows.ActSubmitReport, body: map[string]any{"facts": text(50001),
			"proposal": report["proposal"]}, want: 422},
		{name: "report facts at their limit (50,000)", act: workflows.ActSubmitReport, body: map[string]any{"facts": text(50000),
			"proposal": report["proposal"]}, want: 200},
	}
	got := map[string][]int{}
	for _, d := range storetest.Dialects(t) {
		t.Run(d.Name, func(t *testing.T) {
			e := newEnvOn(t, d.URL)
			p := e.people()
			id := e.openCase(p.officer1)
			e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
			for _, s := range steps {
				var r resp
				if s.create != nil {
					r = e.do("POST", "/cases", p.officer1, s.create)
				} else {
					r = e.do("POST", "/cases/"+id+"/acts/"+string(s.act), p.officer1, s.body)
				}
				require.Equal(t, s.want, r.status, "%s: %.300s", s.name, r.raw)
				got[d.Name] = append(got[d.Name], r.status)
			}
			// Exactly the accepted acts are in the record, chain intact.
			events, err := e.app.store.Events(context.Background(), id)
			require.NoError(t, err)
			require.NoError(t, casefile.VerifyChain(events))
			require.Len(t, events, 2+4, "open, approve, three evidence entries and the report")
			sum, _, err := e.app.store.Case(context.Background(), id)
			require.NoError(t, err)
			require.Equal(t, "review", sum.Stage)
		})
	}
	if len(got) == 2 {
		require.Equal(t, got["sqlite"], got["postgres"], "both databases answer every input alike")
	}
}

// runs describes every run of a case's workflow, oldest first.
func (e *env) runs(caseID string) []*workflowservice.DescribeWorkflowExecutionResponse {
	e.t.Helper()
	ctx := context.Background()
	list, err := e.app.temporal.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{
		Query: fmt.Sprintf("WorkflowId = '%s'", workflows.CaseWorkflowID(caseID))})
	require.NoError(e.t, err)
	var out []*workflowservice.DescribeWorkflowExecutionResponse
	for i := len(list.GetExecutions()) - 1; i >= 0; i-- {
		ex := list.GetExecutions()[i]
		d, err := e.app.temporal.DescribeWorkflowExecution(ctx, ex.GetExecution().GetWorkflowId(), ex.GetExecution().GetRunId())
		require.NoError(e.t, err)
		out = append(out, d)
	}
	return out
}

// Temporal fails a run at 51,200 events or 50 MB of history; each run of a
// case must stay under a tenth of both.
const (
	historyEventBudget = 5120
	historyByteBudget  = 5 << 20
)

func (e *env) requireRunsWithinBudget(caseID string, acts int) int {
	e.t.Helper()
	runs := e.runs(caseID)
	var events, bytes int64
	for i, r := range runs {
		info := r.GetWorkflowExecutionInfo()
		events += info.GetHistoryLength()
		bytes += info.GetHistorySizeBytes()
		require.Less(e.t, info.GetHistoryLength(), int64(historyEventBudget), "run %d: events", i+1)
		require.Less(e.t, info.GetHistorySizeBytes(), int64(historyByteBudget), "run %d: bytes", i+1)
	}
	e.t.Logf("%d acts over %d runs: %d history events (%.1f per act), %d bytes (%.0f per act)",
		acts, len(runs), events, float64(events)/float64(acts), bytes, float64(bytes)/float64(acts))
	return len(runs)
}

// TestLongCaseContinuesAsNew: a case of more than 1,000 acts completes.
// The workflow hands over to a new run before its history nears
// Temporal's limits, with its state, timers and act IDs: an act retried
// with its Idempotency-Key after the hand-over is not performed again.
func TestLongCaseContinuesAsNew(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	const n = 1000
	for i := range n {
		ev := evidenceWith("description", fmt.Sprintf("第 %d 份证据：现场检查发现过期酸奶 %d 盒，生产日期 2026-08-01，保质期 21 天", i+1, i+1))
		r := e.do("POST", "/cases/"+id+"/acts/record-evidence", p.officer1, ev, "Idempotency-Key", fmt.Sprintf("ev-%d", i))
		require.Equal(t, 200, r.status, "act %d: %s", i+1, r.raw)
	}
	runs := e.requireRunsWithinBudget(id, n+2)
	require.Greater(t, runs, 1, "the case continued as new")

	// Retries of acts from before the hand-over change nothing.
	for _, key := range []string{"ev-0", "ev-500", "ev-999"} {
		r := e.do("POST", "/cases/"+id+"/acts/record-evidence", p.officer1, evidence, "Idempotency-Key", key)
		require.Equal(t, 200, r.status, string(r.raw))
	}
	events, err := e.app.store.Events(context.Background(), id)
	require.NoError(t, err)
	require.Len(t, events, n+2, "no retried act was performed twice")

	// The deadline armed in the first run is still watched, and the case
	// goes on to its end.
	r := e.do("GET", "/cases/"+id, p.officer1, nil)
	require.Equal(t, 200, r.status)
	require.Len(t, r.body["case"].(map[string]any)["evidence"], n)
	e.walkToClosing(p, id)
	events, err = e.app.store.Events(context.Background(), id)
	require.NoError(t, err)
	require.NoError(t, casefile.VerifyChain(events))

	desc, err := e.app.temporal.DescribeWorkflowExecution(context.Background(), workflows.CaseWorkflowID(id), "")
	require.NoError(t, err)
	require.Equal(t, enums.WORKFLOW_EXECUTION_STATUS_COMPLETED, desc.GetWorkflowExecutionInfo().GetStatus())
}

// walkToClosing takes a case from investigation to closed.
func (e *env) walkToClosing(p people, id string) {
	e.t.Helper()
	e.act(p.officer2, id, workflows.ActSubmitReport, report, 200)
	e.act(p.reviewer, id, workflows.ActApproveReview, map[string]any{"opinion": "同意"}, 200)
	e.act(p.head, id, workflows.ActApprovePenalty, nil, 200)
	e.act(p.officer1, id, workflows.ActServeNotice, map[string]any{"method": "direct", "receiver": "店主"}, 200)
	e.act(p.officer1, id, workflows.ActRecordWaiver, signedWaiver, 200)
	e.act(p.head, id, workflows.ActDecide, decision, 200)
	e.act(p.officer1, id, workflows.ActServeDecision, map[string]any{"method": "direct"}, 200)
	e.act(p.officer2, id, workflows.ActPublish, map[string]any{"channel": "临江市人民政府门户网站"}, 200)
	e.act(p.officer1, id, workflows.ActRecordPayment, map[string]any{"amount": "5000.00", "receipt": "ICBC-2026-0001"}, 200)
	e.act(p.officer2, id, workflows.ActRecordExecution, confiscated, 200)
	e.act(p.officer1, id, workflows.ActRequestClosing, map[string]any{"opinion": "罚没款已缴清"}, 200)
	r := e.act(p.head, id, workflows.ActApproveClosing, nil, 200)
	require.Equal(e.t, "closed", stage(r))
}

// TestHistoryPerActAtMaximumFieldSizes reports what one act at the maximum
// field sizes costs in history and shows that the runs stay within budget.
func TestHistoryPerActAtMaximumFieldSizes(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	const n = 120
	big := map[string]any{"kind": "现场笔录", "description": text(5000), "proves": text(2000), "place": text(500),
		"collected_by": []string{"qs-officer1", "qs-officer2"}}
	for i := range n {
		r := e.do("POST", "/cases/"+id+"/acts/record-evidence", p.officer1, big)
		require.Equal(t, http.StatusOK, r.status, "act %d: %.300s", i+1, r.raw)
	}
	require.Greater(t, e.requireRunsWithinBudget(id, n+2), 1, "the case continued as new before its history grew too large")
	events, err := e.app.store.Events(context.Background(), id)
	require.NoError(t, err)
	require.Len(t, events, n+2)
	require.NoError(t, casefile.VerifyChain(events))
}

// TestCaseWhoseWorkflowEndedIsNeverShownOpen: a workflow terminated from
// outside (an operator, or the engine on a broken history) leaves a case
// that can never move again. The record says so, its tasks leave the
// inboxes, an act on it is refused with case_ended, and supervisors find
// it under attention=true — whether an act runs into it or the periodic
// check finds it first.
func TestCaseWhoseWorkflowEndedIsNeverShownOpen(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	ctx := context.Background()
	hit := e.openCase(p.officer1)
	found := e.openCase(p.officer1)
	for _, id := range []string{hit, found} {
		require.NoError(t, e.app.temporal.TerminateWorkflow(ctx, workflows.CaseWorkflowID(id), "", "operator test"))
	}

	r := e.do("POST", "/cases/"+hit+"/acts/approve-filing", p.head, map[string]any{})
	require.Contains(t, []int{http.StatusConflict}, r.status, string(r.raw))
	require.Equal(t, "case_ended", r.errCode(), string(r.raw))

	require.Eventually(t, func() bool {
		l := e.do("GET", "/cases?attention=true", p.manager, nil)
		return l.status == 200 && len(l.body["items"].([]any)) == 2
	}, 10*time.Second, 100*time.Millisecond, "both cases are listed for attention")
	for _, id := range []string{hit, found} {
		c := e.do("GET", "/cases/"+id, p.head, nil)
		require.Equal(t, 200, c.status)
		sum := c.body["summary"].(map[string]any)
		require.Equal(t, "terminated", sum["ended"])
		require.Equal(t, true, sum["closed"], "not shown as open")
		require.Empty(t, c.body["available_acts"])
	}
	open := e.do("GET", "/cases?closed=false", p.manager, nil)
	require.Empty(t, open.body["items"], "no ended case is listed as open")
	inbox := e.do("GET", "/tasks", p.head, nil)
	require.NotContains(t, string(inbox.raw), hit)
	require.NotContains(t, string(inbox.raw), found)
}

// anyTime finds RFC 3339 times in a response.
var anyTime = regexp.MustCompile(`"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})"`)

// TestEveryResponseWritesTimesInBeijingTime: one time format everywhere —
// RFC 3339 with +08:00 — whether the time came from the workflow, the
// database or the calendar.
func TestEveryResponseWritesTimesInBeijingTime(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	for _, r := range []struct{ path, token string }{
		{"/cases/" + id, p.officer1},
		{"/cases", p.manager},
		{"/deadlines?state=open", p.manager},
		{"/tasks", p.officer1},
		{"/me", p.officer1},
	} {
		res := e.do("GET", r.path, r.token, nil)
		require.Equal(t, 200, res.status, string(res.raw))
		times := anyTime.FindAllString(string(res.raw), -1)
		require.NotEmpty(t, times, "%s has times", r.path)
		for _, tm := range times {
			require.True(t, strings.HasSuffix(tm, `+08:00"`), "%s: %s is not in Beijing time", r.path, tm)
		}
	}
}

// TestConcurrentActsAcrossContinueAsNew: eight officers' clients record
// evidence at once while the case hands over to new runs; every
// acknowledged act is in the record exactly once.
func TestConcurrentActsAcrossContinueAsNew(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	const clients, each = 8, 100
	acked := make(chan string, clients*each)
	errs := make(chan string, clients*each)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				key := fmt.Sprintf("c%d-%d", c, i)
				ev := evidenceWith("description", "并发取证 "+key)
				for attempt := 0; ; attempt++ {
					r := e.do("POST", "/cases/"+id+"/acts/record-evidence", p.officer1, ev, "Idempotency-Key", key)
					if r.status == 200 {
						acked <- key
						break
					}
					if r.status != http.StatusServiceUnavailable || attempt == 5 {
						errs <- fmt.Sprintf("%s: %d %s", key, r.status, r.raw)
						break
					}
				}
			}
		}()
	}
	wg.Wait()
	close(acked)
	close(errs)
	for msg := range errs {
		t.Error(msg)
	}
	require.Greater(t, len(e.runs(id)), 1, "the case continued as new while acts arrived")
	events, err := e.app.store.Events(context.Background(), id)
	require.NoError(t, err)
	require.NoError(t, casefile.VerifyChain(events))
	seen := map[string]int{}
	for _, ev := range events {
		if ev.Act == "record-evidence" {
			seen[strings.TrimPrefix(strings.SplitN(ev.Summary, "：", 2)[1], "并发取证 ")]++
		}
	}
	for k := range acked {
		require.Equal(t, 1, seen[k], "act %s recorded once", k)
	}
	require.Len(t, events, 2+clients*each)
}

// Officers reading a case while others act on it all see a whole case:
// the decoded case views the API keeps are shared between requests and
// never changed by one (run with -race).
func TestReadsWhileActingSeeWholeCases(t *testing.T) {
	e := newEnv(t)
	p := e.people()
	id := e.openCase(p.officer1)
	e.act(p.head, id, workflows.ActApproveFiling, nil, 200)
	var wg sync.WaitGroup
	for c := range 4 {
		wg.Go(func() {
			for i := range 6 {
				if c%2 == 0 {
					r := e.do("POST", "/cases/"+id+"/acts/record-evidence", p.officer1, evidenceWith("description", fmt.Sprintf("同时取证 %d-%d", c, i)))
					assert.Equal(t, 200, r.status, r.raw)
				}
				r := e.do("GET", "/cases/"+id, p.officer2, nil)
				assert.Equal(t, 200, r.status, r.raw)
				assert.Contains(t, string(r.raw), `"available_acts":[`)
			}
		})
	}
	wg.Wait()
	var c struct {
		Events []struct {
			Act string `json:"act"`
		} `json:"events"`
	}
	r := e.do("GET", "/cases/"+id, p.officer2, nil)
	require.Equal(t, 200, r.status)
	require.NoError(t, json.Unmarshal(r.raw, &c))
	n := 0
	for _, ev := range c.Events {
		if ev.Act == "record-evidence" {
			n++
		}
	}
	require.Equal(t, 12, n, "every evidence act is in the case")
}
