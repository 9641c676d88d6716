package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBenchQuick runs `zhifa bench --quick` with tiny counts: it prints the
// table of checks and its JSON holds every measure, each with figures.
func TestBenchQuick(t *testing.T) {
	out, profiles := filepath.Join(t.TempDir(), "bench.json"), t.TempDir()
	var stdout, stderr bytes.Buffer
	cmd := root()
	cmd.SetOut(&stdout)
	cmd.SetErr(&stderr)
	cmd.SetArgs([]string{"bench", "--quick", "--clients", "4", "--workflows", "2", "--sequential", "5", "--concurrent", "8",
		"--whole-cases", "4", "--reads", "5", "--deadlines", "20000", "--open-cases", "60", "--json", out,
		"--workflow-cache", "10", "--profile", profiles})
	require.NoError(t, cmd.Execute(), stderr.String())
	require.Contains(t, stdout.String(), "act/bare throughput, sequential")

	raw, err := os.ReadFile(out)
	require.NoError(t, err)
	var rep map[string]any
	require.NoError(t, json.Unmarshal(raw, &rep))
	for _, name := range []string{"bare_sequential", "bare_sequential_activity", "bare_concurrent", "bare_concurrent_activity",
		"act_sequential", "act_concurrent", "case_read", "open_cases"} {
		m, ok := rep[name].(map[string]any)
		require.True(t, ok, "%s missing from %s", name, raw)
		require.Positive(t, m["count"], name)
		require.Positive(t, m["per_s"], name)
		require.Positive(t, m["p99_ms"], name)
	}
	for _, name := range []string{"whole_cases_1", "whole_cases_16", "whole_cases_concurrent"} {
		m, ok := rep[name].(map[string]any)
		require.True(t, ok, "%s missing", name)
		require.Positive(t, m["cases_per_s"], name)
		require.Positive(t, m["open_p99_ms"], name)
		require.Positive(t, m["act_p99_ms"], name)
	}
	overdue := rep["overdue_list"].(map[string]any)
	require.EqualValues(t, 20000, overdue["rows"])
	require.Positive(t, overdue["first_page_p99_ms"])
	require.Positive(t, overdue["next_page_p99_ms"], "the overdue list has a second page, read by its cursor")
	require.Positive(t, overdue["total"], "the generated rows include overdue ones")
	for _, name := range []string{"rss_idle_mib", "rss_after_open_mib"} {
		require.Positive(t, rep[name], name)
	}
	// A case left alone does not stay in memory: the worker keeps at most
	// --workflow-cache cases, each with its goroutines, so 60 more open
	// cases (five goroutines each while cached) leave the count as it was.
	before, after := rep["memory_before_open"].(map[string]any), rep["memory_after_open"].(map[string]any)
	require.Positive(t, after["heap_live_mib"])
	require.Less(t, after["goroutines"].(float64)-before["goroutines"].(float64), 100.0, "goroutines before and after opening 60 cases")
	for _, name := range []string{"cpu-01.pprof", "cpu-06.pprof", "heap.pprof"} {
		info, err := os.Stat(filepath.Join(profiles, name))
		require.NoError(t, err)
		require.Positive(t, info.Size(), name)
	}

	checks := rep["checks"].([]any)
	var names []string
	for _, c := range checks {
		names = append(names, c.(map[string]any)["name"].(string))
	}
	for _, want := range []string{"act/bare throughput, sequential", "act/bare throughput, 4 clients", "act p99 / bare p99, 4 clients",
		"act p99, one client", "whole cases, 16 clients", "POST /cases p99 / act p99", "overdue list p99, first page", "RSS with 60 more cases open"} {
		require.True(t, strings.Contains(strings.Join(names, "\n"), want), "no check %q in %v", want, names)
	}
}
