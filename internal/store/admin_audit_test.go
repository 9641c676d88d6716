package store_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
	"github.com/zhifa/zhifa/policies"
)

// auditActions lists the actions of the audit log f selects, newest first.
func auditActions(t *testing.T, st *store.Store, f store.AuditFilter) []string {
	t.Helper()
	if f.Limit == 0 {
		f.Limit = 100
	}
	entries, total, err := st.AuditLog(t.Context(), f)
	require.NoError(t, err)
	require.EqualValues(t, len(entries), total)
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Action
	}
	return out
}

// TestAdministrativeChangesAreAuditedWithTheChange: each change writes its
// entry in its own transaction; a refused change writes none.
func TestAdministrativeChangesAreAuditedWithTheChange(t *testing.T) {
	t.Parallel()
	st, db := seeded(t)
	ctx := t.Context()
	now := time.Now().UTC()
	qs := store.AuditFilter{AgencyIDs: []string{qingshan}}
	newSession(t, st, "s1", "qs-officer1", "h1", now)
	newSession(t, st, "s2", "qs-officer1", "h2", now)

	reviewer := store.RoleAssignment{OfficerID: "qs-officer1", AgencyID: qingshan, Role: casefile.RoleReviewer}
	require.NoError(t, st.AssignRole(ctx, reviewer, admin))
	require.NoError(t, st.AssignRole(ctx, reviewer, admin), "assigning twice is harmless")
	require.NoError(t, st.RemoveRole(ctx, reviewer, admin))
	require.ErrorIs(t, st.RemoveRole(ctx, reviewer, admin), store.ErrNotFound)
	require.Equal(t, []string{"role-removed", "role-assigned"}, auditActions(t, st, qs), "once each, none for what changed nothing")

	o, err := st.DisableOfficer(ctx, "qs-officer1", "调离执法岗位", admin, now)
	require.NoError(t, err)
	require.True(t, o.Disabled)
	require.ErrorIs(t, st.CheckSession(ctx, "s1", "qs-officer1", now), store.ErrNotFound, "sessions end with the disabling")
	require.ErrorIs(t, st.CheckSession(ctx, "s2", "qs-officer1", now), store.ErrNotFound)
	_, err = st.DisableOfficer(ctx, "qs-officer1", "again", admin, now)
	require.Equal(t, "officer_status", refusalCode(t, err))
	_, err = st.DisableOfficer(ctx, "qs-officer2", "", admin, now)
	require.Equal(t, "invalid_input", refusalCode(t, err), "a reason is required")
	entries, _, err := st.AuditLog(ctx, store.AuditFilter{AgencyIDs: []string{qingshan}, Limit: 1})
	require.NoError(t, err)
	disabled := entries[0]
	require.Equal(t, store.AuditOfficerDisabled, disabled.Action)
	require.Equal(t, "jn-admin", disabled.ActorID)
	require.Equal(t, "系统管理员", disabled.ActorName)
	require.Equal(t, "调离执法岗位", disabled.Reason)
	require.JSONEq(t, `{"disabled": true, "sessions_ended": 2}`, string(disabled.After))
	require.WithinDuration(t, time.Now(), disabled.At, time.Minute, "server time")

	_, err = st.EnableOfficer(ctx, "qs-officer1", "", admin)
	require.NoError(t, err)
	ended, err := st.ResetPassword(ctx, "qs-officer2", "hash", admin, now)
	require.NoError(t, err)
	require.Zero(t, ended)
	o, err = st.Officer(ctx, "qs-officer2")
	require.NoError(t, err)
	require.True(t, o.MustChangePassword)
	require.NoError(t, st.SetPassword(ctx, "qs-officer2", "chosen", now))
	o, err = st.Officer(ctx, "qs-officer2")
	require.NoError(t, err)
	require.False(t, o.MustChangePassword, "the officer's own password ends the one-time one")
	_, err = st.EndSessions(ctx, "qs-officer2", admin, now)
	require.NoError(t, err)
	_, err = st.ChangeCertificateStatus(ctx, "JN-QS-2024-002", store.CertSuspended, "暂扣", admin)
	require.NoError(t, err)
	_, err = st.RenameOfficer(ctx, "qs-officer2", "李娜", admin)
	require.Equal(t, "invalid_input", refusalCode(t, err), "nothing to change")

	require.Equal(t, []string{"certificate-suspended", "sessions-ended", "password-changed", "password-reset"},
		auditActions(t, st, store.AuditFilter{AgencyIDs: []string{qingshan}, OfficerID: "qs-officer2"}))
	entries, _, err = st.AuditLog(ctx, store.AuditFilter{AgencyIDs: []string{qingshan}, OfficerID: "qs-officer2", Limit: 10})
	require.NoError(t, err)
	changed := entries[2]
	require.Equal(t, "qs-officer2", changed.ActorID, "a password change is the officer's own")
	for _, e := range entries {
		var after map[string]any
		require.NoError(t, json.Unmarshal(e.After, &after))
		require.NotContains(t, string(e.After), "hash", "never a password or its hash")
	}

	// Another county's administrator sees none of it; permission lines only
	// when asked for.
	require.Empty(t, auditActions(t, st, store.AuditFilter{AgencyIDs: []string{baishui}}))
	require.Empty(t, auditActions(t, st, store.AuditFilter{}))
	_, err = st.AddPolicyRule(ctx, "jn-admin", policies.Rule{Role: casefile.RoleManager, Scope: policies.ScopeBelow,
		Object: policies.ObjPowerItem, Act: casefile.ActRead, Cert: policies.NeedNone})
	require.NoError(t, err)
	require.Equal(t, []string{"policy-added"}, auditActions(t, st, store.AuditFilter{Policy: true}))
	changes, total, err := st.PolicyAudit(ctx, 10, 0)
	require.NoError(t, err)
	require.EqualValues(t, 1, total, "the permission lines' audit lists them alone")
	require.Equal(t, store.PolicyAdded, changes[0].Change)
	require.Equal(t, 1, rows(t, db, "policy_audit", "change = ?", store.PolicyAdded))
}

// TestImportNamesNoOfficerOfAnotherAgency: a row whose login or
// certificate belongs to someone the importer does not manage is refused
// without saying who or where.
func TestImportNamesNoOfficerOfAnotherAgency(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	qsOnly := store.ImportOptions{By: admin, BcryptCost: 4, MayManage: func(agency string, _ policies.Object) bool { return agency == qingshan }}
	text := "login,name,agency_id,password,certificate_number,issued_by,fields,valid_from,valid_until\n" +
		"bs-officer2,杨静,jn-lj-qs,initial-pass-1,,,,,\n" +
		"qs-new,新人,jn-lj-qs,initial-pass-2,JN-BS-2024-002,江南省人民政府,食品安全,2026-01-01,2030-12-31\n"
	_, err := st.ImportOfficers(t.Context(), csvTable(t, text), qsOnly)
	var ie *store.ImportError
	require.ErrorAs(t, err, &ie)
	require.Len(t, ie.Rows, 2)
	for _, r := range ie.Rows {
		require.NotContains(t, r.Message, "jn-lj-bs")
		require.NotContains(t, r.Message, "杨静")
	}
	require.Equal(t, "login", ie.Rows[0].Column, "the login given is taken, no more")
	require.NotContains(t, ie.Rows[1].Message, "bs-officer2", "whose certificate it is stays unsaid")
}
