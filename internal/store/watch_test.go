package store_test

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zhifa/zhifa/internal/casefile"
	"github.com/zhifa/zhifa/internal/store"
)

// TestIdentityChangesAreSeen: every write that changes who an officer is
// or ends a session is reported, wherever in the store it is made; a login
// or a refresh is not.
func TestIdentityChangesAreSeen(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	ctx := t.Context()
	var seen atomic.Int64
	st.OnIdentityChange(func() { seen.Add(1) })
	now := time.Now()
	expect := func(name string, changed bool, write func() error) {
		t.Helper()
		before := seen.Load()
		require.NoError(t, write(), name)
		if changed {
			require.Greater(t, seen.Load(), before, "%s is reported", name)
		} else {
			require.Equal(t, before, seen.Load(), "%s is not reported", name)
		}
	}

	sess := store.Session{ID: "s-1", OfficerID: "qs-officer1", CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	expect("a login", false, func() error { return st.CreateSession(ctx, sess, "hash-1") })
	expect("a refresh", false, func() error {
		_, err := st.RotateRefresh(ctx, "hash-1", "hash-2", now, now.Add(time.Hour))
		return err
	})
	expect("a logout", true, func() error { return st.RevokeSession(ctx, "s-1", store.RevokedLogout, now) })
	expect("a logout already done", false, func() error { return st.RevokeSession(ctx, "s-1", store.RevokedLogout, now) })
	ra := store.RoleAssignment{OfficerID: "qs-officer1", AgencyID: qingshan, Role: casefile.RoleReviewer}
	expect("a role assigned", true, func() error { return st.AssignRole(ctx, ra, admin) })
	expect("a role removed", true, func() error { return st.RemoveRole(ctx, ra, admin) })
	expect("a certificate suspended", true, func() error {
		_, err := st.ChangeCertificateStatus(ctx, "JN-QS-2024-001", store.CertSuspended, "暂扣", admin)
		return err
	})
	expect("a password changed", true, func() error { return st.SetPassword(ctx, "qs-officer1", "not-a-real-hash", now) })
	expect("an account disabled", true, func() error {
		_, err := st.DisableOfficer(ctx, "qs-officer2", "调离", admin, now)
		return err
	})
}

// TestIdentityDecidesCertificatesAsTheStoreDoes: an officer's Identity,
// read once, gives the certificate state and number the store gives for
// any field and instant, its history included.
func TestIdentityDecidesCertificatesAsTheStoreDoes(t *testing.T) {
	t.Parallel()
	st, _ := seeded(t)
	ctx := t.Context()
	suspended := time.Now()
	_, err := st.ChangeCertificateStatus(ctx, "JN-QS-2024-002", store.CertSuspended, "暂扣", admin)
	require.NoError(t, err)
	for _, officer := range []string{"qs-officer1", "qs-officer2", "qs-officer3", "qs-reviewer"} {
		id, err := st.Identity(ctx, officer)
		require.NoError(t, err)
		require.Equal(t, officer, id.Officer.ID)
		roles, err := st.Roles(ctx, officer)
		require.NoError(t, err)
		require.Equal(t, roles, id.Roles)
		latest, err := st.CertificateOf(ctx, officer)
		got, ok := id.Latest()
		require.Equal(t, err == nil, ok, officer)
		require.Equal(t, latest.Number, got.Number, officer)
		for _, field := range []string{"食品安全", "税收征管", ""} {
			for _, at := range []time.Time{suspended.Add(-time.Minute), time.Now(), beijing(t, "2021-06-01T10:00:00+08:00")} {
				wantState, wantCert, err := st.CertificateFor(ctx, officer, field, at)
				require.NoError(t, err)
				state, cert := id.CertificateFor(field, at)
				require.Equal(t, wantState, state, "%s %s %v", officer, field, at)
				require.Equal(t, wantCert.Number, cert.Number, "%s %s %v", officer, field, at)
			}
		}
	}
	_, err = st.Identity(ctx, "nobody")
	require.ErrorIs(t, err, store.ErrNotFound)
}
