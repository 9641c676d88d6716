package api_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/api"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/policies"
)

// TestSyncPoliciesAddsWhatPolicyCSVGainedAndKeepsAdminChanges: an upgrade
// whose policy.csv has a line the database lacks gets it (audited as made by
// the system); a line an administrator added stays.
func TestSyncPoliciesAddsWhatPolicyCSVGainedAndKeepsAdminChanges(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	defaults, err := policies.DefaultRules()
	require.NoError(t, err)
	_, err = st.SeedPolicyRules(ctx, defaults)
	require.NoError(t, err)

	missing := defaults[0] // as if policy.csv gained it after the database was seeded
	_, err = st.RemovePolicyRule(ctx, "jn-admin", missing)
	require.NoError(t, err)
	extra := policies.Rule{Role: casefile.RoleManager, Scope: policies.ScopeBelow, Object: policies.ObjTask, Act: casefile.ActRead, Cert: policies.NeedNone}
	require.NotContains(t, defaults, extra)
	_, err = st.AddPolicyRule(ctx, "jn-admin", extra)
	require.NoError(t, err)

	added, kept, err := api.SyncPolicies(ctx, st)
	require.NoError(t, err)
	require.Equal(t, []policies.Rule{missing}, added)
	require.Equal(t, []policies.Rule{extra}, kept)
	stored, err := st.PolicyRules(ctx)
	require.NoError(t, err)
	require.Contains(t, stored, missing)
	require.Contains(t, stored, extra)

	changes, _, err := st.PolicyAudit(ctx, 1, 0)
	require.NoError(t, err)
	require.Equal(t, "system", changes[0].OfficerID)
	require.Equal(t, missing, changes[0].Line)

	// A second sync has nothing to add.
	added, _, err = api.SyncPolicies(ctx, st)
	require.NoError(t, err)
	require.Empty(t, added)
}
