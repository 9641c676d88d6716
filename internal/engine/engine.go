// Package engine runs a Temporal server inside the zhifa process: frontend,
// history, matching and worker services on four ports of one IP, persisted in
// one SQLite file through the server's own SQLite plugin.
//
// A case is a workflow that lives for months, so the data file is the record
// that matters: Start creates its schema the first time, reopens it on every
// later start, and workflows and their timers continue where they stopped.
// The tuning here (one history shard, fast queue polling, one task-queue
// partition, SQLite in WAL mode on one connection) is what makes a single
// embedded server answer in milliseconds: with the server's defaults every
// workflow task waits ~50 ms after a burst of ~10.
package engine

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/uber-go/tally/v4"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	sdklog "go.temporal.io/sdk/log"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/cluster"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/membership/static"
	"go.temporal.io/server/common/metrics"
	"go.temporal.io/server/common/primitives"
	"go.temporal.io/server/temporal"
)

// DefaultPort is the conventional frontend port (Temporal's own default);
// callers use it as their flag or config default. Options.Port 0 means
// "pick free ports", not this.
const DefaultPort = 7233

const (
	defaultIP        = "127.0.0.1"
	defaultNamespace = "default"

	// dbFileName is the SQLite file inside Options.DataDir.
	dbFileName = "temporal.db"

	// clusterName is persisted in the data file on first start; it must never
	// change for an existing file.
	clusterName = "active"

	// namespaceRetention is how long the server keeps a closed workflow's
	// history. Cases are looked up long after they close, so keep a year.
	namespaceRetention = 365 * 24 * time.Hour

	// readyPollInterval is the pause between readiness probes in Start, and
	// readyTimeout caps the wait even if the caller's context has no deadline.
	readyPollInterval = 50 * time.Millisecond
	readyTimeout      = 30 * time.Second
)

// Options configures Start. The zero value runs an in-memory server on free
// ports of 127.0.0.1 with namespace "default", logging to slog.Default().
type Options struct {
	// DataDir is the folder that holds the SQLite persistence file
	// (<DataDir>/temporal.db), created (mode 0700) if missing. "" keeps
	// everything in memory and loses it on Stop: for tests only. Either way
	// the server's SQLite plugin keeps its connection (and an in-memory
	// database) until the process exits, even after Stop.
	DataDir string
	// IP is the address all four services listen on; it must be an IP
	// literal, not a host name, and not 0.0.0.0 or ::. Default "127.0.0.1".
	IP string
	// Port is the frontend gRPC port; history, matching and worker take the
	// next three ports. Production uses DefaultPort (7233). 0 picks four free
	// ports (not necessarily consecutive): for tests.
	Port int
	// Namespace is registered before start if the data file lacks it.
	// Default "default".
	Namespace string
	// Logger receives the server's logs at warn level and above (the server
	// is chatty below that). nil means slog.Default().
	Logger *slog.Logger
	// Metrics receives the server's metrics (its services, persistence,
	// queues); nil reports none.
	Metrics tally.Scope
	// CachedWorkflows bounds the workflows whose mutable state the history
	// service keeps in memory (its default keeps up to 128,000, each touched
	// in the last hour). Default 250. The SDK workers' own cache is the
	// caller's: worker.SetStickyWorkflowCacheSize before Start, since the
	// server's internal workers create that process-wide cache.
	CachedWorkflows int
}

// Server is a running embedded Temporal server.
type Server struct {
	srv       temporal.Server
	address   string
	namespace string
	logger    *slog.Logger // for the readiness probe's SDK client
	srvLogger serverLogger

	stopOnce sync.Once
	stopErr  error
}

// Start creates the schema in a new data file (or reopens an existing one),
// registers the namespace if it is missing, starts the four services and
// returns once the frontend answers DescribeNamespace for the namespace.
// If ctx ends first (or 30 s pass), Start stops the server and returns an
// error.
func Start(ctx context.Context, o Options) (*Server, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	ports, err := o.ports()
	if err != nil {
		return nil, err
	}
	logger := slog.New(minLevelHandler{next: o.Logger.Handler(), min: slog.LevelWarn})

	sqlCfg, err := sqliteConfig(o.DataDir)
	if err != nil {
		return nil, err
	}
	if o.DataDir != "" {
		if err := ownerOnly(sqlCfg.DatabaseName, logger); err != nil {
			return nil, err
		}
	}
	if err := prepareStore(sqlCfg, o.Namespace); err != nil {
		return nil, err
	}

	cfg := serverConfig(o.IP, ports, sqlCfg)
	srvLogger := newServerLogger(logger)
	srv, err := newTemporalServer(cfg, o.IP, ports, srvLogger, o.Metrics, o.CachedWorkflows)
	if err != nil {
		return nil, fmt.Errorf("create temporal server: %w", err)
	}
	// On failure fx has already stopped whatever had started.
	if err := srv.Start(); err != nil {
		return nil, fmt.Errorf("start temporal server: %w", err)
	}
	s := &Server{
		srv:       srv,
		address:   hostPort(o.IP, ports[0]),
		namespace: o.Namespace,
		logger:    logger,
		srvLogger: srvLogger,
	}
	if err := s.waitReady(ctx); err != nil {
		_ = s.Stop()
		return nil, err
	}
	if err := s.registerSearchAttributes(ctx); err != nil {
		_ = s.Stop()
		return nil, err
	}
	return s, nil
}

// FrontendAddress returns the host:port SDK clients dial, e.g. "127.0.0.1:7233".
func (s *Server) FrontendAddress() string { return s.address }

// Namespace returns the namespace Start registered.
func (s *Server) Namespace() string { return s.namespace }

// Stop shuts the services down. Close SDK workers and clients first: a
// worker polling a stopped server logs errors until it is stopped. Calling
// Stop again returns the first call's result.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		s.srvLogger.stopping.Store(true)
		if err := s.srv.Stop(); err != nil {
			s.stopErr = fmt.Errorf("stop temporal server: %w", err)
		}
	})
	return s.stopErr
}

// waitReady dials the frontend until DescribeNamespace succeeds: the services
// have started when srv.Start returns, but the namespace cache and the
// frontend's health can lag a little behind.
func (s *Server) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	var lastErr error
	for {
		lastErr = s.probe(ctx)
		if lastErr == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for temporal frontend %s: %w (last error: %w)", s.address, ctx.Err(), lastErr)
		case <-time.After(readyPollInterval):
		}
	}
}

func (s *Server) probe(ctx context.Context) error {
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: s.namespace})
	return err
}

// dial is an SDK client of the engine's own, for start-up chores.
func (s *Server) dial(ctx context.Context) (client.Client, error) {
	return client.DialContext(ctx, client.Options{
		HostPort:  s.address,
		Namespace: s.namespace,
		Logger:    sdklog.NewStructuredLogger(s.logger),
	})
}

func (o Options) withDefaults() (Options, error) {
	if o.IP == "" {
		o.IP = defaultIP
	}
	ip := net.ParseIP(o.IP)
	if ip == nil {
		return o, fmt.Errorf("engine IP %q is not an IP address (use e.g. 127.0.0.1, not a host name)", o.IP)
	}
	// The services dial each other at this address, and the frontend has no
	// authentication: listening on every interface would open it to anyone.
	if ip.IsUnspecified() {
		return o, fmt.Errorf("engine IP %q listens on every interface; name one address, e.g. 127.0.0.1", o.IP)
	}
	if o.Port < 0 || o.Port+3 > 65535 {
		return o, fmt.Errorf("engine port %d out of range: it and the next three ports must be valid", o.Port)
	}
	if o.Namespace == "" {
		o.Namespace = defaultNamespace
	}
	if o.CachedWorkflows <= 0 {
		o.CachedWorkflows = 250
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.DataDir != "" {
		dir, err := filepath.Abs(o.DataDir)
		if err != nil {
			return o, fmt.Errorf("engine data dir %q: %w", o.DataDir, err)
		}
		// Case data is personal data: a folder Start creates is the
		// owner's alone.
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return o, fmt.Errorf("engine data dir: %w", err)
		}
		o.DataDir = dir
	}
	return o, nil
}

// ports returns the gRPC ports of frontend, history, matching and worker.
// Fixed ports are checked up front so a port in use gives a clear error
// instead of a failure deep in the server's start-up.
func (o Options) ports() ([4]int, error) {
	var ports [4]int
	listeners := make([]net.Listener, 0, len(ports))
	defer func() {
		for _, l := range listeners {
			_ = l.Close()
		}
	}()
	for i := range ports {
		port := 0
		if o.Port != 0 {
			port = o.Port + i
		}
		l, err := net.Listen("tcp", hostPort(o.IP, port))
		if err != nil {
			return ports, fmt.Errorf("engine port %s: %w", hostPort(o.IP, port), err)
		}
		listeners = append(listeners, l)
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	return ports, nil
}

func hostPort(ip string, port int) string {
	return net.JoinHostPort(ip, strconv.Itoa(port))
}

var serviceNames = [4]primitives.ServiceName{
	primitives.FrontendService,
	primitives.HistoryService,
	primitives.MatchingService,
	primitives.WorkerService,
}

func serverConfig(ip string, ports [4]int, sqlCfg *config.SQL) *config.Config {
	frontend := hostPort(ip, ports[0])
	var cfg config.Config
	cfg.Global.Membership.MaxJoinDuration = 30 * time.Second
	cfg.Global.Membership.BroadcastAddress = ip
	// Global.Metrics stays nil: the server opens no metrics listener of its
	// own; Options.Metrics takes its metrics instead. PProf.Port 0: no pprof.

	const storeName = "sqlite"
	cfg.Persistence.DefaultStore = storeName
	cfg.Persistence.VisibilityStore = storeName
	// The shard count is written into the data file on first start and cannot
	// change afterwards; one shard is right for one process.
	cfg.Persistence.NumHistoryShards = 1
	cfg.Persistence.DataStores = map[string]config.DataStore{storeName: {SQL: sqlCfg}}

	cfg.ClusterMetadata = &cluster.Config{
		EnableGlobalNamespace:    false,
		FailoverVersionIncrement: 10,
		MasterClusterName:        clusterName,
		CurrentClusterName:       clusterName,
		ClusterInformation: map[string]cluster.ClusterInformation{
			clusterName: {
				Enabled:                true,
				InitialFailoverVersion: 1,
				RPCAddress:             frontend,
			},
		},
	}
	cfg.DCRedirectionPolicy.Policy = "noop"

	cfg.Services = make(map[string]config.Service, len(serviceNames))
	for i, name := range serviceNames {
		var svc config.Service
		svc.RPC.GRPCPort = ports[i]
		svc.RPC.BindOnIP = ip
		cfg.Services[string(name)] = svc
	}

	cfg.Archival.History.State = "disabled"
	cfg.Archival.Visibility.State = "disabled"
	cfg.NamespaceDefaults.Archival.History.State = "disabled"
	cfg.NamespaceDefaults.Archival.Visibility.State = "disabled"

	// The server's internal worker (scavengers, batcher, scheduler) dials the
	// frontend through this address; without it the server does not start.
	cfg.PublicClient.HostPort = frontend
	return &cfg
}

func newTemporalServer(cfg *config.Config, ip string, ports [4]int, logger serverLogger, scope tally.Scope, cachedWorkflows int) (temporal.Server, error) {
	authorizer, err := authorization.GetAuthorizerFromConfig(&cfg.Global.Authorization)
	if err != nil {
		return nil, fmt.Errorf("create authorizer: %w", err)
	}
	claimMapper, err := authorization.GetClaimMapperFromConfig(&cfg.Global.Authorization, logger)
	if err != nil {
		return nil, fmt.Errorf("create claim mapper: %w", err)
	}
	// Static hosts replace the ringpop membership ring: every service knows
	// where the others are, and nothing gossips on extra ports.
	hosts := make(map[primitives.ServiceName]static.Hosts, len(serviceNames))
	for i, name := range serviceNames {
		hosts[name] = static.SingleLocalHost(hostPort(ip, ports[i]))
	}
	opts := []temporal.ServerOption{
		temporal.WithConfig(cfg),
		temporal.ForServices(temporal.DefaultServices),
		temporal.WithStaticHosts(hosts),
		temporal.WithLogger(logger),
		temporal.WithAuthorizer(authorizer),
		temporal.WithClaimMapper(func(*config.Config) authorization.ClaimMapper { return claimMapper }),
		temporal.WithDynamicConfigClient(dynamicConfig(cachedWorkflows)),
	}
	if scope != nil {
		opts = append(opts, temporal.WithCustomMetricsHandler(metrics.NewTallyMetricsHandler(metricsConfig, scope)))
	}
	return temporal.NewServer(opts...)
}

// metricsConfig gives the server's histograms buckets by unit, as the
// server's own metrics configuration would (its defaults, shortened).
var metricsConfig = metrics.ClientConfig{PerUnitHistogramBoundaries: map[string][]float64{
	metrics.Dimensionless: {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 100_000},
	metrics.Milliseconds:  {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 100_000, 1_000_000},
	metrics.Bytes:         {1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864},
}}

// dynamicConfig is the server's tuning. The typed settings (rather than key
// strings) make a key that a server upgrade removes fail to compile.
func dynamicConfig(cachedWorkflows int) dynamicconfig.StaticClient {
	return dynamicconfig.StaticClient{
		// The mutable states kept in memory (default 128,000, for an hour).
		dynamicconfig.HistoryCacheHostLevelMaxSize.Key(): cachedWorkflows,
		// With one shard the default of 20 polls/s per queue makes every
		// workflow task wait ~50 ms after a burst of ~10.
		dynamicconfig.TransferProcessorMaxPollRPS.Key():   1000,
		dynamicconfig.TimerProcessorMaxPollRPS.Key():      1000,
		dynamicconfig.VisibilityProcessorMaxPollRPS.Key(): 1000,
		dynamicconfig.OutboundProcessorMaxPollRPS.Key():   1000,
		// The host's task schedulers start this many goroutines each, idle
		// or not (defaults 512, 512, 512, 64; replication 512 and 128 though
		// one cluster never replicates): 2,240 goroutines whose stacks the
		// collector scans at every cycle. One shard on a few cores keeps
		// far fewer busy.
		dynamicconfig.TransferProcessorSchedulerWorkerCount.Key():               32,
		dynamicconfig.TimerProcessorSchedulerWorkerCount.Key():                  32,
		dynamicconfig.VisibilityProcessorSchedulerWorkerCount.Key():             16,
		dynamicconfig.MemoryTimerProcessorSchedulerWorkerCount.Key():            8,
		dynamicconfig.ReplicationProcessorSchedulerWorkerCount.Key():            2,
		dynamicconfig.ReplicationLowPriorityProcessorSchedulerWorkerCount.Key(): 1,
		// Event batches kept for replication to other clusters (8 MiB by
		// default); one cluster never reads them: the smallest the server
		// takes (64 KiB).
		dynamicconfig.XDCCacheMaxSizeBytes.Key(): 0,
		// One process, one poller set: extra partitions only split the tasks.
		dynamicconfig.MatchingNumTaskqueueReadPartitions.Key():  1,
		dynamicconfig.MatchingNumTaskqueueWritePartitions.Key(): 1,
		// Human acts are workflow Updates. Both are on by default in v1.32.1;
		// set here so a changed default cannot switch them off.
		dynamicconfig.FrontendEnableUpdateWorkflowExecution.Key():              true,
		dynamicconfig.FrontendEnableUpdateWorkflowExecutionAsyncAccepted.Key(): true,
		// Case lists are visibility queries; the default of 10/s is too low
		// for a busy list page (the CLI dev server raises it too).
		dynamicconfig.FrontendMaxNamespaceVisibilityRPSPerInstance.Key(): 100,
	}
}
