package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"

	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

// principal is the authenticated caller, read from the token's subject and
// the database on every request, so that a suspended certificate or a
// removed role takes effect at once.
type principal struct {
	Officer     store.Officer
	Roles       []store.RoleAssignment
	Certificate *store.Certificate
	CertState   policies.Certificate
}

// agencies are the agencies where the caller holds some role.
func (p *principal) agencies() []string {
	var out []string
	for _, r := range p.Roles {
		if !slices.Contains(out, r.AgencyID) {
			out = append(out, r.AgencyID)
		}
	}
	return out
}

const principalKey = "principal"

type loginRequest struct {
	Login    string `json:"login" binding:"required"`
	Password string `json:"password" binding:"required"`
}

type loginResponse struct {
	Token     string                 `json:"token"`
	ExpiresAt time.Time              `json:"expires_at"`
	Officer   store.Officer          `json:"officer"`
	Roles     []store.RoleAssignment `json:"roles"`
}

// login checks the password and returns a signed, expiring token.
func (s *Server) login(c *gin.Context) {
	var req loginRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		fail(c, badRequest("请提供用户名和密码", "login and password are required"))
		return
	}
	wrong := newError(http.StatusUnauthorized, "bad_credentials", "用户名或密码错误", "wrong login or password")
	o, err := s.store.OfficerByLogin(c.Request.Context(), req.Login)
	if errors.Is(err, store.ErrNotFound) {
		// Spend the same time as a real check, so logins cannot be probed by timing.
		_ = bcrypt.CompareHashAndPassword(s.dummyHash, []byte(req.Password))
		fail(c, wrong)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	if bcrypt.CompareHashAndPassword([]byte(o.PasswordHash), []byte(req.Password)) != nil {
		fail(c, wrong)
		return
	}
	now := time.Now()
	exp := now.Add(s.tokenTTL)
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{
		Issuer: "zhifa", Subject: o.ID, IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(exp),
	}).SignedString(s.tokenSecret)
	if err != nil {
		fail(c, fmt.Errorf("sign token: %w", err))
		return
	}
	roles, err := s.store.Roles(c.Request.Context(), o.ID)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, loginResponse{Token: token, ExpiresAt: exp.UTC(), Officer: o, Roles: roles})
}

// authenticate reads the bearer token; only HS256 tokens signed with our key
// and not expired pass.
func (s *Server) authenticate(c *gin.Context) {
	raw, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	if !ok || raw == "" {
		fail(c, errUnauthenticated)
		return
	}
	claims := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return s.tokenSecret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}), jwt.WithIssuer("zhifa"), jwt.WithExpirationRequired())
	if err != nil {
		fail(c, errUnauthenticated)
		return
	}
	p, err := s.loadPrincipal(c.Request.Context(), claims.Subject)
	if errors.Is(err, store.ErrNotFound) {
		fail(c, errUnauthenticated)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	c.Set(principalKey, p)
	c.Next()
}

func (s *Server) loadPrincipal(ctx context.Context, officerID string) (*principal, error) {
	o, err := s.store.Officer(ctx, officerID)
	if err != nil {
		return nil, err
	}
	roles, err := s.store.Roles(ctx, officerID)
	if err != nil {
		return nil, err
	}
	p := &principal{Officer: o, Roles: roles, CertState: policies.CertNone}
	cert, err := s.store.CertificateOf(ctx, officerID)
	switch {
	case err == nil:
		p.Certificate = &cert
		p.CertState = cert.StateAt(time.Now())
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	return p, nil
}

func caller(c *gin.Context) *principal {
	return c.MustGet(principalKey).(*principal)
}
