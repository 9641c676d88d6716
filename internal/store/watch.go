package store

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"gorm.io/gorm"
)

// watch is a GORM plugin that sees every statement the store runs: it
// counts them, and after every write to a table an officer's identity is
// read from (Identity) it calls the identity listeners. Writes are seen
// wherever they are made, in this file's methods or another's, so no
// method that changes a role, a certificate, an account or a session can
// forget to say so. Raw SQL (Exec) is counted but not inspected: the
// identity tables are written through their row models only.
type watch struct {
	statements sync.Map // table ("" for raw SQL) → *atomic.Int64
	mu         sync.Mutex
	listeners  []func()
}

const watchName = "zhifa:watch"

func (w *watch) Name() string { return watchName }

// Initialize registers the callbacks, once, when the database is opened.
func (w *watch) Initialize(db *gorm.DB) error {
	cb := db.Callback()
	for _, err := range []error{
		cb.Create().After("gorm:create").Register(watchName+":create", func(db *gorm.DB) { w.wrote(db, false) }),
		cb.Update().After("gorm:update").Register(watchName+":update", func(db *gorm.DB) { w.wrote(db, false) }),
		cb.Delete().After("gorm:delete").Register(watchName+":delete", func(db *gorm.DB) { w.wrote(db, true) }),
		cb.Query().After("gorm:query").Register(watchName+":query", w.count),
		cb.Row().After("gorm:row").Register(watchName+":row", w.count),
		cb.Raw().After("gorm:raw").Register(watchName+":raw", w.count),
	} {
		if err != nil {
			return fmt.Errorf("register statement callback: %w", err)
		}
	}
	return nil
}

// wrote counts a write (a delete when deleted) and tells the identity
// listeners when it changed an identity table. A session matters only when
// it ends: a new session or a rotated refresh token changes nothing already
// resolved.
func (w *watch) wrote(db *gorm.DB, deleted bool) {
	w.count(db)
	if db.Error != nil || db.Statement.RowsAffected == 0 {
		return
	}
	switch db.Statement.Table {
	case "officers", "role_assignments", "certificates", "certificate_history":
	case "sessions":
		if set, ok := db.Statement.Dest.(map[string]any); !deleted && (!ok || set["revoked_at"] == nil) {
			return
		}
	default:
		return
	}
	w.mu.Lock()
	listeners := append([]func(){}, w.listeners...)
	w.mu.Unlock()
	for _, fn := range listeners {
		fn()
	}
}

// count counts a statement against its table.
func (w *watch) count(db *gorm.DB) {
	n, ok := w.statements.Load(db.Statement.Table)
	if !ok {
		n, _ = w.statements.LoadOrStore(db.Statement.Table, new(atomic.Int64))
	}
	n.(*atomic.Int64).Add(1)
}

// watchOf is the plugin Open installed on the store's database.
func (s *Store) watchOf() *watch {
	w, _ := s.db.Config.Plugins[watchName].(*watch)
	return w
}

// OnIdentityChange calls fn after every write that may change what an
// officer's Identity holds or whether a session is live: an officer
// created, renamed, disabled or enabled, a password set or reset, a role
// assigned or removed, a certificate created, changed, suspended, revoked
// or reinstated, a session ended. The write may still be inside its
// transaction when fn runs. Changes made by another process sharing the
// database are not seen.
func (s *Store) OnIdentityChange(fn func()) {
	w := s.watchOf()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.listeners = append(w.listeners, fn)
}

// Statements is how many SQL statements the store has run since it was
// opened on any of tables, or on any table when none is named: what a
// request costs the database.
func (s *Store) Statements(tables ...string) int64 {
	var total int64
	s.watchOf().statements.Range(func(table, n any) bool {
		if len(tables) == 0 || slices.Contains(tables, table.(string)) {
			total += n.(*atomic.Int64).Load()
		}
		return true
	})
	return total
}
