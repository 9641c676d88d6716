package authority_test

import (
	"testing"

	"cloud.google.com/go/civil"
	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/authority"
	"github.com/zhifa/zhifa/internal/casefile"
)

func TestCheckRules(t *testing.T) {
	t.Parallel()
	today := civil.Date{Year: 2026, Month: 11, Day: 29}
	prev := casefile.BuiltinRules()
	prev.Version, prev.EffectiveFrom = 1, "2027-01-01"
	with := func(f func(*casefile.Rules)) casefile.Rules {
		r := casefile.BuiltinRules()
		r.EffectiveFrom = "2027-01-01"
		f(&r)
		return r
	}
	tests := []struct {
		name  string
		r     casefile.Rules
		prev  *casefile.Rules
		code  string // "" when allowed
		field string
	}{
		{"the first pack, from today", with(func(r *casefile.Rules) { r.EffectiveFrom = "2026-11-29" }), nil, "", ""},
		{"from yesterday", with(func(r *casefile.Rules) { r.EffectiveFrom = "2026-11-28" }), nil, "invalid_input", "effective_from"},
		{"the day of the last version", with(func(*casefile.Rules) {}), &prev, "", ""},
		{"the day before the last version's", with(func(r *casefile.Rules) { r.EffectiveFrom = "2026-12-31" }), &prev, "rules_out_of_order", "effective_from"},
		{"no day", with(func(r *casefile.Rules) { r.EffectiveFrom = "" }), nil, "invalid_input", "effective_from"},
		{"a day written otherwise", with(func(r *casefile.Rules) { r.EffectiveFrom = "2027/01/01" }), nil, "invalid_input", "effective_from"},
		{"zero amounts", with(func(r *casefile.Rules) {
			r.HearingFine, r.MajorCaseFine = casefile.PartyAmounts{}, casefile.PartyAmounts{}
		}), nil, "", ""},
		{"a negative fine", with(func(r *casefile.Rules) { r.HearingFine.Person = -1 }), nil, "invalid_input", "hearing_fine.person"},
		{"100 million yuan", with(func(r *casefile.Rules) { r.HearingConfiscation.Organization = 100_000_000_00 }), nil, "", ""},
		{"a fen more", with(func(r *casefile.Rules) { r.HearingConfiscation.Organization = 100_000_000_01 }), nil, "invalid_input", "hearing_confiscation.organization"},
		{"2 heads", with(func(r *casefile.Rules) { r.CollectiveHeads = 2 }), nil, "", ""},
		{"20 heads", with(func(r *casefile.Rules) { r.CollectiveHeads = 20 }), nil, "", ""},
		{"1 head", with(func(r *casefile.Rules) { r.CollectiveHeads = 1 }), nil, "invalid_input", "collective_heads"},
		{"21 heads", with(func(r *casefile.Rules) { r.CollectiveHeads = 21 }), nil, "invalid_input", "collective_heads"},
		{"no basis", with(func(r *casefile.Rules) { r.Basis = "" }), nil, "invalid_input", "basis"},
		{"a warning of 1 and of 10 working days", with(func(r *casefile.Rules) { r.WarnWorkdays = map[string]int{"statement": 1, "decision": 10} }), nil, "", ""},
		{"a warning of 11 working days", with(func(r *casefile.Rules) { r.WarnWorkdays = map[string]int{"decision": 11} }), nil, "invalid_input", "warnings"},
		{"a warning of 0", with(func(r *casefile.Rules) { r.WarnWorkdays = map[string]int{"payment": 0} }), nil, "invalid_input", "warnings"},
		{"a step that is not a name", with(func(r *casefile.Rules) { r.WarnWorkdays = map[string]int{"Decision 90": 3} }), nil, "invalid_input", "warnings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := authority.CheckRules(tt.r, tt.prev, today)
			if tt.code == "" {
				require.Nil(t, r)
				return
			}
			require.NotNil(t, r)
			require.Equal(t, tt.code, r.Code)
			require.Equal(t, tt.field, r.Field)
			require.Contains(t, r.Zh, tt.field, "the Chinese message names the field")
			require.Contains(t, r.En, tt.field)
		})
	}
}

func TestCheckLegalQualification(t *testing.T) {
	t.Parallel()
	today := civil.Date{Year: 2026, Month: 11, Day: 29}
	tests := []struct {
		name      string
		q         authority.LegalQualification
		refusedOn string // "" when allowed
	}{
		{"a number and a day", authority.LegalQualification{Number: "A20193301020345", ObtainedOn: "2019-12-20"}, ""},
		{"a number alone", authority.LegalQualification{Number: "A20193301020345"}, ""},
		{"obtained today", authority.LegalQualification{Number: "A1", ObtainedOn: "2026-11-29"}, ""},
		{"obtained tomorrow", authority.LegalQualification{Number: "A1", ObtainedOn: "2026-11-30"}, "obtained_on"},
		{"no such day", authority.LegalQualification{Number: "A1", ObtainedOn: "2019-02-29"}, "obtained_on"},
		{"no number", authority.LegalQualification{ObtainedOn: "2019-12-20"}, "number"},
		{"a space in the number", authority.LegalQualification{Number: "A2019 3301"}, "number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := authority.CheckLegalQualification(tt.q, today)
			if tt.refusedOn == "" {
				require.Nil(t, r)
				return
			}
			require.NotNil(t, r)
			require.Equal(t, "invalid_input", r.Code)
			require.Equal(t, tt.refusedOn, r.Field)
		})
	}
}
