package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/zhifa/zhifa/internal/bench"
	"github.com/zhifa/zhifa/internal/config"
)

func benchCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "measure Zhifa against its engine on a fresh data folder and print the figures against the targets",
		Long: `bench starts the embedded engine and Zhifa (as serve does) on a new temporary data folder
with the demo data, and measures in one run: the bare engine's Updates through the same
client (one client and --clients at once, with and without an activity), Zhifa's acts, whole
cases at 1, 16 and --clients clients, opening and reading cases, memory after opening
--open-cases cases, and the managers' overdue list over --deadlines generated rows. It prints
the figures and the ratios against the targets of docs/performance.md; --json writes them too.

With --external it runs against the Temporal cluster and the PostgreSQL database that
ZHIFA_TEMPORAL_ADDRESS and ZHIFA_DATABASE_URL (or their flags) name: use a scratch database,
as bench writes cases and generated deadline rows, and seeds the demo data if it is empty.`,
		Args: cobra.NoArgs,
	}
	cfg := config.Bind(cmd.Flags())
	o := bench.Full
	f := cmd.Flags()
	quick := f.Bool("quick", false, "a run of under two minutes: smaller counts (flags given as well win)")
	external := f.Bool("external", false, "measure against the configured Temporal cluster and PostgreSQL instead of the embedded engine and SQLite")
	jsonPath := f.String("json", "", "also write the figures and checks as JSON to this file")
	f.IntVar(&o.Clients, "clients", o.Clients, "clients of the concurrent phases")
	f.IntVar(&o.Workflows, "workflows", o.Workflows, "bare workflows and filed cases the Updates and acts go to, round robin (at least clients/8)")
	f.IntVar(&o.Sequential, "sequential", o.Sequential, "Updates and acts sent one at a time")
	f.IntVar(&o.Concurrent, "concurrent", o.Concurrent, "Updates and acts sent from the clients at once")
	f.IntVar(&o.WholeCases, "whole-cases", o.WholeCases, "whole cases walked at 16 clients and at --clients (a sixth of them by one client)")
	f.IntVar(&o.Reads, "reads", o.Reads, "case reads and overdue-list reads")
	f.IntVar(&o.Deadlines, "deadlines", o.Deadlines, "generated deadline rows under the overdue list")
	f.IntVar(&o.OpenCases, "open-cases", o.OpenCases, "cases opened before the memory is read again")
	f.StringVar(&o.ProfileDir, "profile", "", "write a CPU profile of each phase (cpu-01.pprof …) and the live heap after the memory phase (heap.pprof) into this folder, for go tool pprof")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		if err := config.Validate(f); err != nil {
			return usageError{err}
		}
		if *quick {
			o = quickOptions(cmd)
		}
		if o.Clients < 1 || o.Workflows < 1 || o.Sequential < 1 || o.Concurrent < 1 || o.WholeCases < 1 || o.Reads < 1 || o.Deadlines < 1 || o.OpenCases < 1 {
			return usageError{errors.New("every count must be at least 1")}
		}
		if o.Workflows*8 < o.Clients {
			return usageError{fmt.Errorf("--workflows must be at least --clients/8 (%d): a workflow takes at most 10 Updates at once", (o.Clients+7)/8)}
		}
		engineName := "embedded, SQLite"
		if *external {
			if cfg.TemporalAddress == "" || cfg.DatabaseURL == "" {
				return usageError{errors.New("--external needs ZHIFA_TEMPORAL_ADDRESS and ZHIFA_DATABASE_URL (or --temporal-address and --database-url)")}
			}
			engineName = "external " + cfg.TemporalAddress
		} else {
			cfg.TemporalAddress, cfg.DatabaseURL = "", ""
		}
		dir, err := os.MkdirTemp("", "zhifa-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cfg.DataDir, cfg.TemporalPort, cfg.SeedDemo = dir, 0, true
		cfg.TokenSecret, cfg.TokenTTL = "", 24*time.Hour // a full run outlasts the default 15 minutes
		cfg.TaskQueue = "zhifa-bench"
		slog.SetDefault(newLogger("warn"))
		ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		rep, err := runBench(ctx, cfg, o, cmd)
		if rep != nil {
			rep.Engine = engineName
			if !*external {
				rep.Note = "RSS is of the one process: the embedded engine, Zhifa and the bench's own clients."
			} else {
				rep.Note = "RSS is of Zhifa's API and worker (and the bench's own clients); the engine and database run elsewhere."
			}
			if err == nil {
				rep.Print(cmd.OutOrStdout())
			}
			if *jsonPath != "" {
				b, jerr := json.MarshalIndent(rep, "", "  ")
				if jerr == nil {
					jerr = os.WriteFile(*jsonPath, append(b, '\n'), 0o644)
				}
				if jerr != nil && err == nil {
					err = fmt.Errorf("write %s: %w", *jsonPath, jerr)
				}
			}
		}
		return err
	}
	return cmd
}

// quickOptions scales a run down to the quick sizes, keeping the counts
// given on the command line.
func quickOptions(cmd *cobra.Command) bench.Options {
	q := bench.Quick
	for name, v := range map[string]*int{"clients": &q.Clients, "workflows": &q.Workflows, "sequential": &q.Sequential, "concurrent": &q.Concurrent,
		"whole-cases": &q.WholeCases, "reads": &q.Reads, "deadlines": &q.Deadlines, "open-cases": &q.OpenCases} {
		if cmd.Flags().Changed(name) {
			*v, _ = cmd.Flags().GetInt(name)
		}
	}
	q.ProfileDir, _ = cmd.Flags().GetString("profile")
	return q
}

// runBench starts Zhifa as serve does, serves its API on a free local
// port, and measures it.
func runBench(ctx context.Context, cfg *config.Config, o bench.Options, cmd *cobra.Command) (*bench.Report, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	z, err := start(ctx, cfg, true, true)
	if err != nil {
		return nil, err
	}
	defer z.stop()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	hs := &http.Server{Handler: z.handler, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = hs.Serve(ln) }()
	defer func() {
		shutdownCtx, done := context.WithTimeout(context.Background(), 10*time.Second)
		defer done()
		_ = hs.Shutdown(shutdownCtx)
		cancel() // the watchers stop before the database closes
	}()
	return bench.Run(ctx, bench.Target{BaseURL: "http://" + ln.Addr().String() + "/api/v1", Temporal: z.temporal, Store: z.store}, o, cmd.ErrOrStderr())
}
