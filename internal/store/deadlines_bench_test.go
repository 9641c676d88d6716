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

// BenchmarkOverdueList times the managers' overdue list (as_of now) over a
// table of generated deadline rows: ZHIFA_BENCH_DEADLINES rows (default
// 200,000), of which 95 % met, the rest open — 15 % of those past due —
// over six agencies, on SQLite, or on PostgreSQL with
// ZHIFA_TEST_DATABASE_URL. Each iteration reads the first page and the page
// after it by cursor, each with its capped count; it reports both pages' p50
// and p99 in milliseconds.
//
//	ZHIFA_BENCH_DEADLINES=1000000 go test -run '^$' -bench OverdueList ./internal/store
func BenchmarkOverdueList(b *testing.B) {
	st, agencies, now := generatedDeadlines(b)
	ctx := context.Background()
	f := store.DeadlineFilter{AgencyIDs: agencies, State: "overdue", AsOf: now, Limit: 20}
	var first, next []time.Duration
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		items, total, err := st.Deadlines(ctx, f)
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if len(items) < f.Limit || total <= store.DeadlineCountCap {
			b.Fatalf("%d items, total %d: the generated rows should fill more than %d", len(items), total, store.DeadlineCountCap)
		}
		after := items[len(items)-1].Cursor()
		g := f
		g.After = &after
		if _, _, err := st.Deadlines(ctx, g); err != nil {
			b.Fatal(err)
		}
		first, next = append(first, t1.Sub(t0)), append(next, time.Since(t1))
	}
	b.StopTimer()
	b.ReportMetric(pctMS(first, 50), "p50-ms")
	b.ReportMetric(pctMS(first, 99), "p99-ms")
	b.ReportMetric(pctMS(next, 50), "next-p50-ms")
	b.ReportMetric(pctMS(next, 99), "next-p99-ms")
}

// BenchmarkDueSoonList times the due-soon list (as_of now) over the same
// generated rows: every open deadline due later is a candidate, and only
// those whose warning time has come are on the list.
//
//	ZHIFA_BENCH_DEADLINES=1000000 go test -run '^$' -bench DueSoonList ./internal/store
func BenchmarkDueSoonList(b *testing.B) {
	st, agencies, now := generatedDeadlines(b)
	ctx := context.Background()
	f := store.DeadlineFilter{AgencyIDs: agencies, State: "due-soon", AsOf: now, Limit: 20}
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
	b.ReportMetric(pctMS(took, 50), "p50-ms")
	b.ReportMetric(pctMS(took, 99), "p99-ms")
}

// generatedDeadlines is a new database with ZHIFA_BENCH_DEADLINES (default
// 200,000) generated deadline rows of six agencies, as of now.
func generatedDeadlines(b *testing.B) (*store.Store, []string, time.Time) {
	n := 200_000
	if v, err := strconv.Atoi(os.Getenv("ZHIFA_BENCH_DEADLINES")); err == nil && v > 0 {
		n = v
	}
	st := storetest.Open(b)
	agencies := []string{"a1", "a2", "a3", "a4", "a5", "a6"}
	now := time.Now().UTC()
	t0 := time.Now()
	if err := store.GenerateDeadlines(context.Background(), st, n, agencies, now); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d deadline rows generated on %s in %s", n, st.Dialect(), time.Since(t0).Round(time.Millisecond))
	return st, agencies, now
}

func pctMS(ds []time.Duration, p int) float64 {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return float64(ds[min(len(ds)-1, len(ds)*p/100)].Microseconds()) / 1000
}
