package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"cloud.google.com/go/civil"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
)

// Power item kinds.
const (
	KindPenalty             = "penalty"              // 行政处罚
	KindCompulsoryMeasure   = "compulsory-measure"   // 行政强制措施
	KindCompulsoryExecution = "compulsory-execution" // 行政强制执行
)

// PowerKinds lists the kinds of power item.
var PowerKinds = []string{KindPenalty, KindCompulsoryMeasure, KindCompulsoryExecution}

// Power item statuses: what a change in its history makes of it from its
// effective date (ZJ; SY; YC: 取消 / 下放 / 委托 / 合并 / 转为内部管理).
const (
	PowerInForce   = "in-force"  // 实施 (listed, or listed again)
	PowerCancelled = "cancelled" // 取消
	PowerDevolved  = "devolved"  // 下放 to a level
	PowerDelegated = "delegated" // 委托 to a delegated organization
	PowerMerged    = "merged"    // 合并 into another item
	PowerInternal  = "internal"  // 转为内部管理
	// PowerPending is no change but what an item is before its first change
	// takes effect.
	PowerPending = "pending"
)

// PowerStatuses lists the statuses a change may give.
var PowerStatuses = []string{PowerInForce, PowerCancelled, PowerDevolved, PowerDelegated, PowerMerged, PowerInternal}

var powerStatusNames = map[string]string{PowerInForce: "实施", PowerCancelled: "取消", PowerDevolved: "下放",
	PowerDelegated: "委托", PowerMerged: "合并", PowerInternal: "转为内部管理", PowerPending: "尚未生效"}

// powerItemChangeRow is one line of a power item's status history. Lines are
// only ever added; the same change twice is one line.
type powerItemChangeRow struct {
	ID             int64  `gorm:"primaryKey;autoIncrement"`
	Code           string `gorm:"size:64;not null;uniqueIndex:power_item_change_key,priority:1"`
	Status         string `gorm:"size:16;not null;uniqueIndex:power_item_change_key,priority:2"`
	EffectiveOn    string `gorm:"size:10;not null;uniqueIndex:power_item_change_key,priority:3"`
	ToLevel        string `gorm:"size:16;not null;default:'';uniqueIndex:power_item_change_key,priority:4"`
	MergedInto     string `gorm:"size:64;not null;default:'';uniqueIndex:power_item_change_key,priority:5"`
	DelegatedTo    string `gorm:"size:64;not null;default:'';uniqueIndex:power_item_change_key,priority:6"`
	Levels         string `gorm:"size:100;not null;default:'';uniqueIndex:power_item_change_key,priority:7"`
	DecisionNumber string `gorm:"size:200"`
	DecisionBy     string `gorm:"size:200"`
	PublishedOn    string `gorm:"size:10"`
	Note           string `gorm:"size:1000"`
	RecordedBy     string `gorm:"size:64"`
	RecordedByName string `gorm:"size:100"`
	RecordedAt     time.Time
}

func (powerItemChangeRow) TableName() string { return "power_item_history" }

// PowerItemChange is one step of a power item's status history, effective
// from a Beijing date. Dates are written YYYY-MM-DD.
type PowerItemChange struct {
	Code        string   `json:"code"`
	Status      string   `json:"status"` // in-force, cancelled, devolved, delegated, merged, internal
	EffectiveOn string   `json:"effective_on"`
	Levels      []string `json:"levels,omitempty"`       // in-force, devolved: the levels exercising it from then on
	ToLevel     string   `json:"to_level,omitempty"`     // devolved: the level it goes down to
	MergedInto  string   `json:"merged_into,omitempty"`  // merged: the item it became part of
	DelegatedTo string   `json:"delegated_to,omitempty"` // delegated: the delegated organization (an agency)
	// The decision that made the change: document number (文号), who
	// decided, when it was published. A devolution to townships needs a
	// published provincial decision (PL 24), a delegation a published
	// letter of delegation (PL 20).
	DecisionNumber string    `json:"decision_number,omitempty"`
	DecisionBy     string    `json:"decision_by,omitempty"`
	PublishedOn    string    `json:"published_on,omitempty"`
	Note           string    `json:"note,omitempty"`
	RecordedBy     string    `json:"recorded_by"`
	RecordedByName string    `json:"recorded_by_name"`
	RecordedAt     time.Time `json:"recorded_at"`
}

func powerChangeToRow(c PowerItemChange) *powerItemChangeRow {
	return &powerItemChangeRow{Code: c.Code, Status: c.Status, EffectiveOn: c.EffectiveOn, ToLevel: c.ToLevel,
		MergedInto: c.MergedInto, DelegatedTo: c.DelegatedTo, Levels: joinList(c.Levels), DecisionNumber: c.DecisionNumber,
		DecisionBy: c.DecisionBy, PublishedOn: c.PublishedOn, Note: c.Note, RecordedBy: c.RecordedBy,
		RecordedByName: c.RecordedByName, RecordedAt: c.RecordedAt.UTC()}
}

func powerChangeFromRow(r powerItemChangeRow) PowerItemChange {
	return PowerItemChange{Code: r.Code, Status: r.Status, EffectiveOn: r.EffectiveOn, Levels: splitList(r.Levels),
		ToLevel: r.ToLevel, MergedInto: r.MergedInto, DelegatedTo: r.DelegatedTo, DecisionNumber: r.DecisionNumber,
		DecisionBy: r.DecisionBy, PublishedOn: r.PublishedOn, Note: r.Note, RecordedBy: r.RecordedBy,
		RecordedByName: r.RecordedByName, RecordedAt: r.RecordedAt}
}

func joinList(l []string) string {
	out := ""
	for i, v := range l {
		if i > 0 {
			out += ","
		}
		out += v
	}
	return out
}

// powerItemChanges returns the history of one item, or of all items when
// code is "", in the order the changes take effect.
func powerItemChanges(q *gorm.DB, code string) ([]PowerItemChange, error) {
	if code != "" {
		q = q.Where("code = ?", code)
	}
	var rows []powerItemChangeRow
	if err := q.Order("code, effective_on, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("power item history %s: %w", code, err)
	}
	out := make([]PowerItemChange, len(rows))
	for i, r := range rows {
		out[i] = powerChangeFromRow(r)
	}
	return out, nil
}

// PowerItemHistory returns an item's status history in the order the
// changes take effect.
func (s *Store) PowerItemHistory(ctx context.Context, code string) ([]PowerItemChange, error) {
	return powerItemChanges(s.db.WithContext(ctx), code)
}

// checkPowerItem checks an item's own fields.
func checkPowerItem(p PowerItem) *Refusal {
	if r := checkCode("code", p.Code, 64); r != nil {
		return r
	}
	if r := checkText("name", p.Name, true, 300); r != nil {
		return r
	}
	if !slices.Contains(PowerKinds, p.Kind) {
		return refuse("invalid_input", "未知的事项类型：%q（penalty、compulsory-measure、compulsory-execution）",
			"unknown kind %q (penalty, compulsory-measure, compulsory-execution)", p.Kind, p.Kind).on("kind")
	}
	if r := checkList("field", []string{p.Field}, true); r != nil {
		return r
	}
	if r := checkText("legal_basis", p.LegalBasis, true, 1000); r != nil {
		return r
	}
	return checkLevels("levels", p.Levels, true)
}

func checkLevels(field string, levels []string, required bool) *Refusal {
	if r := checkList(field, levels, required); r != nil {
		return r
	}
	for _, l := range levels {
		if !IsAgencyLevel(l) {
			return refuse("invalid_input", "%s 含有未知的层级：%q（province、city、county、township）",
				"%s holds an unknown level %q (province, city, county, township)", field, l, field, l).on(field)
		}
	}
	return nil
}

func checkDate(field, v string, required bool) *Refusal {
	if v == "" && !required {
		return nil
	}
	if _, err := calendar.ParseDate(v); err != nil {
		return refuse("invalid_input", "%s 须为 YYYY-MM-DD 格式的日期：%q", "%s must be a date written YYYY-MM-DD: %q", field, v, field, v).on(field)
	}
	return nil
}

// checkChange checks a status change of item: its own fields, the fields
// its status needs and no others, and the law on who may receive a power:
// a devolution to townships needs a published provincial decision (PL 24);
// a delegation goes to a delegated organization under a published letter
// of delegation (PL 20), never for compulsory measures (CL 17). exists says
// whether another item code exists, for a merger.
func checkChange(item PowerItem, c PowerItemChange, agencies map[string]Agency, exists func(code string) bool) *Refusal {
	if !slices.Contains(PowerStatuses, c.Status) {
		return refuse("invalid_input", "未知的事项状态：%q（in-force、cancelled、devolved、delegated、merged、internal）",
			"unknown status %q (in-force, cancelled, devolved, delegated, merged, internal)", c.Status, c.Status).on("status")
	}
	for _, r := range []*Refusal{
		checkDate("effective_on", c.EffectiveOn, true), checkDate("published_on", c.PublishedOn, false),
		checkLevels("levels", c.Levels, false), checkText("decision_number", c.DecisionNumber, false, 200),
		checkText("decision_by", c.DecisionBy, false, 200), checkText("note", c.Note, false, 1000),
	} {
		if r != nil {
			return r
		}
	}
	only := func(field string, set bool, status string) *Refusal {
		if set && c.Status != status {
			return refuse("invalid_input", "%s 只用于状态 %s", "%s only goes with status %s", field, status, field, status).on(field)
		}
		return nil
	}
	for _, r := range []*Refusal{
		only("to_level", c.ToLevel != "", PowerDevolved), only("merged_into", c.MergedInto != "", PowerMerged),
		only("delegated_to", c.DelegatedTo != "", PowerDelegated),
	} {
		if r != nil {
			return r
		}
	}
	if len(c.Levels) > 0 && c.Status != PowerInForce && c.Status != PowerDevolved {
		return refuse("invalid_input", "levels 只用于状态 in-force 或 devolved", "levels only goes with status in-force or devolved").on("levels")
	}
	switch c.Status {
	case PowerDevolved:
		if !IsAgencyLevel(c.ToLevel) {
			return refuse("invalid_input", "下放须写明下放到的层级 to_level（city、county、township）", "a devolution needs to_level (city, county, township)").on("to_level")
		}
		if len(c.Levels) > 0 && !slices.Contains(c.Levels, c.ToLevel) {
			return refuse("invalid_input", "levels 须包含下放到的层级 %s", "levels must include the level devolved to, %s", c.ToLevel, c.ToLevel).on("levels")
		}
		if c.ToLevel == string(casefile.LevelTownship) && (c.DecisionNumber == "" || c.PublishedOn == "") {
			return refuse("devolution_unpublished", "下放至乡镇（街道）须由省级作出决定并公布：请填写决定文号 decision_number 和公布日期 published_on（行政处罚法第二十四条）",
				"a devolution to townships needs a published provincial decision: give decision_number and published_on (PL 24)").on(missing(c))
		}
	case PowerDelegated:
		a, ok := agencies[c.DelegatedTo]
		if !ok || a.Kind != AgencyDelegated {
			return refuse("invalid_input", "委托须写明受委托组织 delegated_to（类别为 delegated 的机关）：%q",
				"a delegation needs delegated_to, an agency of kind delegated: %q", c.DelegatedTo, c.DelegatedTo).on("delegated_to")
		}
		if item.Kind == KindCompulsoryMeasure {
			return refuse("not_delegable", "行政强制措施权不得委托（行政强制法第十七条）", "compulsory measures cannot be delegated (CL 17)").on("status")
		}
		if c.DecisionNumber == "" || c.PublishedOn == "" {
			return refuse("delegation_unpublished", "委托须有公布的委托书：请填写委托书文号 decision_number 和公布日期 published_on（行政处罚法第二十条）",
				"a delegation needs a published letter of delegation: give decision_number and published_on (PL 20)").on(missing(c))
		}
	case PowerMerged:
		if c.MergedInto == "" || c.MergedInto == c.Code || !exists(c.MergedInto) {
			return refuse("invalid_input", "合并须写明并入的另一个已有事项编码 merged_into：%q", "a merger needs merged_into, the code of another existing item: %q", c.MergedInto, c.MergedInto).on("merged_into")
		}
	}
	return nil
}

// missing names the decision field a change lacks.
func missing(c PowerItemChange) string {
	if c.DecisionNumber == "" {
		return "decision_number"
	}
	return "published_on"
}

// CreatePowerItem adds an item to the power list with its first change,
// which must put it in force (levels default to the item's).
func (s *Store) CreatePowerItem(ctx context.Context, p PowerItem, first PowerItemChange, by Actor) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		agencies, err := agencyMap(tx)
		if err != nil {
			return err
		}
		return createPowerItem(tx, p, first, by, agencies, func(code string) bool { return itemExists(tx, code) })
	})
}

func itemExists(tx *gorm.DB, code string) bool {
	var n int64
	tx.Model(&powerItemRow{}).Where("code = ?", code).Count(&n)
	return n > 0
}

func createPowerItem(tx *gorm.DB, p PowerItem, first PowerItemChange, by Actor, agencies map[string]Agency, exists func(string) bool) error {
	if r := checkPowerItem(p); r != nil {
		return r
	}
	if _, ok := agencies[p.AgencyID]; !ok && p.AgencyID != "" {
		return refuse("invalid_input", "机关不存在：%s", "no such agency: %s", p.AgencyID, p.AgencyID).on("agency_id")
	}
	if exists(p.Code) {
		return conflict("power_item_exists", "事项编码 %s 已在清单中", "power item %s already exists", p.Code, p.Code)
	}
	first.Code = p.Code
	if first.Status != PowerInForce {
		return refuse("invalid_input", "新事项的第一条状态须为 in-force（实施）", "a new item's first status must be in-force").on("status")
	}
	if len(first.Levels) == 0 {
		first.Levels = p.Levels
	}
	if r := checkChange(p, first, agencies, exists); r != nil {
		return r
	}
	p.Status = PowerInForce
	if err := tx.Create(powerItemToRow(p)).Error; err != nil {
		return taken(fmt.Errorf("create power item %s: %w", p.Code, err),
			conflict("power_item_exists", "事项编码 %s 已在清单中", "power item %s already exists", p.Code, p.Code))
	}
	return addPowerChange(tx, p, first, by)
}

// AddPowerItemChange records a status change of an existing item.
func (s *Store) AddPowerItemChange(ctx context.Context, c PowerItemChange, by Actor) (PowerItemChange, error) {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		agencies, err := agencyMap(tx)
		if err != nil {
			return err
		}
		var row powerItemRow
		if err := first(tx.Where("code = ?", c.Code), &row); err != nil {
			return fmt.Errorf("power item %s: %w", c.Code, err)
		}
		item := powerItemFromRow(row)
		if r := checkChange(item, c, agencies, func(code string) bool { return itemExists(tx, code) }); r != nil {
			return r
		}
		return addPowerChange(tx, item, c, by)
	})
	if err != nil {
		return PowerItemChange{}, err
	}
	c.RecordedBy, c.RecordedByName = by.ID, by.Name
	return c, nil
}

// addPowerChange writes a checked change, refusing one already recorded, and
// keeps the item's status column at today's status for readers of the row.
func addPowerChange(tx *gorm.DB, item PowerItem, c PowerItemChange, by Actor) error {
	c.RecordedBy, c.RecordedByName, c.RecordedAt = by.ID, by.Name, now()
	res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(powerChangeToRow(c))
	if res.Error != nil {
		return fmt.Errorf("power item %s change: %w", c.Code, res.Error)
	}
	if res.RowsAffected == 0 {
		return conflict("power_item_change_exists", "事项 %s 已有这条自 %s 起的「%s」记录", "item %s already has this %s change from %s",
			c.Code, c.EffectiveOn, powerStatusNames[c.Status], c.Code, c.Status, c.EffectiveOn)
	}
	changes, err := powerItemChanges(tx, item.Code)
	if err != nil {
		return err
	}
	st := StandingOn(item, changes, calendar.DateOf(time.Now()))
	if err := tx.Model(&powerItemRow{}).Where("code = ?", item.Code).Update("status", st.Status).Error; err != nil {
		return fmt.Errorf("power item %s status: %w", item.Code, err)
	}
	return nil
}

// PutPowerItemChange records a change as the demo seed does: checked, and
// nothing happens if the same change is already there.
func (s *Store) PutPowerItemChange(ctx context.Context, c PowerItemChange, by Actor) error {
	_, err := s.AddPowerItemChange(ctx, c, by)
	if r := (*Refusal)(nil); errors.As(err, &r) && r.Code == "power_item_change_exists" {
		return nil
	}
	return err
}

// Standing is what a power item's history makes of it on one day.
type Standing struct {
	InForce bool
	Status  string   // the status of the last change in effect; pending before the first
	Levels  []string // the levels exercising it
	Last    *PowerItemChange
	// Township is the devolution that brought the item to townships, if it
	// is exercised there.
	Township *PowerItemChange
	// Delegated are the delegations in effect, by delegated organization.
	Delegated map[string]PowerItemChange
}

// StandingOn folds the changes that took effect on or before day, in order.
func StandingOn(item PowerItem, changes []PowerItemChange, day civil.Date) Standing {
	on := day.String()
	st := Standing{Status: PowerPending, Delegated: map[string]PowerItemChange{}}
	for i := range changes {
		c := changes[i]
		if c.Code != item.Code || c.EffectiveOn > on {
			continue
		}
		st.Last, st.Status = &changes[i], c.Status
		switch c.Status {
		case PowerInForce:
			st.InForce = true
			switch {
			case len(c.Levels) > 0:
				st.Levels = slices.Clone(c.Levels)
			case st.Levels == nil:
				st.Levels = slices.Clone(item.Levels)
			}
		case PowerDevolved:
			st.InForce = true
			if len(c.Levels) > 0 {
				st.Levels = slices.Clone(c.Levels)
			} else if !slices.Contains(st.Levels, c.ToLevel) {
				st.Levels = append(st.Levels, c.ToLevel)
			}
			if c.ToLevel == string(casefile.LevelTownship) {
				st.Township = &changes[i]
			}
		case PowerDelegated:
			st.Delegated[c.DelegatedTo] = c
		default: // cancelled, merged, internal: no longer exercised by anyone
			st.InForce, st.Levels, st.Township = false, nil, nil
			clear(st.Delegated)
		}
		if !slices.Contains(st.Levels, string(casefile.LevelTownship)) {
			st.Township = nil
		}
	}
	return st
}

// asOfToday gives an item with a history its status and levels of today.
func asOfToday(item PowerItem, changes []PowerItemChange) PowerItem {
	if len(changes) == 0 {
		return item
	}
	st := StandingOn(item, changes, calendar.DateOf(time.Now()))
	item.Status, item.Levels = st.Status, st.Levels
	if item.Levels == nil {
		item.Levels = []string{}
	}
	return item
}

// CheckFiling says whether agency may file a case under item at instant at:
// "不得在清单之外行使行政权力". The item must be on a power list that applies
// to the agency (its own or one above it), in force on the filing date, and
// exercised at the agency's level on that date: a dispatched organ acts at
// its parent's level; a delegated organization only within a delegation to
// it in effect; the township level only through a published provincial
// devolution decision (PL 24). A refusal says why; nil means it may.
func (s *Store) CheckFiling(ctx context.Context, item PowerItem, agency Agency, at time.Time) error {
	var rows []powerItemRow
	if err := s.db.WithContext(ctx).Where("code = ?", item.Code).Find(&rows).Error; err != nil {
		return fmt.Errorf("power item %s: %w", item.Code, err)
	}
	if len(rows) == 1 {
		item = powerItemFromRow(rows[0]) // as written, not as of today
	}
	changes, err := powerItemChanges(s.db.WithContext(ctx), item.Code)
	if err != nil {
		return err
	}
	agencies, err := agencyMap(s.db.WithContext(ctx))
	if err != nil {
		return err
	}
	if r := FilingRefusal(item, changes, agency, agencies, calendar.DateOf(at)); r != nil {
		return r
	}
	return nil
}

// FilingRefusal is CheckFiling's rule on data already loaded.
func FilingRefusal(item PowerItem, changes []PowerItemChange, agency Agency, agencies map[string]Agency, day civil.Date) *Refusal {
	on := day.String()
	if item.AgencyID != "" && !slices.Contains(agencyAndAncestors(agencies, agency.ID), item.AgencyID) {
		return refuse("power_item_not_on_list", "事项 %s 不在本机关适用的权力清单中，不得在清单之外行使行政权力",
			"item %s is not on a power list that applies to this agency", item.Code, item.Code)
	}
	var st Standing
	if len(changes) == 0 {
		// An item written without a history: its status and levels as written.
		st = Standing{InForce: item.Status == PowerInForce, Status: item.Status, Levels: item.Levels}
	} else {
		st = StandingOn(item, changes, day)
	}
	if !st.InForce {
		return notInForce(item, st, on)
	}
	level := string(agency.Level)
	parent, hasParent := agencies[agency.ParentID]
	switch agency.Kind {
	case AgencyDelegated:
		if item.Kind == KindCompulsoryMeasure {
			return refuse("power_item_not_delegable", "受委托组织不得实施行政强制措施（行政强制法第十七条）",
				"a delegated organization may not take compulsory measures (CL 17)")
		}
		d, ok := st.Delegated[agency.ID]
		if !ok || d.PublishedOn == "" || d.PublishedOn > on {
			return refuse("power_item_not_delegated", "事项 %s 在 %s 未以公布的委托书委托本组织行使，受委托组织只能在委托范围内以委托机关名义实施（行政处罚法第二十条）",
				"item %s is not delegated to this organization by a published letter on %s (PL 20)", item.Code, on, item.Code, on)
		}
		if hasParent {
			level = string(parent.Level)
		}
	case AgencyDispatched:
		if hasParent {
			level = string(parent.Level) // it acts in its parent's name
		}
	}
	if !slices.Contains(st.Levels, level) {
		return refuse("power_item_wrong_level", "事项 %s 在 %s 不由%s机关行使（行使层级：%s）",
			"item %s is not exercised at %s level on %s (levels: %s)", item.Code, on, levelName(level), levelNamesOf(st.Levels),
			item.Code, level, on, joinList(st.Levels))
	}
	if level == string(casefile.LevelTownship) {
		d := st.Township
		if d == nil || d.DecisionNumber == "" || d.PublishedOn == "" || d.PublishedOn > on {
			return refuse("power_item_devolution_unpublished", "事项 %s 下放至乡镇（街道）行使，须有省级公布的决定（行政处罚法第二十四条），%s 时尚无已公布的决定",
				"item %s is exercised by townships only under a published provincial decision (PL 24); none is published by %s", item.Code, on, item.Code, on)
		}
	}
	return nil
}

func notInForce(item PowerItem, st Standing, on string) *Refusal {
	const code = "power_item_not_in_force"
	if st.Last == nil {
		if st.Status == PowerPending {
			return refuse(code, "事项 %s 在 %s 尚未生效", "item %s is not yet in force on %s", item.Code, on, item.Code, on)
		}
		return refuse(code, "事项 %s 已%s，不得在清单之外行使行政权力", "item %s is %s", item.Code, powerStatusNames[st.Status], item.Code, st.Status)
	}
	c := st.Last
	doc := ""
	if c.DecisionNumber != "" {
		doc = "（" + c.DecisionNumber + "）"
	}
	switch c.Status {
	case PowerMerged:
		return refuse(code, "事项 %s 已自 %s 起合并至 %s%s，请按 %s 立案", "item %s was merged into %s from %s; file under %s",
			item.Code, c.EffectiveOn, c.MergedInto, doc, c.MergedInto, item.Code, c.MergedInto, c.EffectiveOn, c.MergedInto)
	case PowerInternal:
		return refuse(code, "事项 %s 已自 %s 起转为内部管理事项%s，不再对外行使", "item %s became an internal matter from %s and is no longer exercised",
			item.Code, c.EffectiveOn, doc, item.Code, c.EffectiveOn)
	default:
		return refuse(code, "事项 %s 已自 %s 起取消%s，不得在清单之外行使行政权力", "item %s was cancelled from %s",
			item.Code, c.EffectiveOn, doc, item.Code, c.EffectiveOn)
	}
}
