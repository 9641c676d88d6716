package store_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/policies"
	"github.com/zhifa/zhifa/workflows"
)

// The procedures' acts are what permission lines may name.
func init() { policies.DeclareActs(workflows.Acts()) }

func TestPolicyRulesSeedOnce(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	ctx := t.Context()
	defaults, err := policies.DefaultRules()
	require.NoError(t, err)

	v, err := st.PolicyVersion(ctx)
	require.NoError(t, err)
	require.Zero(t, v)

	// Two processes starting at once on an empty database seed it once.
	var wg sync.WaitGroup
	seeded := make(chan bool, 2)
	for range 2 {
		wg.Go(func() {
			ok, err := st.SeedPolicyRules(ctx, defaults)
			require.NoError(t, err)
			seeded <- ok
		})
	}
	wg.Wait()
	close(seeded)
	n := 0
	for ok := range seeded {
		if ok {
			n++
		}
	}
	require.Equal(t, 1, n)

	rules, err := st.PolicyRules(ctx)
	require.NoError(t, err)
	require.Equal(t, defaults, rules, "in policy.csv order, through the adapter")
	v, err = st.PolicyVersion(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 1, v)

	again, err := st.SeedPolicyRules(ctx, defaults[:1])
	require.NoError(t, err)
	require.False(t, again, "a table with lines is not seeded again")
	v, err = st.PolicyVersion(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 1, v, "starting again does not move the version")

	changes, total, err := st.PolicyAudit(ctx, 5, 0)
	require.NoError(t, err)
	require.EqualValues(t, len(defaults), total)
	require.Len(t, changes, 5)
	require.Equal(t, store.PolicySeeded, changes[0].Change)
	require.Equal(t, store.SeededBy, changes[0].OfficerID)
}

func TestPolicyRuleChangesAreAuditedAndVersioned(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	ctx := t.Context()
	defaults, err := policies.DefaultRules()
	require.NoError(t, err)
	_, err = st.SeedPolicyRules(ctx, defaults)
	require.NoError(t, err)

	line := policies.Rule{Role: casefile.RoleHearingHost, Scope: policies.ScopeOwn, Object: policies.ObjTask, Act: casefile.ActRead, Cert: policies.NeedNone}
	v, err := st.AddPolicyRule(ctx, "jn-admin", line)
	require.NoError(t, err)
	require.EqualValues(t, 2, v)
	_, err = st.AddPolicyRule(ctx, "jn-admin", line)
	require.ErrorIs(t, err, store.ErrPolicyLineExists)

	rules, err := st.PolicyRules(ctx)
	require.NoError(t, err)
	require.Contains(t, rules, line)

	v, err = st.RemovePolicyRule(ctx, "jn-admin", line)
	require.NoError(t, err)
	require.EqualValues(t, 3, v)
	_, err = st.RemovePolicyRule(ctx, "jn-admin", line)
	require.ErrorIs(t, err, store.ErrNotFound)
	rules, err = st.PolicyRules(ctx)
	require.NoError(t, err)
	require.NotContains(t, rules, line)
	require.Len(t, rules, len(defaults))

	// A refused change moved nothing.
	v, err = st.PolicyVersion(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 3, v)

	// Role and tree changes move the version too.
	v, err = st.BumpPolicyVersion(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 4, v)

	changes, total, err := st.PolicyAudit(ctx, 2, 0)
	require.NoError(t, err)
	require.EqualValues(t, len(defaults)+2, total)
	require.Equal(t, store.PolicyRemoved, changes[0].Change)
	require.Equal(t, store.PolicyAdded, changes[1].Change)
	for i, want := range []int64{3, 2} {
		require.Equal(t, "jn-admin", changes[i].OfficerID)
		require.Equal(t, line, changes[i].Line)
		require.Equal(t, want, changes[i].Version)
		require.False(t, changes[i].At.IsZero())
	}
}

// TestConcurrentPolicyChanges: two processes adding the same line at once
// add it once; every change gets a version of its own.
func TestConcurrentPolicyChanges(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	ctx := t.Context()
	line := policies.Rule{Role: casefile.RoleManager, Scope: policies.ScopeBelow, Object: policies.ObjPowerItem, Act: casefile.ActRead, Cert: policies.NeedNone}
	var wg sync.WaitGroup
	results := make(chan error, 8)
	versions := make(chan int64, 8)
	for range 8 {
		wg.Go(func() {
			v, err := st.AddPolicyRule(ctx, "jn-admin", line)
			results <- err
			if err == nil {
				versions <- v
			}
		})
	}
	wg.Wait()
	close(results)
	close(versions)
	added := 0
	for err := range results {
		if err == nil {
			added++
		} else {
			require.ErrorIs(t, err, store.ErrPolicyLineExists)
		}
	}
	require.Equal(t, 1, added)
	rules, err := st.PolicyRules(ctx)
	require.NoError(t, err)
	require.Equal(t, []policies.Rule{line}, rules)
	_, total, err := st.PolicyAudit(ctx, 10, 0)
	require.NoError(t, err)
	require.EqualValues(t, 1, total)
}
