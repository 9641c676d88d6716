// Package telemetry gathers Zhifa's Prometheus metrics in one registry and
// serves them at /metrics on a listener of their own, never on the API's:
// the API's own (request latency by route, acts by outcome, deadlines per
// agency), the Temporal SDK's (workflow task latency, polls, requests) and
// the embedded engine's (its services, persistence and queues).
//
// The SDK and the engine report through tally scopes whose Prometheus
// reporter registers into the same registry. The engine's names start with
// engine_ so that the SDK client inside the engine (its system workers) and
// Zhifa's own SDK client never register one name twice.
package telemetry

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/uber-go/tally/v4"
	tallyprom "github.com/uber-go/tally/v4/prometheus"
	"go.temporal.io/sdk/client"
	sdktally "go.temporal.io/sdk/contrib/tally"
)

// Path is where the metrics listener serves the metrics.
const Path = "/metrics"

// EnginePrefix starts the name of every metric of the embedded engine.
const EnginePrefix = "engine"

// reportEvery is how often the tally scopes hand their values to the
// registry: a scrape sees the SDK's and the engine's values at most this old.
const reportEvery = time.Second

// Metrics is the registry and the scopes that report into it. A nil
// *Metrics is metrics switched off: its methods return nil or no-op values.
type Metrics struct {
	registry *prometheus.Registry
	logger   *slog.Logger
	sdk      tally.Scope
	engine   tally.Scope
	closers  []io.Closer
}

// New makes the registry, with the Go runtime's and the process's metrics,
// and the scopes of the SDK and the engine. Registration errors of the
// tally reporters (a name reported with two label sets) are logged, never
// fatal.
func New(logger *slog.Logger) *Metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &Metrics{registry: reg, logger: logger}
	m.sdk = sdktally.NewPrometheusNamingScope(m.scope(""))
	m.engine = m.scope(EnginePrefix)
	return m
}

func (m *Metrics) scope(prefix string) tally.Scope {
	reporter := tallyprom.NewReporter(tallyprom.Options{
		Registerer:       m.registry,
		DefaultTimerType: tallyprom.HistogramTimerType,
		OnRegisterError: func(err error) {
			m.logger.Warn("metric not registered", "prefix", prefix, "err", err)
		},
	})
	scope, closer := tally.NewRootScope(tally.ScopeOptions{
		Prefix:          prefix,
		CachedReporter:  reporter,
		Separator:       tallyprom.DefaultSeparator,
		SanitizeOptions: &sdktally.PrometheusSanitizeOptions,
		// Tally's own cardinality gauges carry no prefix: the two scopes
		// would register them twice.
		OmitCardinalityMetrics: true,
	}, reportEvery)
	m.closers = append(m.closers, closer)
	return scope
}

// Registerer is where the API registers its own metrics; nil when off.
func (m *Metrics) Registerer() prometheus.Registerer {
	if m == nil {
		return nil
	}
	return m.registry
}

// SDKHandler is the metrics handler of the Temporal SDK's client and
// workers (client.Options.MetricsHandler); nil, the SDK's no-op, when off.
func (m *Metrics) SDKHandler() client.MetricsHandler {
	if m == nil {
		return nil
	}
	return sdktally.NewMetricsHandler(m.sdk)
}

// EngineScope is the scope the embedded engine reports into; nil when off.
func (m *Metrics) EngineScope() tally.Scope {
	if m == nil {
		return nil
	}
	return m.engine
}

// Handler serves the registry in Prometheus's text format. A collector that
// fails (the database did not answer) is left out of that scrape and
// logged; the rest is served.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{
		ErrorLog:      slog.NewLogLogger(m.logger.Handler(), slog.LevelWarn),
		ErrorHandling: promhttp.ContinueOnError,
		Timeout:       10 * time.Second,
	})
}

// Close stops the scopes after a last report.
func (m *Metrics) Close() error {
	if m == nil {
		return nil
	}
	var errs []error
	for _, c := range m.closers {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// Listen opens addr and serves the metrics at Path until ctx ends; every
// other path is 404. It returns once the address is open, so that an
// address in use fails the start instead of a background goroutine.
func (m *Metrics) Listen(ctx context.Context, addr string) (net.Addr, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics listener: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET "+Path, m.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.logger.Error("metrics listener stopped", "addr", addr, "err", err)
		}
	}()
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
	}()
	return l.Addr(), nil
}
