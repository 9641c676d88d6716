package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/config"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/store/storetest"
)

// TestMetricsOnTheirOwnListener runs `zhifa serve` with ZHIFA_METRICS_ADDR
// set, opens a case and acts on it over HTTP, and scrapes the metrics
// listener as Prometheus would: request latency by route template, acts by
// outcome, the SDK's workflow task latency, the embedded engine's own
// metrics and the deadlines per agency are there; the API's address has no
// /metrics.
func TestMetricsOnTheirOwnListener(t *testing.T) {
	cfg := config.Bind(pflag.NewFlagSet("serve", pflag.ContinueOnError))
	cfg.DataDir = t.TempDir()
	cfg.DatabaseURL = storetest.URL(t)
	cfg.HTTPAddr = freeLocalAddr(t)
	cfg.MetricsAddr = freeLocalAddr(t)
	cfg.TemporalPort = 0
	cfg.TokenSecret = strings.Repeat("metrics-test-key", 3)
	cfg.SeedDemo = true
	cfg.LogLevel = "warn"

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, cfg, true, true) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			require.NoError(t, err)
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop")
		}
	})

	api := "http://" + cfg.HTTPAddr
	require.Eventually(t, func() bool {
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v", err)
		default:
		}
		res, err := http.Get(api + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	}, 90*time.Second, 100*time.Millisecond)

	officer, head := loginAs(t, api, "qs-officer1"), loginAs(t, api, "qs-head")
	status, body := postJSON(t, api+"/api/v1/cases", officer, map[string]any{
		"power_item_code": "JN-SC-CF-0001",
		"party":           map[string]any{"kind": "organization", "name": "青山县好味食品店", "id_number": "91330100MA2B7K3Q1X"},
		"facts":           "销售超过保质期的酸奶", "act_date": "2026-09-20",
		"officer_ids": []string{"qs-officer1", "qs-officer2"},
	})
	require.Equal(t, http.StatusCreated, status, "%s", body)
	caseID := body["case"].(map[string]any)["id"].(string)
	approve := api + "/api/v1/cases/" + caseID + "/acts/approve-filing"
	status, body = postJSON(t, approve, officer, map[string]any{"opinion": "同意立案"})
	require.Equal(t, http.StatusForbidden, status, "%s", body)
	status, body = postJSON(t, approve, head, map[string]any{"opinion": "同意立案"})
	require.Equal(t, http.StatusOK, status, "%s", body)

	res, err := http.Get(api + "/metrics")
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusNotFound, res.StatusCode, "the API's address serves no metrics")

	want := map[string]*regexp.Regexp{
		"act route latency":  regexp.MustCompile(`(?m)^zhifa_http_request_duration_seconds_count\{method="POST",route="/api/v1/cases/:id/acts/:act",status="200"\} 1$`),
		"case route latency": regexp.MustCompile(`(?m)^zhifa_http_request_duration_seconds_count\{method="POST",route="/api/v1/cases",status="201"\} 1$`),
		"act done":           regexp.MustCompile(`(?m)^zhifa_acts_total\{act="approve-filing",outcome="ok",procedure="general-penalty"\} 1$`),
		"act refused":        regexp.MustCompile(`(?m)^zhifa_acts_total\{act="approve-filing",outcome="forbidden",procedure="general-penalty"\} 1$`),
		"workflow task":      regexp.MustCompile(`(?m)^temporal_workflow_task_execution_latency_seconds_count\{[^}]*\} [1-9]`),
		"engine":             regexp.MustCompile(`(?m)^engine_\w+\{[^}]*service_name="frontend"`),
		"deadlines":          regexp.MustCompile(`(?m)^zhifa_deadlines\{agency_id="jn-lj-qs",state="open"\} [1-9]`),
		"no overdue":         regexp.MustCompile(`(?m)^zhifa_deadlines\{agency_id="jn-lj-qs",state="overdue"\} 0$`),
		"database pool":      regexp.MustCompile(`(?m)^go_sql_open_connections\{db_name="zhifa"\} [1-9]`),
	}
	var text string
	missing := func() []string {
		res, err := http.Get("http://" + cfg.MetricsAddr + "/metrics")
		require.NoError(t, err)
		defer res.Body.Close()
		require.Equal(t, http.StatusOK, res.StatusCode)
		raw, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		text = string(raw)
		var out []string
		for name, re := range want {
			if !re.MatchString(text) {
				out = append(out, name)
			}
		}
		return out
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(missing()) > 0 && time.Now().Before(deadline) {
		time.Sleep(500 * time.Millisecond)
	}
	require.Empty(t, missing(), "metrics:\n%s", text)
	require.NotContains(t, text, caseID, "a raw path reached a label")
}

func freeLocalAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().String()
}

func postJSON(t *testing.T, url, token string, body any) (int, map[string]any) {
	t.Helper()
	buf, err := json.Marshal(body)
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(buf))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	var out map[string]any
	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	_ = json.Unmarshal(raw, &out)
	return res.StatusCode, out
}

func loginAs(t *testing.T, api, who string) string {
	t.Helper()
	status, body := postJSON(t, api+"/api/v1/auth/login", "", map[string]string{"login": who, "password": demo.Password})
	require.Equal(t, http.StatusOK, status, "%v", body)
	return body["token"].(string)
}
