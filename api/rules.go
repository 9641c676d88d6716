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

// rulesRequest is a new version of an agency's rule pack. Amounts are in
// fen; the hearing thresholds and review_after_hearing must be given, so
// that no figure of the law is left at zero by omission.
type rulesRequest struct {
	EffectiveFrom       string                 `json:"effective_from" limit:"10"` // YYYY-MM-DD (Beijing), today or later
	Basis               string                 `json:"basis" limit:"500"`
	HearingFine         *casefile.PartyAmounts `json:"hearing_fine"`
	HearingConfiscation *casefile.PartyAmounts `json:"hearing_confiscation"`
	ReviewAfterHearing  *bool                  `json:"review_after_hearing"`
	MajorCaseFine       *casefile.PartyAmounts `json:"major_case_fine,omitempty"` // none: only the head marks a case major
	CollectiveHeads     int                    `json:"collective_heads"`
	CreditRegistry      bool                   `json:"credit_registry,omitempty"`
	FreezePower         bool                   `json:"freeze_power,omitempty"`
	ExecutionPower      bool                   `json:"execution_power,omitempty"`
	// Publication is how penalty decisions are published (SAMR-PUB 2, 13);
	// left out, or a figure left at zero, is the built-in rule: a fine
	// below 10,000 元 is lower, terms of 3 and 36 months, warnings published.
	Publication *casefile.PublicationRules `json:"publication,omitempty"`
	// Warnings are the steps whose warning differs from the default.
	Warnings []stepWarning `json:"warnings,omitempty" limit:"30"`
}

// stepWarning is a step's warning in working days before its deadline passes.
type stepWarning struct {
	Step     string `json:"step" limit:"32"`
	Workdays int    `json:"workdays"`
}

// Where the pack in force comes from.
const (
	rulesOwn      = "own"
	rulesAncestor = "ancestor"
	rulesBuiltin  = "builtin"
)

// rulesView is an agency's rule packs: the one in force today and where it
// comes from (own, ancestor or builtin), and the agency's own versions,
// the latest first.
type rulesView struct {
	InForce  casefile.Rules   `json:"in_force"`
	Source   string           `json:"source"`
	Versions []store.RulePack `json:"versions"`
}

// rulesAgency loads the agency whose rule packs the caller reads (act
// read) or changes (act manage).
func (s *Server) rulesAgency(ctx context.Context, p *principal, id string, act casefile.Act) (store.Agency, error) {
	a, err := s.store.Agency(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return a, errAgencyNotFound
	} else if err != nil {
		return a, err
	}
	return a, s.admit(p, a.ID, policies.ObjAgency, act, errAgencyNotFound)
}

func (s *Server) getRules(c *gin.Context) {
	a, err := s.rulesAgency(c.Request.Context(), caller(c), c.Param("id"), casefile.ActRead)
	if err != nil {
		fail(c, err)
		return
	}
	s.respondRules(c, http.StatusOK, a.ID)
}

func (s *Server) saveRules(c *gin.Context) {
	ctx := c.Request.Context()
	p := caller(c)
	var req rulesRequest
	a, ok := loadAndBind(c, func() (store.Agency, error) { return s.rulesAgency(ctx, p, c.Param("id"), casefile.ActManage) }, &req)
	if !ok {
		return
	}
	for _, f := range []struct {
		name    string
		missing bool
	}{{"hearing_fine", req.HearingFine == nil}, {"hearing_confiscation", req.HearingConfiscation == nil},
		{"review_after_hearing", req.ReviewAfterHearing == nil}} {
		if f.missing {
			fail(c, invalid(f.name+" 不能为空", f.name+" is required"))
			return
		}
	}
	r := casefile.Rules{AgencyID: a.ID, EffectiveFrom: req.EffectiveFrom, Basis: strings.TrimSpace(req.Basis),
		HearingFine: *req.HearingFine, HearingConfiscation: *req.HearingConfiscation, ReviewAfterHearing: *req.ReviewAfterHearing,
		CollectiveHeads: req.CollectiveHeads, CreditRegistry: req.CreditRegistry, FreezePower: req.FreezePower,
		ExecutionPower: req.ExecutionPower}
	for _, w := range req.Warnings {
		if r.WarnWorkdays == nil {
			r.WarnWorkdays = map[string]int{}
		}
		r.WarnWorkdays[w.Step] = w.Workdays
	}
	set(&r.MajorCaseFine, req.MajorCaseFine)
	set(&r.Publication, req.Publication)
	// A figure left out is saved as the built-in one, so that the pack
	// reads as what it does; a figure given is checked as given.
	if pub := &r.Publication; pub.MinorFine == 0 {
		pub.MinorFine = casefile.DefaultMinorFine
	}
	if pub := &r.Publication; pub.MinorMonths == 0 {
		pub.MinorMonths = casefile.DefaultMinorMonths
	}
	if pub := &r.Publication; pub.Months == 0 {
		pub.Months = casefile.DefaultMonths
	}
	saved, err := s.store.SaveRules(ctx, r, actor(p), time.Now())
	if err != nil {
		fail(c, refusalError(err))
		return
	}
	slog.Info("rule pack saved", "agencyID", a.ID, "version", saved.Version, "effectiveFrom", saved.EffectiveFrom, "by", p.Officer.ID)
	s.respondRules(c, http.StatusCreated, a.ID)
}

func (s *Server) respondRules(c *gin.Context, status int, agencyID string) {
	ctx := c.Request.Context()
	versions, err := s.store.RuleVersions(ctx, agencyID)
	if err != nil {
		fail(c, err)
		return
	}
	inForce, err := s.store.RulesInForce(ctx, agencyID, time.Now())
	if err != nil {
		fail(c, err)
		return
	}
	view := rulesView{InForce: inForce, Source: rulesAncestor, Versions: versions}
	switch inForce.AgencyID {
	case agencyID:
		view.Source = rulesOwn
	case "":
		view.Source = rulesBuiltin
	}
	if view.Versions == nil {
		view.Versions = []store.RulePack{}
	}
	c.JSON(status, view)
}
