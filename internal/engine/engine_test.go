package engine

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	sdklog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

const (
	testTaskQueue = "engine-test"
	// approvalWorkflowName is the registered name, fixed so that a worker in
	// another process (the "kill" restart test) runs the same workflow type.
	approvalWorkflowName = "ApprovalThenWait"
	approveUpdate        = "Approve"
	// timerLength is the durable timer the restart tests interrupt.
	timerLength = 2 * time.Second

	// childDataDirEnv makes the test binary act as the process that is killed
	// in TestRestartKeepsWorkflowsAndTimers/kill.
	childDataDirEnv = "ENGINE_TEST_CHILD_DATA_DIR"
	childReadyLine  = "CASE-WAITING-ON-TIMER"
)

// approveInput is the Approve update's argument.
type approveInput struct {
	By string
}

// approvalThenWait is a miniature case: it waits for an approval (an Update
// with a validator), then on a durable timer, then completes.
func approvalThenWait(ctx workflow.Context, wait time.Duration) (string, error) {
	var approvedBy string
	err := workflow.SetUpdateHandlerWithOptions(ctx, approveUpdate,
		func(ctx workflow.Context, in approveInput) (string, error) {
			approvedBy = in.By
			return "approved", nil
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, in approveInput) error {
			if in.By == "" {
				return errors.New("an approval needs the approver's name")
			}
			if approvedBy != "" {
				return errors.New("the case is already approved")
			}
			return nil
		}},
	)
	if err != nil {
		return "", err
	}
	if err := workflow.Await(ctx, func() bool { return approvedBy != "" }); err != nil {
		return "", err
	}
	if wait > 0 {
		if err := workflow.Sleep(ctx, wait); err != nil {
			return "", err
		}
	}
	return "approved by " + approvedBy, nil
}

func TestStartRejectsBadOptions(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()
	busyPort := busy.Addr().(*net.TCPAddr).Port

	tests := []struct {
		name    string
		options Options
		want    string
	}{
		{"host name", Options{IP: "localhost"}, "not an IP address"},
		{"every interface", Options{IP: "0.0.0.0"}, "listens on every interface"},
		{"port in use", Options{Port: busyPort}, "address already in use"},
		{"port out of range", Options{Port: 65534}, "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Start(t.Context(), tt.options)
			require.ErrorContains(t, err, tt.want)
		})
	}
}

// TestRestartKeepsWorkflowsAndTimers stops the engine while a workflow sleeps
// on a durable timer and checks that a new engine on the same data file
// fires the timer and completes the workflow.
func TestRestartKeepsWorkflowsAndTimers(t *testing.T) {
	t.Run("stop", func(t *testing.T) {
		dir := t.TempDir()
		s := startEngine(t, Options{DataDir: dir})
		c := dial(t, s)
		w := startWorker(t, c)

		// WAL mode is what makes the file fast enough; a -wal file next to
		// the database shows the pragma took effect.
		require.FileExists(t, filepath.Join(dir, "temporal.db-wal"))

		id := "case/restart-stop"
		approvedAt := startApprovedCase(t, c, id)
		require.Less(t, time.Since(approvedAt), timerLength, "timer fired before the stop: the test proves nothing")

		w.Stop()
		c.Close()
		begin := time.Now()
		require.NoError(t, s.Stop())
		t.Logf("Stop took %v", time.Since(begin))

		finishAfterRestart(t, dir, id)
	})

	t.Run("kill", func(t *testing.T) {
		if testing.Short() {
			t.Skip("starts a child process")
		}
		dir := t.TempDir()
		startCaseInChildAndKillIt(t, dir)
		finishAfterRestart(t, dir, "case/restart-kill")
	})
}

// TestAnIdleEngineKeepsFewGoroutines: the server's task schedulers start
// their workers whether there is work or not (2,240 goroutines by default,
// 640 of them for replication, which one cluster never does); each is a
// stack the process keeps and the collector scans.
func TestAnIdleEngineKeepsFewGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	startEngine(t, Options{DataDir: t.TempDir()})
	time.Sleep(time.Second) // the services start their loops
	started := runtime.NumGoroutine() - before
	t.Logf("the idle engine runs %d goroutines", started)
	require.Less(t, started, 1000)
}

// TestDataFilesAreTheOwnersAlone checks that the data folder Start creates
// and the SQLite files in it can be read by their owner alone (they hold
// case data), also when an older version left the files open to others.
func TestDataFilesAreTheOwnersAlone(t *testing.T) {
	files := []string{"temporal.db", "temporal.db-wal", "temporal.db-shm"}
	requireModes := func(t *testing.T, dir string) {
		t.Helper()
		info, err := os.Stat(dir)
		require.NoError(t, err)
		require.Equal(t, os.FileMode(0o700), info.Mode().Perm(), "data folder")
		for _, f := range files {
			info, err := os.Stat(filepath.Join(dir, f))
			require.NoError(t, err)
			require.Equal(t, os.FileMode(0o600), info.Mode().Perm(), f)
		}
	}

	dir := filepath.Join(t.TempDir(), "data")
	first := startEngine(t, Options{DataDir: dir})
	requireModes(t, dir)
	require.NoError(t, first.Stop())

	// An older version made its files with SQLite's default 0644.
	for _, f := range files {
		require.NoError(t, os.Chmod(filepath.Join(dir, f), 0o644))
	}
	startEngine(t, Options{DataDir: dir})
	requireModes(t, dir)
}

// TestRejectedUpdateLeavesNoHistory checks that an Update refused by its
// validator writes nothing to history while an accepted one does. It also
// covers the in-memory mode (DataDir "").
func TestRejectedUpdateLeavesNoHistory(t *testing.T) {
	s := startEngine(t, Options{})
	c := dial(t, s)
	startWorker(t, c)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()

	ns, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: s.Namespace()})
	require.NoError(t, err)
	require.Equal(t, 365*24*time.Hour, ns.GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration(), "cases must outlive the default 1-day retention")

	id := "case/rejected-update"
	run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: id, TaskQueue: testTaskQueue}, approvalWorkflowName, time.Duration(0))
	require.NoError(t, err)

	err = update(ctx, c, id, "rejected", approveInput{})
	require.ErrorContains(t, err, "an approval needs the approver's name")
	require.NoError(t, update(ctx, c, id, "accepted", approveInput{By: "alice"}))
	var result string
	require.NoError(t, run.Get(ctx, &result))
	require.Equal(t, "approved by alice", result)

	var updateEvents []enumspb.EventType
	for _, e := range history(t, c, id) {
		switch e.GetEventType() {
		case enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ADMITTED,
			enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
			enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_REJECTED,
			enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED:
			updateEvents = append(updateEvents, e.GetEventType())
		}
		if a := e.GetWorkflowExecutionUpdateAcceptedEventAttributes(); a != nil {
			require.Equal(t, "accepted", a.GetAcceptedRequest().GetMeta().GetUpdateId())
		}
	}
	require.Equal(t, []enumspb.EventType{
		enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
		enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
	}, updateEvents, "only the accepted Update may leave events")
}

// finishAfterRestart starts a new engine on dir and waits for workflow id to
// complete through its timer, with a fresh client and worker.
func finishAfterRestart(t *testing.T, dir, id string) {
	t.Helper()
	s := startEngine(t, Options{DataDir: dir})
	c := dial(t, s)
	startWorker(t, c)
	ctx, cancel := context.WithTimeout(t.Context(), 15*time.Second)
	defer cancel()

	var result string
	require.NoError(t, c.GetWorkflow(ctx, id, "").Get(ctx, &result))
	require.Equal(t, "approved by alice", result)
	// The timer's length is measured on the server's own record: from the
	// event that started it to the one that fired it. The test's clock
	// cannot serve, since the timer starts before the test learns of the
	// approval.
	var started, fired time.Time
	for _, e := range history(t, c, id) {
		switch e.GetEventType() {
		case enumspb.EVENT_TYPE_TIMER_STARTED:
			started = e.GetEventTime().AsTime()
		case enumspb.EVENT_TYPE_TIMER_FIRED:
			fired = e.GetEventTime().AsTime()
		}
	}
	require.False(t, started.IsZero(), "no timer started")
	require.False(t, fired.IsZero(), "the timer never fired")
	require.GreaterOrEqual(t, fired.Sub(started), timerLength, "the timer fired before it was due")
}

// startApprovedCase starts the workflow, approves it and returns once its
// timer is recorded in history, with the time of the approval.
func startApprovedCase(t tb, c client.Client, id string) time.Time {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: id, TaskQueue: testTaskQueue}, approvalWorkflowName, timerLength)
	require.NoError(t, err)
	require.NoError(t, update(ctx, c, id, "approve-1", approveInput{By: "alice"}))
	approvedAt := time.Now()
	require.Eventually(t, func() bool {
		return containsEvent(history(t, c, id), enumspb.EVENT_TYPE_TIMER_STARTED)
	}, 5*time.Second, 20*time.Millisecond, "timer never started")
	return approvedAt
}

// startCaseInChildAndKillIt runs the engine in a child process (this test
// binary, see TestMain), lets it start an approved case, then SIGKILLs it:
// nothing gets a chance to flush or shut down cleanly.
func startCaseInChildAndKillIt(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childDataDirEnv+"="+dir)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})

	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			require.True(t, ok, "child exited before the case reached its timer")
			nanos, found := strings.CutPrefix(line, childReadyLine+" ")
			if !found {
				continue
			}
			n, err := strconv.ParseInt(nanos, 10, 64)
			require.NoError(t, err)
			approvedAt := time.Unix(0, n)
			require.Less(t, time.Since(approvedAt), timerLength, "timer fired before the kill: the test proves nothing")
			require.NoError(t, cmd.Process.Kill())
			_ = cmd.Wait()
			return
		case <-timeout:
			t.Fatal("child did not start the case within 20s")
		}
	}
}

// TestMain lets the test binary double as the child process of the "kill"
// restart test.
func TestMain(m *testing.M) {
	if dir := os.Getenv(childDataDirEnv); dir != "" {
		runChild(dir)
		return
	}
	os.Exit(m.Run())
}

// runChild starts an engine on dir and an approved case, reports, and waits
// to be killed.
func runChild(dir string) {
	s, err := Start(context.Background(), Options{DataDir: dir, Logger: testLogger()})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child: start engine:", err)
		os.Exit(1)
	}
	c, err := client.Dial(client.Options{HostPort: s.FrontendAddress(), Namespace: s.Namespace(), Logger: sdklog.NewStructuredLogger(testLogger())})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child: dial:", err)
		os.Exit(1)
	}
	w := newWorker(c)
	if err := w.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "child: start worker:", err)
		os.Exit(1)
	}
	t := &childTB{}
	approvedAt := startApprovedCase(t, c, "case/restart-kill")
	fmt.Printf("%s %d\n", childReadyLine, approvedAt.UnixNano())
	select {}
}

// tb is the part of testing.TB the helpers shared with the child process use.
type tb interface {
	Helper()
	Errorf(format string, args ...any)
	FailNow()
}

// childTB is the tb the child passes to the shared helpers: any failure ends
// the child, which the parent sees as an early exit.
type childTB struct{}

func (*childTB) Helper() {}
func (*childTB) Errorf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "child: "+format+"\n", args...)
}
func (*childTB) FailNow() { os.Exit(1) }

func startEngine(t *testing.T, o Options) *Server {
	t.Helper()
	if o.Logger == nil {
		o.Logger = testLogger()
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	begin := time.Now()
	s, err := Start(ctx, o)
	require.NoError(t, err)
	t.Logf("Start took %v (data dir %q, frontend %s)", time.Since(begin), o.DataDir, s.FrontendAddress())
	t.Cleanup(func() { require.NoError(t, s.Stop()) })
	return s
}

func dial(t *testing.T, s *Server) client.Client {
	t.Helper()
	c, err := client.Dial(client.Options{
		HostPort:  s.FrontendAddress(),
		Namespace: s.Namespace(),
		Logger:    sdklog.NewStructuredLogger(testLogger()),
	})
	require.NoError(t, err)
	t.Cleanup(c.Close)
	return c
}

func startWorker(t *testing.T, c client.Client) worker.Worker {
	t.Helper()
	w := newWorker(c)
	require.NoError(t, w.Start())
	t.Cleanup(w.Stop)
	return w
}

func newWorker(c client.Client) worker.Worker {
	w := worker.New(c, testTaskQueue, worker.Options{WorkflowPanicPolicy: worker.FailWorkflow})
	w.RegisterWorkflowWithOptions(approvalThenWait, workflow.RegisterOptions{Name: approvalWorkflowName})
	return w
}

func update(ctx context.Context, c client.Client, workflowID, updateID string, in approveInput) error {
	h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
		WorkflowID:   workflowID,
		UpdateID:     updateID,
		UpdateName:   approveUpdate,
		Args:         []any{in},
		WaitForStage: client.WorkflowUpdateStageCompleted,
	})
	if err != nil {
		return err
	}
	return h.Get(ctx, nil)
}

func history(t tb, c client.Client, workflowID string) []*historypb.HistoryEvent {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var events []*historypb.HistoryEvent
	it := c.GetWorkflowHistory(ctx, workflowID, "", false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	for it.HasNext() {
		e, err := it.Next()
		require.NoError(t, err)
		events = append(events, e)
	}
	return events
}

func containsEvent(events []*historypb.HistoryEvent, typ enumspb.EventType) bool {
	for _, e := range events {
		if e.GetEventType() == typ {
			return true
		}
	}
	return false
}

func testLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
