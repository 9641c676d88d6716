package api

import (
	"context"
	"crypto/rand"
	"errors"
	"log/slog"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

var (
	errOfficerNotFound = newError(http.StatusNotFound, "officer_not_found", "人员不存在", "no such officer")
	errRoleNotFound    = newError(http.StatusNotFound, "role_not_found", "该人员在该机关没有这个角色", "the officer holds no such role there")
	errSelfRoleChange  = newError(http.StatusForbidden, "self_role_change",
		"不能变更自己的角色：按职责分离原则，须由另一名管理员办理", "you cannot change your own roles: separation of duties needs another administrator to do it")
	errSelfAccountChange = newError(http.StatusForbidden, "self_account_change",
		"不能对自己的账号执行此操作：须由另一名管理员办理（修改自己的密码请用 POST /api/v1/auth/password）",
		"you cannot do this to your own account: another administrator must (change your own password at POST /api/v1/auth/password)")
)

// manageOfficersAt checks the agency exists and the caller manages its officers.
func (s *Server) manageOfficersAt(ctx context.Context, p *principal, agencyID string) error {
	if err := s.agencyExists(ctx, agencyID); err != nil {
		return err
	}
	return s.admit(p, agencyID, policies.ObjOfficer, casefile.ActManage, errForbidden)
}

type createOfficerRequest struct {
	Login    string          `json:"login" limit:"64"`
	Name     string          `json:"name" limit:"100"`
	AgencyID string          `json:"agency_id" limit:"64"`
	Password string          `json:"password" limit:"72"`                      // initial password, at least 8 characters
	Roles    []casefile.Role `json:"roles,omitempty" limit:"7" itemlimit:"32"` // roles at agency_id
}

type officerPatch struct {
	Name *string `json:"name,omitempty" limit:"100"`
}

type roleRequest struct {
	AgencyID string        `json:"agency_id" limit:"64"`
	Role     casefile.Role `json:"role" limit:"32"`
}

// passwordResetRequest sets a one-time password: the one given, or one
// generated when it is empty.
type passwordResetRequest struct {
	Password string `json:"password,omitempty" limit:"72"`
}

// passwordResetResponse shows a generated one-time password, once.
type passwordResetResponse struct {
	OneTimePassword    string `json:"one_time_password,omitempty"`
	MustChangePassword bool   `json:"must_change_password"`
	SessionsEnded      int64  `json:"sessions_ended"`
}

// sessionsEndedResponse says how many sessions an administrator ended.
type sessionsEndedResponse struct {
	SessionsEnded int64 `json:"sessions_ended"`
}

// officerView is an officer with the roles and certificates they hold.
type officerView struct {
	Officer      store.Officer          `json:"officer"`
	Roles        []store.RoleAssignment `json:"roles"`
	Certificates []certificateView      `json:"certificates"`
	// LegalQualification is the officer's legal professional
	// qualification (PL 58 ¶2), if one is recorded.
	LegalQualification *store.LegalQualification `json:"legal_qualification,omitempty"`
}

func (s *Server) listOfficers(c *gin.Context) {
	ctx := c.Request.Context()
	limit, offset, agencies, err := listedScope(c)
	if err != nil {
		fail(c, err)
		return
	}
	items := []store.Officer{}
	var total int64
	if len(agencies) > 0 {
		if items, total, err = s.store.OfficersAt(ctx, store.OfficerFilter{AgencyIDs: agencies, Limit: limit, Offset: offset}); err != nil {
			fail(c, err)
			return
		}
	}
	c.JSON(http.StatusOK, listResponse[store.Officer]{Items: items, Total: total, Page: offset/limit + 1, Size: limit})
}

// visibleOfficer loads an officer the caller may read (at their home agency).
func (s *Server) visibleOfficer(ctx context.Context, p *principal, id string) (store.Officer, error) {
	o, err := s.store.Officer(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return o, errOfficerNotFound
	} else if err != nil {
		return o, err
	}
	return o, s.admit(p, o.AgencyID, policies.ObjOfficer, casefile.ActRead, errOfficerNotFound)
}

func (s *Server) getOfficer(c *gin.Context) {
	p := caller(c)
	o, err := s.visibleOfficer(c.Request.Context(), p, c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	s.respondOfficer(c, http.StatusOK, p, o)
}

func (s *Server) respondOfficer(c *gin.Context, status int, p *principal, o store.Officer) {
	ctx := c.Request.Context()
	roles, err := s.store.Roles(ctx, o.ID)
	if err != nil {
		fail(c, err)
		return
	}
	view := officerView{Officer: o, Roles: roles, Certificates: []certificateView{}}
	if view.LegalQualification, err = s.store.LegalQualificationOf(ctx, o.ID); err != nil {
		fail(c, err)
		return
	}
	if view.Roles == nil {
		view.Roles = []store.RoleAssignment{}
	}
	ok, err := s.allowed(p, o.AgencyID, policies.ObjCertificate, casefile.ActRead)
	if err != nil {
		fail(c, err)
		return
	}
	if ok {
		certs, err := s.store.CertificatesOf(ctx, o.ID)
		if err != nil {
			fail(c, err)
			return
		}
		for _, cert := range certs {
			view.Certificates = append(view.Certificates, viewCertificate(cert))
		}
	}
	c.JSON(status, view)
}

func (s *Server) createOfficer(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req createOfficerRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	if err := s.manageOfficersAt(ctx, p, req.AgencyID); err != nil {
		fail(c, err)
		return
	}
	if r := authority.CheckPassword(req.Password); r != nil {
		fail(c, refusalError(r))
		return
	}
	hash, err := authority.HashPassword(req.Password, 0)
	if err != nil {
		fail(c, err)
		return
	}
	o := store.Officer{Login: strings.TrimSpace(req.Login), Name: strings.TrimSpace(req.Name), AgencyID: req.AgencyID, PasswordHash: hash}
	var roles []store.RoleAssignment
	for _, r := range req.Roles {
		roles = append(roles, store.RoleAssignment{AgencyID: req.AgencyID, Role: r})
	}
	if err := s.store.CreateOfficer(ctx, o, roles, actor(p)); err != nil {
		fail(c, refusalError(err))
		return
	}
	if err := s.policyChanged(ctx); err != nil {
		fail(c, err)
		return
	}
	slog.Info("officer created", "officerID", o.Login, "agencyID", o.AgencyID, "by", p.Officer.ID)
	created, err := s.store.Officer(ctx, o.Login)
	if err != nil {
		fail(c, err)
		return
	}
	s.respondOfficer(c, http.StatusCreated, p, created)
}

// roleTarget loads the officer whose roles the caller would change: one
// they may read, and not themselves (separation of duties: an
// administrator who could grant themselves the head's role could approve
// a filing with it and remove it again).
func (s *Server) roleTarget(ctx context.Context, p *principal, id string) (store.Officer, error) {
	o, err := s.visibleOfficer(ctx, p, id)
	if err == nil && o.ID == p.Officer.ID {
		err = errSelfRoleChange
	}
	return o, err
}

func (s *Server) assignRole(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req roleRequest
	o, ok := loadAndBind(c, func() (store.Officer, error) { return s.roleTarget(ctx, p, c.Param("id")) }, &req)
	if !ok {
		return
	}
	if err := s.manageOfficersAt(ctx, p, req.AgencyID); err != nil {
		fail(c, err)
		return
	}
	if err := s.store.AssignRole(ctx, store.RoleAssignment{OfficerID: o.ID, AgencyID: req.AgencyID, Role: req.Role}, actor(p)); err != nil {
		fail(c, refusalError(err))
		return
	}
	if err := s.policyChanged(ctx); err != nil {
		fail(c, err)
		return
	}
	slog.Info("role assigned", "officerID", o.ID, "agencyID", req.AgencyID, "role", req.Role, "by", p.Officer.ID)
	s.respondOfficer(c, http.StatusOK, p, o)
}

func (s *Server) unassignRole(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	o, err := s.roleTarget(ctx, p, c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	ra := store.RoleAssignment{OfficerID: o.ID, AgencyID: c.Param("agency_id"), Role: casefile.Role(c.Param("role"))}
	if err := s.admit(p, ra.AgencyID, policies.ObjOfficer, casefile.ActManage, errRoleNotFound); err != nil {
		fail(c, err)
		return
	}
	if err := s.store.RemoveRole(ctx, ra, actor(p)); errors.Is(err, store.ErrNotFound) {
		fail(c, errRoleNotFound)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	if err := s.policyChanged(ctx); err != nil {
		fail(c, err)
		return
	}
	slog.Info("role removed", "officerID", o.ID, "agencyID", ra.AgencyID, "role", ra.Role, "by", p.Officer.ID)
	if ra.Role == casefile.RoleOfficer {
		s.officerLapsed(ctx, ra.AgencyID, o.ID, "执法人员身份已被撤销")
	}
	s.respondOfficer(c, http.StatusOK, p, o)
}

// managedOfficer loads an officer whose account the caller manages (at
// their home agency): 404 if the caller may not even read them, exactly as
// for an unknown ID; 403 if they may read but not manage. With notSelf,
// the caller's own account is refused too.
func (s *Server) managedOfficer(ctx context.Context, p *principal, id string, notSelf bool) (store.Officer, error) {
	o, err := s.visibleOfficer(ctx, p, id)
	if err != nil {
		return o, err
	}
	if err := s.admit(p, o.AgencyID, policies.ObjOfficer, casefile.ActManage, errOfficerNotFound); err != nil {
		return o, err
	}
	if notSelf && o.ID == p.Officer.ID {
		return o, errSelfAccountChange
	}
	return o, nil
}

func (s *Server) updateOfficer(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req officerPatch
	o, ok := loadAndBind(c, func() (store.Officer, error) { return s.managedOfficer(ctx, p, c.Param("id"), false) }, &req)
	if !ok {
		return
	}
	if req.Name == nil {
		fail(c, invalid("没有要修改的内容", "nothing to change"))
		return
	}
	updated, err := s.store.RenameOfficer(ctx, o.ID, strings.TrimSpace(*req.Name), actor(p))
	if err != nil {
		fail(c, refusalError(err))
		return
	}
	slog.Info("officer updated", "officerID", o.ID, "by", p.Officer.ID)
	s.respondOfficer(c, http.StatusOK, p, updated)
}

// disableOfficer disables an account: its sessions end at once, login and
// every act are refused, and the officer's open cases ask their head to
// reassign (PL 42); roles, certificates and history stay.
func (s *Server) disableOfficer(c *gin.Context) {
	s.changeAccount(c, "officer disabled", func(ctx context.Context, id, reason string, by store.Actor) (store.Officer, error) {
		o, err := s.store.DisableOfficer(ctx, id, reason, by, time.Now())
		if err == nil {
			s.officerLapsed(ctx, o.AgencyID, o.ID, "账号已停用："+reason)
		}
		return o, err
	})
}

func (s *Server) enableOfficer(c *gin.Context) {
	s.changeAccount(c, "officer enabled", s.store.EnableOfficer)
}

// changeAccount changes the account (disabling or enabling it) or the
// qualification of an officer another administrator manages, with the
// reason the request gives.
func (s *Server) changeAccount(c *gin.Context, msg string, change func(ctx context.Context, id, reason string, by store.Actor) (store.Officer, error)) {
	ctx := c.Request.Context()
	p := caller(c)
	var req reasonRequest
	o, ok := loadAndBind(c, func() (store.Officer, error) { return s.managedOfficer(ctx, p, c.Param("id"), true) }, &req)
	if !ok {
		return
	}
	changed, err := change(ctx, o.ID, strings.TrimSpace(req.Reason), actor(p))
	if err != nil {
		fail(c, refusalError(err))
		return
	}
	slog.Info(msg, "officerID", o.ID, "by", p.Officer.ID)
	s.respondOfficer(c, http.StatusOK, p, changed)
}

// endSessions ends every session of an officer: their tokens are refused
// from the next request and they must log in again.
func (s *Server) endSessions(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	o, err := s.managedOfficer(ctx, p, c.Param("id"), false)
	if err != nil {
		fail(c, err)
		return
	}
	n, err := s.store.EndSessions(ctx, o.ID, actor(p), time.Now())
	if err != nil {
		fail(c, err)
		return
	}
	slog.Info("officer sessions ended", "officerID", o.ID, "sessions", n, "by", p.Officer.ID)
	c.JSON(http.StatusOK, sessionsEndedResponse{SessionsEnded: n})
}

// resetPassword sets a one-time password, the one given or a generated one
// shown in this answer only; the officer's sessions end, and after logging
// in with it they may do nothing but change it.
func (s *Server) resetPassword(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req passwordResetRequest
	o, ok := loadAndBind(c, func() (store.Officer, error) { return s.managedOfficer(ctx, p, c.Param("id"), true) }, &req)
	if !ok {
		return
	}
	var res passwordResetResponse
	password := req.Password
	if password == "" {
		password = oneTimePassword()
		res.OneTimePassword = password
	} else if r := authority.CheckPassword(password); r != nil {
		fail(c, refusalError(r))
		return
	}
	hash, err := authority.HashPassword(password, 0)
	if err != nil {
		fail(c, err)
		return
	}
	if res.SessionsEnded, err = s.store.ResetPassword(ctx, o.ID, hash, actor(p), time.Now()); err != nil {
		fail(c, err)
		return
	}
	res.MustChangePassword = true
	slog.Info("officer password reset", "officerID", o.ID, "generated", req.Password == "", "by", p.Officer.ID)
	c.JSON(http.StatusOK, res)
}

// oneTimePassword is 14 random characters from letters and digits without
// the ones people misread (0/O, 1/l/I), with at least one of each kind.
func oneTimePassword() string {
	const letters, digits = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", "23456789"
	const alphabet = letters + digits
	for {
		pw := make([]byte, 14)
		for i := range pw {
			pw[i] = alphabet[randInt(len(alphabet))]
		}
		if strings.ContainsAny(string(pw), letters) && strings.ContainsAny(string(pw), digits) {
			return string(pw)
		}
	}
}

// randInt is a uniform random number in [0, n).
func randInt(n int) int {
	v, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
	if err != nil {
		panic(err) // crypto/rand never fails
	}
	return int(v.Int64())
}
