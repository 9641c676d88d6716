// Package bench measures a running Zhifa against the engine it runs on: the
// bare engine's Update round trip through the same client, then Zhifa's acts,
// whole cases, case creation and reading, the managers' overdue list over
// generated deadline rows, and the process's memory with many open cases.
// Every ratio it reports is of two figures taken in the same run, so the
// machine's load weighs on both alike. `zhifa bench` runs it on a fresh data
// folder; the API benchmarks run its phases on their test server.
package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/workflows"
)

// Target is a running Zhifa to measure: its API over HTTP, the Temporal
// client its worker uses, and its database.
type Target struct {
	// BaseURL is the API's root, e.g. http://127.0.0.1:8080/api/v1.
	BaseURL  string
	Temporal client.Client
	Store    *store.Store
}

// Timing is one measured series of requests.
type Timing struct {
	Count   int     `json:"count"`
	Clients int     `json:"clients"`
	PerSec  float64 `json:"per_s"`
	P50MS   float64 `json:"p50_ms"`
	P99MS   float64 `json:"p99_ms"`
}

// timing sums up durations taken by clients over elapsed wall time.
func timing(ds []time.Duration, clients int, elapsed time.Duration) Timing {
	return Timing{Count: len(ds), Clients: clients, PerSec: float64(len(ds)) / elapsed.Seconds(),
		P50MS: ms(pct(ds, 50)), P99MS: ms(pct(ds, 99))}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// pct is the p-th percentile of ds (0 for none).
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, len(s)*p/100)]
}

// Runner holds what the phases share: logged-in officers, the bare
// workflows and the cases the acts go to, round robin.
type Runner struct {
	t      Target
	http   *http.Client
	people people
	bare   []string
	cases  []string
	w      worker.Worker
}

type people struct{ officer1, officer2, reviewer, head, manager string }

// bareQueue is the task queue of the bare workflows, apart from the cases'.
const bareQueue = "zhifa-bench-bare"

// Prepare logs the demo officers in, starts a worker for the bare workflow
// and opens n bare workflows and n filed cases (n ≥ the most clients of a
// phase: a workflow takes at most 10 Updates at once). Close stops the
// worker.
func Prepare(ctx context.Context, t Target, n int) (*Runner, error) {
	r := &Runner{t: t, http: &http.Client{Timeout: 2 * time.Minute,
		Transport: &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256, IdleConnTimeout: time.Minute}}}
	var err error
	for _, p := range []struct {
		login string
		token *string
	}{{"qs-officer1", &r.people.officer1}, {"qs-officer2", &r.people.officer2}, {"qs-reviewer", &r.people.reviewer},
		{"qs-head", &r.people.head}, {"lj-manager", &r.people.manager}} {
		if *p.token, err = r.login(ctx, p.login); err != nil {
			return nil, err
		}
	}
	r.w = worker.New(t.Temporal, bareQueue, worker.Options{})
	r.w.RegisterWorkflow(BareWorkflow)
	r.w.RegisterActivity(Touch)
	if err := r.w.Start(); err != nil {
		return nil, fmt.Errorf("start the bare worker: %w", err)
	}
	prefix := fmt.Sprintf("bench-bare-%d", time.Now().UnixNano())
	for i := range n {
		id := fmt.Sprintf("%s-%d", prefix, i)
		if _, err := t.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: id, TaskQueue: bareQueue}, BareWorkflow); err != nil {
			r.Close()
			return nil, fmt.Errorf("start a bare workflow: %w", err)
		}
		r.bare = append(r.bare, id)
		c, err := r.openCase(ctx)
		if err != nil {
			r.Close()
			return nil, err
		}
		if err := r.act(ctx, r.people.head, c, workflows.ActApproveFiling, nil); err != nil {
			r.Close()
			return nil, err
		}
		r.cases = append(r.cases, c)
	}
	return r, nil
}

// WarmBare sends one Update to each bare workflow, so that the worker
// holds them: the first Update of a workflow it does not hold replays the
// workflow's history.
func (r *Runner) WarmBare(ctx context.Context) error {
	for i := range r.bare {
		if err := r.touch(ctx, i, false); err != nil {
			return err
		}
	}
	return nil
}

// WarmCases records one piece of evidence on each filed case, so that the
// worker holds them.
func (r *Runner) WarmCases(ctx context.Context) error {
	for _, c := range r.cases {
		if err := r.act(ctx, r.people.officer1, c, workflows.ActRecordEvidence, evidence); err != nil {
			return err
		}
	}
	return nil
}

// Close stops the bare worker and terminates the bare workflows.
func (r *Runner) Close() {
	for _, id := range r.bare {
		_ = r.t.Temporal.TerminateWorkflow(context.Background(), id, "", "benchmark done")
	}
	if r.w != nil {
		r.w.Stop()
	}
}

// BareWorkflow takes Updates ("touch") and does nothing else; with true as
// the Update's argument it runs one activity first.
func BareWorkflow(ctx workflow.Context) error {
	n := 0
	if err := workflow.SetUpdateHandler(ctx, "touch", func(ctx workflow.Context, activity bool) (int, error) {
		if activity {
			ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 10 * time.Second})
			if err := workflow.ExecuteActivity(ctx, Touch).Get(ctx, nil); err != nil {
				return 0, err
			}
		}
		n++
		return n, nil
	}); err != nil {
		return err
	}
	return workflow.Await(ctx, func() bool { return false })
}

// Touch is the bare workflow's activity: it does nothing.
func Touch(context.Context) error { return nil }

// touch sends one Update to a bare workflow and waits for its result. When
// the engine has not taken the Update by the end of the client's long poll
// (a saturated machine), it asks again with the same Update ID, as a
// client would; the time counted is the whole wait.
func (r *Runner) touch(ctx context.Context, i int, activity bool) error {
	opts := client.UpdateWorkflowOptions{WorkflowID: r.bare[i%len(r.bare)], UpdateName: "touch", Args: []any{activity},
		UpdateID: fmt.Sprintf("touch-%d-%d", time.Now().UnixNano(), i), WaitForStage: client.WorkflowUpdateStageCompleted}
	for attempt := 1; ; attempt++ {
		h, err := r.t.Temporal.UpdateWorkflow(ctx, opts)
		var timeout *client.WorkflowUpdateServiceTimeoutOrCanceledError
		if errors.As(err, &timeout) && ctx.Err() == nil && attempt < 5 {
			continue
		}
		if err != nil {
			return fmt.Errorf("bare update: %w", err)
		}
		return h.Get(ctx, nil)
	}
}

// load runs n calls of f(i) from clients goroutines and times each.
func load(ctx context.Context, clients, n int, f func(ctx context.Context, i int) error) ([]time.Duration, time.Duration, error) {
	var next atomic.Int64
	var mu sync.Mutex
	var all []time.Duration
	var first error
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					break
				}
				t0 := time.Now()
				if err := f(ctx, i); err != nil {
					mu.Lock()
					first = cmpErr(first, err)
					mu.Unlock()
					next.Store(int64(n))
					break
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if first == nil {
		first = ctx.Err()
	}
	return all, time.Since(start), first
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// Bare sends n Updates to the bare workflows, round robin, from clients at
// once; with activity each runs one activity.
func (r *Runner) Bare(ctx context.Context, clients, n int, activity bool) (Timing, error) {
	ds, elapsed, err := load(ctx, clients, n, func(ctx context.Context, i int) error { return r.touch(ctx, i, activity) })
	return timing(ds, clients, elapsed), err
}

// Acts records n pieces of evidence over HTTP on the filed cases, round
// robin, from clients at once: authentication, authorization, the
// workflow's validation and the act's record in the database.
func (r *Runner) Acts(ctx context.Context, clients, n int) (Timing, error) {
	ds, elapsed, err := load(ctx, clients, n, func(ctx context.Context, i int) error {
		return r.act(ctx, r.people.officer1, r.cases[i%len(r.cases)], workflows.ActRecordEvidence, evidence)
	})
	return timing(ds, clients, elapsed), err
}

// WholeCasesResult is whole general-procedure cases walked from clients at
// once: cases per second, and opening a case against the other acts under
// the same load.
type WholeCasesResult struct {
	Clients   int     `json:"clients"`
	Cases     int     `json:"cases"`
	CasesPerS float64 `json:"cases_per_s"`
	OpenP50MS float64 `json:"open_p50_ms"`
	OpenP99MS float64 `json:"open_p99_ms"`
	ActP50MS  float64 `json:"act_p50_ms"`
	ActP99MS  float64 `json:"act_p99_ms"`
}

// WholeCases opens n cases from clients at once and takes each through
// filing, evidence, report, review, approval, notice, waiver and decision
// (9 requests a case).
func (r *Runner) WholeCases(ctx context.Context, clients, n int) (WholeCasesResult, error) {
	var mu sync.Mutex
	var opens, acts []time.Duration
	p := r.people
	steps := []struct {
		token string
		act   casefile.Act
		body  any
	}{
		{p.head, workflows.ActApproveFiling, nil}, {p.officer1, workflows.ActRecordEvidence, evidence},
		{p.officer2, workflows.ActSubmitReport, report}, {p.reviewer, workflows.ActApproveReview, nil},
		{p.head, workflows.ActApprovePenalty, nil}, {p.officer1, workflows.ActServeNotice, map[string]any{"method": "direct", "receiver": "店主"}},
		{p.officer1, workflows.ActRecordWaiver, signedWaiver}, {p.head, workflows.ActDecide, decision},
	}
	_, elapsed, err := load(ctx, clients, n, func(ctx context.Context, _ int) error {
		t0 := time.Now()
		id, err := r.openCase(ctx)
		if err != nil {
			return err
		}
		open := time.Since(t0)
		var mine []time.Duration
		for _, s := range steps {
			t0 := time.Now()
			if err := r.act(ctx, s.token, id, s.act, s.body); err != nil {
				return err
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		opens, acts = append(opens, open), append(acts, mine...)
		mu.Unlock()
		return nil
	})
	return WholeCasesResult{Clients: clients, Cases: len(opens), CasesPerS: float64(len(opens)) / elapsed.Seconds(),
		OpenP50MS: ms(pct(opens, 50)), OpenP99MS: ms(pct(opens, 99)), ActP50MS: ms(pct(acts, 50)), ActP99MS: ms(pct(acts, 99))}, err
}

// CaseReads reads the filed cases n times, one request at a time (GET
// /cases/{id}: the case file with its deadlines and the caller's acts).
func (r *Runner) CaseReads(ctx context.Context, n int) (Timing, error) {
	ds, elapsed, err := load(ctx, 1, n, func(ctx context.Context, i int) error {
		_, err := r.call(ctx, http.MethodGet, "/cases/"+r.cases[i%len(r.cases)], r.people.officer1, nil, http.StatusOK)
		return err
	})
	return timing(ds, 1, elapsed), err
}

// OverdueResult is the managers' overdue list over generated deadline rows.
type OverdueResult struct {
	Rows        int     `json:"rows"`
	GenerateS   float64 `json:"generate_s"`
	Reads       int     `json:"reads"`
	FirstP50MS  float64 `json:"first_page_p50_ms"`
	FirstP99MS  float64 `json:"first_page_p99_ms"`
	NextP50MS   float64 `json:"next_page_p50_ms"`
	NextP99MS   float64 `json:"next_page_p99_ms"`
	Total       int64   `json:"total"`
	TotalCapped bool    `json:"total_capped"`
}

// OverdueList writes rows generated deadlines over the demo agencies (their
// case IDs start with "gen-"), then reads the city manager's overdue list n
// times over HTTP: the first page and the page after it by its cursor.
func (r *Runner) OverdueList(ctx context.Context, rows, n int) (OverdueResult, error) {
	res := OverdueResult{Rows: rows, Reads: n}
	agencies := make([]string, len(demo.Agencies))
	for i, a := range demo.Agencies {
		agencies[i] = a.ID
	}
	t0 := time.Now()
	if err := store.GenerateDeadlines(ctx, r.t.Store, rows, agencies, time.Now()); err != nil {
		return res, err
	}
	res.GenerateS = time.Since(t0).Seconds()
	var first, next []time.Duration
	for range n {
		t0 := time.Now()
		body, err := r.call(ctx, http.MethodGet, "/deadlines?state=overdue", r.people.manager, nil, http.StatusOK)
		if err != nil {
			return res, err
		}
		first = append(first, time.Since(t0))
		var page struct {
			Total       int64  `json:"total"`
			TotalCapped bool   `json:"total_capped"`
			Next        string `json:"next"`
		}
		if err := json.Unmarshal(body, &page); err != nil {
			return res, fmt.Errorf("overdue list: %w", err)
		}
		res.Total, res.TotalCapped = page.Total, page.TotalCapped
		if page.Next == "" {
			continue
		}
		t0 = time.Now()
		if _, err := r.call(ctx, http.MethodGet, "/deadlines?state=overdue&cursor="+page.Next, r.people.manager, nil, http.StatusOK); err != nil {
			return res, err
		}
		next = append(next, time.Since(t0))
	}
	res.FirstP50MS, res.FirstP99MS = ms(pct(first, 50)), ms(pct(first, 99))
	res.NextP50MS, res.NextP99MS = ms(pct(next, 50)), ms(pct(next, 99))
	return res, nil
}

// OpenCases opens n cases from clients at once, to measure memory with
// them open.
func (r *Runner) OpenCases(ctx context.Context, clients, n int) (Timing, error) {
	ds, elapsed, err := load(ctx, clients, n, func(ctx context.Context, _ int) error {
		_, err := r.openCase(ctx)
		return err
	})
	return timing(ds, clients, elapsed), err
}

// The bodies of the acts, as a user sends them.
var (
	newCase = map[string]any{
		"power_item_code": "JN-SC-CF-0001",
		"party":           map[string]any{"kind": "organization", "name": "青山县好味食品店", "id_number": "91330100MA2B7K3Q1X"},
		"facts":           "销售超过保质期的酸奶",
		"act_date":        "2026-09-20",
		"officer_ids":     []string{"qs-officer1", "qs-officer2"},
	}
	evidence = map[string]any{"kind": "物证", "description": "过期酸奶 12 盒", "proves": "销售超过保质期的食品",
		"collected_by": []string{"qs-officer1", "qs-officer2"}}
	report = map[string]any{"facts": "当事人销售超过保质期的酸奶 12 盒",
		"proposal": map[string]any{"penalty": "没收违法所得并处罚款", "kinds": []string{"confiscate-gains", "fine"}, "fine": "5000.00",
			"basis": "《食品安全法》第一百二十四条"}}
	signedWaiver = map[string]any{"statement": "本人自愿放弃陈述、申辩和要求听证的权利", "document": "放弃声明书 青市监〔2026〕1号", "received_by": "qs-officer1"}
	decision     = map[string]any{"outcome": "penalty", "penalty": "没收违法所得并处罚款", "kinds": []string{"confiscate-gains", "fine"},
		"fine": "5000.00", "reasons": "当事人放弃陈述申辩，事实清楚"}
)

// call sends one request and requires the status; it returns the body.
func (r *Runner) call(ctx context.Context, method, path, token string, body any, want int) ([]byte, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, r.t.BaseURL+path, rd)
	if err != nil {
		return nil, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := r.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != want {
		return raw, fmt.Errorf("%s %s: HTTP %d, want %d: %s", method, path, res.StatusCode, want, strings.TrimSpace(string(raw)))
	}
	return raw, nil
}

func (r *Runner) login(ctx context.Context, login string) (string, error) {
	raw, err := r.call(ctx, http.MethodPost, "/auth/login", "", map[string]string{"login": login, "password": demo.Password}, http.StatusOK)
	if err != nil {
		return "", fmt.Errorf("log in as %s (the demo officers must exist): %w", login, err)
	}
	var out struct {
		Token string `json:"token"`
	}
	if err := json.Unmarshal(raw, &out); err != nil || out.Token == "" {
		return "", fmt.Errorf("log in as %s: no token in %s", login, raw)
	}
	return out.Token, nil
}

func (r *Runner) openCase(ctx context.Context) (string, error) {
	raw, err := r.call(ctx, http.MethodPost, "/cases", r.people.officer1, newCase, http.StatusCreated)
	if err != nil {
		return "", err
	}
	var out struct {
		Case struct {
			ID string `json:"id"`
		} `json:"case"`
	}
	if err := json.Unmarshal(raw, &out); err != nil || out.Case.ID == "" {
		return "", errors.New("open a case: no case ID in the answer")
	}
	return out.Case.ID, nil
}

func (r *Runner) act(ctx context.Context, token, caseID string, act casefile.Act, body any) error {
	if body == nil {
		body = map[string]any{}
	}
	_, err := r.call(ctx, http.MethodPost, "/cases/"+caseID+"/acts/"+string(act), token, body, http.StatusOK)
	return err
}
