package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

// Permission lines (role → what it may do, as policy.csv spells them) are
// read and changed at run time by an administrator. Every change is
// persisted through the casbin GORM adapter, audited, applied to this
// process at once and to every other process at its next poll.
//
// A permission line applies at every agency, so changing one needs
// ActManage on ObjPolicy at every root of the agency tree; reading them
// needs ActRead on ObjPolicy at an agency where the caller holds a role.

var (
	errPolicyLineExists   = newError(http.StatusConflict, "policy_line_exists", "该权限行已存在", "the permission line exists already")
	errPolicyLineNotFound = newError(http.StatusNotFound, "policy_line_not_found", "没有这条权限行", "no such permission line")
	errPolicyLockout      = newError(http.StatusConflict, "policy_lockout",
		"删除这条权限行后，您将无法再管理权限，操作未执行", "removing this line would take away your own right to manage permissions; nothing was changed")
)

// policyFields name the fields of a permission line in Chinese, for messages.
var policyFields = map[string]string{"role": "角色", "scope": "范围", "object": "对象", "act": "行为", "cert": "执法证要求"}

// policyLineError explains a bad permission line: which field, and what it
// may be.
func policyLineError(err error) error {
	var re *policies.RuleError
	if !errors.As(err, &re) {
		return err
	}
	zh := fmt.Sprintf("权限行无效：未知的%s“%s”", policyFields[re.Field], re.Value)
	switch re.Field {
	case "scope":
		zh += "，应为 own 或 below"
	case "cert":
		zh += "，应为 valid 或 -"
	}
	return newError(http.StatusUnprocessableEntity, "invalid_policy_line", zh, re.Error())
}

type policyLinesResponse struct {
	Items   []policies.Rule `json:"items"`
	Version int64           `json:"version"`
}

type policyChangeResponse struct {
	Change  string        `json:"change"` // added or removed
	Line    policies.Rule `json:"line"`
	Version int64         `json:"version"` // the policy version the change made
}

// mayReadPolicy: ActRead on ObjPolicy at some agency where p holds a role.
func (s *Server) mayReadPolicy(p *principal) error {
	for _, a := range p.agencies() {
		ok, err := s.allowed(p, a, policies.ObjPolicy, casefile.ActRead)
		if err != nil || ok {
			return err
		}
	}
	return errForbidden
}

// mayManagePolicy: ActManage on ObjPolicy at every root of the agency tree,
// as decided by e.
func (s *Server) mayManagePolicy(ctx context.Context, e *policies.Enforcer, p *principal) error {
	agencies, err := s.store.Agencies(ctx)
	if err != nil {
		return err
	}
	roots := 0
	for _, a := range agencies {
		if a.ParentID != "" {
			continue
		}
		roots++
		ok, err := decideWith(e, p, a.ID, policies.ObjPolicy, casefile.ActManage, p.CertState)
		if err != nil {
			return err
		}
		if !ok {
			return errForbidden
		}
	}
	if roots == 0 {
		return errForbidden
	}
	return nil
}

func (s *Server) listPolicyLines(c *gin.Context) {
	ctx := c.Request.Context()
	if err := s.mayReadPolicy(caller(c)); err != nil {
		fail(c, err)
		return
	}
	version, err := s.store.PolicyVersion(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	rules, err := s.store.PolicyRules(ctx)
	if err != nil {
		fail(c, err)
		return
	}
	if rules == nil {
		rules = []policies.Rule{}
	}
	c.JSON(http.StatusOK, policyLinesResponse{Items: rules, Version: version})
}

// policyLine reads and checks the permission line in the request body.
func policyLine(c *gin.Context) (policies.Rule, error) {
	var r policies.Rule
	if err := bind(c, &r); err != nil {
		return r, err
	}
	if r.Role == "" || r.Scope == "" || r.Object == "" || r.Act == "" || r.Cert == "" {
		return r, newError(http.StatusUnprocessableEntity, "invalid_policy_line",
			"权限行须包含 role、scope、object、act、cert 五项", "a permission line needs role, scope, object, act and cert")
	}
	return r, policyLineError(r.Check())
}

// policyChange reads a permission-line change: the caller must manage
// permissions, and the body must be a valid line.
func (s *Server) policyChange(c *gin.Context) (*principal, policies.Rule, error) {
	p := caller(c)
	if err := s.mayManagePolicy(c.Request.Context(), s.enforcer, p); err != nil {
		return nil, policies.Rule{}, err
	}
	line, err := policyLine(c)
	return p, line, err
}

func (s *Server) addPolicyLine(c *gin.Context) {
	ctx := c.Request.Context()
	p, line, err := s.policyChange(c)
	if err != nil {
		fail(c, err)
		return
	}
	version, err := s.store.AddPolicyRule(ctx, p.Officer.ID, line)
	if errors.Is(err, store.ErrPolicyLineExists) {
		fail(c, errPolicyLineExists)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	s.policyLineChanged(c, p, store.PolicyAdded, line, version, http.StatusCreated)
}

func (s *Server) removePolicyLine(c *gin.Context) {
	ctx := c.Request.Context()
	p, line, err := s.policyChange(c)
	if err != nil {
		fail(c, err)
		return
	}
	// An administrator cannot saw off the branch they sit on: with the line
	// gone they must still be able to manage permissions.
	trial, err := s.enforcer.Without(line)
	if err != nil {
		fail(c, err)
		return
	}
	if err := s.mayManagePolicy(ctx, trial, p); errors.Is(err, errForbidden) {
		fail(c, errPolicyLockout)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	version, err := s.store.RemovePolicyRule(ctx, p.Officer.ID, line)
	if errors.Is(err, store.ErrNotFound) {
		fail(c, errPolicyLineNotFound)
		return
	} else if err != nil {
		fail(c, err)
		return
	}
	s.policyLineChanged(c, p, store.PolicyRemoved, line, version, http.StatusOK)
}

// policyLineChanged applies a committed change to this process's enforcer
// before answering, so the caller's next request is decided by it. Should
// the rebuild fail, the change stands (the poll retries it) but the answer
// is a 500, because this process may still decide by the old line.
func (s *Server) policyLineChanged(c *gin.Context, p *principal, change string, line policies.Rule, version int64, status int) {
	slog.Info("permission line changed", "change", change, "line", line.String(), "by", p.Officer.ID, "version", version)
	if err := policies.Refresh(c.Request.Context(), s.store, s.enforcer); err != nil {
		fail(c, err)
		return
	}
	c.JSON(status, policyChangeResponse{Change: change, Line: line, Version: version})
}

func (s *Server) policyAuditLog(c *gin.Context) {
	ctx := c.Request.Context()
	if err := s.mayReadPolicy(caller(c)); err != nil {
		fail(c, err)
		return
	}
	limit, offset, err := page(c)
	if err != nil {
		fail(c, err)
		return
	}
	items, total, err := s.store.PolicyAudit(ctx, limit, offset)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, listResponse[store.PolicyChange]{Items: items, Total: total, Page: offset/limit + 1, Size: limit})
}
