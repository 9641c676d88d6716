package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

var (
	errCertificateNotFound = newError(http.StatusNotFound, "certificate_not_found", "执法证不存在", "no such certificate")
)

// certificateView is a certificate and what it allows now, whatever the field.
type certificateView struct {
	store.Certificate
	State casefile.Certificate `json:"state"` // valid, expired or suspended (suspended or revoked) now
}

func viewCertificate(c store.Certificate) certificateView {
	return certificateView{Certificate: c, State: c.StateAt(time.Now())}
}

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

// certificateDetail is a certificate with its whole history.
type certificateDetail struct {
	Certificate certificateView           `json:"certificate"`
	History     []store.CertificateChange `json:"history"`
}

func (s *Server) listCertificates(c *gin.Context) {
	ctx := c.Request.Context()
	limit, offset, agencies, err := listedScope(c)
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
	var req certificatePatch
	cert, ok := loadAndBind(c, func() (store.Certificate, error) {
		return s.visibleCertificate(ctx, p, c.Param("number"), casefile.ActManage)
	}, &req)
	if !ok {
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
		var req reasonRequest
		cert, ok := loadAndBind(c, func() (store.Certificate, error) {
			return s.visibleCertificate(ctx, p, c.Param("number"), casefile.ActManage)
		}, &req)
		if !ok {
			return
		}
		changed, err := s.store.ChangeCertificateStatus(ctx, cert.Number, action, strings.TrimSpace(req.Reason), actor(p))
		if err != nil {
			fail(c, refusalError(err))
			return
		}
		slog.Info("certificate status changed", "number", cert.Number, "action", action, "by", p.Officer.ID)
		if action == store.CertSuspended || action == store.CertRevoked {
			if o, err := s.store.Officer(ctx, cert.OfficerID); err == nil {
				s.officerLapsed(ctx, o.AgencyID, o.ID, "执法证 "+cert.Number+" 已暂扣或注销："+strings.TrimSpace(req.Reason))
			}
		}
		s.respondCertificate(c, http.StatusOK, changed)
	}
}
