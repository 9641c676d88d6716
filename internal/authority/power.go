package authority

import (
	"slices"
	"time"

	"cloud.google.com/go/civil"

	"github.com/zhifa/zhifa/internal/casefile"
)

// PowerItem is an entry of the power list (权力清单事项).
type PowerItem struct {
	Code       string   `json:"code"`
	Name       string   `json:"name"`
	Kind       string   `json:"kind"` // penalty, compulsory-measure, compulsory-execution
	Field      string   `json:"field"`
	LegalBasis string   `json:"legal_basis"`
	Levels     []string `json:"levels"`
	// Status and Levels are as of today when the item has a status history
	// (see PowerItemChange), as written otherwise.
	Status   string `json:"status"`    // in-force, cancelled, devolved, delegated, merged, internal, pending
	AgencyID string `json:"agency_id"` // the agency whose power list holds the item; "" = every agency's
}

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

// PowerStatusNames are the statuses as Chinese forms name them.
var PowerStatusNames = map[string]string{PowerInForce: "实施", PowerCancelled: "取消", PowerDevolved: "下放",
	PowerDelegated: "委托", PowerMerged: "合并", PowerInternal: "转为内部管理", PowerPending: "尚未生效"}

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

// CheckPowerItem checks an item's own fields.
func CheckPowerItem(p PowerItem) *Refusal {
	if r := first(CheckCode("code", p.Code, 64), CheckText("name", p.Name, true, 300)); r != nil {
		return r
	}
	if !slices.Contains(PowerKinds, p.Kind) {
		return Refuse("invalid_input", "未知的事项类型：%q（penalty、compulsory-measure、compulsory-execution）",
			"unknown kind %q (penalty, compulsory-measure, compulsory-execution)", p.Kind, p.Kind).On("kind")
	}
	return first(CheckList("field", []string{p.Field}, true), CheckText("legal_basis", p.LegalBasis, true, 1000),
		CheckLevels("levels", p.Levels, true))
}

// CheckLevels refuses a list of levels that is not a list of agency levels.
func CheckLevels(field string, levels []string, required bool) *Refusal {
	if r := CheckList(field, levels, required); r != nil {
		return r
	}
	for _, l := range levels {
		if !IsAgencyLevel(l) {
			return Refuse("invalid_input", "%s 含有未知的层级：%q（province、city、county、township）",
				"%s holds an unknown level %q (province, city, county, township)", field, l, field, l).On(field)
		}
	}
	return nil
}

// CheckNewPowerItem checks an item to be added to the list of agencies'
// agency p.AgencyID ("" for every agency's) with its first change, which
// must put it in force; exists says whether an item code is taken.
func CheckNewPowerItem(p PowerItem, first PowerItemChange, agencies Agencies, exists func(code string) bool) *Refusal {
	if r := CheckPowerItem(p); r != nil {
		return r
	}
	if _, ok := agencies[p.AgencyID]; !ok && p.AgencyID != "" {
		return Refuse("invalid_input", "机关不存在：%s", "no such agency: %s", p.AgencyID, p.AgencyID).On("agency_id")
	}
	if exists(p.Code) {
		return Conflict("power_item_exists", "事项编码 %s 已在清单中", "power item %s already exists", p.Code, p.Code)
	}
	if first.Status != PowerInForce {
		return Refuse("invalid_input", "新事项的第一条状态须为 in-force（实施）", "a new item's first status must be in-force").On("status")
	}
	return CheckChange(p, first, agencies, exists)
}

// CheckChange checks a status change of item: its own fields, the fields
// its status needs and no others, and the law on who may receive a power:
// a devolution to townships needs a published provincial decision (PL 24);
// a delegation goes to a delegated organization under a published letter
// of delegation (PL 20), never for compulsory measures (CL 17). exists says
// whether another item code exists, for a merger.
func CheckChange(item PowerItem, c PowerItemChange, agencies Agencies, exists func(code string) bool) *Refusal {
	if !slices.Contains(PowerStatuses, c.Status) {
		return Refuse("invalid_input", "未知的事项状态：%q（in-force、cancelled、devolved、delegated、merged、internal）",
			"unknown status %q (in-force, cancelled, devolved, delegated, merged, internal)", c.Status, c.Status).On("status")
	}
	if r := first(
		CheckDate("effective_on", c.EffectiveOn, true), CheckDate("published_on", c.PublishedOn, false),
		CheckLevels("levels", c.Levels, false), CheckText("decision_number", c.DecisionNumber, false, 200),
		CheckText("decision_by", c.DecisionBy, false, 200), CheckText("note", c.Note, false, 1000),
	); r != nil {
		return r
	}
	only := func(field string, set bool, status string) *Refusal {
		if set && c.Status != status {
			return Refuse("invalid_input", "%s 只用于状态 %s", "%s only goes with status %s", field, status, field, status).On(field)
		}
		return nil
	}
	if r := first(
		only("to_level", c.ToLevel != "", PowerDevolved), only("merged_into", c.MergedInto != "", PowerMerged),
		only("delegated_to", c.DelegatedTo != "", PowerDelegated),
	); r != nil {
		return r
	}
	if len(c.Levels) > 0 && c.Status != PowerInForce && c.Status != PowerDevolved {
		return Refuse("invalid_input", "levels 只用于状态 in-force 或 devolved", "levels only goes with status in-force or devolved").On("levels")
	}
	switch c.Status {
	case PowerDevolved:
		if !IsAgencyLevel(c.ToLevel) {
			return Refuse("invalid_input", "下放须写明下放到的层级 to_level（city、county、township）", "a devolution needs to_level (city, county, township)").On("to_level")
		}
		if len(c.Levels) > 0 && !slices.Contains(c.Levels, c.ToLevel) {
			return Refuse("invalid_input", "levels 须包含下放到的层级 %s", "levels must include the level devolved to, %s", c.ToLevel, c.ToLevel).On("levels")
		}
		if c.ToLevel == string(casefile.LevelTownship) && (c.DecisionNumber == "" || c.PublishedOn == "") {
			return Refuse("devolution_unpublished", "下放至乡镇（街道）须由省级作出决定并公布：请填写决定文号 decision_number 和公布日期 published_on（行政处罚法第二十四条）",
				"a devolution to townships needs a published provincial decision: give decision_number and published_on (PL 24)").On(missingDecision(c))
		}
	case PowerDelegated:
		a, ok := agencies[c.DelegatedTo]
		if !ok || a.Kind != AgencyDelegated {
			return Refuse("invalid_input", "委托须写明受委托组织 delegated_to（类别为 delegated 的机关）：%q",
				"a delegation needs delegated_to, an agency of kind delegated: %q", c.DelegatedTo, c.DelegatedTo).On("delegated_to")
		}
		if item.Kind == KindCompulsoryMeasure {
			return Refuse("not_delegable", "行政强制措施权不得委托（行政强制法第十七条）", "compulsory measures cannot be delegated (CL 17)").On("status")
		}
		if c.DecisionNumber == "" || c.PublishedOn == "" {
			return Refuse("delegation_unpublished", "委托须有公布的委托书：请填写委托书文号 decision_number 和公布日期 published_on（行政处罚法第二十条）",
				"a delegation needs a published letter of delegation: give decision_number and published_on (PL 20)").On(missingDecision(c))
		}
	case PowerMerged:
		if c.MergedInto == "" || c.MergedInto == c.Code || !exists(c.MergedInto) {
			return Refuse("invalid_input", "合并须写明并入的另一个已有事项编码 merged_into：%q", "a merger needs merged_into, the code of another existing item: %q", c.MergedInto, c.MergedInto).On("merged_into")
		}
	}
	return nil
}

// missingDecision names the decision field a change lacks.
func missingDecision(c PowerItemChange) string {
	if c.DecisionNumber == "" {
		return "decision_number"
	}
	return "published_on"
}

// ChangeRecorded refuses a change the item's history already has.
func ChangeRecorded(c PowerItemChange) *Refusal {
	return Conflict("power_item_change_exists", "事项 %s 已有这条自 %s 起的「%s」记录", "item %s already has this %s change from %s",
		c.Code, c.EffectiveOn, PowerStatusNames[c.Status], c.Code, c.Status, c.EffectiveOn)
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

// FilingRefusal says whether agency may file a case under item on day:
// "不得在清单之外行使行政权力". The item must be on a power list that applies
// to the agency (its own or one above it), in force on the filing date, and
// exercised at the agency's level on that date: a dispatched organ acts at
// its parent's level; a delegated organization only within a delegation to
// it in effect; the township level only through a published provincial
// devolution decision (PL 24). changes is the item's history in the order
// the changes take effect; an item without one stands as written. A
// refusal says why; nil means it may.
func FilingRefusal(item PowerItem, changes []PowerItemChange, agency Agency, agencies Agencies, day civil.Date) *Refusal {
	on := day.String()
	if item.AgencyID != "" && !slices.Contains(agencies.AndAncestors(agency.ID), item.AgencyID) {
		return Refuse("power_item_not_on_list", "事项 %s 不在本机关适用的权力清单中，不得在清单之外行使行政权力",
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
			return Refuse("power_item_not_delegable", "受委托组织不得实施行政强制措施（行政强制法第十七条）",
				"a delegated organization may not take compulsory measures (CL 17)")
		}
		d, ok := st.Delegated[agency.ID]
		if !ok || d.PublishedOn == "" || d.PublishedOn > on {
			return Refuse("power_item_not_delegated", "事项 %s 在 %s 未以公布的委托书委托本组织行使，受委托组织只能在委托范围内以委托机关名义实施（行政处罚法第二十条）",
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
		return Refuse("power_item_wrong_level", "事项 %s 在 %s 不由%s机关行使（行使层级：%s）",
			"item %s is not exercised at %s level on %s (levels: %s)", item.Code, on, LevelName(level), levelNamesOf(st.Levels),
			item.Code, level, on, joinList(st.Levels))
	}
	if level == string(casefile.LevelTownship) {
		d := st.Township
		if d == nil || d.DecisionNumber == "" || d.PublishedOn == "" || d.PublishedOn > on {
			return Refuse("power_item_devolution_unpublished", "事项 %s 下放至乡镇（街道）行使，须有省级公布的决定（行政处罚法第二十四条），%s 时尚无已公布的决定",
				"item %s is exercised by townships only under a published provincial decision (PL 24); none is published by %s", item.Code, on, item.Code, on)
		}
	}
	return nil
}

func notInForce(item PowerItem, st Standing, on string) *Refusal {
	const code = "power_item_not_in_force"
	if st.Last == nil {
		if st.Status == PowerPending {
			return Refuse(code, "事项 %s 在 %s 尚未生效", "item %s is not yet in force on %s", item.Code, on, item.Code, on)
		}
		return Refuse(code, "事项 %s 已%s，不得在清单之外行使行政权力", "item %s is %s", item.Code, PowerStatusNames[st.Status], item.Code, st.Status)
	}
	c := st.Last
	doc := ""
	if c.DecisionNumber != "" {
		doc = "（" + c.DecisionNumber + "）"
	}
	switch c.Status {
	case PowerMerged:
		return Refuse(code, "事项 %s 已自 %s 起合并至 %s%s，请按 %s 立案", "item %s was merged into %s from %s; file under %s",
			item.Code, c.EffectiveOn, c.MergedInto, doc, c.MergedInto, item.Code, c.MergedInto, c.EffectiveOn, c.MergedInto)
	case PowerInternal:
		return Refuse(code, "事项 %s 已自 %s 起转为内部管理事项%s，不再对外行使", "item %s became an internal matter from %s and is no longer exercised",
			item.Code, c.EffectiveOn, doc, item.Code, c.EffectiveOn)
	default:
		return Refuse(code, "事项 %s 已自 %s 起取消%s，不得在清单之外行使行政权力", "item %s was cancelled from %s",
			item.Code, c.EffectiveOn, doc, item.Code, c.EffectiveOn)
	}
}
