package api

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

// auditLog lists the administrative changes the caller may see, newest
// first: those about officers of, or roles at, the agencies where they
// manage officers, and the permission-line changes if they may read the
// policy. ?officer_id= narrows it to one officer.
func (s *Server) auditLog(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	limit, offset, err := page(c)
	if err != nil {
		fail(c, err)
		return
	}
	administered, err := s.agenciesAllowing(ctx, p, policies.ObjOfficer, casefile.ActManage)
	if err != nil {
		fail(c, err)
		return
	}
	err = s.mayReadPolicy(p)
	policy := err == nil
	if err != nil && !errors.Is(err, errForbidden) {
		fail(c, err)
		return
	}
	if len(administered) == 0 && !policy {
		fail(c, errForbidden)
		return
	}
	f := store.AuditFilter{AgencyIDs: administered, Policy: policy, OfficerID: c.Query("officer_id"), Limit: limit, Offset: offset}
	if f.OfficerID != "" {
		f.Policy = false // permission lines concern no officer
	}
	items, total, err := s.store.AuditLog(ctx, f)
	if err != nil {
		fail(c, err)
		return
	}
	if items == nil {
		items = []store.AuditEntry{}
	}
	c.JSON(http.StatusOK, listResponse[store.AuditEntry]{Items: items, Total: total, Page: offset/limit + 1, Size: limit})
}
