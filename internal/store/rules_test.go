package store_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
)

// pack is a rule pack of agency taking effect on from, with a person's
// hearing fine of fine fen.
func pack(agency, from string, fine int64) casefile.Rules {
	r := casefile.BuiltinRules()
	r.AgencyID, r.EffectiveFrom, r.Basis = agency, from, "江南省市场监督管理行政处罚听证规定第三条"
	r.HearingFine.Person = fine
	return r
}

// TestRulesInForceByDay: the pack in force for an act is the agency's own
// latest version in effect on the act's Beijing day, else the nearest
// parent's, else the built-in one; the day before a version takes effect
// gets the one before it.
func TestRulesInForceByDay(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	ctx := t.Context()
	saved := beijing(t, "2026-11-29T10:00:00+08:00")
	for _, r := range []casefile.Rules{
		pack("jn", "2026-12-01", 8_000_00),
		pack(qingshan, "2027-01-01", 5_000_00),
		pack(qingshan, "2027-03-01", 3_000_00),
	} {
		_, err := st.SaveRules(ctx, r, admin, saved)
		require.NoError(t, err)
	}
	tests := []struct {
		name, agency, at string
		wantAgency       string
		wantVersion      int
		wantFine         int64
	}{
		{"before any pack: the built-in one", qingshan, "2026-11-30T23:59:59+08:00", "", 0, 10_000_00},
		{"the province's from its first day", qingshan, "2026-12-01T00:00:00+08:00", "jn", 1, 8_000_00},
		{"the day before the county's own", qingshan, "2026-12-31T23:59:59+08:00", "jn", 1, 8_000_00},
		{"the county's own from its day, by Beijing's clock", qingshan, "2026-12-31T16:00:00Z", qingshan, 1, 5_000_00},
		{"the day before version 2", qingshan, "2027-02-28T23:59:59+08:00", qingshan, 1, 5_000_00},
		{"version 2 on its day", qingshan, "2027-03-01T00:00:00+08:00", qingshan, 2, 3_000_00},
		{"a sibling county has the province's", baishui, "2027-03-01T00:00:00+08:00", "jn", 1, 8_000_00},
		{"a township under the county has the county's", "jn-lj-qs-cg", "2027-03-01T09:00:00+08:00", qingshan, 2, 3_000_00},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := st.RulesInForce(ctx, tt.agency, beijing(t, tt.at))
			require.NoError(t, err)
			require.Equal(t, tt.wantAgency, r.AgencyID)
			require.Equal(t, tt.wantVersion, r.Version)
			require.Equal(t, tt.wantFine, r.HearingFine.Person)
		})
	}
	_, err := st.RulesInForce(ctx, "no-such-agency", saved)
	require.ErrorIs(t, err, store.ErrNotFound)

	versions, err := st.RuleVersions(ctx, qingshan)
	require.NoError(t, err)
	require.Len(t, versions, 2, "a new version supersedes, the old one stays")
	require.Equal(t, []int{2, 1}, []int{versions[0].Version, versions[1].Version})
	require.Equal(t, "2027-01-01", versions[1].EffectiveFrom)
	require.EqualValues(t, 5_000_00, versions[1].HearingFine.Person)
	require.Equal(t, "jn-admin", versions[1].RecordedBy)
	none, err := st.RuleVersions(ctx, baishui)
	require.NoError(t, err)
	require.Empty(t, none)

	entries, _, err := st.AuditLog(ctx, store.AuditFilter{AgencyIDs: []string{qingshan}, Limit: 10})
	require.NoError(t, err)
	require.Len(t, entries, 2)
	require.Equal(t, store.AuditRulesSaved, entries[0].Action)
	require.Equal(t, "jn-lj-qs/v2", entries[0].Target)
	require.Equal(t, qingshan, entries[0].AgencyID)
	require.Contains(t, string(entries[0].Before), `"version":1`)
	require.Contains(t, string(entries[0].After), `"effective_from":"2027-03-01"`)
}

// TestRulesKeepThePowers: the powers to freeze (CL 29 ¶1) and to execute
// its own decisions (CL 13 ¶1, 34) are kept with the version that grants
// them; a later version without them withdraws them from its own day only.
func TestRulesKeepThePowers(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	ctx := t.Context()
	saved := beijing(t, "2026-11-29T10:00:00+08:00")
	granted := pack(qingshan, "2027-01-01", 5_000_00)
	granted.FreezePower, granted.ExecutionPower = true, true
	withdrawn := pack(qingshan, "2027-03-01", 5_000_00)
	for _, r := range []casefile.Rules{granted, withdrawn} {
		_, err := st.SaveRules(ctx, r, admin, saved)
		require.NoError(t, err)
	}
	tests := []struct {
		name, at          string
		freeze, execution bool
	}{
		{"the built-in pack grants neither", "2026-12-31T12:00:00+08:00", false, false},
		{"version 1 grants both", "2027-02-28T12:00:00+08:00", true, true},
		{"version 2 withdraws both", "2027-03-01T12:00:00+08:00", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := st.RulesInForce(ctx, qingshan, beijing(t, tt.at))
			require.NoError(t, err)
			require.Equal(t, tt.freeze, r.FreezePower)
			require.Equal(t, tt.execution, r.ExecutionPower)
		})
	}
	versions, err := st.RuleVersions(ctx, qingshan)
	require.NoError(t, err)
	require.Len(t, versions, 2)
	require.True(t, versions[1].FreezePower)
	require.True(t, versions[1].ExecutionPower, "the version that granted it still says so")
	require.False(t, versions[0].ExecutionPower)
}

// TestSaveRulesRefuses: every figure out of bounds, and a day before today
// or before the last version's, is refused with the field named; nothing
// is stored.
func TestSaveRulesRefuses(t *testing.T) {
	t.Parallel()
	st, db := seeded(t)
	ctx := t.Context()
	saved := beijing(t, "2026-11-29T10:00:00+08:00")
	_, err := st.SaveRules(ctx, pack(qingshan, "2027-01-01", 5_000_00), admin, saved)
	require.NoError(t, err)
	with := func(f func(*casefile.Rules)) casefile.Rules {
		r := pack(qingshan, "2027-02-01", 5_000_00)
		f(&r)
		return r
	}
	tests := []struct {
		name  string
		r     casefile.Rules
		code  string
		field string
	}{
		{"effective yesterday", with(func(r *casefile.Rules) { r.EffectiveFrom = "2026-11-28" }), "invalid_input", "effective_from"},
		{"before version 1's day", with(func(r *casefile.Rules) { r.EffectiveFrom = "2026-12-31" }), "rules_out_of_order", "effective_from"},
		{"no such day", with(func(r *casefile.Rules) { r.EffectiveFrom = "2027-02-30" }), "invalid_input", "effective_from"},
		{"a negative amount", with(func(r *casefile.Rules) { r.HearingConfiscation.Organization = -1 }), "invalid_input", "hearing_confiscation.organization"},
		{"over 100 million yuan", with(func(r *casefile.Rules) { r.MajorCaseFine.Person = 100_000_000_01 }), "invalid_input", "major_case_fine.person"},
		{"one head is no collective", with(func(r *casefile.Rules) { r.CollectiveHeads = 1 }), "invalid_input", "collective_heads"},
		{"21 heads", with(func(r *casefile.Rules) { r.CollectiveHeads = 21 }), "invalid_input", "collective_heads"},
		{"no basis", with(func(r *casefile.Rules) { r.Basis = " " }), "invalid_input", "basis"},
		{"a basis of 501 characters", with(func(r *casefile.Rules) { r.Basis = text(501) }), "invalid_input", "basis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := st.SaveRules(ctx, tt.r, admin, saved)
			require.Equal(t, tt.code, refusalCode(t, err))
			var r *store.Refusal
			require.ErrorAs(t, err, &r)
			require.Equal(t, tt.field, r.Field)
		})
	}
	_, err = st.SaveRules(ctx, pack("no-such-agency", "2027-01-01", 0), admin, saved)
	require.ErrorIs(t, err, store.ErrNotFound)
	require.Equal(t, 1, rows(t, db, "rule_packs", "agency_id = ?", qingshan), "nothing refused is stored")

	// At the bounds: the same day as the last version, zero amounts, 2 and 20 heads, 500 characters.
	for _, r := range []casefile.Rules{
		with(func(r *casefile.Rules) {
			r.EffectiveFrom, r.HearingFine, r.CollectiveHeads = "2027-01-01", casefile.PartyAmounts{}, 20
		}),
		with(func(r *casefile.Rules) { r.MajorCaseFine.Organization, r.Basis = 100_000_000_00, text(500) }),
	} {
		_, err := st.SaveRules(ctx, r, admin, saved)
		require.NoError(t, err)
	}
	in, err := st.RulesInForce(ctx, qingshan, beijing(t, "2027-01-01T12:00:00+08:00"))
	require.NoError(t, err)
	require.Equal(t, 2, in.Version, "a later version on the same day supersedes the earlier one")
}

// text is n characters of Chinese.
func text(n int) string {
	r := make([]rune, n)
	for i := range r {
		r[i] = '规'
	}
	return string(r)
}
