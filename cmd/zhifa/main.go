// Command zhifa is the one Zhifa binary: serve runs the API and the worker
// (with an embedded Temporal server and SQLite by default); worker and api
// run the two halves separately; migrate, seed and calendar are the
// administrator's tools.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"

	"github.com/zhifa/zhifa/activities"
	"github.com/zhifa/zhifa/api"
	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/config"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/engine"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/telemetry"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

func main() {
	if err := root().Execute(); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(os.Stderr, "zhifa:", err)
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "zhifa:", err)
		os.Exit(1)
	}
}

// usageError is bad input on the command line: exit status 2.
type usageError struct{ error }

func root() *cobra.Command {
	cmd := &cobra.Command{
		Use:           "zhifa",
		Short:         "Zhifa 执法: administrative penalty and compulsion cases on durable workflows",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cmd.AddCommand(
		runCommand("serve", "run the API and the worker (embedded engine and SQLite unless configured otherwise)", true, true),
		runCommand("worker", "run only the workflow worker", true, false),
		runCommand("api", "run only the HTTP API", false, true),
		migrateCommand(), seedCommand(), calendarCommand(), adminCommand(), policyCommand(), auditCommand(),
		benchCommand(),
	)
	return cmd
}

func newLogger(level string) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: l}))
}

// openStore opens and migrates the database, loads the calendar if missing
// and, if asked, seeds the demo data into an empty database.
func openStore(ctx context.Context, cfg *config.Config, seedDemo bool) (*store.Store, error) {
	if err := prepareSQLiteStore(cfg.DatabaseURL, cfg.DataDir); err != nil {
		return nil, err
	}
	st, err := store.Open(cfg.DatabaseURL, cfg.DataDir)
	if err != nil {
		return nil, err
	}
	if cfg.DatabaseMaxConns > 0 {
		if err := st.SetMaxConns(cfg.DatabaseMaxConns); err != nil {
			st.Close()
			return nil, err
		}
	}
	if err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	if err := demo.SeedCalendar(ctx, st); err != nil {
		st.Close()
		return nil, err
	}
	warnMissingYear(ctx, st)
	if seedDemo {
		agencies, err := st.Agencies(ctx)
		if err != nil {
			st.Close()
			return nil, err
		}
		if len(agencies) == 0 {
			if err := demo.Seed(ctx, st); err != nil {
				st.Close()
				return nil, err
			}
			slog.Info("demo data seeded", "password", demo.Password)
		}
	}
	return st, nil
}

func runCommand(name, short string, runWorker, runAPI bool) *cobra.Command {
	cmd := &cobra.Command{Use: name, Short: short, Args: cobra.NoArgs}
	cfg := config.Bind(cmd.Flags())
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		if err := config.Validate(cmd.Flags()); err != nil {
			return usageError{err}
		}
		if cfg.Embedded() && !(runWorker && runAPI) {
			// Only serve may own the embedded engine: separate api and worker
			// processes must meet at one Temporal cluster.
			return usageError{fmt.Errorf("%s needs an external Temporal cluster: set ZHIFA_TEMPORAL_ADDRESS (or run serve)", name)}
		}
		slog.SetDefault(newLogger(cfg.LogLevel))
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		// serve without its worker: the engine and the API here, the
		// workflows on `zhifa worker` processes dialling this engine.
		return run(ctx, cfg, runWorker && (name != "serve" || cfg.ServeWorker), runAPI)
	}
	return cmd
}

// run wires everything; it returns when ctx is cancelled (SIGINT/SIGTERM)
// after a graceful shutdown.
func run(ctx context.Context, cfg *config.Config, runWorker, runAPI bool) error {
	z, err := start(ctx, cfg, runWorker, runAPI)
	if err != nil {
		return err
	}
	defer z.stop()
	if !runAPI {
		<-ctx.Done()
		slog.Info("shutting down")
		return nil
	}
	httpSrv := &http.Server{Addr: cfg.HTTPAddr, Handler: z.handler, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- httpSrv.ListenAndServe() }()
	slog.Info("API listening", "addr", cfg.HTTPAddr, "database", z.store.Dialect())
	select {
	case err := <-errc:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	slog.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return httpSrv.Shutdown(shutdownCtx)
}

// instance is a started Zhifa: its database, its Temporal client, and the
// API's handler when it runs the API. run serves the handler until told to
// stop; zhifa bench measures it in the same process.
type instance struct {
	store    *store.Store
	temporal client.Client
	handler  http.Handler
	stops    []func()
}

// stop releases what start started, the last first.
func (z *instance) stop() {
	for i := len(z.stops) - 1; i >= 0; i-- {
		z.stops[i]()
	}
	z.stops = nil
}

// start opens the database, starts the embedded engine if configured, the
// worker and the API's handler with its watchers (which run until ctx is
// cancelled). On error it releases what it had started.
func start(ctx context.Context, cfg *config.Config, runWorker, runAPI bool) (_ *instance, err error) {
	z := &instance{}
	defer func() {
		if err != nil {
			z.stop()
		}
	}()
	st, err := openStore(ctx, cfg, cfg.SeedDemo)
	if err != nil {
		return nil, err
	}
	z.store = st
	z.stops = append(z.stops, func() { st.Close() })

	// Metrics only when asked for, and never on the API's address.
	var tel *telemetry.Metrics
	if cfg.MetricsAddr != "" {
		tel = telemetry.New(slog.Default())
		z.stops = append(z.stops, func() { _ = tel.Close() })
		addr, err := tel.Listen(ctx, cfg.MetricsAddr)
		if err != nil {
			return nil, err
		}
		slog.Info("metrics listening", "addr", addr.String(), "path", telemetry.Path)
	}

	// Before the embedded engine starts: its internal workers create the
	// process's one workflow cache, which every worker then shares.
	worker.SetStickyWorkflowCacheSize(cfg.WorkflowCache)
	address, namespace := cfg.TemporalAddress, cfg.TemporalNamespace
	if cfg.Embedded() {
		srv, err := engine.Start(ctx, engine.Options{DataDir: cfg.DataDir, Port: cfg.TemporalPort,
			Namespace: namespace, Logger: slog.Default(), Metrics: tel.EngineScope(), CachedWorkflows: cfg.WorkflowCache})
		if err != nil {
			return nil, fmt.Errorf("start embedded engine: %w", err)
		}
		z.stops = append(z.stops, func() {
			if err := srv.Stop(); err != nil {
				slog.Warn("embedded engine stop", "err", err)
			}
		})
		address = srv.FrontendAddress()
		slog.Info("embedded Temporal engine started", "address", address, "namespace", namespace,
			"hint", "temporal workflow list --address "+address+" --namespace "+namespace)
	}
	tc, err := client.Dial(client.Options{HostPort: address, Namespace: namespace, Logger: quietLogger(), MetricsHandler: tel.SDKHandler(),
		ConnectionOptions: client.ConnectionOptions{GrpcCompression: compression(address)}})
	if err != nil {
		return nil, fmt.Errorf("connect to Temporal at %s: %w", address, err)
	}
	z.temporal = tc
	z.stops = append(z.stops, tc.Close)
	if runWorker && !cfg.Embedded() {
		// The embedded engine registers the cases' search attributes itself;
		// a case that sets one its cluster lacks cannot go on.
		if _, err := engine.RegisterSearchAttributes(ctx, tc, namespace); err != nil {
			return nil, err
		}
	}

	if runWorker {
		// Autoscaled workflow-task pollers poll the sticky queue (cases the
		// worker holds) and the normal queue (new cases, cases it dropped)
		// each with their own pollers. The default mixed pollers serve the
		// sticky queue first while it has a backlog, and a new case waited
		// behind the acts of busy ones: under load its opening took twice
		// to four times an act (docs/performance.md).
		w := worker.New(tc, cfg.TaskQueue, worker.Options{
			WorkflowTaskPollerBehavior: worker.NewPollerBehaviorAutoscaling(worker.PollerBehaviorAutoscalingOptions{}),
		})
		workflows.Register(w)
		activities.Register(w, &activities.Activities{Store: st})
		if err := w.Start(); err != nil {
			return nil, fmt.Errorf("start worker: %w", err)
		}
		z.stops = append(z.stops, w.Stop)
		slog.Info("worker started", "taskQueue", cfg.TaskQueue)
	}
	if !runAPI {
		return z, nil
	}

	declareActs()
	enforcer, err := policies.New()
	if err != nil {
		return nil, err
	}
	if err := policies.Load(ctx, st, enforcer); err != nil {
		return nil, err
	}
	secret, err := tokenSecret(cfg)
	if err != nil {
		return nil, err
	}
	evidence, err := openEvidence(ctx, cfg)
	if err != nil {
		return nil, err
	}
	srv, err := api.New(api.Options{Store: st, Enforcer: enforcer, Temporal: tc, TaskQueue: cfg.TaskQueue, TokenSecret: secret, TokenTTL: cfg.TokenTTL, RefreshTTL: cfg.RefreshTTL,
		Evidence: evidence, MaxEvidence: int64(cfg.EvidenceMaxMiB) << 20, Metrics: tel.Registerer()})
	if err != nil {
		return nil, err
	}
	go policies.Watch(ctx, st, enforcer, cfg.PolicyPoll)      // changes made through other API processes
	go srv.WatchEndedCases(ctx, cfg.EndedPoll)                // workflows ended without closing their case
	go api.Watcher{Store: st, Every: cfg.NotifyPoll}.Run(ctx) // deadline notices and webhooks
	z.handler = srv.Handler()
	return z, nil
}

// tokenSecret is the configured key, or one generated once and kept in the
// data folder so that logins survive a restart.
func tokenSecret(cfg *config.Config) ([]byte, error) {
	if cfg.TokenSecret != "" {
		if len(cfg.TokenSecret) < 32 {
			return nil, usageError{errors.New("ZHIFA_TOKEN_SECRET must be at least 32 characters")}
		}
		return []byte(cfg.TokenSecret), nil
	}
	path := filepath.Join(cfg.DataDir, "token.key")
	if b, err := os.ReadFile(path); err == nil && len(strings.TrimSpace(string(b))) >= 32 {
		ownerOnly(path) // whoever holds the key can sign any officer's token
		return []byte(strings.TrimSpace(string(b))), nil
	}
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return nil, err
	}
	key := hex.EncodeToString(buf)
	if err := prepareDataDir(cfg.DataDir); err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, []byte(key+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("write token key: %w", err)
	}
	ownerOnly(path) // WriteFile keeps the mode of a file that was there
	return []byte(key), nil
}

func migrateCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "migrate", Short: "create or update the database tables", Args: cobra.NoArgs}
	cfg := config.Bind(cmd.Flags())
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		st, err := adminStore(cmd, cfg)
		if err != nil {
			return err
		}
		defer st.Close()
		fmt.Println("migrated", st.Dialect())
		return nil
	}
	return cmd
}

func seedCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "seed", Short: "write the demo agencies, officers and power items (idempotent)", Args: cobra.NoArgs}
	cfg := config.Bind(cmd.Flags())
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		st, err := adminStore(cmd, cfg)
		if err != nil {
			return err
		}
		defer st.Close()
		if err := demo.Seed(cmd.Context(), st); err != nil {
			return err
		}
		// Running API processes reload the agencies and roles just written.
		if _, err := st.BumpPolicyVersion(cmd.Context()); err != nil {
			return err
		}
		fmt.Printf("seeded %d agencies, %d logins (password %s), %d power items\n", len(demo.Agencies), len(demo.Logins), demo.Password, len(demo.PowerItems))
		return nil
	}
	return cmd
}

// compression is how the connection to the engine at address compresses
// its messages: not at all on this machine (the embedded engine, or one
// beside it), where gzip only spends CPU — it was 4 % of all CPU while acts
// ran — and with gzip, the SDK's default, across a network.
func compression(address string) client.GrpcCompression {
	host, _, err := net.SplitHostPort(address)
	if err == nil && host == "localhost" {
		return &client.GrpcCompressionNone{}
	}
	if ip := net.ParseIP(host); err == nil && ip != nil && ip.IsLoopback() {
		return &client.GrpcCompressionNone{}
	}
	return &client.GrpcCompressionGzip{}
}

// quietLogger keeps the SDK's informational chatter out of the console.
func quietLogger() tlog.Logger {
	return tlog.NewStructuredLogger(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
}

// warnMissingYear warns when next year's holiday arrangement is not loaded:
// the State Council usually publishes it in November, and deadlines that
// reach into a year not loaded are refused rather than guessed.
func warnMissingYear(ctx context.Context, st *store.Store) {
	cal, err := st.Calendar(ctx)
	if err != nil {
		return
	}
	next := time.Now().In(calendar.Location()).Year() + 1
	if !slices.Contains(cal.Years(), next) {
		slog.Warn("next year's holiday arrangement is not loaded: deadlines reaching it will be refused; import it with `zhifa calendar import`", "year", next)
	}
}

// adminStore validates the settings of an administrator's command and opens
// the migrated database, without seeding demo data.
func adminStore(cmd *cobra.Command, cfg *config.Config) (*store.Store, error) {
	if err := config.Validate(cmd.Flags()); err != nil {
		return nil, usageError{err}
	}
	return openStore(cmd.Context(), cfg, false)
}
