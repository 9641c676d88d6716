// Package sqlite stands in for github.com/glebarez/go-sqlite, a fork of
// modernc.org/sqlite that registers the database/sql driver name "sqlite" a
// second time (the Temporal server links modernc.org/sqlite, which registers
// it too) and makes the binary panic at start-up. The GORM dialector
// github.com/glebarez/sqlite only needs the driver's Error and Driver types,
// so this module re-exports modernc's and lets modernc own the driver name.
package sqlite

import msqlite "modernc.org/sqlite"

// Error is the error type the SQLite driver returns.
type Error = msqlite.Error

// Driver is the SQLite database/sql driver.
type Driver = msqlite.Driver
