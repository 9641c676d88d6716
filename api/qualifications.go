package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/store"
)

var errQualificationNotFound = newError(http.StatusNotFound, "qualification_not_found", "该人员没有登记法律职业资格", "the officer has no legal qualification recorded")

// legalQualificationRequest records an officer's legal professional
// qualification (法律职业资格, PL 58 ¶2): the certificate's number and, when
// known, the day it was obtained.
type legalQualificationRequest struct {
	Number     string `json:"number" limit:"64"`
	ObtainedOn string `json:"obtained_on,omitempty" limit:"10"` // YYYY-MM-DD, not after today
}

// setLegalQualification records or replaces the qualification of an
// officer another administrator manages (an administrator does not
// qualify themselves to review).
func (s *Server) setLegalQualification(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req legalQualificationRequest
	o, ok := loadAndBind(c, func() (store.Officer, error) { return s.managedOfficer(ctx, p, c.Param("id"), true) }, &req)
	if !ok {
		return
	}
	q := authority.LegalQualification{Number: strings.TrimSpace(req.Number), ObtainedOn: req.ObtainedOn}
	if _, err := s.store.SetLegalQualification(ctx, o.ID, q, actor(p), time.Now()); err != nil {
		fail(c, refusalError(err))
		return
	}
	slog.Info("legal qualification set", "officerID", o.ID, "by", p.Officer.ID)
	s.respondOfficer(c, http.StatusOK, p, o)
}

// clearLegalQualification removes an officer's qualification, with an
// optional reason.
func (s *Server) clearLegalQualification(c *gin.Context) {
	s.changeAccount(c, "legal qualification cleared", func(ctx context.Context, id, reason string, by store.Actor) (store.Officer, error) {
		err := s.store.ClearLegalQualification(ctx, id, reason, by)
		if errors.Is(err, store.ErrNotFound) {
			return store.Officer{}, errQualificationNotFound
		} else if err != nil {
			return store.Officer{}, err
		}
		return s.store.Officer(ctx, id)
	})
}
