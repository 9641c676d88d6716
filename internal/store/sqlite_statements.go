package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"

	lru "github.com/hashicorp/golang-lru/v2"
	msqlite "modernc.org/sqlite"
)

// keptStatements bounds the statements one SQLite connection keeps
// prepared: the store's statements are a few hundred shapes at most.
const keptStatements = 256

// openSQLite opens the store's SQLite database through connections that
// keep every statement they are given prepared, in a transaction or not:
// SQLite parses each statement it is given, and an act's reads and its
// record's transaction ran the same dozen statements every time.
// (GORM's own statement cache keeps a statement prepared inside a
// transaction only for that transaction.)
func openSQLite(dsn string) *sql.DB {
	return sql.OpenDB(keepingConnector{dsn: dsn, driver: &msqlite.Driver{}})
}

type keepingConnector struct {
	dsn    string
	driver *msqlite.Driver
}

func (k keepingConnector) Connect(context.Context) (driver.Conn, error) {
	c, err := k.driver.Open(k.dsn)
	if err != nil {
		return nil, err
	}
	conn, ok := c.(sqliteConn)
	if !ok {
		_ = c.Close()
		return nil, fmt.Errorf("SQLite driver connection %T lacks what database/sql needs of it", c)
	}
	stmts, _ := lru.NewWithEvict[string, driver.Stmt](keptStatements, func(_ string, s driver.Stmt) { _ = s.Close() })
	return &keepingConn{sqliteConn: conn, stmts: stmts}, nil
}

func (k keepingConnector) Driver() driver.Driver { return k.driver }

// sqliteConn is what the SQLite driver's connection offers database/sql.
type sqliteConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

// keepingConn runs statements through the prepared statements it keeps.
// database/sql uses a connection from one goroutine at a time, and the
// store reads every result before its next statement, so a kept statement
// is never run again while its rows are still open.
type keepingConn struct {
	sqliteConn
	stmts *lru.Cache[string, driver.Stmt]
}

func (c *keepingConn) prepared(ctx context.Context, query string) (driver.Stmt, error) {
	if s, ok := c.stmts.Get(query); ok {
		return s, nil
	}
	s, err := c.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts.Add(query, s)
	return s, nil
}

func (c *keepingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	s, err := c.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (c *keepingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	s, err := c.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.(driver.StmtQueryContext).QueryContext(ctx, args)
}

func (c *keepingConn) Close() error {
	c.stmts.Purge() // closes them
	return c.sqliteConn.Close()
}
