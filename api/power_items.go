package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

var (
	errPowerItemNotFound = newError(http.StatusNotFound, "power_item_not_found", "权力事项不存在", "no such power item")
)

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

// powerLists are the agencies whose power lists the caller may read, given
// the agencies where they may read power items: those, and every agency
// above them (a list applies below the agency that keeps it).
func (s *Server) powerLists(ctx context.Context, readable []string) (map[string]bool, error) {
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
	lists, err := s.powerLists(ctx, listedAgencies(c))
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
	readable, err := s.readableAgencies(ctx, p, policies.ObjPowerItem)
	if err != nil {
		return item, err
	}
	lists, err := s.powerLists(ctx, readable)
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
