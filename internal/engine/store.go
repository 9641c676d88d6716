package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/metrics"
	"go.temporal.io/server/common/persistence/sql"
	"go.temporal.io/server/common/persistence/sql/sqlplugin"
	sqliteplugin "go.temporal.io/server/common/persistence/sql/sqlplugin/sqlite"
	"go.temporal.io/server/common/resolver"
	sqliteschema "go.temporal.io/server/schema/sqlite"
	"google.golang.org/protobuf/types/known/durationpb"
)

// sqliteConfig is the SQL store for both the default and the visibility
// store. The server's SQLite plugin keeps one *sql.DB per DSN for the life of
// the process and shares it between all services, so every setting here
// applies to that one connection.
func sqliteConfig(dataDir string) (*config.SQL, error) {
	cfg := &config.SQL{
		PluginName: sqliteplugin.PluginName,
		// One connection: SQLite has one writer anyway, and several
		// connections measured slower and fail with "database is locked"
		// without a busy timeout.
		MaxConns:     1,
		MaxIdleConns: 1,
	}
	if dataDir == "" {
		// The plugin creates the schema itself when it opens a memory database.
		cfg.DatabaseName = "engine-" + strconv.FormatUint(rand.Uint64(), 36)
		cfg.ConnectAttributes = map[string]string{"mode": "memory", "cache": "shared"}
		return cfg, nil
	}
	file := filepath.Join(dataDir, dbFileName)
	// The plugin builds the DSN as "file:<name>?<attrs>" without escaping, so
	// a name with URI syntax in it would open some other file.
	if strings.ContainsAny(file, "?#") {
		return nil, fmt.Errorf("engine data dir %q: path must not contain '?' or '#'", dataDir)
	}
	cfg.DatabaseName = file
	// Keys that are not SQLite URI parameters become PRAGMAs. WAL with
	// synchronous=normal survives a process crash (not necessarily a power
	// cut, which can lose the last commits) at ~90 % of in-memory speed; the
	// default rollback journal is ~2x slower. The busy timeout covers other
	// processes (a backup, the sqlite3 shell) touching the file.
	cfg.ConnectAttributes = map[string]string{
		"mode":         "rwc",
		"journal_mode": "wal",
		"synchronous":  "normal",
		"busy_timeout": "10000",
	}
	return cfg, nil
}

// prepareStore creates the schema if the database has no tables yet and
// registers the namespace if it is missing. Both are no-ops on a data file
// that has been started before.
func prepareStore(cfg *config.SQL, namespace string) error {
	if cfg.ConnectAttributes["mode"] != "memory" {
		if err := setupSchemaIfEmpty(cfg); err != nil {
			return err
		}
	}
	// A new namespace has the case workflows' search attributes from the
	// start; an older data file gets them after start (search.go).
	ns, err := sqliteschema.NewNamespaceConfig(clusterName, namespace, false, searchAttributeTypes())
	if err != nil {
		return fmt.Errorf("namespace %q config: %w", namespace, err)
	}
	ns.Detail.Config.Retention = durationpb.New(namespaceRetention)
	if err := sqliteschema.CreateNamespaces(cfg, ns); err != nil {
		return fmt.Errorf("register namespace %q: %w", namespace, err)
	}
	return nil
}

// setupSchemaIfEmpty creates the schema in one transaction, so a start that
// dies halfway leaves an empty database that the next start sets up again,
// instead of half a schema that no start can repair.
func setupSchemaIfEmpty(cfg *config.SQL) error {
	db, err := sql.NewSQLAdminDB(sqlplugin.DbKindUnknown, cfg, resolver.NewNoopResolver(), log.NewNoopLogger(), metrics.NoopMetricsHandler)
	if err != nil {
		return fmt.Errorf("open %s: %w", cfg.DatabaseName, err)
	}
	defer func() { _ = db.Close() }()

	tables, err := db.ListTables(cfg.DatabaseName)
	if err != nil {
		return fmt.Errorf("list tables in %s: %w", cfg.DatabaseName, err)
	}
	if len(tables) > 0 {
		return nil
	}
	// BEGIN and COMMIT as statements work because the pool has exactly one
	// connection (MaxConns 1), so every Exec runs on the same one.
	if err := db.Exec("BEGIN IMMEDIATE"); err != nil {
		return fmt.Errorf("begin schema setup in %s: %w", cfg.DatabaseName, err)
	}
	if err := sqliteschema.SetupSchemaOnDB(db); err != nil {
		_ = db.Exec("ROLLBACK")
		return fmt.Errorf("set up schema in %s: %w", cfg.DatabaseName, err)
	}
	if err := db.Exec("COMMIT"); err != nil {
		return fmt.Errorf("commit schema setup in %s: %w", cfg.DatabaseName, err)
	}
	return nil
}

// ownerOnly makes the SQLite file at path, and the -wal and -shm files next
// to it, readable and writable by their owner alone: they hold case data,
// which is personal data. It creates the database file empty (SQLite takes
// an empty file for a new database) with mode 0600, whatever the umask,
// because SQLite gives the -wal and -shm files it creates the mode of the
// database file. Files an earlier version left open to others are
// tightened; a file that cannot be (another user's) is only warned about.
func ownerOnly(path string, logger *slog.Logger) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("engine data file: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("engine data file: %w", err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		info, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err == nil && info.Mode().Perm() == 0o600 {
			continue
		}
		if err == nil {
			err = os.Chmod(p, 0o600)
		}
		if err != nil {
			logger.Warn("engine data file is readable by others", "file", p, "err", err)
		}
	}
	return nil
}
