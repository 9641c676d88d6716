package main

// Fault tests: Zhifa run as an operator runs it, as separate processes of
// this command on PostgreSQL, under a steady load of cases while a worker is
// killed, the database drops away or the workflow engine drops away. Each
// asserts what the officers and the record would show: while something is
// down the API answers 503 with Retry-After, never 500; every act answered
// with success is in the case's record exactly once; and once the fault is
// gone the load goes on without anyone stepping in.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/workflows"
)

// childArgsEnv carries the command line of a child process: the test binary
// started with it set runs the zhifa command instead of the tests.
const childArgsEnv = "ZHIFA_FAULTS_CHILD_ARGS"

// TestZhifaProcess is the entry point of the fault tests' child processes:
// the test binary, started with ZHIFA_FAULTS_CHILD_ARGS, runs that zhifa
// command (serve, worker, api) until it is stopped or killed. It skips in an
// ordinary test run.
func TestZhifaProcess(t *testing.T) {
	args := os.Getenv(childArgsEnv)
	if args == "" {
		t.Skip("the fault tests' child process; runs only when started by one")
	}
	cmd := root()
	cmd.SetArgs(strings.Fields(args))
	if err := cmd.Execute(); err != nil {
		t.Fatalf("zhifa %s: %v", args, err)
	}
}

// faultDatabase is the test's own PostgreSQL schema, or a skip when
// ZHIFA_TEST_DATABASE_URL is unset: production runs on PostgreSQL, and the
// outages tested are PostgreSQL's.
func faultDatabase(t *testing.T) string {
	t.Helper()
	if os.Getenv(storetest.EnvURL) == "" {
		t.Skip("fault tests run on PostgreSQL: set ZHIFA_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable); .ci/run sets it")
	}
	if testing.Short() {
		t.Skip("fault tests run several processes for up to a minute each; not in -short")
	}
	return storetest.URL(t)
}

// TestWorkerLossLosesNoAct: the engine and the API run in serve without a
// worker, two worker processes do the workflows; one of them is killed
// (SIGKILL) in the middle of the load. The other takes over its workflows:
// every case goes on to its last act, and every act the API answered with
// success is in the record once.
func TestWorkerLossLosesNoAct(t *testing.T) {
	dbURL := faultDatabase(t)
	enginePort := freePortRange(t, 4)
	httpAddr := freeAddr(t)
	serve := startZhifa(t, "serve", []string{
		"ZHIFA_DATABASE_URL=" + dbURL, "ZHIFA_HTTP_ADDR=" + httpAddr,
		"ZHIFA_TEMPORAL_PORT=" + strconv.Itoa(enginePort), "ZHIFA_SERVE_WORKER=false",
	})
	waitReady(t, serve, httpAddr)
	engine := net.JoinHostPort("127.0.0.1", strconv.Itoa(enginePort))
	workers := make([]*process, 2)
	for i := range workers {
		workers[i] = startZhifa(t, "worker", []string{
			"ZHIFA_DATABASE_URL=" + dbURL, "ZHIFA_TEMPORAL_ADDRESS=" + engine, "ZHIFA_SEED_DEMO=false",
		})
	}
	for _, w := range workers {
		w.waitLog(t, "worker started", 60*time.Second)
	}
	requireOnlyPollers(t, engine, workers)

	load := startLoad(t, httpAddr, 4)
	load.waitCases(t, 3, 30*time.Second)
	require.NoError(t, workers[0].cmd.Process.Signal(syscall.SIGKILL))
	killed := workers[0].wait(t, 10*time.Second)
	require.Equal(t, syscall.SIGKILL, killed.Sys().(syscall.WaitStatus).Signal(), "the worker was killed, not stopped")
	after := load.completed()
	load.waitCases(t, after+4, 60*time.Second)
	load.stop(t)

	load.requireNoFailures(t)
	load.requireRecorded(t, dbURL)
}

// TestDatabaseOutageAnswers503AndLosesNoAct cuts the connection between
// Zhifa and PostgreSQL for a few seconds under load: every connection is
// closed and new ones are refused. Meanwhile the API answers 503
// `unavailable` with Retry-After to requests that need the database, never
// 500, and /readyz says not ready. Afterwards the load goes on, the record
// (written by the workflows with retries) catches up, and every act
// answered with success is in it once.
func TestDatabaseOutageAnswers503AndLosesNoAct(t *testing.T) {
	dbURL := faultDatabase(t)
	u, err := url.Parse(dbURL)
	require.NoError(t, err)
	pg := startProxy(t, u.Host)
	viaProxy := *u
	viaProxy.Host = pg.addr
	httpAddr := freeAddr(t)
	serve := startZhifa(t, "serve", []string{
		"ZHIFA_DATABASE_URL=" + viaProxy.String(), "ZHIFA_HTTP_ADDR=" + httpAddr,
		"ZHIFA_TEMPORAL_PORT=" + strconv.Itoa(freePortRange(t, 4)),
	})
	waitReady(t, serve, httpAddr)

	load := startLoad(t, httpAddr, 4)
	load.waitCases(t, 2, 30*time.Second)
	pg.cut()
	load.outage(true)
	outageEnds := time.Now().Add(6 * time.Second)

	// A reader's request needs the database: 503, not 500, and /readyz
	// says why the process is not ready.
	officer := load.tokens["qs-officer1"]
	r := httpCall(t, "GET", "http://"+httpAddr+"/api/v1/cases", officer, nil, "")
	requireUnavailable(t, r)
	require.Contains(t, r.message(), "数据库", "the message names the database")
	r = httpCall(t, "POST", "http://"+httpAddr+"/api/v1/cases", officer, loadCase, "probe/open")
	requireUnavailable(t, r)
	ready := httpCall(t, "GET", "http://"+httpAddr+"/readyz", "", nil, "")
	require.Equal(t, http.StatusServiceUnavailable, ready.status, string(ready.raw))
	require.Equal(t, "database unavailable", ready.body["status"])
	time.Sleep(time.Until(outageEnds))

	pg.restore()
	load.outage(false)
	waitReady(t, serve, httpAddr)
	load.open(t, "probe/open") // the refused creation, sent again with its key
	after := load.completed()
	load.waitCases(t, after+3, 60*time.Second)
	load.stop(t)

	load.requireNoFailures(t)
	t.Logf("%d answers 503 to the load during the outage", load.unavailableDuringOutage())
	load.requireRecorded(t, dbURL)
}

// TestEngineOutageAnswers503AndLosesNoAct cuts the API and the worker off
// the workflow engine (serve owns it; an api and a worker process reach its
// frontend through a proxy) for longer than an act waits for the engine.
// Meanwhile acts and case creation are answered 503 `unavailable` with
// Retry-After, never 500, and /readyz says not ready; once the engine is
// reachable again the API and the worker reconnect by themselves, retried
// acts happen once, and every act answered with success is in the record
// once.
func TestEngineOutageAnswers503AndLosesNoAct(t *testing.T) {
	dbURL := faultDatabase(t)
	enginePort := freePortRange(t, 4)
	serve := startZhifa(t, "serve", []string{
		"ZHIFA_DATABASE_URL=" + dbURL, "ZHIFA_HTTP_ADDR=" + freeAddr(t),
		"ZHIFA_TEMPORAL_PORT=" + strconv.Itoa(enginePort), "ZHIFA_SERVE_WORKER=false",
	})
	serve.waitLog(t, "API listening", 60*time.Second)
	frontend := startProxy(t, net.JoinHostPort("127.0.0.1", strconv.Itoa(enginePort)))
	httpAddr := freeAddr(t)
	apiProc := startZhifa(t, "api", []string{
		"ZHIFA_DATABASE_URL=" + dbURL, "ZHIFA_HTTP_ADDR=" + httpAddr,
		"ZHIFA_TEMPORAL_ADDRESS=" + frontend.addr, "ZHIFA_SEED_DEMO=false",
	})
	worker := startZhifa(t, "worker", []string{
		"ZHIFA_DATABASE_URL=" + dbURL, "ZHIFA_TEMPORAL_ADDRESS=" + frontend.addr, "ZHIFA_SEED_DEMO=false",
	})
	waitReady(t, apiProc, httpAddr)
	worker.waitLog(t, "worker started", 60*time.Second)

	load := startLoad(t, httpAddr, 4)
	load.waitCases(t, 2, 30*time.Second)
	frontend.cut()
	load.outage(true)
	// Longer than an act waits for the engine (30 s), so that acts sent at
	// the start of the outage are answered 503 before it ends.
	outageEnds := time.Now().Add(34 * time.Second)

	probe := make(chan response, 1)
	go func() {
		r, _ := call("POST", "http://"+httpAddr+"/api/v1/cases", load.tokens["qs-officer1"], loadCase, "probe/open")
		probe <- r
	}()
	ready := httpCall(t, "GET", "http://"+httpAddr+"/readyz", "", nil, "")
	require.Equal(t, http.StatusServiceUnavailable, ready.status, string(ready.raw))
	require.Equal(t, "workflow engine unavailable", ready.body["status"])
	time.Sleep(time.Until(outageEnds))
	select {
	case r := <-probe:
		requireUnavailable(t, r)
	default:
		t.Fatal("a case creation sent at the start of the outage was not answered before its end")
	}

	frontend.restore()
	load.outage(false)
	waitReady(t, apiProc, httpAddr)
	load.open(t, "probe/open") // the creation answered 503, sent again with its key
	after := load.completed()
	load.waitCases(t, after+3, 60*time.Second)
	load.stop(t)

	load.requireNoFailures(t)
	require.NotZero(t, load.unavailableDuringOutage(), "acts in flight when the engine went away were answered 503")
	load.requireRecorded(t, dbURL)
}

// requireOnlyPollers waits until the engine at address sees the processes
// polling the case workflows' task queue, and no one else: serve with
// ZHIFA_SERVE_WORKER=false runs no worker.
func requireOnlyPollers(t *testing.T, address string, procs []*process) {
	t.Helper()
	tc, err := client.Dial(client.Options{HostPort: address, Logger: tlog.NewStructuredLogger(slog.New(slog.DiscardHandler))})
	require.NoError(t, err)
	defer tc.Close()
	want := make([]string, len(procs))
	for i, p := range procs {
		want[i] = strconv.Itoa(p.cmd.Process.Pid)
	}
	slices.Sort(want)
	var got []string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		res, err := tc.DescribeTaskQueue(context.Background(), workflows.TaskQueue, enums.TASK_QUEUE_TYPE_WORKFLOW)
		require.NoError(t, err)
		got = got[:0]
		for _, p := range res.GetPollers() {
			pid, _, _ := strings.Cut(p.GetIdentity(), "@") // the SDK's identity: pid@host@
			got = append(got, pid)
		}
		slices.Sort(got)
		got = slices.Compact(got)
		if slices.Equal(got, want) {
			return
		}
	}
	t.Fatalf("pollers of %s: processes %v, want exactly the workers %v", workflows.TaskQueue, got, want)
}

// process is a zhifa child process with its output in a file.
type process struct {
	name    string
	cmd     *exec.Cmd
	logPath string
	done    chan struct{}
	state   *os.ProcessState
}

// startZhifa runs `zhifa <command>` as a child process with env added to a
// common environment: its own data folder, one token secret for all.
func startZhifa(t *testing.T, command string, env []string) *process {
	t.Helper()
	dir := t.TempDir()
	p := &process{name: command, logPath: filepath.Join(dir, command+".log"), done: make(chan struct{})}
	logFile, err := os.Create(p.logPath)
	require.NoError(t, err)
	p.cmd = exec.Command(os.Args[0], "-test.run=^TestZhifaProcess$", "-test.timeout=0")
	p.cmd.Env = append(os.Environ(), childArgsEnv+"="+command,
		"ZHIFA_DATA_DIR="+filepath.Join(dir, "data"), "ZHIFA_TOKEN_SECRET=fault-tests-secret-fault-tests-secret",
		"ZHIFA_LOG_LEVEL=info", "ZHIFA_POLICY_POLL=1s")
	p.cmd.Env = append(p.cmd.Env, env...)
	p.cmd.Stdout, p.cmd.Stderr = logFile, logFile
	require.NoError(t, p.cmd.Start())
	go func() {
		_ = p.cmd.Wait()
		p.state = p.cmd.ProcessState
		_ = logFile.Close()
		close(p.done)
	}()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = p.cmd.Process.Signal(syscall.SIGTERM)
			select {
			case <-p.done:
			case <-time.After(15 * time.Second):
				_ = p.cmd.Process.Kill()
				<-p.done
			}
		}
		if t.Failed() {
			p.dumpLog(t)
		}
	})
	return p
}

// dumpLog shows the process's errors and the end of its output.
func (p *process) dumpLog(t *testing.T) {
	b, _ := os.ReadFile(p.logPath)
	var errs []string
	for line := range strings.Lines(string(b)) {
		if strings.Contains(line, "level=ERROR") && len(errs) < 20 {
			errs = append(errs, line)
		}
	}
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	t.Logf("--- %s (pid %d) errors:\n%s--- last output:\n%s", p.name, p.cmd.Process.Pid, strings.Join(errs, ""), b)
}

// wait waits for the process to end and returns how it ended.
func (p *process) wait(t *testing.T, limit time.Duration) *os.ProcessState {
	t.Helper()
	select {
	case <-p.done:
		return p.state
	case <-time.After(limit):
		t.Fatalf("%s did not end within %s", p.name, limit)
		return nil
	}
}

// waitLog waits until the process has logged text; it fails if the process
// ends first.
func (p *process) waitLog(t *testing.T, text string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if b, _ := os.ReadFile(p.logPath); bytes.Contains(b, []byte(text)) {
			return
		}
		select {
		case <-p.done:
			t.Fatalf("%s ended before logging %q", p.name, text)
		case <-time.After(100 * time.Millisecond):
		}
	}
	t.Fatalf("%s did not log %q within %s", p.name, text, limit)
}

// waitReady waits until the API at addr answers /readyz with 200.
func waitReady(t *testing.T, p *process, addr string) {
	t.Helper()
	client := &http.Client{Timeout: 5 * time.Second}
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := client.Get("http://" + addr + "/readyz"); err == nil {
			_, _ = io.Copy(io.Discard, res.Body)
			_ = res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		select {
		case <-p.done:
			t.Fatalf("%s ended before it was ready", p.name)
		case <-time.After(200 * time.Millisecond):
		}
	}
	t.Fatalf("%s not ready within 90 s", p.name)
}

// freeAddr is a free address on 127.0.0.1.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().String()
}

// freePortRange finds n consecutive free ports and returns the first (the
// embedded engine takes its frontend port and the next three).
func freePortRange(t *testing.T, n int) int {
	t.Helper()
	for range 100 {
		base := 20000 + rand.IntN(30000)
		var ls []net.Listener
		for i := range n {
			l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(base+i)))
			if err != nil {
				break
			}
			ls = append(ls, l)
		}
		for _, l := range ls {
			_ = l.Close()
		}
		if len(ls) == n {
			return base
		}
	}
	t.Fatal("no free port range")
	return 0
}

// proxy forwards TCP connections to a target; cut closes every connection
// and refuses new ones (the port is closed), restore opens it again: an
// outage of whatever is behind it, as its clients see one.
type proxy struct {
	t      *testing.T
	target string
	addr   string

	mu    sync.Mutex
	ln    net.Listener
	conns map[net.Conn]struct{}
}

func startProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	p := &proxy{t: t, target: target, addr: ln.Addr().String(), ln: ln, conns: map[net.Conn]struct{}{}}
	go p.accept(ln)
	t.Cleanup(p.cut)
	return p
}

func (p *proxy) accept(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go p.forward(ln, c)
	}
}

func (p *proxy) forward(ln net.Listener, down net.Conn) {
	up, err := net.Dial("tcp", p.target)
	if err != nil {
		_ = down.Close()
		return
	}
	p.mu.Lock()
	if p.ln != ln { // cut while this connection was being made
		p.mu.Unlock()
		_ = down.Close()
		_ = up.Close()
		return
	}
	p.conns[down], p.conns[up] = struct{}{}, struct{}{}
	p.mu.Unlock()
	go func() {
		_, _ = io.Copy(up, down)
		_ = up.Close()
		_ = down.Close()
	}()
	_, _ = io.Copy(down, up)
	_ = up.Close()
	_ = down.Close()
	p.mu.Lock()
	delete(p.conns, down)
	delete(p.conns, up)
	p.mu.Unlock()
}

func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln == nil {
		return
	}
	_ = p.ln.Close()
	p.ln = nil
	for c := range p.conns {
		_ = c.Close()
	}
	clear(p.conns)
}

func (p *proxy) restore() {
	p.t.Helper()
	var ln net.Listener
	var err error
	for range 50 {
		if ln, err = net.Listen("tcp", p.addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	require.NoError(p.t, err, "reopen the proxy's port")
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go p.accept(ln)
}

// response is an HTTP answer as the load generator reads it.
type response struct {
	status     int
	retryAfter string
	raw        []byte
	body       map[string]any
}

func (r response) code() string {
	e, _ := r.body["error"].(map[string]any)
	s, _ := e["code"].(string)
	return s
}

func (r response) message() string {
	e, _ := r.body["error"].(map[string]any)
	s, _ := e["message"].(string)
	return s
}

// requireUnavailable checks an answer is the outage's 503: the stable code,
// a message in Chinese and English, and when to retry.
func requireUnavailable(t *testing.T, r response) {
	t.Helper()
	require.Equal(t, http.StatusServiceUnavailable, r.status, string(r.raw))
	require.Equal(t, "unavailable", r.code(), string(r.raw))
	require.Contains(t, r.message(), " / ", "message in Chinese and English")
	require.NotEmpty(t, r.retryAfter, "503 says when to retry")
}

var loadClient = &http.Client{Timeout: 45 * time.Second}

// call sends one request; err is a transport error (no answer).
func call(method, url, token string, body any, key string) (response, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return response{}, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return response{}, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	res, err := loadClient.Do(req)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return response{}, err
	}
	r := response{status: res.StatusCode, retryAfter: res.Header.Get("Retry-After"), raw: raw}
	_ = json.Unmarshal(raw, &r.body)
	return r, nil
}

func httpCall(t *testing.T, method, url, token string, body any, key string) response {
	t.Helper()
	r, err := call(method, url, token, body, key)
	require.NoError(t, err)
	return r
}

// load walks cases through their first acts from several clients at once,
// as officers would: each case is opened, its filing approved, evidence
// recorded twice and the report submitted. A request answered 503 is sent
// again with the same Idempotency-Key until it succeeds; any other failure
// is kept for the test to report.
type load struct {
	base   string
	tokens map[string]string

	stopping chan struct{}
	wg       sync.WaitGroup

	mu        sync.Mutex
	acts      map[string][]casefile.Act // case ID → acts answered with success
	done      int                       // cases through all their acts
	failures  []string
	down      bool // an outage is under way
	downCount int  // 503s answered to requests sent or answered during the outage
}

// loadEvidence and loadReport are the bodies of the load's acts.
var (
	loadEvidence = map[string]any{"kind": "物证", "description": "过期酸奶 12 盒", "proves": "销售超过保质期的食品",
		"collected_by": []string{"qs-officer1", "qs-officer2"}}
	loadReport = map[string]any{"facts": "当事人销售超过保质期的酸奶 12 盒",
		"proposal": map[string]any{"penalty": "没收违法所得并处罚款", "kinds": []string{"confiscate-gains", "fine"}, "fine": "5000.00",
			"basis": "《食品安全法》第一百二十四条"}}
	loadCase = map[string]any{
		"power_item_code": "JN-SC-CF-0001",
		"party":           map[string]any{"kind": "organization", "name": "青山县好味食品店", "id_number": "91330100MA2B7K3Q1X"},
		"facts":           "销售超过保质期的酸奶",
		"act_date":        "2026-09-20",
		"officer_ids":     []string{"qs-officer1", "qs-officer2"},
	}
)

// startLoad logs the officers in at the API at addr and starts clients
// walking cases.
func startLoad(t *testing.T, addr string, clients int) *load {
	t.Helper()
	l := &load{base: "http://" + addr + "/api/v1", tokens: map[string]string{}, stopping: make(chan struct{}),
		acts: map[string][]casefile.Act{}}
	for _, login := range []string{"qs-officer1", "qs-officer2", "qs-head"} {
		r := httpCall(t, "POST", l.base+"/auth/login", "", map[string]string{"login": login, "password": demo.Password}, "")
		require.Equal(t, http.StatusOK, r.status, string(r.raw))
		l.tokens[login] = r.body["token"].(string)
	}
	var next sync.Mutex
	n := 0
	for c := range clients {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			for {
				select {
				case <-l.stopping:
					return
				default:
				}
				next.Lock()
				n++
				i := n
				next.Unlock()
				if !l.walkCase(fmt.Sprintf("c%d-%d", c, i)) {
					return
				}
			}
		}()
	}
	t.Cleanup(func() { l.stopOnce() })
	return l
}

// walkCase takes one case through its acts; false when a request failed
// otherwise than with a 503.
func (l *load) walkCase(name string) bool {
	var id string
	r, ok := l.send("POST", "/cases", "qs-officer1", loadCase, name+"/open")
	if !ok {
		return false
	}
	c, _ := r.body["case"].(map[string]any)
	id, _ = c["id"].(string)
	if id == "" {
		l.fail("case %s opened without an ID: %s", name, r.raw)
		return false
	}
	l.succeeded(id, workflows.ActOpenCase)
	steps := []struct {
		who  string
		act  casefile.Act
		body any
	}{
		{"qs-head", workflows.ActApproveFiling, map[string]any{"opinion": "同意立案"}},
		{"qs-officer1", workflows.ActRecordEvidence, loadEvidence},
		{"qs-officer2", workflows.ActRecordEvidence, loadEvidence},
		{"qs-officer1", workflows.ActSubmitReport, loadReport},
	}
	for i, s := range steps {
		if _, ok := l.send("POST", "/cases/"+id+"/acts/"+string(s.act), s.who, s.body, fmt.Sprintf("%s/%d", name, i)); !ok {
			return false
		}
		l.succeeded(id, s.act)
	}
	l.mu.Lock()
	l.done++
	l.mu.Unlock()
	return true
}

// send repeats a request with the same Idempotency-Key while the answer is
// 503 or there is none, for at most two minutes.
func (l *load) send(method, path, who string, body any, key string) (response, bool) {
	deadline := time.Now().Add(2 * time.Minute)
	for {
		l.mu.Lock()
		down := l.down
		l.mu.Unlock()
		r, err := call(method, l.base+path, l.tokens[who], body, key)
		switch {
		case err == nil && r.status < 300:
			return r, true
		case err == nil && r.status == http.StatusServiceUnavailable:
			if r.code() != "unavailable" || !strings.Contains(r.message(), " / ") || r.retryAfter == "" {
				l.fail("%s %s: 503 without the stable code, bilingual message and Retry-After: %s", method, path, r.raw)
				return r, false
			}
			// Sent or answered during the outage: a request sent just before
			// it may wait for the engine and be answered in the middle of it.
			l.mu.Lock()
			if down || l.down {
				l.downCount++
			}
			l.mu.Unlock()
		case err == nil:
			l.fail("%s %s (%s): %d %s", method, path, key, r.status, r.raw)
			return r, false
		}
		if err != nil {
			select {
			case <-l.stopping: // the test has ended and stopped the processes
				return r, false
			default:
			}
		}
		if time.Now().After(deadline) {
			l.fail("%s %s (%s): no success within two minutes (last: %v %d %s)", method, path, key, err, r.status, r.raw)
			return r, false
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// open opens a case with the Idempotency-Key key, repeating it while the
// answer is 503, and counts it among the acts answered with success.
func (l *load) open(t *testing.T, key string) {
	t.Helper()
	r, ok := l.send("POST", "/cases", "qs-officer1", loadCase, key)
	require.True(t, ok, "open %s: %s", key, r.raw)
	c, _ := r.body["case"].(map[string]any)
	id, _ := c["id"].(string)
	require.NotEmpty(t, id, string(r.raw))
	l.succeeded(id, workflows.ActOpenCase)
}

func (l *load) succeeded(id string, act casefile.Act) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.acts[id] = append(l.acts[id], act)
}

func (l *load) fail(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.failures = append(l.failures, fmt.Sprintf(format, args...))
}

func (l *load) outage(down bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.down = down
}

func (l *load) unavailableDuringOutage() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.downCount
}

func (l *load) completed() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.done
}

// waitCases waits until n cases have been walked through all their acts.
func (l *load) waitCases(t *testing.T, n int, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for l.completed() < n {
		l.mu.Lock()
		failures := slices.Clone(l.failures)
		l.mu.Unlock()
		require.Empty(t, failures, "requests failed while waiting for %d cases", n)
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d cases through all their acts within %s", l.completed(), n, limit)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (l *load) stopOnce() {
	select {
	case <-l.stopping:
	default:
		close(l.stopping)
	}
}

// stop lets every client finish the case it is walking.
func (l *load) stop(t *testing.T) {
	t.Helper()
	l.stopOnce()
	finished := make(chan struct{})
	go func() { l.wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(3 * time.Minute):
		t.Fatal("the load's clients did not finish their cases")
	}
}

func (l *load) requireNoFailures(t *testing.T) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	require.Empty(t, l.failures, "every request succeeded or was answered 503 and succeeded when repeated")
}

// requireRecorded checks the record in the database: each case holds
// exactly the acts answered with success, each once, its hash chain intact.
// The record is written by the workflows, after an outage with retries: it
// is given a little time to catch up.
func (l *load) requireRecorded(t *testing.T, dbURL string) {
	t.Helper()
	st, err := store.Open(dbURL, t.TempDir())
	require.NoError(t, err)
	defer st.Close()
	l.mu.Lock()
	want := make(map[string][]string, len(l.acts))
	for id, acts := range l.acts {
		for _, a := range acts {
			want[id] = append(want[id], string(a))
		}
		slices.Sort(want[id])
	}
	l.mu.Unlock()
	require.NotEmpty(t, want)
	deadline := time.Now().Add(30 * time.Second)
	for id, acts := range want {
		for {
			events, err := st.Events(context.Background(), id)
			require.NoError(t, err)
			var got []string
			for _, e := range events {
				got = append(got, e.Act)
			}
			slices.Sort(got)
			if slices.Equal(got, acts) {
				if err := casefile.VerifyChain(events); err != nil {
					var b strings.Builder
					for _, e := range events {
						fmt.Fprintf(&b, "  %d %s at %s prev %.12s hash %.12s\n", e.Seq, e.Act, e.At.Format(time.RFC3339Nano), e.PrevHash, e.Hash)
					}
					t.Fatalf("case %s: the record's hash chain is broken: %v\n%s", id, err, b.String())
				}
				break
			}
			if len(got) > len(acts) || time.Now().After(deadline) {
				require.Equal(t, acts, got, "case %s: the record holds each act answered with success, once", id)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	t.Logf("%d cases, every act answered with success recorded once", len(want))
}
