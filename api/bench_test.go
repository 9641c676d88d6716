package api_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/bench"
)

// The API's benchmarks run phases of `zhifa bench` (internal/bench) on the
// tests' server; `zhifa bench` runs them all, with the targets. Figures:
// docs/performance.md.

// prepare logs the demo officers in and opens the bare workflows and cases
// that the acts go to, round robin.
func prepare(b *testing.B, e *env, n int) *bench.Runner {
	r, err := bench.Prepare(context.Background(), bench.Target{BaseURL: e.app.url, Temporal: e.app.temporal, Store: e.app.store}, n)
	require.NoError(b, err)
	b.Cleanup(r.Close)
	return r
}

// BenchmarkActs sends b.N Updates to a trivial workflow (the bare engine,
// through the same client), then b.N Zhifa acts over HTTP (record-evidence),
// one at a time, round robin over 20 of each (go test -run '^$' -bench Acts ./api).
func BenchmarkActs(b *testing.B) {
	r := prepare(b, newEnv(b), 20)
	ctx := context.Background()
	require.NoError(b, r.WarmBare(ctx))
	b.ResetTimer()
	bare, err := r.Bare(ctx, 1, b.N, false)
	require.NoError(b, err)
	b.StopTimer()
	require.NoError(b, r.WarmCases(ctx))
	b.StartTimer()
	act, err := r.Acts(ctx, 1, b.N)
	require.NoError(b, err)
	b.StopTimer()
	b.ReportMetric(bare.PerSec, "bare-updates/s")
	b.ReportMetric(act.PerSec, "acts/s")
	b.ReportMetric(act.PerSec/bare.PerSec, "act/bare")
	b.ReportMetric(bare.P99MS, "bare-p99-ms")
	b.ReportMetric(act.P99MS, "act-p99-ms")
}

// BenchmarkWholeCases walks b.N whole general-procedure cases from 16
// clients at once (go test -run '^$' -bench WholeCases ./api).
func BenchmarkWholeCases(b *testing.B) {
	r := prepare(b, newEnv(b), 1)
	b.ResetTimer()
	res, err := r.WholeCases(context.Background(), 16, b.N)
	require.NoError(b, err)
	b.StopTimer()
	b.ReportMetric(res.CasesPerS, "cases/s")
	b.ReportMetric(res.OpenP50MS, "open-p50-ms")
	b.ReportMetric(res.OpenP99MS, "open-p99-ms")
	b.ReportMetric(res.ActP50MS, "act-p50-ms")
	b.ReportMetric(res.ActP99MS, "act-p99-ms")
}
