package policies_test

// The policy lifecycle against a real database (SQLite, or the PostgreSQL
// named by ZHIFA_TEST_DATABASE_URL): seeding, syncing after an upgrade and
// the poll that carries a change made by another process to this one.

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/policies"
)

// managerReadsTasksBelow is a line policy.csv does not have, as an
// administrator might add it.
var managerReadsTasksBelow = policies.Rule{Role: casefile.RoleManager, Scope: policies.ScopeBelow, Object: policies.ObjTask, Act: casefile.ActRead, Cert: policies.NeedNone}

// managerReadsCountyTasks asks whether the demo city manager may read a task
// of a county below the city.
var managerReadsCountyTasks = policies.Request{Officer: "lj-manager", OfficerAgency: "jn-lj", Agency: "jn-lj-qs",
	Object: policies.ObjTask, Act: casefile.ActRead}

// TestSyncAddsWhatPolicyCSVGainedAndKeepsAdminChanges: an upgrade whose
// policy.csv has a line the database lacks gets it (audited as made by the
// system); a line an administrator added stays.
func TestSyncAddsWhatPolicyCSVGainedAndKeepsAdminChanges(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	defaults, err := policies.DefaultRules()
	require.NoError(t, err)
	_, err = st.SeedPolicyRules(ctx, defaults)
	require.NoError(t, err)

	missing := defaults[0] // as if policy.csv gained it after the database was seeded
	_, err = st.RemovePolicyRule(ctx, "jn-admin", missing)
	require.NoError(t, err)
	require.NotContains(t, defaults, managerReadsTasksBelow)
	_, err = st.AddPolicyRule(ctx, "jn-admin", managerReadsTasksBelow)
	require.NoError(t, err)

	added, kept, err := policies.Sync(ctx, st)
	require.NoError(t, err)
	require.Equal(t, []policies.Rule{missing}, added)
	require.Equal(t, []policies.Rule{managerReadsTasksBelow}, kept)
	stored, err := st.PolicyRules(ctx)
	require.NoError(t, err)
	require.Contains(t, stored, missing)
	require.Contains(t, stored, managerReadsTasksBelow)

	changes, _, err := st.PolicyAudit(ctx, 1, 0)
	require.NoError(t, err)
	require.Equal(t, policies.SyncedBy, changes[0].OfficerID)
	require.Equal(t, missing, changes[0].Line)

	// A second sync has nothing to add.
	added, _, err = policies.Sync(ctx, st)
	require.NoError(t, err)
	require.Empty(t, added)
}

// TestLoadSeedsOnceAndDecidesByTheDatabase: the first start fills an empty
// database from policy.csv; later starts keep an administrator's changes
// and decide by them, with the agency tree and roles from the database.
func TestLoadSeedsOnceAndDecidesByTheDatabase(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	require.NoError(t, demo.Seed(ctx, st))
	defaults, err := policies.DefaultRules()
	require.NoError(t, err)

	e, err := policies.New()
	require.NoError(t, err)
	require.NoError(t, policies.Load(ctx, st, e))
	stored, err := st.PolicyRules(ctx)
	require.NoError(t, err)
	require.Equal(t, defaults, stored)
	v, err := st.PolicyVersion(ctx)
	require.NoError(t, err)
	require.Equal(t, v, e.Version())
	// The city manager reads cases of the county below, through the tree
	// and the role the database holds.
	ok, err := e.Allowed(policies.Request{Officer: "lj-manager", OfficerAgency: "jn-lj", Agency: "jn-lj-qs",
		Object: policies.ObjCase, Act: casefile.ActRead})
	require.NoError(t, err)
	require.True(t, ok)
	ok, err = e.Allowed(managerReadsCountyTasks)
	require.NoError(t, err)
	require.False(t, ok)

	_, err = st.AddPolicyRule(ctx, "jn-admin", managerReadsTasksBelow)
	require.NoError(t, err)
	restarted, err := policies.New()
	require.NoError(t, err)
	require.NoError(t, policies.Load(ctx, st, restarted))
	stored, err = st.PolicyRules(ctx)
	require.NoError(t, err)
	require.Len(t, stored, len(defaults)+1, "a later start seeds nothing")
	ok, err = restarted.Allowed(managerReadsCountyTasks)
	require.NoError(t, err)
	require.True(t, ok)
}

// TestWatchCarriesAChangeFromAnotherProcess: a line added through one
// process decides in another after its next poll.
func TestWatchCarriesAChangeFromAnotherProcess(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	st := storetest.Open(t)
	require.NoError(t, demo.Seed(ctx, st))
	e, err := policies.New()
	require.NoError(t, err)
	require.NoError(t, policies.Load(ctx, st, e))
	done := make(chan struct{})
	go func() {
		defer close(done)
		policies.Watch(ctx, st, e, 20*time.Millisecond)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})

	v, err := st.AddPolicyRule(ctx, "jn-admin", managerReadsTasksBelow)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		ok, err := e.Allowed(managerReadsCountyTasks)
		return err == nil && ok
	}, 5*time.Second, 20*time.Millisecond)
	require.GreaterOrEqual(t, e.Version(), v)
}
