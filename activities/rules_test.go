package activities_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/worker"

	"github.com/zhifa/zhifa/activities"
	"github.com/zhifa/zhifa/internal/calendar"
	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/demo"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/internal/store/storetest"
	"github.com/zhifa/zhifa/workflows"
)

// activitiesOnly lets activities.Register register on a test activity
// environment, which takes no workflows.
type activitiesOnly struct {
	worker.Registry
	env *testsuite.TestActivityEnvironment
}

func (r activitiesOnly) RegisterActivityWithOptions(a any, o activity.RegisterOptions) {
	r.env.RegisterActivityWithOptions(a, o)
}

// TestLoadRulesByName: the worker answers workflows.LoadRulesActivity with
// the pack in force at the moment asked, the parent's for an agency without
// its own, the built-in one before any.
func TestLoadRulesByName(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	require.NoError(t, demo.Seed(t.Context(), st))
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	activities.Register(activitiesOnly{env: env}, &activities.Activities{Store: st})

	city := casefile.BuiltinRules()
	city.AgencyID, city.EffectiveFrom, city.Basis = "jn-lj", "2026-12-01", "临江市市场监督管理行政处罚听证规定第三条"
	city.HearingFine = casefile.PartyAmounts{Person: 5_000_00, Organization: 50_000_00}
	_, err := st.SaveRules(t.Context(), city, store.Actor{ID: "jn-admin", Name: "系统管理员"}, instant(t, "2026-11-29T10:00:00+08:00"))
	require.NoError(t, err)

	load := func(agency, at string) casefile.Rules {
		t.Helper()
		val, err := env.ExecuteActivity(workflows.LoadRulesActivity, workflows.LoadRulesInput{AgencyID: agency, At: instant(t, at)})
		require.NoError(t, err)
		var r casefile.Rules
		require.NoError(t, val.Get(&r))
		return r
	}
	before := load("jn-lj-qs", "2026-11-30T23:59:59+08:00")
	require.Equal(t, "", before.AgencyID, "the built-in pack until the city's takes effect")
	require.EqualValues(t, 10_000_00, before.HearingFine.Person)
	from := load("jn-lj-qs", "2026-11-30T16:00:00Z") // 2026-12-01 00:00 in Beijing
	require.Equal(t, "jn-lj", from.AgencyID, "the county has none: the city's")
	require.Equal(t, 1, from.Version)
	require.EqualValues(t, 5_000_00, from.HearingFine.Person)

	_, err = env.ExecuteActivity(workflows.LoadRulesActivity, workflows.LoadRulesInput{AgencyID: "no-such-agency", At: instant(t, "2026-12-01T09:00:00+08:00")})
	var appErr *temporal.ApplicationError
	require.ErrorAs(t, err, &appErr)
	require.True(t, appErr.NonRetryable(), "retrying cannot make an agency")
}

// TestReviewActsAreTheProceduresReviewActs: the store counts a reviewer's
// past reviews by the acts the procedures record.
func TestReviewActsAreTheProceduresReviewActs(t *testing.T) {
	t.Parallel()
	require.Equal(t, []string{string(workflows.ActApproveReview), string(workflows.ActReturnReview)}, store.ReviewActs)
}

// TestWarningPerStepFromRulePack: a county's pack warns of the statement
// step 3 working days before it passes: a 5-working-day window from Monday
// 2026-12-07 ends on Monday 12-14, and the warning starts on Thursday 12-10;
// other steps keep the default, the start of the working day before the
// last day (Friday 12-11).
func TestWarningPerStepFromRulePack(t *testing.T) {
	t.Parallel()
	st := storetest.Open(t)
	require.NoError(t, demo.Seed(t.Context(), st))
	def, err := calendar.Default()
	require.NoError(t, err)
	require.NoError(t, st.ImportCalendar(t.Context(), def.Entries(), def.Years()))
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	activities.Register(activitiesOnly{env: env}, &activities.Activities{Store: st})
	county := casefile.BuiltinRules()
	county.AgencyID, county.EffectiveFrom, county.Basis = "jn-lj-qs", "2026-12-01", "青山县市场监督管理局执法期限提醒规定"
	county.WarnWorkdays = map[string]int{"statement": 3}
	_, err = st.SaveRules(t.Context(), county, store.Actor{ID: "jn-admin", Name: "系统管理员"}, instant(t, "2026-11-29T10:00:00+08:00"))
	require.NoError(t, err)

	compute := func(step string) workflows.ComputeDeadlineResult {
		t.Helper()
		val, err := env.ExecuteActivity(workflows.ComputeDeadlineActivity, workflows.ComputeDeadlineInput{
			Start: instant(t, "2026-12-07T10:00:00+08:00"), Amount: 5, Unit: string(casefile.Workdays), AgencyID: "jn-lj-qs", Step: step})
		require.NoError(t, err)
		var res workflows.ComputeDeadlineResult
		require.NoError(t, val.Get(&res))
		return res
	}
	statement := compute("statement")
	require.Equal(t, "2026-12-14", statement.DueDate)
	require.True(t, statement.WarnAt.Equal(instant(t, "2026-12-10T00:00:00+08:00")), "warned at %s", statement.WarnAt)
	payment := compute("payment")
	require.True(t, payment.WarnAt.Equal(instant(t, "2026-12-11T00:00:00+08:00")), "warned at %s", payment.WarnAt)
}
