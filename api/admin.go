package api

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

// The administration of master data (agencies, officers, certificates,
// power items, imports) is in one file per resource; routes.go says who may
// use which route. What follows is shared by them.

// loadAndBind loads what a handler acts on, then reads its body; when
// either fails the request is answered and ok is false. Loading comes first:
// a caller who may not see the target learns nothing from the body's faults.
func loadAndBind[T any](c *gin.Context, load func() (T, error), req any) (T, bool) {
	v, err := load()
	if err == nil {
		err = bind(c, req)
	}
	if err != nil {
		fail(c, err)
		return v, false
	}
	return v, true
}

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

// refusalError shows a refusal (a rule of authority, or the store's clash
// with stored data) as a 4xx with its own code: 409 when it clashes with
// stored data, 422 when the input breaks a rule.
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

// agencyExists is nil if the agency exists, a 422 naming it otherwise.
func (s *Server) agencyExists(ctx context.Context, id string) error {
	_, err := s.store.Agency(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return invalid("机关不存在："+id, "no such agency: "+id)
	}
	return err
}

// admit decides obj/act at agency for the caller: nil when allowed,
// notFound when they may not even read obj there (its existence does not
// leak), errForbidden when they may read but not act.
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

func actor(p *principal) store.Actor { return store.Actor{ID: p.Officer.ID, Name: p.Officer.Name} }

// parseDay reads a YYYY-MM-DD request field.
func parseDay(field, v string) (time.Time, error) {
	d, err := calendar.ParseDate(v)
	if err != nil {
		return time.Time{}, invalid(field+" 须为 YYYY-MM-DD 格式的日期："+v, field+" must be a date written YYYY-MM-DD: "+v)
	}
	return calendar.StartOfDay(d), nil
}

type itemsResponse[T any] struct {
	Items []T `json:"items"`
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

type reasonRequest struct {
	Reason string `json:"reason" limit:"500"`
}

// listedScope reads a listing's page and the agencies it covers: those
// where guard found the caller may list (listedAgencies), narrowed to one
// by ?agency_id=.
func listedScope(c *gin.Context) (limit, offset int, agencies []string, err error) {
	if limit, offset, err = page(c); err != nil {
		return 0, 0, nil, err
	}
	agencies = listedAgencies(c)
	if a := c.Query("agency_id"); a != "" {
		if slices.Contains(agencies, a) {
			agencies = []string{a}
		} else {
			agencies = nil
		}
	}
	return limit, offset, agencies, nil
}
