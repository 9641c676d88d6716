package api

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/workflows"
)

// The API's metrics, registered in Options.Metrics and served by the
// metrics listener (internal/telemetry), never on the API's own address.
// Routes are labelled by their template (/api/v1/cases/:id), never by the
// path a caller sent: case IDs are unbounded and not for a dashboard.

// actRoute is the template of the route that performs acts (routes.go).
const actRoute = "/api/v1/cases/:id/acts/:act"

// unknownLabel stands for a route, act or procedure outside the known set.
const unknownLabel = "unknown"

type metrics struct {
	store    *store.Store
	requests *prometheus.HistogramVec
	acts     *prometheus.CounterVec

	mu         sync.Mutex
	procedures map[string]string // case ID → procedure, for the act counter
}

// procedureCacheSize bounds the case → procedure map; when full it starts over.
const procedureCacheSize = 4096

func newMetrics(reg prometheus.Registerer, st *store.Store) (*metrics, error) {
	m := &metrics{
		store: st,
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "zhifa_http_request_duration_seconds",
			Help:    "Time from a request's arrival to its answer, by method, route template and status.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"method", "route", "status"}),
		acts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "zhifa_acts_total",
			Help: "Acts asked for on cases, by procedure, act and outcome: ok, or the error code of the refusal (wrong_step, forbidden, …).",
		}, []string{"procedure", "act", "outcome"}),
		procedures: map[string]string{},
	}
	pool, err := st.Pool()
	if err != nil {
		return nil, err
	}
	// The database pool: connections open, in use and idle, waits for one,
	// connections closed (go_sql_* by db_name="zhifa").
	for _, c := range []prometheus.Collector{m.requests, m.acts, &deadlineCollector{store: st}, collectors.NewDBStatsCollector(pool, "zhifa")} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// observe times every request and counts the acts by outcome.
func (m *metrics) observe(c *gin.Context) {
	start := time.Now()
	var body *errorBody
	if c.FullPath() == actRoute {
		body = &errorBody{ResponseWriter: c.Writer}
		c.Writer = body
	}
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = unknownLabel
	}
	status := c.Writer.Status()
	m.requests.WithLabelValues(c.Request.Method, route, strconv.Itoa(status)).Observe(time.Since(start).Seconds())
	if body != nil {
		m.countAct(c, status, body.buf.Bytes())
	}
}

func (m *metrics) countAct(c *gin.Context, status int, body []byte) {
	act := c.Param("act")
	if !slices.Contains(workflows.Acts(), casefile.Act(act)) {
		act = unknownLabel
	}
	outcome := "ok"
	if status >= http.StatusBadRequest {
		var e struct {
			Error struct {
				Code string `json:"code"`
			} `json:"error"`
		}
		outcome = "status_" + strconv.Itoa(status)
		if json.Unmarshal(body, &e) == nil && e.Error.Code != "" {
			outcome = e.Error.Code
		}
	}
	m.acts.WithLabelValues(m.procedure(c.Request.Context(), c.Param("id")), act, outcome).Inc()
}

// procedure is the case's procedure, unknownLabel for no such case. A
// case's procedure never changes, so it is read once.
func (m *metrics) procedure(ctx context.Context, caseID string) string {
	m.mu.Lock()
	p, ok := m.procedures[caseID]
	m.mu.Unlock()
	if ok {
		return p
	}
	sum, _, err := m.store.Case(ctx, caseID)
	if err != nil {
		return unknownLabel
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.procedures) >= procedureCacheSize {
		clear(m.procedures)
	}
	m.procedures[caseID] = sum.Procedure
	return sum.Procedure
}

// errorBody keeps the body of an error answer (small: a code and a
// message) for the act counter; a success's body is not kept.
type errorBody struct {
	gin.ResponseWriter
	buf bytes.Buffer
}

// errorBodyLimit is more than any error answer's body.
const errorBodyLimit = 4096

func (w *errorBody) Write(b []byte) (int, error) {
	if w.Status() >= http.StatusBadRequest && w.buf.Len() < errorBodyLimit {
		w.buf.Write(b[:min(len(b), errorBodyLimit-w.buf.Len())])
	}
	return w.ResponseWriter.Write(b)
}

func (w *errorBody) WriteString(s string) (int, error) { return w.Write([]byte(s)) }

// deadlineCollector reads the deadlines per agency from the database when
// scraped, at most once per deadlineCacheFor.
type deadlineCollector struct {
	store *store.Store

	mu     sync.Mutex
	at     time.Time
	counts []store.DeadlineCount
}

var deadlinesDesc = prometheus.NewDesc("zhifa_deadlines",
	"Running deadlines of each agency's cases: open (not yet due) and overdue (past due, not met). Party windows are not counted.",
	[]string{"agency_id", "state"}, nil)

// deadlineCacheFor spares the database when several scrapers ask at once.
const deadlineCacheFor = 5 * time.Second

func (d *deadlineCollector) Describe(ch chan<- *prometheus.Desc) { ch <- deadlinesDesc }

func (d *deadlineCollector) Collect(ch chan<- prometheus.Metric) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if now := time.Now(); now.Sub(d.at) >= deadlineCacheFor {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		counts, err := d.store.DeadlineCounts(ctx, now)
		cancel()
		if err != nil {
			slog.Warn("deadline metrics not read", "err", err)
			ch <- prometheus.NewInvalidMetric(deadlinesDesc, err)
			return
		}
		d.at, d.counts = now, counts
	}
	for _, c := range d.counts {
		ch <- prometheus.MustNewConstMetric(deadlinesDesc, prometheus.GaugeValue, float64(c.Open), c.AgencyID, "open")
		ch <- prometheus.MustNewConstMetric(deadlinesDesc, prometheus.GaugeValue, float64(c.Overdue), c.AgencyID, "overdue")
	}
}
