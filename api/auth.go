package api

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
)

// principal is the authenticated caller: the identity the token's session
// resolved to (see identityCache), with their certificate's state at the
// moment of the request.
type principal struct {
	Officer     store.Officer
	Roles       []store.RoleAssignment
	Certificate *store.Certificate
	CertState   casefile.Certificate
	SessionID   string // the session the access token belongs to
	identity    store.Identity
}

// newPrincipal is the caller of identity id at instant now.
func newPrincipal(id store.Identity, sessionID string, now time.Time) *principal {
	p := &principal{Officer: id.Officer, Roles: id.Roles, CertState: casefile.CertNone, SessionID: sessionID, identity: id}
	if cert, ok := id.Latest(); ok {
		p.Certificate = &cert
		p.CertState = cert.StateAt(now)
	}
	return p
}

// certificateFor is the state, at instant at, of the caller's certificate
// for acting in field, and its number (see Server.certificateFor).
func (p *principal) certificateFor(field string, at time.Time) (casefile.Certificate, string) {
	state, cert := p.identity.CertificateFor(field, at)
	return state, cert.Number
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

// Throttling of failed logins (counted in the database, so every API
// instance sees the same counts): a login name tried and failed
// maxLoginFailures times within failureWindow is locked for lockDuration,
// and so is a client address that failed maxIPFailures times, whatever the
// login names it tried.
const (
	failureWindow    = 15 * time.Minute
	lockDuration     = 15 * time.Minute
	maxLoginFailures = 5
	maxIPFailures    = 20
)

// Lengths beyond which a login or password cannot be right: logins are at
// most 64 characters in the database; a password longer than 1024 bytes is
// refused before bcrypt sees it (a new one must fit in the 72 bytes bcrypt
// reads: authority.CheckNewPassword).
const (
	maxLoginLength     = 64
	maxPasswordLength  = 1024
	maxRefreshTokenLen = 256
)

// loginRequest's limits are maxLoginLength and maxPasswordLength (in
// bytes), which the handler checks itself (400).
type loginRequest struct {
	Login    string `json:"login" binding:"required" limit:"64"`
	Password string `json:"password" binding:"required" limit:"1024"`
}

// tokenResponse is what a client keeps of a session: a short-lived access
// token to send as "Authorization: Bearer …" and a refresh token that buys the
// next access token once, at POST /auth/refresh.
type tokenResponse struct {
	Token            string    `json:"token"`
	ExpiresAt        time.Time `json:"expires_at"`
	RefreshToken     string    `json:"refresh_token"`
	RefreshExpiresAt time.Time `json:"refresh_expires_at"`
	// MustChangePassword is true while the officer holds a one-time
	// password an administrator set: every route but the password change
	// (and logout) answers 403 password_change_required until then.
	MustChangePassword bool `json:"must_change_password"`
}

type loginResponse struct {
	tokenResponse
	Officer store.Officer          `json:"officer"`
	Roles   []store.RoleAssignment `json:"roles"`
}

// accessClaims are the claims of an access token: the officer (sub) and the
// session (sid) it belongs to, so that ending the session ends the token.
type accessClaims struct {
	SessionID string `json:"sid"`
	jwt.RegisteredClaims
}

var (
	errBadCredentials  = newError(http.StatusUnauthorized, "bad_credentials", "用户名或密码错误", "wrong login or password")
	errLoginTooLong    = badRequest("用户名或密码过长", "login or password too long")
	errOfficerDisabled = newError(http.StatusForbidden, "officer_disabled",
		"该账号已被管理员停用，请联系管理员", "this account has been disabled by an administrator; contact them")
	errPasswordChangeRequired = newError(http.StatusForbidden, "password_change_required",
		"请先修改管理员设置的一次性密码（POST /api/v1/auth/password）", "change the one-time password an administrator set first (POST /api/v1/auth/password)")
)

// tooManyAttempts is the answer while a login name or client address is
// locked; the caller may try again at until.
func tooManyAttempts(c *gin.Context, until, now time.Time) {
	wait := until.Sub(now)
	secs := int((wait + time.Second - 1) / time.Second)
	secs = max(secs, 1)
	mins := (secs + 59) / 60
	c.Header("Retry-After", strconv.Itoa(secs))
	fail(c, newError(http.StatusTooManyRequests, "too_many_attempts",
		fmt.Sprintf("登录失败次数过多，请 %d 分钟后再试", mins),
		fmt.Sprintf("too many failed logins, try again in %d minutes", mins)))
}

// throttleKeys are the counters a failed login with this login name from
// this client counts against.
func throttleKeys(c *gin.Context, login string) []store.ThrottleKey {
	return []store.ThrottleKey{
		{Scope: store.ThrottleLogin, Key: login, Max: maxLoginFailures},
		{Scope: store.ThrottleIP, Key: c.ClientIP(), Max: maxIPFailures},
	}
}

// checkPassword runs check, one password comparison, in an attempt reserved
// against keys: the reservation and the count are one step in the
// database, so a burst of concurrent attempts checks at most the limit of
// passwords and the rest are refused (429) without a check. A wrong
// password stays counted and is answered with wrong; a right one forgets
// the failures of the first key (the login name). It answers the caller
// unless the password was right, and reports whether it was.
func (s *Server) checkPassword(c *gin.Context, keys []store.ThrottleKey, wrong error, check func() bool) bool {
	ctx := c.Request.Context()
	now := time.Now()
	attempt, until, err := s.store.ReserveLoginAttempt(ctx, now, failureWindow, lockDuration, keys...)
	if err != nil {
		fail(c, err)
		return false
	}
	if !until.IsZero() {
		tooManyAttempts(c, until, now)
		return false
	}
	if !check() {
		if _, err := s.store.FailLoginAttempt(ctx, attempt, time.Now()); err != nil {
			fail(c, err)
			return false
		}
		fail(c, wrong)
		return false
	}
	if err := s.store.ReleaseLoginAttempt(ctx, attempt, keys[0]); err != nil {
		fail(c, err)
		return false
	}
	return true
}

// login checks the password and opens a session: a short-lived access token
// and a refresh token. Whether the login exists or not, a wrong attempt gets
// the same answer in about the same time (a bcrypt comparison either way)
// and counts towards the same lock.
func (s *Server) login(c *gin.Context) {
	ctx := c.Request.Context()
	var req loginRequest
	if err := decodeStrict(c, &req); err != nil {
		fail(c, err)
		return
	}
	if req.Login == "" || req.Password == "" {
		fail(c, badRequest("请提供用户名和密码", "login and password are required"))
		return
	}
	if utf8.RuneCountInString(req.Login) > maxLoginLength || len(req.Password) > maxPasswordLength {
		fail(c, errLoginTooLong)
		return
	}
	o, err := s.store.OfficerByLogin(ctx, req.Login)
	found := err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		fail(c, err)
		return
	}
	hash := s.dummyHash
	if found {
		hash = o.PasswordHash
	}
	if !s.checkPassword(c, throttleKeys(c, req.Login), errBadCredentials, func() bool {
		return authority.PasswordMatches(hash, req.Password) && found
	}) {
		return
	}
	// Only someone who knows the password learns that the account is
	// disabled.
	if o.Disabled {
		fail(c, errOfficerDisabled)
		return
	}
	tokens, err := s.startSession(ctx, o)
	if err != nil {
		fail(c, err)
		return
	}
	roles, err := s.store.Roles(ctx, o.ID)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, loginResponse{tokenResponse: tokens, Officer: o, Roles: roles})
}

// startSession opens a session for the officer and returns its tokens.
func (s *Server) startSession(ctx context.Context, o store.Officer) (tokenResponse, error) {
	now := time.Now()
	refresh := newRefreshToken()
	sess := store.Session{ID: rand.Text(), OfficerID: o.ID, CreatedAt: now, ExpiresAt: now.Add(s.refreshTTL)}
	if err := s.store.CreateSession(ctx, sess, hashRefreshToken(refresh)); err != nil {
		return tokenResponse{}, err
	}
	return s.tokens(sess, refresh, now, o.MustChangePassword)
}

// tokens signs an access token for the session and pairs it with its
// current refresh token; mustChange says the officer holds a one-time
// password.
func (s *Server) tokens(sess store.Session, refresh string, now time.Time, mustChange bool) (tokenResponse, error) {
	exp := now.Add(s.tokenTTL)
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, accessClaims{SessionID: sess.ID, RegisteredClaims: jwt.RegisteredClaims{
		Issuer: tokenIssuer, Subject: sess.OfficerID, IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(exp),
	}}).SignedString(s.tokenSecret)
	if err != nil {
		return tokenResponse{}, fmt.Errorf("sign token: %w", err)
	}
	return tokenResponse{Token: token, ExpiresAt: exp.UTC(), RefreshToken: refresh, RefreshExpiresAt: sess.ExpiresAt.UTC(),
		MustChangePassword: mustChange}, nil
}

const tokenIssuer = "zhifa"

// newRefreshToken is 256 random bits, URL-safe.
func newRefreshToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashRefreshToken is what the database keeps of a refresh token: a copy of
// the database alone does not let anyone refresh.
func hashRefreshToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// authenticate reads the bearer token; only HS256 tokens signed with our key,
// not expired, whose session is neither revoked nor expired, pass.
func (s *Server) authenticate(c *gin.Context) {
	raw, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	if !ok || raw == "" {
		fail(c, errUnauthenticated)
		return
	}
	claims := &accessClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return s.tokenSecret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}), jwt.WithIssuer(tokenIssuer), jwt.WithExpirationRequired())
	if err != nil || claims.SessionID == "" || claims.Subject == "" {
		fail(c, errUnauthenticated)
		return
	}
	id, err := s.identities.resolve(c.Request.Context(), s.store, claims.SessionID, claims.Subject)
	if errors.Is(err, store.ErrNotFound) {
		fail(c, errUnauthenticated)
		return
	}
	if err != nil {
		fail(c, err)
		return
	}
	p := newPrincipal(id, claims.SessionID, time.Now())
	switch {
	case p.Officer.Disabled:
		// Disabling ends the officer's sessions; this catches a session
		// opened in the instant between.
		fail(c, errOfficerDisabled)
		return
	case p.Officer.MustChangePassword && !beforePasswordChange(c.FullPath()):
		fail(c, errPasswordChangeRequired)
		return
	}
	c.Set(principalKey, p)
	c.Next()
}

// beforePasswordChange tells whether an officer holding a one-time password
// may use the route: only to change it, or to log out.
func beforePasswordChange(route string) bool {
	return strings.HasSuffix(route, "/auth/password") || strings.HasSuffix(route, "/auth/logout")
}

// identityCache keeps what a session resolved to, the session checked live
// and the officer's Identity, for identityTTL, so that the requests a
// client makes in a burst (a page, an act and the case it answers with)
// cost the database nothing for who is asking. Every write this process
// makes to an identity or a session empties it at once (the store's
// OnIdentityChange): a logout, a password change, a removed role, a
// revoked certificate or a disabled account decides the very next
// request. Several API processes share one database: a change made
// through another process reaches this one's cache within identityTTL, as
// a permission change reaches its enforcer within the policy poll.
type identityCache struct {
	mu      sync.Mutex
	entries *lru.Cache[string, cachedIdentity]
	changed time.Time // the last change seen
}

type cachedIdentity struct {
	id    store.Identity
	until time.Time
}

const (
	identityTTL     = 5 * time.Second
	identityEntries = 10000 // sessions resolved within identityTTL, at most
	// identitySettle: an identity read less than this after a change is
	// not kept. The change is seen when its statement runs, which may be
	// before its transaction commits; a read in between would see the old
	// rows.
	identitySettle = 2 * time.Second
)

// newIdentityCache returns an empty cache that st's identity writes empty.
func newIdentityCache(st *store.Store) *identityCache {
	entries, _ := lru.New[string, cachedIdentity](identityEntries) // fails only for a size below 1
	c := &identityCache{entries: entries}
	if st != nil {
		st.OnIdentityChange(c.forget)
	}
	return c
}

// forget empties the cache.
func (c *identityCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.changed = time.Now()
	c.entries.Purge()
}

// resolve returns the identity of the officer whose live session the
// access token names: from the cache, or checked and read from st.
// ErrNotFound when the session is not live or the officer is gone.
func (c *identityCache) resolve(ctx context.Context, st *store.Store, sessionID, officerID string) (store.Identity, error) {
	key := sessionID + "/" + officerID
	start := time.Now()
	if e, ok := c.entries.Get(key); ok && start.Before(e.until) {
		return e.id, nil
	}
	if err := st.CheckSession(ctx, sessionID, officerID, start); err != nil {
		return store.Identity{}, err
	}
	return c.load(ctx, st, key, officerID, start)
}

// officer returns an officer's identity, not a caller's (the co-signers of
// an act): from the cache, or read from st. ErrNotFound when there is no
// such officer.
func (c *identityCache) officer(ctx context.Context, st *store.Store, officerID string) (store.Identity, error) {
	key := "\x00" + officerID // no session ID is empty
	start := time.Now()
	if e, ok := c.entries.Get(key); ok && start.Before(e.until) {
		return e.id, nil
	}
	return c.load(ctx, st, key, officerID, start)
}

// load reads the officer's identity and keeps it under key, unless an
// identity changed less than identitySettle before start.
func (c *identityCache) load(ctx context.Context, st *store.Store, key, officerID string, start time.Time) (store.Identity, error) {
	id, err := st.Identity(ctx, officerID)
	if err != nil {
		return store.Identity{}, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if start.Sub(c.changed) > identitySettle {
		c.entries.Add(key, cachedIdentity{id: id, until: start.Add(identityTTL)})
	}
	return id, nil
}

func caller(c *gin.Context) *principal {
	return c.MustGet(principalKey).(*principal)
}
