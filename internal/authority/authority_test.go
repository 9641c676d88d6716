package authority_test

import (
	"strings"
	"testing"

	"cloud.google.com/go/civil"
	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/casefile"
)

// tree is a province, a city, a county under it, a township under the
// county, the county's dispatched office (派出机构) and a delegated
// organization (受委托组织) of the county.
func tree() authority.Agencies {
	all := authority.Agencies{}
	for _, a := range []authority.Agency{
		{ID: "p", Name: "省局", Level: casefile.LevelProvince, Code: "省", Kind: authority.AgencyRegular},
		{ID: "c", ParentID: "p", Name: "市局", Level: casefile.LevelCity, Code: "市", Kind: authority.AgencyRegular},
		{ID: "k", ParentID: "c", Name: "县局", Level: casefile.LevelCounty, Code: "县", Kind: authority.AgencyRegular},
		{ID: "t", ParentID: "k", Name: "镇政府", Level: casefile.LevelTownship, Code: "镇", Kind: authority.AgencyRegular},
		{ID: "ks", ParentID: "k", Name: "县局城关所", Level: casefile.LevelTownship, Code: "所", Kind: authority.AgencyDispatched},
		{ID: "kd", ParentID: "k", Name: "受委托组织", Level: casefile.LevelCounty, Code: "委", Kind: authority.AgencyDelegated},
	} {
		all[a.ID] = a
	}
	return all
}

func TestAgencyTree(t *testing.T) {
	t.Parallel()
	all := tree()
	require.Equal(t, []string{"t", "k", "c", "p"}, all.AndAncestors("t"))
	require.Empty(t, all.AndAncestors("nowhere"))
	require.Equal(t, map[string]bool{"k": true, "c": true, "p": true, "ks": true}, all.WithAncestors([]string{"k", "ks"}))
}

func TestCheckAgency(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		a    authority.Agency
		code string // "" when allowed
		zh   string // part of the Chinese reason
	}{
		{"a county under the city", authority.Agency{ID: "k2", ParentID: "c", Name: "县2", Level: casefile.LevelCounty, Code: "县2", Kind: authority.AgencyRegular}, "", ""},
		{"taken", authority.Agency{ID: "k", ParentID: "c", Name: "县", Level: casefile.LevelCounty, Code: "县", Kind: authority.AgencyRegular}, "agency_exists", "已存在"},
		{"no parent", authority.Agency{ID: "x", Name: "x", Level: casefile.LevelCounty, Code: "x", Kind: authority.AgencyRegular}, "invalid_input", "parent_id 不能为空"},
		{"bad id", authority.Agency{ID: "X Y", ParentID: "c", Name: "x", Level: casefile.LevelCounty, Code: "x", Kind: authority.AgencyRegular}, "invalid_input", "机关编号"},
		{"unknown level", authority.Agency{ID: "x", ParentID: "c", Name: "x", Level: "village", Code: "x", Kind: authority.AgencyRegular}, "invalid_input", "未知的机关层级"},
		{"a regular agency at its parent's level", authority.Agency{ID: "x", ParentID: "c", Name: "x", Level: casefile.LevelCity, Code: "x", Kind: authority.AgencyRegular}, "invalid_input", "须低于上级机关"},
		{"a dispatched office at its parent's level", authority.Agency{ID: "x", ParentID: "k", Name: "x", Level: casefile.LevelCounty, Code: "x", Kind: authority.AgencyDispatched}, "", ""},
		{"a dispatched office above its parent", authority.Agency{ID: "x", ParentID: "k", Name: "x", Level: casefile.LevelCity, Code: "x", Kind: authority.AgencyDispatched}, "invalid_input", "不能高于"},
		{"under a delegated organization (PL 20)", authority.Agency{ID: "x", ParentID: "kd", Name: "x", Level: casefile.LevelTownship, Code: "x", Kind: authority.AgencyRegular}, "invalid_input", "第二十条"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := authority.CheckNewAgency(tt.a, tree())
			if tt.code == "" {
				require.Nil(t, r)
				return
			}
			require.NotNil(t, r)
			require.Equal(t, tt.code, r.Code)
			require.Contains(t, r.Zh, tt.zh)
			require.NotEmpty(t, r.En)
		})
	}
}

func TestCheckAgencyUpdate(t *testing.T) {
	t.Parallel()
	all := tree()
	moved := all["c"]
	moved.ParentID = "t" // under its own township
	r := authority.CheckAgencyUpdate(moved, all)
	require.NotNil(t, r)
	require.Contains(t, r.Zh, "不能把机关挂到它自己的下级之下")

	root := all["c"]
	root.ParentID = ""
	require.Contains(t, authority.CheckAgencyUpdate(root, all).Zh, "只有根机关没有上级")

	county := all["k"]
	county.Level = casefile.LevelTownship // the township below would sit at its level
	r = authority.CheckAgencyUpdate(county, all)
	require.NotNil(t, r)
	require.True(t, strings.HasPrefix(r.Zh, "下级机关 "), r.Zh)
	require.Equal(t, casefile.LevelCounty, all["k"].Level, "the tree given is not changed")
}

func TestPasswordRule(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, pw, old string
		initial, new  string // the code refused with, "" when allowed
	}{
		{"short", "abc1234", "", "invalid_input", "weak_password"},
		{"eight characters", "abcd1234", "", "", "weak_password"},
		{"ten with letters and digits", "abcde12345", "", "", ""},
		{"no digits", "abcdefghijk", "", "", "weak_password"},
		{"eight Chinese characters", "执法人员执法人员", "", "", "weak_password"},
		{"the same as before", "abcde12345", "abcde12345", "", "weak_password"},
		{"over 72 bytes", strings.Repeat("a1", 37), "", "invalid_input", "invalid_input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code := func(r *authority.Refusal) string {
				if r == nil {
					return ""
				}
				return r.Code
			}
			require.Equal(t, tt.initial, code(authority.CheckPassword(tt.pw)), "initial password")
			require.Equal(t, tt.new, code(authority.CheckNewPassword(tt.pw, tt.old)), "new password")
		})
	}
}

func TestPasswordHash(t *testing.T) {
	t.Parallel()
	h, err := authority.HashPassword("abcde12345", 4)
	require.NoError(t, err)
	require.True(t, authority.PasswordMatches(h, "abcde12345"))
	require.False(t, authority.PasswordMatches(h, "abcde12346"))
	require.False(t, authority.PasswordMatches("not a hash", "abcde12345"))
}

func day(t *testing.T, s string) civil.Date {
	t.Helper()
	d, err := civil.ParseDate(s)
	require.NoError(t, err)
	return d
}

// TestFilingRefusal: an agency files only under an item of a power list
// that applies to it, in force that day and exercised at its level.
func TestFilingRefusal(t *testing.T) {
	t.Parallel()
	food := authority.PowerItem{Code: "F1", Kind: authority.KindPenalty, Field: "食品安全", Levels: []string{"city", "county"}, AgencyID: "p"}
	measure := authority.PowerItem{Code: "M1", Kind: authority.KindCompulsoryMeasure, Field: "食品安全", Levels: []string{"county"}, AgencyID: "p"}
	listed := func(code string) authority.PowerItemChange {
		return authority.PowerItemChange{Code: code, Status: authority.PowerInForce, EffectiveOn: "2020-01-01"}
	}
	devolved := authority.PowerItemChange{Code: "F1", Status: authority.PowerDevolved, EffectiveOn: "2025-01-01", ToLevel: "township",
		DecisionNumber: "省政府令第1号", PublishedOn: "2025-03-01"}
	delegated := authority.PowerItemChange{Code: "F1", Status: authority.PowerDelegated, EffectiveOn: "2025-01-01", DelegatedTo: "kd",
		DecisionNumber: "委托书1号", PublishedOn: "2025-01-01"}
	cancelled := authority.PowerItemChange{Code: "F1", Status: authority.PowerCancelled, EffectiveOn: "2026-01-01", DecisionNumber: "取消令"}
	merged := authority.PowerItemChange{Code: "F1", Status: authority.PowerMerged, EffectiveOn: "2026-01-01", MergedInto: "F2"}
	tests := []struct {
		name    string
		item    authority.PowerItem
		changes []authority.PowerItemChange
		agency  string
		on      string
		code    string // "" when it may file
		zh      string
	}{
		{"a county under the province's list", food, []authority.PowerItemChange{listed("F1")}, "k", "2025-06-01", "", ""},
		{"before the item is in force", food, []authority.PowerItemChange{listed("F1")}, "k", "2019-06-01", "power_item_not_in_force", "尚未生效"},
		{"on another agency's list", authority.PowerItem{Code: "F1", Levels: []string{"county"}, AgencyID: "other"}, nil, "k", "2025-06-01", "power_item_not_on_list", "不在本机关适用的权力清单中"},
		{"an item written without history", authority.PowerItem{Code: "F1", Levels: []string{"county"}, Status: authority.PowerInForce}, nil, "k", "2025-06-01", "", ""},
		{"a township without devolution", food, []authority.PowerItemChange{listed("F1")}, "t", "2025-06-01", "power_item_wrong_level", "不由乡镇（街道）机关行使"},
		{"a township before the decision is published (PL 24)", food, []authority.PowerItemChange{listed("F1"), devolved}, "t", "2025-02-01", "power_item_devolution_unpublished", "第二十四条"},
		{"a township after the decision is published", food, []authority.PowerItemChange{listed("F1"), devolved}, "t", "2025-06-01", "", ""},
		{"a dispatched office acts at its county's level", food, []authority.PowerItemChange{listed("F1")}, "ks", "2025-06-01", "", ""},
		{"a delegated organization without a delegation (PL 20)", food, []authority.PowerItemChange{listed("F1")}, "kd", "2025-06-01", "power_item_not_delegated", "第二十条"},
		{"a delegated organization within its delegation", food, []authority.PowerItemChange{listed("F1"), delegated}, "kd", "2025-06-01", "", ""},
		{"a delegated organization and a compulsory measure (CL 17)", measure, []authority.PowerItemChange{listed("M1")}, "kd", "2025-06-01", "power_item_not_delegable", "第十七条"},
		{"cancelled", food, []authority.PowerItemChange{listed("F1"), cancelled}, "k", "2026-06-01", "power_item_not_in_force", "已自 2026-01-01 起取消（取消令）"},
		{"merged", food, []authority.PowerItemChange{listed("F1"), merged}, "k", "2026-06-01", "power_item_not_in_force", "请按 F2 立案"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			all := tree()
			r := authority.FilingRefusal(tt.item, tt.changes, all[tt.agency], all, day(t, tt.on))
			if tt.code == "" {
				require.Nil(t, r)
				return
			}
			require.NotNil(t, r)
			require.Equal(t, tt.code, r.Code)
			require.Contains(t, r.Zh, tt.zh)
			require.NotEmpty(t, r.En)
		})
	}
}

// TestCheckChange: who may receive a power, and the fields each status
// needs.
func TestCheckChange(t *testing.T) {
	t.Parallel()
	food := authority.PowerItem{Code: "F1", Kind: authority.KindPenalty, Levels: []string{"county"}}
	measure := authority.PowerItem{Code: "M1", Kind: authority.KindCompulsoryMeasure, Levels: []string{"county"}}
	exists := func(code string) bool { return code == "F2" }
	tests := []struct {
		name  string
		item  authority.PowerItem
		c     authority.PowerItemChange
		code  string
		field string
	}{
		{"cancelled", food, authority.PowerItemChange{Code: "F1", Status: authority.PowerCancelled, EffectiveOn: "2026-01-01"}, "", ""},
		{"unknown status", food, authority.PowerItemChange{Code: "F1", Status: "gone", EffectiveOn: "2026-01-01"}, "invalid_input", "status"},
		{"no date", food, authority.PowerItemChange{Code: "F1", Status: authority.PowerCancelled}, "invalid_input", "effective_on"},
		{"to_level on a cancellation", food, authority.PowerItemChange{Code: "F1", Status: authority.PowerCancelled, EffectiveOn: "2026-01-01", ToLevel: "township"}, "invalid_input", "to_level"},
		{"devolved to townships unpublished (PL 24)", food, authority.PowerItemChange{Code: "F1", Status: authority.PowerDevolved, EffectiveOn: "2026-01-01", ToLevel: "township"}, "devolution_unpublished", "decision_number"},
		{"devolved to townships without the publication date", food, authority.PowerItemChange{Code: "F1", Status: authority.PowerDevolved, EffectiveOn: "2026-01-01", ToLevel: "township", DecisionNumber: "令1号"}, "devolution_unpublished", "published_on"},
		{"delegated to a regular agency", food, authority.PowerItemChange{Code: "F1", Status: authority.PowerDelegated, EffectiveOn: "2026-01-01", DelegatedTo: "k", DecisionNumber: "1", PublishedOn: "2026-01-01"}, "invalid_input", "delegated_to"},
		{"a compulsory measure delegated (CL 17)", measure, authority.PowerItemChange{Code: "M1", Status: authority.PowerDelegated, EffectiveOn: "2026-01-01", DelegatedTo: "kd", DecisionNumber: "1", PublishedOn: "2026-01-01"}, "not_delegable", "status"},
		{"delegated without a published letter (PL 20)", food, authority.PowerItemChange{Code: "F1", Status: authority.PowerDelegated, EffectiveOn: "2026-01-01", DelegatedTo: "kd"}, "delegation_unpublished", "decision_number"},
		{"merged into itself", food, authority.PowerItemChange{Code: "F1", Status: authority.PowerMerged, EffectiveOn: "2026-01-01", MergedInto: "F1"}, "invalid_input", "merged_into"},
		{"merged into another item", food, authority.PowerItemChange{Code: "F1", Status: authority.PowerMerged, EffectiveOn: "2026-01-01", MergedInto: "F2"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := authority.CheckChange(tt.item, tt.c, tree(), exists)
			if tt.code == "" {
				require.Nil(t, r)
				return
			}
			require.NotNil(t, r)
			require.Equal(t, tt.code, r.Code)
			require.Equal(t, tt.field, r.Field)
		})
	}
}
