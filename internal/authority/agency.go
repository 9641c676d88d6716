package authority

import (
	"regexp"
	"slices"
	"strings"

	"github.com/zhifa/zhifa/internal/casefile"
)

// Agency is an enforcement agency (行政执法机关) in the tree of levels.
type Agency struct {
	ID       string         `json:"id"`
	ParentID string         `json:"parent_id,omitempty"`
	Name     string         `json:"name"`
	Level    casefile.Level `json:"level"`
	Code     string         `json:"code"` // short name used in case numbers, e.g. "临江市场监管"
	// Kind is regular, dispatched (派出机构, acting in its parent's name) or
	// delegated (受委托组织, acting in the delegating parent's name within
	// the delegation); "" is read as regular.
	Kind AgencyKind `json:"kind"`
}

// AgencyKind says how an agency exercises powers.
type AgencyKind string

// Agency kinds (SAMR 7–11; PL 20–21).
const (
	AgencyRegular    AgencyKind = "regular"    // 行政执法机关
	AgencyDispatched AgencyKind = "dispatched" // 派出机构: acts in its parent's name within assigned powers
	AgencyDelegated  AgencyKind = "delegated"  // 受委托组织: acts in the delegating parent's name, cannot sub-delegate
)

// AgencyKinds lists the kinds in the order forms show them.
var AgencyKinds = []AgencyKind{AgencyRegular, AgencyDispatched, AgencyDelegated}

// Levels lists the agency levels from the top of the tree down.
var Levels = []casefile.Level{casefile.LevelProvince, casefile.LevelCity, casefile.LevelCounty, casefile.LevelTownship}

// levelRank is 0 for a province, 3 for a township; -1 for an unknown level.
func levelRank(l casefile.Level) int { return slices.Index(Levels, l) }

// IsAgencyLevel reports whether l names an agency level.
func IsAgencyLevel(l string) bool { return levelRank(casefile.Level(l)) >= 0 }

var levelNames = map[casefile.Level]string{casefile.LevelProvince: "省级", casefile.LevelCity: "市级",
	casefile.LevelCounty: "县级", casefile.LevelTownship: "乡镇（街道）"}

// LevelName is a level as Chinese forms name it.
func LevelName(l string) string {
	if n, ok := levelNames[casefile.Level(l)]; ok {
		return n
	}
	return l
}

func levelNamesOf(levels []string) string {
	out := make([]string, len(levels))
	for i, l := range levels {
		out[i] = LevelName(l)
	}
	return strings.Join(out, "、")
}

// Agencies is the agency tree, by ID.
type Agencies map[string]Agency

// AndAncestors returns id and the agencies above it, nearest first.
func (all Agencies) AndAncestors(id string) []string {
	var out []string
	for a, ok := all[id]; ok && !slices.Contains(out, a.ID); a, ok = all[a.ParentID] {
		out = append(out, a.ID)
	}
	return out
}

// WithAncestors returns the IDs of ids and of every agency above them.
func (all Agencies) WithAncestors(ids []string) map[string]bool {
	out := map[string]bool{}
	for _, id := range ids {
		for a := id; a != "" && !out[a]; a = all[a].ParentID {
			out[a] = true
		}
	}
	return out
}

var agencyIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// CheckNewAgency checks an agency to be added under an existing parent.
func CheckNewAgency(a Agency, all Agencies) *Refusal {
	if _, ok := all[a.ID]; ok {
		return Conflict("agency_exists", "机关编号 %s 已存在", "agency %s already exists", a.ID, a.ID)
	}
	if a.ParentID == "" {
		return Refuse("invalid_input", "parent_id 不能为空：新机关须挂在已有机关之下", "parent_id is required: a new agency goes under an existing one")
	}
	return CheckAgency(a, all)
}

// CheckAgencyUpdate checks a changed agency a (all holds it as it was):
// only the root agency has no parent, and the tree's rules still hold for a
// and for the agencies right under it.
func CheckAgencyUpdate(a Agency, all Agencies) *Refusal {
	old := all[a.ID]
	if a.ParentID == "" && old.ParentID != "" {
		return Refuse("invalid_input", "parent_id 不能为空：只有根机关没有上级", "parent_id is required: only the root agency has none")
	}
	after := make(Agencies, len(all))
	for id, x := range all {
		after[id] = x
	}
	after[a.ID] = a
	if r := CheckAgency(a, after); r != nil {
		return r
	}
	for _, c := range after {
		if c.ParentID == a.ID {
			if r := CheckAgency(c, after); r != nil {
				return Refuse(r.Code, "下级机关 %s 将不符合规则：%s", "agency %s below would break a rule: %s", c.Name, r.Zh, c.ID, r.En)
			}
		}
	}
	return nil
}

// CheckAgency checks one agency against its parent in all: fields well
// formed; only a regular agency has agencies under it (a delegated
// organization cannot sub-delegate, PL 20); a regular agency sits a level
// below its parent, a dispatched organ or delegated organization at its
// parent's level or below; no cycle.
func CheckAgency(a Agency, all Agencies) *Refusal {
	if !agencyIDPattern.MatchString(a.ID) {
		return Refuse("invalid_input", "机关编号须为小写字母、数字和连字符（最多 64 个字符）：%q", "agency id must be lowercase letters, digits and hyphens (at most 64): %q", a.ID, a.ID)
	}
	if r := CheckText("name", a.Name, true, 200); r != nil {
		return r
	}
	if r := CheckText("code", a.Code, true, 32); r != nil {
		return r
	}
	if levelRank(a.Level) < 0 {
		return Refuse("invalid_input", "未知的机关层级：%q（province、city、county、township）", "unknown level %q (province, city, county, township)", a.Level, a.Level)
	}
	if !slices.Contains(AgencyKinds, a.Kind) {
		return Refuse("invalid_input", "未知的机关类别：%q（regular、dispatched、delegated）", "unknown kind %q (regular, dispatched, delegated)", a.Kind, a.Kind)
	}
	if a.ParentID == "" {
		return nil
	}
	parent, ok := all[a.ParentID]
	if !ok {
		return Refuse("invalid_input", "上级机关不存在：%s", "no such parent agency: %s", a.ParentID, a.ParentID)
	}
	for p, seen := parent, 0; ; seen++ {
		if p.ID == a.ID || seen > len(all) {
			return Refuse("invalid_input", "不能把机关挂到它自己的下级之下", "an agency cannot go under an agency below it")
		}
		next, ok := all[p.ParentID]
		if p.ParentID == "" || !ok {
			break
		}
		p = next
	}
	switch {
	case parent.Kind != AgencyRegular:
		return Refuse("invalid_input", "%s 是派出机构或受委托组织，其下不能再设机构（受委托组织不得再委托，行政处罚法第二十条）",
			"%s is a dispatched organ or a delegated organization and can have no agency under it (PL 20)", parent.Name, parent.ID)
	case a.Kind == AgencyRegular && levelRank(a.Level) <= levelRank(parent.Level):
		return Refuse("invalid_input", "%s级机关须低于上级机关（%s）的层级", "a %s agency must sit below its parent's level (%s)",
			LevelName(string(a.Level)), LevelName(string(parent.Level)), a.Level, parent.Level)
	case a.Kind != AgencyRegular && levelRank(a.Level) < levelRank(parent.Level):
		return Refuse("invalid_input", "派出机构或受委托组织的层级不能高于其所属机关", "a dispatched organ or delegated organization cannot sit above its parent's level")
	}
	return nil
}
