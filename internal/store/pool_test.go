package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// A burst of requests reuses the pool's connections: before, all but two
// were closed when the burst ended and opened again by the next one, a
// PostgreSQL server process each time.
func TestBurstsReuseTheirConnections(t *testing.T) {
	st := storetest.Open(t)
	pool, err := st.Pool()
	require.NoError(t, err)
	burst := func() {
		var wg sync.WaitGroup
		for range 3 * store.DefaultMaxConns {
			wg.Go(func() {
				_, err := st.Agencies(context.Background())
				require.NoError(t, err)
			})
		}
		wg.Wait()
	}
	burst()
	opened := pool.Stats().OpenConnections
	burst()
	stats := pool.Stats()
	require.Zero(t, stats.MaxIdleClosed, "connections closed for lack of idle room")
	require.LessOrEqual(t, stats.OpenConnections, store.DefaultMaxConns)
	require.Equal(t, opened, stats.OpenConnections, "the second burst found the first one's connections open")
}
