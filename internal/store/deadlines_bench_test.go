package store_test

import (
	"context"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// BenchmarkOverdueList times the managers' overdue list (the first page,
// as_of now) over a table of generated deadline rows: ZHIFA_BENCH_DEADLINES
// rows (default 200,000), of which 95 % met, the rest open — a tenth of
// those past due — over six agencies, on SQLite, or on PostgreSQL with
// ZHIFA_TEST_DATABASE_URL. Reports p50 and p99 in milliseconds.
//
//	ZHIFA_BENCH_DEADLINES=1000000 go test -run '^$' -bench OverdueList ./internal/store
func BenchmarkOverdueList(b *testing.B) {
	n := 200_000
	if v, err := strconv.Atoi(os.Getenv("ZHIFA_BENCH_DEADLINES")); err == nil && v > 0 {
		n = v
	}
	st := storetest.Open(b)
	ctx := context.Background()
	agencies := []string{"a1", "a2", "a3", "a4", "a5", "a6"}
	now := time.Now().UTC()
	if err := store.GenerateDeadlines(ctx, st, n, agencies, now); err != nil {
		b.Fatal(err)
	}
	f := store.DeadlineFilter{AgencyIDs: agencies, State: "overdue", AsOf: now, Limit: 20}
	var took []time.Duration
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		if _, _, err := st.Deadlines(ctx, f); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[min(len(took)-1, len(took)*99/100)].Microseconds())/1000, "p99-ms")
}
