package api_test

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/workflows"
)

// The acts' speed against the engine's own, measured in the same run on
// the same engine and client (go test -run '^$' -bench Acts ./api):
//
//	bare       a trivial workflow taking an Update round-robin over benchCases
//	           workflows, through the same client
//	act        a Zhifa act (record-evidence) over HTTP, round-robin over as
//	           many cases: authentication, authorization, the workflow's
//	           validation, the act's record in the database
//
// Both run one after the other in each iteration, so the machine's load
// weighs on both alike; the metrics are each one's rate and p99, and the
// ratio of the rates. Targets: docs/performance.md.

const benchCases = 20

// bareWorkflow takes Updates and does nothing else.
func bareWorkflow(ctx workflow.Context) error {
	n := 0
	if err := workflow.SetUpdateHandler(ctx, "touch", func(ctx workflow.Context) (int, error) { n++; return n, nil }); err != nil {
		return err
	}
	return workflow.Await(ctx, func() bool { return false })
}

func BenchmarkActs(b *testing.B) {
	e := newEnv(b)
	p := e.people()
	ctx := context.Background()

	w := worker.New(e.app.temporal, "bench-bare", worker.Options{})
	w.RegisterWorkflow(bareWorkflow)
	require.NoError(b, w.Start())
	b.Cleanup(w.Stop)
	bare := make([]string, benchCases)
	cases := make([]string, benchCases)
	for i := range benchCases {
		bare[i] = fmt.Sprintf("bench-bare-%d-%d", time.Now().UnixNano(), i)
		_, err := e.app.temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: bare[i], TaskQueue: "bench-bare"}, bareWorkflow)
		require.NoError(b, err)
		cases[i] = e.openCase(p.officer1)
		e.act(p.head, cases[i], workflows.ActApproveFiling, nil, 200)
	}
	touch := func(i int) {
		h, err := e.app.temporal.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{WorkflowID: bare[i], UpdateName: "touch",
			WaitForStage: client.WorkflowUpdateStageCompleted})
		require.NoError(b, err)
		require.NoError(b, h.Get(ctx, nil))
	}
	for i := range benchCases { // warm both paths
		touch(i)
		e.act(p.officer1, cases[i], workflows.ActRecordEvidence, evidence, 200)
	}

	var bareTimes, actTimes []time.Duration
	b.ResetTimer()
	for i := range b.N {
		k := i % benchCases
		t0 := time.Now()
		touch(k)
		t1 := time.Now()
		e.act(p.officer1, cases[k], workflows.ActRecordEvidence, evidence, 200)
		t2 := time.Now()
		bareTimes, actTimes = append(bareTimes, t1.Sub(t0)), append(actTimes, t2.Sub(t1))
	}
	b.StopTimer()
	bareRate, actRate := rate(bareTimes), rate(actTimes)
	b.ReportMetric(bareRate, "bare-updates/s")
	b.ReportMetric(actRate, "acts/s")
	b.ReportMetric(actRate/bareRate, "act/bare")
	b.ReportMetric(float64(p99(bareTimes).Microseconds())/1000, "bare-p99-ms")
	b.ReportMetric(float64(p99(actTimes).Microseconds())/1000, "act-p99-ms")
}

func rate(ds []time.Duration) float64 {
	var total time.Duration
	for _, d := range ds {
		total += d
	}
	return float64(len(ds)) / total.Seconds()
}

func p99(ds []time.Duration) time.Duration { return pct(ds, 99) }

// BenchmarkWholeCases walks whole general-procedure cases from 16 clients
// at once (go test -run '^$' -bench WholeCases ./api): each opens a case and
// takes it through filing, evidence, report, review, approval, notice,
// waiver and decision. It reports cases per second and the p50 and p99 of
// opening a case against those of the other acts, under the same load.
func BenchmarkWholeCases(b *testing.B) {
	e := newEnv(b)
	p := e.people()
	const clients = 16
	type timing struct{ open, act []time.Duration }
	results := make(chan timing, clients)
	work := make(chan struct{}, b.N)
	for range b.N {
		work <- struct{}{}
	}
	close(work)
	b.ResetTimer()
	start := time.Now()
	for range clients {
		go func() {
			var tm timing
			timed := func(d *[]time.Duration, f func()) {
				t0 := time.Now()
				f()
				*d = append(*d, time.Since(t0))
			}
			for range work {
				var id string
				timed(&tm.open, func() { id = e.openCase(p.officer1) })
				for _, a := range []struct {
					token string
					act   casefile.Act
					body  any
				}{
					{p.head, workflows.ActApproveFiling, nil}, {p.officer1, workflows.ActRecordEvidence, evidence},
					{p.officer2, workflows.ActSubmitReport, report}, {p.reviewer, workflows.ActApproveReview, nil},
					{p.head, workflows.ActApprovePenalty, nil}, {p.officer1, workflows.ActServeNotice, map[string]any{"method": "direct", "receiver": "店主"}},
					{p.officer1, workflows.ActRecordWaiver, signedWaiver}, {p.head, workflows.ActDecide, decision},
				} {
					timed(&tm.act, func() { e.act(a.token, id, a.act, a.body, 200) })
				}
			}
			results <- tm
		}()
	}
	var all timing
	for range clients {
		tm := <-results
		all.open, all.act = append(all.open, tm.open...), append(all.act, tm.act...)
	}
	elapsed := time.Since(start)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "cases/s")
	b.ReportMetric(ms(pct(all.open, 50)), "open-p50-ms")
	b.ReportMetric(ms(pct(all.open, 99)), "open-p99-ms")
	b.ReportMetric(ms(pct(all.act, 50)), "act-p50-ms")
	b.ReportMetric(ms(pct(all.act, 99)), "act-p99-ms")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func pct(ds []time.Duration, p int) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, len(s)*p/100)]
}
