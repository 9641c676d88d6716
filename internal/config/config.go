// Package config reads Zhifa's settings in one place: each setting has a
// command-line flag, an environment variable and a default, and a flag given
// on the command line wins over the environment.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/spf13/pflag"
)

// Config is every setting of the zhifa binary.
type Config struct {
	DataDir           string
	HTTPAddr          string
	DatabaseURL       string
	TemporalAddress   string
	TemporalNamespace string
	TemporalPort      int
	TaskQueue         string
	TokenSecret       string
	TokenTTL          time.Duration
	RefreshTTL        time.Duration
	PolicyPoll        time.Duration
	EndedPoll         time.Duration
	NotifyPoll        time.Duration
	MetricsAddr       string
	SeedDemo          bool
	ServeWorker       bool
	WorkflowCache     int
	DatabaseMaxConns  int
	LogLevel          string
	EvidenceDir       string
	EvidenceMaxMiB    int
	// BlobS3 keeps the evidence files in an S3-compatible bucket instead
	// of EvidenceDir when its endpoint is set.
	BlobS3Endpoint  string
	BlobS3Bucket    string
	BlobS3AccessKey string
	BlobS3SecretKey string
	BlobS3Region    string
	BlobS3Insecure  bool
}

type setting struct {
	flag, env, def, help string
	bind                 func(c *Config, fs *pflag.FlagSet, name, def, help string)
}

func str(f func(*Config) *string) func(*Config, *pflag.FlagSet, string, string, string) {
	return func(c *Config, fs *pflag.FlagSet, name, def, help string) { fs.StringVar(f(c), name, def, help) }
}

var settings = []setting{
	{"data-dir", "ZHIFA_DATA_DIR", "./data", "folder for the embedded engine's and database's files", str(func(c *Config) *string { return &c.DataDir })},
	{"http-addr", "ZHIFA_HTTP_ADDR", ":8080", "address the API listens on", str(func(c *Config) *string { return &c.HTTPAddr })},
	{"database-url", "ZHIFA_DATABASE_URL", "", "postgres://user:pass@host:5432/db; empty = SQLite in the data folder", str(func(c *Config) *string { return &c.DatabaseURL })},
	{"database-max-conns", "ZHIFA_DATABASE_MAX_CONNS", "20", "connections this process keeps to PostgreSQL at most (all kept open while idle); the processes together must stay under the server's max_connections", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		n, _ := strconv.Atoi(def)
		fs.IntVar(&c.DatabaseMaxConns, name, n, help)
	}},
	{"temporal-address", "ZHIFA_TEMPORAL_ADDRESS", "", "host:port of an external Temporal cluster; empty = start the embedded engine", str(func(c *Config) *string { return &c.TemporalAddress })},
	{"temporal-namespace", "ZHIFA_TEMPORAL_NAMESPACE", "default", "Temporal namespace", str(func(c *Config) *string { return &c.TemporalNamespace })},
	{"temporal-port", "ZHIFA_TEMPORAL_PORT", "7233", "embedded engine's frontend port (it also takes the next three)", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		n, _ := strconv.Atoi(def)
		fs.IntVar(&c.TemporalPort, name, n, help)
	}},
	{"task-queue", "ZHIFA_TASK_QUEUE", "zhifa-cases", "Temporal task queue of the case workflows", str(func(c *Config) *string { return &c.TaskQueue })},
	{"token-secret", "ZHIFA_TOKEN_SECRET", "", "key that signs login tokens; empty = generated once and kept in the data folder (set it when running several API processes)", str(func(c *Config) *string { return &c.TokenSecret })},
	{"token-ttl", "ZHIFA_TOKEN_TTL", "15m", "how long an access token is valid", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		d, _ := time.ParseDuration(def)
		fs.DurationVar(&c.TokenTTL, name, d, help)
	}},
	{"refresh-ttl", "ZHIFA_REFRESH_TTL", "168h", "how long a refresh token is valid; each refresh issues a new one", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		d, _ := time.ParseDuration(def)
		fs.DurationVar(&c.RefreshTTL, name, d, help)
	}},
	{"policy-poll", "ZHIFA_POLICY_POLL", "2s", "how often the API checks the database for changed permissions, roles or agencies made by another process", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		d, _ := time.ParseDuration(def)
		fs.DurationVar(&c.PolicyPoll, name, d, help)
	}},
	{"ended-poll", "ZHIFA_ENDED_POLL", "30s", "how often the API looks for case workflows that ended without closing their case (terminated, failed, timed out) and marks them for supervisors", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		d, _ := time.ParseDuration(def)
		fs.DurationVar(&c.EndedPoll, name, d, help)
	}},
	{"notify-poll", "ZHIFA_NOTIFY_POLL", "30s", "how often the API looks for deadlines whose warning time or due time has passed, notifies the officers concerned and sends the agencies' webhooks", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		d, _ := time.ParseDuration(def)
		fs.DurationVar(&c.NotifyPoll, name, d, help)
	}},
	{"seed-demo", "ZHIFA_SEED_DEMO", "true", "seed demo agencies, officers and power items into an empty database", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		b, _ := strconv.ParseBool(def)
		fs.BoolVar(&c.SeedDemo, name, b, help)
	}},
	{"serve-worker", "ZHIFA_SERVE_WORKER", "true", "serve runs the workflow worker too; false leaves the workflows to separate zhifa worker processes (serve then runs the embedded engine and the API)", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		b, _ := strconv.ParseBool(def)
		fs.BoolVar(&c.ServeWorker, name, b, help)
	}},
	{"workflow-cache", "ZHIFA_WORKFLOW_CACHE", "250", "how many recently active cases a worker process keeps in memory (and the embedded engine beside it); a case outside them is rebuilt from its history on its next act, a few milliseconds", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		n, _ := strconv.Atoi(def)
		fs.IntVar(&c.WorkflowCache, name, n, help)
	}},
	{"metrics-addr", "ZHIFA_METRICS_ADDR", "", "address of a separate listener serving Prometheus metrics at /metrics (API, workflow SDK, embedded engine), e.g. 127.0.0.1:9090; empty = no metrics", str(func(c *Config) *string { return &c.MetricsAddr })},
	{"log-level", "ZHIFA_LOG_LEVEL", "info", "debug, info, warn or error", str(func(c *Config) *string { return &c.LogLevel })},
	{"evidence-dir", "ZHIFA_EVIDENCE_DIR", "", "folder for the evidence files attached to cases, kept by their SHA-256; empty = evidence/ in the data folder (API processes serving the same database must share it)", str(func(c *Config) *string { return &c.EvidenceDir })},
	{"evidence-max-mib", "ZHIFA_EVIDENCE_MAX_MIB", "200", "largest evidence file an upload may carry, in MiB", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		n, _ := strconv.Atoi(def)
		fs.IntVar(&c.EvidenceMaxMiB, name, n, help)
	}},
	{"blob-s3-endpoint", "ZHIFA_BLOB_S3_ENDPOINT", "", "host[:port] of an S3-compatible object store to keep the evidence files in instead of the evidence folder; empty = the folder", str(func(c *Config) *string { return &c.BlobS3Endpoint })},
	{"blob-s3-bucket", "ZHIFA_BLOB_S3_BUCKET", "", "the store's bucket for evidence files; it must exist", str(func(c *Config) *string { return &c.BlobS3Bucket })},
	{"blob-s3-access-key", "ZHIFA_BLOB_S3_ACCESS_KEY", "", "access key of the object store", str(func(c *Config) *string { return &c.BlobS3AccessKey })},
	{"blob-s3-secret-key", "ZHIFA_BLOB_S3_SECRET_KEY", "", "secret key of the object store (prefer the environment variable: a flag shows in the process list)", str(func(c *Config) *string { return &c.BlobS3SecretKey })},
	{"blob-s3-region", "ZHIFA_BLOB_S3_REGION", "", "region of the bucket; empty = asked of the store", str(func(c *Config) *string { return &c.BlobS3Region })},
	{"blob-s3-insecure", "ZHIFA_BLOB_S3_INSECURE", "false", "talk to the object store over plain HTTP instead of HTTPS (only on a private network)", func(c *Config, fs *pflag.FlagSet, name, def, help string) {
		b, _ := strconv.ParseBool(def)
		fs.BoolVar(&c.BlobS3Insecure, name, b, help)
	}},
}

// Bind adds every setting's flag to fs, with the environment variable (if
// set) as its default, and returns the Config the flags fill in. The usage
// text names the variable and the built-in default.
func Bind(fs *pflag.FlagSet) *Config {
	c := &Config{}
	for _, s := range settings {
		def := s.def
		if v, ok := os.LookupEnv(s.env); ok {
			def = v
		}
		help := fmt.Sprintf("%s (env %s)", s.help, s.env)
		s.bind(c, fs, s.flag, def, help)
		// Help shows the built-in default, whatever the environment says.
		fs.Lookup(s.flag).DefValue = s.def
	}
	return c
}

// Validate checks the values that flags cannot check by type.
func Validate(fs *pflag.FlagSet) error {
	for _, s := range settings {
		if v, ok := os.LookupEnv(s.env); ok && !fs.Changed(s.flag) {
			if err := fs.Set(s.flag, v); err != nil {
				return fmt.Errorf("%s=%q: %w", s.env, v, err)
			}
		}
	}
	if n, err := fs.GetInt("workflow-cache"); err == nil && (n < 10 || n > 1_000_000) {
		return fmt.Errorf("ZHIFA_WORKFLOW_CACHE (--workflow-cache) %d: give 10 to 1000000 cases", n)
	}
	if n, err := fs.GetInt("database-max-conns"); err == nil && (n < 2 || n > 10_000) {
		return fmt.Errorf("ZHIFA_DATABASE_MAX_CONNS (--database-max-conns) %d: give 2 to 10000 connections", n)
	}
	return nil
}

// EvidenceFolder is the folder the evidence files are kept in.
func (c *Config) EvidenceFolder() string {
	if c.EvidenceDir != "" {
		return c.EvidenceDir
	}
	return filepath.Join(c.DataDir, "evidence")
}

// Embedded tells whether this process runs its own Temporal server.
func (c *Config) Embedded() bool { return c.TemporalAddress == "" }
