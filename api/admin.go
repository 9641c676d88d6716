package api

import (
	"context"
	"crypto/rand"
	"errors"
	"log/slog"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/sheet"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

// adminRoutes manage agencies, officers, certificates and power items. An
// administrator manages their own agency and those below it (policy.csv);
// what they may not even read does not exist for them (404).
func (s *Server) adminRoutes(authed *gin.RouterGroup) {
	authed.GET("/agencies", s.listAgencies)                                                   // ActRead on ObjAgency of each agency listed
	authed.POST("/agencies", s.createAgency)                                                  // ActManage on ObjAgency at the parent
	authed.GET("/agencies/:id", s.getAgency)                                                  // ActRead on ObjAgency at the agency
	authed.PATCH("/agencies/:id", s.updateAgency)                                             // ActManage on ObjAgency at the agency and at a new parent
	authed.GET("/officers", s.listOfficers)                                                   // ActRead on ObjOfficer at each home agency listed
	authed.POST("/officers", s.createOfficer)                                                 // ActManage on ObjOfficer at the home agency
	authed.GET("/officers/:id", s.getOfficer)                                                 // ActRead on ObjOfficer at the home agency
	authed.PATCH("/officers/:id", s.updateOfficer)                                            // ActManage on ObjOfficer at the home agency
	authed.POST("/officers/:id/roles", s.assignRole)                                          // ActManage on ObjOfficer at the role's agency; not one's own
	authed.DELETE("/officers/:id/roles/:agency_id/:role", s.unassignRole)                     // ActManage on ObjOfficer at the role's agency; not one's own
	authed.POST("/officers/:id/disable", s.disableOfficer)                                    // ActManage on ObjOfficer at the home agency; not oneself
	authed.POST("/officers/:id/enable", s.enableOfficer)                                      // ActManage on ObjOfficer at the home agency
	authed.POST("/officers/:id/sessions/end", s.endSessions)                                  // ActManage on ObjOfficer at the home agency
	authed.POST("/officers/:id/password-reset", s.resetPassword)                              // ActManage on ObjOfficer at the home agency; not oneself
	authed.GET("/certificates", s.listCertificates)                                           // ActRead on ObjCertificate at each holder's home agency
	authed.POST("/certificates", s.createCertificate)                                         // ActManage on ObjCertificate at the holder's home agency
	authed.GET("/certificates/:number", s.getCertificate)                                     // ActRead on ObjCertificate at the holder's home agency
	authed.PATCH("/certificates/:number", s.updateCertificate)                                // ActManage on ObjCertificate at the holder's home agency
	authed.POST("/certificates/:number/suspend", s.certificateStatus(store.CertSuspended))    // ActManage on ObjCertificate
	authed.POST("/certificates/:number/revoke", s.certificateStatus(store.CertRevoked))       // ActManage on ObjCertificate
	authed.POST("/certificates/:number/reinstate", s.certificateStatus(store.CertReinstated)) // ActManage on ObjCertificate
	authed.GET("/power-items", s.listPowerItems)                                              // ActRead on ObjPowerItem (lists of the agency and above)
	authed.POST("/power-items", s.createPowerItem)                                            // ActManage on ObjPowerItem at the list's agency
	authed.GET("/power-items/:code", s.getPowerItem)                                          // ActRead on ObjPowerItem
	authed.POST("/power-items/:code/changes", s.addPowerItemChange)                           // ActManage on ObjPowerItem at the list's agency
	authed.POST("/imports/officers", s.importOfficers)                                        // ActManage on ObjOfficer (ObjCertificate) at each row's agency
	authed.POST("/imports/power-items", s.importPowerItems)                                   // ActManage on ObjPowerItem at each item's list agency
}

var (
	errAgencyNotFound      = newError(http.StatusNotFound, "agency_not_found", "机关不存在", "no such agency")
	errOfficerNotFound     = newError(http.StatusNotFound, "officer_not_found", "人员不存在", "no such officer")
	errCertificateNotFound = newError(http.StatusNotFound, "certificate_not_found", "执法证不存在", "no such certificate")
	errPowerItemNotFound   = newError(http.StatusNotFound, "power_item_not_found", "权力事项不存在", "no such power item")
	errRoleNotFound        = newError(http.StatusNotFound, "role_not_found", "该人员在该机关没有这个角色", "the officer holds no such role there")
	errSelfRoleChange      = newError(http.StatusForbidden, "self_role_change",
		"不能变更自己的角色：按职责分离原则，须由另一名管理员办理", "you cannot change your own roles: separation of duties needs another administrator to do it")
	errSelfAccountChange = newError(http.StatusForbidden, "self_account_change",
		"不能对自己的账号执行此操作：须由另一名管理员办理（修改自己的密码请用 POST /api/v1/auth/password）",
		"you cannot do this to your own account: another administrator must (change your own password at POST /api/v1/auth/password)")
)

// bind reads a request body strictly and refuses input that breaks a
// declared limit (checkLimits: every string and list of a request type,
// optional patch fields included, declares its limit in a limit tag;
// openapi.json states the same limits), before anything reaches the database.
func bind(c *gin.Context, dst any) error {
	if err := decodeStrict(c, dst); err != nil {
		return err
	}
	return checkLimits(dst)
}

// refusalError shows a store refusal as a 4xx with its own code: 409 when it
// clashes with stored data, 422 when the input breaks a rule.
func refusalError(err error) error {
	var r *store.Refusal
	if !errors.As(err, &r) {
		return err
	}
	status := http.StatusUnprocessableEntity
	if r.Conflict {
		status = http.StatusConflict
	}
	return newError(status, r.Code, r.Zh, r.En)
}

// admit decides obj/act at agency for the caller: nil when allowed,
// notFound when they may not even read obj there (its existence does not
// leak), errForbidden when they may read but not act.
// agencyExists is nil if the agency exists, a 422 naming it otherwise.
func (s *Server) agencyExists(ctx context.Context, id string) error {
	_, err := s.store.Agency(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return invalid("机关不存在："+id, "no such agency: "+id)
	}
	return err
}

// manageOfficersAt checks the agency exists and the caller manages its officers.
func (s *Server) manageOfficersAt(ctx context.Context, p *principal, agencyID string) error {
	if err := s.agencyExists(ctx, agencyID); err != nil {
		return err
	}
	return s.admit(p, agencyID, policies.ObjOfficer, casefile.ActManage, errForbidden)
}

func (s *Server) admit(p *principal, agency string, obj policies.Object, act casefile.Act, notFound *apiError) error {
	ok, err := s.allowed(p, agency, obj, act)
	if err != nil || ok {
		return err
	}
	if act != casefile.ActRead {
		if canRead, err := s.allowed(p, agency, obj, casefile.ActRead); err != nil {
			return err
		} else if canRead {
			return errForbidden
		}
	}
	return notFound
}

// mayManage is the import's permission check; an enforcer error is kept
// and reported after the import, never taken as an allow.
type mayManage struct {
	s   *Server
	p   *principal
	err error
}

func (m *mayManage) check(agency string, obj policies.Object) bool {
	if agency == "" {
		return false // the list of every agency is kept by the command line only
	}
	ok, err := m.s.allowed(m.p, agency, obj, casefile.ActManage)
	if err != nil && m.err == nil {
		m.err = err
	}
	return ok && err == nil
}

func actor(p *principal) store.Actor { return store.Actor{ID: p.Officer.ID, Name: p.Officer.Name} }

// parseDay reads a YYYY-MM-DD request field.
func parseDay(field, v string) (time.Time, error) {
	d, err := calendar.ParseDate(v)
	if err != nil {
		return time.Time{}, invalid(field+" 须为 YYYY-MM-DD 格式的日期："+v, field+" must be a date written YYYY-MM-DD: "+v)
	}
	return calendar.StartOfDay(d), nil
}

// ---- agencies

type agencyRequest struct {
	ID       string           `json:"id" limit:"64"`
	ParentID string           `json:"parent_id" limit:"64"`
	Name     string           `json:"name" limit:"200"`
	Level    casefile.Level   `json:"level" limit:"16"`
	Kind     store.AgencyKind `json:"kind,omitempty" limit:"16"` // default regular
	Code     string           `json:"code" limit:"32"`
}

type agencyPatch struct {
	ParentID *string           `json:"parent_id,omitempty" limit:"64"`
	Name     *string           `json:"name,omitempty" limit:"200"`
	Level    *casefile.Level   `json:"level,omitempty" limit:"16"`
	Kind     *store.AgencyKind `json:"kind,omitempty" limit:"16"`
	Code     *string           `json:"code,omitempty" limit:"32"`
}

type itemsResponse[T any] struct {
	Items []T `json:"items"`
}

func (s *Server) listAgencies(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	readable, err := s.readableAgencies(ctx, p, policies.ObjAgency)
	if err != nil {
		fail(c, err)
		return
	}
	all, err := s.store.Agencies(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	items := []store.Agency{}
	for _, a := range all {
		if slices.Contains(readable, a.ID) {
			items = append(items, a)
		}
	}
	c.JSON(http.StatusOK, itemsResponse[store.Agency]{Items: items})
}

func (s *Server) getAgency(c *gin.Context) {
	ctx := c.Request.Context()
	a, err := s.store.Agency(ctx, c.Param("id"))
	if errors.Is(err, store.ErrNotFound) {
		fail(c, errAgencyNotFound)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	if err := s.admit(caller(c), a.ID, policies.ObjAgency, casefile.ActRead, errAgencyNotFound); err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}

func (s *Server) createAgency(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req agencyRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	if req.ParentID == "" {
		fail(c, invalid("parent_id 不能为空", "parent_id is required"))
		return
	}
	if _, err := s.store.Agency(ctx, req.ParentID); errors.Is(err, store.ErrNotFound) {
		fail(c, invalid("上级机关不存在："+req.ParentID, "no such parent agency: "+req.ParentID))
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	if err := s.admit(p, req.ParentID, policies.ObjAgency, casefile.ActManage, errForbidden); err != nil {
		fail(c, err)
		return
	}
	a := store.Agency{ID: req.ID, ParentID: req.ParentID, Name: req.Name, Level: req.Level, Kind: req.Kind, Code: req.Code}
	if err := s.store.CreateAgency(ctx, a); err != nil {
		fail(c, refusalError(err))
		return
	}
	if err := s.policyChanged(ctx); err != nil {
		fail(c, err)
		return
	}
	slog.Info("agency created", "agencyID", a.ID, "by", p.Officer.ID)
	s.respondAgency(c, http.StatusCreated, a.ID)
}

func (s *Server) updateAgency(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	a, err := s.store.Agency(ctx, c.Param("id"))
	if errors.Is(err, store.ErrNotFound) {
		fail(c, errAgencyNotFound)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	if err := s.admit(p, a.ID, policies.ObjAgency, casefile.ActManage, errAgencyNotFound); err != nil {
		fail(c, err)
		return
	}
	var req agencyPatch
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	if req.ParentID != nil && *req.ParentID != a.ParentID {
		if _, err := s.store.Agency(ctx, *req.ParentID); errors.Is(err, store.ErrNotFound) {
			fail(c, invalid("上级机关不存在："+*req.ParentID, "no such parent agency: "+*req.ParentID))
			return
		} else if err != nil {
			fail(c, err)
			return
		}
		if err := s.admit(p, *req.ParentID, policies.ObjAgency, casefile.ActManage, errForbidden); err != nil {
			fail(c, err)
			return
		}
		a.ParentID = *req.ParentID
	}
	set(&a.Name, req.Name)
	set(&a.Level, req.Level)
	set(&a.Kind, req.Kind)
	set(&a.Code, req.Code)
	if err := s.store.UpdateAgency(ctx, a); err != nil {
		fail(c, refusalError(err))
		return
	}
	if err := s.policyChanged(ctx); err != nil {
		fail(c, err)
		return
	}
	slog.Info("agency updated", "agencyID", a.ID, "by", p.Officer.ID)
	s.respondAgency(c, http.StatusOK, a.ID)
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

func (s *Server) respondAgency(c *gin.Context, status int, id string) {
	a, err := s.store.Agency(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(status, a)
}

// ---- officers

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
}

// certificateView is a certificate and what it allows now, whatever the field.
type certificateView struct {
	store.Certificate
	State casefile.Certificate `json:"state"` // valid, expired or suspended (suspended or revoked) now
}

func viewCertificate(c store.Certificate) certificateView {
	return certificateView{Certificate: c, State: c.StateAt(time.Now())}
}

func (s *Server) listOfficers(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	limit, offset, agencies, err := s.listScope(c, p, policies.ObjOfficer)
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
	o, err := s.roleTarget(ctx, p, c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	var req roleRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
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
	o, err := s.managedOfficer(ctx, p, c.Param("id"), false)
	if err != nil {
		fail(c, err)
		return
	}
	var req officerPatch
	if err := bind(c, &req); err != nil {
		fail(c, err)
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
// every act are refused; roles, certificates and history stay.
func (s *Server) disableOfficer(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	o, err := s.managedOfficer(ctx, p, c.Param("id"), true)
	if err != nil {
		fail(c, err)
		return
	}
	var req reasonRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	disabled, err := s.store.DisableOfficer(ctx, o.ID, strings.TrimSpace(req.Reason), actor(p), time.Now())
	if err != nil {
		fail(c, refusalError(err))
		return
	}
	slog.Info("officer disabled", "officerID", o.ID, "by", p.Officer.ID)
	s.respondOfficer(c, http.StatusOK, p, disabled)
}

func (s *Server) enableOfficer(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	o, err := s.managedOfficer(ctx, p, c.Param("id"), true)
	if err != nil {
		fail(c, err)
		return
	}
	var req reasonRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	enabled, err := s.store.EnableOfficer(ctx, o.ID, strings.TrimSpace(req.Reason), actor(p))
	if err != nil {
		fail(c, refusalError(err))
		return
	}
	slog.Info("officer enabled", "officerID", o.ID, "by", p.Officer.ID)
	s.respondOfficer(c, http.StatusOK, p, enabled)
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
	o, err := s.managedOfficer(ctx, p, c.Param("id"), true)
	if err != nil {
		fail(c, err)
		return
	}
	var req passwordResetRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
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

// ---- certificates

type createCertificateRequest struct {
	Number     string   `json:"number" limit:"64"`
	OfficerID  string   `json:"officer_id" limit:"64"`
	IssuedBy   string   `json:"issued_by" limit:"200"`
	Fields     []string `json:"fields" limit:"10" itemlimit:"32"`
	Region     string   `json:"region,omitempty" limit:"200"`
	ValidFrom  string   `json:"valid_from" limit:"10"`  // YYYY-MM-DD, first valid day (Beijing)
	ValidUntil string   `json:"valid_until" limit:"10"` // YYYY-MM-DD, last valid day (Beijing), valid through 24:00
	Reason     string   `json:"reason,omitempty" limit:"500"`
}

type certificatePatch struct {
	IssuedBy   *string   `json:"issued_by,omitempty" limit:"200"`
	Fields     *[]string `json:"fields,omitempty" limit:"10" itemlimit:"32"`
	Region     *string   `json:"region,omitempty" limit:"200"`
	ValidFrom  *string   `json:"valid_from,omitempty" limit:"10"`
	ValidUntil *string   `json:"valid_until,omitempty" limit:"10"`
	Reason     string    `json:"reason" limit:"500"`
}

type reasonRequest struct {
	Reason string `json:"reason" limit:"500"`
}

// certificateDetail is a certificate with its whole history.
type certificateDetail struct {
	Certificate certificateView           `json:"certificate"`
	History     []store.CertificateChange `json:"history"`
}

func (s *Server) listCertificates(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	limit, offset, agencies, err := s.listScope(c, p, policies.ObjCertificate)
	if err != nil {
		fail(c, err)
		return
	}
	items := []certificateView{}
	var total int64
	if len(agencies) > 0 {
		certs, n, err := s.store.Certificates(ctx, store.CertificateFilter{AgencyIDs: agencies, OfficerID: c.Query("officer_id"), Limit: limit, Offset: offset})
		if err != nil {
			fail(c, err)
			return
		}
		total = n
		for _, cert := range certs {
			items = append(items, viewCertificate(cert))
		}
	}
	c.JSON(http.StatusOK, listResponse[certificateView]{Items: items, Total: total, Page: offset/limit + 1, Size: limit})
}

// visibleCertificate loads a certificate and checks act on it at its
// holder's home agency.
func (s *Server) visibleCertificate(ctx context.Context, p *principal, number string, act casefile.Act) (store.Certificate, error) {
	cert, err := s.store.Certificate(ctx, number)
	if errors.Is(err, store.ErrNotFound) {
		return cert, errCertificateNotFound
	} else if err != nil {
		return cert, err
	}
	holder, err := s.store.Officer(ctx, cert.OfficerID)
	if err != nil {
		return cert, err
	}
	return cert, s.admit(p, holder.AgencyID, policies.ObjCertificate, act, errCertificateNotFound)
}

func (s *Server) getCertificate(c *gin.Context) {
	cert, err := s.visibleCertificate(c.Request.Context(), caller(c), c.Param("number"), casefile.ActRead)
	if err != nil {
		fail(c, err)
		return
	}
	s.respondCertificate(c, http.StatusOK, cert)
}

func (s *Server) respondCertificate(c *gin.Context, status int, cert store.Certificate) {
	hist, err := s.store.CertificateHistory(c.Request.Context(), cert.Number)
	if err != nil {
		fail(c, err)
		return
	}
	if hist == nil {
		hist = []store.CertificateChange{}
	}
	c.JSON(status, certificateDetail{Certificate: viewCertificate(cert), History: hist})
}

func (s *Server) createCertificate(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req createCertificateRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	holder, err := s.visibleOfficer(ctx, p, req.OfficerID)
	if errors.Is(err, errOfficerNotFound) {
		fail(c, invalid("持证人不存在："+req.OfficerID, "no such officer: "+req.OfficerID))
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	if err := s.admit(p, holder.AgencyID, policies.ObjCertificate, casefile.ActManage, errForbidden); err != nil {
		fail(c, err)
		return
	}
	from, err := parseDay("valid_from", req.ValidFrom)
	if err != nil {
		fail(c, err)
		return
	}
	until, err := parseDay("valid_until", req.ValidUntil)
	if err != nil {
		fail(c, err)
		return
	}
	cert := store.Certificate{Number: strings.TrimSpace(req.Number), OfficerID: holder.ID, IssuedBy: req.IssuedBy, Fields: req.Fields,
		Region: req.Region, ValidFrom: from, ValidUntil: until.AddDate(0, 0, 1)}
	if err := s.store.CreateCertificate(ctx, cert, actor(p), req.Reason); err != nil {
		fail(c, refusalError(err))
		return
	}
	slog.Info("certificate created", "number", cert.Number, "officerID", holder.ID, "by", p.Officer.ID)
	created, err := s.store.Certificate(ctx, cert.Number)
	if err != nil {
		fail(c, err)
		return
	}
	s.respondCertificate(c, http.StatusCreated, created)
}

func (s *Server) updateCertificate(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	cert, err := s.visibleCertificate(ctx, p, c.Param("number"), casefile.ActManage)
	if err != nil {
		fail(c, err)
		return
	}
	var req certificatePatch
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	u := store.CertificateUpdate{IssuedBy: req.IssuedBy, Fields: req.Fields, Region: req.Region}
	if req.ValidFrom != nil {
		from, err := parseDay("valid_from", *req.ValidFrom)
		if err != nil {
			fail(c, err)
			return
		}
		u.ValidFrom = &from
	}
	if req.ValidUntil != nil {
		until, err := parseDay("valid_until", *req.ValidUntil)
		if err != nil {
			fail(c, err)
			return
		}
		end := until.AddDate(0, 0, 1)
		u.ValidUntil = &end
	}
	updated, err := s.store.UpdateCertificate(ctx, cert.Number, u, actor(p), req.Reason)
	if err != nil {
		fail(c, refusalError(err))
		return
	}
	slog.Info("certificate updated", "number", cert.Number, "by", p.Officer.ID)
	s.respondCertificate(c, http.StatusOK, updated)
}

// certificateStatus suspends, revokes or reinstates a certificate; the
// holder's next request already sees it.
func (s *Server) certificateStatus(action string) gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx := c.Request.Context()
		p := caller(c)
		cert, err := s.visibleCertificate(ctx, p, c.Param("number"), casefile.ActManage)
		if err != nil {
			fail(c, err)
			return
		}
		var req reasonRequest
		if err := bind(c, &req); err != nil {
			fail(c, err)
			return
		}
		changed, err := s.store.ChangeCertificateStatus(ctx, cert.Number, action, strings.TrimSpace(req.Reason), actor(p))
		if err != nil {
			fail(c, refusalError(err))
			return
		}
		slog.Info("certificate status changed", "number", cert.Number, "action", action, "by", p.Officer.ID)
		s.respondCertificate(c, http.StatusOK, changed)
	}
}

// ---- power items

type createPowerItemRequest struct {
	Code       string   `json:"code" limit:"64"`
	Name       string   `json:"name" limit:"300"`
	Kind       string   `json:"kind" limit:"32"`
	Field      string   `json:"field" limit:"32"`
	LegalBasis string   `json:"legal_basis" limit:"1000"`
	Levels     []string `json:"levels" limit:"4" itemlimit:"16"`
	AgencyID   string   `json:"agency_id,omitempty" limit:"64"` // the list it goes on; default the caller's agency
	// The listing decision: in force from effective_on.
	EffectiveOn    string `json:"effective_on" limit:"10"`
	DecisionNumber string `json:"decision_number,omitempty" limit:"200"`
	DecisionBy     string `json:"decision_by,omitempty" limit:"200"`
	PublishedOn    string `json:"published_on,omitempty" limit:"10"`
	Note           string `json:"note,omitempty" limit:"1000"`
}

type powerItemChangeRequest struct {
	Status         string   `json:"status" limit:"16"`
	EffectiveOn    string   `json:"effective_on" limit:"10"`
	Levels         []string `json:"levels,omitempty" limit:"4" itemlimit:"16"`
	ToLevel        string   `json:"to_level,omitempty" limit:"16"`
	MergedInto     string   `json:"merged_into,omitempty" limit:"64"`
	DelegatedTo    string   `json:"delegated_to,omitempty" limit:"64"`
	DecisionNumber string   `json:"decision_number,omitempty" limit:"200"`
	DecisionBy     string   `json:"decision_by,omitempty" limit:"200"`
	PublishedOn    string   `json:"published_on,omitempty" limit:"10"`
	Note           string   `json:"note,omitempty" limit:"1000"`
}

// powerItemDetail is a power item, as of today, with its status history.
type powerItemDetail struct {
	Item    store.PowerItem         `json:"item"`
	History []store.PowerItemChange `json:"history"`
}

// powerLists are the agencies whose power lists the caller may read: those
// where they may read power items, and every agency above those (a list
// applies below the agency that keeps it).
func (s *Server) powerLists(ctx context.Context, p *principal) (map[string]bool, error) {
	readable, err := s.readableAgencies(ctx, p, policies.ObjPowerItem)
	if err != nil {
		return nil, err
	}
	all, err := s.store.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	tree := authority.Agencies{}
	for _, a := range all {
		tree[a.ID] = a
	}
	out := tree.WithAncestors(readable)
	if len(readable) > 0 {
		out[""] = true // items on every agency's list
	}
	return out, nil
}

func (s *Server) listPowerItems(c *gin.Context) {
	ctx := c.Request.Context()
	lists, err := s.powerLists(ctx, caller(c))
	if err != nil {
		fail(c, err)
		return
	}
	all, err := s.store.PowerItems(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	items := []store.PowerItem{}
	for _, it := range all {
		if !lists[it.AgencyID] {
			continue
		}
		if v := c.Query("status"); v != "" && it.Status != v {
			continue
		}
		if v := c.Query("kind"); v != "" && it.Kind != v {
			continue
		}
		if v := c.Query("field"); v != "" && it.Field != v {
			continue
		}
		items = append(items, it)
	}
	c.JSON(http.StatusOK, itemsResponse[store.PowerItem]{Items: items})
}

func (s *Server) visiblePowerItem(ctx context.Context, p *principal, code string) (store.PowerItem, error) {
	item, err := s.store.PowerItem(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return item, errPowerItemNotFound
	} else if err != nil {
		return item, err
	}
	lists, err := s.powerLists(ctx, p)
	if err != nil {
		return item, err
	}
	if !lists[item.AgencyID] {
		return item, errPowerItemNotFound
	}
	return item, nil
}

func (s *Server) getPowerItem(c *gin.Context) {
	item, err := s.visiblePowerItem(c.Request.Context(), caller(c), c.Param("code"))
	if err != nil {
		fail(c, err)
		return
	}
	s.respondPowerItem(c, http.StatusOK, item.Code)
}

func (s *Server) respondPowerItem(c *gin.Context, status int, code string) {
	ctx := c.Request.Context()
	item, err := s.store.PowerItem(ctx, code)
	if err != nil {
		fail(c, err)
		return
	}
	hist, err := s.store.PowerItemHistory(ctx, code)
	if err != nil {
		fail(c, err)
		return
	}
	if hist == nil {
		hist = []store.PowerItemChange{}
	}
	c.JSON(status, powerItemDetail{Item: item, History: hist})
}

// manageList checks that the caller may manage the power list of agency;
// the list of every agency ("") is kept by the command line only.
func (s *Server) manageList(p *principal, agency string) error {
	if agency == "" {
		return errForbidden
	}
	return s.admit(p, agency, policies.ObjPowerItem, casefile.ActManage, errForbidden)
}

func (s *Server) createPowerItem(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req createPowerItemRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	if req.AgencyID == "" {
		req.AgencyID = p.Officer.AgencyID
	}
	if err := s.agencyExists(ctx, req.AgencyID); err != nil {
		fail(c, err)
		return
	}
	if err := s.manageList(p, req.AgencyID); err != nil {
		fail(c, err)
		return
	}
	item := store.PowerItem{Code: strings.TrimSpace(req.Code), Name: req.Name, Kind: req.Kind, Field: req.Field, LegalBasis: req.LegalBasis,
		Levels: req.Levels, AgencyID: req.AgencyID}
	first := store.PowerItemChange{Status: store.PowerInForce, EffectiveOn: req.EffectiveOn, DecisionNumber: req.DecisionNumber,
		DecisionBy: req.DecisionBy, PublishedOn: req.PublishedOn, Note: req.Note}
	if err := s.store.CreatePowerItem(ctx, item, first, actor(p)); err != nil {
		fail(c, refusalError(err))
		return
	}
	slog.Info("power item created", "code", item.Code, "agencyID", item.AgencyID, "by", p.Officer.ID)
	s.respondPowerItem(c, http.StatusCreated, item.Code)
}

func (s *Server) addPowerItemChange(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	item, err := s.visiblePowerItem(ctx, p, c.Param("code"))
	if err != nil {
		fail(c, err)
		return
	}
	if err := s.manageList(p, item.AgencyID); err != nil {
		fail(c, err)
		return
	}
	var req powerItemChangeRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	ch := store.PowerItemChange{Code: item.Code, Status: req.Status, EffectiveOn: req.EffectiveOn, Levels: req.Levels, ToLevel: req.ToLevel,
		MergedInto: req.MergedInto, DelegatedTo: req.DelegatedTo, DecisionNumber: req.DecisionNumber, DecisionBy: req.DecisionBy,
		PublishedOn: req.PublishedOn, Note: req.Note}
	if _, err := s.store.AddPowerItemChange(ctx, ch, actor(p)); err != nil {
		fail(c, refusalError(err))
		return
	}
	slog.Info("power item changed", "code", item.Code, "status", ch.Status, "effectiveOn", ch.EffectiveOn, "by", p.Officer.ID)
	s.respondPowerItem(c, http.StatusCreated, item.Code)
}

// ---- bulk imports

// importFile reads the uploaded table of the multipart field "file".
func importFile(c *gin.Context) (sheet.Table, error) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, sheet.MaxBytes+1<<20)
	fh, err := c.FormFile("file")
	if err != nil {
		return sheet.Table{}, badRequest("请以 multipart/form-data 上传文件，字段名 file（.csv 或 .xlsx，最大 10 MiB）",
			"upload the file as multipart/form-data field \"file\" (.csv or .xlsx, at most 10 MiB)")
	}
	f, err := fh.Open()
	if err != nil {
		return sheet.Table{}, badRequest("无法读取上传的文件", "cannot read the uploaded file")
	}
	defer f.Close()
	t, err := sheet.Read(fh.Filename, f)
	if errors.Is(err, sheet.ErrFormat) {
		return t, newError(http.StatusUnprocessableEntity, "invalid_file", "无法读取文件："+err.Error(), "cannot read the file: "+err.Error())
	}
	return t, err
}

// failImport answers a refused import: 422 import_rejected with every row
// error; nothing was imported.
func failImport(c *gin.Context, err error) {
	var ie *store.ImportError
	if !errors.As(err, &ie) {
		fail(c, refusalError(err))
		return
	}
	c.AbortWithStatusJSON(http.StatusUnprocessableEntity, gin.H{"error": gin.H{
		"code":    "import_rejected",
		"message": "导入文件有错误，未导入任何数据 / the file has errors; nothing was imported",
		"rows":    ie.Rows,
	}})
}

func (s *Server) importOfficers(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	t, err := importFile(c)
	if err != nil {
		fail(c, err)
		return
	}
	m := &mayManage{s: s, p: p}
	res, err := s.store.ImportOfficers(ctx, t, store.ImportOptions{By: actor(p), MayManage: m.check})
	if m.err != nil {
		fail(c, m.err)
		return
	}
	if err != nil {
		failImport(c, err)
		return
	}
	if err := s.policyChanged(ctx); err != nil {
		fail(c, err)
		return
	}
	slog.Info("officers imported", "rows", len(t.Rows), "officersCreated", res.OfficersCreated, "by", p.Officer.ID)
	c.JSON(http.StatusOK, res)
}

func (s *Server) importPowerItems(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	t, err := importFile(c)
	if err != nil {
		fail(c, err)
		return
	}
	m := &mayManage{s: s, p: p}
	res, err := s.store.ImportPowerItems(ctx, t, store.ImportOptions{By: actor(p), MayManage: m.check, DefaultAgencyID: p.Officer.AgencyID})
	if m.err != nil {
		fail(c, m.err)
		return
	}
	if err != nil {
		failImport(c, err)
		return
	}
	slog.Info("power items imported", "rows", len(t.Rows), "itemsCreated", res.ItemsCreated, "changesAdded", res.ChangesAdded, "by", p.Officer.ID)
	c.JSON(http.StatusOK, res)
}
