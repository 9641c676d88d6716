// Package api is Zhifa's HTTP API (Gin, JSON, under /api/v1): login, cases
// and the acts on them, inboxes, deadlines for supervisors, and the
// administration of agencies, officers, certificates, power items and
// permission lines. Every route is a line of one table (routes.go) naming
// the permission it needs, enforced before its handler; the policy decides,
// the workflow validates.
package api

import (
	"cmp"
	"context"
	_ "embed"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"go.temporal.io/sdk/client"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/blob"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

//go:embed openapi.json
var openAPI []byte

// The procedures' acts are what permission lines may name.
func init() { policies.DeclareActs(workflows.Acts()) }

// Server holds the API's dependencies.
type Server struct {
	store       *store.Store
	enforcer    *policies.Enforcer
	temporal    client.Client
	taskQueue   string
	tokenSecret []byte
	tokenTTL    time.Duration
	refreshTTL  time.Duration
	dummyHash   string     // compared against when the login is unknown, so that it takes as long
	publicLimit *ipLimiter // the public record's rate per client address (public.go)
	evidence    blob.Store // evidence files (evidence.go)
	maxEvidence int64      // the largest evidence file, in bytes
	metrics     *metrics   // nil when metrics are off (metrics.go)

	// identities is who each session is, kept for a moment (auth.go).
	identities *identityCache
	// views are the cases last read, decoded, by their snapshot (cases.go).
	views *viewCache
}

// Options configures a Server.
type Options struct {
	Store       *store.Store
	Enforcer    *policies.Enforcer
	Temporal    client.Client
	TaskQueue   string
	TokenSecret []byte
	TokenTTL    time.Duration // access token lifetime; 15 minutes if zero
	RefreshTTL  time.Duration // refresh token lifetime; 168 hours if zero
	// Evidence keeps the evidence files attached to cases; without it,
	// uploads and downloads answer 500 (and say why in the log).
	Evidence blob.Store
	// MaxEvidence is the largest evidence file an upload may carry, in
	// bytes; DefaultMaxEvidence if zero.
	MaxEvidence int64
	// Metrics is where the request, act and deadline metrics are
	// registered (metrics.go); nil leaves them out.
	Metrics prometheus.Registerer
}

// New builds a Server.
func New(o Options) (*Server, error) {
	dummy, err := authority.HashPassword("not a password", 0)
	if err != nil {
		return nil, err
	}
	if len(o.TokenSecret) < 32 {
		return nil, fmt.Errorf("token secret too short: %d bytes, want at least 32", len(o.TokenSecret))
	}
	if o.MaxEvidence < 0 {
		return nil, fmt.Errorf("largest evidence file: %d bytes, want a positive size", o.MaxEvidence)
	}
	evidence := o.Evidence
	if evidence == nil {
		evidence = noEvidenceStore{}
	}
	var m *metrics
	if o.Metrics != nil {
		if m, err = newMetrics(o.Metrics, o.Store); err != nil {
			return nil, fmt.Errorf("register API metrics: %w", err)
		}
	}
	return &Server{metrics: m, store: o.Store, enforcer: o.Enforcer, temporal: o.Temporal, taskQueue: o.TaskQueue,
		tokenSecret: o.TokenSecret, tokenTTL: cmp.Or(o.TokenTTL, 15*time.Minute), refreshTTL: cmp.Or(o.RefreshTTL, 168*time.Hour),
		dummyHash: dummy, publicLimit: newIPLimiter(publicRate, publicBurst), evidence: evidence, maxEvidence: cmp.Or(o.MaxEvidence, DefaultMaxEvidence),
		identities: newIdentityCache(o.Store), views: newViewCache()}, nil
}

// Handler returns the HTTP handler with every route.
func (s *Server) Handler() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	if s.metrics != nil {
		// Outermost, so that a request that panics is timed as its 500.
		r.Use(s.metrics.observe)
	}
	// Before any route: the headers go on every answer, errors included,
	// and no handler sees control characters or an unbounded body.
	r.Use(gin.Recovery(), requestLog, securityHeaders, refuseBadText, s.limitBody, beijingTimes)
	r.HandleMethodNotAllowed = true
	// The client address is the connection's: X-Forwarded-For from anyone
	// would let a caller dodge the login throttle.
	_ = r.SetTrustedProxies(nil)
	r.NoRoute(func(c *gin.Context) {
		fail(c, newError(http.StatusNotFound, "not_found", "没有这个地址", "no such route"))
	})
	r.NoMethod(func(c *gin.Context) {
		fail(c, newError(http.StatusMethodNotAllowed, "method_not_allowed", "不支持该请求方法", "method not allowed"))
	})

	s.register(r) // every route, with the permission it needs: routes.go
	return r
}

// securityHeaders are on every response. The API serves only JSON: nothing
// may frame it, load anything from it or guess another content type, and
// no Referer leaves with a link. Answers under /api/v1 carry tokens and
// personal data, so no cache keeps them; the OpenAPI document is public.
func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	h.Set("Referrer-Policy", "no-referrer")
	if p := c.Request.URL.Path; strings.HasPrefix(p, "/api/v1/") && p != "/api/v1/openapi.json" {
		h.Set("Cache-Control", "no-store")
	}
	c.Next()
}

// refuseBadText answers 400 invalid_text when the path, a query parameter's
// name or value, or the Idempotency-Key holds a control character or invalid
// UTF-8: PostgreSQL refuses NUL in text with an error, and Temporal refuses
// invalid UTF-8 in an update ID, both of which would otherwise be a 500.
func refuseBadText(c *gin.Context) {
	u := c.Request.URL
	if !cleanText(u.Path) || !cleanText(c.GetHeader("Idempotency-Key")) {
		fail(c, errInvalidText)
		return
	}
	query, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		fail(c, badRequest("查询参数格式错误", "malformed query string"))
		return
	}
	for name, values := range query {
		if !cleanText(name) {
			fail(c, errInvalidText)
			return
		}
		for _, v := range values {
			if !cleanText(v) {
				fail(c, errInvalidText)
				return
			}
		}
	}
	c.Next()
}

func requestLog(c *gin.Context) {
	start := time.Now()
	c.Next()
	slog.Debug("http request", "method", c.Request.Method, "path", c.Request.URL.Path, "status", c.Writer.Status(), "took", time.Since(start))
}

func (s *Server) healthz(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) }

// readyz reports ready when both the database and the workflow engine answer.
func (s *Server) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 3*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "database unavailable"})
		return
	}
	if _, err := s.temporal.CheckHealth(ctx, &client.CheckHealthRequest{}); err != nil {
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "workflow engine unavailable"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ready"})
}

type meResponse struct {
	Officer     store.Officer          `json:"officer"`
	Roles       []store.RoleAssignment `json:"roles"`
	Certificate *store.Certificate     `json:"certificate,omitempty"`
	CertState   casefile.Certificate   `json:"certificate_state"`
}

func (s *Server) me(c *gin.Context) {
	p := caller(c)
	c.JSON(http.StatusOK, meResponse{Officer: p.Officer, Roles: p.Roles, Certificate: p.Certificate, CertState: p.CertState})
}
