package store

import (
	"strings"
	"sync"

	"gorm.io/gorm"
)

// Statement is an SQL statement the store ran, with its arguments.
type Statement struct {
	Table string
	SQL   string
	Vars  []any
}

// CaptureStatements keeps every query and update the store runs from now
// on; the function returned lists them.
func (s *Store) CaptureStatements() func() []Statement {
	var (
		mu  sync.Mutex
		out []Statement
	)
	keep := func(db *gorm.DB) {
		mu.Lock()
		defer mu.Unlock()
		out = append(out, Statement{Table: db.Statement.Table, SQL: db.Statement.SQL.String(), Vars: append([]any{}, db.Statement.Vars...)})
	}
	cb := s.db.Callback()
	_ = cb.Query().After("gorm:query").Register("test:capture:query", keep)
	_ = cb.Update().After("gorm:update").Register("test:capture:update", keep)
	return func() []Statement {
		mu.Lock()
		defer mu.Unlock()
		return append([]Statement{}, out...)
	}
}

// QueryPlan is SQLite's plan of st, one line per step.
func (s *Store) QueryPlan(st Statement) (string, error) {
	var steps []struct{ Detail string }
	if err := s.db.Raw("EXPLAIN QUERY PLAN "+st.SQL, st.Vars...).Scan(&steps).Error; err != nil {
		return "", err
	}
	lines := make([]string, len(steps))
	for i, step := range steps {
		lines[i] = step.Detail
	}
	return strings.Join(lines, "\n"), nil
}
