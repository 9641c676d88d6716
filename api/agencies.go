package api

import (
	"errors"
	"log/slog"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

var (
	errAgencyNotFound = newError(http.StatusNotFound, "agency_not_found", "机关不存在", "no such agency")
)

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

func (s *Server) listAgencies(c *gin.Context) {
	ctx := c.Request.Context()
	readable := listedAgencies(c)
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

func (s *Server) respondAgency(c *gin.Context, status int, id string) {
	a, err := s.store.Agency(c.Request.Context(), id)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(status, a)
}
