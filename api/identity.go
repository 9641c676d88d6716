package api

import (
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/store"
)

var (
	errInvalidRefresh = newError(http.StatusUnauthorized, "invalid_refresh_token",
		"登录凭证无效或已过期，请重新登录", "the refresh token is invalid or has expired, log in again")
	errRefreshReused = newError(http.StatusUnauthorized, "refresh_token_reused",
		"该登录凭证已使用过，为安全起见本次登录已注销，请重新登录", "this refresh token was already used; the session has been ended for safety, log in again")
	errWrongPassword = newError(http.StatusForbidden, "wrong_password", "原密码错误", "the current password is wrong")
)

type refreshRequest struct {
	RefreshToken string `json:"refresh_token" limit:"256"` // longer is no token of ours: 401, as for any wrong one
}

// refresh exchanges a refresh token for a new access token and a new
// refresh token; the one presented stops working. Presenting it again means
// two parties hold it, so the whole session is ended.
func (s *Server) refresh(c *gin.Context) {
	var req refreshRequest
	if err := decodeStrict(c, &req); err != nil {
		fail(c, err)
		return
	}
	if req.RefreshToken == "" {
		fail(c, badRequest("请提供 refresh_token", "refresh_token is required"))
		return
	}
	if len(req.RefreshToken) > maxRefreshTokenLen {
		fail(c, errInvalidRefresh)
		return
	}
	now := time.Now()
	next := newRefreshToken()
	sess, err := s.store.RotateRefresh(c.Request.Context(), hashRefreshToken(req.RefreshToken), hashRefreshToken(next), now, now.Add(s.refreshTTL))
	switch {
	case errors.Is(err, store.ErrRefreshReused):
		fail(c, errRefreshReused)
		return
	case errors.Is(err, store.ErrNotFound):
		fail(c, errInvalidRefresh)
		return
	case err != nil:
		fail(c, err)
		return
	}
	o, err := s.store.Officer(c.Request.Context(), sess.OfficerID)
	if err != nil {
		fail(c, err)
		return
	}
	if o.Disabled {
		// Disabling ended the session; this catches one that slipped past.
		if err := s.store.RevokeSession(c.Request.Context(), sess.ID, store.RevokedOfficerDisabled, now); err != nil {
			fail(c, err)
			return
		}
		fail(c, errOfficerDisabled)
		return
	}
	tokens, err := s.tokens(sess, next, now, o.MustChangePassword)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, tokens)
}

// logout ends the caller's session: its access token and refresh token stop
// working at once.
func (s *Server) logout(c *gin.Context) {
	p := caller(c)
	if err := s.store.RevokeSession(c.Request.Context(), p.SessionID, store.RevokedLogout, time.Now()); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

type passwordRequest struct {
	OldPassword string `json:"old_password" limit:"1024"`
	NewPassword string `json:"new_password" limit:"72"`
}

// changePassword checks the current password, stores the new one and ends
// every session of the officer, this one included; it answers with a new
// session so that the client can carry on. Wrong current passwords count
// towards the same lock as failed logins. It is how an officer replaces a
// one-time password an administrator set (the only route open to them
// until then).
func (s *Server) changePassword(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req passwordRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	if req.OldPassword == "" || req.NewPassword == "" {
		fail(c, badRequest("请提供原密码和新密码", "old_password and new_password are required"))
		return
	}
	if r := authority.CheckNewPassword(req.NewPassword, req.OldPassword); r != nil {
		fail(c, refusalError(r))
		return
	}
	if !s.checkPassword(c, throttleKeys(c, p.Officer.Login), errWrongPassword, func() bool {
		return authority.PasswordMatches(p.Officer.PasswordHash, req.OldPassword)
	}) {
		return
	}
	hash, err := authority.HashPassword(req.NewPassword, 0)
	if err != nil {
		fail(c, err)
		return
	}
	if err := s.store.SetPassword(ctx, p.Officer.ID, hash, time.Now()); err != nil {
		fail(c, err)
		return
	}
	o := p.Officer
	o.MustChangePassword = false
	tokens, err := s.startSession(ctx, o)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, tokens)
}
