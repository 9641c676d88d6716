// Package api is Zhifa's HTTP API (Gin, JSON, under /api/v1): login, cases
// and the acts on them, inboxes, and deadlines for supervisors. Every route
// names the permission it needs; the policy decides, the workflow validates.
package api

import (
	"context"
	_ "embed"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"go.temporal.io/sdk/client"
	"golang.org/x/crypto/bcrypt"

	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

//go:embed openapi.json
var openAPI []byte

// Server holds the API's dependencies.
type Server struct {
	store       *store.Store
	enforcer    *policies.Enforcer
	temporal    client.Client
	taskQueue   string
	tokenSecret []byte
	tokenTTL    time.Duration
	dummyHash   []byte
}

// Options configures a Server.
type Options struct {
	Store       *store.Store
	Enforcer    *policies.Enforcer
	Temporal    client.Client
	TaskQueue   string
	TokenSecret []byte
	TokenTTL    time.Duration
}

// New builds a Server.
func New(o Options) (*Server, error) {
	dummy, err := bcrypt.GenerateFromPassword([]byte("not a password"), bcrypt.DefaultCost)
	if err != nil {
		return nil, err
	}
	if len(o.TokenSecret) < 32 {
		return nil, fmt.Errorf("token secret too short: %d bytes, want at least 32", len(o.TokenSecret))
	}
	return &Server{store: o.Store, enforcer: o.Enforcer, temporal: o.Temporal, taskQueue: o.TaskQueue,
		tokenSecret: o.TokenSecret, tokenTTL: o.TokenTTL, dummyHash: dummy}, nil
}

// LoadPolicies gives the enforcer the agency tree and role assignments held
// in the database.
func LoadPolicies(ctx context.Context, st *store.Store, e *policies.Enforcer) error {
	agencies, err := st.Agencies(ctx)
	if err != nil {
		return err
	}
	for _, a := range agencies {
		if a.ParentID == "" {
			continue
		}
		if err := e.SetAgencyParent(a.ID, a.ParentID); err != nil {
			return fmt.Errorf("agency %s: %w", a.ID, err)
		}
	}
	roles, err := st.Roles(ctx, "")
	if err != nil {
		return err
	}
	for _, r := range roles {
		if err := e.Assign(r.OfficerID, r.Role, r.AgencyID); err != nil {
			return fmt.Errorf("role %s of %s at %s: %w", r.Role, r.OfficerID, r.AgencyID, err)
		}
	}
	return nil
}

// Handler returns the HTTP handler with every route.
func (s *Server) Handler() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(gin.Recovery(), requestLog)
	r.HandleMethodNotAllowed = true
	r.NoRoute(func(c *gin.Context) {
		fail(c, newError(http.StatusNotFound, "not_found", "没有这个地址", "no such route"))
	})
	r.NoMethod(func(c *gin.Context) {
		fail(c, newError(http.StatusMethodNotAllowed, "method_not_allowed", "不支持该请求方法", "method not allowed"))
	})

	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)

	v1 := r.Group("/api/v1")
	v1.GET("/openapi.json", func(c *gin.Context) { c.Data(http.StatusOK, "application/json", openAPI) })
	v1.POST("/auth/login", s.login)

	authed := v1.Group("", s.authenticate)
	authed.GET("/me", s.me)                    // any logged-in person
	authed.POST("/cases", s.createCase)        // policies.ActOpenCase on the case's agency
	authed.GET("/cases", s.listCases)          // policies.ActRead on each listed agency
	authed.GET("/cases/:id", s.getCase)        // policies.ActRead on the case's agency
	authed.POST("/cases/:id/acts/:act", s.act) // the act itself on the case's agency
	authed.GET("/tasks", s.tasks)              // the caller's own inbox
	authed.GET("/deadlines", s.deadlines)      // policies.ActRead on deadlines of each agency
	return r
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
	CertState   policies.Certificate   `json:"certificate_state"`
}

func (s *Server) me(c *gin.Context) {
	p := caller(c)
	c.JSON(http.StatusOK, meResponse{Officer: p.Officer, Roles: p.Roles, Certificate: p.Certificate, CertState: p.CertState})
}
